// An agency's path over earlier cycles, and the region's figures of this
// cycle: plain data for the report model (report_model.h). Filled by the
// cycle (previous-run chain, cohort of this cycle); rendered by the report.
// Agencies are never named here: only this agency's own history and the
// region's medians and quartiles.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/json.h"

namespace fidelity::report {

// One earlier cycle of this agency, as its run wrote it.
struct CyclePoint {
  std::string cycle;                                 // "2025年度"
  std::optional<int> total;                          // nullopt: provisional then
  std::string band;                                  // band key, empty when provisional
  std::map<std::string, std::optional<int>> subtotals;  // staffing / organization / services
  std::map<std::string, int> items;                  // item code -> score (scored items only)
  std::map<std::string, std::string> notes;          // item code -> reviewers' note, when given
  std::optional<std::pair<int, int>> total_range;    // when provisional then: [lowest, highest]
};

// Oldest first; this cycle is not included. Empty: a first review.
struct History {
  std::vector<CyclePoint> cycles;
};

// scores.json "history": [{cycle, total, band, subtotals {key: n|null}
// [, total_range [lo, hi] when provisional then]}, …], oldest first, so
// that other tools can draw the agency's path without our chain reader.
Json HistoryToJson(const History& history);

// One earlier cycle of the whole region, as its run wrote it (run.json and
// each agency's scores.json). Coordinator side only: it names agencies, so
// it feeds summary.pdf/summary.xlsx and each agency's own History, never a
// report directly.
struct PastCycle {
  std::string cycle;   // run.json `cycle` ("2025年度")
  std::string folder;  // the output folder, as shown in messages
  int failed = 0;      // agencies the run could not score
  std::vector<std::pair<std::string, CyclePoint>> agencies;  // id -> point, in run.json order
  const CyclePoint* Find(const std::string& id) const;
};

// The region's figures for this cycle, over the scored (not provisional)
// agencies. `shown` is false when fewer than the minimum (5) agencies were
// scored, so that no single agency can be recognised.
struct RegionFigures {
  int agencies = 0;  // scored agencies counted
  bool shown = false;
  std::map<std::string, double> item_median;                       // item code -> median
  std::map<std::string, std::pair<double, double>> item_quartiles;  // item code -> (Q1, Q3)
};

}  // namespace fidelity::report
