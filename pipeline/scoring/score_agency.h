// The one entry point of scoring: survey + reviewer files + instrument ->
// AgencyScores. Pure: no file is read or written here.
#pragma once
#include <vector>

#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"
#include "pipeline/scoring/consistency.h"
#include "pipeline/scoring/scores.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

// Scores one agency (SPEC §3):
// - workbook and 計算シート2 items are computed (§3.1, §3.2); a reviewer's
//   `score` with a `note` overrides them (consensus file first, else the
//   reviewer files' overrides when they agree); a score without a note is
//   recorded and warned about but changes nothing;
// - checklist items are derived from each file's ticks (the workbook's
//   II-7 iii and 計算シート2's III-12 i replace the reviewers' ticks); an
//   explicit score beside checks wins, with a warning when they differ;
// - final values follow §3.7 (consensus, else the only one, else the common
//   one, else missing); GOI §3.5; subtotals, total, band or the provisional
//   ranges §3.6; agreement over the reviewer files (consensus excluded).
// `consensus` and `previous` may be null. Problems of the survey and of
// the files come first in the result's `problems`; an error among them
// (e.g. no user row) means the agency must not be reported as scored.
// With `hints` (config/consistency.yaml), the consistency hints of
// scoring/consistency.h are appended to the problems (coordinator-only).
AgencyScores ScoreAgency(const Survey& survey, const std::vector<ReviewerFile>& reviewers,
                         const ReviewerFile* consensus, const Instrument& instrument,
                         const PreviousScores* previous, const ConsistencyRules* hints = nullptr);

}  // namespace fidelity
