// Writes the pre-survey workbook (SPEC §2.2) in the layout of
// config/workbook_layout.yaml, with libxlsxwriter: blank, as the form we
// send agencies (`fidelity blank`), or filled from a Survey (the sample
// cycle and the benchmark generator). What it writes, survey/ reads back.
#pragma once
#include <filesystem>
#include <string>

#include "pipeline/survey/layout.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

struct FormOptions {
  int blank_rows_jobs = 15;    // empty input rows in a blank form
  int blank_rows_staff = 20;
  int blank_rows_users = 200;
  bool instructions = true;    // the 記入方法 sheet first
};

// Writes `data` (nullptr: a blank form) to `path` (written to a temporary
// name, then renamed). Throws std::runtime_error when libxlsxwriter fails.
// The same inputs give the same bytes (document properties are fixed).
void WritePreSurveyWorkbook(const WorkbookLayout& layout, const Survey* data, const std::filesystem::path& path,
                            const FormOptions& options = {});

}  // namespace fidelity
