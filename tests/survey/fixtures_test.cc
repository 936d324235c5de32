// The same agency written by several producers (openpyxl, xlsxwriter,
// LibreOffice, Gnumeric; see tests/data/survey/make_fixtures.py) reads into
// the same Survey, equal to the in-memory baseline.
#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/reader.h"
#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/survey/builder.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

Survey ReadFixture(const std::string& name) {
  const std::string bytes = ReadFile(test::DataPath("survey/" + name));
  Workbook wb = ReadXlsx(bytes, name);
  return ReadSurvey(wb, DefaultLayout(), name);
}

class FixtureTest : public ::testing::TestWithParam<const char*> {};

TEST_P(FixtureTest, ReadsTheBaselineWithoutProblems) {
  Survey s = ReadFixture(GetParam());
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  Survey base = ReadSurvey(test::BaselineWorkbook(), DefaultLayout(), GetParam());
  ASSERT_TRUE(base.problems.empty()) << test::DumpProblems(base.problems);
  EXPECT_EQ(test::Dump(base), test::Dump(s));
}

INSTANTIATE_TEST_SUITE_P(Producers, FixtureTest,
                         ::testing::Values("survey_openpyxl.xlsx", "survey_openpyxl1904.xlsx", "survey_xlsxwriter.xlsx",
                                           "survey_libreoffice.xlsx", "survey_gnumeric.xlsx"),
                         [](const auto& info) {
                           std::string n = info.param;
                           return n.substr(7, n.size() - 12);  // survey_XXX.xlsx -> XXX
                         });

TEST(Fixture, ProducersReallyDiffer) {
  // Guard against the fixtures collapsing into copies of one file: the
  // xlsxwriter file holds text dates and percent cells, the openpyxl files
  // date cells, one of them in the 1904 system.
  auto load = [](const std::string& n) { return ReadXlsx(ReadFile(test::DataPath("survey/" + n)), n); };
  Workbook x = load("survey_xlsxwriter.xlsx"), o = load("survey_openpyxl.xlsx"), m = load("survey_openpyxl1904.xlsx"),
           lo = load("survey_libreoffice.xlsx"), g = load("survey_gnumeric.xlsx");
  const Cell* xd = x.find("記載日")->at(4, 3);
  ASSERT_NE(xd, nullptr);
  EXPECT_EQ(xd->type, CellType::kString);
  EXPECT_EQ(xd->text, "2026/09/30");
  const Cell* od = o.find("記載日")->at(4, 3);
  ASSERT_NE(od, nullptr);
  EXPECT_EQ(od->type, CellType::kNumber);
  EXPECT_TRUE(od->is_date_format);
  EXPECT_FALSE(o.date1904);
  EXPECT_TRUE(m.date1904);
  EXPECT_NE(m.find("記載日")->at(4, 3)->text, od->text);  // 1462 days apart
  const Cell* lod = lo.find("記載日")->at(4, 3);
  ASSERT_NE(lod, nullptr);
  EXPECT_EQ(lod->type, CellType::kNumber);
  EXPECT_TRUE(lod->is_date_format);
  // 調査票3 E4 (xlsxwriter: column order 役割, 氏名, D..H → E holds 就労支援業務の割合 as 0.9 in 0%).
  for (const Workbook* wb : {&x, &g}) {
    const Cell* pct = wb->find("調査票3 スタッフ配置")->at(4, 4);
    ASSERT_NE(pct, nullptr);
    EXPECT_EQ(pct->type, CellType::kNumber);
    EXPECT_TRUE(pct->is_percent_format);
    EXPECT_EQ(*Rational::FromDecimal(pct->text) * Rational(100), Rational(90));
  }
  EXPECT_EQ(x.find("調査票3 スタッフ配置")->at(4, 4)->text, "0.9");
  // Gnumeric writes binary noise ("0.899999999999999999978"): still exactly 90 %.
  EXPECT_NE(g.find("調査票3 スタッフ配置")->at(4, 4)->text, "0.9");
}

TEST(Fixture, OpenpyxlValuesAndPlaces) {
  Survey s = ReadFixture("survey_openpyxl.xlsx");
  EXPECT_EQ(s.agency_name, "就労支援センターはままつ");
  ASSERT_TRUE(s.record_date);
  EXPECT_EQ(*s.record_date, (Date{2026, 9, 30}));
  EXPECT_EQ(s.record_date_where, "記載日!C4");
  EXPECT_EQ(s.counts.at("B-1").where, "調査票1 機関の就労率!C6");
  EXPECT_EQ(*s.counts.at("B-1").value, Rational(9));
  EXPECT_EQ(s.jobs.size(), 8u);
  EXPECT_EQ(s.jobs_listed, 8);
  EXPECT_TRUE(s.jobs[6].self_employed);
  ASSERT_EQ(s.staff.size(), 6u);
  EXPECT_EQ(s.staff[1].hours, Rational::Fraction(75, 2));
  EXPECT_EQ(s.staff[0].role, "ES");
  ASSERT_EQ(s.users.size(), 20u);
  EXPECT_EQ(s.users.front().row, 6);
  EXPECT_EQ(s.users.back().row, 25);
  EXPECT_TRUE(s.records.present);
  EXPECT_EQ(s.records.iii4.size(), 6u);
  EXPECT_EQ(s.records.iii5.size(), 9u);
  EXPECT_EQ(s.records.iii11.size(), 23u);
  EXPECT_EQ(s.records.iii12i.size(), 3u);
}

}  // namespace
}  // namespace fidelity
