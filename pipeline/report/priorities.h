// 重点課題: the few items an agency works on first (issue 17 §2). The rule
// lives in config/recommendations.yaml (priorities:) and docs/report.md.
#pragma once
#include <string>
#include <vector>

#include "pipeline/report/recommendations.h"
#include "pipeline/report/report_model.h"

namespace fidelity::report {

// From the item challenges (in score-sheet order): those scored at most
// rule.max_score; items a reviewer's challenge names by code first (when
// rule.reviewers_first), then the lowest score, ties by score-sheet order;
// rule.count of them, more (up to rule.max) while the next ties with the last.
std::vector<ListEntry> ChoosePriorities(const std::vector<ListEntry>& item_challenges,
                                        const std::vector<std::string>& reviewer_challenges,
                                        const PriorityRule& rule);

// True when `text` names item `code` as a word ("II-1" in "II-1の会議", not
// in "III-1" or "II-10").
bool NamesItem(const std::string& text, const std::string& code);

}  // namespace fidelity::report
