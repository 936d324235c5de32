// From a pre-survey workbook file to the Survey, in one call (issue 10):
// the file is checked (a regular file, not an Excel lock file "~$…"),
// read under a size limit, decrypted when it is password-protected,
// unzipped and read into cells, then into the survey.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "pipeline/survey/layout.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

// The largest workbook file read (a filled pre-survey workbook is well under 1 MB).
inline constexpr size_t kMaxWorkbookFileBytes = 64u << 20;

// Never throws: a file that cannot be read gives a survey whose problems
// hold the error (its `where` the file's name, or the sheet/cell).
Survey ReadSurveyWorkbook(const std::filesystem::path& path, const std::optional<std::string>& password,
                          const WorkbookLayout& layout);

// "~$事前調査票.xlsx": the small lock file Excel keeps beside an open workbook.
bool IsExcelLockFile(const std::filesystem::path& path);

}  // namespace fidelity
