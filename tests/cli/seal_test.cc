// Sealed packs: `fidelity run CYCLE --seal`. Each report.pdf opens with its
// password from OUT/passwords.csv (qpdf, pdftotext) and not without; the
// file is 0600 with a header and one row per scored agency; every agency
// has its own password; the passwords appear in no other output.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::RunFidelity;
using test::RunShell;
using test::Slurp;
using test::TempDir;

using test::Q;

// The round-trip cycle (two agencies) plus one whose workbook has errors.
class Sealed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    fs::path c = tmp_->path() / "cycle";
    fs::copy(test::DataPath("forms/roundtrip"), c, fs::copy_options::recursive);
    fs::create_directories(c / "broken");
    fs::copy_file(test::DataPath("cli/broken.xlsx"), c / "broken/事前調査票.xlsx");
    fs::copy_file(c / "mishima/小林.yaml", c / "broken/小林.yaml");
    std::ofstream(c / "cycle.yaml", std::ios::app) << "  - id: broken-03\n"
                                                      "    name: 壊れた事業所\n"
                                                      "    type: 地域事業所\n"
                                                      "    survey_date: 2026-10-15\n"
                                                      "    workbook: broken/事前調査票.xlsx\n"
                                                      "    reviews: [broken/小林.yaml]\n";
    result_ = new test::CommandResult(RunFidelity("run " + Q(c) + " -o " + Q(out()) + " --seal -j 2"));
    // id -> password
    std::ifstream in(out() / "passwords.csv");
    std::string line;
    std::getline(in, header_);
    while (std::getline(in, line)) {
      auto comma = line.find(',');
      if (comma != std::string::npos) passwords_[line.substr(0, comma)] = line.substr(comma + 1);
      ++rows_;
    }
  }
  static void TearDownTestSuite() {
    delete result_;
    delete tmp_;
  }
  static fs::path out() { return tmp_->path() / "out"; }
  static TempDir* tmp_;
  static test::CommandResult* result_;
  static std::string header_;
  static std::map<std::string, std::string> passwords_;
  static int rows_;
};
TempDir* Sealed::tmp_ = nullptr;
test::CommandResult* Sealed::result_ = nullptr;
std::string Sealed::header_;
std::map<std::string, std::string> Sealed::passwords_;
int Sealed::rows_ = 0;

TEST_F(Sealed, RunFinishesWithTheBrokenAgencyFailed) {
  EXPECT_EQ(result_->exit_code, 1) << result_->out << result_->err;  // one agency failed
  EXPECT_TRUE(fs::exists(out() / "mishima-openpyxl/report.pdf"));
  EXPECT_TRUE(fs::exists(out() / "mishima-libreoffice/report.pdf"));
  EXPECT_FALSE(fs::exists(out() / "broken-03/report.pdf"));
}

TEST_F(Sealed, PasswordsCsvIsPrivateWithAHeaderAndOneRowPerScoredAgency) {
  struct stat st{};
  ASSERT_EQ(stat((out() / "passwords.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(header_, "id,password");
  EXPECT_EQ(rows_, 2);
  EXPECT_EQ(passwords_.size(), 2u);
  EXPECT_TRUE(passwords_.count("mishima-openpyxl"));
  EXPECT_TRUE(passwords_.count("mishima-libreoffice"));
  EXPECT_FALSE(passwords_.count("broken-03"));
  std::set<std::string> distinct;
  for (const auto& [id, pw] : passwords_) {
    EXPECT_EQ(pw.size(), 16u) << id;
    for (char ch : pw) EXPECT_TRUE(isalnum(static_cast<unsigned char>(ch))) << id;
    distinct.insert(pw);
  }
  EXPECT_EQ(distinct.size(), passwords_.size()) << "two agencies share a password";
}

TEST_F(Sealed, EachReportOpensWithItsPasswordAndNotWithout) {
  ASSERT_EQ(passwords_.size(), 2u);
  for (const auto& [id, pw] : passwords_) {
    SCOPED_TRACE(id);
    fs::path pdf = out() / id / "report.pdf";
    fs::path plain = tmp_->path() / (id + "-plain.pdf");
    // Encrypted, and a password is needed to open it (qpdf exits 0 for "yes").
    EXPECT_EQ(RunShell("qpdf --requires-password " + Q(pdf)).exit_code, 0);
    EXPECT_NE(RunShell("qpdf --decrypt " + Q(pdf) + " " + Q(tmp_->path() / "nopw.pdf")).exit_code, 0);
    auto text_without = RunShell("pdftotext " + Q(pdf) + " -");
    EXPECT_NE(text_without.exit_code, 0);
    EXPECT_EQ(text_without.out.find("就労支援センターみしま"), std::string::npos);
    // The other agency's password does not open it.
    for (const auto& [other, opw] : passwords_) {
      if (other != id) {
        EXPECT_NE(RunShell("qpdf --decrypt --password=" + opw + " " + Q(pdf) + " " + Q(tmp_->path() / "x.pdf"))
                      .exit_code,
                  0);
      }
    }
    // Its own password does; the text is the agency's report.
    auto d = RunShell("qpdf --decrypt --password=" + pw + " " + Q(pdf) + " " + Q(plain));
    ASSERT_EQ(d.exit_code, 0) << d.err;
    auto text = RunShell("pdftotext " + Q(plain) + " -");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("就労支援センターみしま"), std::string::npos);
    auto direct = RunShell("pdftotext -upw " + pw + " " + Q(pdf) + " -");
    EXPECT_EQ(direct.exit_code, 0) << direct.err;
    EXPECT_NE(direct.out.find("就労支援センターみしま"), std::string::npos);
  }
}

TEST_F(Sealed, PasswordsAppearNowhereElse) {
  ASSERT_EQ(passwords_.size(), 2u);
  std::vector<std::pair<std::string, std::string>> texts = {{"stdout", result_->out}, {"stderr", result_->err}};
  for (const auto& e : fs::recursive_directory_iterator(out())) {
    if (!e.is_regular_file() || e.path().filename() == "passwords.csv") continue;
    texts.emplace_back(fs::relative(e.path(), out()).string(), Slurp(e.path()));
  }
  ASSERT_GE(texts.size(), 2u + 3 + 2 * 3);  // run.json, summary.csv/pdf; scores, problems, report ×2
  for (const auto& [id, pw] : passwords_)
    for (const auto& [name, text] : texts) EXPECT_EQ(text.find(pw), std::string::npos) << pw << " found in " << name;
}

TEST_F(Sealed, ScoresAreTheSameAsUnsealed) {
  TempDir t;
  auto r = RunFidelity("run " + Q(test::DataPath("forms/roundtrip")) + " -o " + Q(t / "out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(t / "out/passwords.csv"));  // no --seal, no passwords
  EXPECT_EQ(RunShell("qpdf --requires-password " + Q(t / "out/mishima-openpyxl/report.pdf")).exit_code, 2);
  for (const char* id : {"mishima-openpyxl", "mishima-libreoffice"})
    EXPECT_EQ(Slurp(t / "out" / id / "scores.json"), Slurp(out() / id / "scores.json")) << id;
}

TEST(SealedRerun, NewPasswordsEveryRun) {
  TempDir t;
  auto a = RunFidelity("run " + Q(test::DataPath("forms/roundtrip")) + " -o " + Q(t / "a") + " --seal --only mishima-openpyxl");
  auto b = RunFidelity("run " + Q(test::DataPath("forms/roundtrip")) + " -o " + Q(t / "b") + " --seal --only mishima-openpyxl");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::string pa = Slurp(t / "a/passwords.csv"), pb = Slurp(t / "b/passwords.csv");
  EXPECT_EQ(pa.rfind("id,password\nmishima-openpyxl,", 0), 0u) << pa;
  EXPECT_NE(pa, pb);
}

}  // namespace
}  // namespace fidelity
