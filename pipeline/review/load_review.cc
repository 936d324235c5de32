#include "pipeline/review/load_review.h"

#include "pipeline/core/fs.h"
#include "pipeline/review/sheet_layout.h"
#include "pipeline/review/xlsx_review.h"

namespace fidelity {

bool IsReviewerSheetPath(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == ".xlsx" || ext == ".xlsm";
}

ReviewerFile LoadReviewFile(const std::filesystem::path& path, const Instrument& instrument) {
  std::string label = path.filename().string();
  if (IsReviewerSheetPath(path))
    return ReadReviewerSheet(ReadFile(path, kMaxReviewerSheetBytes), label, instrument, LoadReviewerSheetLayout());
  return ParseReviewerFile(ReadFile(path, kMaxReviewerFileBytes), label, instrument);
}

}  // namespace fidelity
