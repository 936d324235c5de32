#include "pipeline/core/yaml_fast.h"

#include <yaml.h>

#include <set>
#include <string>
#include <vector>

#include "pipeline/core/yaml_tree.h"

namespace fidelity {
namespace {

// The parser, freed on every way out.
class LibYaml {
 public:
  explicit LibYaml(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (!ok_) return;
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
  }
  ~LibYaml() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  LibYaml(const LibYaml&) = delete;
  LibYaml& operator=(const LibYaml&) = delete;
  // The next event, false on a syntax error (or when the parser did not start).
  bool Next(yaml_event_t& event) { return ok_ && yaml_parser_parse(&parser_, &event) != 0; }

 private:
  yaml_parser_t parser_;
  bool ok_ = false;
};

// Keys seen in each open mapping (and whether a key or a value comes next),
// to give up on a duplicate or complex key.
struct Frame {
  bool is_map;
  bool flow;
  bool expect_key = true;
  std::set<std::string> keys;
};

constexpr size_t kMaxDepth = 500;  // far beyond any hand-written file

YAML::Mark MarkOf(const yaml_event_t& e) {
  YAML::Mark m;
  m.pos = static_cast<int>(e.start_mark.index);
  m.line = static_cast<int>(e.start_mark.line);
  m.column = static_cast<int>(e.start_mark.column);
  return m;
}

class Builder {
 public:
  // False: give up (the strict path decides).
  bool Take(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        return ++documents_ == 1;
      case YAML_ALIAS_EVENT:
        return false;
      case YAML_SCALAR_EVENT:
        return Scalar(e);
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT:
        return Start(e);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        frames_.pop_back();
        tree_.End();
        return true;
      default:  // stream start/end, document end
        return true;
    }
  }
  const YAML::Node& root() const { return tree_.root(); }

 private:
  // A value or key in the open collection; false for a complex or repeated key.
  bool Place(const std::string* key_text, bool collection) {
    if (frames_.empty() || !frames_.back().is_map) return true;
    Frame& f = frames_.back();
    bool is_key = f.expect_key;
    f.expect_key = !f.expect_key;
    if (!is_key) return true;
    if (collection) return false;
    return !key_text || f.keys.insert(*key_text).second;
  }

  bool Scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    if (s.anchor || s.tag) return false;
    std::string value(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
    if (plain && YAML::IsNullString(value)) {
      // An empty entry inside [ ] or { } ("{a}" has no colon): yaml-cpp
      // refuses some of these, so the strict path decides.
      if (value.empty() && !frames_.empty() && frames_.back().flow) return false;
      if (!Place(nullptr, false)) return false;
      tree_.Null(MarkOf(e));
      return true;
    }
    if (!Place(&value, false)) return false;
    tree_.Scalar(MarkOf(e), plain ? "?" : "!", value);
    return true;
  }

  bool Start(const yaml_event_t& e) {
    const bool map = e.type == YAML_MAPPING_START_EVENT;
    const bool flow = map ? e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                          : e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    const yaml_char_t* anchor = map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
    const yaml_char_t* tag = map ? e.data.mapping_start.tag : e.data.sequence_start.tag;
    // Deep nesting is the strict path's to refuse (with its message).
    if (anchor || tag || frames_.size() >= kMaxDepth || !Place(nullptr, true)) return false;
    frames_.push_back(Frame{map, flow, true, {}});
    tree_.Start(MarkOf(e), map ? YAML::NodeType::Map : YAML::NodeType::Sequence, "?",
                flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
    return true;
  }

  TreeBuilder tree_;
  std::vector<Frame> frames_;
  int documents_ = 0;
};

// Characters around which yaml-cpp and libyaml read differently (a '?'
// inside a flow value, tabs, reserved indicators, escapes, block scalars):
// such a text goes to the strict path whole.
bool HasDoubtfulCharacters(std::string_view text) {
  return text.find_first_of("?\t@`%\\|>") != std::string_view::npos;
}

}  // namespace

std::optional<YAML::Node> ParseCleanYaml(std::string_view utf8) {
  if (HasDoubtfulCharacters(utf8)) return std::nullopt;
  LibYaml parser(utf8);
  Builder builder;
  for (;;) {
    yaml_event_t event;
    if (!parser.Next(event)) return std::nullopt;
    const bool end = event.type == YAML_STREAM_END_EVENT;
    const bool taken = builder.Take(event);
    yaml_event_delete(&event);
    if (!taken) return std::nullopt;
    if (end) return builder.root();
  }
}

}  // namespace fidelity
