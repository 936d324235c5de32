// Checklist items (SPEC §3.4): ticks -> score, by the rule the instrument
// config gives (flags, a decisive key, ordered levels, or a count table).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "pipeline/instrument/instrument.h"

namespace fidelity {

// `ticks`: key -> count (0/1 for a box, the number of reasons for a list);
// absent keys are 0. `flags`: no_cm, rarely_meets_employers… Order of the
// rules: a set flag, then a ticked decisive key, then levels (III-14), then
// the count of the counted keys through scores_by_count.
std::optional<int> ScoreChecklist(const Item& item, const std::map<std::string, int>& ticks,
                                  const std::map<std::string, bool>& flags);

// The ticked keys in checklist order, "i, iii" (a list of reasons shows its
// length: "b×2"); a set flag is named too. "" when nothing is ticked.
std::string TickedKeys(const Item& item, const std::map<std::string, int>& ticks,
                       const std::map<std::string, bool>& flags);

}  // namespace fidelity
