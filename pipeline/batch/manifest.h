// The cycle manifest cycle.yaml (SPEC §2.1): which agencies, where their
// files are. Paths in the model are already resolved against the
// manifest's folder.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fidelity {

struct AgencyEntry {
  std::string id;           // [a-z0-9-]+, unique: names the output folder
  std::string name;
  std::string type;         // 地域事業所 / 医療機関
  std::string survey_date;  // ISO text as given (YYYY-MM-DD)
  std::filesystem::path workbook;
  std::optional<std::filesystem::path> password_file;
  std::optional<std::string> password_env;  // the variable's NAME, never its value
  std::vector<std::filesystem::path> reviews;
  std::optional<std::filesystem::path> consensus;
  int line = 0;             // where the entry starts in cycle.yaml
};

struct Manifest {
  std::filesystem::path file;  // cycle.yaml
  std::filesystem::path dir;   // its folder
  std::string cycle;           // "2026年度"
  std::optional<std::filesystem::path> previous;  // last cycle's output folder
  std::vector<AgencyEntry> agencies;
};

// Parses cycle.yaml text; `file` is its path (for messages and relative
// paths). Throws InputError("manifest.*", "cycle.yaml:LINE", …) when the
// manifest cannot be used: the whole run then stops with exit 2.
Manifest ParseManifest(const std::string& text, const std::filesystem::path& file);
// Reads and parses; a path to a folder means <folder>/cycle.yaml.
Manifest LoadManifest(const std::filesystem::path& path);

}  // namespace fidelity
