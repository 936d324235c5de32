// The coordinator's sheet per agency (review_notes.txt, issue 17 §4): the
// reviewers' agreement, the items where they differed by 2 or more, the
// overrides of computed scores, the consensus decisions, each item's
// scores, and every data problem with its place (file:line, sheet!cell).
// None of this is in the agency's report.pdf. Wording from the template's
// review_notes map.
#pragma once
#include <string>

#include "pipeline/report/report_model.h"
#include "pipeline/report/report_template.h"

namespace fidelity::report {

// UTF-8 text, one fact per line.
std::string ReviewNotesText(const ReportModel& model, const ReportTemplate& tmpl);

}  // namespace fidelity::report
