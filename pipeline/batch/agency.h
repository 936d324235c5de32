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
#include "pipeline/batch/summary.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

struct CycleResources;  // layout, instrument, report template, fonts

// Loads config/ and templates/ once per run (DataDir()). Throws InputError
// when a config file is unusable (the run exits 2).
std::shared_ptr<const CycleResources> LoadCycleResources();

// The summary columns (item codes, band labels) of the instrument.
SummarySpec MakeSummarySpec(const CycleResources& res, const std::string& cycle);

struct ProcessOptions {
  bool seal = false;  // encrypt report.pdf under a fresh random password
  bool render_pdf = true;
  std::string previous_cycle;  // last cycle's name, for the report (PreviousCycleName)
};

// The `cycle:` of the previous output's run.json ("" when unknown).
std::string PreviousCycleName(const Manifest& manifest);

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

// The summary.pdf renderer for RunOptions.
std::string RenderSummaryPdf(const std::vector<SummaryRow>& rows, const SummarySpec& spec,
                             const CycleResources& res);

}  // namespace fidelity
