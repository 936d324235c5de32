// Earlier cycles: the `previous:` chain (issue 12) read as any other input.
//
// cycle.yaml's `previous:` names last cycle's output folder; that folder's
// run.json names its own `previous` (relative to itself), and so on back.
// ReadPreviousChain follows the chain for up to `max_cycles` cycles. It
// never loops (a folder seen twice ends the chain with a warning) and never
// throws: a missing or unreadable link ends the chain there with a warning,
// and the cycles already read are kept.
//
// Every scores.json of an earlier cycle is validated like any input (issue
// 15): item scores 1–5, subtotals and total within their ranges, known band
// keys, valid UTF-8 without control characters, integers written as
// integers. A file that fails is not used; the warning names the file and
// the field ("2025/hamamatsu-01/scores.json の items.I-1.score") and goes
// to that agency's problems (problems_of).
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/report/history.h"
#include "pipeline/scoring/scores.h"

namespace fidelity {

inline constexpr int kMaxPreviousCycles = 10;

struct PreviousChain {
  std::vector<report::PastCycle> cycles;  // oldest first; the last one is last cycle
  Problems problems;                      // about the chain itself (links, run.json files)
  std::map<std::string, Problems> problems_of;  // agency id -> its refused scores.json files
};

// Reads `first` (last cycle's output folder) and the folders its run.json
// chain names. `first` itself missing or holding no run.json is an error
// problem (code previous.missing); later links give warnings.
// `self` (this run's output folder, when given) is never a link: a chain
// that comes back to it is cut there like any loop.
PreviousChain ReadPreviousChain(const std::filesystem::path& first, const Instrument& instrument,
                                int max_cycles = kMaxPreviousCycles, const std::filesystem::path& self = {});

// One earlier cycle's scores.json of one agency, validated. `label` names
// the file in messages. Throws InputError("previous.bad_scores", label, …)
// naming the field.
report::CyclePoint ParsePreviousScores(const std::string& text, const std::string& label,
                                       const Instrument& instrument);

// One run.json: the cycle's name, its own previous (as written) and the ids
// of its agencies with their status. Throws InputError("previous.bad_run", …).
struct RunIndex {
  std::string cycle;
  std::optional<std::string> previous;
  std::vector<std::pair<std::string, bool>> agencies;  // id, ok
};
RunIndex ParseRunIndex(const std::string& text, const std::string& label);

// The agency's path over the chain (oldest first; cycles it was not in are
// left out) and last cycle's scores for the year-over-year comparison.
report::History HistoryOf(const PreviousChain& chain, const std::string& id);
std::optional<PreviousScores> PreviousScoresOf(const PreviousChain& chain, const std::string& id,
                                               const Instrument& instrument);

}  // namespace fidelity
