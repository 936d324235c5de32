// The output side of a run (issue 15 "never lose an input", issue 11 "the
// run as a whole"): through the real binary, each case asserts the exit
// code, the message, that every input file survives byte for byte, and that
// other agencies' outputs survive.
#include <sys/mount.h>

#include <gtest/gtest.h>

#include "pipeline/core/json.h"
#include "tests/hostile/safety_test.h"

namespace fidelity::safety {
namespace {

using test::Slurp;
using test::TempDir;

std::vector<std::string> RunArgs(const fs::path& cycle, const fs::path& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> a = {"run", cycle.string(), "-o", out.string(), "-j", "1", "--quiet"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

TEST(NeverLoseInput, OutputIntoTheCycleFolderIsRefusedAndNothingChanges) {
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  auto before = Snapshot(c);
  Child r = RunChild(RunArgs(c, c));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("out.input_folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("別の出力フォルダ"), std::string::npos) << r.err;
  EXPECT_TRUE(CleanText(r.err)) << r.err;
  EXPECT_EQ(Snapshot(c), before);
  // Inside an agency's input folder: refused too.
  Child inside = RunChild(RunArgs(c, c / "hamamatsu-01/out"));
  EXPECT_EQ(inside.exit_code, 2);
  EXPECT_NE(inside.err.find("out.inside_input"), std::string::npos) << inside.err;
  EXPECT_EQ(Snapshot(c), before);
}

TEST(NeverLoseInput, AnOutAgencyFolderThatHoldsInputsIsRefused) {
  // Inputs kept beside the cycle (allowed explicitly); OUT/<id> would be their folder.
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  fs::rename(c / "hamamatsu-01", tmp / "hamamatsu-01");
  std::string y = Slurp(c / "cycle.yaml");
  for (std::string k : {"workbook: ", "reviews: [", ", ", "consensus: "})
    for (size_t p = y.find(k + "hamamatsu-01/"); p != std::string::npos; p = y.find(k + "hamamatsu-01/", p + 1))
      y.insert(p + k.size(), "../");
  Write(c / "cycle.yaml", y);
  auto before = Snapshot(tmp.path());
  Child r = RunChild(RunArgs(c, tmp.path(), {"--allow-outside-paths"}));
  EXPECT_EQ(r.exit_code, 2) << r.err << r.out;
  EXPECT_NE(r.err.find("out.would_replace_input"), std::string::npos) << r.err;
  EXPECT_EQ(Snapshot(tmp.path()), before);
}

TEST(NeverLoseInput, AFolderNotOursIsNeverReplaced) {
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  fs::path out = tmp / "out";
  // OUT full of somebody's files: refused as a whole.
  Write(out / "大事な記録.xlsx", "keep me");
  Child r = RunChild(RunArgs(c, out));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("out.not_ours"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(out / "大事な記録.xlsx"), "keep me");
  EXPECT_FALSE(fs::exists(out / "run.json"));
  // A run of ours, then a note of the coordinator's inside an agency folder:
  // that agency is refused (exit 1), its folder untouched, the other replaced.
  fs::remove(out / "大事な記録.xlsx");
  ASSERT_EQ(RunChild(RunArgs(c, out)).exit_code, 0);
  EXPECT_TRUE(fs::exists(out / ".fidelity-output"));
  EXPECT_TRUE(fs::exists(out / "fuji-04/.fidelity-output"));
  fs::remove(out / "hamamatsu-01/.fidelity-output");
  Write(out / "hamamatsu-01/訪問メモ.txt", "memo");
  auto kept = Snapshot(out / "hamamatsu-01");
  Child again = RunChild(RunArgs(c, out));
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_NE(again.err.find("hamamatsu-01: error [out.not_ours]"), std::string::npos) << again.err;
  EXPECT_EQ(Snapshot(out / "hamamatsu-01"), kept);
  EXPECT_TRUE(fs::exists(out / "fuji-04/report.pdf"));
}

TEST(NeverLoseInput, OutputThatIsAFileOrUnwritableIsToldInJapanese) {
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  Write(tmp / "out.txt", "a file");
  Child r = RunChild(RunArgs(c, tmp / "out.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("フォルダではなくファイルです"), std::string::npos) << r.err;
  EXPECT_TRUE(CleanText(r.err)) << r.err;
  EXPECT_EQ(Slurp(tmp / "out.txt"), "a file");
  // Under a file: no folder can be made there.
  Child under = RunChild(RunArgs(c, tmp / "out.txt/x"));
  EXPECT_EQ(under.exit_code, 2);
  EXPECT_TRUE(CleanText(under.err)) << under.err;
  EXPECT_NE(under.err.find("フォルダ"), std::string::npos) << under.err;
  // A read-only file system (root ignores permission bits, so mount one).
  fs::create_directories(tmp / "ro");
  if (getuid() != 0 || mount("tmpfs", (tmp / "ro").c_str(), "tmpfs", MS_RDONLY, "size=1m") != 0)
    GTEST_SKIP() << "cannot mount a read-only tmpfs here";
  Child ro = RunChild(RunArgs(c, tmp / "ro/out"));
  umount((tmp / "ro").c_str());
  EXPECT_EQ(ro.exit_code, 2);
  EXPECT_NE(ro.err.find("読み取り専用"), std::string::npos) << ro.err;
  EXPECT_TRUE(CleanText(ro.err)) << ro.err;
}

// A full disk on rerun: every agency whose new output cannot be written keeps
// last run's complete folder; nothing half written is left.
TEST(NeverLoseInput, FullDiskKeepsLastRunsOutput) {
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  fs::path disk = tmp / "disk";
  fs::create_directories(disk);
  if (getuid() != 0 || mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=4m") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here";
  struct Unmount {
    fs::path p;
    ~Unmount() { umount2(p.c_str(), MNT_DETACH); }
  } unmount{disk};
  fs::path out = disk / "out";
  ASSERT_EQ(RunChild(RunArgs(c, out)).exit_code, 0);
  auto last = Snapshot(out);
  ASSERT_TRUE(last.count("hamamatsu-01/report.pdf"));
  // Fill the disk, then change the inputs so the new outputs differ.
  {
    std::ofstream fill(disk / "filler", std::ios::binary);
    std::string block(4096, 'x');
    while (fill.write(block.data(), block.size())) {
    }
  }
  // Room for the lock file and a few small files, not for a report.
  fs::resize_file(disk / "filler", fs::file_size(disk / "filler") - 16 * 1024);
  std::string y = Slurp(c / "cycle.yaml");
  y.replace(y.find("就労支援センターはままつ"), std::string("就労支援センターはままつ").size(), "はままつ（改）");
  Write(c / "cycle.yaml", y);
  Child r = RunChild(RunArgs(c, out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("ディスクの空きがありません"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("前回の出力があればそのまま残しています"), std::string::npos) << r.err;
  EXPECT_TRUE(CleanText(r.err)) << r.err;
  auto now = Snapshot(out);
  for (const auto& [path, bytes] : last)
    if (path.find('/') != std::string::npos) EXPECT_EQ(now[path], bytes) << path << " changed or vanished";
  for (const auto& e : fs::directory_iterator(out))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST(RunAsAWhole, ASecondRunIsRefusedWhileTheLockIsHeldAndAStaleLockIsTakenOver) {
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  fs::path out = tmp / "out";
  ASSERT_EQ(RunChild(RunArgs(c, out)).exit_code, 0);
  EXPECT_FALSE(fs::exists(out / ".fidelity.lock"));  // released at the end
  auto last = Snapshot(out);
  // Held by a living process (this test).
  Write(out / ".fidelity.lock", std::to_string(getpid()) + "\n");
  Child r = RunChild(RunArgs(c, out));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("使用中"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(std::to_string(getpid())), std::string::npos) << r.err;
  auto now = Snapshot(out);
  now.erase(".fidelity.lock");
  EXPECT_EQ(now, last);
  // Left by a dead process: taken over.
  Write(out / ".fidelity.lock", std::to_string(DeadPid()) + "\n");
  Child again = RunChild(RunArgs(c, out));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(fs::exists(out / ".fidelity.lock"));
}

TEST(RunAsAWhole, TwoRealRunsIntoOneFolder) {
  TempDir tmp;
  fs::path c = ManyAgencyCycle(tmp / "c", 150);
  fs::path out = tmp / "out";
  Child second;
  Child first = RunChild(RunArgs(c, out), 120, [&](pid_t) {
    if (!fs::exists(out / ".fidelity.lock")) return false;
    second = RunChild(RunArgs(c, out));
    return true;
  });
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(second.exit_code, 2) << second.err;
  EXPECT_NE(second.err.find("使用中"), std::string::npos) << second.err;
  EXPECT_EQ(Json::Parse(Slurp(out / "run.json")).get("counts")->get("ok")->as_int(), 150);
}

TEST(RunAsAWhole, TemporariesOfAnotherLivingRunAreLeftAlone) {
  TempDir tmp;
  fs::path c = TwoAgencyCycle(tmp / "c");
  fs::path out = tmp / "out";
  ASSERT_EQ(RunChild(RunArgs(c, out)).exit_code, 0);
  const std::string live = ".x.tmp-" + std::to_string(getpid()) + "-0", dead = ".x.tmp-" + std::to_string(DeadPid()) + "-0";
  Write(out / live / "report.pdf", "being written");
  Write(out / dead / "report.pdf", "left by a killed run");
  ASSERT_EQ(RunChild(RunArgs(c, out)).exit_code, 0);
  EXPECT_EQ(Slurp(out / live / "report.pdf"), "being written");
  EXPECT_FALSE(fs::exists(out / dead));
}

TEST(RunAsAWhole, CtrlCKeepsCompleteFoldersAndDropsTheMixedSummary) {
  TempDir tmp;
  fs::path c = ManyAgencyCycle(tmp / "c", 300);
  fs::path out = tmp / "out";
  // Last run's summary, which must not survive beside a half-new set of folders.
  fs::create_directories(out);
  Write(out / ".fidelity-output", "");
  Write(out / "summary.csv", "old");
  Child r = RunChild(RunArgs(c, out, {}), 120, [&](pid_t pid) {
    int done = 0;
    std::error_code ec;
    for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec))
      done += it->path().filename().string()[0] == 'a';
    if (done < 10) return false;
    kill(pid, SIGINT);
    return true;
  });
  ASSERT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_NE(r.err.find("中断しました"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "summary.csv"));
  EXPECT_FALSE(fs::exists(out / ".fidelity.lock"));
  Json run = Json::Parse(Slurp(out / "run.json"));
  EXPECT_TRUE(run.get("interrupted")->as_bool());
  int complete = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    std::string n = e.path().filename().string();
    if (n[0] != 'a') continue;
    EXPECT_NE(Slurp(e.path() / "report.pdf").rfind("%%EOF"), std::string::npos) << n;
    EXPECT_NO_THROW(Json::Parse(Slurp(e.path() / "scores.json"))) << n;
    ++complete;
  }
  EXPECT_GE(complete, 10);
  EXPECT_LT(complete, 300);
  EXPECT_EQ(run.get("counts")->get("ok")->as_int(), complete);
}

}  // namespace
}  // namespace fidelity::safety
