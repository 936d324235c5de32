// Runs a whole cycle: N workers, each agency read -> scored -> rendered ->
// written on its own; failures isolated; outputs written atomically;
// run.json, summary.csv and summary.pdf at the end.
#pragma once
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/batch/manifest.h"
#include "pipeline/batch/outcome.h"
#include "pipeline/batch/summary.h"

namespace fidelity {

struct RunOptions {
  std::filesystem::path out;
  int jobs = 0;                   // 0: every core
  std::vector<std::string> only;  // agency ids; empty: all
  bool quiet = false;
  bool progress = false;          // draw the progress bar (a terminal and not quiet)
  bool seal = false;              // encrypt each report.pdf, passwords to OUT/passwords.csv
  SummarySpec summary;            // columns of summary.csv / summary.pdf
  // Renders OUT/summary.pdf from the rows; unset: no summary.pdf.
  std::function<std::string(const std::vector<SummaryRow>&, const SummarySpec&)> render_summary_pdf;
};

// Processes one agency entirely in memory. Must not throw.
using AgencyProcessor = std::function<AgencyOutcome(const AgencyEntry&)>;

struct RunTotals {
  int total = 0, ok = 0, failed = 0, warnings = 0;
  double wall_seconds = 0;
};

// Returns the exit code of SPEC §7 (0 all ok, 1 some failed). Unknown ids
// in `only` are a usage error: returns 2 before doing anything.
int RunCycle(const Manifest& manifest, const RunOptions& options, const AgencyProcessor& process,
             std::ostream& out, std::ostream& err, RunTotals* totals = nullptr);

// Replaces OUT/<id> with exactly `files`, atomically: the files are written
// into a hidden temporary folder beside it, which is then swapped in with
// one rename (renameat2 RENAME_EXCHANGE when a previous folder exists).
void WriteAgencyFolder(const std::filesystem::path& out, const std::string& id,
                       const std::map<std::string, std::string>& files);
// Removes OUT/<id> (a failed agency leaves no output, not even last run's).
void RemoveAgencyFolder(const std::filesystem::path& out, const std::string& id);
// Removes hidden temporaries a killed run left behind in OUT.
void CleanStaleTemporaries(const std::filesystem::path& out);

}  // namespace fidelity
