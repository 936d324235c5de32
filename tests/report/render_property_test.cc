// Rendering is total: every report model renders to a PDF that qpdf
// --check accepts. Issue 17 §1 (a content-dependent libharu failure, one
// report in about 2,000). FIDELITY_PROPERTY_N sets the number of models
// (default 300 for CI; the issue asks for 2,000 — run with
// FIDELITY_PROPERTY_N=2000).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "pipeline/core/text.h"
#include "pipeline/report/render_report.h"
#include "tests/report/random_models.h"
#include "tests/test_util.h"

namespace fidelity::report {
namespace {

int ModelCount() {
  const char* n = std::getenv("FIDELITY_PROPERTY_N");
  return n && *n ? std::atoi(n) : 300;
}

TEST(RenderPropertyTest, EveryRandomModelRendersToAValidPdf) {
  static const pdf::FontCache fonts = pdf::FontCache::FromDataDir();
  static const ReportTemplate tmpl = LoadDefaultReportTemplate();
  samples::RandomModels gen(20261206);
  test::TempDir tmp;
  const int n = ModelCount();
  int rendered = 0;
  std::vector<std::string> failures;
  for (int i = 0; i < n; ++i) {
    ReportModel m = gen.Next();
    try {
      std::string bytes = RenderReportPdf(m, tmpl, fonts);
      std::ofstream(tmp / ("r" + std::to_string(i) + ".pdf"), std::ios::binary) << bytes;
      ++rendered;
    } catch (const std::exception& e) {
      failures.push_back("model " + std::to_string(i) + ": " + e.what());
    }
  }
  EXPECT_EQ(rendered, n);
  for (const std::string& f : failures) ADD_FAILURE() << f;
  // One shell for all files; prints the name of each file qpdf rejects.
  auto check = test::RunShell("cd " + test::Q(tmp.path()) +
                              " && for f in *.pdf; do qpdf --check \"$f\" >/dev/null 2>&1 || echo \"$f\"; done");
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_EQ(check.out, "") << "qpdf --check failed on these files";
  RecordProperty("models", n);
}

TEST(RenderPropertyTest, RandomModelsAreReproducible) {
  samples::RandomModels a(7), b(7);
  for (int i = 0; i < 20; ++i) {
    ReportModel x = a.Next(), y = b.Next();
    EXPECT_EQ(x.agency.name, y.agency.name);
    EXPECT_EQ(x.items[3].notes, y.items[3].notes);
    EXPECT_EQ(x.challenges.size(), y.challenges.size());
  }
}

}  // namespace
}  // namespace fidelity::report
