// The one-page A4 result of a check (PDF bytes): header, 6-axis radar
// chart (previous check as an outline), the 結果のまとめ table of domain
// scores, and the items of the lowest-scoring domains for the next
// conversation. Wording comes from the checklist's `page:` texts.
#pragma once
#include <string>

#include "pipeline/retention/checklist.h"
#include "pipeline/retention/retention_report.h"

namespace fidelity::retention {

// Deterministic: same inputs -> same bytes. Throws std::runtime_error when
// the PDF cannot be made (font missing, a character the font lacks).
std::string RenderRetentionPdf(const Checklist& checklist, const RetentionReport& report);

}  // namespace fidelity::retention
