#include "pipeline/scoring/checklist.h"

#include <algorithm>

namespace fidelity {
namespace {

int Tick(const std::map<std::string, int>& ticks, const std::string& key) {
  auto it = ticks.find(key);
  return it == ticks.end() ? 0 : it->second;
}

}  // namespace

std::optional<int> ScoreChecklist(const Item& item, const std::map<std::string, int>& ticks,
                                  const std::map<std::string, bool>& flags) {
  for (const auto& f : item.flags) {
    auto it = flags.find(f.key);
    if (it != flags.end() && it->second) return f.score;
  }
  for (const auto& [key, score] : item.decisive)
    if (Tick(ticks, key) > 0) return score;
  if (!item.levels.empty()) {
    int best = item.base_score;
    for (const auto& lv : item.levels) {
      bool all = std::all_of(lv.all.begin(), lv.all.end(), [&](const std::string& k) { return Tick(ticks, k) > 0; });
      bool any = lv.any.empty() ||
                 std::any_of(lv.any.begin(), lv.any.end(), [&](const std::string& k) { return Tick(ticks, k) > 0; });
      if (all && any) best = std::max(best, lv.score);
    }
    return best;
  }
  int count = 0;
  if (item.counted.empty()) {
    for (const auto& c : item.checks) count += std::max(0, Tick(ticks, c.key));
  } else {
    for (const auto& k : item.counted) count += std::max(0, Tick(ticks, k));
  }
  return item.scores_by_count.Lookup(count);
}

std::string TickedKeys(const Item& item, const std::map<std::string, int>& ticks,
                       const std::map<std::string, bool>& flags) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : ", ") + s; };
  for (const auto& c : item.checks) {
    int n = Tick(ticks, c.key);
    if (n <= 0) continue;
    add(c.reasons && n > 1 ? c.key + "×" + std::to_string(n) : c.key);
  }
  for (const auto& f : item.flags) {
    auto it = flags.find(f.key);
    if (it != flags.end() && it->second) add(f.key);
  }
  return out;
}

}  // namespace fidelity
