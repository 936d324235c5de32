// action_plan.xlsx for one agency (issue 17 §5): one row per item scored
// ≤ 3, the priorities (重点課題) first; columns 項目・現在の得点・目標とする
// 得点・次の段階の基準・取り組み（改善のヒントを初期値に）・担当者・期限・
// 確認の方法; drop-downs for the target score and the way of checking, a
// date check on 期限; A4 landscape, frozen header. Wording from the
// template's action_plan map. Same model and template, same bytes.
#pragma once
#include <string>

#include "pipeline/report/report_model.h"
#include "pipeline/report/report_template.h"

namespace fidelity::report {

// The rows of the plan, priorities first (then the other items ≤ 3 in
// score-sheet order).
std::vector<const ListEntry*> PlanRows(const ReportModel& model);

// Returns the .xlsx bytes, made in memory (no temporary file). Throws
// InputError (template.action_plan) when the template's sheet name cannot
// name an Excel sheet.
std::string ActionPlanXlsx(const ReportModel& model, const ReportTemplate& tmpl);

}  // namespace fidelity::report
