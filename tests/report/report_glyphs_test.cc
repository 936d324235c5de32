// templates/report_glyphs.txt lists the characters every report draws; the
// run subsets and compresses them once and shares them (issue 13). The list
// must not go stale: every character on it is drawn by every sample report.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "pipeline/core/text.h"
#include "pipeline/report/report_glyphs.h"
#include "tests/test_util.h"

namespace fidelity::report {
namespace {

namespace fs = std::filesystem;

TEST(ReportGlyphs, ParseSkipsCommentsSpacesAndDuplicates) {
  std::vector<char32_t> g = ParseReportGlyphs("# 評価 comment\n評価 評\n\n点\t\n");
  std::vector<char32_t> want{U'点', U'評', U'価'};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(g, want);
  EXPECT_TRUE(ParseReportGlyphs("# only\n").empty());
}

TEST(ReportGlyphs, EveryListedCharacterIsDrawnByEverySampleReport) {
  std::vector<char32_t> listed = LoadReportGlyphs();
  ASSERT_GT(listed.size(), 200u);
  const fs::path repo = test::RepoPath();
  test::TempDir tmp;
  fs::copy(repo / "samples" / "2024", tmp / "2024", fs::copy_options::recursive);
  auto run = test::RunFidelity("run " + test::Q(tmp / "2024") + " -o " + test::Q(tmp / "out") + " --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  int reports = 0;
  for (const auto& agency : fs::directory_iterator(tmp / "out")) {
    fs::path pdf = agency.path() / "report.pdf";
    if (!fs::exists(pdf)) continue;
    ++reports;
    auto fonts = test::RunShell("pdffonts " + test::Q(pdf));
    EXPECT_NE(fonts.out.find("Identity-H"), std::string::npos);
    EXPECT_EQ(test::RunShell("qpdf --check " + test::Q(pdf)).exit_code, 0);
    std::vector<char32_t> drawn = Utf8ToCodepoints(test::RunShell("pdftotext -enc UTF-8 " + test::Q(pdf) + " -").out);
    std::sort(drawn.begin(), drawn.end());
    std::string stale;
    for (char32_t c : listed)
      if (!std::binary_search(drawn.begin(), drawn.end(), c)) AppendUtf8(stale, c);
    EXPECT_EQ(stale, "") << pdf << ": listed in templates/report_glyphs.txt but not drawn; "
                         << "regenerate it with scripts/report_glyphs.py";
  }
  EXPECT_GE(reports, 2);
}

}  // namespace
}  // namespace fidelity::report
