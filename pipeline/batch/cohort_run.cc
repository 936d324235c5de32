#include "pipeline/batch/cohort_run.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "pipeline/batch/resources.h"
#include "pipeline/report/summary_csv.h"
#include "pipeline/report/summary_pdf.h"
#include "pipeline/report/summary_xlsx.h"

namespace fidelity {

std::unique_ptr<CyclePlan> ScoreCycle(const Manifest& m, const std::vector<const AgencyEntry*>& todo,
                                      const CycleResources& res, const ProcessOptions& options, PreviousChain chain,
                                      int jobs) {
  auto plan = std::make_unique<CyclePlan>();
  plan->chain = std::move(chain);
  ProcessOptions opt = options;
  opt.chain = &plan->chain;
  // Every agency of the manifest is scored, also under --only: the region's
  // figures in a report never depend on which agencies were re-run.
  const size_t n = m.agencies.size();
  std::vector<ScoredAgency> scored(n);
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < n; i = next++) scored[i] = ScoreEntry(m, m.agencies[i], res, opt);
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::min<int>(jobs, static_cast<int>(n)); ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  std::set<std::string> selected;
  for (const AgencyEntry* e : todo) selected.insert(e->id);
  std::vector<report::CohortRow> all, rows;
  for (size_t i = 0; i < n; ++i) {
    const AgencyEntry& e = m.agencies[i];
    all.push_back(scored[i].ok ? report::CohortRowOf(scored[i].scores, scored[i].info)
                               : report::FailedCohortRow(e.id, e.name, e.type, scored[i].problems));
    if (!selected.count(e.id)) continue;  // scored for the region only; its scores are dropped here
    rows.push_back(all.back());
    plan->scored[e.id] = std::move(scored[i]);
  }
  report::CohortSpec spec =
      report::CohortSpecOf(res.instrument, m.cycle, res.summary_template.Threshold("region_minimum"));
  report::RegionFigures region = report::BuildCohort(spec, std::move(all), {}).region;
  plan->cohort = report::BuildCohort(std::move(spec), std::move(rows), plan->chain.cycles);
  plan->cohort.region = std::move(region);
  return plan;
}

AgencyOutcome RenderAgency(CyclePlan& plan, const Manifest& m, const AgencyEntry& e, const CycleResources& res,
                           const ProcessOptions& options) {
  ScoredAgency mine;
  {
    std::lock_guard<std::mutex> l(plan.mu);
    auto it = plan.scored.find(e.id);
    if (it == plan.scored.end()) {
      AgencyOutcome o;
      o.id = e.id;
      o.problems.push_back(Error("internal", e.id, "採点の結果が見つかりません"));
      return o;
    }
    mine = std::move(it->second);
    plan.scored.erase(it);
  }
  ProcessOptions opt = options;
  opt.chain = &plan.chain;
  return RenderEntry(std::move(mine), m, e, res, opt, plan.cohort.region);
}

std::map<std::string, std::string> SummaryFiles(const CyclePlan& plan, const std::vector<FinalStatus>& statuses,
                                                const CycleResources& res) {
  report::CohortModel cohort = plan.cohort;
  bool changed = false;
  for (const auto& s : statuses) {
    if (s.ok) continue;
    for (auto& row : cohort.rows)
      if (row.id == s.id && row.status != report::CohortStatus::kFailed) {
        row = report::FailedCohortRow(row.id, row.name, row.type, s.problems);
        changed = true;
      }
  }
  if (changed) cohort = report::BuildCohort(cohort.spec, std::move(cohort.rows), plan.chain.cycles);
  const auto& t = res.summary_template;
  return {{"summary.csv", report::SummaryCsv(cohort, t)},
          {"summary.xlsx", report::SummaryXlsx(cohort, t)},
          {"summary.pdf", report::RenderSummaryPdf(cohort, t, *res.fonts)}};
}

}  // namespace fidelity
