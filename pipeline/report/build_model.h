// AgencyScores (+ the instrument's words) -> the report model.
#pragma once
#include <string>

#include "pipeline/instrument/instrument.h"
#include "pipeline/report/report_model.h"
#include "pipeline/scoring/scores.h"

namespace fidelity::report {

// Fills the model: agency block from `info` and `cycle`, items with the
// instrument's names (short_name when given), subtotals or their ranges,
// GOI rows, the strengths (the reviewers' list, then items scored 4–5) and
// challenges (the reviewers' list, then items scored ≤ 3 with the anchor of
// score + 1 as the next step), the changes since last cycle, and every
// problem of the agency.
ReportModel BuildReportModel(const AgencyScores& scores, const AgencyInfo& info,
                             const Instrument& instrument, const std::string& cycle);

}  // namespace fidelity::report
