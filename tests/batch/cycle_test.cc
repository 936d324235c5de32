// End-to-end: the real `fidelity` binary on real cycles (the committed
// samples, workbooks from several producers, broken agencies).
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/core/json.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::RunFidelity;
using test::Slurp;
using test::TempDir;

fs::path Repo() { return test::RepoPath(); }

using test::Q;

void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

Json Load(const fs::path& p) { return Json::Parse(Slurp(p)); }

// The sample cycles oldest first (2024 → 2025 → 2026, the previous: chain), into a copy of samples/.
class SampleCycle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    fs::copy(Repo() / "samples", tmp_->path() / "samples", fs::copy_options::recursive);
    fs::remove_all(tmp_->path() / "samples" / "out");
    auto r24 = RunFidelity("run " + Q(tmp_->path() / "samples/2024") + " -o " + Q(tmp_->path() / "samples/out/2024"));
    ASSERT_EQ(r24.exit_code, 0) << r24.err;  // 2025's previous (the chain 2024 → 2025 → 2026)
    auto r25 = RunFidelity("run " + Q(tmp_->path() / "samples/2025") + " -o " + Q(tmp_->path() / "samples/out/2025"));
    ASSERT_EQ(r25.exit_code, 0) << r25.err;
    result_ = new test::CommandResult(
        RunFidelity("run " + Q(tmp_->path() / "samples/2026") + " -o " + Q(out())));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete tmp_;
  }
  static fs::path out() { return tmp_->path() / "samples/out/2026"; }
  static TempDir* tmp_;
  static test::CommandResult* result_;
};
TempDir* SampleCycle::tmp_ = nullptr;
test::CommandResult* SampleCycle::result_ = nullptr;

TEST_F(SampleCycle, ScoresEveryAgencyAsExpected) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  // Values computed independently by samples/make_samples.py (samples/EXPECTED.md).
  Json h = Load(out() / "hamamatsu-01/scores.json");
  EXPECT_EQ(h.get("total")->as_int(), 104);
  EXPECT_EQ(h.get("band")->as_string(), "good");
  EXPECT_EQ(h.get("subtotals")->get("staffing")->as_int(), 13);
  EXPECT_EQ(h.get("subtotals")->get("organization")->as_int(), 31);
  EXPECT_EQ(h.get("subtotals")->get("services")->as_int(), 60);
  EXPECT_EQ(h.get("goi_total")->as_int(), 9);
  EXPECT_DOUBLE_EQ(h.get("agreement")->get("exact")->as_double(), 0.8);
  EXPECT_EQ(h.get("previous")->get("total")->as_int(), 82);  // from the 2025 run

  Json s = Load(out() / "shizuoka-02/scores.json");
  EXPECT_EQ(s.get("total")->as_int(), 79);
  EXPECT_EQ(s.get("band")->as_string(), "fair");
  int warnings = 0;
  for (const auto& p : s.get("problems")->items()) warnings += p.get("severity")->as_string() == "warning";
  EXPECT_GE(warnings, 1);

  Json n = Load(out() / "numazu-03/scores.json");
  EXPECT_TRUE(n.get("provisional")->as_bool());
  EXPECT_TRUE(n.get("total")->is_null());
  EXPECT_TRUE(n.get("band")->is_null());
  EXPECT_EQ(n.get("total_range")->items()[0].as_int(), 100);
  EXPECT_EQ(n.get("total_range")->items()[1].as_int(), 104);
  EXPECT_EQ(n.get("missing")->items()[0].as_string(), "II-1");
  EXPECT_TRUE(n.get("items")->get("II-1")->get("flag")->as_bool());

  Json f = Load(out() / "fuji-04/scores.json");
  EXPECT_EQ(f.get("total")->as_int(), 45);
  EXPECT_EQ(f.get("band")->as_string(), "not_supported");
}

TEST_F(SampleCycle, WritesEveryOutput) {
  for (const char* id : {"hamamatsu-01", "shizuoka-02", "numazu-03", "fuji-04"})
    for (const char* f : {"report.pdf", "scores.json", "problems.txt"})
      EXPECT_TRUE(fs::exists(out() / id / f)) << id << "/" << f;
  for (const char* f : {"run.json", "summary.csv", "summary.pdf"}) EXPECT_TRUE(fs::exists(out() / f)) << f;
  Json run = Load(out() / "run.json");
  EXPECT_EQ(run.get("counts")->get("ok")->as_int(), 4);
  EXPECT_EQ(run.get("counts")->get("failed")->as_int(), 0);
  // Closing summary line on stdout; no progress bar when stdout is not a terminal.
  EXPECT_NE(result_->out.find("4 機関: 成功 4, 失敗 0"), std::string::npos) << result_->out;
  EXPECT_EQ(result_->out.find('\r'), std::string::npos);
}

TEST_F(SampleCycle, SummaryCsvHasBomAndOneRowPerAgency) {
  std::string csv = Slurp(out() / "summary.csv");
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  int lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 5);  // header + 4 agencies
  EXPECT_NE(csv.find("id,機関名,種別,I-1,I-2"), std::string::npos);
  EXPECT_NE(csv.find("hamamatsu-01,就労支援センターはままつ,地域事業所"), std::string::npos);
  EXPECT_NE(csv.find(",104,良好なフィデリティ,9,82,+22,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",100〜104,,8,,,0.93,0.93,1,暫定,"), std::string::npos) << csv;  // never date-like
}

TEST_F(SampleCycle, RerunIsByteIdenticalAndReplacesWholeFolders) {
  fs::path again = tmp_->path() / "again";
  ASSERT_EQ(RunFidelity("run " + Q(tmp_->path() / "samples/2026") + " -o " + Q(again) + " -j 1").exit_code, 0);
  // A file left in one of our (stamped) agency folders goes with the folder.
  ASSERT_TRUE(fs::exists(again / "hamamatsu-01/.fidelity-output"));
  Write(again / "hamamatsu-01/stale.txt", "from an old run");
  auto r = RunFidelity("run " + Q(tmp_->path() / "samples/2026") + " -o " + Q(again) + " -j 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(again / "hamamatsu-01/stale.txt"));
  for (const char* id : {"hamamatsu-01", "shizuoka-02", "numazu-03", "fuji-04"})
    for (const char* f : {"report.pdf", "scores.json", "problems.txt"})
      EXPECT_EQ(Slurp(again / id / f), Slurp(out() / id / f)) << id << "/" << f;
  EXPECT_EQ(Slurp(again / "summary.csv"), Slurp(out() / "summary.csv"));
  EXPECT_EQ(Slurp(again / "summary.pdf"), Slurp(out() / "summary.pdf"));
}

TEST_F(SampleCycle, UserListNeverAppearsInOutputs) {
  // User IDs of 調査票4 (U-001 …) must not leak into any report or JSON.
  auto text = test::RunShell("pdftotext " + Q(out() / "hamamatsu-01/report.pdf") + " -");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out.find("U-0"), std::string::npos);
  EXPECT_EQ(Slurp(out() / "hamamatsu-01/scores.json").find("U-0"), std::string::npos);
  EXPECT_EQ(Slurp(out() / "summary.csv").find("U-0"), std::string::npos);
}

// ---- producers: the same agency written by different programs ----

const char* kReviewer = R"(reviewer: 山田 花子
items:
  II-1: {score: 4, note: 週1回の対面ミーティング}
  II-2: {checks: {i: true, ii: true, iii: true, iv: false}}
  II-3: {score: 4}
  II-4: {score: 3}
  II-5: {checks: {i: true, ii: true, iii: true}}
  II-6: {checks: {a: false, b: [犯罪歴や暴力行為の履歴がある], c: [], d: false, e: false}}
  II-7: {checks: {i: true, ii: true, iv: true}}
  II-8: {checks: {i: true, ii: true, iii: true, iv: true}}
  III-1: {checks: {a: true, b: true, c: true}}
  III-2: {checks: {i: true, ii: true, iii: true}}
  III-3: {score: 4}
  III-6: {score: 4}
  III-7: {checks: {i: true, ii: true}}
  III-12: {checks: {ii: true, iii: true}}
  III-14: {checks: {i: true, ii: true, iii: true}}
  I-3: {score: 2, note: 面接で確認}
goi: {G1: true, G2: true, G6: true, G7: false, G8: false, G9: true}
strengths: [企業訪問が多い]
challenges: [ケアマネジャーとの連携]
)";

TEST(Producers, SameDataFromEveryProducerGivesIdenticalScores) {
  TempDir tmp;
  const char* producers[] = {"openpyxl", "xlsxwriter", "libreoffice", "gnumeric", "openpyxl1904"};
  std::string manifest = "cycle: 2026年度\nagencies:\n";
  for (const char* p : producers) {
    fs::copy_file(test::DataPath(std::string("survey/survey_") + p + ".xlsx"), tmp / (std::string(p) + ".xlsx"));
    manifest += std::string("  - {id: ") + p + ", name: テスト機関, type: 地域事業所, survey_date: 2026-10-12, workbook: " +
                p + ".xlsx, reviews: [" + p + "-山田.yaml]}\n";
    Write(tmp / (std::string(p) + "-山田.yaml"), kReviewer);  // a file is named once in a manifest
  }
  Write(tmp / "cycle.yaml", manifest);
  auto r = RunFidelity("run " + Q(tmp.path()) + " -o " + Q(tmp / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto strip = [&](const char* p) {
    std::string s = Slurp(tmp / "out" / p / "scores.json");
    // Only the id differs.
    auto at = s.find(std::string("\"id\": \"") + p + "\"");
    EXPECT_NE(at, std::string::npos);
    s.replace(at, std::string("\"id\": \"").size() + std::strlen(p) + 1, "\"id\": \"X\"");
    return s;
  };
  std::string first = strip(producers[0]);
  for (size_t i = 1; i < std::size(producers); ++i) EXPECT_EQ(strip(producers[i]), first) << producers[i];
  Json j = Json::Parse(first);
  EXPECT_FALSE(j.get("items")->get("I-1")->get("score")->is_null());
  EXPECT_EQ(j.get("items")->get("I-1")->get("source")->as_string(), "workbook");
  // The PDFs too (everything in them comes from the same scores).
  EXPECT_EQ(Slurp(tmp / "out/openpyxl/report.pdf").size() > 1000, true);
}

// ---- broken agencies ----

TEST(BrokenAgencies, FailAloneLeaveNothingAndAreNamed) {
  TempDir tmp;
  fs::copy(Repo() / "samples/2026/hamamatsu-01", tmp / "good", fs::copy_options::recursive);
  fs::path wb;
  for (const auto& e : fs::directory_iterator(tmp / "good"))
    if (e.path().extension() == ".xlsx") wb = e.path();
  ASSERT_FALSE(wb.empty());
  std::string bytes = Slurp(wb);
  Write(tmp / "notzip.xlsx", "this is not a workbook at all");
  Write(tmp / "truncated.xlsx", bytes.substr(0, bytes.size() / 2));
  // A workbook without 調査票4: the sample with that sheet renamed in workbook.xml is
  // made by the survey tests; here we use the survey fixture trimmed by openpyxl.
  std::string manifest = "cycle: 2026年度\nagencies:\n";
  auto entry = [&](const std::string& id, const std::string& wbname) {
    // Each agency its own reviewer files (a file is named once in a manifest).
    if (id != "ok-agency")
      for (const char* f : {"山田.yaml", "佐藤.yaml", "合議.yaml"}) fs::copy_file(tmp / "good" / f, tmp / (id + "-" + f));
    std::string r = id == "ok-agency" ? "good/" : id + "-";
    manifest += "  - {id: " + id + ", name: " + id + ", type: 地域事業所, survey_date: 2026-10-12, workbook: " + wbname +
                ", reviews: [" + r + "山田.yaml, " + r + "佐藤.yaml], consensus: " + r + "合議.yaml}\n";
  };
  entry("ok-agency", "good/" + wb.filename().string());
  entry("not-a-zip", "notzip.xlsx");
  entry("truncated", "truncated.xlsx");
  entry("missing-sheet", "missing_sheet.xlsx");
  fs::copy_file(test::DataPath("batch/missing_sheet.xlsx"), tmp / "missing_sheet.xlsx");
  Write(tmp / "cycle.yaml", manifest);
  // An old output of a now-failing agency must disappear.
  Write(tmp / "out/truncated/report.pdf", "old");
  auto r = RunFidelity("run " + Q(tmp.path()) + " -o " + Q(tmp / "out"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(fs::exists(tmp / "out/ok-agency/report.pdf"));
  for (const char* id : {"not-a-zip", "truncated", "missing-sheet"}) {
    EXPECT_FALSE(fs::exists(tmp / "out" / id)) << id;
    EXPECT_NE(r.err.find(std::string(id) + ": error"), std::string::npos) << id << "\n" << r.err;
  }
  EXPECT_NE(r.err.find("xlsx.not_zip"), std::string::npos);
  EXPECT_NE(r.err.find("survey.sheet_missing"), std::string::npos) << r.err;
  Json run = Load(tmp / "out/run.json");
  EXPECT_EQ(run.get("counts")->get("failed")->as_int(), 3);
  for (const auto& a : run.get("agencies")->items()) {
    std::string id = a.get("id")->as_string();
    EXPECT_EQ(a.get("status")->as_string(), id == "ok-agency" ? "ok" : "failed") << id;
    if (id != "ok-agency") {
      EXPECT_GE(a.get("problems")->size(), 1u) << id;
    }
  }
  std::string csv = Slurp(tmp / "out/summary.csv");
  EXPECT_NE(csv.find("not-a-zip,not-a-zip,地域事業所"), std::string::npos);
  EXPECT_NE(csv.find(",処理できず,"), std::string::npos) << csv;  // status word; the reason is in 備考
  // No temporaries left (the stamp that marks the folder as ours stays).
  for (const auto& e : fs::directory_iterator(tmp / "out"))
    if (e.path().filename() != ".fidelity-output") EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
}

TEST(Usage, ExitCodes) {
  TempDir tmp;
  EXPECT_EQ(RunFidelity("").exit_code, 2);
  EXPECT_EQ(RunFidelity("frobnicate").exit_code, 2);
  EXPECT_EQ(RunFidelity("run").exit_code, 2);
  EXPECT_EQ(RunFidelity("--version").exit_code, 0);
  EXPECT_EQ(RunFidelity("run --help").exit_code, 0);
  auto missing = RunFidelity("run " + Q(tmp / "nowhere"));
  EXPECT_EQ(missing.exit_code, 2);
  Write(tmp / "bad/cycle.yaml", "cycle: x\nagencies:\n  - id: Bad_ID\n    name: a\n    type: b\n    workbook: w.xlsx\n");
  auto bad = RunFidelity("run " + Q(tmp / "bad"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("cycle.yaml:3"), std::string::npos) << bad.err;
  Write(tmp / "pw/cycle.yaml", "cycle: x\nagencies:\n  - id: a\n    name: a\n    type: b\n    workbook: w.xlsx\n    password: secret\n");
  auto pw = RunFidelity("run " + Q(tmp / "pw"));
  EXPECT_EQ(pw.exit_code, 2);
  EXPECT_EQ(pw.err.find("secret"), std::string::npos);
  auto only = RunFidelity("run " + Q(Repo() / "samples/2026") + " -o " + Q(tmp / "o") + " --only nobody");
  EXPECT_EQ(only.exit_code, 2);
}

TEST(Only, ProcessesJustTheNamedAgencies) {
  TempDir tmp;
  // The sample cycle without its previous: (../out/2025 exists only after
  // the samples were run), so the test stands on a fresh clone.
  fs::copy(Repo() / "samples/2026", tmp / "2026", fs::copy_options::recursive);
  std::string yaml = Slurp(tmp / "2026/cycle.yaml"), kept;
  std::istringstream lines(yaml);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("previous:", 0) != 0) kept += line + "\n";
  Write(tmp / "2026/cycle.yaml", kept);
  auto r = RunFidelity("run " + Q(tmp / "2026") + " -o " + Q(tmp / "o") + " --only fuji-04 --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp / "o/fuji-04/report.pdf"));
  EXPECT_FALSE(fs::exists(tmp / "o/hamamatsu-01"));
  EXPECT_EQ(Load(tmp / "o/run.json").get("counts")->get("total")->as_int(), 1);
}

}  // namespace
}  // namespace fidelity

namespace fidelity {
namespace {

// A run killed with SIGKILL in the middle leaves no partial file under a
// final name: every visible agency folder is complete, and the next run
// sweeps the hidden temporaries away.
TEST(KilledRun, LeavesNoPartialFileUnderAFinalName) {
  namespace fs = std::filesystem;
  test::TempDir tmp;
  fs::path repo = test::RepoPath();
  fs::copy(repo / "samples/2026/fuji-04", tmp / "fuji-04", fs::copy_options::recursive);
  std::string wb;
  for (const auto& e : fs::directory_iterator(tmp / "fuji-04"))
    if (e.path().extension() == ".xlsx") wb = e.path().filename().string();
  std::string manifest = "cycle: 2026年度\nagencies:\n";
  for (int i = 0; i < 400; ++i) {  // each its own copies: a file is named once in a manifest
    const std::string id = "a" + std::to_string(i);
    fs::create_directories(tmp / ("in-" + id));
    for (const std::string& f : {wb, std::string("佐藤.yaml"), std::string("高橋.yaml")})
      fs::copy_file(tmp / "fuji-04" / f, tmp / ("in-" + id) / f);
    manifest += "  - {id: " + id + ", name: 機関" + std::to_string(i) + ", type: 医療機関, survey_date: 2026-10-12, workbook: in-" +
                id + "/" + wb + ", reviews: [in-" + id + "/佐藤.yaml, in-" + id + "/高橋.yaml]}\n";
  }
  std::ofstream(tmp / "cycle.yaml") << manifest;
  fs::path out = tmp / "out";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(FIDELITY_BINARY, "fidelity", "run", tmp.path().c_str(), "-o", out.c_str(), "-j", "2", (char*)nullptr);
    _exit(127);
  }
  // Kill it once some agencies are written but not all.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    int done = 0;
    std::error_code ec;
    if (fs::exists(out, ec))
      for (const auto& e : fs::directory_iterator(out, ec)) done += e.path().filename().string()[0] == 'a';
    if (done >= 20 || std::chrono::steady_clock::now() > deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
  ASSERT_FALSE(fs::exists(out / "run.json"));
  int complete = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    std::string name = e.path().filename().string();
    if (name[0] == '.') continue;  // a hidden temporary: allowed
    ASSERT_TRUE(fs::is_directory(e.path())) << name;
    std::string pdf = test::Slurp(e.path() / "report.pdf");
    ASSERT_GT(pdf.size(), 1000u) << name;
    EXPECT_NE(pdf.rfind("%%EOF"), std::string::npos) << name;
    EXPECT_NO_THROW(Json::Parse(test::Slurp(e.path() / "scores.json"))) << name;
    EXPECT_TRUE(fs::exists(e.path() / "problems.txt")) << name;
    ++complete;
  }
  EXPECT_GE(complete, 20);
  // The next run cleans up and completes.
  auto r = test::RunFidelity("run '" + tmp.path().string() + "' -o '" + out.string() + "' --only a1 a2");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().filename() != ".fidelity-output") EXPECT_NE(e.path().filename().string()[0], '.') << e.path();
}

}  // namespace
}  // namespace fidelity
