// The one strict YAML loader: every hand-written text input (cycle.yaml,
// reviewer files, retention files, config, templates) is read here, so every
// rule below holds for all of them at once.
//
//   ReadYamlFile / ParseYamlText, in this order:
//     <prefix>.io                  not a regular file (folder, pipe, device), unreadable
//     <prefix>.too_large           more than opt.max_bytes
//     <prefix>.encoding            refused encoding (see core/encoding.h); a converted
//                                  one (UTF-16 with BOM, Shift_JIS) gives a warning in `notes`
//     <prefix>.control_char        a control character (ESC, NUL, BEL …; tab/CR/LF allowed)
//     <prefix>.syntax              a tab or a full-width space (U+3000) in the indentation
//                                  (named first, with its line), any other YAML syntax
//                                  error, in Japanese (yaml-cpp's
//                                  English never reaches the user), with a hint when a
//                                  full-width colon "：" sits on the line
//     <prefix>.alias               anchors (&name) and aliases (*name)
//     <prefix>.duplicate_key       a key written twice in one mapping
//     <prefix>.complex_key         a key that is a list or a mapping
//     <prefix>.multiple_documents  a second document after `---`
//   Every error is an InputError whose `where` is "label:line" (or "label" when
//   no line applies). Messages quote at most a short excerpt of the file,
//   with control characters escaped (Excerpt below).
//
//   CheckKeys(map, known …) refuses unknown keys (<prefix>.unknown_key) and
//   suggests the nearest known one: 「consensus のことですか？」.
//
// Example:
//   YamlDoc doc = ReadYamlFile(dir / "cycle.yaml", "cycle.yaml", {"manifest"});
//   CheckKeys(doc.root, {"cycle", "previous", "agencies"}, doc.label, "manifest", "cycle.yaml");
#pragma once
// Note: `it->second` on a yaml-cpp map iterator is a member of a temporary
// proxy; copy it into a YAML::Node (a handle), never bind a reference to it.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/problem.h"

namespace fidelity {

inline constexpr size_t kMaxYamlBytes = 1u << 20;  // 1 MiB: hand-written files are far smaller

struct YamlOptions {
  std::string code_prefix = "yaml";  // problem codes are <code_prefix>.<what>
  size_t max_bytes = kMaxYamlBytes;
};

struct YamlDoc {
  YAML::Node root;  // a null node for an empty document
  std::string label;
  Problems notes;   // warnings only (an encoding that was converted)
};

// Parses `bytes` (any encoding DecodeText accepts). Throws InputError as above.
YamlDoc ParseYamlText(std::string_view bytes, const std::string& label, const YamlOptions& opt = {});
// The bytes of `path`: a regular file only (a folder, pipe or device is
// refused before any open, so nothing blocks), at most opt.max_bytes.
// Throws InputError(<prefix>.io / .too_large, label, …).
std::string ReadYamlBytes(const std::filesystem::path& path, const std::string& label, const YamlOptions& opt = {});
// ReadYamlBytes, then ParseYamlText.
YamlDoc ReadYamlFile(const std::filesystem::path& path, const std::string& label, const YamlOptions& opt = {});

// "label:line" (line 1-based; just "label" when line <= 0).
std::string YamlWhere(const std::string& label, int line);
// 1-based line of a node, 0 when yaml-cpp has no mark for it.
int YamlLine(const YAML::Node& node);

// Throws InputError(<prefix>.unknown_key, label:line) for the first key of
// `map` not in `known` (compared after NFKC and trimming), naming the
// nearest known key when one is close. `what` names the mapping in the
// message ("機関の項目"). A `map` that is not a mapping is left alone.
void CheckKeys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& label,
               const std::string& prefix, const std::string& what);
// The known key nearest to `key` (edit distance, case and width ignored), or
// "" when none is close enough to be a slip.
std::string NearestKey(std::string_view key, const std::vector<std::string>& known);
// At most `max_chars` characters of `s` on one line, control characters
// shown as \xNN, "…" when cut: the only way file content enters a message.
std::string Excerpt(std::string_view s, size_t max_chars = 32);

}  // namespace fidelity
