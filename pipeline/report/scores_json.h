// scores.json (SPEC §5.1): writing this cycle's scores and reading last
// cycle's for the year-over-year comparison.
#pragma once
#include <string>

#include "pipeline/core/json.h"
#include "pipeline/scoring/scores.h"

namespace fidelity {

// The exact shape of SPEC §5.1, keys in this order:
//   agency {id, name, type, survey_date, record_date}
//   items {code: {score, source, value, reviewers {name: score}, flag,
//                 overridden [, computed_score when overridden], notes [..]}}
//   subtotals {staffing, organization, services}   (null when incomplete)
//   subtotal_ranges {key: [lo, hi]}                 (only when provisional, only the null ones)
//   total, band                                     (null when provisional)
//   total_range [lo, hi]                            (only when provisional)
//   provisional, missing [codes], goi {G1: true|false|null}, goi_total,
//   agreement {exact, within_one} (fractions 0–1, 4 decimals, or null),
//   problems [{severity, code, where, message}], previous {total, band, items {code: score}} or null.
// Numbers: `value` is rounded half up to 2 decimals (exact decimal text,
// no binary floating point); dates are YYYY-MM-DD or null.
Json ScoresToJson(const AgencyScores& scores, const AgencyInfo& agency);

// Last cycle's scores.json -> PreviousScores (total, band, total_range,
// items[code].score). Accepts items written as {"score": n} or as plain
// numbers. Throws InputError("previous.bad_json", where, …) when the shape
// is not a scores.json.
PreviousScores PreviousFromJson(const Json& json, const std::string& where = "scores.json");

}  // namespace fidelity
