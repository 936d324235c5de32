#include "pipeline/retention/yaml_source.h"

#include <map>
#include <optional>

#include "pipeline/core/yaml.h"

namespace fidelity::retention {

std::string Where(const std::string& file, const YAML::Node& node) {
  int line = 1;
  if (node.IsDefined()) {
    YAML::Mark m = node.Mark();
    if (m.line >= 0) line = m.line + 1;
  }
  return file + ":" + std::to_string(line);
}

YAML::Node ParseYaml(std::string_view text, const std::string& file, const std::string& prefix,
                     Problems& problems) {
  try {
    YamlOptions opt;
    opt.code_prefix = prefix;
    YamlDoc doc = ParseYamlText(text, file, opt);
    problems.insert(problems.end(), doc.notes.begin(), doc.notes.end());
    return doc.root;
  } catch (const InputError& e) {
    problems.push_back(e.problem());
    return YAML::Node(YAML::NodeType::Undefined);
  }
}

void FindDuplicateKeys(const YAML::Node& map, const std::string& file, const std::string& prefix,
                       Problems& problems, std::string (*normalize)(std::string_view)) {
  std::map<std::string, int> first_line;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: yaml-cpp iterators yield temporaries
    if (!key.IsScalar()) continue;
    std::string k = normalize ? normalize(key.Scalar()) : key.Scalar();
    int line = key.Mark().line + 1;
    auto [pos, inserted] = first_line.emplace(k, line);
    if (!inserted)
      problems.push_back(Error(prefix + ".duplicate_key", Where(file, key),
                               "キー「" + Excerpt(key.Scalar()) + "」が重複しています（" +
                                   std::to_string(pos->second) + "行目と同じ）"));
  }
}

std::optional<long> PlainInteger(const YAML::Node& node) {
  if (!node.IsScalar() || node.Tag() != "?") return std::nullopt;  // "!" = quoted
  const std::string& s = node.Scalar();
  if (s.empty() || s.size() > 9) return std::nullopt;
  long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace fidelity::retention
