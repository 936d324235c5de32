// Items computed from the data (SPEC §3.1 workbook, §3.2 計算シート2), the
// ticks the data decides (II-7 iii, III-12 i) and the GOI items from the
// workbook (§3.5). Pure functions of the survey model and the instrument:
// no file is read here, and every division by zero is a problem, never a
// silent number.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "pipeline/core/problem.h"
#include "pipeline/core/rational.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

struct Computed {
  std::optional<int> score;
  std::optional<Rational> value;  // the quantity the bands are applied to (or a count)
  Problems problems;
  // The data cannot decide (I-3 with fewer than 4 services or a blank
  // block; any 計算シート2 item when the sheet is absent): the reviewers'
  // score decides instead.
  bool needs_reviewers = false;
};

// REQUIRES: item.source is kWorkbook or kRecords.
Computed ScoreComputedItem(const Item& item, const Survey& survey, const Instrument& ins);

// The ticks of a checklist item the data decides (key -> 0/1), winning
// over the reviewers' ticks. III-12 i only when 計算シート2 is present.
std::map<std::string, int> ComputedTicks(const Item& item, const Survey& survey, const Instrument& ins);

// A GOI item from the workbook. REQUIRES: goi.computed.
bool ScoreComputedGoi(const GoiItem& goi, const Survey& survey, const Instrument& ins);

// Building blocks, exposed for tests.
bool HasRole(const StaffRow& row, const std::string& role_code);  // NFKC, trim, case-insensitive
Rational EsFte(const Survey& survey, const Instrument& ins);        // Σ D/35 × E% × F% over ES
// Share (in %) of user rows with C = 1 (mental) or D = 1 (severe); nullopt with no user row.
std::optional<Rational> MentalShare(const Survey& survey);
std::optional<Rational> SevereShare(const Survey& survey);

}  // namespace fidelity
