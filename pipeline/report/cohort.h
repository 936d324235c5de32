// The cohort model: one cycle of the region for the coordinator (SPEC §5.3,
// issue 12): one compact row per agency, the statistics per item over the
// scored agencies, the region over earlier cycles, and the region figures
// each agency's report may show.
//
// Built from the scoring types in memory (CohortRowOf), never from our own
// scores.json parsed back; the earlier cycles come from the previous-run
// reader (batch/previous_run.h) as plain PastCycle data. The writers
// (summary_csv.h, summary_xlsx.h, summary_pdf.h) only format this model.
//
// Statistics: medians and quartiles are QUARTILE.INC / R type 7 (linear
// interpolation between order statistics), what a coordinator gets from
// Excel's QUARTILE.INC on the same column. Provisional and failed agencies
// are left out of every statistic (docs/region.md).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/instrument/instrument.h"
#include "pipeline/report/history.h"
#include "pipeline/scoring/scores.h"

namespace fidelity::report {

enum class CohortStatus { kScored, kProvisional, kFailed };

// One agency of this cycle (a row of summary.csv).
struct CohortRow {
  std::string id, name, type;
  CohortStatus status = CohortStatus::kFailed;
  std::string reason;  // failed: the first error with its place
  int warnings = 0;
  std::vector<std::optional<int>> items;  // in CohortSpec::item_codes order
  std::vector<std::optional<int>> subtotals;  // in CohortSpec::subscale_keys order
  std::vector<std::optional<std::pair<int, int>>> subtotal_ranges;  // for the null subtotals
  std::optional<int> total;
  std::optional<std::pair<int, int>> total_range;  // provisional only
  std::string band;                                 // key; empty unless scored
  std::vector<std::string> missing;                 // provisional: the unresolved items
  std::optional<int> goi_total;
  std::optional<int> previous_total;
  std::string previous_band;
  std::optional<double> exact, within_one;  // agreement, rounded half up to 2 decimals

  std::optional<int> Change() const;  // total − previous_total, when both are known
};

struct Quartiles {
  double q1 = 0, median = 0, q3 = 0;
};
// Type 7 quartiles of `values`; nullopt when empty.
std::optional<Quartiles> QuartilesOf(std::vector<int> values);

// One item over the scored agencies of this cycle.
struct ItemStats {
  std::string code, name;
  int n = 0;                     // agencies with a score
  std::optional<Quartiles> q;    // nullopt when n == 0
  double mean = 0;
  int min = 0, max = 0;
  std::array<int, 5> count{};    // agencies at score 1..5
};

// The region in one cycle.
struct RegionPoint {
  std::string cycle;
  int scored = 0, provisional = 0, failed = 0;
  std::vector<int> bands;                              // per CohortSpec::bands
  std::optional<Quartiles> total;                      // over scored agencies
  std::vector<std::optional<double>> subtotal_median;  // per subscale
};

struct CohortBand {
  std::string key, label;
  int min = 0, max = 0;
};

struct CohortSpec {
  std::string cycle;
  std::vector<std::string> item_codes, item_names;         // parallel, scale order
  std::vector<std::string> subscale_keys, subscale_names;  // parallel
  std::vector<int> subscale_min, subscale_max;
  std::vector<CohortBand> bands;  // highest first
  int score_max = 5;
  int total_min = 25, total_max = 125;
  int region_minimum = 5;  // fewer scored agencies: no region figures in reports
};

struct CohortModel {
  CohortSpec spec;
  std::vector<CohortRow> rows;  // manifest order
  int scored = 0, provisional = 0, failed = 0;
  std::vector<ItemStats> items;    // spec order, over scored rows
  std::vector<RegionPoint> trend;  // oldest first, this cycle last
  RegionFigures region;            // what the reports may show
};

CohortSpec CohortSpecOf(const Instrument& instrument, const std::string& cycle, int region_minimum);

// A scored (or provisional) agency, from the scorer's result.
CohortRow CohortRowOf(const AgencyScores& scores, const AgencyInfo& info);
// An agency that could not be scored, with the first error as the reason.
CohortRow FailedCohortRow(const std::string& id, const std::string& name, const std::string& type,
                          const Problems& problems);

// The statistics of this cycle and the trend over `past` (oldest first).
CohortModel BuildCohort(CohortSpec spec, std::vector<CohortRow> rows, const std::vector<PastCycle>& past);

// Region figures over the scored rows; shown only with at least
// spec.region_minimum of them.
RegionFigures RegionFiguresOf(const CohortSpec& spec, const std::vector<ItemStats>& items, int scored);

}  // namespace fidelity::report
