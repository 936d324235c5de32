// The region and the years through the real binary: the sample chain
// 2024 → 2025 → 2026 (history in scores.json, run.json's previous), a
// region of six agencies (region figures shown) against the sample's three
// scored ones (not shown), summary.xlsx cells equal to summary.csv's, a
// missing link and a loop in the chain, reruns byte-identical.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/core/json.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::Q;
using test::RunFidelity;
using test::Slurp;

fs::path Repo() { return test::RepoPath(); }
Json Load(const fs::path& p) { return Json::Parse(Slurp(p)); }

// A copy of samples/ with 2024 and 2025 run, and a 2026 cycle of six
// agencies (the sample's four, and two of them again under new ids).
class Chain : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new test::TempDir();
    fs::path s = tmp_->path() / "samples";
    fs::copy(Repo() / "samples", s, fs::copy_options::recursive);
    fs::remove_all(s / "out");
    for (const char* y : {"2024", "2025"}) {
      auto r = RunFidelity("run " + Q(s / y) + " -o " + Q(s / "out" / y) + " --quiet");
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    std::string cycle = Slurp(s / "2026/cycle.yaml");
    for (const auto& [from, to] : {std::pair{"hamamatsu-01", "kosai-05"}, std::pair{"shizuoka-02", "yaizu-06"}}) {
      size_t a = cycle.find("  - id: " + std::string(from));
      size_t b = cycle.find("\n\n", a);
      std::string entry = cycle.substr(a, b - a);
      for (size_t p; (p = entry.find(from)) != std::string::npos;) entry.replace(p, std::string(from).size(), to);
      cycle += "\n" + entry + "\n";
      fs::copy(s / "2026" / from, s / "2026" / to, fs::copy_options::recursive);
    }
    std::ofstream(s / "2026/cycle.yaml", std::ios::binary) << cycle;
    result_ = new test::CommandResult(RunFidelity("run " + Q(s / "2026") + " -o " + Q(out()) + " --quiet"));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete tmp_;
  }
  static fs::path samples() { return tmp_->path() / "samples"; }
  static fs::path out() { return tmp_->path() / "samples/out/2026"; }
  static test::TempDir* tmp_;
  static test::CommandResult* result_;
};
test::TempDir* Chain::tmp_ = nullptr;
test::CommandResult* Chain::result_ = nullptr;

TEST_F(Chain, ScoresJsonCarriesEveryEarlierCycleOldestFirst) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  Json h = Load(out() / "hamamatsu-01/scores.json");
  const Json* hist = h.get("history");
  ASSERT_TRUE(hist && hist->size() == 2) << h.Dump();
  EXPECT_EQ((*hist)[0].get("cycle")->as_string(), "2024年度");
  EXPECT_EQ((*hist)[0].get("total")->as_int(), 77);  // samples/EXPECTED.md
  EXPECT_EQ((*hist)[0].get("band")->as_string(), "fair");
  EXPECT_EQ((*hist)[0].get("subtotals")->get("staffing")->as_int(), 8);
  EXPECT_EQ((*hist)[1].get("cycle")->as_string(), "2025年度");
  EXPECT_EQ((*hist)[1].get("total")->as_int(), 82);
  EXPECT_EQ(h.get("previous")->get("total")->as_int(), 82);
  // An agency new this cycle has an empty history.
  EXPECT_EQ(Load(out() / "kosai-05/scores.json").get("history")->size(), 0u);
  // Each run.json names its own previous, relative to itself.
  EXPECT_EQ(Load(out() / "run.json").get("previous")->as_string(), "../2025");
  EXPECT_EQ(Load(samples() / "out/2025/run.json").get("previous")->as_string(), "../2024");
  EXPECT_EQ(Load(samples() / "out/2024/run.json").get("previous"), nullptr);
}

TEST_F(Chain, FiveScoredAgenciesShowTheRegionAndTheSummaryNamesTheCycles) {
  auto text = test::RunShell("pdftotext -layout " + Q(out() / "summary.pdf") + " -");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("地域の中央値（確定した 5 機関）を各機関の報告書に載せました"), std::string::npos) << text.out;
  for (const char* s : {"2024年度", "2025年度", "2026年度", "年度ごとの分布", "地域の推移", "0〜125 点",
                        "ぬまづ就労サポートセンター", "未決の項目: II-1"})
    EXPECT_NE(text.out.find(s), std::string::npos) << s;
  auto check = test::RunShell("qpdf --check " + Q(out() / "summary.pdf"));
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST_F(Chain, SummaryXlsxCellsEqualSummaryCsv) {
  std::ofstream(tmp_->path() / "eq.py") << R"(import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[wb.sheetnames[0]]
rows = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline='')))
bad = 0
for r, row in enumerate(rows, start=1):
    for c, text in enumerate(row, start=1):
        v = ws.cell(r, c).value
        if v is None: v = ''
        same = (float(text) == float(v)) if isinstance(v, (int, float)) else (text == v)
        bad += not same
print(wb.sheetnames, 'rows', len(rows), 'diffs', bad, 'max_row', ws.max_row, 'max_col', ws.max_column, len(rows[0]))
hist = wb['地域の推移']
print('cycles', [hist.cell(r, 1).value for r in range(2, hist.max_row + 1)])
)";
  auto r = test::RunShell("/usr/bin/python3 " + Q(tmp_->path() / "eq.py") + " " + Q(out() / "summary.xlsx") + " " +
                          Q(out() / "summary.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("['機関', '項目', '地域の推移'] rows 7 diffs 0 max_row 7 max_col 41 41"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("cycles ['2024年度', '2025年度', '2026年度']"), std::string::npos) << r.out;
}

TEST_F(Chain, RerunIsByteIdentical) {
  fs::path again = tmp_->path() / "again";
  auto r = RunFidelity("run " + Q(samples() / "2026") + " -o " + Q(again) + " --quiet -j 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"summary.csv", "summary.xlsx", "summary.pdf", "hamamatsu-01/scores.json",
                        "hamamatsu-01/report.pdf", "numazu-03/scores.json"})
    EXPECT_EQ(Slurp(again / f), Slurp(out() / f)) << f;
}

TEST_F(Chain, AMissingLinkEndsTheChainWithAWarning) {
  fs::path s2 = tmp_->path() / "missing";
  fs::copy(samples(), s2, fs::copy_options::recursive);
  fs::remove_all(s2 / "out/2024");
  auto r = RunFidelity("run " + Q(s2 / "2026") + " -o " + Q(s2 / "out/2026b") + " --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("previous.chain_end"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("これより前の年度はたどりません"), std::string::npos) << r.err;
  Json h = Load(s2 / "out/2026b/hamamatsu-01/scores.json");
  ASSERT_EQ(h.get("history")->size(), 1u);
  EXPECT_EQ((*h.get("history"))[0].get("cycle")->as_string(), "2025年度");
}

TEST_F(Chain, ALoopInTheChainIsCutWithAWarning) {
  fs::path s3 = tmp_->path() / "loop";
  fs::copy(samples(), s3, fs::copy_options::recursive);
  // 2025's run.json names 2026's output as its previous: 2026 → 2025 → 2026 → …
  std::string run = Slurp(s3 / "out/2025/run.json");
  run.replace(run.find("\"../2024\""), 9, "\"../2026\"");
  std::ofstream(s3 / "out/2025/run.json", std::ios::binary) << run;
  auto r = RunFidelity("run " + Q(s3 / "2026") + " -o " + Q(s3 / "out/2026") + " --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("previous.loop"), std::string::npos) << r.err;
  Json h = Load(s3 / "out/2026/hamamatsu-01/scores.json");
  ASSERT_EQ(h.get("history")->size(), 1u);  // 2025; then the chain comes back to this run's own OUT: cut
  EXPECT_EQ((*h.get("history"))[0].get("cycle")->as_string(), "2025年度");
}

TEST_F(Chain, OnlyRerendersSomeAgenciesWithTheWholeRegion) {
  fs::path o = tmp_->path() / "only";
  auto r = RunFidelity("run " + Q(samples() / "2026") + " -o " + Q(o) + " --quiet --only numazu-03 fuji-04");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string csv = Slurp(o / "summary.csv");
  int lines = 0;
  for (char ch : csv) lines += ch == '\n';
  EXPECT_EQ(lines, 3);  // header + the two agencies re-run
  auto text = test::RunShell("pdftotext -layout " + Q(o / "summary.pdf") + " -");
  EXPECT_NE(text.out.find("地域の中央値（確定した 5 機関）"), std::string::npos) << text.out;
  // fuji-04's report is the same as in the full run: the region did not shrink to the two re-run.
  EXPECT_EQ(Slurp(o / "fuji-04/report.pdf"), Slurp(out() / "fuji-04/report.pdf"));
}

TEST_F(Chain, AHostileEarlierScoresJsonIsRefusedNamingFileAndField) {
  fs::path s4 = tmp_->path() / "hostile";
  fs::copy(samples(), s4, fs::copy_options::recursive);
  std::string j = Slurp(s4 / "out/2025/hamamatsu-01/scores.json");
  size_t at = j.find("\"score\": ", j.find("\"I-1\""));
  j.replace(at, 10, "\"score\": -2147483648");
  std::ofstream(s4 / "out/2025/hamamatsu-01/scores.json", std::ios::binary) << j;
  std::string k = Slurp(s4 / "out/2025/shizuoka-02/scores.json");
  size_t n = k.find("\"reasons\": [\"") + 13;  // inside the first reason (what next year's report reads)
  k.insert(n, "\xff\xfe\x1b[31m");
  std::ofstream(s4 / "out/2025/shizuoka-02/scores.json", std::ios::binary) << k;
  auto r = RunFidelity("run " + Q(s4 / "2026") + " -o " + Q(s4 / "out/2026") + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string h = Slurp(s4 / "out/2026/hamamatsu-01/scores.json");
  EXPECT_NE(h.find("2025/hamamatsu-01/scores.json の items.I-1.score が 1〜5 の整数ではありません（-2147483648）"),
            std::string::npos)
      << h;
  EXPECT_TRUE(Json::Parse(h).get("previous")->is_null());  // last year's numbers are not used
  std::string s = Slurp(s4 / "out/2026/shizuoka-02/scores.json");
  EXPECT_NE(s.find("2025/shizuoka-02/scores.json の items.") , std::string::npos) << s;
  EXPECT_EQ(s.find("\xff"), std::string::npos);
  EXPECT_EQ(s.find("\x1b"), std::string::npos);
  auto text = test::RunShell("pdftotext " + Q(s4 / "out/2026/hamamatsu-01/report.pdf") + " -");
  EXPECT_EQ(text.out.find("2147483648"), std::string::npos);
  // The refused 2025 file is left out; the chain still reaches 2024 through 2025's run.json.
  ASSERT_EQ(Json::Parse(h).get("history")->size(), 1u);
  EXPECT_EQ((*Json::Parse(h).get("history"))[0].get("cycle")->as_string(), "2024年度");
}

TEST(Region, FewerThanFiveScoredAgenciesShowNoRegionFigures) {
  test::TempDir t;
  fs::copy(Repo() / "samples", t / "samples", fs::copy_options::recursive);
  fs::remove_all(t / "samples/out");
  for (const char* y : {"2024", "2025", "2026"}) {
    auto r = RunFidelity("run " + Q(t / "samples" / y) + " -o " + Q(t / "samples/out" / y) + " --quiet");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  auto text = test::RunShell("pdftotext -layout " + Q(t / "samples/out/2026/summary.pdf") + " -");
  EXPECT_NE(text.out.find("確定した機関が 3 機関で 5 機関に満たないため"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace fidelity
