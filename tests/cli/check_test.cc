// `fidelity check WORKBOOK… [--password-file F]` through the real binary:
// exit codes, problems grouped by sheet with cell addresses, the password
// never printed. Fixtures: samples/2026 (clean or warnings only) and
// tests/data/cli (tests/data/cli/make_fixtures.py).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::RunFidelity;
using test::Slurp;
using test::TempDir;

using test::Q;
fs::path Repo() { return test::RepoPath(); }
fs::path Sample(const char* id) { return Repo() / "samples/2026" / id / "事前調査票.xlsx"; }
fs::path Cli(const char* name) { return test::DataPath(std::string("cli/") + name); }

// The text between `from` and the next line that starts a new sheet or file.
std::string Section(const std::string& out, const std::string& from) {
  auto a = out.find(from);
  if (a == std::string::npos) return "";
  auto b = out.find("\n  ■", a + 1);
  auto c = out.find("\n/", a + 1);
  return out.substr(a, std::min(b, c) - a);
}

TEST(Check, CleanSampleWorkbooksExitZero) {
  auto r = RunFidelity("check " + Q(Sample("hamamatsu-01")) + " " + Q(Sample("fuji-04")));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("hamamatsu-01/事前調査票.xlsx: エラー 0 件・注意 0 件 — 問題はありません"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 ファイルを点検: エラーのあるファイル 0"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(Check, WarningsOnlyExitZeroAndAreShownWithTheirCells) {
  auto r = RunFidelity("check " + Q(Sample("shizuoka-02")));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("エラー 0 件・注意 3 件 — 採点できます"), std::string::npos) << r.out;
  std::string staff = Section(r.out, "■ シート「調査票3 スタッフ配置」");
  EXPECT_NE(staff.find("注意　  D7: 全角の数字「２０」"), std::string::npos) << r.out;
  EXPECT_NE(staff.find("[survey.fullwidth_digits]"), std::string::npos) << r.out;
}

TEST(Check, BrokenWorkbookExitsOneWithEveryMistakeUnderItsSheet) {
  auto r = RunFidelity("check " + Q(Cli("broken.xlsx")));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("broken.xlsx: エラー 4 件・注意 1 件 — エラーがあるため、このままでは採点できません"),
            std::string::npos)
      << r.out;
  // The mistakes make_fixtures.py put in, each under its sheet with its cell.
  std::string rates = Section(r.out, "■ シート「調査票1 機関の就労率」");
  EXPECT_NE(rates.find("エラー  C6: B-1（40）が A-1（30）を超えています"), std::string::npos) << r.out;
  std::string staff = Section(r.out, "■ シート「調査票3 スタッフ配置」");
  EXPECT_NE(staff.find("エラー  D6: "), std::string::npos) << r.out;
  EXPECT_NE(staff.find("[survey.out_of_range]"), std::string::npos) << r.out;
  EXPECT_NE(staff.find("注意　  D7: "), std::string::npos) << r.out;
  std::string users = Section(r.out, "■ シート「調査票4 利用者一覧」");
  EXPECT_NE(users.find("エラー  C7: "), std::string::npos) << r.out;
  EXPECT_NE(users.find("エラー  E10: 登録日が記載日より後"), std::string::npos) << r.out;
  // Sheets appear once each, in workbook order.
  auto a = r.out.find("調査票1"), b = r.out.find("調査票3"), c = r.out.find("調査票4");
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(r.out.find("■ シート「調査票3 スタッフ配置」", b + 1), std::string::npos);
}

TEST(Check, OneBadFileAmongGoodOnesExitsOneAndReportsAll) {
  auto r = RunFidelity("check " + Q(Sample("hamamatsu-01")) + " " + Q(Cli("broken.xlsx")) + " " +
                       Q(Sample("numazu-03")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("hamamatsu-01/事前調査票.xlsx: エラー 0 件"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("numazu-03/事前調査票.xlsx: エラー 0 件"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 ファイルを点検: エラーのあるファイル 1"), std::string::npos) << r.out;
}

TEST(Check, NotAWorkbookIsAFileErrorNotACrash) {
  TempDir t;
  std::ofstream(t / "memo.xlsx") << "これはワークブックではありません";
  auto r = RunFidelity("check " + Q(t / "memo.xlsx") + " " + Q(t / "missing.xlsx"));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("■ ファイル全体"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missing.xlsx: エラー 1 件"), std::string::npos) << r.out;
}

TEST(Check, UsageErrorsExitTwo) {
  EXPECT_EQ(RunFidelity("check").exit_code, 2);
  EXPECT_EQ(RunFidelity("check --password-file").exit_code, 2);
  EXPECT_EQ(RunFidelity("check --bogus " + Q(Sample("hamamatsu-01"))).exit_code, 2);
  // A password file that cannot be read is bad usage too.
  auto r = RunFidelity("check " + Q(Cli("protected.xlsx")) + " --password-file /nonexistent/pw.txt");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  auto h = RunFidelity("check --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("--password-file"), std::string::npos);
}

TEST(Check, ProtectedWorkbookWithItsPasswordFile) {
  std::string pw = Slurp(Cli("protected.pw"));
  pw.resize(pw.find('\n'));
  ASSERT_GE(pw.size(), 8u);
  auto ok = RunFidelity("check " + Q(Cli("protected.xlsx")) + " --password-file " + Q(Cli("protected.pw")));
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("問題はありません"), std::string::npos) << ok.out;
  EXPECT_EQ(ok.out.find(pw), std::string::npos);
  EXPECT_EQ(ok.err.find(pw), std::string::npos);
}

TEST(Check, ProtectedWorkbookWithoutOrWithAWrongPassword) {
  std::string pw = Slurp(Cli("protected.pw"));
  pw.resize(pw.find('\n'));
  auto none = RunFidelity("check " + Q(Cli("protected.xlsx")));
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.out.find("[crypto.no_password]"), std::string::npos) << none.out;
  EXPECT_NE(none.out.find("--password-file"), std::string::npos) << none.out;  // the hint

  TempDir t;
  // A wrong password that shares a prefix with the right one, and CRLF line end.
  std::string wrong = pw.substr(0, 4) + "-wrong-パス";
  std::ofstream(t / "wrong.pw") << wrong << "\r\n";
  auto bad = RunFidelity("check " + Q(Cli("protected.xlsx")) + " --password-file " + Q(t / "wrong.pw"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("[crypto.wrong_password]"), std::string::npos) << bad.out;
  for (const auto& secret : {pw, wrong}) {
    EXPECT_EQ(bad.out.find(secret), std::string::npos) << "password printed";
    EXPECT_EQ(bad.err.find(secret), std::string::npos) << "password printed";
  }
}

}  // namespace
}  // namespace fidelity
