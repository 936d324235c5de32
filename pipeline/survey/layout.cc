#include "pipeline/survey/layout.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "pipeline/core/fs.h"
#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"

namespace fidelity {
namespace {

// The column keys each table must define (the reader's vocabulary).
const std::vector<std::string> kJobColumns = {"no", "start", "job_type", "company", "employment_type"};
const std::vector<std::string> kStaffColumns = {"initials",   "role",     "status",      "hours",   "employment_pct",
                                                "mental_pct", "life_pct", "outside_pct", "caseload"};
const std::vector<std::string> kUserColumns = {"no", "id", "mental", "severe", "registered", "employed", "status"};
const std::vector<std::string> kCountKeys = {"A-1", "A-2", "B-1", "B-2", "B-3"};
const std::vector<std::string> kSections = {"cover", "rates", "jobs", "staff", "users", "records"};

class Loader {
 public:
  explicit Loader(std::string label) : label_(std::move(label)) {}

  [[noreturn]] void Fail(const YAML::Node& at, const std::string& msg) const {
    std::string where = label_;
    if (at.IsDefined() && at.Mark().line >= 0) where += ":" + std::to_string(at.Mark().line + 1);
    throw InputError("layout.invalid", where, msg);
  }

  // A mapping with exactly these allowed keys; `required` must be present.
  void Keys(const YAML::Node& map, const std::string& what, const std::vector<std::string>& allowed,
            const std::vector<std::string>& required) const {
    if (!map.IsMap()) Fail(map, what + " は対応表（key: value）で書いてください");
    for (const auto& kv : map) {
      std::string k = kv.first.as<std::string>();
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
        Fail(kv.first, what + " に不明なキー「" + k + "」があります");
    }
    for (const auto& r : required)
      if (!map[r]) Fail(map, what + " に「" + r + "」がありません");
  }

  std::string Str(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) Fail(n, what + " は文字列で書いてください");
    std::string s = Trim(n.Scalar());
    if (s.empty()) Fail(n, what + " が空です");
    return s;
  }

  std::vector<std::string> StrList(const YAML::Node& n, const std::string& what, bool allow_scalar) const {
    std::vector<std::string> out;
    if (allow_scalar && n.IsScalar()) {
      out.push_back(Str(n, what));
      return out;
    }
    if (!n.IsSequence()) Fail(n, what + " は一覧（[…]）で書いてください");
    for (const auto& e : n) out.push_back(Str(e, what));
    if (out.empty()) Fail(n, what + " が空です");
    return out;
  }

  int Column(const YAML::Node& n, const std::string& what) const {
    int c = n.IsScalar() ? ColumnIndex(Trim(n.Scalar())) : 0;
    if (c < 1) Fail(n, what + " は列の英字（A など）か 1 以上の番号で書いてください");
    return c;
  }

  int PositiveInt(const YAML::Node& n, const std::string& what) const {
    auto r = n.IsScalar() ? Rational::FromDecimal(n.Scalar()) : std::nullopt;
    if (!r || !r->is_integer() || *r < Rational(1) || *r > Rational(100000))
      Fail(n, what + " は 1 以上の整数で書いてください");
    return static_cast<int>(r->num());
  }

  Rational Number(const YAML::Node& n, const std::string& what) const {
    auto r = n.IsScalar() ? Rational::FromDecimal(n.Scalar()) : std::nullopt;
    if (!r) Fail(n, what + " は数値で書いてください");
    return *r;
  }

  TableLayout Table(const YAML::Node& sec, const std::string& name, const std::vector<std::string>& keys,
                    const std::vector<std::string>& extra_allowed) {
    std::vector<std::string> allowed = {"sheet", "columns", "end_markers"};
    allowed.insert(allowed.end(), extra_allowed.begin(), extra_allowed.end());
    Keys(sec, name, allowed, {"sheet", "columns"});
    TableLayout t;
    t.sheet = Str(sec["sheet"], name + ".sheet");
    const YAML::Node cols = sec["columns"];
    Keys(cols, name + ".columns", keys, keys);
    for (const auto& kv : cols) {
      std::string key = kv.first.as<std::string>();
      std::string what = name + ".columns." + key;
      ColumnSpec c;
      const YAML::Node v = kv.second;
      if (v.IsScalar()) {
        c.headers.push_back(Str(v, what));
      } else {
        Keys(v, what, {"header", "optional", "index", "min", "max"}, {"header"});
        c.headers = StrList(v["header"], what + ".header", true);
        if (v["optional"]) c.optional = Bool(v["optional"], what + ".optional");
        if (v["index"]) c.index = Bool(v["index"], what + ".index");
        if (v["min"]) c.min = Number(v["min"], what + ".min");
        if (v["max"]) c.max = Number(v["max"], what + ".max");
        if (c.min && c.max && *c.max < *c.min) Fail(v, what + " の min が max より大きくなっています");
      }
      t.columns[key] = std::move(c);
    }
    if (sec["end_markers"]) t.end_markers = StrList(sec["end_markers"], name + ".end_markers", false);
    return t;
  }

  bool Bool(const YAML::Node& n, const std::string& what) const {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      if (s == "true" || s == "yes") return true;
      if (s == "false" || s == "no") return false;
    }
    Fail(n, what + " は true か false で書いてください");
  }

  std::string CountKey(const YAML::Node& n, const std::string& what) const {
    std::string k = Str(n, what);
    if (std::find(kCountKeys.begin(), kCountKeys.end(), k) == kCountKeys.end())
      Fail(n, what + " の「" + k + "」は調査票1の項目（A-1, A-2, B-1, B-2, B-3）ではありません");
    return k;
  }

  std::vector<std::pair<std::string, std::string>> Pairs(const YAML::Node& n, const std::string& what) const {
    if (!n.IsMap() || n.size() == 0) Fail(n, what + " は対応表（key: value）で書いてください");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& kv : n) out.emplace_back(Str(kv.first, what), Str(kv.second, what));
    return out;
  }

  WorkbookLayout Load(const std::string& text) {
    YAML::Node root;
    try {  // the one strict loader (core/yaml.h): Japanese syntax messages with file:line
      root = ParseYamlText(text, label_, {"layout"}).root;
    } catch (const InputError& e) {
      Problem p = e.problem();
      p.code = "layout.invalid";
      throw InputError(p);
    }
    WorkbookLayout L;
    L.label = label_;
    Keys(root, "レイアウト", {"version", "required", "cover", "rates", "jobs", "staff", "users", "records"},
         {"cover", "rates", "jobs", "staff", "users", "records"});
    if (root["version"] && (!root["version"].IsScalar() || root["version"].Scalar() != "1"))
      Fail(root["version"], "version は 1 だけに対応しています");
    if (root["required"]) {
      L.required = StrList(root["required"], "required", false);
      for (const auto& s : L.required)
        if (std::find(kSections.begin(), kSections.end(), s) == kSections.end())
          Fail(root["required"], "required の「" + s + "」は不明なシート区分です");
    } else {
      L.required = {"cover", "rates", "jobs", "staff", "users"};
    }

    LoadCover(root, L);
    LoadRates(root, L);
    LoadJobs(root, L);
    LoadStaff(root, L);
    LoadUsers(root, L);
    LoadRecords(root, L);
    return L;
  }

 private:
  // 記載日
  void LoadCover(const YAML::Node& root, WorkbookLayout& L) {
    const YAML::Node cover = root["cover"];
    Keys(cover, "cover", {"sheet", "label_column", "labels"}, {"sheet", "labels"});
    L.cover.sheet = Str(cover["sheet"], "cover.sheet");
    if (cover["label_column"]) L.cover.label_column = Column(cover["label_column"], "cover.label_column");
    const YAML::Node labels = cover["labels"];
    Keys(labels, "cover.labels", {"agency_name", "record_date", "writer"}, {"agency_name", "record_date", "writer"});
    L.cover.agency_label = Str(labels["agency_name"], "cover.labels.agency_name");
    L.cover.date_label = Str(labels["record_date"], "cover.labels.record_date");
    L.cover.writer_label = Str(labels["writer"], "cover.labels.writer");
  }

  // 調査票1
  void LoadRates(const YAML::Node& root, WorkbookLayout& L) {
    const YAML::Node rates = root["rates"];
    Keys(rates, "rates", {"sheet", "code_column", "value_column", "counts", "bounds", "rates"}, {"sheet", "counts"});
    L.rates.sheet = Str(rates["sheet"], "rates.sheet");
    if (rates["code_column"]) L.rates.code_column = Column(rates["code_column"], "rates.code_column");
    if (rates["value_column"]) L.rates.value_column = Column(rates["value_column"], "rates.value_column");
    L.rates.counts = Pairs(rates["counts"], "rates.counts");
    for (const auto& k : kCountKeys) {
      bool found = std::any_of(L.rates.counts.begin(), L.rates.counts.end(), [&](const auto& p) { return p.first == k; });
      if (!found) Fail(rates["counts"], "rates.counts に「" + k + "」がありません");
    }
    for (const auto& p : L.rates.counts)
      if (std::find(kCountKeys.begin(), kCountKeys.end(), p.first) == kCountKeys.end())
        Fail(rates["counts"], "rates.counts の「" + p.first + "」は不明な項目です");
    LoadRateBounds(rates, L);
    LoadRateFormulas(rates, L);
  }

  void LoadRateBounds(const YAML::Node& rates, WorkbookLayout& L) {
    if (rates["bounds"]) {
      if (!rates["bounds"].IsSequence()) Fail(rates["bounds"], "rates.bounds は一覧で書いてください");
      for (const auto& b : rates["bounds"]) {
        Keys(b, "rates.bounds", {"sum", "max", "severity", "problem"}, {"sum", "max", "severity", "problem"});
        WorkbookLayout::Bound bound;
        if (!b["sum"].IsSequence()) Fail(b["sum"], "rates.bounds.sum は一覧で書いてください");
        for (const auto& s : b["sum"]) bound.sum.push_back(CountKey(s, "rates.bounds.sum"));
        if (bound.sum.empty()) Fail(b["sum"], "rates.bounds.sum が空です");
        bound.max = CountKey(b["max"], "rates.bounds.max");
        std::string sev = Str(b["severity"], "rates.bounds.severity");
        if (sev == "error") bound.severity = Severity::kError;
        else if (sev == "warning") bound.severity = Severity::kWarning;
        else Fail(b["severity"], "severity は error か warning で書いてください");
        bound.problem = Str(b["problem"], "rates.bounds.problem");
        L.rates.bounds.push_back(std::move(bound));
      }
    }
  }

  void LoadRateFormulas(const YAML::Node& rates, WorkbookLayout& L) {
    if (rates["rates"]) {
      if (!rates["rates"].IsMap()) Fail(rates["rates"], "rates.rates は対応表で書いてください");
      for (const auto& kv : rates["rates"]) {
        WorkbookLayout::Rate r;
        r.code = Str(kv.first, "rates.rates");
        if (!kv.second.IsSequence() || kv.second.size() != 2)
          Fail(kv.second, "rates.rates." + r.code + " は [分子, 分母] で書いてください");
        r.num = CountKey(kv.second[0], "rates.rates." + r.code);
        r.den = CountKey(kv.second[1], "rates.rates." + r.code);
        L.rates.rates.push_back(std::move(r));
      }
    }
  }

  // 調査票2
  void LoadJobs(const YAML::Node& root, WorkbookLayout& L) {
    const YAML::Node jobs = root["jobs"];
    L.jobs.table = Table(jobs, "jobs", kJobColumns, {"max_rows", "employment_types", "self_employed"});
    if (jobs["max_rows"]) L.jobs.max_rows = PositiveInt(jobs["max_rows"], "jobs.max_rows");
    if (jobs["employment_types"])
      L.jobs.employment_types = StrList(jobs["employment_types"], "jobs.employment_types", false);
    if (jobs["self_employed"]) L.jobs.self_employed = Str(jobs["self_employed"], "jobs.self_employed");
  }

  // 調査票3
  void LoadStaff(const YAML::Node& root, WorkbookLayout& L) {
    const YAML::Node staff = root["staff"];
    L.staff.table = Table(staff, "staff", kStaffColumns, {"roles", "es_role", "es_blank_warning"});
    if (!staff["roles"] || !staff["roles"].IsMap() || staff["roles"].size() == 0)
      Fail(staff["roles"] ? staff["roles"] : staff, "staff.roles（役割の一覧）がありません");
    for (const auto& kv : staff["roles"]) {
      std::string code = Str(kv.first, "staff.roles");
      L.staff.roles.emplace_back(code, StrList(kv.second, "staff.roles." + code, true));
    }
    L.staff.es_role = staff["es_role"] ? Str(staff["es_role"], "staff.es_role") : "ES";
    bool es_known = std::any_of(L.staff.roles.begin(), L.staff.roles.end(),
                                [&](const auto& r) { return r.first == L.staff.es_role; });
    if (!es_known) Fail(staff["es_role"] ? staff["es_role"] : staff, "staff.es_role が staff.roles にありません");
    if (staff["es_blank_warning"]) {
      L.staff.es_blank_warning = StrList(staff["es_blank_warning"], "staff.es_blank_warning", false);
      for (const auto& k : L.staff.es_blank_warning)
        if (std::find(kStaffColumns.begin() + 3, kStaffColumns.end(), k) == kStaffColumns.end())
          Fail(staff["es_blank_warning"], "staff.es_blank_warning の「" + k + "」は数値の列ではありません");
    }
  }

  // 調査票4
  void LoadUsers(const YAML::Node& root, WorkbookLayout& L) {
    const YAML::Node users = root["users"];
    L.users.table = Table(users, "users", kUserColumns, {"statuses", "working_status", "left_status"});
    if (users["statuses"]) L.users.statuses = StrList(users["statuses"], "users.statuses", false);
    if (users["working_status"]) L.users.working_status = Str(users["working_status"], "users.working_status");
    if (users["left_status"]) L.users.left_status = Str(users["left_status"], "users.left_status");
  }

  // 計算シート2
  void LoadRecords(const YAML::Node& root, WorkbookLayout& L) {
    const YAML::Node rec = root["records"];
    Keys(rec, "records", {"sheet", "block_prefix", "code_column", "value_column", "i3", "iii4", "iii5", "iii11", "iii12i", "counts"},
         {"sheet", "i3", "iii4", "iii5", "iii11", "iii12i"});
    L.records.sheet = Str(rec["sheet"], "records.sheet");
    if (rec["block_prefix"]) L.records.block_prefix = Str(rec["block_prefix"], "records.block_prefix");
    if (rec["code_column"]) L.records.code_column = Column(rec["code_column"], "records.code_column");
    if (rec["value_column"]) L.records.value_column = Column(rec["value_column"], "records.value_column");
    L.records.i3 = StrList(rec["i3"], "records.i3", false);
    if (L.records.i3.size() != 6) Fail(rec["i3"], "records.i3 は 6 項目（i〜vi）で書いてください");
    L.records.iii4 = StrList(rec["iii4"], "records.iii4", false);
    L.records.iii5 = StrList(rec["iii5"], "records.iii5", false);
    L.records.iii12i = StrList(rec["iii12i"], "records.iii12i", false);
    L.records.iii11 = Pairs(rec["iii11"], "records.iii11");
    if (rec["counts"]) L.records.counts = Pairs(rec["counts"], "records.counts");
    for (const auto& [key, code] : L.records.iii11)
      if (key.size() != 2 || key[0] < '1' || key[0] > '4' || key[1] < 'a' || key[1] > 'z')
        Fail(rec["iii11"], "records.iii11 のキー「" + key + "」は 1a〜4m の形で書いてください");
    // Every code in the records sheet must be unique.
    std::set<std::string> seen;
    auto unique = [&](const std::string& c) {
      if (!seen.insert(NormalizeKey(c)).second) Fail(rec, "records のコード「" + c + "」が重複しています");
    };
    for (const auto* list : {&L.records.i3, &L.records.iii4, &L.records.iii5, &L.records.iii12i})
      for (const auto& c : *list) unique(c);
    for (const auto& p : L.records.iii11) unique(p.second);
    for (const auto& p : L.records.counts) unique(p.second);
  }

 private:
  std::string label_;
};

}  // namespace

int ColumnIndex(const std::string& text) {
  if (text.empty()) return 0;
  if (text[0] >= '0' && text[0] <= '9') {
    auto r = Rational::FromDecimal(text);
    if (!r || !r->is_integer() || *r < Rational(1) || *r > Rational(16384)) return 0;
    return static_cast<int>(r->num());
  }
  long c = 0;
  for (char ch : text) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return 0;
    c = c * 26 + (ch - 'A' + 1);
    if (c > 16384) return 0;
  }
  return static_cast<int>(c);
}

WorkbookLayout LoadLayout(const std::string& yaml_text, const std::string& label) {
  try {
    return Loader(label).Load(yaml_text);
  } catch (const YAML::Exception& e) {  // a conversion inside yaml-cpp
    throw InputError("layout.invalid", label + ":" + std::to_string(e.mark.line + 1),
                     "レイアウトを読めません（" + e.msg + "）");
  }
}

WorkbookLayout DefaultLayout() {
  auto path = DataDir() / "config" / "workbook_layout.yaml";
  return LoadLayout(ReadFile(path), path.string());
}

}  // namespace fidelity
