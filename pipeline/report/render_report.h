// report.pdf for one agency: the report model laid out with the template.
#pragma once
#include <string>

#include "pipeline/core/problem.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/report_model.h"
#include "pipeline/report/report_template.h"

namespace fidelity::report {

struct RenderedReport {
  std::string pdf;    // the PDF bytes
  Problems problems;  // characters the font lacks ("report.missing_glyph", warnings)
};

// Lays the report out (deterministic: the same model, template and font
// give the same bytes). Characters the font cannot show are drawn as 〓 and
// returned as warnings. Throws std::runtime_error when the font cannot be
// subset. Thread-safe: one call per thread may share `fonts` and `tmpl`.
RenderedReport RenderReport(const ReportModel& model, const ReportTemplate& tmpl,
                            const pdf::FontCache& fonts);

// The PDF bytes alone.
std::string RenderReportPdf(const ReportModel& model, const ReportTemplate& tmpl,
                            const pdf::FontCache& fonts);

}  // namespace fidelity::report
