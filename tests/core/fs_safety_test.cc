// The file edge (core/fs.h, core/safe_file.h, core/lock_file.h,
// core/escape.h, core/output_file.h): every input a regular file, opened
// without blocking; one atomic writer that leaves the old file on failure;
// a lock with a pid; problem lines without control characters.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/core/escape.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/lock_file.h"
#include "pipeline/core/output_file.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/safe_file.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::ProblemOf;
using test::TempDir;

TEST(SafeRead, FifoFolderAndDeviceAreRefusedAtOnce) {
  TempDir tmp;
  ASSERT_EQ(mkfifo((tmp / "fifo").c_str(), 0644), 0);
  auto t0 = std::chrono::steady_clock::now();
  Problem fifo = ProblemOf([&] { ReadFile(tmp / "fifo"); });
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  EXPECT_EQ(fifo.code, "io.not_a_file");
  EXPECT_NE(fifo.message.find("名前付きパイプ"), std::string::npos) << fifo.message;
  Problem dir = ProblemOf([&] { ReadFile(tmp.path()); });
  EXPECT_EQ(dir.code, "io.not_a_file");
  EXPECT_NE(dir.message.find("フォルダ"), std::string::npos);
  Problem dev = ProblemOf([&] { ReadFile("/dev/zero"); });
  EXPECT_EQ(dev.code, "io.not_a_file");
  EXPECT_NE(dev.message.find("デバイス"), std::string::npos);
  Problem missing = ProblemOf([&] { ReadFile(tmp / "nothing"); });
  EXPECT_EQ(missing.code, "io.read");
  EXPECT_EQ(missing.message, "ファイルがありません");
  std::ofstream(tmp / "big") << std::string(100, 'x');
  EXPECT_EQ(ProblemOf([&] { ReadFile(tmp / "big", 10); }).code, "io.too_large");
  EXPECT_EQ(ReadFile(tmp / "big", 100), std::string(100, 'x'));
}

TEST(SafeRead, ErrnoTextIsJapanese) {
  EXPECT_NE(ErrnoText(ELOOP).find("循環"), std::string::npos);
  EXPECT_NE(ErrnoText(ENAMETOOLONG).find("255"), std::string::npos);
  EXPECT_NE(ErrnoText(ENOSPC).find("空き"), std::string::npos);
  EXPECT_NE(ErrnoText(EACCES, true).find("書き込む"), std::string::npos);
  EXPECT_NE(ErrnoText(EROFS).find("読み取り専用"), std::string::npos);
}

TEST(AtomicWrite, ReplacesWholeAndLeavesTheOldFileWhenItCannot) {
  TempDir tmp;
  WriteFileAtomic(tmp / "a.txt", "old");
  WriteFileAtomic(tmp / "a.txt", "new", 0600);
  EXPECT_EQ(test::Slurp(tmp / "a.txt"), "new");
  struct stat st;
  ASSERT_EQ(stat((tmp / "a.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // A folder under the name: refused, nothing left behind.
  fs::create_directories(tmp / "d");
  Problem p = ProblemOf([&] { WriteFileAtomic(tmp / "d", "x"); });
  EXPECT_EQ(p.code, "io.write");
  EXPECT_EQ(p.message.find("cannot"), std::string::npos) << p.message;
  for (const auto& e : fs::directory_iterator(tmp.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos) << e.path();
  // Under a file: a Japanese reason.
  Problem under = ProblemOf([&] { WriteFileAtomic(tmp / "a.txt/b", "x"); });
  EXPECT_EQ(under.code, "io.write");
  EXPECT_NE(under.message.find("書き込めません"), std::string::npos);
  EXPECT_EQ(test::Slurp(tmp / "a.txt"), "new");
}

TEST(LockFileTest, HeldRefusedStaleTakenOverRemovedAtEnd) {
  TempDir tmp;
  fs::path lock = tmp / ".fidelity.lock";
  {
    LockFile a(lock);
    ASSERT_TRUE(a.ok()) << a.message();
    EXPECT_EQ(test::Slurp(lock), std::to_string(getpid()) + "\n");
    // Another process cannot take it while we hold it.
    pid_t child = fork();
    if (child == 0) _exit(LockFile(lock).ok() ? 1 : 0);
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_FALSE(fs::exists(lock));
  // A stale lock of a dead pid is taken over.
  pid_t dead = fork();
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);
  std::ofstream(lock) << dead << "\n";
  LockFile b(lock);
  EXPECT_TRUE(b.ok()) << b.message();
}

TEST(LockFileTest, ALivingPidInTheFileIsRespected) {
  TempDir tmp;
  pid_t sleeper = fork();
  if (sleeper == 0) {
    sleep(30);
    _exit(0);
  }
  std::ofstream(tmp / "l") << sleeper << "\n";
  LockFile l(tmp / "l");
  EXPECT_FALSE(l.ok());
  EXPECT_EQ(l.holder(), sleeper);
  EXPECT_NE(l.message().find("使用中"), std::string::npos);
  kill(sleeper, SIGKILL);
  waitpid(sleeper, nullptr, 0);
}

TEST(Escape, ControlCharactersAndBadUtf8BecomeVisible) {
  EXPECT_EQ(EscapeControls("a\x1b[31mb\x07"), "a\\x1B[31mb\\x07");
  EXPECT_EQ(EscapeControls(std::string("n\0l", 3)), "n\\x00l");
  EXPECT_EQ(EscapeControls("行1\n行2\t"), "行1\\n行2\\t");
  EXPECT_EQ(EscapeControls("\xC2\x9B" "x"), "\\x9Bx");  // C1 CSI
  EXPECT_EQ(EscapeControls("\xFF\xE3\x81"), "\\xFF\\xE3\\x81");
  EXPECT_EQ(EscapeControls("就労支援"), "就労支援");
  EXPECT_TRUE(IsPrintable("調査票1!C4"));
  std::string cut = EscapeControls(std::string(5000, 'x'), 100);
  EXPECT_LT(cut.size(), 110u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "…");
}

TEST(Escape, EveryProblemLineIsEscapedAndShort) {
  Problem p = Error("survey.not_a_number", "調査票1!C4", "「\x1b]0;title\x07」は数値ではありません" + std::string(5000, 'y'));
  std::string line = FormatProblem(p);
  EXPECT_EQ(line.find('\x1b'), std::string::npos);
  EXPECT_EQ(line.find('\x07'), std::string::npos);
  EXPECT_LT(line.size(), 1400u);
  EXPECT_EQ(SafeProblem(p).message.find('\x1b'), std::string::npos);
}

TEST(NewOutputFile, FolderExistingMissingFolder) {
  TempDir tmp;
  EXPECT_FALSE(CheckNewOutputFile(tmp / "new.xlsx", false));
  std::ofstream(tmp / "old.xlsx") << "x";
  EXPECT_EQ(CheckNewOutputFile(tmp / "old.xlsx", false)->code, "io.exists");
  EXPECT_FALSE(CheckNewOutputFile(tmp / "old.xlsx", true));
  EXPECT_EQ(CheckNewOutputFile(tmp.path(), true)->code, "io.out_is_folder");
  EXPECT_EQ(CheckNewOutputFile(tmp / "no/x.xlsx", false)->code, "io.no_folder");
}

}  // namespace
}  // namespace fidelity
