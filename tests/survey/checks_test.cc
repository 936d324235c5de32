// Every validation rule of SPEC §4 that the workbook alone allows: one
// change to the clean baseline, then the exact code, severity and place.
#include <gtest/gtest.h>

#include "pipeline/survey/reader.h"
#include "tests/survey/builder.h"

namespace fidelity {
namespace {

using test::BaselineWorkbook;
using test::HasProblem;
using test::On;
using test::OnlyProblem;
using test::Read;

const std::string kCover = "記載日";
const std::string kRates = "調査票1 機関の就労率";
const std::string kJobs = "調査票2 直近の就労者リスト";
const std::string kStaff = "調査票3 スタッフ配置";
const std::string kUsers = "調査票4 利用者一覧";
const std::string kRecords = "計算シート2 支援記録等";
constexpr Severity E = Severity::kError;
constexpr Severity W = Severity::kWarning;

TEST(Baseline, HasNoProblem) {
  Survey s = Read(BaselineWorkbook());
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.users.size(), 20u);
  EXPECT_EQ(s.staff.size(), 6u);
  EXPECT_EQ(s.jobs.size(), 8u);
}

// ---- 記載日 and sheets ----
TEST(Cover, RecordDateBlank) {
  Workbook wb = BaselineWorkbook();
  On(wb, kCover).Clear("C4");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.record_date_missing", E, "記載日!B4"));
  EXPECT_FALSE(s.record_date);
}

TEST(Cover, RecordDateLabelAbsent) {
  Workbook wb = BaselineWorkbook();
  On(wb, kCover).Clear("A4");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.record_date_missing", E, "記載日"));
}

TEST(Cover, RecordDateNotADate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kCover).Str("C4", "来週");
  Survey s = Read(wb);
  EXPECT_TRUE(HasProblem(s.problems, "survey.not_a_date", E, "記載日!C4"));
  EXPECT_FALSE(s.record_date);
}

TEST(Cover, RecordDateTextForms) {
  struct Case { const char* text; const char* warning; };
  const Case cases[] = {{"2026/09/30", nullptr},        {"2026/9/30", nullptr},
                        {"2026-09-30", "survey.date_form"}, {"R8.9.30", "survey.date_form"},
                        {"令和8年9月30日", "survey.date_form"}, {"２０２６/０９/３０", "survey.fullwidth_digits"}};
  for (const auto& c : cases) {
    Workbook wb = BaselineWorkbook();
    On(wb, kCover).Str("C4", c.text);
    Survey s = Read(wb);
    ASSERT_TRUE(s.record_date) << c.text;
    EXPECT_EQ(*s.record_date, (Date{2026, 9, 30})) << c.text;
    if (c.warning) EXPECT_TRUE(OnlyProblem(s.problems, c.warning, W, "記載日!C4")) << c.text;
    else EXPECT_TRUE(s.problems.empty()) << c.text << test::DumpProblems(s.problems);
  }
}

TEST(Cover, DateSerialWithoutFormatIsReadWithWarning) {
  Workbook wb = BaselineWorkbook();
  On(wb, kCover).Num("C4", std::to_string(test::Serial({2026, 9, 30})));
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.date_unformatted", W, "記載日!C4"));
  EXPECT_EQ(*s.record_date, (Date{2026, 9, 30}));
}

TEST(Cover, Date1904) {
  Workbook wb = BaselineWorkbook();
  wb.date1904 = true;
  On(wb, kCover).DateCell("C4", {2026, 9, 30}, true);
  Survey s = Read(wb);
  EXPECT_EQ(*s.record_date, (Date{2026, 9, 30}));
}

TEST(Cover, ValueIsFirstNonEmptyCellToTheRight) {
  Workbook wb = BaselineWorkbook();
  On(wb, kCover).Clear("C4").Str("B4", "  ").DateCell("F4", {2026, 8, 31});
  Survey s = Read(wb);
  EXPECT_EQ(*s.record_date, (Date{2026, 8, 31}));
  EXPECT_EQ(s.record_date_where, "記載日!F4");
}

TEST(Cover, AgencyLabelAbsentIsAWarning) {
  Workbook wb = BaselineWorkbook();
  On(wb, kCover).Clear("A3");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.label_missing", W, "記載日"));
}

TEST(Sheets, MissingRequiredSheetIsAnError) {
  for (const std::string& name : {kCover, kRates, kJobs, kStaff, kUsers}) {
    Workbook wb = BaselineWorkbook();
    test::RemoveSheet(wb, name);
    Survey s = Read(wb);
    ASSERT_TRUE(HasProblem(s.problems, "survey.sheet_missing", E, "test.xlsx")) << name;
    EXPECT_NE(s.problems[0].message.find(name), std::string::npos);
  }
}

TEST(Sheets, RecordSheetIsOptional) {
  Workbook wb = BaselineWorkbook();
  test::RemoveSheet(wb, kRecords);
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_FALSE(s.records.present);
  EXPECT_FALSE(s.sheet_names.count("records"));
}

TEST(Sheets, NamesMatchAfterNfkcAndTrim) {
  Workbook wb = BaselineWorkbook();
  for (auto& sh : wb.sheets)
    if (sh.name == kStaff) sh.name = " 調査票３　スタッフ配置 ";
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.staff.size(), 6u);
  EXPECT_EQ(s.sheet_names.at("staff"), " 調査票３　スタッフ配置 ");
}

// ---- 調査票1 ----
TEST(Rates, B1AboveA1) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C6", "21");  // B-4 = B-1/A-1 is the same fact: reported once
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.count_exceeds", E, kRates + "!C6"));
}

TEST(Rates, B2AndB3AboveA1) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C4", "10").Num("C5", "9").Num("C6", "9").Num("C7", "3").Num("C8", "11");
  Survey s = Read(wb);
  EXPECT_TRUE(HasProblem(s.problems, "survey.count_exceeds", E, kRates + "!C8"));  // B-3 11 > A-1 10
  // B-3 > B-1 too: rate B-9 over 100 %, and B-2 + B-3 > B-1.
  EXPECT_TRUE(HasProblem(s.problems, "survey.rate_over_100", E, kRates + "!C14"));
  EXPECT_TRUE(HasProblem(s.problems, "survey.employed_sum_exceeds", W, kRates + "!C7"));
  EXPECT_EQ(s.problems.size(), 3u) << test::DumpProblems(s.problems);
}

TEST(Rates, A2AboveA1) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C5", "21");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.count_exceeds", E, kRates + "!C5"));
}

TEST(Rates, EmployedSumAboveB1IsAWarning) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C7", "8").Num("C8", "2");  // 8 + 2 > 9
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.employed_sum_exceeds", W, kRates + "!C7"));
}

TEST(Rates, EqualIsFine) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C5", "20").Num("C6", "20").Num("C7", "19").Num("C8", "1");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
}

TEST(Rates, B7Over100Percent) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C7", "10").Num("C8", "0");  // B-2 10 > B-1 9
  Survey s = Read(wb);
  EXPECT_TRUE(HasProblem(s.problems, "survey.rate_over_100", E, kRates + "!C12"));  // the B-7 row
  EXPECT_TRUE(HasProblem(s.problems, "survey.employed_sum_exceeds", W, kRates + "!C7"));
  EXPECT_EQ(s.problems.size(), 2u);
  for (const auto& p : s.problems)
    if (p.code == "survey.rate_over_100") EXPECT_NE(p.message.find("111.1%"), std::string::npos) << p.message;
}

TEST(Rates, RateWithoutItsRowPointsAtTheNumerator) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C7", "10").Num("C8", "0").Clear("A12");
  EXPECT_TRUE(HasProblem(Read(wb).problems, "survey.rate_over_100", E, kRates + "!C7"));
}

TEST(Rates, ZeroDenominator) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C6", "0").Num("C7", "0").Num("C8", "0");  // B-1 = 0 with 8 jobs listed
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.jobs_exceed_employed", E, kJobs + "!A5"));
}

TEST(Rates, QuestionMarkIsNotANumber) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Str("C4", "?");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.not_a_number", E, kRates + "!C4"));
  EXPECT_FALSE(s.counts.at("A-1").has());
  EXPECT_NE(s.problems[0].message.find("「?」"), std::string::npos);
}

TEST(Rates, FullWidthDigitsAreNormalisedWithAWarning) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Str("C4", "２０");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.fullwidth_digits", W, kRates + "!C4"));
  EXPECT_EQ(*s.counts.at("A-1").value, Rational(20));
}

TEST(Rates, HalfWidthTextNumberIsFine) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Str("C4", " 20 ");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(*s.counts.at("A-1").value, Rational(20));
}

TEST(Rates, BlankCount) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Clear("C8");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.count_missing", E, kRates + "!C8"));
}

TEST(Rates, MissingCodeRow) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Clear("A8");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.count_missing", E, kRates));
  EXPECT_EQ(s.counts.at("B-3").where, kRates);
}

TEST(Rates, FractionalCount) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C8", "1.5");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.count_invalid", E, kRates + "!C8"));
}

TEST(Rates, FormulaWithoutCachedValue) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Formula("C4");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.formula_no_value", E, kRates + "!C4"));
}

TEST(Rates, ErrorCell) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Error("C4", "#REF!");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.not_a_number", E, kRates + "!C4"));
}

// ---- 調査票2 ----
TEST(Jobs, MoreRowsThanB1) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C6", "7").Num("C7", "6");  // B-1 = 7, 8 rows listed
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.jobs_exceed_employed", E, kJobs + "!A12"));
}

TEST(Jobs, MoreThanFifteenRows) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRates).Num("C6", "17");
  auto j = On(wb, kJobs);
  for (int r = 13; r <= 21; ++r)
    j.Num("A" + std::to_string(r), std::to_string(r - 4))
        .DateCell("B" + std::to_string(r), {2025, 10, 1})
        .Str("C" + std::to_string(r), "職種" + std::to_string(r))
        .Str("D" + std::to_string(r), "企業" + std::to_string(r))
        .Str("E" + std::to_string(r), "一般求人");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.jobs_over_max", W, kJobs + "!A20"));
  EXPECT_EQ(s.jobs.size(), 15u);
  EXPECT_EQ(s.jobs_listed, 17);
  EXPECT_EQ(s.jobs.back().row, 19);
}

TEST(Jobs, UnknownEmploymentType) {
  Workbook wb = BaselineWorkbook();
  On(wb, kJobs).Str("E5", "アルバイト");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.employment_type_unknown", W, kJobs + "!E5"));
}

TEST(Jobs, EmploymentTypeMatchesAfterNfkc) {
  Workbook wb = BaselineWorkbook();
  On(wb, kJobs).Str("E5", " 就労継続Ａ型 ");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.jobs[0].employment_type, "就労継続A型");
}

TEST(Jobs, JobDateNotADate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kJobs).Str("B6", "先月");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.not_a_date", E, kJobs + "!B6"));
}

TEST(Jobs, BlankRowsAreSkippedAndMarkersEndTheTable) {
  Workbook wb = BaselineWorkbook();
  // Row 7 emptied except its pre-printed number: skipped, not an end.
  On(wb, kJobs).Clear("B7").Clear("C7").Clear("D7").Clear("E7");
  // A note row ends the table: what follows is not data.
  On(wb, kJobs).Str("A21", "※ 新しい順に記入").Str("C22", "清掃").Str("D22", "メモ");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.jobs_listed, 7);
  EXPECT_EQ(s.jobs[2].row, 8);
}

TEST(Jobs, TotalsRowEndsTheTable) {
  Workbook wb = BaselineWorkbook();
  On(wb, kJobs).Str("B14", "合計").Num("C14", "8").Str("C15", "残り");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.jobs_listed, 8);
}

TEST(Jobs, HeaderMissing) {
  Workbook wb = BaselineWorkbook();
  On(wb, kJobs).Str("C4", "仕事");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.header_missing", E, kJobs + "!A4"));
  EXPECT_NE(s.problems[0].message.find("職種"), std::string::npos);
  EXPECT_TRUE(s.jobs.empty());
}

TEST(Jobs, NoHeaderRow) {
  Workbook wb = BaselineWorkbook();
  for (const char* c : {"A4", "B4", "C4", "D4", "E4"}) On(wb, kJobs).Clear(c);
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.table_missing", E, kJobs));
}

TEST(Jobs, HeaderRowMayMoveAndColumnsComeInAnyOrder) {
  Workbook wb = BaselineWorkbook();
  test::RemoveSheet(wb, kJobs);
  auto j = On(wb, kJobs);
  j.Str("B1", "調査票2").Str("B2", "直近の就労者リスト").Str("B3", "B-1").Num("C3", "9");
  // Header at row 8, columns G, B, D, C, F, with line breaks and full-width letters.
  j.Str("G8", "雇用\n形態").Str("B8", "企業名").Str("D8", "就職日").Str("C8", "職種").Str("F8", "Ｎｏ．");
  j.Str("G9", "一般求人").Str("B9", "株式会社A").DateCell("D9", {2026, 5, 1}).Str("C9", "事務").Num("F9", "1");
  j.Str("G10", "自営").Str("B10", "本人").Str("D10", "2026/4/1").Str("C10", "デザイン").Num("F10", "2");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  ASSERT_EQ(s.jobs.size(), 2u);
  EXPECT_EQ(s.jobs[0].company, "株式会社A");
  EXPECT_EQ(*s.jobs[1].start, (Date{2026, 4, 1}));
  EXPECT_TRUE(s.jobs[1].self_employed);
  EXPECT_EQ(s.jobs[1].row, 10);
}

// ---- 調査票3 ----
TEST(Staff, QuestionMarkInHours) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Str("D4", "?");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.not_a_number", E, kStaff + "!D4"));
}

TEST(Staff, Ranges) {
  struct Case { const char* ref; const char* value; bool ok; };
  const Case cases[] = {{"D5", "80", true},  {"D5", "80.5", false}, {"D5", "-1", false}, {"E5", "100", true},
                        {"E5", "101", false}, {"F5", "0", true},     {"G5", "150", false}, {"H5", "-5", false},
                        {"I5", "-1", false}, {"I5", "45", true}};
  for (const auto& c : cases) {
    Workbook wb = BaselineWorkbook();
    On(wb, kStaff).Num(c.ref, c.value);
    Survey s = Read(wb);
    if (c.ok) EXPECT_TRUE(s.problems.empty()) << c.ref << "=" << c.value << test::DumpProblems(s.problems);
    else EXPECT_TRUE(OnlyProblem(s.problems, "survey.out_of_range", E, kStaff + "!" + c.ref)) << c.ref << "=" << c.value;
  }
}

TEST(Staff, PercentFormattedCellMeansPercent) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Pct("E4", "0.8").Pct("H4", "0.59999999999999998");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.staff[0].employment_pct, Rational(80));
  EXPECT_EQ(s.staff[0].outside_pct, Rational(60));
}

TEST(Staff, PercentFormattedOver100) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Pct("E4", "1.2");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.out_of_range", E, kStaff + "!E4"));
}

TEST(Staff, PercentText) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Str("E4", "85%").Str("F4", "９０％");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.fullwidth_digits", W, kStaff + "!F4"));
  EXPECT_EQ(s.staff[0].employment_pct, Rational(85));
  EXPECT_EQ(s.staff[0].mental_pct, Rational(90));
}

TEST(Staff, BlankOnEsRowIsAWarningAndCountsZero) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Clear("D4").Clear("G4").Clear("I4");  // D warns; G and I do not
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.es_value_blank", W, kStaff + "!D4"));
  EXPECT_EQ(s.staff[0].hours, Rational(0));
  EXPECT_EQ(s.staff[0].caseload, Rational(0));
}

TEST(Staff, EveryWarnedEsColumn) {
  for (const char* col : {"D", "E", "F", "H"}) {
    Workbook wb = BaselineWorkbook();
    On(wb, kStaff).Clear(std::string(col) + "5");
    EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.es_value_blank", W, kStaff + "!" + col + "5")) << col;
  }
}

TEST(Staff, BlankOnOtherRolesIsSilent) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Clear("D7").Clear("E7").Clear("F7").Clear("H7");  // CM row
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.staff[3].hours, Rational(0));
}

TEST(Staff, UnknownRole) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Str("B4", "PSW");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.role_unknown", E, kStaff + "!B4"));
  EXPECT_EQ(s.staff[0].role, "");
}

TEST(Staff, BlankRole) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Clear("B9");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.role_unknown", E, kStaff + "!B9"));
}

TEST(Staff, RoleSpellings) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Str("B4", " es ").Str("B5", "就労支援スペシャリスト").Str("B6", "ＥＳ").Str("B9", "その他");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.staff[0].role, "ES");
  EXPECT_EQ(s.staff[1].role, "ES");
  EXPECT_EQ(s.staff[2].role, "ES");
  EXPECT_EQ(s.staff[5].role, "他");
}

TEST(Staff, FullWidthHours) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Str("D4", "４０");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.fullwidth_digits", W, kStaff + "!D4"));
  EXPECT_EQ(s.staff[0].hours, Rational(40));
}

TEST(Staff, BooleanIsNotANumber) {
  Workbook wb = BaselineWorkbook();
  On(wb, kStaff).Bool("D4", true);
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.not_a_number", E, kStaff + "!D4"));
}

// ---- 調査票4 ----
TEST(Users, FlagNotZeroOrOne) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Num("C6", "2");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.not_binary", E, kUsers + "!C6"));
  EXPECT_FALSE(s.users[0].mental);
}

TEST(Users, FlagText) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("D7", "あり");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.not_a_number", E, kUsers + "!D7"));
}

TEST(Users, FlagBooleanIsAccepted) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Bool("C6", true).Bool("D6", false);
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.users[0].mental, 1);
  EXPECT_EQ(s.users[0].severe, 0);
}

TEST(Users, FlagBlankIsAWarning) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Clear("D8");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.flag_blank", W, kUsers + "!D8"));
}

TEST(Users, RegisteredBlank) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Clear("E6");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.date_missing", E, kUsers + "!E6"));
}

TEST(Users, RegisteredNotADate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("E6", "去年の春");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.not_a_date", E, kUsers + "!E6"));
  EXPECT_EQ(s.problems[0].message.find("去年"), std::string::npos);  // private sheet: no content quoted
}

TEST(Users, EmployedBeforeRegistered) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).DateCell("F13", {2025, 11, 30});  // U08 registered 2025-12-01
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.date_order", E, kUsers + "!F13"));
}

TEST(Users, EmployedOnRegistrationDayIsFine) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).DateCell("F13", {2025, 12, 1});
  EXPECT_TRUE(Read(wb).problems.empty());
}

TEST(Users, RegisteredAfterRecordDate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).DateCell("E6", {2026, 10, 1});
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.date_after_record", E, kUsers + "!E6"));
}

TEST(Users, EmployedAfterRecordDate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).DateCell("F13", {2026, 10, 1});
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.date_after_record", E, kUsers + "!F13"));
}

TEST(Users, OnRecordDateIsFine) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).DateCell("E6", {2026, 9, 30}).DateCell("F13", {2026, 9, 30});
  EXPECT_TRUE(Read(wb).problems.empty());
}

TEST(Users, EmployedNotADate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("F13", "?");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.not_a_date", E, kUsers + "!F13"));
  EXPECT_FALSE(s.users[7].employed);
}

TEST(Users, IsoTextDateWarnsWithoutQuotingIt) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("E6", "2025-10-01");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.date_form", W, kUsers + "!E6"));
  EXPECT_EQ(s.problems[0].message.find("2025-10-01"), std::string::npos);
  EXPECT_EQ(*s.users[0].registered, (Date{2025, 10, 1}));
}

TEST(Users, NoUserRow) {
  Workbook wb = BaselineWorkbook();
  auto u = On(wb, kUsers);
  for (int r = 6; r <= 25; ++r)
    for (char c : std::string("BCDEFG")) u.Clear(std::string(1, c) + std::to_string(r));
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.no_users", E, kUsers));
  EXPECT_TRUE(s.users.empty());
}

TEST(Users, MissingId) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Clear("B10");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.user_id_missing", E, kUsers + "!B10"));
}

TEST(Users, DuplicateId) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("B9", "U01");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.user_id_duplicate", E, kUsers + "!B9"));
  EXPECT_EQ(s.problems[0].message.find("U01"), std::string::npos);
  EXPECT_NE(s.problems[0].message.find("6 行目"), std::string::npos);
}

TEST(Users, UnknownStatus) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("G6", "入院");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.status_unknown", W, kUsers + "!G6"));
  EXPECT_EQ(s.problems[0].message.find("入院"), std::string::npos);
}

TEST(Users, WorkingWithoutEmploymentDate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("G6", "就労中");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.status_mismatch", W, kUsers + "!G6"));
}

TEST(Users, LeftWithoutEmploymentDate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("G6", "離職");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.left_without_job_date", W, kUsers + "!G6"));
  EXPECT_EQ(s.users[0].status_working, false);
}

TEST(Users, StatusSaysWhetherWorking) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("G8", "").Str("G9", "入院");  // U03 blank, U04 not a choice
  Survey s = Read(wb);
  EXPECT_EQ(s.users[0].status_working, false);   // 求職中
  EXPECT_EQ(s.users[7].status_working, true);    // 就労中
  EXPECT_EQ(s.users[15].status_working, false);  // U16 離職 with a 就職日
  EXPECT_TRUE(s.users[15].employed.has_value());
  EXPECT_FALSE(s.users[15].working());
  EXPECT_EQ(s.users[2].status_working, std::nullopt);
  EXPECT_EQ(s.users[3].status_working, std::nullopt);
  EXPECT_FALSE(s.users[2].working());  // no 就職日 either
  ASSERT_EQ(s.problems.size(), 2u) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.problems[0].code, "survey.status_unknown");
  EXPECT_NE(s.problems[0].message.find("就職日の有無で"), std::string::npos);
}

TEST(Users, NoMessageQuotesAnything) {
  // Break every cell of one row in every way; no message may contain the ID or the values.
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Str("B7", "U01").Str("C7", "PRIVATE-1").Num("D7", "7").Str("E7", "PRIVATE-2").Str("F7", "PRIVATE-3")
      .Str("G7", "PRIVATE-4");
  Survey s = Read(wb);
  EXPECT_GE(s.problems.size(), 5u);
  for (const auto& p : s.problems) {
    EXPECT_EQ(p.message.find("U0"), std::string::npos) << p.message;
    EXPECT_EQ(p.message.find("PRIVATE"), std::string::npos) << p.message;
    EXPECT_EQ(p.message.find("7"), std::string::npos) << p.message;
    EXPECT_EQ(p.where.substr(0, kUsers.size()), kUsers);
  }
}

TEST(Users, TitlesAndTotalsAboveTheHeaderAreNotData) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Num("C3", "18").Num("D3", "14").Str("B4", "利用者ID は個人が特定できない番号で");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.users.size(), 20u);
  EXPECT_EQ(s.users[0].id, "U01");
}

TEST(Users, NumericIdsKeepTheirText) {
  Workbook wb = BaselineWorkbook();
  On(wb, kUsers).Num("B6", "1001");
  Survey s = Read(wb);
  EXPECT_EQ(s.users[0].id, "1001");
}

}  // namespace
}  // namespace fidelity
