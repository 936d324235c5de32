#include "pipeline/report/next_step.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace fidelity::report {
namespace {

bool BuildsOnBelow(const std::string& a) {
  for (const char* w : {"さらに", "それら", "同様"})
    if (a.find(w) != std::string::npos) return true;
  return false;
}

// "i, b×2, no_cm" -> {i:1, b:2, no_cm:1}
std::vector<std::pair<std::string, int>> Tokens(const std::string& ticks) {
  std::vector<std::pair<std::string, int>> out;
  std::stringstream ss(ticks);
  std::string t;
  while (std::getline(ss, t, ',')) {
    t.erase(0, t.find_first_not_of(' '));
    t.erase(t.find_last_not_of(' ') + 1);
    if (t.empty()) continue;
    int n = 1;
    size_t x = t.find("×");
    if (x != std::string::npos) {
      n = std::atoi(t.c_str() + x + std::string("×").size());
      t = t.substr(0, x);
    }
    out.push_back({t, n});
  }
  return out;
}

bool LowersScore(const Item& item) {
  return !item.scores_by_count.empty() &&
         item.scores_by_count.scores.begin()->second > item.scores_by_count.scores.rbegin()->second;
}

std::string JoinLabels(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "／") + s;
  return out;
}

}  // namespace

// 「同じく75〜89%」: the subject of the lowest anchor (its text up to the
// first digit) with the rest of this one.
std::string SameAs(const Item& item, const std::string& anchor) {
  const std::string same = "同じく";
  if (anchor.rfind(same, 0) != 0 || item.anchors.empty()) return {};
  const std::string& root = item.anchors.begin()->second;
  size_t digit = root.find_first_of("0123456789");
  if (digit == std::string::npos || digit == 0) return {};
  return root.substr(0, digit) + anchor.substr(same.size());
}

std::string FullAnchor(const Item& item, int target) {
  auto a = item.anchors.find(target);
  if (a == item.anchors.end()) return {};
  if (std::string same = SameAs(item, a->second); !same.empty()) return same;
  if (target > 1 && BuildsOnBelow(a->second)) {
    std::string below = FullAnchor(item, target - 1);
    if (!below.empty()) return below + "。" + a->second;
  }
  return a->second;
}

std::string TicksInWords(const Item& item, const std::string& ticks, const Recommendations& rec) {
  std::vector<std::string> words;
  for (const auto& [key, n] : Tokens(ticks)) {
    std::string w;
    if (const CheckDef* c = item.FindCheck(key)) w = c->label;
    else if (auto f = rec.flags.find(key); f != rec.flags.end()) w = f->second.label;
    else if (const FlagDef* f = item.FindFlag(key)) w = f->label;
    else continue;  // an unknown key is never shown
    if (n > 1) w += "（" + std::to_string(n) + "件）";
    words.push_back(w);
  }
  return JoinLabels(words);
}

std::string NextStep(const Item& item, const ItemScore& s, const Recommendations& rec) {
  if (!s.score || *s.score >= 5) return {};
  const int target = *s.score + 1;
  bool from_checks = s.source == ScoreSource::kChecklist && !item.checks.empty();
  std::set<std::string> ticked;
  for (const auto& [key, n] : Tokens(s.value_text)) {
    ticked.insert(key);
    if (auto f = rec.flags.find(key); f != rec.flags.end() && item.FindFlag(key)) return f->second.step;
  }
  if (from_checks && LowersScore(item)) {
    std::vector<std::string> drop;
    for (const CheckDef& c : item.checks)
      if (ticked.count(c.key)) drop.push_back(c.label);
    if (!drop.empty()) return rec.remove_checks_lead + ": " + JoinLabels(drop);
  }
  if (from_checks && !item.levels.empty()) {  // ordered levels (III-14): the target level's checks
    for (const Level& lv : item.levels) {
      if (lv.score != target) continue;
      std::vector<std::string> unmet;
      for (const std::string& k : lv.all)
        if (!ticked.count(k))
          if (const CheckDef* c = item.FindCheck(k)) unmet.push_back(c->label);
      bool any_met = lv.any.empty() ||
                     std::any_of(lv.any.begin(), lv.any.end(), [&](const std::string& k) { return ticked.count(k) > 0; });
      if (!any_met) {
        std::vector<std::string> any;
        for (const std::string& k : lv.any)
          if (const CheckDef* c = item.FindCheck(k)) any.push_back(c->label);
        unmet.push_back(JoinLabels(any));
      }
      if (!unmet.empty()) return rec.unmet_checks_lead + ": " + JoinLabels(unmet);
    }
  }
  if (from_checks && item.levels.empty()) {
    std::vector<std::string> unmet;
    const std::vector<std::string>& counted = item.counted;
    for (const CheckDef& c : item.checks) {
      bool counts = counted.empty() || std::find(counted.begin(), counted.end(), c.key) != counted.end();
      if (counts && !ticked.count(c.key)) unmet.push_back(c.label);
    }
    if (!unmet.empty()) return rec.unmet_checks_lead + ": " + JoinLabels(unmet);
  }
  return FullAnchor(item, target);
}

std::string ValueInWords(const Item& item, const Rational& v) {
  std::set<std::string> edges;
  for (const Band& b : item.bands.bands) {
    if (b.lo) edges.insert(b.lo->ToString(6));
    if (b.hi) edges.insert(b.hi->ToString(6));
  }
  std::string shown = v.ToString(1);
  for (int digits = 1; digits <= 4; ++digits) {
    shown = v.ToString(digits);
    std::optional<Rational> r = Rational::FromDecimal(shown);
    bool misleading = r && !(*r == v) && edges.count(r->ToString(6));
    if (!misleading) break;
  }
  return shown + item.unit;
}

}  // namespace fidelity::report
