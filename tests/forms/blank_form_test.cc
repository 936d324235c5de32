// `fidelity blank`: the form we send agencies. Read back by our own reader
// (an empty form gives exactly the problems of an empty form), looked at by
// openpyxl (what a user's spreadsheet sees: shading, drop-downs, date
// formats), byte-identical on every run, and the round trip: a form filled
// by openpyxl (and re-saved by LibreOffice) scores as computed by hand
// (tests/data/forms/fill_blank.py → roundtrip/expected.json).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "pipeline/core/json.h"
#include "pipeline/forms/workbook_writer.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/reader.h"
#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::RunFidelity;
using test::RunShell;
using test::Slurp;
using test::TempDir;

using test::Q;

Survey ReadBack(const fs::path& p) {
  Workbook wb = ReadXlsx(ReadFile(p), p.filename().string());
  return ReadSurvey(wb, DefaultLayout(), p.filename().string());
}

std::string Dump(const Problems& ps) {
  std::string s;
  for (const auto& p : ps) s += FormatProblem(p) + "\n";
  return s;
}

TEST(Blank, CommandWritesTheFileAndSaysSo) {
  TempDir t;
  auto r = RunFidelity("blank -o " + Q(t / "空の調査票.xlsx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("空の調査票.xlsx を作りました"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(t / "空の調査票.xlsx"));
  // Only the final name is left (written to a temporary name, then renamed).
  int files = 0;
  for (const auto& e : fs::directory_iterator(t.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(Blank, Usage) {
  EXPECT_EQ(RunFidelity("blank").exit_code, 2);
  EXPECT_EQ(RunFidelity("blank -o").exit_code, 2);
  EXPECT_EQ(RunFidelity("blank -o a.xlsx extra").exit_code, 2);
  auto h = RunFidelity("blank --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("fidelity blank -o FILE.xlsx"), std::string::npos);
  // An unwritable place is an error for the user, not a crash.
  auto r = RunFidelity("blank -o /nonexistent-dir/x.xlsx");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("/nonexistent-dir"), std::string::npos) << r.err;  // the place, in Japanese
  EXPECT_EQ(r.err.find("libxlsxwriter"), std::string::npos) << r.err;
}

TEST(Blank, SameBytesOnEveryRun) {
  TempDir t;
  ASSERT_EQ(RunFidelity("blank -o " + Q(t / "a.xlsx")).exit_code, 0);
  sleep(2);  // zip entry times have a 2-second resolution: a clock in the file would show
  ASSERT_EQ(RunFidelity("blank -o " + Q(t / "b.xlsx")).exit_code, 0);
  std::string a = Slurp(t / "a.xlsx"), b = Slurp(t / "b.xlsx");
  ASSERT_GT(a.size(), 10000u);
  EXPECT_TRUE(a == b) << "two runs of `fidelity blank` differ";
  // In process as well, through the writer itself.
  WritePreSurveyWorkbook(DefaultLayout(), nullptr, t / "c.xlsx");
  EXPECT_TRUE(Slurp(t / "c.xlsx") == a);
}

TEST(Blank, ReadsBackAsAnEmptyFormWithExactlyItsProblems) {
  TempDir t;
  ASSERT_EQ(RunFidelity("blank -o " + Q(t / "blank.xlsx")).exit_code, 0);
  Survey s = ReadBack(t / "blank.xlsx");
  // Every sheet found, no table misread: only the empty inputs are reported.
  std::multiset<std::string> got;
  for (const auto& p : s.problems) {
    EXPECT_TRUE(p.is_error()) << FormatProblem(p);
    got.insert(p.code + "@" + p.where);
  }
  std::multiset<std::string> want = {
      "survey.record_date_missing@記載日!B4",        "survey.count_missing@調査票1 機関の就労率!C4",
      "survey.count_missing@調査票1 機関の就労率!C5", "survey.count_missing@調査票1 機関の就労率!C6",
      "survey.count_missing@調査票1 機関の就労率!C7", "survey.count_missing@調査票1 機関の就労率!C8",
      "survey.no_users@調査票4 利用者一覧"};
  EXPECT_EQ(got, want) << Dump(s.problems);
  EXPECT_FALSE(s.record_date);
  EXPECT_EQ(s.agency_name, "");
  // Pre-numbered rows (No. 1, 2, …) are not data.
  EXPECT_TRUE(s.jobs.empty());
  EXPECT_EQ(s.jobs_listed, 0);
  EXPECT_TRUE(s.staff.empty());
  EXPECT_TRUE(s.users.empty());
  // 計算シート2 is there, every input blank.
  EXPECT_TRUE(s.records.present);
  EXPECT_TRUE(s.records.i3_block_present);
  for (const auto& v : s.records.i3) EXPECT_FALSE(v);
  EXPECT_TRUE(s.records.iii4.empty());
  EXPECT_TRUE(s.records.iii5.empty());
  EXPECT_TRUE(s.records.iii11.empty());
  EXPECT_TRUE(s.records.iii12i.empty());
}

TEST(Blank, CheckCommandOnTheBlankFormListsWhatToFillIn) {
  TempDir t;
  ASSERT_EQ(RunFidelity("blank -o " + Q(t / "blank.xlsx")).exit_code, 0);
  auto r = RunFidelity("check " + Q(t / "blank.xlsx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("エラー 7 件・注意 0 件"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("■ シート「記載日」\n    エラー  B4: 記載日が入力されていません"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("■ シート「調査票4 利用者一覧」\n    エラー  シート全体: "), std::string::npos) << r.out;
}

// What a spreadsheet user sees, through openpyxl: the headings, the shaded
// input cells, the drop-downs, the date formats, the rows to fill in, the
// instructions. One Python script prints facts; the test checks them.
TEST(Blank, LooksRightInOpenpyxl) {
  TempDir t;
  ASSERT_EQ(RunFidelity("blank -o " + Q(t / "blank.xlsx")).exit_code, 0);
  const char* script = R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", "|".join(wb.sheetnames))
def fill(c): return c.fill.fgColor.rgb if c.fill.fill_type == "solid" else "none"
for ws in wb.worksheets:
    for dv in ws.data_validations.dataValidation:
        print("dv", ws.title, str(dv.sqref), dv.type, dv.formula1, dv.showErrorMessage, dv.errorTitle)
ws = wb["記載日"]
print("cover", ws["A3"].value, ws["A4"].value, ws["A5"].value, fill(ws["B4"]), ws["B4"].number_format)
ws = wb["調査票4 利用者一覧"]
print("users_header", "|".join(str(ws.cell(4, c).value) for c in range(1, 8)))
print("users_last_no", ws.cell(4 + 200, 1).value, fill(ws.cell(4 + 200, 2)))
print("users_dates", ws["E5"].number_format, ws["F204"].number_format, fill(ws["E5"]))
print("users_frozen", ws.freeze_panes)
ws = wb["調査票2 直近の就労者リスト"]
print("jobs_rows", sum(1 for r in range(5, 40) if ws.cell(r, 1).value is not None), ws["B5"].number_format)
ws = wb["調査票3 スタッフ配置"]
print("staff_header", "|".join(str(ws.cell(4, c).value) for c in range(1, 10)), ws.page_setup.orientation)
ws = wb["記入方法"]
lines = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value]
print("instructions", len(lines), lines[0][:12])
ws = wb["計算シート2 支援記録等"]
codes = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
print("records_codes", sum(1 for c in codes if isinstance(c, str) and c[:1] in "I"), sum(1 for c in codes if isinstance(c, str) and c.startswith("【")))
print("records_label", ws.cell(codes.index("I-3-iv") + 1, 2).value, ws.cell(codes.index("III-11-4k") + 1, 2).value)
print("rates_formula", wb["調査票1 機関の就労率"]["C12"].value)
print("users_note", wb["調査票4 利用者一覧"]["A2"].value)
print("staff_note", wb["調査票3 スタッフ配置"]["A2"].value)
print("i3_title", wb["計算シート2 支援記録等"]["A4"].value)
print("all_instructions", " ".join(lines))
)PY";
  {
    std::ofstream(t / "look.py") << script;
  }
  auto r = RunShell("/usr/bin/python3 " + Q(t / "look.py") + " " + Q(t / "blank.xlsx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& o = r.out;
  auto has = [&](const std::string& s) { EXPECT_NE(o.find(s), std::string::npos) << "missing: " << s << "\n" << o; };
  has("sheets 記入方法|記載日|調査票1 機関の就労率|調査票2 直近の就労者リスト|調査票3 スタッフ配置|調査票4 利用者一覧|計算シート2 支援記録等");
  // Drop-downs, each refusing other values with a Japanese message.
  has("dv 調査票2 直近の就労者リスト E5:E19 list \"一般求人,障害者求人,自営,派遣,就労継続A型,特例子会社\" True 一覧から選んでください");
  has("dv 調査票3 スタッフ配置 B5:B24 list \"ES,CM,SV,AS,他\" True");
  has("dv 調査票3 スタッフ配置 C5:C24 list \"常勤,非常勤\" True");
  has("dv 調査票4 利用者一覧 C5:D204 list \"1,0\" True");
  has("dv 調査票4 利用者一覧 G5:G204 list \"就労中,求職中,離職,休止\" True");
  has("dv 計算シート2 支援記録等 ");  // 0/1 in the reviewers' sheet too
  // Labels, shading (FFF2CC = light yellow), dates yyyy/mm/dd.
  has("cover 機関名 記載日 記入者 FFFFF2CC yyyy/mm/dd");
  has("users_header No.|利用者ID|精神障害|重い精神疾患|登録日|就職日|現在の状況");
  has("users_last_no 200 FFFFF2CC");  // 200 numbered, shaded rows
  has("users_dates yyyy/mm/dd yyyy/mm/dd FFFFF2CC");
  has("users_frozen A5");
  has("jobs_rows 15 yyyy/mm/dd");
  has("staff_header 氏名（イニシャル）|役割|常勤・非常勤|週の勤務時間|就労支援業務の割合%|そのうち精神障害のある人への支援の割合%|生活支援業務の割合%|オフィス外で働く割合%|担当利用者数 landscape");
  has("instructions 12 1. 黄色のセルに入力");
  // What the manual says (seed 003): who counts as served, meetings as ES time, the I-3 case split.
  has("users_note 過去1年に3ヵ月以上、約月1回の対面コンタクト／週1回以上の非対面コンタクトがあった人。");
  has("staff_note 割合（%）は 0〜100 で入力。週の勤務時間は 0〜80。就労支援に関連するミーティングの時間は就労支援業務に含めます。");
  has("i3_title 【I-3 就労支援スペシャリストの提供するサービス】10ケースの記録で実施していれば 1、なければ 0"
      "（i〜iv は就労前3ケース＋就労後6ヵ月以内4ケース、v〜vi は就労後6ヵ月以内4ケース＋就労後6ヵ月以上3ケース）");
  has("就労支援に関連するミーティング（ケース会議など）の時間は、就労支援業務の時間に含めてください。");
  has("約月1回の対面コンタクト、または週1回以上の非対面コンタクト（電話・メール）があった人です。");
  has("records_codes 64 6");  // 6 + 7 + 10 + 2 + 35 + 4 input rows, 6 block titles
  has("records_label iv. 職場開拓 k. 勤務時間・日数・勤務体制についての相談");
  has("rates_formula =IFERROR(C7/C6,\"\")");  // B-7 = B-2 ÷ B-1
}

// ---- the round trip ----

Json Load(const fs::path& p) { return Json::Parse(Slurp(p)); }

class RoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    result_ = new test::CommandResult(
        RunFidelity("run " + Q(test::DataPath("forms/roundtrip")) + " -o " + Q(tmp_->path() / "out") + " -j 1"));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete tmp_;
  }
  static fs::path out() { return tmp_->path() / "out"; }
  static TempDir* tmp_;
  static test::CommandResult* result_;
};
TempDir* RoundTrip::tmp_ = nullptr;
test::CommandResult* RoundTrip::result_ = nullptr;

TEST_F(RoundTrip, BothFilledFilesAreCleanAndScored) {
  ASSERT_EQ(result_->exit_code, 0) << result_->out << result_->err;
  for (const char* id : {"mishima-openpyxl", "mishima-libreoffice"}) {
    Json s = Load(out() / id / "scores.json");
    EXPECT_TRUE(s.get("problems")->items().empty()) << id << ": " << Slurp(out() / id / "problems.txt");
    EXPECT_FALSE(s.get("provisional")->as_bool()) << id;
  }
}

TEST_F(RoundTrip, WorkbookAndRecordItemsAsComputedByTheFillScript) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  Json want = Load(test::DataPath("forms/roundtrip/expected.json"));
  for (const char* id : {"mishima-openpyxl", "mishima-libreoffice"}) {
    SCOPED_TRACE(id);
    Json s = Load(out() / id / "scores.json");
    EXPECT_EQ(s.get("agency")->get("record_date")->as_string(), want.get("record_date")->as_string());
    const Json* items = s.get("items");
    for (const auto& [code, w] : want.get("items")->members()) {
      SCOPED_TRACE(code);
      const Json* it = items->get(code);
      ASSERT_NE(it, nullptr);
      EXPECT_EQ(it->get("score")->as_int(), w.get("score")->as_int());
      bool computed = code == "I-3" || code == "III-4" || code == "III-5" || code == "III-11";
      EXPECT_EQ(it->get("source")->as_string(), computed ? "records" : "workbook");
      if (const Json* v = w.get("value")) {
        EXPECT_NEAR(it->get("value")->as_double(), v->as_double(), 0.005);
      }
    }
    // Workbook GOI items (G3, G4, G5, G10) win over the reviewers.
    for (const auto& [g, v] : want.get("goi_from_workbook")->members())
      EXPECT_EQ(s.get("goi")->get(g)->as_bool(), v.as_bool()) << g;
  }
}

TEST_F(RoundTrip, ChecklistPartsFromTheWorkbookWinOverTheReviewer) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  Json want = Load(test::DataPath("forms/roundtrip/expected.json"));
  ASSERT_FALSE(want.get("ii7_iii_from_workbook")->as_bool());
  ASSERT_FALSE(want.get("iii12_i_from_records")->as_bool());
  Json s = Load(out() / "mishima-openpyxl/scores.json");
  // The reviewer ticked II-7 iii and III-12 i; the workbook (重い精神疾患 20/30 < 70 %)
  // and 計算シート2 (case 4 without weekly contact) say no.
  EXPECT_EQ(s.get("items")->get("II-7")->get("score")->as_int(), 3);
  EXPECT_EQ(s.get("items")->get("II-7")->get("value")->as_string(), "i, ii, iv");
  EXPECT_EQ(s.get("items")->get("III-12")->get("score")->as_int(), 4);
  EXPECT_EQ(s.get("items")->get("III-12")->get("value")->as_string(), "ii, iii, iv");
}

TEST_F(RoundTrip, TotalsAsComputedInTheReadme) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  // tests/data/forms/README.md: 12 + 29 + 55 = 96 (fair); GOI 8.
  for (const char* id : {"mishima-openpyxl", "mishima-libreoffice"}) {
    SCOPED_TRACE(id);
    Json s = Load(out() / id / "scores.json");
    EXPECT_EQ(s.get("subtotals")->get("staffing")->as_int(), 12);
    EXPECT_EQ(s.get("subtotals")->get("organization")->as_int(), 29);
    EXPECT_EQ(s.get("subtotals")->get("services")->as_int(), 55);
    EXPECT_EQ(s.get("total")->as_int(), 96);
    EXPECT_EQ(s.get("band")->as_string(), "fair");
    EXPECT_EQ(s.get("goi_total")->as_int(), 8);
  }
}

TEST_F(RoundTrip, OpenpyxlAndLibreOfficeFilesGiveTheSameScores) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  Json a = Load(out() / "mishima-openpyxl/scores.json");
  Json b = Load(out() / "mishima-libreoffice/scores.json");
  EXPECT_EQ(a.get("items")->Dump(), b.get("items")->Dump());
  EXPECT_EQ(a.get("goi")->Dump(), b.get("goi")->Dump());
  // They really are different files (LibreOffice rewrote it).
  EXPECT_NE(Slurp(test::DataPath("forms/roundtrip/mishima/事前調査票.xlsx")),
            Slurp(test::DataPath("forms/roundtrip/mishima-lo/事前調査票.xlsx")));
}

TEST(RoundTripFixture, FilledFromTheCurrentBlankFormReadsTheSame) {
  // The fill script on today's blank form gives a workbook our reader reads
  // exactly like the committed one (so the committed fixture is not stale).
  TempDir t;
  ASSERT_EQ(RunFidelity("blank -o " + Q(t / "blank.xlsx")).exit_code, 0);
  auto r = RunShell("/usr/bin/python3 " + Q(test::DataPath("forms/fill_blank.py")) + " " + Q(t / "blank.xlsx") + " " +
                    Q(t / "filled.xlsx") + " " + Q(t / "expected.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Slurp(t / "expected.json"), Slurp(test::DataPath("forms/roundtrip/expected.json")));
  Survey fresh = ReadBack(t / "filled.xlsx");
  Survey committed = ReadBack(test::DataPath("forms/roundtrip/mishima/事前調査票.xlsx"));
  EXPECT_TRUE(fresh.problems.empty()) << Dump(fresh.problems);
  EXPECT_EQ(fresh.users.size(), 30u);
  EXPECT_EQ(fresh.staff.size(), 6u);
  EXPECT_EQ(fresh.jobs.size(), 10u);
  EXPECT_EQ(committed.users.size(), fresh.users.size());
  EXPECT_EQ(committed.records.iii4.size(), 7u);
  EXPECT_EQ(fresh.records.iii4.size(), 7u);
  EXPECT_EQ(fresh.records.iii5.size(), 10u);
  EXPECT_EQ(fresh.records.iii11.size(), 35u);
  EXPECT_EQ(fresh.records.iii12i.size(), 4u);
  for (size_t i = 0; i < fresh.users.size() && i < committed.users.size(); ++i) {
    EXPECT_EQ(fresh.users[i].id, committed.users[i].id);
    EXPECT_EQ(fresh.users[i].registered, committed.users[i].registered);
    EXPECT_EQ(fresh.users[i].employed, committed.users[i].employed);
  }
}

}  // namespace
}  // namespace fidelity

namespace fidelity {
namespace {

// The writer's data mode (the sample cycle, the benchmark generator): a
// survey written out and read back is the same survey.
TEST(FilledForm, WriterAndReaderAgree) {
  Survey a = ReadBack(test::DataPath("forms/roundtrip/mishima/事前調査票.xlsx"));
  ASSERT_TRUE(a.problems.empty()) << Dump(a.problems);
  TempDir t;
  WritePreSurveyWorkbook(DefaultLayout(), &a, t / "again.xlsx");
  Survey b = ReadBack(t / "again.xlsx");
  EXPECT_TRUE(b.problems.empty()) << Dump(b.problems);
  EXPECT_EQ(b.agency_name, a.agency_name);
  EXPECT_EQ(b.record_date, a.record_date);
  for (const auto& [k, v] : a.counts) EXPECT_EQ(b.counts[k].value, v.value) << k;
  ASSERT_EQ(b.jobs.size(), a.jobs.size());
  for (size_t i = 0; i < a.jobs.size(); ++i) {
    EXPECT_EQ(b.jobs[i].start, a.jobs[i].start);
    EXPECT_EQ(b.jobs[i].company, a.jobs[i].company);
    EXPECT_EQ(b.jobs[i].self_employed, a.jobs[i].self_employed);
  }
  ASSERT_EQ(b.staff.size(), a.staff.size());
  for (size_t i = 0; i < a.staff.size(); ++i) {
    EXPECT_EQ(b.staff[i].role, a.staff[i].role);
    EXPECT_EQ(b.staff[i].hours, a.staff[i].hours);
    EXPECT_EQ(b.staff[i].outside_pct, a.staff[i].outside_pct);
  }
  ASSERT_EQ(b.users.size(), a.users.size());
  for (size_t i = 0; i < a.users.size(); ++i) {
    EXPECT_EQ(b.users[i].id, a.users[i].id);
    EXPECT_EQ(b.users[i].mental, a.users[i].mental);
    EXPECT_EQ(b.users[i].registered, a.users[i].registered);
    EXPECT_EQ(b.users[i].employed, a.users[i].employed);
    EXPECT_EQ(b.users[i].status, a.users[i].status);
  }
  EXPECT_EQ(b.records.i3, a.records.i3);
  ASSERT_EQ(b.records.iii4.size(), a.records.iii4.size());
  for (size_t i = 0; i < a.records.iii4.size(); ++i) {
    EXPECT_EQ(b.records.iii4[i].registered, a.records.iii4[i].registered);
    EXPECT_EQ(b.records.iii4[i].contact, a.records.iii4[i].contact);
  }
  EXPECT_EQ(b.records.iii5, a.records.iii5);
  EXPECT_EQ(b.records.iii11, a.records.iii11);
  ASSERT_EQ(b.records.iii12i.size(), a.records.iii12i.size());
  for (size_t i = 0; i < a.records.iii12i.size(); ++i) EXPECT_EQ(b.records.iii12i[i].cols, a.records.iii12i[i].cols);
}

}  // namespace
}  // namespace fidelity
