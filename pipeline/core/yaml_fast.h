// The fast path of the strict YAML loader (issue 13): libyaml's event
// parser, several times faster than yaml-cpp's scanner, builds the same node
// tree (core/yaml_tree.h) for a clean document. Anything the strict rules
// must judge or explain — a syntax error, an anchor or alias, a tag, a
// second document, a duplicate or complex key — makes it give up, and the
// caller parses with yaml-cpp as before, so every error keeps its Japanese
// message and line (core/yaml.h).
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

namespace fidelity {

// The tree YAML::Load would give `utf8`, or nullopt when the strict path
// must decide (also for nesting deeper than 500). Marks: lines as yaml-cpp
// counts them, except that an empty value ("key:" with nothing after it)
// is placed on its key's line, where yaml-cpp used the next token's; the
// column counts characters, not bytes.
std::optional<YAML::Node> ParseCleanYaml(std::string_view utf8);

}  // namespace fidelity
