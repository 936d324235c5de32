// Building yaml-cpp node trees from parser events, as YAML::Load does
// (tags, styles, marks, null for ~ and empty values), for the strict loader
// (yaml.cc) and its fast path on libyaml (yaml_fast.cc).
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace fidelity {
struct YamlMarkSetter {};
}  // namespace fidelity

// yaml-cpp lets only its own builder give a node the place it was read
// from; `as_if` is a friend of Node for every type, so this one
// specialisation (for our own tag type) sets the mark of a node we build.
template <>
struct YAML::as_if<fidelity::YamlMarkSetter, void> {
  static void Set(const YAML::Node& node, const YAML::Mark& mark) {
    if (node.m_pNode) node.m_pNode->set_mark(mark);
  }
};

namespace fidelity {

class TreeBuilder {
 public:
  void Null(const YAML::Mark& mark) { Add(YAML::Node(YAML::NodeType::Null), mark, false); }
  void Scalar(const YAML::Mark& mark, const std::string& tag, const std::string& value) {
    YAML::Node n(value);
    n.SetTag(tag);
    Add(n, mark, false);
  }
  void Start(const YAML::Mark& mark, YAML::NodeType::value type, const std::string& tag,
             YAML::EmitterStyle::value style) {
    YAML::Node n(type);
    n.SetTag(tag);
    n.SetStyle(style);
    Add(n, mark, true);
  }
  void End() { open_.pop_back(); }
  const YAML::Node& root() const { return root_; }

 private:
  struct Open {
    YAML::Node node;
    std::optional<YAML::Node> key;  // a map's key waiting for its value
  };

  void Add(YAML::Node n, const YAML::Mark& mark, bool collection) {
    YAML::as_if<YamlMarkSetter, void>::Set(n, mark);
    if (open_.empty()) {
      root_ = n;
    } else if (Open& top = open_.back(); top.node.IsSequence()) {
      top.node.push_back(n);
    } else if (!top.key) {
      top.key = n;
    } else {
      top.node.force_insert(*top.key, n);
      top.key.reset();
    }
    if (collection) open_.push_back(Open{n, std::nullopt});
  }

  YAML::Node root_;
  std::vector<Open> open_;
};

}  // namespace fidelity
