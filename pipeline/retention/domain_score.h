// Domain scores of a check: the mean of the domain's rated items, rounded
// half up to the checklist's decimals, computed exactly in integers (no
// binary floating point: 4.25 -> 4.3, 2.25 -> 2.3).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/retention/check.h"
#include "pipeline/retention/checklist.h"

namespace fidelity::retention {

// A score as an integer count of 10^-decimals: 43 with decimals 1 = 4.3.
struct Scaled {
  long value = 0;
  int decimals = 0;
  auto operator<=>(const Scaled&) const = default;
};

struct DomainScore {
  std::string code;             // "I"
  int items = 0;                // items in the domain
  int rated = 0;                // of which rated
  long sum = 0;                 // sum of the ratings
  std::optional<Scaled> score;  // empty when nothing is rated
};

// sum / count rounded half up to `decimals` digits. REQUIRES: sum >= 0,
// count > 0, 0 <= decimals <= 6.
Scaled MeanHalfUp(long sum, long count, int decimals);

// "4.3", "4.0", "5" (decimals 0).
std::string FormatScaled(const Scaled& s);

// One score per domain of `checklist`, in its order.
std::vector<DomainScore> ScoreDomains(const Checklist& checklist, const Check& check);

// Indexes of the domains with the lowest non-empty score (all of them when
// tied); empty when every domain is empty.
std::vector<size_t> LowestDomains(const std::vector<DomainScore>& scores);

}  // namespace fidelity::retention
