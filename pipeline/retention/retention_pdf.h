// The one-page A4 result of a check (PDF bytes): header, radar chart of
// the domains (the previous check as a dashed outline), the 結果のまとめ
// table of domain scores, and the items of the lowest-scoring domains for
// the next conversation. Wording comes from the checklist's `page:` texts;
// drawing goes through pdf::PdfDoc (font subset, deterministic bytes).
#pragma once
#include <string>
#include <vector>

#include "pipeline/pdf/font_cache.h"
#include "pipeline/retention/checklist.h"
#include "pipeline/retention/retention_report.h"

namespace fidelity::retention {

struct RenderedPage {
  std::string pdf;
  std::vector<char32_t> missing_glyphs;  // drawn as 〓; the caller warns
};

// Same inputs -> same bytes. Throws std::runtime_error when the PDF cannot
// be built.
RenderedPage RenderRetentionPdf(const Checklist& checklist, const RetentionReport& report,
                                const pdf::FontCache& fonts);

}  // namespace fidelity::retention
