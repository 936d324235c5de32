// summary.xlsx (issue 12): what a coordinator would otherwise build by hand
// from summary.csv, written with libxlsxwriter.
//   機関        the agencies, the same cells as summary.csv, as an Excel table
//               with filters (numbers as numbers, 変化 shown with its sign)
//   項目        per item over the scored agencies: count, median, Q1, Q3,
//               min, max, mean, agencies at each score; colour scales
//   地域の推移  the region per cycle: counts, bands, total median and
//               quartiles, subscale medians
// Deterministic: fixed creation time, same inputs -> same bytes.
#pragma once
#include <string>

#include "pipeline/report/cohort.h"
#include "pipeline/report/summary_template.h"

namespace fidelity::report {

// The workbook's bytes. Throws std::runtime_error (Japanese) when
// libxlsxwriter cannot write its temporary file.
std::string SummaryXlsx(const CohortModel& cohort, const SummaryTemplate& t);

}  // namespace fidelity::report
