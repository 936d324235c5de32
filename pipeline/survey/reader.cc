#include "pipeline/survey/reader.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "pipeline/core/text.h"
#include "pipeline/survey/cells.h"
#include "pipeline/survey/records.h"

namespace fidelity {
namespace {

bool Required(const WorkbookLayout& L, const std::string& section) {
  return std::find(L.required.begin(), L.required.end(), section) != L.required.end();
}

// Finds a sheet by name; a missing required sheet is an error.
const Sheet* FindSheet(const Workbook& wb, const WorkbookLayout& L, const std::string& section,
                       const std::string& name, Survey* s) {
  const Sheet* sh = wb.find(name);
  if (sh) {
    s->sheet_names[section] = sh->name;
  } else if (Required(L, section)) {
    s->problems.push_back(Error("survey.sheet_missing", s->file, "シート「" + name + "」がありません"));
  }
  return sh;
}

// ASCII upper case, for role spellings ("es" = "ES").
std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string RangeText(const ColumnSpec& spec) {
  std::string lo = spec.min ? spec.min->ToString() : "";
  std::string hi = spec.max ? spec.max->ToString() : "";
  if (spec.min && spec.max) return lo + "〜" + hi + " の範囲";
  if (spec.min) return lo + " 以上";
  return hi + " 以下";
}

// ---- 記載日 ----
void ReadCover(const Workbook& wb, const WorkbookLayout& L, Survey* s) {
  const Sheet* sh = FindSheet(wb, L, "cover", L.cover.sheet, s);
  s->record_date_where = sh ? sh->name : L.cover.sheet;
  if (!sh) {
    if (!Required(L, "cover"))
      s->problems.push_back(Error("survey.record_date_missing", s->file,
                                  "記載日（シート「" + L.cover.sheet + "」）がないため、基準日が決まりません"));
    return;
  }
  SheetReader r(*sh, wb.date1904, &s->problems, false);
  const int lc = L.cover.label_column;
  // The value cell (row, col) of a labelled field; nullopt when absent or blank.
  auto field = [&](const std::string& label, bool required_date) -> std::optional<std::pair<int, int>> {
    int row = FindLabelRow(*sh, lc, label);
    if (row == 0) {
      if (required_date)
        s->problems.push_back(Error("survey.record_date_missing", sh->name, "「" + label + "」の欄が見つかりません"));
      else
        s->problems.push_back(Warning("survey.label_missing", sh->name, "「" + label + "」の欄が見つかりません"));
      return std::nullopt;
    }
    int col = FirstValueColumn(r, row, lc);
    if (required_date) s->record_date_where = r.Where(row, col ? col : lc + 1);
    if (col == 0) {
      if (required_date)
        s->problems.push_back(Error("survey.record_date_missing", s->record_date_where, "記載日が入力されていません"));
      return std::nullopt;
    }
    return std::pair{row, col};
  };
  if (auto p = field(L.cover.agency_label, false)) s->agency_name = r.Text(p->first, p->second);
  if (auto p = field(L.cover.writer_label, false)) s->writer = r.Text(p->first, p->second);
  if (auto p = field(L.cover.date_label, true)) s->record_date = r.DateAt(p->first, p->second).value;
}

// ---- 調査票1 ----
void ReadRates(const Workbook& wb, const WorkbookLayout& L, Survey* s) {
  const Sheet* sh = FindSheet(wb, L, "rates", L.rates.sheet, s);
  if (!sh) return;
  SheetReader r(*sh, wb.date1904, &s->problems, false);
  const int cc = L.rates.code_column, vc = L.rates.value_column;
  std::map<std::string, int> code_rows;  // NormalizeKey(code) -> first row
  for (const auto& [rc, cell] : sh->cells)
    if (rc.second == cc && cell.type == CellType::kString) code_rows.emplace(NormalizeKey(cell.text), rc.first);
  for (const auto& [key, code] : L.rates.counts) {
    Placed<Rational>& p = s->counts[key];
    auto it = code_rows.find(NormalizeKey(code));
    if (it == code_rows.end()) {
      p.where = sh->name;
      s->problems.push_back(Error("survey.count_missing", sh->name, "「" + code + "」の行が見つかりません"));
      continue;
    }
    p.where = r.Where(it->second, vc);
    auto v = r.Number(it->second, vc);
    if (v.blank) {
      s->problems.push_back(Error("survey.count_missing", p.where, code + " の人数が入力されていません"));
    } else if (v.value) {
      if (!v.value->is_integer() || *v.value < Rational(0))
        s->problems.push_back(Error("survey.count_invalid", p.where,
                                    code + " の人数（" + v.value->ToString() + "）は 0 以上の整数で入力してください"));
      else
        p.value = v.value;
    }
  }
  // Cross checks.
  auto val = [&](const std::string& k) -> const std::optional<Rational>& { return s->counts[k].value; };
  auto code_of = [&](const std::string& k) {
    for (const auto& [key, code] : L.rates.counts)
      if (key == k) return code;
    return k;
  };
  std::set<std::pair<std::string, std::string>> reported;  // (num, den) pairs already reported as errors
  for (const auto& b : L.rates.bounds) {
    Rational sum(0);
    bool all = val(b.max).has_value();
    std::string names;
    for (const auto& k : b.sum) {
      if (!val(k)) all = false;
      else sum += *val(k);
      names += (names.empty() ? "" : " + ") + code_of(k);
    }
    if (!all || sum <= *val(b.max)) continue;
    std::string msg = names + "（" + sum.ToString() + "）が " + code_of(b.max) + "（" + val(b.max)->ToString() +
                      "）を超えています";
    s->problems.push_back({b.severity, b.problem, s->counts[b.sum.front()].where, msg});
    if (b.sum.size() == 1 && b.severity == Severity::kError) reported.insert({b.sum.front(), b.max});
  }
  for (const auto& rate : L.rates.rates) {
    if (!val(rate.num) || !val(rate.den) || reported.count({rate.num, rate.den})) continue;
    const Rational& n = *val(rate.num);
    const Rational& d = *val(rate.den);
    if (n <= d) continue;  // also 0/0: no rate, nothing over 100 %
    auto it = code_rows.find(NormalizeKey(rate.code));
    std::string where = it != code_rows.end() ? r.Where(it->second, vc) : s->counts[rate.num].where;
    std::string pct = d.is_zero() ? "分母が 0" : (n / d * Rational(100)).ToString(1) + "%";
    s->problems.push_back(Error("survey.rate_over_100", where,
                                rate.code + "（" + code_of(rate.num) + " ÷ " + code_of(rate.den) +
                                    "）が 100% を超えています（" + pct + "）"));
  }
}

// ---- 調査票2 ----
void ReadJobs(const Workbook& wb, const WorkbookLayout& L, Survey* s) {
  const auto& J = L.jobs;
  const Sheet* sh = FindSheet(wb, L, "jobs", J.table.sheet, s);
  if (!sh) return;
  SheetReader r(*sh, wb.date1904, &s->problems, false);
  auto t = FindTable(r, J.table, &s->problems);
  if (!t) return;
  auto col = [&](const std::string& k) { auto it = t->columns.find(k); return it == t->columns.end() ? 0 : it->second; };
  s->jobs_listed = static_cast<int>(t->rows.size());
  int n = 0;
  for (int row : t->rows) {
    if (++n > J.max_rows) {
      if (n == J.max_rows + 1)
        s->problems.push_back(Warning("survey.jobs_over_max", r.Where(row, t->first_column),
                                      "就労者が " + std::to_string(t->rows.size()) + " 件書かれています。新しい順の最初の " +
                                          std::to_string(J.max_rows) + " 件だけを使います"));
      continue;
    }
    JobRow j;
    j.row = row;
    j.start = r.DateAt(row, col("start")).value;
    j.job_type = r.Text(row, col("job_type"));
    j.company = r.Text(row, col("company"));
    j.job_type_where = r.Where(row, col("job_type"));
    j.company_where = r.Where(row, col("company"));
    std::string et = r.Text(row, col("employment_type"));
    j.employment_type = et;
    bool known = false;
    for (const auto& e : J.employment_types)
      if (NormalizeKey(e) == NormalizeKey(et)) {
        j.employment_type = e;
        known = true;
      }
    if (!known && !J.employment_types.empty())
      s->problems.push_back(Warning("survey.employment_type_unknown", r.Where(row, col("employment_type")),
                                    et.empty() ? "雇用形態が空欄です"
                                               : "雇用形態" + r.Quote(row, col("employment_type")) + "は選択肢にありません"));
    j.self_employed = !J.self_employed.empty() && NormalizeKey(j.employment_type) == NormalizeKey(J.self_employed);
    s->jobs.push_back(std::move(j));
  }
  // Rows listed must not exceed B-1.
  auto b1_it = s->counts.find("B-1");
  const std::optional<Rational> b1 = b1_it == s->counts.end() ? std::nullopt : b1_it->second.value;
  if (b1 && b1->is_integer() && Rational(s->jobs_listed) > *b1) {
    long limit = static_cast<long>(b1->num());
    int row = t->rows[static_cast<size_t>(limit)];
    s->problems.push_back(Error("survey.jobs_exceed_employed", r.Where(row, t->first_column),
                                "就労者リストの件数（" + std::to_string(s->jobs_listed) +
                                    "）が調査票1の B-1 就労した人数（" + b1->ToString() + "）を超えています"));
  }
}

// ---- 調査票3 ----
void ReadStaff(const Workbook& wb, const WorkbookLayout& L, Survey* s) {
  const auto& S = L.staff;
  const Sheet* sh = FindSheet(wb, L, "staff", S.table.sheet, s);
  if (!sh) return;
  SheetReader r(*sh, wb.date1904, &s->problems, false);
  auto t = FindTable(r, S.table, &s->problems);
  if (!t) return;
  auto col = [&](const std::string& k) { auto it = t->columns.find(k); return it == t->columns.end() ? 0 : it->second; };
  for (int row : t->rows) {
    StaffRow st;
    st.row = row;
    st.initials = r.Text(row, col("initials"));
    st.status = r.Text(row, col("status"));
    std::string role = r.Text(row, col("role"));
    std::string key = Upper(NormalizeKey(role));
    for (const auto& [code, spellings] : S.roles)
      for (const auto& sp : spellings)
        if (st.role.empty() && Upper(NormalizeKey(sp)) == key) st.role = code;
    if (st.role.empty())
      s->problems.push_back(Error("survey.role_unknown", r.Where(row, col("role")),
                                  role.empty() ? "役割が空欄です" : "役割" + r.Quote(row, col("role")) + "は選択肢にありません"));
    const bool es = st.role == S.es_role;
    struct NumCol { const char* key; Rational* field; };
    const NumCol nums[] = {{"hours", &st.hours},           {"employment_pct", &st.employment_pct},
                           {"mental_pct", &st.mental_pct}, {"life_pct", &st.life_pct},
                           {"outside_pct", &st.outside_pct}, {"caseload", &st.caseload}};
    for (const auto& nc : nums) {
      const ColumnSpec& spec = S.table.columns.at(nc.key);
      int c = col(nc.key);
      auto v = r.Number(row, c);
      if (v.value) {
        if ((spec.min && *v.value < *spec.min) || (spec.max && *v.value > *spec.max))
          s->problems.push_back(Error("survey.out_of_range", r.Where(row, c),
                                      "「" + spec.headers.front() + "」は " + RangeText(spec) + "で入力してください（" +
                                          v.value->ToString() + "）"));
        else
          *nc.field = *v.value;
      } else if (v.blank && es &&
                 std::find(S.es_blank_warning.begin(), S.es_blank_warning.end(), nc.key) != S.es_blank_warning.end()) {
        s->problems.push_back(Warning("survey.es_value_blank", r.Where(row, c),
                                      "就労支援スペシャリストの「" + spec.headers.front() + "」が空欄です（0 として計算します）"));
      }
    }
    s->staff.push_back(std::move(st));
  }
}

// ---- 調査票4 (private: no cell content in any message) ----

// 現在の状況 (G): the layout's spelling, whether it says "working" (SPEC
// §3.3), and the warnings when it disagrees with a blank 就職日.
void ReadStatus(const WorkbookLayout::Users& U, const std::string& text, bool job_date_blank,
                const std::string& where, UserRow* u, Problems* problems) {
  u->status = text;
  bool known = false;
  for (const auto& x : U.statuses)
    if (NormalizeKey(x) == NormalizeKey(text)) {
      u->status = x;
      known = true;
    }
  if (!known && !U.statuses.empty())
    problems->push_back(Warning("survey.status_unknown", where,
                                text.empty() ? "現在の状況が空欄です（就職日の有無で就労中かどうかを判断します）"
                                             : "現在の状況が選択肢にない値です（就職日の有無で就労中かどうかを判断します）"));
  if (!known || U.working_status.empty()) return;
  u->status_working = u->status == U.working_status;
  if (*u->status_working && job_date_blank)
    problems->push_back(Warning("survey.status_mismatch", where,
                                "現在の状況が「" + U.working_status +
                                    "」ですが、就職日が空欄です（記録レビューのグループB・Cに入りません）"));
  if (!U.left_status.empty() && u->status == U.left_status && job_date_blank)
    problems->push_back(Warning("survey.left_without_job_date", where,
                                "現在の状況が「" + U.left_status + "」ですが、就職日が空欄です（離職した仕事の就職日を記入してください）"));
}

void ReadUsers(const Workbook& wb, const WorkbookLayout& L, Survey* s) {
  const auto& U = L.users;
  const Sheet* sh = FindSheet(wb, L, "users", U.table.sheet, s);
  if (!sh) return;
  SheetReader r(*sh, wb.date1904, &s->problems, true);
  auto t = FindTable(r, U.table, &s->problems);
  if (!t) return;
  auto col = [&](const std::string& k) { auto it = t->columns.find(k); return it == t->columns.end() ? 0 : it->second; };
  const std::optional<Date>& R = s->record_date;
  std::map<std::string, int> id_rows;
  for (int row : t->rows) {
    UserRow u;
    u.row = row;
    u.id = r.Text(row, col("id"));
    if (u.id.empty()) {
      s->problems.push_back(Error("survey.user_id_missing", r.Where(row, col("id")), "利用者IDが空欄です"));
    } else {
      auto [it, fresh] = id_rows.emplace(NormalizeKey(u.id), row);
      if (!fresh)
        s->problems.push_back(Error("survey.user_id_duplicate", r.Where(row, col("id")),
                                    "同じ利用者IDが " + std::to_string(it->second) + " 行目にもあります"));
    }
    for (auto [key, field] : {std::pair{"mental", &u.mental}, std::pair{"severe", &u.severe}}) {
      auto v = r.Binary(row, col(key));
      *field = v.value;
      if (v.blank)
        s->problems.push_back(Warning("survey.flag_blank", r.Where(row, col(key)),
                                      "「" + U.table.columns.at(key).headers.front() + "」が空欄です（1 でないものとして数えます）"));
    }
    auto reg = r.DateAt(row, col("registered"));
    u.registered = reg.value;
    if (reg.blank)
      s->problems.push_back(Error("survey.date_missing", r.Where(row, col("registered")), "登録日が入力されていません"));
    auto emp = r.DateAt(row, col("employed"));
    u.employed = emp.value;
    if (u.registered && u.employed && *u.employed < *u.registered)
      s->problems.push_back(Error("survey.date_order", r.Where(row, col("employed")), "就職日が登録日より前になっています"));
    if (R) {
      if (u.registered && *u.registered > *R)
        s->problems.push_back(Error("survey.date_after_record", r.Where(row, col("registered")), "登録日が記載日より後になっています"));
      if (u.employed && *u.employed > *R)
        s->problems.push_back(Error("survey.date_after_record", r.Where(row, col("employed")), "就職日が記載日より後になっています"));
    }
    ReadStatus(U, r.Text(row, col("status")), emp.blank, r.Where(row, col("status")), &u, &s->problems);
    s->users.push_back(std::move(u));
  }
  if (s->users.empty())
    s->problems.push_back(Error("survey.no_users", sh->name, "利用者の行が 1 行もありません"));
}

}  // namespace

Survey ReadSurvey(const Workbook& workbook, const WorkbookLayout& layout, const std::string& file_label) {
  Survey s;
  s.file = file_label;
  try {
    ReadCover(workbook, layout, &s);
    ReadRates(workbook, layout, &s);
    ReadJobs(workbook, layout, &s);
    ReadStaff(workbook, layout, &s);
    ReadUsers(workbook, layout, &s);
    ReadRecords(workbook, layout, &s);
  } catch (const std::overflow_error&) {  // exact arithmetic on an absurd number
    s.problems.push_back(Error("survey.number_too_large", file_label,
                               "数値が大きすぎて計算できません。調査票の数値を確認してください"));
  }
  return s;
}

}  // namespace fidelity
