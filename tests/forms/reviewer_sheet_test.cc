// The reviewer's Excel score sheet (forms/reviewer_sheet.h): what a reviewer
// sees (items with anchors, drop-downs, protection, A4), and the round trip
// model -> sheet -> review/xlsx_review.h -> the same model.
#include "pipeline/forms/reviewer_sheet.h"

#include <gtest/gtest.h>

#include "pipeline/cli/convert.h"
#include "pipeline/core/fs.h"
#include "pipeline/review/xlsx_review.h"
#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::Q;
using test::RunShell;
using test::TempDir;

struct Env {
  Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  ReviewerSheetLayout layout = LoadReviewerSheetLayout();
};

// The text of one cell of the 評価シート, found by the code in column A.
std::string CellByCode(const Sheet& s, const std::string& code, int col) {
  for (int r = 1; r <= s.max_row; ++r)
    if (const Cell* a = s.at(r, 1); a && a->text == code) {
      const Cell* c = s.at(r, col);
      return c ? c->text : "";
    }
  return "<no row " + code + ">";
}

std::string Part(const fs::path& xlsx, const std::string& part) {
  return RunShell("unzip -p " + Q(xlsx) + " " + part).out;
}

TEST(ReviewerSheet, BlankShowsEveryItemWithItsAnchorsAndDropDowns) {
  Env env;
  TempDir tmp;
  fs::path out = tmp / "評価シート.xlsx";
  WriteReviewerSheet(env.ins, env.layout, nullptr, out);
  Workbook wb = ReadXlsx(ReadFile(out), "評価シート.xlsx");
  ASSERT_EQ(wb.sheets.size(), 2u);
  EXPECT_EQ(wb.sheets[0].name, "記入方法");
  const Sheet* s = wb.find("評価シート");
  ASSERT_NE(s, nullptr);
  for (const auto& item : env.ins.items) {
    EXPECT_EQ(CellByCode(*s, item.code, 2).rfind(item.name, 0), 0u) << item.code;
    EXPECT_EQ(CellByCode(*s, item.code, 3), "") << item.code;  // no score in a blank
    for (int k = 1; k <= 5; ++k) EXPECT_EQ(CellByCode(*s, item.code, 4 + k), item.anchors.at(k)) << item.code;
  }
  EXPECT_EQ(CellByCode(*s, "II-2-i", 2), "i. CMが就労の意義を理解し表明している");
  EXPECT_EQ(CellByCode(*s, "II-2-no_cm", 2), "CMがいない、またはESがCMを兼ねている");
  EXPECT_EQ(CellByCode(*s, "II-6-b-1", 2), "　理由: 犯罪歴や暴力行為の履歴がある");
  EXPECT_EQ(CellByCode(*s, "III-8-count", 2), env.ins.FindItem("III-8")->reviewer_count);
  EXPECT_EQ(CellByCode(*s, "G10", 2).rfind("個別就労支援のプログラムアシスタント", 0), 0u);
  EXPECT_EQ(CellByCode(*s, "強み-8", 2), "");
  EXPECT_EQ(CellByCode(*s, "課題-1", 2), "");

  std::string xml = Part(out, "xl/worksheets/sheet2.xml");
  EXPECT_NE(xml.find("<sheetProtection"), std::string::npos);
  EXPECT_NE(xml.find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(xml.find("<formula1>\"1,2,3,4,5\"</formula1>"), std::string::npos);
  EXPECT_NE(xml.find("<formula1>\"1,0\"</formula1>"), std::string::npos);
  EXPECT_NE(xml.find("<formula1>\"はい,いいえ,未判定\"</formula1>"), std::string::npos);
  EXPECT_NE(xml.find("errorTitle=\"入力できない値です\""), std::string::npos);
  // Input cells are unlocked: the styles hold an unlocked format.
  EXPECT_NE(Part(out, "xl/styles.xml").find("locked=\"0\""), std::string::npos);
}

TEST(ReviewerSheet, SameInputsGiveTheSameBytes) {
  Env env;
  TempDir tmp;
  WriteReviewerSheet(env.ins, env.layout, nullptr, tmp / "a.xlsx");
  WriteReviewerSheet(env.ins, env.layout, nullptr, tmp / "b.xlsx");
  EXPECT_EQ(ReadFile(tmp / "a.xlsx"), ReadFile(tmp / "b.xlsx"));
}

TEST(ReviewerSheet, FilledSheetReadsBackAsTheSameModel) {
  Env env;
  ReviewerFile in = ParseReviewerFile(R"(reviewer: 山田 花子
items:
  II-1: {score: 3, note: "月1回の定例\n（電話は除く）"}
  II-2: {checks: {i: true, iii: true}, no_cm: false}
  II-6: {checks: {a: false, b: [犯罪歴や暴力行為の履歴がある, 地域の独自ルール], c: true, e: false}}
  III-7: {checks: {i: true}, rarely_meets_employers: true}
  III-8: {count: 7, note: 清掃と清掃員は同じ職種}
  I-1: {score: 2, note: ESの兼務が多い}
  III-3: {note: 次回確認}
goi: {G1: true, G2: false, G7: null}
strengths: [一, 二, 三, 四, 五, 六, 七, 八, 九]
challenges: [課題A]
)",
                                      "山田.yaml", env.ins);
  TempDir tmp;
  WriteReviewerSheet(env.ins, env.layout, &in, tmp / "山田.xlsx");
  ReviewerFile back = ReadReviewerSheet(ReadFile(tmp / "山田.xlsx"), "山田.xlsx", env.ins, env.layout);
  EXPECT_EQ(ScoringDifference(in, back), "");
  EXPECT_EQ(back.reviewer, "山田 花子");
  EXPECT_EQ(back.Find("II-6")->checks.at("b"), 2);
  EXPECT_EQ(back.Find("II-6")->checks.at("c"), 1);
  EXPECT_EQ(back.Find("II-6")->reasons.at("b"),
            (std::vector<std::string>{"犯罪歴や暴力行為の履歴がある", "地域の独自ルール"}));
  EXPECT_EQ(back.Find("III-8")->count, 7);
  EXPECT_TRUE(back.Find("III-7")->flags.at("rarely_meets_employers"));
  EXPECT_FALSE(back.Find("II-2")->flags.at("no_cm"));
  EXPECT_EQ(back.Find("II-1")->note, "月1回の定例\n（電話は除く）");
  EXPECT_EQ(back.goi.at("G7"), std::nullopt);
  EXPECT_EQ(back.goi.count("G3"), 0u);
  EXPECT_EQ(back.strengths.size(), 9u);  // more rows than the blank's 8
  EXPECT_EQ(back.items.count("II-3"), 0u);

  // The comparison itself notices a change.
  ReviewerFile changed = back;
  changed.items["II-2"].checks["iv"] = 1;
  EXPECT_EQ(ScoringDifference(in, changed), "項目 II-2 のチェック iv");
}

}  // namespace
}  // namespace fidelity
