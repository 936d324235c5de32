// Building raw Workbooks in memory for the survey tests, and the baseline
// workbook: the same agency as tests/data/survey/make_fixtures.py writes
// (laid out like its openpyxl file), with no problem in it.
#pragma once
#include <string>
#include <vector>
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include <gtest/gtest.h>

#include "pipeline/core/date.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/reader.h"
#include "pipeline/survey/survey.h"
#include "pipeline/xlsx/workbook.h"

namespace fidelity::test {

// The Excel serial of a date (1900 or 1904 system).
inline long Serial(const Date& d, bool date1904 = false);

class SheetBuilder {
 public:
  explicit SheetBuilder(Sheet* sheet) : s_(sheet) {}
  SheetBuilder& Str(const std::string& ref, const std::string& text);
  SheetBuilder& Num(const std::string& ref, const std::string& text, const std::string& format = "General");
  SheetBuilder& Pct(const std::string& ref, const std::string& text);  // "0%" format
  SheetBuilder& DateCell(const std::string& ref, const Date& d, bool date1904 = false);
  SheetBuilder& Bool(const std::string& ref, bool v);
  SheetBuilder& Formula(const std::string& ref);  // a formula without a cached value
  SheetBuilder& Error(const std::string& ref, const std::string& text);
  SheetBuilder& Clear(const std::string& ref);
  Sheet* sheet() { return s_; }

 private:
  Cell& Put(const std::string& ref);
  Sheet* s_;
};

// A builder for the named sheet (created when absent).
inline SheetBuilder On(Workbook& wb, const std::string& name);
inline void RemoveSheet(Workbook& wb, const std::string& name);

// The baseline agency (R = 2026-09-30, 20 users, 6 staff, 8 jobs, a filled 計算シート2).
inline Workbook BaselineWorkbook();

// Every field of a survey, one per line, for comparisons and failure output.
inline std::string Dump(const Survey& s, bool with_places = true);

// Problems, one per line ("error [code] where: message").
inline std::string DumpProblems(const Problems& ps);

// The shipped layout, loaded once.
inline const WorkbookLayout& Layout() {
  static const WorkbookLayout layout = DefaultLayout();
  return layout;
}
inline Survey Read(const Workbook& wb) { return ReadSurvey(wb, Layout(), "test.xlsx"); }

// Exactly one problem with `code`, and it has this severity and place.
inline ::testing::AssertionResult HasProblem(const Problems& ps, const std::string& code, Severity sev,
                                             const std::string& where) {
  const Problem* found = nullptr;
  int n = 0;
  for (const auto& p : ps)
    if (p.code == code) {
      found = &p;
      ++n;
    }
  auto fail = [&](const std::string& why) {
    std::string all;
    for (const auto& p : ps) all += "\n  " + FormatProblem(p);
    return ::testing::AssertionFailure() << why << "; problems:" << all;
  };
  if (n != 1) return fail("expected exactly one " + code + ", found " + std::to_string(n));
  if (found->severity != sev) return fail(code + " has the wrong severity");
  if (found->where != where) return fail(code + " is at " + found->where + ", expected " + where);
  if (found->message.empty()) return fail(code + " has no message");
  return ::testing::AssertionSuccess();
}
inline ::testing::AssertionResult OnlyProblem(const Problems& ps, const std::string& code, Severity sev,
                                              const std::string& where) {
  auto r = HasProblem(ps, code, sev, where);
  if (!r) return r;
  if (ps.size() != 1) {
    std::string all;
    for (const auto& p : ps) all += "\n  " + FormatProblem(p);
    return ::testing::AssertionFailure() << "expected only " << code << "; problems:" << all;
  }
  return r;
}


// ---------------------------------------------------------------- definitions

inline long Serial(const Date& d, bool date1904) {
  const Date base = date1904 ? Date{1904, 1, 1} : Date{1899, 12, 30};
  return d.DaysSinceEpoch() - base.DaysSinceEpoch();
}

inline Cell& SheetBuilder::Put(const std::string& ref) {
  int row = 0, col = 0;
  if (!ParseCellRef(ref, &row, &col)) throw std::invalid_argument("bad ref " + ref);
  s_->max_row = std::max(s_->max_row, row);
  s_->max_col = std::max(s_->max_col, col);
  Cell& c = s_->cells[{row, col}];
  c = Cell{};
  c.number_format = "General";
  return c;
}
inline SheetBuilder& SheetBuilder::Str(const std::string& ref, const std::string& text) {
  Cell& c = Put(ref);
  c.type = CellType::kString;
  c.text = text;
  return *this;
}
inline SheetBuilder& SheetBuilder::Num(const std::string& ref, const std::string& text, const std::string& format) {
  Cell& c = Put(ref);
  c.type = CellType::kNumber;
  c.text = text;
  c.number_format = format;
  return *this;
}
inline SheetBuilder& SheetBuilder::Pct(const std::string& ref, const std::string& text) {
  Cell& c = Put(ref);
  c.type = CellType::kNumber;
  c.text = text;
  c.number_format = "0%";
  c.is_percent_format = true;
  return *this;
}
inline SheetBuilder& SheetBuilder::DateCell(const std::string& ref, const Date& d, bool date1904) {
  Cell& c = Put(ref);
  c.type = CellType::kNumber;
  c.text = std::to_string(Serial(d, date1904));
  c.number_format = "yyyy/mm/dd";
  c.is_date_format = true;
  return *this;
}
inline SheetBuilder& SheetBuilder::Bool(const std::string& ref, bool v) {
  Cell& c = Put(ref);
  c.type = CellType::kBool;
  c.text = v ? "1" : "0";
  return *this;
}
inline SheetBuilder& SheetBuilder::Formula(const std::string& ref) {
  Cell& c = Put(ref);
  c.has_formula = true;
  return *this;
}
inline SheetBuilder& SheetBuilder::Error(const std::string& ref, const std::string& text) {
  Cell& c = Put(ref);
  c.type = CellType::kError;
  c.text = text;
  return *this;
}
inline SheetBuilder& SheetBuilder::Clear(const std::string& ref) {
  int row = 0, col = 0;
  if (!ParseCellRef(ref, &row, &col)) throw std::invalid_argument("bad ref " + ref);
  s_->cells.erase({row, col});
  return *this;
}

inline SheetBuilder On(Workbook& wb, const std::string& name) {
  for (auto& s : wb.sheets)
    if (s.name == name) return SheetBuilder(&s);
  wb.sheets.push_back(Sheet{});
  wb.sheets.back().name = name;
  return SheetBuilder(&wb.sheets.back());
}

inline void RemoveSheet(Workbook& wb, const std::string& name) {
  wb.sheets.erase(std::remove_if(wb.sheets.begin(), wb.sheets.end(), [&](const Sheet& s) { return s.name == name; }),
                  wb.sheets.end());
}

namespace baseline {
struct User { const char* id; int mental, severe; Date reg; std::optional<Date> emp; const char* status; };
inline const std::vector<User>& Users() {
  using D = Date;
  static const std::vector<User> u = {
      {"U01", 1, 1, D{2025, 10, 1}, std::nullopt, "求職中"},    {"U02", 1, 1, D{2025, 11, 15}, std::nullopt, "求職中"},
      {"U03", 1, 0, D{2026, 1, 10}, std::nullopt, "求職中"},    {"U04", 1, 1, D{2026, 3, 1}, std::nullopt, "休止"},
      {"U05", 1, 1, D{2026, 6, 30}, std::nullopt, "求職中"},    {"U06", 1, 1, D{2026, 8, 1}, std::nullopt, "求職中"},
      {"U07", 1, 0, D{2025, 4, 1}, std::nullopt, "求職中"},     {"U08", 1, 1, D{2025, 12, 1}, D{2026, 4, 10}, "就労中"},
      {"U09", 1, 1, D{2026, 1, 15}, D{2026, 6, 1}, "就労中"},   {"U10", 1, 1, D{2026, 2, 1}, D{2026, 7, 15}, "就労中"},
      {"U11", 1, 0, D{2026, 5, 1}, D{2026, 9, 1}, "就労中"},    {"U12", 1, 1, D{2025, 9, 30}, D{2026, 3, 30}, "就労中"},
      {"U13", 1, 1, D{2025, 6, 1}, D{2026, 2, 20}, "就労中"},   {"U14", 1, 1, D{2025, 5, 10}, D{2025, 12, 1}, "就労中"},
      {"U15", 1, 0, D{2025, 3, 1}, D{2025, 11, 5}, "就労中"},   {"U16", 1, 1, D{2025, 8, 1}, D{2025, 10, 20}, "離職"},
      {"U17", 1, 1, D{2024, 10, 1}, D{2025, 5, 1}, "就労中"},   {"U18", 1, 0, D{2026, 7, 20}, std::nullopt, "求職中"},
      {"U19", 0, 0, D{2025, 10, 15}, std::nullopt, "求職中"},   {"U20", 0, 0, D{2026, 4, 1}, std::nullopt, "求職中"},
  };
  return u;
}
}  // namespace baseline

inline Workbook BaselineWorkbook() {
  Workbook wb;
  On(wb, "記載日")
      .Str("A1", "事前調査票（日本版援助付き雇用フィデリティ評価）")
      .Str("A3", "機関名").Str("B3", "就労支援センターはままつ")
      .Str("A4", "記載日").DateCell("C4", Date{2026, 9, 30})
      .Str("A5", "記入者").Str("B5", "鈴木 一郎")
      .Str("A7", "※ 記載日は「過去1年間」を数える基準日です。");

  auto r = On(wb, "調査票1 機関の就労率");
  r.Str("A1", "調査票1 機関の就労率").Str("A3", "コード").Str("B3", "項目").Str("C3", "人数・割合");
  const char* codes[] = {"A-1", "A-2", "B-1", "B-2", "B-3"};
  const char* vals[] = {"20", "18", "9", "7", "1"};
  for (int i = 0; i < 5; ++i) r.Str("A" + std::to_string(4 + i), codes[i]).Str("B" + std::to_string(4 + i), "説明").Num("C" + std::to_string(4 + i), vals[i]);
  for (int i = 0; i < 6; ++i) r.Str("A" + std::to_string(9 + i), "B-" + std::to_string(4 + i)).Formula("C" + std::to_string(9 + i));

  auto j = On(wb, "調査票2 直近の就労者リスト");
  j.Str("A1", "調査票2 直近の就労者リスト（新しい順に15人まで）").Str("A2", "B-1 就労した人数").Formula("C2");
  j.Str("A4", "No.").Str("B4", "就職日").Str("C4", "職種").Str("D4", "企業名").Str("E4", "雇用形態");
  for (int i = 0; i < 15; ++i) j.Num("A" + std::to_string(5 + i), std::to_string(i + 1));
  struct Job { Date d; const char *type, *company, *kind; };
  const Job jobs[] = {{{2026, 9, 1}, "清掃", "株式会社浜松クリーン", "障害者求人"},
                      {{2026, 7, 15}, "データ入力", "有限会社遠州データ", "一般求人"},
                      {{2026, 6, 1}, "調理補助", "浜名湖フーズ株式会社", "一般求人"},
                      {{2026, 4, 10}, "品出し", "スーパーはまな", "障害者求人"},
                      {{2026, 2, 20}, "事務補助", "浜松ビジネスサポート株式会社", "特例子会社"},
                      {{2025, 12, 1}, "軽作業", "遠州ロジスティクス株式会社", "派遣"},
                      {{2025, 11, 5}, "ウェブデザイン", "（本人）", "自営"},
                      {{2025, 10, 20}, "清掃", "ホテル浜名", "一般求人"}};
  for (int i = 0; i < 8; ++i) {
    std::string n = std::to_string(5 + i);
    j.DateCell("B" + n, jobs[i].d).Str("C" + n, jobs[i].type).Str("D" + n, jobs[i].company).Str("E" + n, jobs[i].kind);
  }

  auto s = On(wb, "調査票3 スタッフ配置");
  s.Str("A1", "調査票3 スタッフ配置").Str("A2", "※ 割合は 0〜100 の数字で記入してください");
  const char* sh[] = {"氏名（イニシャル）", "役割", "常勤・非常勤", "週の勤務時間", "就労支援業務の割合%",
                      "そのうち精神障害のある人への支援の割合%", "生活支援業務の割合%", "オフィス外で働く割合%", "担当利用者数"};
  for (int c = 0; c < 9; ++c) s.Str(std::string(1, static_cast<char>('A' + c)) + "3", sh[c]);
  const std::vector<std::vector<std::string>> staff = {
      {"Y.S", "ES", "常勤", "40", "90", "100", "5", "70", "12"},   {"K.T", "ES", "常勤", "37.5", "80", "100", "10", "60", "10"},
      {"M.A", "ES", "非常勤", "20", "100", "90", "0", "45", "6"},  {"H.N", "CM", "常勤", "40", "10", "100", "80", "30", "15"},
      {"R.I", "SV", "常勤", "40", "50", "100", "20", "20", "0"},   {"E.O", "AS", "非常勤", "20", "0", "0", "0", "0", "0"}};
  for (size_t i = 0; i < staff.size(); ++i)
    for (int c = 0; c < 9; ++c) {
      std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(4 + i);
      if (c < 3) s.Str(ref, staff[i][c]);
      else s.Num(ref, staff[i][c]);
    }

  auto u = On(wb, "調査票4 利用者一覧");
  u.Str("A1", "調査票4 利用者一覧（過去1年間にサービスを利用した人）").Str("A2", "記載日").Formula("C2");
  u.Str("A3", "合計").Formula("C3").Formula("D3");
  const char* uh[] = {"No.", "利用者ID", "精神障害", "重い精神疾患", "登録日", "就職日", "現在の状況"};
  for (int c = 0; c < 7; ++c) u.Str(std::string(1, static_cast<char>('A' + c)) + "5", uh[c]);
  u.Str("I5", "X・Y・Z（自動）");
  int i = 0;
  for (const auto& x : baseline::Users()) {
    std::string n = std::to_string(6 + i);
    u.Num("A" + n, std::to_string(i + 1)).Str("B" + n, x.id).Num("C" + n, std::to_string(x.mental))
        .Num("D" + n, std::to_string(x.severe)).DateCell("E" + n, x.reg).Str("G" + n, x.status).Formula("I" + n);
    if (x.emp) u.DateCell("F" + n, *x.emp);
    ++i;
  }

  auto k = On(wb, "計算シート2 支援記録等");
  k.Str("A1", "計算シート2 支援記録等（調査員が支援記録から入力）");
  k.Str("A3", "【I-3 就労支援スペシャリストの提供するサービス】").Str("A4", "コード").Str("B4", "項目").Str("C4", "0/1");
  const char* i3[] = {"I-3-i", "I-3-ii", "I-3-iii", "I-3-iv", "I-3-v", "I-3-vi"};
  const char* i3v[] = {"1", "1", "1", "1", "0", "1"};
  for (int q = 0; q < 6; ++q) k.Str("A" + std::to_string(5 + q), i3[q]).Str("B" + std::to_string(5 + q), "項目").Num("C" + std::to_string(5 + q), i3v[q]);
  k.Str("A12", "【III-4 一般雇用のための迅速な求職活動】").Str("A13", "コード").Str("C13", "登録日").Str("D13", "初回の雇用担当窓口との接触日");
  struct C4 { Date reg; std::optional<Date> contact; };
  const C4 cases[] = {{{2025, 10, 1}, Date{2025, 10, 20}}, {{2025, 11, 15}, Date{2026, 1, 5}}, {{2026, 1, 10}, std::nullopt},
                      {{2025, 12, 1}, Date{2025, 12, 10}}, {{2026, 1, 15}, Date{2026, 2, 1}},  {{2026, 2, 1}, Date{2026, 2, 20}}};
  for (int q = 0; q < 7; ++q) {
    std::string n = std::to_string(14 + q);
    k.Str("A" + n, "III-4-" + std::to_string(q + 1)).Str("B" + n, "ケース" + std::to_string(q + 1));
    if (q < 6) {
      k.DateCell("C" + n, cases[q].reg);
      if (cases[q].contact) k.DateCell("D" + n, *cases[q].contact);
    }
  }
  k.Str("A22", "【III-5 個別化された求職活動】");
  const char* iii5[] = {"1", "1", "0", "1", "1", "1", "1", "0", "1", ""};
  for (int q = 0; q < 10; ++q) {
    std::string n = std::to_string(23 + q);
    k.Str("A" + n, "III-5-" + std::to_string(q + 1)).Str("B" + n, "ケース" + std::to_string(q + 1));
    if (*iii5[q]) k.Num("C" + n, iii5[q]);
  }
  k.Str("A34", "【III-11 個別化された継続支援】");
  const std::string ones = " 1a 1b 1d 2a 2b 2c 2e 3a 3b 3c 3e 3g 4a 4b 4c 4f 4h 4k ";
  const std::string zeros = " 1c 2d 3d 4d 4e ";
  const std::pair<char, const char*> boxes[] = {{'1', "abcdef"}, {'2', "abcdef"}, {'3', "abcdefghij"}, {'4', "abcdefghijklm"}};
  int row = 35;
  for (const auto& [big, letters] : boxes)
    for (const char* l = letters; *l; ++l) {
      std::string key = std::string(1, big) + *l;
      std::string n = std::to_string(row++);
      k.Str("A" + n, "III-11-" + key).Str("B" + n, "小項目 " + key);
      if (ones.find(" " + key + " ") != std::string::npos) k.Num("C" + n, "1");
      if (zeros.find(" " + key + " ") != std::string::npos) k.Num("C" + n, "0");
    }
  ++row;  // blank row, then the III-12-i block
  k.Str("A" + std::to_string(row), "【III-12-i 就職前後の対面コンタクト】");
  k.Str("A" + std::to_string(row + 1), "コード").Str("C" + std::to_string(row + 1), "就職前1週間以内");
  row += 2;
  const char* f12[4][3] = {{"1", "1", "1"}, {"1", "1", "0"}, {"1", "", "1"}, {"", "", ""}};
  for (int q = 0; q < 4; ++q) {
    std::string n = std::to_string(row++);
    k.Str("A" + n, "III-12-i-" + std::to_string(q + 1)).Str("B" + n, "ケース" + std::to_string(q + 1));
    for (int c = 0; c < 3; ++c)
      if (*f12[q][c]) k.Num(std::string(1, static_cast<char>('C' + c)) + n, f12[q][c]);
  }
  k.Str("A" + std::to_string(row + 1), "※ 灰色のセルに入力してください。空欄は未入力として扱います。");
  return wb;
}

inline std::string DumpProblems(const Problems& ps) {
  std::string out;
  for (const auto& p : ps) out += FormatProblem(p) + "\n";
  return out;
}

inline std::string Dump(const Survey& s, bool with_places) {
  auto opt_date = [](const std::optional<Date>& d) { return d ? d->Iso() : std::string("-"); };
  auto opt_int = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); };
  auto row = [&](int r) { return with_places ? std::to_string(r) + ": " : std::string(); };
  std::string o;
  o += "agency=" + s.agency_name + " writer=" + s.writer + " R=" + opt_date(s.record_date) + "\n";
  for (const auto& [k, v] : s.counts)
    o += "count " + k + "=" + (v.value ? v.value->ToString() : "-") + (with_places ? " @" + v.where : "") + "\n";
  o += "jobs_listed=" + std::to_string(s.jobs_listed) + "\n";
  for (const auto& j : s.jobs)
    o += "job " + row(j.row) + opt_date(j.start) + "|" + j.job_type + "|" + j.company + "|" + j.employment_type +
         (j.self_employed ? "|self" : "") + "\n";
  for (const auto& t : s.staff)
    o += "staff " + row(t.row) + t.initials + "|" + t.role + "|" + t.status + "|" + t.hours.ToString() + "|" +
         t.employment_pct.ToString() + "|" + t.mental_pct.ToString() + "|" + t.life_pct.ToString() + "|" +
         t.outside_pct.ToString() + "|" + t.caseload.ToString() + "\n";
  for (const auto& u : s.users)
    o += "user " + row(u.row) + u.id + "|" + opt_int(u.mental) + "|" + opt_int(u.severe) + "|" + opt_date(u.registered) +
         "|" + opt_date(u.employed) + "|" + u.status + "\n";
  const auto& r = s.records;
  o += "records present=" + std::to_string(r.present) + " i3_block=" + std::to_string(r.i3_block_present) + " i3=";
  for (const auto& v : r.i3) o += opt_int(v) + ",";
  o += "\n";
  for (const auto& c : r.iii4)
    o += "iii4 " + c.code + " " + c.registered.Iso() + " " + opt_date(c.contact) + (with_places ? " @" + c.where : "") + "\n";
  o += "iii5=";
  for (int v : r.iii5) o += std::to_string(v) + ",";
  o += "\niii11=";
  for (const auto& [k, v] : r.iii11) o += k + ":" + std::to_string(v) + ",";
  o += "\n";
  for (const auto& f : r.iii12i)
    o += "iii12i " + f.code + " " + std::to_string(f.cols[0]) + std::to_string(f.cols[1]) + std::to_string(f.cols[2]) + "\n";
  for (const auto& [k, v] : s.sheet_names) o += "sheet " + k + "=" + v + "\n";
  o += DumpProblems(s.problems);
  return o;
}

}  // namespace fidelity::test
