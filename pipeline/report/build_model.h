// AgencyScores (+ the instrument's words, the recommendation library and
// the agency's own terms) -> the report model.
#pragma once
#include <map>
#include <string>

#include "pipeline/instrument/instrument.h"
#include "pipeline/report/history.h"
#include "pipeline/report/recommendations.h"
#include "pipeline/report/report_model.h"
#include "pipeline/scoring/scores.h"

namespace fidelity::report {

// Fills the model: agency block, items with the instrument's names,
// subtotals or their ranges, GOI rows; strengths (the reviewers' list, then
// items at 5 and items that rose since last cycle); challenges (the
// reviewers' list, then items scored ≤ 3 with the next step and a hint);
// the priorities (重点課題, rule from `rec`); the glossary; the changes since
// last cycle; the problems the agency can fix (cells of its workbook) for
// the report and every problem plus the reviewers' mechanics for the
// coordinator. `terms` maps ES/CM/SV to the agency's own words (cycle.yaml
// terms:); missing ones take the library's words. Every text the agency
// reads has ES/CM/SV replaced by those words.
ReportModel BuildReportModel(const AgencyScores& scores, const AgencyInfo& info,
                             const Instrument& instrument, const std::string& cycle,
                             const Recommendations& rec,
                             const std::map<std::string, std::string>& terms = {},
                             const History& history = {}, const RegionFigures& region = {});

}  // namespace fidelity::report
