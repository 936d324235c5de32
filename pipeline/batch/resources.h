// What every agency of a run shares, loaded once from config/, templates/
// and fonts/ (read-only while the workers run).
#pragma once
#include <memory>

#include "pipeline/instrument/instrument.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/recommendations.h"
#include "pipeline/report/report_template.h"
#include "pipeline/report/summary_template.h"
#include "pipeline/scoring/consistency.h"
#include "pipeline/survey/layout.h"

namespace fidelity {

struct CycleResources {
  WorkbookLayout layout;
  Instrument instrument;
  ConsistencyRules consistency;  // config/consistency.yaml: coordinator-only hints
  report::ReportTemplate report_template;
  report::Recommendations recommendations;
  report::SummaryTemplate summary_template;  // summary.pdf/.csv/.xlsx and the region threshold
  std::unique_ptr<pdf::FontCache> fonts;
};

}  // namespace fidelity
