// From a raw workbook to the Survey model, with every check of SPEC §4 that
// the workbook alone allows.
#pragma once
#include <string>

#include "pipeline/survey/layout.h"
#include "pipeline/survey/survey.h"
#include "pipeline/xlsx/workbook.h"

namespace fidelity {

// Reads the pre-survey workbook laid out as `layout` says. Never throws for
// content: every problem (missing sheet, unreadable cell, failed cross
// check) is in Survey::problems with its code, severity, "sheet!C12" place
// and a Japanese message, and reading goes on with what can be read.
// HasError(survey.problems) tells whether the agency can be scored.
// `file_label` names the workbook in messages (e.g. "hamamatsu-01/事前調査票.xlsx").
//
// Problem codes (severity): survey.sheet_missing (E), survey.label_missing (W),
// survey.record_date_missing (E), survey.table_missing (E),
// survey.header_missing (E), survey.not_a_number (E), survey.not_binary (E),
// survey.not_a_date (E), survey.formula_no_value (E),
// survey.fullwidth_digits (W), survey.date_form (W), survey.date_unformatted (W),
// survey.count_missing (E), survey.count_invalid (E), and the layout's bound
// codes (survey.count_exceeds E, survey.employed_sum_exceeds W),
// survey.rate_over_100 (E), survey.jobs_exceed_employed (E),
// survey.jobs_over_max (W), survey.employment_type_unknown (W),
// survey.role_unknown (E), survey.out_of_range (E), survey.es_value_blank (W),
// survey.user_id_missing (E), survey.user_id_duplicate (E), survey.flag_blank (W),
// survey.date_missing (E), survey.date_order (E), survey.date_after_record (E),
// survey.status_unknown (W), survey.status_mismatch (W), survey.left_without_job_date (W),
// survey.no_users (E),
// survey.record_incomplete (W), survey.record_code_duplicate (W),
// survey.number_too_large (E: exact arithmetic overflowed on an absurd value).
Survey ReadSurvey(const Workbook& workbook, const WorkbookLayout& layout, const std::string& file_label);

}  // namespace fidelity
