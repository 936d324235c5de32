// The words of an item's improvement step, from the instrument and the
// recommendation library: the next level's criterion written out in full,
// the checklist criteria not yet met, a step for a score a flag forced, and
// the computed value rounded so that it never reads as another band.
#pragma once
#include <string>

#include "pipeline/instrument/instrument.h"
#include "pipeline/report/recommendations.h"
#include "pipeline/scoring/scores.h"

namespace fidelity::report {

// The criterion of `target` on `item` in words that stand alone: an anchor
// that builds on the one below (「さらに…」「それらを…」) is preceded by it.
std::string FullAnchor(const Item& item, int target);

// The next step for an item scored `s.score` (< 5): for a flag that forced
// the score, the library's step for the flag; for a checklist whose ticks
// lower the score (II-6), the ticked practices to drop, by label; for
// other checklists, the criteria not yet met, by label; else FullAnchor.
std::string NextStep(const Item& item, const ItemScore& s, const Recommendations& rec);

// A checklist's ticks ("i, b×2, no_cm") in words (labels, "（2件）").
std::string TicksInWords(const Item& item, const std::string& ticks, const Recommendations& rec);

// The computed value as shown: one decimal, or more when one decimal
// would land on a band edge the exact value is not on (20.04 → 20.04,
// never 20.0 beside a 4 of a "≤ 20 → 5" table); then the unit.
std::string ValueInWords(const Item& item, const Rational& v);

}  // namespace fidelity::report
