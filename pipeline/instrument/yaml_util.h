// Reading small hand-written YAML files (instrument config, reviewer files)
// with errors that point at file:line: a thin layer over the one strict
// loader in core/yaml.h (encoding, tabs, duplicate keys, anchors, a second
// document, Japanese syntax messages — see there).
#pragma once
// Note: `it->second` on a yaml-cpp map iterator is a member of a temporary
// proxy; copy it into a YAML::Node (a handle), never bind a reference to it.
#include <yaml-cpp/yaml.h>

#include <string>

#include "pipeline/core/yaml.h"

namespace fidelity {

// ParseYamlText(text, file_label, {code_prefix}).root: throws InputError with
// where = "file:line" and codes <code_prefix>.syntax/.duplicate_key/.alias/
// .encoding/… (core/yaml.h). An empty document gives a null node. A warning
// about a converted encoding is dropped here: use ParseYamlText to keep it.
YAML::Node ParseYamlStrict(const std::string& text, const std::string& file_label,
                           const std::string& code_prefix);

// A scalar as text after NFKC and trimming ("３" -> "3", "Ⅱ-1" -> "II-1").
std::string YamlScalarKey(const YAML::Node& node);

}  // namespace fidelity
