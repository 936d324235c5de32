// Reading small hand-written YAML files with places: every node can be
// named "file:line", syntax errors become problems, and duplicate keys
// (which yaml-cpp silently accepts) are found by walking the map.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "pipeline/core/problem.h"

namespace fidelity::retention {

// "file:line" (1-based) for a node's mark; "file:1" when the node has no mark.
std::string Where(const std::string& file, const YAML::Node& node);

// Parses `text` with the one strict loader (core/yaml.h). When it refuses the
// text (syntax "<prefix>.syntax", duplicate key, encoding, tab …) appends its
// error, with file:line, to `problems` and returns an undefined node
// (!IsDefined()); a converted encoding adds a warning.
YAML::Node ParseYaml(std::string_view text, const std::string& file, const std::string& prefix,
                     Problems& problems);

// Appends one error ("<prefix>.duplicate_key") per key of `map` that repeats
// an earlier key, compared after `normalize` when given. REQUIRES: map.IsMap().
void FindDuplicateKeys(const YAML::Node& map, const std::string& file, const std::string& prefix,
                       Problems& problems, std::string (*normalize)(std::string_view) = nullptr);

// A plain (unquoted) scalar of ASCII digits only, e.g. `4`; nullopt for
// anything else ("4.0", "'4'", "four", "-1", a map…). Values beyond int
// range are nullopt too.
std::optional<long> PlainInteger(const YAML::Node& node);

// True for a null node (`key:` or `key: ~`).
inline bool IsBlank(const YAML::Node& n) { return !n.IsDefined() || n.IsNull(); }

}  // namespace fidelity::retention
