// The two phases of a run (issue 12). The region's medians need every
// agency scored before any report is drawn, so a run
//   1. scores every selected agency on the workers (ScoredAgency: the
//      scores only, no PDF), reads the previous-run chain once, and builds
//      the cohort model and the region figures (ScoreCycle);
//   2. renders and writes each agency from its kept scores (RenderAgency),
//   3. writes summary.csv, summary.xlsx and summary.pdf from the cohort,
//      with the final status of every agency (SummaryFiles).
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/batch/agency.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/batch/outcome.h"
#include "pipeline/batch/previous_run.h"
#include "pipeline/report/cohort.h"

namespace fidelity {

struct CyclePlan {
  PreviousChain chain;
  std::map<std::string, ScoredAgency> scored;  // by id; handed to phase 2 and released there
  std::mutex mu;                                // guards `scored` while workers take from it
  report::CohortModel cohort;
};

// Phase 1 on `jobs` threads: every agency of the manifest is scored (the
// region's figures are over all of them, also under --only); the scores of
// the `todo` agencies are kept for phase 2 and their rows make the cohort
// the summaries show. `chain` is the previous-run chain (may be empty).
std::unique_ptr<CyclePlan> ScoreCycle(const Manifest& manifest, const std::vector<const AgencyEntry*>& todo,
                                      const CycleResources& res, const ProcessOptions& options, PreviousChain chain,
                                      int jobs);

// Phase 2 for one agency: takes its scores out of the plan (memory is freed
// as the run goes) and renders them with the region figures.
AgencyOutcome RenderAgency(CyclePlan& plan, const Manifest& manifest, const AgencyEntry& entry,
                           const CycleResources& res, const ProcessOptions& options);

// The final status of an agency after phase 2 (a write or render failure
// turns a scored agency into a failed one in the summary).
struct FinalStatus {
  std::string id;
  bool ok = false;
  Problems problems;
};
// summary.csv, summary.xlsx, summary.pdf: file name -> bytes.
std::map<std::string, std::string> SummaryFiles(const CyclePlan& plan, const std::vector<FinalStatus>& statuses,
                                                const CycleResources& res);

}  // namespace fidelity
