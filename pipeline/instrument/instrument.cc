#include "pipeline/instrument/instrument.h"

#include <algorithm>
#include <set>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/instrument/yaml_util.h"

namespace fidelity {

const char* ItemSourceName(ItemSource s) {
  switch (s) {
    case ItemSource::kWorkbook: return "workbook";
    case ItemSource::kRecords: return "records";
    case ItemSource::kChecklist: return "checklist";
    case ItemSource::kReviewers: return "reviewers";
  }
  return "reviewers";
}

int BandTable::Lookup(const Rational& v) const {
  // Whether a value exactly on edge e belongs to the band below e.
  auto to_lower = [&](const Rational& e) {
    bool flip = std::find(edges_in_lower_band.begin(), edges_in_lower_band.end(), e) != edges_in_lower_band.end();
    return left_open != flip;
  };
  for (const Band& b : bands) {
    bool above_lo = !b.lo || v > *b.lo || (v == *b.lo && !to_lower(*b.lo));
    bool below_hi = !b.hi || v < *b.hi || (v == *b.hi && to_lower(*b.hi));
    if (above_lo && below_hi) return b.score;
  }
  // Outside every band: the nearer end.
  if (bands.front().lo && v <= *bands.front().lo) return bands.front().score;
  return bands.back().score;
}

std::optional<int> CountTable::Lookup(int count) const {
  if (scores.empty() || count < scores.begin()->first) return std::nullopt;
  auto it = scores.upper_bound(count);
  --it;
  if (it->first != count && count < scores.rbegin()->first) return std::nullopt;  // a gap
  return it->second;
}

const CheckDef* Item::FindCheck(const std::string& key) const {
  for (const auto& c : checks)
    if (c.key == key) return &c;
  return nullptr;
}
const FlagDef* Item::FindFlag(const std::string& key) const {
  for (const auto& f : flags)
    if (f.key == key) return &f;
  return nullptr;
}

const Item* Instrument::FindItem(const std::string& code) const {
  for (const auto& i : items)
    if (i.code == code) return &i;
  return nullptr;
}
const GoiItem* Instrument::FindGoi(const std::string& code) const {
  for (const auto& g : goi)
    if (g.code == code) return &g;
  return nullptr;
}
const Subscale* Instrument::FindSubscale(const std::string& key) const {
  for (const auto& s : subscales)
    if (s.key == key) return &s;
  return nullptr;
}
const TotalBand* Instrument::BandFor(int total) const {
  for (const auto& b : bands)
    if (total >= b.min && total <= b.max) return &b;
  return nullptr;
}
const InstitutionalLimit* Instrument::LimitsFor(const std::string& agency_type) const {
  for (const auto& l : limits)
    if (l.agency_type == agency_type) return &l;
  return nullptr;
}
std::string Instrument::Role(const std::string& key) const {
  auto it = roles.find(key);
  return it == roles.end() ? "" : it->second;
}

namespace {

// Field access with errors that name file:line.
class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void Fail(const YAML::Node& at, const std::string& msg) const {
    throw InputError("config.instrument", YamlWhere(file_, YamlLine(at)), msg);
  }
  [[noreturn]] void Fail(int line, const std::string& msg) const {
    throw InputError("config.instrument", YamlWhere(file_, line), msg);
  }

  YAML::Node Need(const YAML::Node& map, const std::string& key) const {
    YAML::Node n = map[key];
    if (!n || n.IsNull()) Fail(map, "'" + key + "' がありません");
    return n;
  }
  std::string Str(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) Fail(n, what + " は文字列で指定してください");
    return n.Scalar();
  }
  std::string NeedStr(const YAML::Node& map, const std::string& key) const {
    return Str(Need(map, key), "'" + key + "'");
  }
  std::string OptStr(const YAML::Node& map, const std::string& key) const {
    YAML::Node n = map[key];
    if (!n || n.IsNull()) return "";
    return Str(n, "'" + key + "'");
  }
  Rational Num(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) Fail(n, what + " は数値で指定してください");
    auto r = Rational::FromDecimal(n.Scalar());
    if (!r) Fail(n, what + " は数値で指定してください（'" + n.Scalar() + "'）");
    return *r;
  }
  int Int(const YAML::Node& n, const std::string& what) const {
    Rational r = Num(n, what);
    if (!r.is_integer()) Fail(n, what + " は整数で指定してください");
    return static_cast<int>(r.num());
  }
  std::optional<Rational> NumOrNull(const YAML::Node& n, const std::string& what) const {
    if (n.IsNull() || (n.IsScalar() && n.Scalar() == "~")) return std::nullopt;
    return Num(n, what);
  }
  YAML::Node Seq(const YAML::Node& n, const std::string& what) const {
    if (!n.IsSequence()) Fail(n, what + " はリストで指定してください");
    return n;
  }
  YAML::Node Map(const YAML::Node& n, const std::string& what) const {
    if (!n.IsMap()) Fail(n, what + " はマップで指定してください");
    return n;
  }
  std::vector<std::string> StrList(const YAML::Node& n, const std::string& what) const {
    std::vector<std::string> out;
    if (!n || n.IsNull()) return out;
    for (const auto& e : Seq(n, what)) out.push_back(Str(e, what + " の要素"));
    return out;
  }
  // Only these keys may appear in the mapping.
  void Keys(const YAML::Node& map, std::initializer_list<const char*> allowed) const {
    for (auto it = map.begin(); it != map.end(); ++it) {
      std::string k = it->first.Scalar();
      bool ok = false;
      for (const char* a : allowed) ok = ok || k == a;
      if (!ok) Fail(it->first, "不明なキー '" + k + "'");
    }
  }

 private:
  const std::string& file_;
};

int ScoreKey(const Reader& r, const YAML::Node& key, int lo, int hi, const std::string& what) {
  int s = r.Int(key, what);
  if (s < lo || s > hi)
    r.Fail(key, what + " の得点 " + std::to_string(s) + " が範囲外です");
  return s;
}

BandTable ReadBands(const Reader& r, const YAML::Node& item, const Instrument& ins,
                    const std::string& code) {
  BandTable t;
  std::string interval = r.NeedStr(item, "interval");
  if (interval == "[a,b)") t.left_open = false;
  else if (interval == "(a,b]") t.left_open = true;
  else r.Fail(item["interval"], code + ": interval は \"[a,b)\" か \"(a,b]\" です");
  YAML::Node bands = r.Map(r.Need(item, "bands"), code + " の bands");
  std::set<int> seen;
  for (auto it = bands.begin(); it != bands.end(); ++it) {
    Band b;
    b.score = ScoreKey(r, it->first, ins.score_min, ins.score_max, code + " の bands");
    if (!seen.insert(b.score).second) r.Fail(it->first, code + ": 得点が重複しています");
    YAML::Node range = r.Seq(it->second, code + " の bands の区間");
    if (range.size() != 2) r.Fail(it->second, code + ": 区間は [a, b] の2つの値です");
    b.lo = r.NumOrNull(range[0], code + " の区間");
    b.hi = r.NumOrNull(range[1], code + " の区間");
    if (b.lo && b.hi && !(*b.lo < *b.hi)) r.Fail(it->second, code + ": 区間の下限が上限以上です");
    t.bands.push_back(b);
  }
  if (t.bands.empty()) r.Fail(bands, code + ": bands が空です");
  std::sort(t.bands.begin(), t.bands.end(), [](const Band& a, const Band& b) {
    if (!a.lo) return b.lo.has_value();
    if (!b.lo) return false;
    return *a.lo < *b.lo;
  });
  for (size_t k = 0; k + 1 < t.bands.size(); ++k) {
    const Band& a = t.bands[k];
    const Band& b = t.bands[k + 1];
    if (!a.hi || !b.lo || !(*a.hi == *b.lo))
      r.Fail(bands, code + ": bands の区間がつながっていません（得点" + std::to_string(a.score) +
                        "と" + std::to_string(b.score) + "）");
  }
  if (item["edges_in_lower_band"]) {
    for (const auto& e : r.Seq(item["edges_in_lower_band"], code + " の edges_in_lower_band")) {
      Rational v = r.Num(e, code + " の edges_in_lower_band");
      bool inner = false;
      for (size_t k = 0; k + 1 < t.bands.size(); ++k) inner = inner || *t.bands[k].hi == v;
      if (!inner) r.Fail(e, code + ": edges_in_lower_band の " + v.ToString() + " は bands の境目ではありません");
      t.edges_in_lower_band.push_back(v);
    }
  }
  return t;
}

CountTable ReadCountTable(const Reader& r, const YAML::Node& n, const Instrument& ins,
                          const std::string& code) {
  CountTable t;
  r.Map(n, code + " の scores_by_count");
  for (auto it = n.begin(); it != n.end(); ++it) {
    int count = r.Int(it->first, code + " の scores_by_count");
    if (count < 0) r.Fail(it->first, code + ": 数は0以上です");
    int score = r.Int(it->second, code + " の scores_by_count");
    if (score < ins.score_min || score > ins.score_max)
      r.Fail(it->second, code + ": 得点 " + std::to_string(score) + " が範囲外です");
    t.scores[count] = score;
  }
  if (t.scores.empty()) r.Fail(n, code + ": scores_by_count が空です");
  int expect = t.scores.begin()->first;
  for (const auto& [c, s] : t.scores) {
    if (c != expect) r.Fail(n, code + ": scores_by_count の数が連続していません");
    ++expect;
  }
  return t;
}

std::vector<CheckDef> ReadChecks(const Reader& r, const YAML::Node& n, const std::string& what) {
  std::vector<CheckDef> out;
  std::set<std::string> keys;
  for (const auto& c : r.Seq(n, what)) {
    r.Map(c, what + " の要素");
    r.Keys(c, {"key", "label", "reasons"});
    CheckDef d;
    d.key = r.NeedStr(c, "key");
    d.label = r.NeedStr(c, "label");
    if (c["reasons"]) {
      d.reasons = true;
      d.reason_options = r.StrList(c["reasons"], what + " の reasons");
    }
    if (!keys.insert(d.key).second) r.Fail(c, what + ": キー '" + d.key + "' が重複しています");
    out.push_back(std::move(d));
  }
  return out;
}

std::map<std::string, Rational> ReadParams(const Reader& r, const YAML::Node& n,
                                           const std::string& what) {
  std::map<std::string, Rational> out;
  if (!n || n.IsNull()) return out;
  r.Map(n, what);
  for (auto it = n.begin(); it != n.end(); ++it)
    out[it->first.Scalar()] = r.Num(it->second, what + " の " + it->first.Scalar());
  return out;
}

void RequireParams(const Reader& r, const YAML::Node& at, const std::map<std::string, Rational>& p,
                   std::initializer_list<const char*> names, const std::string& code) {
  for (const char* n : names)
    if (!p.count(n)) r.Fail(at, code + ": params に '" + std::string(n) + "' がありません");
}

// The mechanisms the scoring code knows, per source.
const std::set<std::string> kWorkbookQuantities = {
    "caseload", "es_mental_share", "job_type_diversity", "employer_diversity",
    "competitive_share", "community_share"};
const std::set<std::string> kRecordQuantities = {
    "es_services", "months_to_contact", "individualized_share", "support_boxes"};

// Sets it.source from the item's "source" key.
void ReadItemSource(const Reader& r, const YAML::Node& n, Item& it) {
  std::string source = r.NeedStr(n, "source");
  if (source == "workbook") it.source = ItemSource::kWorkbook;
  else if (source == "records") it.source = ItemSource::kRecords;
  else if (source == "checklist") it.source = ItemSource::kChecklist;
  else if (source == "reviewers") it.source = ItemSource::kReviewers;
  else r.Fail(n["source"], it.code + ": source は workbook / records / checklist / reviewers のいずれかです");
}

// Reads the anchors map; every score in the instrument's range needs one.
void ReadItemAnchors(const Reader& r, const YAML::Node& n, const Instrument& ins, Item& it) {
  const std::string& code = it.code;
  YAML::Node anchors = r.Map(r.Need(n, "anchors"), code + " の anchors");
  for (auto a = anchors.begin(); a != anchors.end(); ++a) {
    int s = ScoreKey(r, a->first, ins.score_min, ins.score_max, code + " の anchors");
    it.anchors[s] = r.Str(a->second, code + " の anchors");
  }
  if (static_cast<int>(it.anchors.size()) != ins.score_max - ins.score_min + 1)
    r.Fail(anchors, code + ": anchors はすべての得点に必要です");
}

// Fails at `at` unless `key` is one of the item's checks.
void RequireKnownCheck(const Reader& r, const Item& it, const YAML::Node& at, const std::string& key) {
  if (!it.FindCheck(key)) r.Fail(at, it.code + ": checks にないキー '" + key + "'");
}

std::vector<FlagDef> ReadFlags(const Reader& r, const YAML::Node& n, const std::string& code) {
  std::vector<FlagDef> out;
  for (const auto& f : r.Seq(n, code + " の flags")) {
    r.Keys(r.Map(f, code + " の flags の要素"), {"key", "label", "score"});
    FlagDef d{r.NeedStr(f, "key"), r.NeedStr(f, "label"), r.Int(r.Need(f, "score"), "score")};
    out.push_back(d);
  }
  return out;
}

void ReadDecisive(const Reader& r, const YAML::Node& n, Item& it) {
  YAML::Node d = r.Map(n, it.code + " の decisive");
  for (auto k = d.begin(); k != d.end(); ++k) {
    RequireKnownCheck(r, it, k->first, k->first.Scalar());
    it.decisive[k->first.Scalar()] = r.Int(k->second, it.code + " の decisive");
  }
}

void ReadLevels(const Reader& r, const YAML::Node& n, Item& it) {
  const std::string& code = it.code;
  for (const auto& l : r.Seq(n, code + " の levels")) {
    r.Keys(r.Map(l, code + " の levels の要素"), {"score", "all", "any"});
    Level lv;
    lv.score = r.Int(r.Need(l, "score"), code + " の levels の score");
    lv.all = r.StrList(l["all"], code + " の levels の all");
    lv.any = r.StrList(l["any"], code + " の levels の any");
    for (const auto& k : lv.all) RequireKnownCheck(r, it, l, k);
    for (const auto& k : lv.any) RequireKnownCheck(r, it, l, k);
    it.levels.push_back(std::move(lv));
  }
}

void ReadComputedChecks(const Reader& r, const YAML::Node& n, Item& it) {
  const std::string& code = it.code;
  for (const auto& c : r.Seq(n, code + " の computed_checks")) {
    r.Keys(r.Map(c, code + " の computed_checks の要素"), {"key", "quantity", "at_least"});
    ComputedCheck cc;
    cc.key = r.NeedStr(c, "key");
    RequireKnownCheck(r, it, c, cc.key);
    cc.quantity = r.NeedStr(c, "quantity");
    if (cc.quantity == "severe_share") {
      cc.at_least = r.Num(r.Need(c, "at_least"), code + " の at_least");
    } else if (cc.quantity != "first_month_contact") {
      r.Fail(c, code + ": 不明な quantity '" + cc.quantity + "'");
    }
    it.computed_checks.push_back(cc);
  }
}

std::vector<BoxDef> ReadBoxes(const Reader& r, const YAML::Node& n, const std::string& code) {
  std::vector<BoxDef> out;
  for (const auto& b : r.Seq(n, code + " の boxes")) {
    r.Keys(r.Map(b, code + " の boxes の要素"), {"key", "label", "at_least", "small"});
    BoxDef box;
    box.key = r.NeedStr(b, "key");
    box.label = r.NeedStr(b, "label");
    box.at_least = r.Int(r.Need(b, "at_least"), code + " の at_least");
    box.small = ReadChecks(r, r.Need(b, "small"), code + " の small");
    if (box.at_least < 1 || box.at_least > static_cast<int>(box.small.size()))
      r.Fail(b, code + ": at_least が小項目の数と合いません");
    out.push_back(std::move(box));
  }
  return out;
}

// Reads the optional scoring parts: checks, counts, flags, levels, boxes and so on.
void ReadItemScoringParts(const Reader& r, const YAML::Node& n, const Instrument& ins, Item& it) {
  const std::string& code = it.code;
  it.unit = r.OptStr(n, "unit");
  it.reviewer_count = r.OptStr(n, "reviewer_count");
  it.params = ReadParams(r, n["params"], code + " の params");
  if (n["checks"]) it.checks = ReadChecks(r, n["checks"], code + " の checks");
  if (n["counted"]) {
    it.counted = r.StrList(n["counted"], code + " の counted");
    for (const auto& k : it.counted) RequireKnownCheck(r, it, n["counted"], k);
  }
  if (n["scores_by_count"]) it.scores_by_count = ReadCountTable(r, n["scores_by_count"], ins, code);
  if (n["flags"]) it.flags = ReadFlags(r, n["flags"], code);
  if (n["decisive"]) ReadDecisive(r, n["decisive"], it);
  if (n["base_score"]) it.base_score = r.Int(n["base_score"], code + " の base_score");
  if (n["levels"]) ReadLevels(r, n["levels"], it);
  if (n["computed_checks"]) ReadComputedChecks(r, n["computed_checks"], it);
  if (n["interview_scores"]) {
    for (const auto& s : r.Seq(n["interview_scores"], code + " の interview_scores"))
      it.interview_scores.push_back(ScoreKey(r, s, ins.score_min, ins.score_max, code));
  }
  if (n["boxes"]) it.boxes = ReadBoxes(r, n["boxes"], code);
}

// Workbook and records items: the quantity and what it needs.
void ReadMeasuredQuantity(const Reader& r, const YAML::Node& n, const Instrument& ins, Item& it) {
  const std::string& code = it.code;
  it.quantity = r.NeedStr(n, "quantity");
  bool wb = it.source == ItemSource::kWorkbook;
  if (!(wb ? kWorkbookQuantities : kRecordQuantities).count(it.quantity))
    r.Fail(n["quantity"], code + ": 不明な quantity '" + it.quantity + "'");
  if (it.quantity == "es_services") {
    if (it.checks.empty() || it.scores_by_count.empty() || it.interview_scores.empty())
      r.Fail(n, code + ": es_services には checks, scores_by_count, interview_scores が必要です");
  } else if (it.quantity == "support_boxes") {
    if (it.boxes.empty() || it.scores_by_count.empty())
      r.Fail(n, code + ": support_boxes には boxes と scores_by_count が必要です");
  } else {
    it.bands = ReadBands(r, n, ins, code);
  }
  if (it.quantity == "job_type_diversity" || it.quantity == "employer_diversity")
    RequireParams(r, n, it.params, {"min_rows"}, code);
  if (it.quantity == "competitive_share") RequireParams(r, n, it.params, {"min_workers"}, code);
  if (it.quantity == "months_to_contact") {
    RequireParams(r, n, it.params, {"days_per_month"}, code);
    if (it.params["days_per_month"] <= Rational(0)) r.Fail(n, code + ": days_per_month は正の数です");
  }
}

// What each source needs, and where reviewer_count may appear.
void CheckItemSourceNeeds(const Reader& r, const YAML::Node& n, const Instrument& ins, Item& it) {
  const std::string& code = it.code;
  switch (it.source) {
    case ItemSource::kWorkbook:
    case ItemSource::kRecords:
      ReadMeasuredQuantity(r, n, ins, it);
      break;
    case ItemSource::kChecklist:
      if (it.checks.empty()) r.Fail(n, code + ": checklist には checks が必要です");
      if (it.levels.empty() && it.scores_by_count.empty())
        r.Fail(n, code + ": checklist には scores_by_count か levels が必要です");
      break;
    case ItemSource::kReviewers:
      break;
  }
  if (!it.reviewer_count.empty() && it.quantity != "job_type_diversity" &&
      it.quantity != "employer_diversity")
    r.Fail(n["reviewer_count"], code + ": reviewer_count は職種・企業の多様性の項目だけに書けます");
}

Item ReadItem(const Reader& r, const YAML::Node& n, const Instrument& ins) {
  r.Map(n, "items の要素");
  r.Keys(n, {"code", "name", "short", "subscale", "source", "quantity", "unit", "interval", "bands",
             "params", "interview_scores", "checks", "counted", "scores_by_count", "flags",
             "decisive", "levels", "base_score", "computed_checks", "boxes", "anchors",
             "reviewer_count", "edges_in_lower_band"});
  Item it;
  it.line = YamlLine(n);
  it.code = r.NeedStr(n, "code");
  it.name = r.NeedStr(n, "name");
  it.short_name = r.OptStr(n, "short");
  if (it.short_name.empty()) it.short_name = it.name;
  it.subscale = r.NeedStr(n, "subscale");
  ReadItemSource(r, n, it);
  ReadItemAnchors(r, n, ins, it);
  ReadItemScoringParts(r, n, ins, it);
  CheckItemSourceNeeds(r, n, ins, it);
  return it;
}

GoiItem ReadGoi(const Reader& r, const YAML::Node& n, const Instrument& ins) {
  r.Keys(r.Map(n, "goi の要素"), {"code", "name", "source", "quantity", "role", "column", "params",
                                        "criterion"});
  GoiItem g;
  g.code = r.NeedStr(n, "code");
  g.name = r.NeedStr(n, "name");
  g.criterion = r.OptStr(n, "criterion");
  std::string source = r.NeedStr(n, "source");
  if (source == "workbook") g.computed = true;
  else if (source != "reviewers") r.Fail(n["source"], g.code + ": source は workbook か reviewers です");
  if (!g.computed) return g;
  g.quantity = r.NeedStr(n, "quantity");
  g.params = ReadParams(r, n["params"], g.code + " の params");
  if (g.quantity == "mental_share") {
    RequireParams(r, n, g.params, {"at_least"}, g.code);
  } else if (g.quantity == "dedicated_staff") {
    g.role = r.NeedStr(n, "role");
    g.column = r.NeedStr(n, "column");
    if (g.column != "employment" && g.column != "life")
      r.Fail(n["column"], g.code + ": column は employment か life です");
    RequireParams(r, n, g.params, {"hours_at_least", "pct_at_least", "count_at_least"}, g.code);
  } else if (g.quantity == "role_fte") {
    g.role = r.NeedStr(n, "role");
    RequireParams(r, n, g.params, {"fte_at_least"}, g.code);
  } else {
    r.Fail(n["quantity"], g.code + ": 不明な quantity '" + g.quantity + "'");
  }
  if (!g.role.empty() && ins.Role(g.role).empty())
    r.Fail(n["role"], g.code + ": roles にない役割 '" + g.role + "'");
  return g;
}

}  // namespace

Instrument LoadInstrument(const std::string& yaml_text, const std::string& file_label) {
  YAML::Node root = ParseYamlStrict(yaml_text, file_label, "config");
  Reader r(file_label);
  if (!root.IsMap()) r.Fail(root, "設定ファイルの最上位はマップでなければなりません");
  r.Keys(root, {"instrument", "title", "score_range", "fte_hours", "roles", "self_employed", "corporate_forms",
                "subscales", "total_bands", "items", "goi", "institutional_limits"});
  Instrument ins;
  ins.name = r.NeedStr(root, "instrument");
  ins.title = r.NeedStr(root, "title");
  YAML::Node range = r.Seq(r.Need(root, "score_range"), "score_range");
  if (range.size() != 2) r.Fail(range, "score_range は [最小, 最大] です");
  ins.score_min = r.Int(range[0], "score_range");
  ins.score_max = r.Int(range[1], "score_range");
  if (ins.score_min >= ins.score_max) r.Fail(range, "score_range の最小が最大以上です");
  ins.fte_hours = r.Num(r.Need(root, "fte_hours"), "fte_hours");
  if (ins.fte_hours <= Rational(0)) r.Fail(root["fte_hours"], "fte_hours は正の数です");
  YAML::Node roles = r.Map(r.Need(root, "roles"), "roles");
  for (auto it = roles.begin(); it != roles.end(); ++it)
    ins.roles[it->first.Scalar()] = r.Str(it->second, "roles");
  for (const char* k : {"es", "cm", "as"})
    if (!ins.roles.count(k)) r.Fail(roles, std::string("roles に '") + k + "' がありません");
  ins.self_employed = r.StrList(root["self_employed"], "self_employed");
  ins.corporate_forms = r.StrList(root["corporate_forms"], "corporate_forms");

  std::set<std::string> codes;
  for (const auto& n : r.Seq(r.Need(root, "items"), "items")) {
    Item it = ReadItem(r, n, ins);
    if (!codes.insert(it.code).second) r.Fail(n, "項目コード '" + it.code + "' が重複しています");
    ins.items.push_back(std::move(it));
  }

  std::set<std::string> in_subscale;
  for (const auto& n : r.Seq(r.Need(root, "subscales"), "subscales")) {
    r.Keys(r.Map(n, "subscales の要素"), {"key", "name", "items", "range"});
    Subscale s;
    s.key = r.NeedStr(n, "key");
    s.name = r.NeedStr(n, "name");
    s.items = r.StrList(r.Need(n, "items"), s.key + " の items");
    for (const auto& code : s.items) {
      const Item* it = ins.FindItem(code);
      if (!it) r.Fail(n, s.key + ": 不明な項目 '" + code + "'");
      if (it->subscale != s.key) r.Fail(n, s.key + ": 項目 " + code + " の subscale が違います");
      if (!in_subscale.insert(code).second) r.Fail(n, "項目 " + code + " が2つの下位尺度にあります");
    }
    YAML::Node sr = r.Seq(r.Need(n, "range"), s.key + " の range");
    if (sr.size() != 2) r.Fail(sr, s.key + ": range は [最小, 最大] です");
    s.min = r.Int(sr[0], "range");
    s.max = r.Int(sr[1], "range");
    int k = static_cast<int>(s.items.size());
    if (s.min != k * ins.score_min || s.max != k * ins.score_max)
      r.Fail(sr, s.key + ": range が項目数と合いません（" + std::to_string(k * ins.score_min) + "〜" +
                     std::to_string(k * ins.score_max) + "）");
    ins.subscales.push_back(std::move(s));
  }
  for (const auto& it : ins.items)
    if (!in_subscale.count(it.code)) r.Fail(it.line, "項目 " + it.code + " がどの下位尺度にもありません");

  int total_min = static_cast<int>(ins.items.size()) * ins.score_min;
  int total_max = static_cast<int>(ins.items.size()) * ins.score_max;
  YAML::Node tb = r.Seq(r.Need(root, "total_bands"), "total_bands");
  for (const auto& n : tb) {
    r.Keys(r.Map(n, "total_bands の要素"), {"key", "label", "min", "max"});
    TotalBand b{r.NeedStr(n, "key"), r.NeedStr(n, "label"), r.Int(r.Need(n, "min"), "min"),
                r.Int(r.Need(n, "max"), "max")};
    if (b.min > b.max) r.Fail(n, b.key + ": min が max より大きい");
    ins.bands.push_back(b);
  }
  std::sort(ins.bands.begin(), ins.bands.end(),
            [](const TotalBand& a, const TotalBand& b) { return a.min > b.min; });
  if (ins.bands.empty() || ins.bands.front().max != total_max || ins.bands.back().min != total_min)
    r.Fail(tb, "total_bands は合計点 " + std::to_string(total_min) + "〜" + std::to_string(total_max) +
                   " を覆わなければなりません");
  for (size_t k = 0; k + 1 < ins.bands.size(); ++k)
    if (ins.bands[k + 1].max + 1 != ins.bands[k].min)
      r.Fail(tb, "total_bands の区間がつながっていません（" + ins.bands[k].key + "）");

  std::set<std::string> goi_codes;
  for (const auto& n : r.Seq(r.Need(root, "goi"), "goi")) {
    GoiItem g = ReadGoi(r, n, ins);
    if (!goi_codes.insert(g.code).second) r.Fail(n, "GOIコード '" + g.code + "' が重複しています");
    ins.goi.push_back(std::move(g));
  }

  if (root["institutional_limits"]) {
    for (const auto& n : r.Seq(root["institutional_limits"], "institutional_limits")) {
      r.Keys(r.Map(n, "institutional_limits の要素"), {"agency_type", "items", "note"});
      InstitutionalLimit l{r.NeedStr(n, "agency_type"), r.StrList(r.Need(n, "items"), "items"),
                           r.NeedStr(n, "note")};
      for (const auto& code : l.items)
        if (!ins.FindItem(code)) r.Fail(n, "institutional_limits: 不明な項目 '" + code + "'");
      ins.limits.push_back(std::move(l));
    }
  }
  return ins;
}

Instrument LoadInstrumentFile(const std::filesystem::path& path) {
  return LoadInstrument(ReadFile(path, 4u << 20), path.filename().string());
}

std::filesystem::path DefaultInstrumentPath() { return DataDir() / "config" / "jips25.yaml"; }

}  // namespace fidelity
