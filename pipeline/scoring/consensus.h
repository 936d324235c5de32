// Reviewers and consensus (SPEC §3.7): one final value per item from the
// consensus file and the reviewer files; agreement between reviewers.
#pragma once
#include <optional>
#include <vector>

#include "pipeline/core/rational.h"
#include "pipeline/scoring/scores.h"

namespace fidelity {

template <typename T>
struct Resolution {
  std::optional<T> value;
  int from = -1;              // index into the reviewers' values; -2: the consensus file; -1: none
  bool disagreement = false;  // several reviewers gave different values and no consensus did
};

// The consensus file's value if it has one; else the only value given; else
// the common value when all agree; else unresolved (disagreement = true).
template <typename T>
Resolution<T> Resolve(const std::optional<T>& consensus, const std::vector<std::optional<T>>& reviewers) {
  Resolution<T> r;
  if (consensus) {
    r.value = consensus;
    r.from = -2;
    return r;
  }
  for (size_t k = 0; k < reviewers.size(); ++k) {
    if (!reviewers[k]) continue;
    if (!r.value) {
      r.value = reviewers[k];
      r.from = static_cast<int>(k);
    } else if (*r.value != *reviewers[k]) {
      r.value.reset();
      r.from = -1;
      r.disagreement = true;
      return r;
    }
  }
  return r;
}

// Over the items two or more reviewer files scored (each inner vector: the
// scores one item got): exact = share with all equal, within_one = share
// with max − min ≤ 1; both null when no such item.
Agreement ComputeAgreement(const std::vector<std::vector<int>>& scores_per_item);

// true when max − min ≥ 2.
bool ReviewersDiffer(const std::vector<int>& scores);

}  // namespace fidelity
