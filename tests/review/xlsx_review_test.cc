// Reviewer score sheets filled outside our program (openpyxl; re-saved by
// LibreOffice) read into the same model as the YAML they were filled from
// (tests/data/workflow/make_fixtures.py), and every mistake in a sheet is
// an error with the YAML reader's code, naming file, sheet and cell.
#include "pipeline/review/xlsx_review.h"

#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/cli/convert.h"
#include "pipeline/core/fs.h"
#include "pipeline/review/load_review.h"
#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::DataPath;
using test::ProblemOf;

const Instrument& Ins() {
  static const Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  return ins;
}

ReviewerFile Yaml() {
  fs::path p = test::RepoPath() / "samples/2026/hamamatsu-01/山田.yaml";
  return LoadReviewFile(p, Ins());
}

ReviewerFile Sheet(const std::string& name) { return LoadReviewFile(DataPath("workflow/" + name), Ins()); }

TEST(XlsxReview, OpenpyxlSheetReadsAsItsYaml) {
  ReviewerFile x = Sheet("openpyxl_山田.xlsx");
  EXPECT_EQ(ScoringDifference(Yaml(), x), "");
  EXPECT_EQ(x.reviewer, "山田 花子");
  EXPECT_EQ(x.Find("II-1")->score, 3);  // typed as full-width text "３"
  EXPECT_EQ(x.Find("II-1")->line, x.Find("II-1")->score_line);
  EXPECT_EQ(x.strengths, Yaml().strengths);
}

TEST(XlsxReview, LibreOfficeSheetReadsAsItsYaml) {
  ASSERT_TRUE(fs::exists(DataPath("workflow/libreoffice_山田.xlsx")));
  ReviewerFile x = Sheet("libreoffice_山田.xlsx");
  EXPECT_EQ(ScoringDifference(Yaml(), x), "");
  EXPECT_EQ(x.goi, Yaml().goi);
}

TEST(XlsxReview, BlankSheetIsAnEmptyReview) {
  ReviewerFile x = Sheet("blank.xlsx");
  EXPECT_TRUE(x.items.empty());
  EXPECT_TRUE(x.goi.empty());
  EXPECT_EQ(x.reviewer, "blank");  // no name written: the file's stem, as for YAML
}

struct BadCase {
  const char* file;
  const char* code;
  const char* cell;      // the cell named in `where`
  const char* message;   // a part of the message
};

TEST(XlsxReview, EveryMistakeIsAnErrorNamingFileSheetAndCell) {
  const BadCase cases[] = {
      {"bad_score.xlsx", "review.bad_score", "C", "項目 II-1 の得点は1〜5の整数です（'7'）"},
      {"bad_check.xlsx", "review.wrong_type", "C", "項目 II-2 の i は 1（該当）か 0（非該当）"},
      {"unknown_code.xlsx", "review.unknown_item", "A", "不明なコード 'II-99'"},
      {"bad_goi.xlsx", "review.wrong_type", "C", "GOI G1 は はい・いいえ・未判定 のいずれかです（'たぶん'）"},
      {"bad_count.xlsx", "review.bad_count", "C", "項目 III-8 の数は0以上の整数"},
      {"duplicate.xlsx", "review.duplicate_key", "A", "コード II-3 の行が2つあります"},
      {"error_value.xlsx", "review.wrong_type", "C", "エラー値（#N/A）"},
  };
  for (const auto& c : cases) {
    Problem p = ProblemOf([&] { Sheet(c.file); });
    EXPECT_EQ(p.code, c.code) << c.file;
    EXPECT_EQ(p.where.rfind(std::string(c.file) + " 評価シート!" + c.cell, 0), 0u) << c.file << ": " << p.where;
    EXPECT_NE(p.message.find(c.message), std::string::npos) << c.file << ": " << p.message;
  }
}

TEST(XlsxReview, TheWhereNamesTheRowOfTheMistake) {
  // bad_score: II-1's row, found by its code like a reviewer would.
  Workbook wb = ReadXlsx(ReadFile(DataPath("workflow/bad_score.xlsx")), "bad_score.xlsx");
  const fidelity::Sheet* s = wb.find("評価シート");
  ASSERT_NE(s, nullptr);
  int row = 0;
  for (int r = 1; r <= s->max_row && !row; ++r)
    if (const Cell* a = s->at(r, 1); a && a->text == "II-1") row = r;
  Problem p = ProblemOf([&] { Sheet("bad_score.xlsx"); });
  EXPECT_EQ(p.where, "bad_score.xlsx 評価シート!C" + std::to_string(row));
}

TEST(XlsxReview, AWorkbookThatIsNoScoreSheetSaysWhatToUse) {
  Problem p = ProblemOf([&] {
    LoadReviewFile(test::RepoPath() / "samples/2026/hamamatsu-01/事前調査票.xlsx",
                   Ins());
  });
  EXPECT_EQ(p.code, "review.no_sheet");
  EXPECT_NE(p.message.find("fidelity blank --reviewer"), std::string::npos);
  test::TempDir tmp;
  std::ofstream(tmp / "山田.xlsx") << "reviewer: 山田\n";  // YAML saved under an Excel name
  Problem q = ProblemOf([&] { LoadReviewFile(tmp / "山田.xlsx", Ins()); });
  EXPECT_EQ(q.code, "xlsx.not_zip");
  EXPECT_EQ(q.where, "山田.xlsx");
}

TEST(XlsxReview, ExtensionChoosesTheReader) {
  EXPECT_TRUE(IsReviewerSheetPath("a/山田.XLSX"));
  EXPECT_TRUE(IsReviewerSheetPath("山田.xlsm"));
  EXPECT_FALSE(IsReviewerSheetPath("山田.yaml"));
  EXPECT_FALSE(IsReviewerSheetPath("山田.xls"));
}

}  // namespace
}  // namespace fidelity
