#include "pipeline/instrument/yaml_util.h"

#include "pipeline/core/text.h"

namespace fidelity {

YAML::Node ParseYamlStrict(const std::string& text, const std::string& file_label,
                           const std::string& code_prefix) {
  YamlOptions opt;
  opt.code_prefix = code_prefix;
  opt.max_bytes = 4u << 20;  // the instrument config is the largest of these files
  return ParseYamlText(text, file_label, opt).root;
}

std::string YamlScalarKey(const YAML::Node& node) {
  if (!node.IsScalar()) return "";
  return Trim(Nfkc(node.Scalar()));
}

}  // namespace fidelity
