// report.pdf for one agency: the report model laid out with the template.
#pragma once
#include <string>

#include "pipeline/core/problem.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/report_model.h"
#include "pipeline/report/report_template.h"

namespace fidelity::report {

// Returns the PDF bytes (deterministic: the same model, template and font
// give the same bytes). Characters the font cannot show are drawn as 〓 and,
// when `problems` is given, reported there as warnings
// ("report.missing_glyph"). Throws std::runtime_error when libharu or qpdf
// fails. Thread-safe: one call per thread may share `fonts` and `tmpl`.
std::string RenderReportPdf(const ReportModel& model, const ReportTemplate& tmpl,
                            const pdf::FontCache& fonts, Problems* problems = nullptr);

}  // namespace fidelity::report
