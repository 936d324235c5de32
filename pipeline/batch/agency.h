// One agency, end to end and in memory: decrypt, read, check, score,
// render. Every failure becomes a problem in the outcome; nothing here
// throws and nothing here writes a file.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/batch/manifest.h"
#include "pipeline/batch/outcome.h"
#include "pipeline/report/history.h"
#include "pipeline/scoring/scores.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

struct CycleResources;  // layout, instrument, report template, fonts

// Loads config/ and templates/ once per run (DataDir()). Throws InputError
// when a config file is unusable (the run exits 2).
std::shared_ptr<const CycleResources> LoadCycleResources();

struct PreviousChain;  // previous_run.h

struct ProcessOptions {
  bool seal = false;  // encrypt report.pdf under a fresh random password
  bool render_pdf = true;
  std::string previous_cycle;  // last cycle's name, for the report (PreviousCycleName)
  const PreviousChain* chain = nullptr;  // earlier cycles (last cycle's scores, the history)
};

// Phase 1 of an agency (issue 12): read, check and score, nothing rendered.
// Kept for the whole run (a few KB): the region's figures need every
// agency scored before any report is drawn.
struct ScoredAgency {
  bool ok = false;
  Problems problems;  // when !ok: every problem, errors included
  AgencyScores scores;
  AgencyInfo info;
};
ScoredAgency ScoreEntry(const Manifest& manifest, const AgencyEntry& entry, const CycleResources& res,
                        const ProcessOptions& options);
// Phase 2: report.pdf (with the agency's history and the region's figures),
// scores.json (with "history"), problems.txt.
AgencyOutcome RenderEntry(ScoredAgency scored, const Manifest& manifest, const AgencyEntry& entry,
                          const CycleResources& res, const ProcessOptions& options,
                          const report::RegionFigures& region);

// The `cycle:` of the previous output's run.json ("" when unknown).
std::string PreviousCycleName(const Manifest& manifest);

// Both phases for one agency (no region figures).
AgencyOutcome ProcessAgency(const Manifest& manifest, const AgencyEntry& entry, const CycleResources& res,
                            const ProcessOptions& options);

// The workbook stage alone (for `fidelity check` and `fidelity sample`):
// reads the file, decrypting it with `password` when it is protected, and
// returns the survey with its problems. Never throws: a file that cannot be
// read gives a survey whose problems hold the error.
Survey ReadSurveyFile(const std::filesystem::path& workbook, const std::optional<std::string>& password,
                      const CycleResources& res);

// The first line of a password file, without its line end. Throws
// InputError("io.read", …) when unreadable (never quoting the content).
std::string ReadPasswordFile(const std::filesystem::path& file);

// Password of an agency from password_file or password_env (SPEC §2.1).
// nullopt when none is configured. Throws InputError when the file or the
// variable is configured but missing/unreadable (the message never holds
// the password).
std::optional<std::string> AgencyPassword(const AgencyEntry& entry);

}  // namespace fidelity
