// `fidelity retention FILE… -o OUT` (SPEC §6): one PDF per check and a CSV
// of all of them.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/pdf/font_cache.h"
#include "pipeline/retention/checklist.h"

namespace fidelity::retention {

// Reads each check file (and its `previous:` file), writes
// OUT/<person>_<date>.pdf per good check and OUT/retention.csv (one row per
// good check, in the order given), every file written atomically.
// Problems go to `err`, one line each ("error [code] file:line: message");
// a bad file is reported and skipped, the others go on. A check whose
// previous file is missing or bad, or names another person, or is not
// earlier, fails too; so does a second check of the same person and date.
// Returns 0 when every file was written, 1 when some file failed.
// Characters the font lacks are drawn as 〓 with a warning.
int RunRetention(const Checklist& checklist, const pdf::FontCache& fonts,
                 const std::vector<std::string>& files, const std::filesystem::path& out,
                 std::ostream& err);

// The same with config/retention.yaml and fonts/BIZUDGothic-Regular.ttf
// (under DataDir()); returns 2 (bad config) when either cannot be loaded.
int RunRetention(const std::vector<std::string>& files, const std::filesystem::path& out, std::ostream& err);

}  // namespace fidelity::retention

namespace fidelity {
using retention::RunRetention;  // the CLI calls fidelity::RunRetention
}  // namespace fidelity
