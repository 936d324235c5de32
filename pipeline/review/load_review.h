// One entry for reviewer and consensus files, whatever their format:
// .xlsx / .xlsm -> the Excel score sheet (xlsx_review.h), anything else ->
// YAML (review.h). Both give the same ReviewerFile with the same checks.
#pragma once
#include <filesystem>

#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"

namespace fidelity {

// True for .xlsx / .xlsm (any case).
bool IsReviewerSheetPath(const std::filesystem::path& path);

// Reads and parses `path`; its file name labels every message. Throws
// InputError (io.*, xlsx.*, review.*).
ReviewerFile LoadReviewFile(const std::filesystem::path& path, const Instrument& instrument);

}  // namespace fidelity
