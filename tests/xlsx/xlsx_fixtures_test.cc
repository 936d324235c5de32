// The same workbook written by different producers reads the same
// (tests/data/xlsx/make_fixtures.py made them).
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/core/problem.h"
#include "pipeline/xlsx/number_format.h"
#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

Workbook Load(const std::string& name) {
  return ReadXlsx(test::Slurp(test::DataPath("xlsx/" + name)), name);
}

const Cell& At(const Workbook& wb, const std::string& sheet, const std::string& ref) {
  static const Cell kNone;
  const Sheet* s = wb.find(sheet);
  int r = 0, c = 0;
  if (!s || !ParseCellRef(ref, &r, &c) || !s->at(r, c)) {
    ADD_FAILURE() << sheet << "!" << ref << " is absent";
    return kNone;
  }
  return *s->at(r, c);
}

class Producers : public ::testing::TestWithParam<const char*> {};

TEST_P(Producers, ReadTheSameCells) {
  Workbook wb = Load(GetParam());
  ASSERT_EQ(wb.sheets.size(), 2u);
  EXPECT_EQ(wb.sheets[0].name, "記載日");
  EXPECT_EQ(wb.sheets[1].name, "調査票1 機関の就労率");
  EXPECT_FALSE(wb.date1904);

  const std::string k = "記載日";
  EXPECT_EQ(At(wb, k, "A1").text, "機関名");
  EXPECT_EQ(At(wb, k, "B1").type, CellType::kString);
  EXPECT_EQ(At(wb, k, "B1").text, "就労支援センターはままつ");
  EXPECT_EQ(At(wb, k, "A2").text, "記載日");
  EXPECT_EQ(At(wb, k, "B2").type, CellType::kNumber);
  EXPECT_EQ(At(wb, k, "B2").text, "46307");  // 2026-10-12
  EXPECT_EQ(At(wb, k, "B2").number_format, "yyyy/mm/dd");
  EXPECT_TRUE(At(wb, k, "B2").is_date_format);
  EXPECT_EQ(At(wb, k, "B3").text, "山田 花子");
  EXPECT_EQ(At(wb, k, "B4").text, "45383");
  EXPECT_TRUE(At(wb, k, "B4").is_date_format) << At(wb, k, "B4").number_format;
  EXPECT_FALSE(At(wb, k, "B5").is_date_format) << At(wb, k, "B5").number_format;  // h:mm
  EXPECT_EQ(RoundNumberText15(At(wb, k, "B5").text), "0.395833333333333");

  const std::string s = "調査票1 機関の就労率";
  EXPECT_EQ(At(wb, s, "A1").text, "調査票1");
  EXPECT_EQ(At(wb, s, "A2").text, "A-1");
  EXPECT_EQ(At(wb, s, "B2").text, "過去1年間にIPS支援に登録していた人数");
  // Gnumeric stores 0.6 as "0.600000000000000000022": the raw text is kept,
  // and Excel's 15 digits give back what was typed.
  EXPECT_EQ(At(wb, s, "C2").text, "40");
  EXPECT_EQ(RoundNumberText15(At(wb, s, "C3").text), "37.5");
  EXPECT_EQ(RoundNumberText15(At(wb, s, "C4").text), "20.01");
  EXPECT_EQ(RoundNumberText15(At(wb, s, "C5").text), "0.6");
  EXPECT_EQ(At(wb, s, "C6").text, "-3");
  for (const char* ref : {"C2", "C3", "C4", "C5", "C6"}) {
    EXPECT_EQ(At(wb, s, ref).type, CellType::kNumber) << ref;
    EXPECT_FALSE(At(wb, s, ref).has_formula) << ref;
    EXPECT_FALSE(At(wb, s, ref).is_percent_format) << ref;
  }
  const Cell& rate = At(wb, s, "C7");
  EXPECT_TRUE(rate.has_formula);
  EXPECT_TRUE(rate.is_percent_format);
  EXPECT_EQ(RoundNumberText15(At(wb, s, "C8").text), "0.8");
  EXPECT_TRUE(At(wb, s, "C8").is_percent_format);
  EXPECT_EQ(At(wb, s, "C9").type, CellType::kBool);
  EXPECT_EQ(At(wb, s, "C9").text, "1");
  EXPECT_EQ(At(wb, s, "D9").text, "0");
  EXPECT_TRUE(At(wb, s, "C10").has_formula);
  EXPECT_EQ(At(wb, s, "E12").text, "　全角スペース付き　");
  EXPECT_EQ(wb.sheets[1].at(11, 1), nullptr);
  EXPECT_EQ(wb.sheets[1].max_row, 12);
  EXPECT_EQ(wb.sheets[1].max_col, 5);
}

INSTANTIATE_TEST_SUITE_P(Xlsx, Producers, ::testing::Values("openpyxl.xlsx", "gnumeric.xlsx"));

TEST(Producers, OpenpyxlLeavesFormulasWithoutValues) {
  Workbook wb = Load("openpyxl.xlsx");
  const Sheet* s = wb.find("調査票1 機関の就労率");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->at(7, 3)->type, CellType::kEmpty);
  EXPECT_EQ(s->at(10, 3)->type, CellType::kEmpty);
}

TEST(Producers, GnumericCachesFormulaValues) {
  Workbook wb = Load("gnumeric.xlsx");
  const Sheet* s = wb.find("調査票1 機関の就労率");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->at(7, 3)->type, CellType::kNumber);
  EXPECT_EQ(RoundNumberText15(s->at(7, 3)->text), "0.50025");
  EXPECT_EQ(s->at(10, 3)->type, CellType::kString);
  EXPECT_EQ(s->at(10, 3)->text, "IPS支援");
}

TEST(Producers, FuzzSeedsAllRead) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::DataPath("xlsx/fuzz_seed"))) {
    Workbook wb = ReadXlsx(test::Slurp(e.path()), e.path().filename().string());
    EXPECT_FALSE(wb.sheets.empty()) << e.path();
    EXPECT_FALSE(wb.sheets[0].cells.empty()) << e.path();
    ++n;
  }
  EXPECT_GE(n, 3);
}

}  // namespace
}  // namespace fidelity
