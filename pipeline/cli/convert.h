// `fidelity convert REVIEW.yaml [-o REVIEW.xlsx] [--force]` (issue 14):
// writes a YAML reviewer or consensus file as a filled Excel score sheet,
// for moving a cycle to Excel. The sheet is read back before the command
// returns and must give the same scoring model as the YAML (SameScoring);
// a converted file scores exactly as its YAML did.
//
// `fidelity blank --reviewer -o FILE.xlsx`: the blank score sheet.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "pipeline/review/review.h"

namespace fidelity {

// "" when a and b give the scorer the same inputs (reviewer name, per item
// score, note, tick counts, flags, count, whether checks were given; GOI;
// strengths; challenges); else a Japanese description of the first
// difference. Reason texts may come back in another order (only their
// number counts for the score).
std::string ScoringDifference(const ReviewerFile& a, const ReviewerFile& b);

// 0 written; 1 the input has errors or the output exists (without force);
// 2 bad usage. `out` defaults to the input with the extension .xlsx.
int CmdConvert(const std::filesystem::path& in, const std::optional<std::filesystem::path>& out, bool force);
int CmdBlankReviewer(const std::filesystem::path& out, bool force);

}  // namespace fidelity
