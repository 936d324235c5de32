#include "pipeline/core/yaml.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <map>
#include <optional>
#include <sstream>
#include <sys/stat.h>

#include "pipeline/core/encoding.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/text.h"
#include "pipeline/core/yaml_fast.h"
#include "pipeline/core/yaml_tree.h"

namespace fidelity {
namespace {

// Walks the parser's events once: duplicate keys, complex keys, anchors,
// aliases and a second document, with their lines (yaml-cpp's own loader
// keeps the last of two equal keys silently), and builds the tree.
class StrictChecker : public YAML::EventHandler {
 public:
  StrictChecker(std::string_view text, const std::string& label, const std::string& prefix)
      : text_(text), label_(label), prefix_(prefix) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ < 2) return;
    if (text_.find("\n---") != std::string_view::npos || text_.find("\n...") != std::string_view::npos)
      Fail("multiple_documents", mark,
           "「---」のあとに2つ目の文書があります。1つのファイルには1つの文書だけを書いてください");
    Fail("syntax", mark, "YAMLの構文エラー: 終わったあとに余分な記号（] や } など）があります");
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Node(mark, nullptr, false);
    tree_.Null(mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    Fail("alias", mark, "YAMLのエイリアス（*名前）は使えません");
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    Fail("alias", mark, "YAMLのアンカー（&名前）は使えません");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    if (tag == "!" && !QuoteClosed(mark)) Fail("syntax", mark, "YAMLの構文エラー: 引用符（' または \"）が閉じていません");
    Node(mark, &value, false);
    tree_.Scalar(mark, tag, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    Node(mark, nullptr, true);
    stack_.push_back(Frame{false, true, {}});
    tree_.Start(mark, YAML::NodeType::Sequence, tag, style);
  }
  void OnSequenceEnd() override {
    stack_.pop_back();
    tree_.End();
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    Node(mark, nullptr, true);
    stack_.push_back(Frame{true, true, {}});
    tree_.Start(mark, YAML::NodeType::Map, tag, style);
  }
  void OnMapEnd() override {
    stack_.pop_back();
    tree_.End();
  }
  const YAML::Node& root() const { return tree_.root(); }

 private:
  struct Frame {
    bool is_map;
    bool expect_key;
    std::map<std::string, int> keys;  // key text -> line
  };

  [[noreturn]] void Fail(const std::string& what, const YAML::Mark& mark, const std::string& msg) const {
    throw InputError(prefix_ + "." + what, YamlWhere(label_, mark.is_null() ? 0 : mark.line + 1), msg);
  }

  void Node(const YAML::Mark& mark, const std::string* scalar, bool collection) {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (!f.is_map) return;
    if (f.expect_key && collection)
      Fail("complex_key", mark, "キーにリストやマップは使えません（「キー: 値」のキーは文字で書いてください）");
    if (f.expect_key && scalar) {
      int line = mark.line + 1;
      auto [it, fresh] = f.keys.emplace(*scalar, line);
      if (!fresh)
        Fail("duplicate_key", mark,
             "キー「" + Excerpt(*scalar) + "」が重複しています（最初は" + std::to_string(it->second) +
                 "行目）。あとのほうが黙って使われないよう、1つにまとめてください");
    }
    f.expect_key = !f.expect_key;
  }

  // yaml-cpp ends a quoted scalar left open at the end of the file without a
  // word ("name: \"センター" gave the rest of the file as the name).
  bool QuoteClosed(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return true;
    char q = text_[mark.pos];
    if (q != '\'' && q != '"') return true;  // a block scalar (| or >)
    for (size_t i = mark.pos + 1; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == q) {
        if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') ++i;  // '' inside '…'
        else return true;
      }
    }
    return false;
  }

  std::string_view text_;
  const std::string& label_;
  const std::string& prefix_;
  std::vector<Frame> stack_;
  int documents_ = 0;
  TreeBuilder tree_;
};

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// Control characters never belong in these files (binary content, a file that
// is not text): refused before any of it is parsed or quoted.
void CheckControlCharacters(std::string_view text, const std::string& label, const std::string& prefix) {
  int line = 1;
  for (char32_t c : Utf8ToCodepoints(text)) {
    if (c == '\n') ++line;
    bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    if (control) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      throw InputError(prefix + ".control_char", YamlWhere(label, line),
                       std::string("制御文字（") + code + "）が含まれています。テキストファイルか確かめてください");
    }
  }
}

// The leading white space of a line: ASCII spaces, tabs and U+3000.
std::string_view Indentation(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') ++i;
    else if (line.substr(i, 3) == "\u3000") i += 3;
    else break;
  }
  return line.substr(0, i);
}

const char* Translate(const std::string& msg) {
  static const std::pair<const char*, const char*> kTable[] = {
      {YAML::ErrorMsg::MAP_VALUE, "キーと値の区切り方が正しくありません（コロンは半角「:」で、後ろに半角スペースが要ります。"
                                  "値に「: 」を含めるときは '…' で囲んでください）"},
      {YAML::ErrorMsg::MAP_KEY, "キーの書き方が正しくありません（インデントをそろえてください）"},
      {YAML::ErrorMsg::END_OF_MAP, "「キー: 値」の並びの終わりが見つかりません（インデントをそろえてください）"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "「{」に対応する「}」が見つかりません"},
      {YAML::ErrorMsg::END_OF_SEQ, "「- 」の並びの終わりが見つかりません（インデントをそろえてください）"},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "「[」に対応する「]」が見つかりません"},
      {YAML::ErrorMsg::BLOCK_ENTRY, "「- 」の位置が正しくありません（インデントをそろえてください）"},
      {YAML::ErrorMsg::FLOW_END, "対応する「[」や「{」のない「]」や「}」があります"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "引用符（' または \"）が閉じていません"},
      {YAML::ErrorMsg::DOC_IN_SCALAR, "値の途中に「---」や「...」があります"},
      {YAML::ErrorMsg::CHAR_IN_SCALAR, "値に使えない文字があります（値を '…' で囲んでください）"},
      {YAML::ErrorMsg::UNKNOWN_TOKEN, "読めない記号があります"},
      {YAML::ErrorMsg::INVALID_ESCAPE, "\"…\" の中の「\\」の書き方が正しくありません（パスは「/」で区切るか、'…' で囲んでください）"},
      {YAML::ErrorMsg::INVALID_UNICODE, "\"…\" の中の「\\u」の書き方が正しくありません"},
      {YAML::ErrorMsg::INVALID_HEX, "\"…\" の中の「\\x」の書き方が正しくありません"},
      {YAML::ErrorMsg::TAB_IN_INDENTATION, "インデントにタブ文字があります（スペースを使ってください）"},
  };
  for (const auto& [en, ja] : kTable)
    if (msg.rfind(en, 0) == 0) return ja;
  return "YAML の書き方に誤りがあります（インデント、「:」や「-」の後ろのスペース、引用符の閉じ忘れを確かめてください）";
}

[[noreturn]] void SyntaxError(const YAML::Exception& e, std::string_view text, const std::string& label,
                              const std::string& p) {
  auto lines = Lines(text);
  int line = e.mark.is_null() ? 0 : e.mark.line + 1;
  if (dynamic_cast<const YAML::DeepRecursion*>(&e))
    throw InputError(p + ".syntax", YamlWhere(label, line), "入れ子（[ や { の重なり）が深すぎます");
  int last = line > 0 ? std::min<int>(line, lines.size()) : static_cast<int>(lines.size());
  // The usual causes, looked for up to the line yaml-cpp stopped at.
  for (int l = 1; l <= last; ++l) {
    std::string_view ind = Indentation(lines[l - 1]);
    if (ind.find('\t') != std::string_view::npos)
      throw InputError(p + ".syntax", YamlWhere(label, l),
                       "YAMLの構文エラー: インデントにタブ文字があります（スペースを使ってください）");
    if (ind.find("\u3000") != std::string_view::npos)
      throw InputError(p + ".syntax", YamlWhere(label, l),
                       "YAMLの構文エラー: インデントに全角スペースがあります（半角スペースを使ってください）");
  }
  std::string msg = std::string("YAMLの構文エラー: ") + Translate(e.msg);
  for (int l = std::max(1, last - 1); l <= last && line > 0; ++l)
    if (lines[l - 1].find("\uFF1A") != std::string_view::npos) {
      line = l;
      msg += "。この行に全角のコロン「：」があります。「キー: 値」のコロンは半角「:」にしてください";
      break;
    }
  throw InputError(p + ".syntax", YamlWhere(label, line), msg);
}

}  // namespace

std::string YamlWhere(const std::string& label, int line) {
  if (line <= 0) return label;
  return label + ":" + std::to_string(line);
}

int YamlLine(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  YAML::Mark m = node.Mark();
  if (m.is_null() || m.line < 0) return 0;
  return m.line + 1;
}

YamlDoc ParseYamlText(std::string_view bytes, const std::string& label, const YamlOptions& opt) {
  const std::string& p = opt.code_prefix;
  if (bytes.size() > opt.max_bytes)
    throw InputError(p + ".too_large", label,
                     "ファイルが大きすぎます（" + std::to_string(bytes.size()) + " バイト、上限 " +
                         std::to_string(opt.max_bytes) + " バイト）");
  DecodedText decoded = DecodeText(bytes, label, p);
  YamlDoc doc;
  doc.label = label;
  if (decoded.note) doc.notes.push_back(*decoded.note);
  const std::string& text = decoded.utf8;
  CheckControlCharacters(text, label, p);
  if (std::optional<YAML::Node> clean = ParseCleanYaml(text)) {
    doc.root = *clean;
    return doc;
  }
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    StrictChecker checker(text, label, p);
    while (parser.HandleNextDocument(checker)) {
    }
    doc.root = checker.root();
  } catch (const YAML::Exception& e) {
    SyntaxError(e, text, label, p);
  }
  return doc;
}

std::string ReadYamlBytes(const std::filesystem::path& path, const std::string& label, const YamlOptions& opt) {
  const std::string& p = opt.code_prefix;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    throw InputError(p + ".io", label, "ファイルが見つかりません（" + Excerpt(path.string(), 120) + "）");
  if (S_ISDIR(st.st_mode)) throw InputError(p + ".io", label, "ファイルではなくフォルダです");
  if (!S_ISREG(st.st_mode))
    throw InputError(p + ".io", label, "通常のファイルではありません（パイプ・デバイスなどは読みません）");
  if (static_cast<unsigned long long>(st.st_size) > opt.max_bytes)
    throw InputError(p + ".too_large", label,
                     "ファイルが大きすぎます（" + std::to_string(st.st_size) + " バイト、上限 " +
                         std::to_string(opt.max_bytes) + " バイト）");
  std::string bytes;
  try {
    bytes = ReadFile(path, opt.max_bytes);
  } catch (const InputError& e) {
    throw InputError(p + ".io", label, e.problem().message);
  }
  return bytes;
}

YamlDoc ReadYamlFile(const std::filesystem::path& path, const std::string& label, const YamlOptions& opt) {
  return ParseYamlText(ReadYamlBytes(path, label, opt), label, opt);
}

}  // namespace fidelity
