// Reading small hand-written YAML files (instrument config, reviewer files)
// with errors that point at file:line.
//
// yaml-cpp 0.7 accepts duplicate keys silently (the last one wins) and
// expands aliases; ParseYamlStrict rejects both, with the line of the
// offending key, before the node tree is built.
#pragma once
// Note: `it->second` on a yaml-cpp map iterator is a member of a temporary
// proxy; copy it into a YAML::Node (a handle), never bind a reference to it.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <string>

namespace fidelity {

// "file:line" (line 1-based; no ":line" when line <= 0).
std::string YamlWhere(const std::string& file_label, int line);
// 1-based line of a node, 0 when yaml-cpp has no mark for it.
int YamlLine(const YAML::Node& node);

// Parses `text` (an optional UTF-8 BOM is skipped). Throws InputError with
// where = "file:line" and code `<code_prefix>.syntax` for a YAML syntax
// error, `<code_prefix>.duplicate_key` for a key given twice in one
// mapping (a syntax error caused by a tab in the indentation names the
// tab's line), `<code_prefix>.alias` for anchors/aliases (not used in our
// files), `<code_prefix>.encoding` for invalid UTF-8. An empty document
// gives a null node.
YAML::Node ParseYamlStrict(const std::string& text, const std::string& file_label,
                           const std::string& code_prefix);

// A scalar as text after NFKC and trimming ("３" -> "3", "Ⅱ-1" -> "II-1").
std::string YamlScalarKey(const YAML::Node& node);

}  // namespace fidelity
