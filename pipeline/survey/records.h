// 計算シート2 支援記録等: the reviewers' entries from the sampled case
// records (SPEC §2.2). Internal to survey/: ReadSurvey calls it.
#pragma once
#include "pipeline/survey/layout.h"
#include "pipeline/survey/survey.h"
#include "pipeline/xlsx/workbook.h"

namespace fidelity {

// Fills survey->records (and its problems). A missing sheet leaves
// records.present false (an error only when the layout requires "records").
// Block titles (cells starting with the layout's block prefix) are not
// data; rows are found by their code in the code column, wherever they are.
void ReadRecords(const Workbook& workbook, const WorkbookLayout& layout, Survey* survey);

}  // namespace fidelity
