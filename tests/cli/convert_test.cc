// `fidelity convert` and `fidelity blank --reviewer` through the binary, and
// the issue's whole coordinator workflow: a cycle made only of folders,
// workbooks and Excel score sheets → init → the marked blanks filled → run
// gives the same scores.json as the YAML cycle it was converted from.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "pipeline/core/fs.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::Q;
using test::RunFidelity;
using test::Slurp;
using test::TempDir;

fs::path Samples() { return test::RepoPath() / "samples"; }

TEST(Convert, WritesAFilledSheetAndRefusesToOverwrite) {
  TempDir tmp;
  fs::path in = Samples() / "2026/hamamatsu-01/合議.yaml";
  auto r = RunFidelity("convert " + Q(in) + " -o " + Q(tmp / "合議.xlsx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("変換しました"), std::string::npos);
  auto again = RunFidelity("convert " + Q(in) + " -o " + Q(tmp / "合議.xlsx"));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("上書きしません"), std::string::npos) << again.err;
  EXPECT_EQ(RunFidelity("convert " + Q(in) + " -o " + Q(tmp / "合議.xlsx") + " --force").exit_code, 0);
  // An Excel sheet is not converted again.
  auto xl = RunFidelity("convert " + Q(tmp / "合議.xlsx"));
  EXPECT_EQ(xl.exit_code, 2);
  EXPECT_NE(xl.err.find("既に評価シート"), std::string::npos) << xl.err;
}

TEST(Convert, AYamlWithAnErrorIsNotConvertedAndTheErrorNamesItsLine) {
  TempDir tmp;
  std::ofstream(tmp / "bad.yaml") << "reviewer: x\nitems:\n  II-1: {score: 9}\n";
  auto r = RunFidelity("convert " + Q(tmp / "bad.yaml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.yaml:3"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "bad.xlsx"));
}

TEST(Convert, BlankReviewerSheet) {
  TempDir tmp;
  auto r = RunFidelity("blank --reviewer -o " + Q(tmp / "評価シート.xlsx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp / "評価シート.xlsx"));
  EXPECT_EQ(RunFidelity("blank --reviewer -o " + Q(tmp / "評価シート.xlsx")).exit_code, 1);
  EXPECT_NE(RunFidelity("blank --help").out.find("--reviewer"), std::string::npos);
}

// Reviewer-file places differ by nature ("山田.yaml:3" vs "山田.xlsx 評価シート!C12"):
// both become "山田:<reviewer file>" before the comparison.
std::string WithoutReviewerPlaces(std::string json) {
  static const std::regex place(R"re("where": "([^".:]+)\.(yaml:\d+|xlsx 評価シート![A-Z]+\d+)")re");
  return std::regex_replace(json, place, "\"where\": \"$1:<reviewer file>\"");
}

// Fills the blanks init left with the values of the sample cycle.yaml.
std::string FillBlanks(std::string text, const std::string& previous) {
  struct V {
    const char* id;
    const char* type;
    const char* date;
  };
  const V values[] = {{"fuji-04", "医療機関", "2026-11-05"},
                      {"hamamatsu-01", "地域事業所", "2026-10-12"},
                      {"numazu-03", "地域事業所", "2026-10-27"},
                      {"shizuoka-02", "医療機関", "2026-10-20"}};
  for (const auto& v : values) {
    size_t at = text.find("- id: " + std::string(v.id));
    EXPECT_NE(at, std::string::npos) << v.id;
    at = text.find("type: 未記入", at);
    text.replace(at, std::string("type: 未記入").size(), std::string("type: ") + v.type);
    at = text.find("survey_date: 未記入", at);
    text.replace(at, std::string("survey_date: 未記入").size(), std::string("survey_date: ") + v.date);
  }
  size_t p = text.find("# previous: ");
  EXPECT_NE(p, std::string::npos);
  text.replace(p, text.find('\n', p) - p, "previous: " + previous);
  return text;
}

// The four sample agencies as folders (workbook + reviewer files, YAML as
// given or converted to Excel) → init → the blanks filled → run.
// Last cycle's run, made here from the samples (2024 → 2025), so the test
// stands on a fresh clone where samples/out does not exist yet.
fs::path PreviousRun(const fs::path& tmp) {
  fs::create_directories(tmp / "s");
  for (const char* year : {"2024", "2025"}) {
    fs::copy(Samples() / year, tmp / "s" / year, fs::copy_options::recursive);
    auto r = RunFidelity("run " + Q(tmp / "s" / year) + " -o " + Q(tmp / "s/out" / year) + " --quiet");
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  return tmp / "s/out/2025";
}

test::CommandResult InitAndRun(const fs::path& cycle, const fs::path& out, bool excel, const fs::path& previous_run) {
  for (const char* id : {"hamamatsu-01", "shizuoka-02", "numazu-03", "fuji-04"}) {
    fs::create_directories(cycle / id);
    for (const auto& e : fs::directory_iterator(Samples() / "2026" / id)) {
      if (excel && e.path().extension() == ".yaml") {
        fs::path to = cycle / id / e.path().filename().replace_extension(".xlsx");
        auto r = RunFidelity("convert " + Q(e.path()) + " -o " + Q(to));
        EXPECT_EQ(r.exit_code, 0) << r.err;
      } else {
        fs::copy_file(e.path(), cycle / id / e.path().filename());
      }
    }
  }
  auto init = RunFidelity("init " + Q(cycle));
  EXPECT_EQ(init.exit_code, 0) << init.err;
  auto refused = RunFidelity("run " + Q(cycle) + " -o " + Q(out) + " --quiet");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("type・survey_date が「未記入」のまま"), std::string::npos) << refused.err;
  fs::path previous = fs::absolute(previous_run).lexically_normal();
  std::string filled = FillBlanks(Slurp(cycle / "cycle.yaml"), previous.string());
  std::ofstream(cycle / "cycle.yaml") << filled;
  return RunFidelity("run " + Q(cycle) + " -o " + Q(out) + " --quiet");
}

TEST(Convert, AnExcelCycleMadeByInitScoresLikeItsYaml) {
  TempDir tmp;
  fs::path previous = PreviousRun(tmp.path());
  auto x = InitAndRun(tmp / "excel/2026", tmp / "excel-out", true, previous);
  ASSERT_EQ(x.exit_code, 0) << x.err;
  auto y = InitAndRun(tmp / "yaml/2026", tmp / "yaml-out", false, previous);
  ASSERT_EQ(y.exit_code, 0) << y.err;
  // The Excel cycle has no YAML but the cycle.yaml init wrote.
  for (const auto& e : fs::recursive_directory_iterator(tmp / "excel/2026"))
    if (e.path().filename() != "cycle.yaml") EXPECT_NE(e.path().extension(), ".yaml") << e.path();
  for (const char* id : {"hamamatsu-01", "shizuoka-02", "numazu-03", "fuji-04"}) {
    std::string xs = Slurp(tmp / "excel-out" / id / "scores.json");
    std::string ys = Slurp(tmp / "yaml-out" / id / "scores.json");
    ASSERT_NE(ys.find("\"total\""), std::string::npos) << id;
    EXPECT_EQ(WithoutReviewerPlaces(xs), WithoutReviewerPlaces(ys)) << id;
    EXPECT_TRUE(fs::exists(tmp / "excel-out" / id / "report.pdf")) << id;
  }
  // The same scores as the samples' own cycle.yaml gives, where reviewers' order does not matter.
  fs::copy(Samples() / "2026", tmp / "s/2026", fs::copy_options::recursive);  // its previous: is s/out/2025
  auto s = RunFidelity("run " + Q(tmp / "s/2026") + " -o " + Q(tmp / "samples-out") + " --quiet");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  static const std::regex total(R"("total": (null|\d+))");
  for (const char* id : {"hamamatsu-01", "shizuoka-02", "numazu-03", "fuji-04"}) {
    std::smatch a, b;
    std::string xs = Slurp(tmp / "excel-out" / id / "scores.json"), ss = Slurp(tmp / "samples-out" / id / "scores.json");
    ASSERT_TRUE(std::regex_search(xs, a, total) && std::regex_search(ss, b, total)) << id;
    EXPECT_EQ(a[1], b[1]) << id;
  }
}

}  // namespace
}  // namespace fidelity
