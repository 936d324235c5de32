// The cycle manifest cycle.yaml (SPEC §2.1, §5.4): which agencies, where
// their files are. Paths in the model are already resolved against the
// manifest's folder. The manifest is strict (docs/input-contract.md): it is
// read by the one YAML loader (core/yaml.h: encoding, tabs, duplicate keys, a
// second document …), and every slip below stops the whole run (exit 2) with
// a Japanese message naming cycle.yaml:LINE:
//   manifest.unknown_key    a key the format does not have, with the nearest
//                           known key (「consensus のことですか？」)
//   manifest.missing / .type / .empty
//   manifest.id             not [a-z0-9-] (first a letter or digit), or over
//                           kMaxAgencyIdChars characters
//   manifest.duplicate_id   the same id twice
//   manifest.duplicate_file the same workbook, reviewer or consensus file
//                           listed twice (in one agency or in two)
//   manifest.date / .password_inline / .password_both / .password_env / .terms
//   manifest.type           type: not one of the instrument's agency types
// and, with the disk (CheckManifestPaths):
//   manifest.outside_path   an input (workbook, password, reviewer, consensus
//                           file) that leads outside the cycle folder (absolute,
//                           "..", a symbolic link out) unless allowed
//   manifest.previous       `previous:` missing, not a folder, or holding no
//                           run of ours (run.json from fidelity, or the stamp)
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/problem.h"

namespace fidelity {

inline constexpr size_t kMaxAgencyIdChars = 64;

struct AgencyEntry {
  std::string id;           // [a-z0-9-]+, unique, ≤ 64 characters: names the output folder
  std::string name;
  std::string type;         // 地域事業所 / 医療機関
  std::string survey_date;  // ISO text (YYYY-MM-DD), "" when not given
  std::filesystem::path workbook;
  std::optional<std::filesystem::path> password_file;
  std::optional<std::string> password_env;  // the variable's NAME, never its value
  std::vector<std::filesystem::path> reviews;
  std::optional<std::filesystem::path> consensus;
  // The agency's own words for the roles: keys "ES", "CM", "SV" (any subset).
  std::map<std::string, std::string> terms;
  int line = 0;             // where the entry starts in cycle.yaml
  int type_line = 0;        // where its type: is
};

// One input file named by the manifest, with where it was written.
struct ManifestInput {
  std::filesystem::path path;  // resolved
  std::string written;         // as in cycle.yaml
  std::string key;             // workbook / password_file / reviews / consensus
  std::string agency;          // the agency's id
  int line = 0;
};

struct Manifest {
  std::filesystem::path file;  // cycle.yaml
  std::filesystem::path dir;   // its folder
  std::string cycle;           // "2026年度"
  std::optional<std::filesystem::path> previous;  // last cycle's output folder
  int previous_line = 0;
  std::vector<AgencyEntry> agencies;
  std::vector<ManifestInput> inputs;  // every input file, in manifest order
  Problems notes;                     // warnings (an encoding converted)

  // cycle.yaml and every input file (workbooks, password files, reviewer and
  // consensus files): what no output may overwrite.
  std::vector<std::filesystem::path> InputPaths() const;
};

struct ManifestOptions {
  bool allow_outside_paths = false;  // `run --allow-outside-paths`
  // When not empty, every agency's type: must be one of these (the agency
  // types the instrument config knows); a slip would silently drop the
  // type's note from the report.
  std::vector<std::string> agency_types;
};

// Parses cycle.yaml text (any encoding the loader accepts); `file` is its
// path (for messages and relative paths). No disk access. Throws
// InputError("manifest.*", "cycle.yaml:LINE", …) when the manifest cannot be used.
Manifest ParseManifest(const std::string& text, const std::filesystem::path& file);
// The rules that need the disk (outside paths, `previous:`); throws as above.
void CheckManifestPaths(const Manifest& m, const ManifestOptions& opt);
// manifest.type: an agency whose type: is not one of `types`, with the nearest.
void CheckAgencyTypes(const Manifest& m, const std::vector<std::string>& types);
// Reads, parses and checks; a path to a folder means <folder>/cycle.yaml.
Manifest LoadManifest(const std::filesystem::path& path, const ManifestOptions& opt = {});

}  // namespace fidelity
