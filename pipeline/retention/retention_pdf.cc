#include "pipeline/retention/retention_pdf.h"

namespace fidelity::retention {

std::string RenderRetentionPdf(const Checklist& checklist, const RetentionReport& report) {
  return "%PDF-stub\n";  // TODO: page
}

}  // namespace fidelity::retention
