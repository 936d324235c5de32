#include "pipeline/scoring/consensus.h"

#include <algorithm>

namespace fidelity {

Agreement ComputeAgreement(const std::vector<std::vector<int>>& scores_per_item) {
  Agreement a;
  int exact = 0, within = 0;
  for (const auto& s : scores_per_item) {
    if (s.size() < 2) continue;
    auto [lo, hi] = std::minmax_element(s.begin(), s.end());
    ++a.items;
    exact += *hi == *lo;
    within += *hi - *lo <= 1;
  }
  if (a.items > 0) {
    a.exact = Rational::Fraction(exact, a.items);
    a.within_one = Rational::Fraction(within, a.items);
  }
  return a;
}

bool ReviewersDiffer(const std::vector<int>& s) {
  if (s.size() < 2) return false;
  auto [lo, hi] = std::minmax_element(s.begin(), s.end());
  return *hi - *lo >= 2;
}

}  // namespace fidelity
