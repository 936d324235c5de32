#include "pipeline/retention/retention_command.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/core/fs.h"
#include "pipeline/retention/retention_report.h"
#include "tests/test_util.h"

namespace fidelity::retention {
namespace {

namespace fs = std::filesystem;
using test::DataPath;
using test::RunShell;
using test::Slurp;
using test::TempDir;

std::string Data(const std::string& rel) { return DataPath("retention/" + rel).string(); }

std::string PdfText(const fs::path& pdf) {
  auto r = RunShell("pdftotext -layout -enc UTF-8 '" + pdf.string() + "' -");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(RetentionCommandTest, WritesPdfPerCheckAndCsvInOrder) {
  TempDir out;
  std::ostringstream err;
  int rc = RunRetention({Data("P-0002_2026-10-15.yaml"), Data("P-0001_2026-10-01.yaml")}, out.path(), err);
  EXPECT_EQ(rc, 0) << err.str();
  EXPECT_EQ(err.str(), "");
  EXPECT_TRUE(fs::exists(out / "P-0001_2026-10-01.pdf"));
  EXPECT_TRUE(fs::exists(out / "P-0002_2026-10-15.pdf"));
  EXPECT_EQ(Slurp(out / "retention.csv"),
            "\xEF\xBB\xBF"
            "person,date,I,II,III,IV,V,VI\r\n"
            "P-0002,2026-10-15,4.5,1.5,3.0,4.0,2.5,\r\n"
            "P-0001,2026-10-01,4.0,2.3,4.3,5.0,4.0,5.0\r\n");
  // Nothing else in OUT (no temporaries left behind).
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.path())) ++n;
  EXPECT_EQ(n, 3);
}

TEST(RetentionCommandTest, PdfShowsPersonScoresAndFocusItems) {
  TempDir out;
  std::ostringstream err;
  ASSERT_EQ(RunRetention({Data("P-0002_2026-10-15.yaml")}, out.path(), err), 0) << err.str();
  std::string pdf = Slurp(out / "P-0002_2026-10-15.pdf");
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_LT(pdf.size(), 300u * 1024);
  std::string text = PdfText(out / "P-0002_2026-10-15.pdf");
  EXPECT_NE(text.find("P-0002"), std::string::npos) << text;
  EXPECT_NE(text.find("2026年10月15日"), std::string::npos) << text;
  EXPECT_NE(text.find("田中"), std::string::npos);
  for (const char* s : {"4.5", "1.5", "3.0", "4.0", "2.5", "未評価", "結果のまとめ",
                        "本人の体調の安定", "職場のサポート体制の状況"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  // Lowest domain II (1.5): its four items are listed, rated or not.
  for (const char* s : {"睡眠状態が安定している", "食欲の低下や食事の内容の悪化がない", "疲労感はあっても、回復している"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  // Items of other domains are not in the focus list.
  EXPECT_EQ(text.find("生活の目標や夢などをもっている"), std::string::npos);
}

TEST(RetentionCommandTest, PreviousCheckIsReadAndShown) {
  Checklist c = LoadChecklist(DefaultRetentionConfig());
  pdf::FontCache fonts = pdf::FontCache::FromDataDir();
  TempDir out;
  std::ostringstream err;
  ASSERT_EQ(RunRetention(c, fonts, {Data("P-0001_2026-10-01.yaml")}, out.path(), err), 0) << err.str();
  std::string text = PdfText(out / "P-0001_2026-10-01.pdf");
  EXPECT_NE(text.find("P-0001"), std::string::npos);
  // Previous (2026-04-01): I 3.0, II 3.8 (15/4 = 3.75), III 2.8 (11/4), IV 2.7 (8/3), V 3.2, VI 4.0.
  for (const char* s : {"2026年4月1日", "3.8", "2.8", "2.7", "3.2"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  // This check: II 2.3 is the lowest.
  for (const char* s : {"4.3", "2.3", "5.0"}) EXPECT_NE(text.find(s), std::string::npos) << s;
  EXPECT_NE(text.find("通院又は服薬状態等が安定している"), std::string::npos);
  // Only the current check is a CSV row.
  EXPECT_EQ(Slurp(out / "retention.csv"),
            "\xEF\xBB\xBF" "person,date,I,II,III,IV,V,VI\r\n" "P-0001,2026-10-01,4.0,2.3,4.3,5.0,4.0,5.0\r\n");
}

TEST(RetentionCommandTest, ReportModelCarriesThePreviousScores) {
  Checklist c = LoadChecklist(DefaultRetentionConfig());
  Check now, before;
  now.person = before.person = "P-9";
  now.date = {2026, 10, 1};
  before.date = {2026, 4, 1};
  now.ratings = {{"I-1", 4}, {"II-1", 2}};
  before.ratings = {{"I-1", 2}, {"I-2", 3}, {"VI-1", 5}};
  RetentionReport r = BuildReport(c, now, &before);
  ASSERT_TRUE(r.previous_date);
  ASSERT_EQ(r.previous_scores.size(), 6u);
  EXPECT_EQ(FormatScaled(*r.previous_scores[0].score), "2.5");
  EXPECT_FALSE(r.previous_scores[1].score);
  EXPECT_EQ(FormatScaled(*r.previous_scores[5].score), "5.0");
  ASSERT_EQ(r.focus.size(), 1u);
  EXPECT_EQ(r.focus[0].domain, 1u);
  ASSERT_EQ(r.focus[0].items.size(), 4u);
  EXPECT_EQ(r.focus[0].items[0].rating, 2);
  EXPECT_EQ(r.focus[0].items[1].rating, std::nullopt);
  EXPECT_FALSE(BuildReport(c, now, nullptr).previous_date);
}

TEST(RetentionCommandTest, BadFilesAreReportedAndSkippedOthersGoOn) {
  TempDir out;
  std::ostringstream err;
  std::vector<std::string> files = {Data("bad/unknown_code.yaml"), Data("P-0002_2026-10-15.yaml"),
                                    Data("bad/out_of_range.yaml"), Data("bad/not_integer.yaml"),
                                    Data("bad/syntax.yaml"),       Data("bad/duplicate.yaml"),
                                    Data("bad/missing_person.yaml"), Data("bad/missing_date.yaml"),
                                    Data("no_such_file.yaml"),     Data("P-0001_2026-04-01.yaml")};
  EXPECT_EQ(RunRetention(files, out.path(), err), 1);
  std::string e = err.str();
  for (const std::string& want :
       {"error [retention.unknown_item] " + Data("bad/unknown_code.yaml") + ":6: ",
        "error [retention.out_of_range] " + Data("bad/out_of_range.yaml") + ":6: ",
        "error [retention.not_integer] " + Data("bad/not_integer.yaml") + ":6: ",
        "error [retention.syntax] " + Data("bad/syntax.yaml") + ":5: ",
        "error [retention.duplicate_key] " + Data("bad/duplicate.yaml") + ":7: ",
        "error [retention.missing_person] " + Data("bad/missing_person.yaml") + ":1: ",
        "error [retention.missing_date] " + Data("bad/missing_date.yaml") + ":1: ",
        "error [io.read] " + Data("no_such_file.yaml") + ": ",
        std::string("retention: 10 件中 8 件のチェックを処理できませんでした\n")})
    EXPECT_NE(e.find(want), std::string::npos) << want << "\n" << e;
  EXPECT_TRUE(fs::exists(out / "P-0002_2026-10-15.pdf"));
  EXPECT_TRUE(fs::exists(out / "P-0001_2026-04-01.pdf"));
  EXPECT_EQ(Slurp(out / "retention.csv"),
            "\xEF\xBB\xBF" "person,date,I,II,III,IV,V,VI\r\n"
            "P-0002,2026-10-15,4.5,1.5,3.0,4.0,2.5,\r\n"
            "P-0001,2026-04-01,3.0,3.8,2.8,2.7,3.2,4.0\r\n");
  int n = 0;
  for ([[maybe_unused]] const auto& x : fs::directory_iterator(out.path())) ++n;
  EXPECT_EQ(n, 3);
}

// Checks written into a temp folder, to test the previous-file rules.
class PreviousRulesTest : public ::testing::Test {
 protected:
  void Write(const std::string& name, const std::string& text) { WriteFileAtomic(dir_ / name, text); }
  int Run(const std::string& name) { return RunRetention({(dir_ / name).string()}, out_.path(), err_); }
  TempDir dir_, out_;
  std::ostringstream err_;
};

TEST_F(PreviousRulesTest, MissingPreviousFailsTheCheckAtItsLine) {
  Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 4}\nprevious: gone.yaml\n");
  EXPECT_EQ(Run("a.yaml"), 1);
  EXPECT_NE(err_.str().find("error [io.read] " + (dir_ / "gone.yaml").string()), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("error [retention.previous_unusable] " + (dir_ / "a.yaml").string() + ":5: "),
            std::string::npos)
      << err_.str();
  EXPECT_FALSE(fs::exists(out_ / "P-1_2026-10-01.pdf"));
}

TEST_F(PreviousRulesTest, BadPreviousReportsItsOwnLine) {
  Write("old.yaml", "person: P-1\ndate: 2026-04-01\nrater: r\nratings: {I-1: 7}\n");
  Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 4}\nprevious: old.yaml\n");
  EXPECT_EQ(Run("a.yaml"), 1);
  EXPECT_NE(err_.str().find("error [retention.out_of_range] " + (dir_ / "old.yaml").string() + ":4: "),
            std::string::npos)
      << err_.str();
}

TEST_F(PreviousRulesTest, PreviousOfAnotherPersonOrNotEarlierFails) {
  Write("other.yaml", "person: P-2\ndate: 2026-04-01\nrater: r\nratings: {I-1: 3}\n");
  Write("later.yaml", "person: P-1\ndate: 2026-11-01\nrater: r\nratings: {I-1: 3}\n");
  Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 4}\nprevious: other.yaml\n");
  Write("b.yaml", "person: P-1\ndate: 2026-10-02\nrater: r\nratings: {I-1: 4}\nprevious: later.yaml\n");
  EXPECT_EQ(Run("a.yaml"), 1);
  EXPECT_EQ(Run("b.yaml"), 1);
  EXPECT_NE(err_.str().find("[retention.previous_other_person] " + (dir_ / "a.yaml").string() + ":5: "),
            std::string::npos)
      << err_.str();
  EXPECT_NE(err_.str().find("[retention.previous_not_earlier] " + (dir_ / "b.yaml").string() + ":5: "),
            std::string::npos)
      << err_.str();
}

TEST_F(PreviousRulesTest, SecondCheckOfSamePersonAndDateIsRefused) {
  Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 4}\n");
  Write("b.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 2}\n");
  EXPECT_EQ(RunRetention({(dir_ / "a.yaml").string(), (dir_ / "b.yaml").string()}, out_.path(), err_), 1);
  EXPECT_NE(err_.str().find("[retention.duplicate_check] " + (dir_ / "b.yaml").string() + ":1: "),
            std::string::npos)
      << err_.str();
  EXPECT_EQ(Slurp(out_ / "retention.csv"),
            "\xEF\xBB\xBF" "person,date,I,II,III,IV,V,VI\r\n" "P-1,2026-10-01,4.0,,,,,\r\n");
}

// issue 15: a previous check outside the check's folder (.., absolute, a link
// out) is not read, so nothing of it can reach a message.
TEST_F(PreviousRulesTest, PreviousOutsideTheFolderIsNotRead) {
  TempDir elsewhere;
  WriteFileAtomic(elsewhere / "old.yaml", "person: P-1\ndate: 2026-04-01\nrater: SECRET-RATER\nratings: {I-1: 7}\n");
  fs::create_directories(dir_ / "sub");
  fs::create_symlink(elsewhere / "old.yaml", dir_ / "sub/link.yaml");
  const std::string abs = (elsewhere / "old.yaml").string();
  const std::string rel = fs::path(abs).lexically_relative(dir_.path()).string();
  for (const std::string& prev : {rel, abs, std::string("sub/link.yaml")}) {
    err_.str("");
    Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 4}\nprevious: '" + prev + "'\n");
    EXPECT_EQ(Run("a.yaml"), 1);
    EXPECT_EQ(err_.str(), "error [retention.previous_outside] " + (dir_ / "a.yaml").string() + ":5: 前回のチェック「" + prev +
                              "」は、このファイルと同じフォルダ（またはその下）に置いてください"
                              "（絶対パス・「..」・フォルダの外を指すリンクは読みません）\n"
                              "retention: 1 件中 1 件のチェックを処理できませんでした\n");
    EXPECT_EQ(err_.str().find("out_of_range"), std::string::npos);
  }
  // Inside the folder (a sub-folder, a link that stays inside) is fine.
  Write("sub/old.yaml", "person: P-1\ndate: 2026-04-01\nrater: r\nratings: {I-1: 3}\n");
  Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: r\nratings: {I-1: 4}\nprevious: sub/old.yaml\n");
  err_.str("");
  EXPECT_EQ(Run("a.yaml"), 0) << err_.str();
}

int Pages(const fs::path& pdf) {
  auto r = RunShell("pdfinfo '" + pdf.string() + "' | sed -n 's/^Pages: *//p'");
  return r.exit_code == 0 && !r.out.empty() ? std::stoi(r.out) : -1;
}

TEST_F(PreviousRulesTest, EveryDomainTiedStillFitsOnePage) {
  // All 27 items rated 3: every domain is lowest, so all 27 items are listed.
  Checklist c = LoadChecklist(DefaultRetentionConfig());
  std::string ratings;
  for (const auto& d : c.domains)
    for (const auto& item : d.items) ratings += "  " + item.code + ": 3\n";
  Write("tie.yaml", "person: P-TIE\ndate: 2026-10-01\nrater: r\nratings:\n" + ratings);
  ASSERT_EQ(Run("tie.yaml"), 0) << err_.str();
  EXPECT_EQ(Pages(out_ / "P-TIE_2026-10-01.pdf"), 1);
  std::string text = PdfText(out_ / "P-TIE_2026-10-01.pdf");
  for (const auto& d : c.domains)
    for (const auto& item : d.items) EXPECT_NE(text.find(item.code), std::string::npos) << item.code;
  EXPECT_NE(text.find("職場の障害のある従業員への理解が十分である"), std::string::npos);
}

TEST_F(PreviousRulesTest, FixturePagesAreOnePage) {
  ASSERT_EQ(RunRetention({DataPath("retention/P-0001_2026-10-01.yaml").string(),
                          DataPath("retention/P-0002_2026-10-15.yaml").string()},
                         out_.path(), err_),
            0);
  EXPECT_EQ(Pages(out_ / "P-0001_2026-10-01.pdf"), 1);
  EXPECT_EQ(Pages(out_ / "P-0002_2026-10-15.pdf"), 1);
}

TEST_F(PreviousRulesTest, CharacterOutsideTheFontIsShownAsGetaWithAWarning) {
  Write("a.yaml", "person: P-1\ndate: 2026-10-01\nrater: 𠮷田\nratings: {I-1: 4}\n");
  EXPECT_EQ(Run("a.yaml"), 0);
  EXPECT_NE(err_.str().find("warning [retention.missing_glyph] " + (dir_ / "a.yaml").string() + ": "),
            std::string::npos)
      << err_.str();
  EXPECT_NE(PdfText(out_ / "P-1_2026-10-01.pdf").find("〓田"), std::string::npos);
}

TEST_F(PreviousRulesTest, SameInputsGiveIdenticalBytes) {
  TempDir out2;
  std::ostringstream e2;
  std::vector<std::string> files = {DataPath("retention/P-0001_2026-10-01.yaml").string()};
  ASSERT_EQ(RunRetention(files, out_.path(), err_), 0);
  ASSERT_EQ(RunRetention(files, out2.path(), e2), 0);
  EXPECT_EQ(Slurp(out_ / "P-0001_2026-10-01.pdf"), Slurp(out2 / "P-0001_2026-10-01.pdf"));
  EXPECT_EQ(Slurp(out_ / "retention.csv"), Slurp(out2 / "retention.csv"));
}

}  // namespace
}  // namespace fidelity::retention

namespace fidelity::retention {
namespace {

TEST(RetentionCliTest, FidelityRetentionRunsTheCommand) {
  test::TempDir out;
  auto r = test::RunFidelity("retention '" + Data("P-0002_2026-10-15.yaml") + "' '" +
                             Data("bad/duplicate.yaml") + "' -o '" + out.path().string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("[retention.duplicate_key] " + Data("bad/duplicate.yaml") + ":7: "), std::string::npos)
      << r.err;
  EXPECT_TRUE(std::filesystem::exists(out / "P-0002_2026-10-15.pdf"));
  EXPECT_EQ(test::Slurp(out / "retention.csv"),
            "\xEF\xBB\xBF" "person,date,I,II,III,IV,V,VI\r\n" "P-0002,2026-10-15,4.5,1.5,3.0,4.0,2.5,\r\n");
}

}  // namespace
}  // namespace fidelity::retention
