// Consistency hints (config/consistency.yaml): where the reviewers' score or
// flag contradicts a fact the workbook already holds (II-1 with no CM, II-4
// with a single ES or no SV, II-2's no_cm flag, the mental-disorder share
// reported twice). A hint never changes a score: it is a coordinator-only
// warning naming the item, the cells and the rule.
//
// The rules are data; this file holds the mechanisms (the facts named in
// `when`). Parsing is from a string; ConsistencyHints is a pure function.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/core/rational.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"
#include "pipeline/scoring/scores.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

struct ConsistencyRule {
  std::string id;
  std::string item;  // "II-1"
  // Facts (all must hold). Role keys are the instrument's (es, cm, sv, as).
  std::vector<std::string> no_role, has_role;
  std::optional<std::pair<std::string, int>> role_count_at_most;
  std::optional<Rational> es_life_pct_at_least, es_life_pct_below;
  std::optional<int> score_at_most;   // the final score must not exceed this
  std::string flag;                   // or: this flag in a reviewer/consensus file…
  bool flag_expected = false;         // …must have this value
  std::string rule;                   // the rule in Japanese, quoted in the hint
};

struct ConsistencyRules {
  std::vector<ConsistencyRule> rules;
  std::optional<Rational> mental_tolerance_points;  // nullopt: no mental-share check
  std::string mental_rule;
};

// Parses config/consistency.yaml. Throws InputError ("config.consistency",
// where "file:line") for an unknown key, item, role or a wrong type.
ConsistencyRules LoadConsistencyRules(const std::string& yaml_text, const std::string& file_label,
                                      const Instrument& ins);

// DataDir()/config/consistency.yaml.
std::filesystem::path DefaultConsistencyPath();

// The hints for one agency: code "consistency.<rule id>" (or
// "consistency.mental_share"), severity warning, coordinator_only.
Problems ConsistencyHints(const ConsistencyRules& rules, const Survey& survey, const AgencyScores& scores,
                          const std::vector<ReviewerFile>& reviewers, const ReviewerFile* consensus,
                          const Instrument& ins);

}  // namespace fidelity
