// report.pdf rendering cost: CPU per report (model -> PDF bytes, including
// the report's own font subset and every stream deflated), with the font
// parsed and the shared subset of the fixed wording made once, as a run does.
//
//   build/report_bench --benchmark_counters_tabular=true
// prints ms per report and the PDF size in KB.
#include <benchmark/benchmark.h>

#include "pipeline/report/render_report.h"
#include "pipeline/report/report_glyphs.h"
#include "tests/report/sample_models.h"

namespace fidelity::report {
namespace {

const pdf::FontCache& Fonts() {
  static const pdf::FontCache fonts = [] {
    pdf::FontCache f = pdf::FontCache::FromDataDir();
    f.SetSharedCharacters(LoadReportGlyphs());
    return f;
  }();
  return fonts;
}
const ReportTemplate& Template() {
  static const ReportTemplate t = LoadDefaultReportTemplate();
  return t;
}

void Render(benchmark::State& state, const ReportModel& model) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string pdf = RenderReportPdf(model, Template(), Fonts());
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["KB"] = static_cast<double>(bytes) / 1024.0;
  state.counters["reports/s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
}

void BM_ReportNormal(benchmark::State& state) { Render(state, samples::Normal()); }
void BM_ReportProvisional(benchmark::State& state) { Render(state, samples::Provisional()); }
void BM_ReportLongText(benchmark::State& state) { Render(state, samples::LongText()); }

void BM_FontSubsetOnly(benchmark::State& state) {
  std::vector<char32_t> cps;
  for (char32_t c = U'ぁ'; c <= U'ん'; ++c) cps.push_back(c);
  for (char32_t c = U'亜'; c < U'亜' + 300; ++c)
    if (Fonts().HasGlyph(c)) cps.push_back(c);
  for (auto _ : state) benchmark::DoNotOptimize(Fonts().Subset(cps));
}

BENCHMARK(BM_ReportNormal)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_ReportProvisional)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_ReportLongText)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_FontSubsetOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace fidelity::report

BENCHMARK_MAIN();
