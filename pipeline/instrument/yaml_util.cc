#include "pipeline/instrument/yaml_util.h"

#include <map>
#include <sstream>
#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"

namespace fidelity {
namespace {

// Walks the parser's events once: finds duplicate keys and aliases with
// their lines, which the node tree no longer shows.
class StrictChecker : public YAML::EventHandler {
 public:
  StrictChecker(const std::string& file, const std::string& prefix) : file_(file), prefix_(prefix) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Node(mark, nullptr); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw InputError(prefix_ + ".alias", YamlWhere(file_, mark.line + 1),
                     "YAMLのエイリアス（*名前）は使えません");
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    throw InputError(prefix_ + ".alias", YamlWhere(file_, mark.line + 1),
                     "YAMLのアンカー（&名前）は使えません");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    Node(mark, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Node(mark, nullptr);
    stack_.push_back(Frame{false, true, {}});
  }
  void OnSequenceEnd() override { stack_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Node(mark, nullptr);
    stack_.push_back(Frame{true, true, {}});
  }
  void OnMapEnd() override { stack_.pop_back(); }

 private:
  struct Frame {
    bool is_map;
    bool expect_key;
    std::map<std::string, int> keys;  // key text -> line
  };

  void Node(const YAML::Mark& mark, const std::string* scalar) {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (!f.is_map) return;
    if (f.expect_key && scalar) {
      int line = mark.line + 1;
      auto [it, fresh] = f.keys.emplace(*scalar, line);
      if (!fresh)
        throw InputError(prefix_ + ".duplicate_key", YamlWhere(file_, line),
                         "キー '" + *scalar + "' が重複しています（最初は" +
                             std::to_string(it->second) + "行目）");
    }
    f.expect_key = !f.expect_key;
  }

  const std::string& file_;
  const std::string& prefix_;
  std::vector<Frame> stack_;
};

// The first line up to `last` (0: any) whose indentation holds a tab.
int TabIndentLine(const std::string& text, int last) {
  int line = 1;
  bool indent = true;
  for (char c : text) {
    if (last > 0 && line > last) break;
    if (c == '\n') {
      ++line;
      indent = true;
    } else if (indent && c == '\t') {
      return line;
    } else if (c != ' ') {
      indent = false;
    }
  }
  return 0;
}

}  // namespace

std::string YamlWhere(const std::string& file_label, int line) {
  if (line <= 0) return file_label;
  return file_label + ":" + std::to_string(line);
}

int YamlLine(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  YAML::Mark m = node.Mark();
  if (m.is_null() || m.line < 0) return 0;
  return m.line + 1;
}

YAML::Node ParseYamlStrict(const std::string& text_in, const std::string& file_label,
                           const std::string& code_prefix) {
  std::string text = text_in;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (!IsValidUtf8(text))
    throw InputError(code_prefix + ".encoding", file_label,
                     "UTF-8として読めない文字が含まれています");
  try {
    {
      std::istringstream in(text);
      YAML::Parser parser(in);
      StrictChecker checker(file_label, code_prefix);
      parser.HandleNextDocument(checker);
    }
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    int tab = TabIndentLine(text, line);
    if (tab > 0)
      throw InputError(code_prefix + ".syntax", YamlWhere(file_label, tab),
                       "YAMLの構文エラー: インデントにタブ文字があります（スペースを使ってください）");
    throw InputError(code_prefix + ".syntax", YamlWhere(file_label, line),
                     "YAMLの構文エラー: " + e.msg);
  }
}

std::string YamlScalarKey(const YAML::Node& node) {
  if (!node.IsScalar()) return "";
  return Trim(Nfkc(node.Scalar()));
}

}  // namespace fidelity
