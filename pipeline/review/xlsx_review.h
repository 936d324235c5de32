// Reads a reviewer's (or the consensus) Excel score sheet — the one
// `fidelity blank --reviewer` writes (review/sheet_layout.h) — into the same
// ReviewerFile as the YAML reader (review.h), with the same validation:
// every problem is an error (InputError) with the same code as its YAML
// twin, and `where` names the file, sheet and cell:
// "山田.xlsx 評価シート!C12".
//   review.no_sheet       the 評価シート sheet (or its header row) is missing
//   review.unknown_item   a code in column A that the sheet does not have
//   review.unknown_check  a check row of an item without that check
//   review.duplicate_key  the same code on two rows
//   review.bad_score      a score not a whole number within the range
//   review.bad_count      a III-8/III-9 count not a whole number 0–999
//   review.wrong_type     a check not 1/0, a GOI not はい/いいえ/未判定,
//                         an error value (#N/A…) in an input cell
// Rows are found by their code in column A, so a sheet saved by Excel,
// LibreOffice or openpyxl reads the same; numbers may be stored as numbers
// or text, full-width digits are accepted (NFKC).
#pragma once
#include <string>

#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"
#include "pipeline/review/sheet_layout.h"
#include "pipeline/xlsx/workbook.h"

namespace fidelity {

inline constexpr size_t kMaxReviewerSheetBytes = 8u << 20;  // 8 MiB

// From a workbook already read. `file_label` names the file in messages and
// gives the default reviewer name (its stem). Throws InputError.
ReviewerFile ParseReviewerSheet(const Workbook& wb, const std::string& file_label, const Instrument& instrument,
                                const ReviewerSheetLayout& layout);

// From the bytes of an .xlsx (xlsx.* errors for a file that is no workbook).
ReviewerFile ReadReviewerSheet(const std::string& bytes, const std::string& file_label,
                               const Instrument& instrument, const ReviewerSheetLayout& layout);

}  // namespace fidelity
