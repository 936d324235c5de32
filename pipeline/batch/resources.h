// What every agency of a run shares, loaded once from config/, templates/
// and fonts/ (read-only while the workers run).
#pragma once
#include <memory>

#include "pipeline/instrument/instrument.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/report_template.h"
#include "pipeline/survey/layout.h"

namespace fidelity {

struct CycleResources {
  WorkbookLayout layout;
  Instrument instrument;
  report::ReportTemplate report_template;
  std::unique_ptr<pdf::FontCache> fonts;
};

}  // namespace fidelity
