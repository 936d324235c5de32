// The reviewer's Excel score sheet (issue 14): one row per JIPS-25 item
// with its anchors 1–5 beside it and a score drop-down; checklist items'
// checks as 1/0 drop-downs with their criteria; a note column; GOI
// はい/いいえ/未判定; strengths and challenges; the reviewer's name. An
// instructions sheet first; the structure is protected and only the input
// cells are unlocked; printed A4 landscape, one page wide.
//
// Blank (`fidelity blank --reviewer`) or filled from a reviewer YAML file
// (`fidelity convert`); review/xlsx_review.h reads it back into the same
// ReviewerFile, so a converted file scores exactly as its YAML did.
#pragma once
#include <filesystem>

#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"
#include "pipeline/review/sheet_layout.h"

namespace fidelity {

// Writes the sheet to `path` (a temporary name in the same folder, then
// renamed). `data` == nullptr: a blank sheet. Throws std::runtime_error
// when the file cannot be written. Same inputs, same bytes.
void WriteReviewerSheet(const Instrument& instrument, const ReviewerSheetLayout& layout, const ReviewerFile* data,
                        const std::filesystem::path& path);

}  // namespace fidelity
