#include "pipeline/scoring/consistency.h"

#include <set>

#include "pipeline/core/fs.h"
#include "pipeline/instrument/yaml_util.h"
#include "pipeline/scoring/computed_items.h"

namespace fidelity {
namespace {

const Rational kHundred(100);

// ---- loading ----

class RuleReader {
 public:
  RuleReader(const std::string& file, const Instrument& ins) : file_(file), ins_(ins) {}

  [[noreturn]] void Fail(const YAML::Node& at, const std::string& msg) const {
    throw InputError("config.consistency", YamlWhere(file_, at ? YamlLine(at) : 0), msg);
  }
  std::string Str(const YAML::Node& n, const std::string& what) const {
    if (!n || !n.IsScalar()) Fail(n, what + " は文字列で書いてください");
    return n.Scalar();
  }
  Rational Num(const YAML::Node& n, const std::string& what) const {
    auto v = n && n.IsScalar() ? Rational::FromDecimal(n.Scalar()) : std::nullopt;
    if (!v) Fail(n, what + " は数値で書いてください");
    return *v;
  }
  std::string Role(const YAML::Node& n) const {
    std::string key = Str(n, "役割");
    if (ins_.Role(key).empty()) Fail(n, "不明な役割 '" + key + "'（es, cm, sv, as）");
    return key;
  }

  void When(const YAML::Node& w, ConsistencyRule& r) const {
    if (!w.IsMap()) Fail(w, r.id + ": when は {no_role: cm, …} のマップで書いてください");
    for (auto it = w.begin(); it != w.end(); ++it) {
      const std::string key = it->first.Scalar();
      const YAML::Node v = it->second;
      if (key == "no_role") r.no_role.push_back(Role(v));
      else if (key == "has_role") r.has_role.push_back(Role(v));
      else if (key == "es_life_pct_at_least") r.es_life_pct_at_least = Num(v, key);
      else if (key == "es_life_pct_below") r.es_life_pct_below = Num(v, key);
      else if (key == "role_count_at_most" && v.IsMap())
        r.role_count_at_most = {Role(v["role"]), static_cast<int>(Num(v["count"], "count").num())};
      else Fail(it->first, r.id + ": when に不明なキー '" + key + "'");
    }
  }

  ConsistencyRule Rule(const YAML::Node& n) const {
    if (!n.IsMap()) Fail(n, "rules の要素はマップで書いてください");
    ConsistencyRule r;
    r.id = Str(n["id"], "id");
    r.item = Str(n["item"], r.id + " の item");
    if (!ins_.FindItem(r.item)) Fail(n["item"], r.id + ": 不明な項目 '" + r.item + "'");
    r.rule = Str(n["rule"], r.id + " の rule");
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string key = it->first.Scalar();
      const YAML::Node v = it->second;
      if (key == "when") When(v, r);
      else if (key == "score_at_most") r.score_at_most = static_cast<int>(Num(v, key).num());
      else if (key == "flag") r.flag = Str(v, key);
      else if (key == "flag_expected") r.flag_expected = Str(v, key) == "true";
      else if (key != "id" && key != "item" && key != "rule") Fail(it->first, r.id + ": 不明なキー '" + key + "'");
    }
    if (!r.score_at_most == r.flag.empty()) Fail(n, r.id + ": score_at_most か flag のどちらか1つを書いてください");
    if (!r.flag.empty() && !ins_.FindItem(r.item)->FindFlag(r.flag))
      Fail(n["flag"], r.id + ": " + r.item + " にないフラグ '" + r.flag + "'");
    return r;
  }

 private:
  const std::string& file_;
  const Instrument& ins_;
};

// ---- facts ----

int RoleRows(const Survey& s, const Instrument& ins, const std::string& key) {
  int n = 0;
  for (const auto& row : s.staff) n += HasRole(row, ins.Role(key));
  return n;
}

bool EsDoublesAsCm(const Survey& s, const Instrument& ins, const Rational& at_least) {
  for (const auto& row : s.staff)
    if (HasRole(row, ins.Role("es")) && row.life_pct >= at_least) return true;
  return false;
}

bool Holds(const ConsistencyRule& r, const Survey& s, const Instrument& ins) {
  for (const auto& k : r.no_role)
    if (RoleRows(s, ins, k) > 0) return false;
  for (const auto& k : r.has_role)
    if (RoleRows(s, ins, k) == 0) return false;
  if (r.role_count_at_most && RoleRows(s, ins, r.role_count_at_most->first) > r.role_count_at_most->second)
    return false;
  if (r.es_life_pct_at_least && !EsDoublesAsCm(s, ins, *r.es_life_pct_at_least)) return false;
  if (r.es_life_pct_below && EsDoublesAsCm(s, ins, *r.es_life_pct_below)) return false;
  return true;
}

// What the workbook shows, in words, with its cells.
std::string Facts(const ConsistencyRule& r, const Survey& s, const Instrument& ins) {
  const std::string sheet = s.sheet_names.count("staff") ? s.sheet_names.at("staff") : "調査票3";
  std::string out = sheet + " の役割: ";
  for (const char* k : {"es", "cm", "sv"})
    out += ins.Role(k) + " " + std::to_string(RoleRows(s, ins, k)) + "人" + (std::string(k) == "sv" ? "" : "、");
  if (r.es_life_pct_at_least || r.es_life_pct_below) {
    std::string rows;
    const Rational& t = r.es_life_pct_at_least ? *r.es_life_pct_at_least : *r.es_life_pct_below;
    for (const auto& row : s.staff)
      if (HasRole(row, ins.Role("es")) && row.life_pct >= t) rows += (rows.empty() ? "" : "・") + std::to_string(row.row);
    out += rows.empty() ? "。生活支援業務の割合（G）が" + t.ToString() + "%以上のESはいません"
                        : "。生活支援業務の割合（G）が" + t.ToString() + "%以上のES: " + rows + "行目";
  }
  return out;
}

Problem Hint(const std::string& code, const std::string& where, const std::string& message) {
  Problem p = Warning(code, where, message);
  p.coordinator_only = true;
  return p;
}

// Files whose flag differs from the expected value: "山田.yaml:7".
std::vector<std::string> FlagFiles(const ConsistencyRule& r, const std::vector<ReviewerFile>& reviewers,
                                   const ReviewerFile* consensus) {
  std::vector<std::string> out;
  auto check = [&](const ReviewerFile& f) {
    const ReviewerItem* ri = f.Find(r.item);
    if (!ri) return;
    auto it = ri->flags.find(r.flag);
    if (it != ri->flags.end() && it->second != r.flag_expected) out.push_back(f.Where(ri->line));
  };
  for (const auto& f : reviewers) check(f);
  if (consensus) check(*consensus);
  return out;
}

std::optional<Problem> MentalShareHint(const ConsistencyRules& rules, const Survey& s) {
  if (!rules.mental_tolerance_points) return std::nullopt;
  auto a1 = s.counts.find("A-1"), a2 = s.counts.find("A-2");
  if (a1 == s.counts.end() || a2 == s.counts.end() || !a1->second.has() || !a2->second.has()) return std::nullopt;
  if (a1->second.value->is_zero()) return std::nullopt;
  auto users = MentalShare(s);
  if (!users) return std::nullopt;
  Rational rates = *a2->second.value * kHundred / *a1->second.value;
  Rational diff = rates > *users ? rates - *users : *users - rates;
  if (diff <= *rules.mental_tolerance_points) return std::nullopt;
  const std::string sheet4 = s.sheet_names.count("users") ? s.sheet_names.at("users") : "調査票4";
  return Hint("consistency.mental_share", a2->second.where,
              "精神障害のある人の割合: " + a2->second.where + " ÷ " + a1->second.where + " は " + rates.ToString(1) +
                  "%、" + sheet4 + " の「精神障害」が1の行は " + users->ToString(1) + "% で、" +
                  rules.mental_tolerance_points->ToString() + "ポイントを超えて違います。ルール: " + rules.mental_rule);
}

}  // namespace

ConsistencyRules LoadConsistencyRules(const std::string& text, const std::string& label, const Instrument& ins) {
  YAML::Node root = ParseYamlStrict(text, label, "config");
  RuleReader rd(label, ins);
  if (!root.IsMap()) rd.Fail(root, "設定ファイルの最上位はマップでなければなりません");
  ConsistencyRules out;
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string key = it->first.Scalar();
    const YAML::Node v = it->second;
    if (key == "rules") {
      if (!v.IsSequence()) rd.Fail(v, "rules はリストで書いてください");
      for (const auto& n : v) out.rules.push_back(rd.Rule(n));
    } else if (key == "mental_share") {
      out.mental_tolerance_points = rd.Num(v["tolerance_points"], "tolerance_points");
      out.mental_rule = rd.Str(v["rule"], "mental_share の rule");
    } else {
      rd.Fail(it->first, "不明なキー '" + key + "'（rules, mental_share）");
    }
  }
  return out;
}

std::filesystem::path DefaultConsistencyPath() { return DataDir() / "config" / "consistency.yaml"; }

Problems ConsistencyHints(const ConsistencyRules& rules, const Survey& s, const AgencyScores& scores,
                          const std::vector<ReviewerFile>& reviewers, const ReviewerFile* consensus,
                          const Instrument& ins) {
  Problems out;
  for (const auto& r : rules.rules) {
    if (!Holds(r, s, ins)) continue;
    const std::string where_cells = s.sheet_names.count("staff") ? s.sheet_names.at("staff") : s.file;
    if (r.score_at_most) {
      const ItemScore* is = scores.Find(r.item);
      if (!is || !is->score || *is->score <= *r.score_at_most) continue;
      out.push_back(Hint("consistency." + r.id, where_cells,
                         r.item + ": 評価者の得点は " + std::to_string(*is->score) + " ですが、" + Facts(r, s, ins) +
                             "。ルール: " + r.rule));
    } else {
      for (const auto& at : FlagFiles(r, reviewers, consensus))
        out.push_back(Hint("consistency." + r.id, at,
                           r.item + ": " + r.flag + " が " + (r.flag_expected ? "false" : "true") + " ですが、" +
                               Facts(r, s, ins) + "。ルール: " + r.rule));
    }
  }
  if (auto p = MentalShareHint(rules, s)) out.push_back(*p);
  return out;
}

}  // namespace fidelity
