// summary.pdf: the region at a glance for the coordinator (SPEC §5.3,
// issue 12), drawn from the cohort model with templates/summary.yaml. It
// computes nothing: every figure comes from the CohortModel.
//   1. overview, the band distribution now and per cycle, the region's
//      trend (total median and quartiles per cycle, band limits drawn)
//   2. each agency's total on a labelled 0–125 axis, last cycle's as a marker
//   3. per item: median, quartiles, range, agencies per score; the region's
//      weakest items
//   4. the agencies that failed or are provisional, with why
#pragma once
#include <string>

#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/cohort.h"
#include "pipeline/report/summary_template.h"

namespace fidelity::report {

// Throws std::runtime_error on a PDF library failure.
std::string RenderSummaryPdf(const CohortModel& cohort, const SummaryTemplate& t, const pdf::FontCache& fonts);

}  // namespace fidelity::report
