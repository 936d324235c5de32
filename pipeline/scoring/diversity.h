// III-8 職場開拓の多様性 / III-9 雇用主の多様性 (SPEC §3.1): how many
// different job types and employers 調査票2 lists.
//
// The manual has the reviewers enter 「職種の数（重複ケースを除く）」 and
// 「企業の数（重複ケースを除く）」 themselves. The automatic count here is
// the default and a suggestion: it merges only what is safely the same
// (NFKC, ASCII case, spaces, brackets, and for employers the corporate forms
// of the instrument: 株式会社A = A(株) = ㈱A), and lists near-duplicates
// (清掃 / 清掃員 / ビル清掃) for the reviewers as coordinator-only problems.
// A reviewer's or the consensus file's `count` then decides the score
// (scoring/score_agency.cc).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/instrument/instrument.h"
#include "pipeline/scoring/computed_items.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

// The comparison key of a job type (corporate_forms empty) or an employer:
// NFKC, ASCII upper case, corporate forms removed (longest first), then
// brackets and every space removed. "" when nothing is left.
std::string DiversityKey(const std::string& text, const std::vector<std::string>& corporate_forms);

struct DiversityCount {
  int rows = 0;      // rows in 調査票2 (the cut at 15 applied)
  int counted = 0;   // rows in the ratio (III-9: self-employed rows left out)
  int distinct = 0;  // distinct non-empty keys among the counted rows
  // Groups of distinct keys where one is contained in another (清掃 ⊂ ビル清掃):
  // each group's rows, first row first.
  std::vector<std::vector<const JobRow*>> near_duplicates;
};

// Counts 調査票2 for III-8 (employers = false) or III-9 (employers = true).
DiversityCount CountDiversity(const Survey& survey, const Instrument& ins, bool employers);

// The item's score from `distinct` (the automatic count, or the reviewers'
// when given) over the counted rows; the rules of SPEC §3.1 (fewer than
// min_rows rows → 1; all self-employed → 1 with a problem).
Computed ScoreDiversity(const Item& item, const Survey& survey, const Instrument& ins, bool employers,
                        std::optional<int> reviewer_count);

}  // namespace fidelity
