// Runs a whole cycle: N workers, each agency read -> scored -> rendered ->
// written on its own; failures isolated; outputs written atomically;
// run.json, summary.csv and summary.pdf at the end.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/batch/manifest.h"
#include "pipeline/batch/outcome.h"

namespace fidelity {

// What a run knows of an agency at its end.
struct AgencyFinal {
  std::string id;
  bool ok = false;
  Problems problems;
};

struct RunOptions {
  std::filesystem::path out;
  int jobs = 0;                   // 0: every core
  std::vector<std::string> only;  // agency ids; empty: all
  bool quiet = false;
  bool progress = false;          // draw the progress bar (a terminal and not quiet)
  bool seal = false;              // encrypt each report.pdf, passwords to OUT/passwords.csv
  // Called once the agencies are chosen and OUT is locked, before any is
  // processed (the run's first phase: score every agency, see cohort_run.h).
  std::function<void(const std::vector<const AgencyEntry*>&)> prepare;
  // The summary files (name -> bytes) from each agency's final status, in
  // manifest order; unset: none. Each is written atomically into OUT.
  std::function<std::map<std::string, std::string>(const std::vector<AgencyFinal>&)> summaries;
};

// Processes one agency entirely in memory. Must not throw.
using AgencyProcessor = std::function<AgencyOutcome(const AgencyEntry&)>;

struct RunTotals {
  int total = 0, ok = 0, failed = 0, warnings = 0;
  double wall_seconds = 0;
};

// Returns the exit code of SPEC §7 (0 all ok, 1 some failed or an output
// could not be written). Returns 2 before doing anything when `only` names
// an unknown id, when OUT cannot be used (batch/output_folder.h: a file, an
// input's folder, not ours …) or when another run holds OUT/.fidelity.lock.
// On SIGINT/SIGTERM: finishes the agencies in hand, writes run.json marked
// "interrupted", removes the summaries and returns 128+signal (docs/safety.md).
int RunCycle(const Manifest& manifest, const RunOptions& options, const AgencyProcessor& process,
             std::ostream& out, std::ostream& err, RunTotals* totals = nullptr);

// Replaces OUT/<id> with exactly `files` plus the stamp, atomically: the
// files are written (core/fs.h WriteFileAtomic) into a hidden temporary
// folder named for this process, which is then swapped in with one rename
// (renameat2 RENAME_EXCHANGE when a previous folder exists). On any failure
// the previous folder is untouched. Throws InputError: "out.not_ours" when
// OUT/<id> exists and is not ours, "io.write" (Japanese reason) otherwise.
void WriteAgencyFolder(const std::filesystem::path& out, const std::string& id,
                       const std::map<std::string, std::string>& files);
// Removes OUT/<id> when it is ours (a failed agency leaves no stale report);
// a folder not ours is left alone. Throws InputError("io.write") on failure.
void RemoveAgencyFolder(const std::filesystem::path& out, const std::string& id);
// Removes hidden temporaries that runs no longer alive left behind in OUT
// (a living run's temporaries are never touched).
void CleanStaleTemporaries(const std::filesystem::path& out);

}  // namespace fidelity
