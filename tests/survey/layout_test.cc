// config/workbook_layout.yaml: parsing, errors with file:line, and a
// different layout read by writing config only.
#include <gtest/gtest.h>

#include <regex>

#include "pipeline/core/fs.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/reader.h"
#include "tests/survey/builder.h"

namespace fidelity {
namespace {

std::string ShippedText() { return ReadFile(DataDir() / "config" / "workbook_layout.yaml"); }

TEST(Layout, ShippedLayout) {
  WorkbookLayout L = DefaultLayout();
  EXPECT_EQ(L.cover.sheet, "記載日");
  EXPECT_EQ(L.cover.date_label, "記載日");
  EXPECT_EQ(L.rates.value_column, 3);
  EXPECT_EQ(L.rates.counts.size(), 5u);
  EXPECT_EQ(L.rates.bounds.size(), 5u);
  EXPECT_EQ(L.rates.rates.size(), 6u);
  EXPECT_EQ(L.jobs.max_rows, 15);
  EXPECT_EQ(L.jobs.employment_types.size(), 6u);
  EXPECT_EQ(L.jobs.self_employed, "自営");
  EXPECT_EQ(L.staff.roles.size(), 5u);
  EXPECT_EQ(*L.staff.table.columns.at("hours").max, Rational(80));
  EXPECT_EQ(*L.staff.table.columns.at("outside_pct").max, Rational(100));
  EXPECT_FALSE(L.staff.table.columns.at("caseload").max);
  EXPECT_TRUE(L.users.table.columns.at("no").index);
  EXPECT_EQ(L.users.statuses, (std::vector<std::string>{"就労中", "求職中", "離職", "休止"}));
  EXPECT_EQ(L.records.i3.size(), 6u);
  EXPECT_EQ(L.records.iii11.size(), 35u);
  EXPECT_EQ(L.required, (std::vector<std::string>{"cover", "rates", "jobs", "staff", "users"}));
}

TEST(Layout, ColumnIndex) {
  EXPECT_EQ(ColumnIndex("A"), 1);
  EXPECT_EQ(ColumnIndex("c"), 3);
  EXPECT_EQ(ColumnIndex("AB"), 28);
  EXPECT_EQ(ColumnIndex("7"), 7);
  EXPECT_EQ(ColumnIndex(""), 0);
  EXPECT_EQ(ColumnIndex("A1"), 0);
  EXPECT_EQ(ColumnIndex("0"), 0);
}

void ExpectLayoutError(const std::string& text, const std::string& where, const std::string& fragment) {
  try {
    LoadLayout(text, "layout.yaml");
    ADD_FAILURE() << "no error for " << fragment;
  } catch (const InputError& e) {
    EXPECT_EQ(e.problem().code, "layout.invalid");
    EXPECT_EQ(e.problem().where, where) << e.what();
    EXPECT_NE(e.problem().message.find(fragment), std::string::npos) << e.problem().message;
  }
}

// The shipped text with one line replaced (by its exact content).
std::string Edit(const std::string& from, const std::string& to) {
  std::string t = ShippedText();
  size_t p = t.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  return t.replace(p, from.size(), to);
}

int LineOf(const std::string& needle) {
  std::string t = ShippedText();
  size_t p = t.find(needle);
  return 1 + static_cast<int>(std::count(t.begin(), t.begin() + static_cast<long>(p), '\n'));
}

TEST(Layout, YamlSyntaxError) {
  ExpectLayoutError("cover: [unclosed\n", "layout.yaml:2", "YAML");
}

TEST(Layout, UnknownKeyNamesItsLine) {
  std::string t = Edit("  max_rows: 15", "  max_row: 15");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("  max_rows: 15")), "max_row");
}

TEST(Layout, MissingColumn) {
  std::string t = Edit("    company: {header: 企業名}\n", "");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("    no: {header: [No., No, NO., 番号], optional: true, index: true}\n    start")),
                    "company");
}

TEST(Layout, BadRange) {
  std::string t = Edit("hours: {header: 週の勤務時間, min: 0, max: 80}", "hours: {header: 週の勤務時間, min: 0, max: たくさん}");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("hours: {header: 週の勤務時間")), "max");
}

TEST(Layout, BadSeverity) {
  std::string t = Edit("max: B-1, severity: warning", "max: B-1, severity: fatal");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("max: B-1, severity: warning")), "severity");
}

TEST(Layout, UnknownCountInABound) {
  std::string t = Edit("{sum: [A-2], max: A-1", "{sum: [C-9], max: A-1");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("{sum: [A-2], max: A-1")), "C-9");
}

TEST(Layout, I3NeedsSixCodes) {
  std::string t = Edit("I-3-v, I-3-vi]", "I-3-v]");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("  i3: [")), "6");
}

TEST(Layout, EsRoleMustBeARole) {
  std::string t = Edit("  es_role: ES", "  es_role: PSW");
  ExpectLayoutError(t, "layout.yaml:" + std::to_string(LineOf("  es_role: ES")), "es_role");
}

// Another layout (a "version 2" form): other sheet names, labels, header
// texts, code and value columns, a seventh 雇用形態, a wider hours range.
// Only config changes; the reader is the same.
TEST(Layout, AnotherLayoutIsConfigOnly) {
  std::string t = ShippedText();
  auto sub = [&](const std::string& a, const std::string& b) {
    size_t p = t.find(a);
    ASSERT_NE(p, std::string::npos) << a;
    t.replace(p, a.size(), b);
  };
  sub("  sheet: 記載日", "  sheet: 表紙");
  sub("    record_date: 記載日 ", "    record_date: 調査票記入日 ");
  sub("  label_column: A ", "  label_column: B ");
  sub("  sheet: 調査票1 機関の就労率", "  sheet: 就労率");
  sub("  code_column: A\n  value_column: C\n  # model key", "  code_column: B\n  value_column: E\n  # model key");
  sub("    start: {header: 就職日}", "    start: {header: [入職日, 就職年月日]}");
  sub("[一般求人, 障害者求人, 自営, 派遣, 就労継続A型, 特例子会社]", "[一般求人, 障害者求人, 自営, 派遣, 就労継続A型, 特例子会社, 在宅]");
  sub("hours: {header: 週の勤務時間, min: 0, max: 80}", "hours: {header: 週あたり勤務時間, min: 0, max: 100}");
  sub("    id: {header: 利用者ID}", "    id: {header: [利用者番号, 利用者ID]}");
  WorkbookLayout L = LoadLayout(t, "v2.yaml");

  Workbook wb = test::BaselineWorkbook();
  for (auto& sh : wb.sheets) {
    if (sh.name == "記載日") sh.name = "表紙";
    if (sh.name == "調査票1 機関の就労率") sh.name = "就労率";
  }
  // 表紙: labels in column B now.
  test::RemoveSheet(wb, "表紙");
  test::On(wb, "表紙").Str("B2", "機関名").Str("D2", "テスト機関").Str("B3", "調査票記入日").Str("C3", "2026/09/30").Str("B4", "記入者");
  // 就労率: codes in B, values in E.
  test::RemoveSheet(wb, "就労率");
  auto r = test::On(wb, "就労率");
  const char* codes[] = {"A-1", "A-2", "B-1", "B-2", "B-3"};
  const char* vals[] = {"20", "18", "9", "7", "1"};
  for (int i = 0; i < 5; ++i) r.Str("B" + std::to_string(2 + i), codes[i]).Num("E" + std::to_string(2 + i), vals[i]);
  test::On(wb, "調査票2 直近の就労者リスト").Str("B4", "入職日").Str("E6", "在宅");
  test::On(wb, "調査票3 スタッフ配置").Str("D3", "週あたり勤務時間").Num("D4", "90");
  test::On(wb, "調査票4 利用者一覧").Str("B5", "利用者番号");

  Survey s = ReadSurvey(wb, L, "v2.xlsx");
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.agency_name, "テスト機関");
  EXPECT_EQ(*s.record_date, (Date{2026, 9, 30}));
  EXPECT_EQ(s.counts.at("B-1").where, "就労率!E4");
  EXPECT_EQ(s.jobs[1].employment_type, "在宅");
  EXPECT_EQ(s.staff[0].hours, Rational(90));
  EXPECT_EQ(s.users.size(), 20u);

  // The same workbook under the shipped layout fails loudly, not silently.
  Survey old = test::Read(wb);
  EXPECT_TRUE(HasError(old.problems));
}

}  // namespace
}  // namespace fidelity
