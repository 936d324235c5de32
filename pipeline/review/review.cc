#include "pipeline/review/review.h"

#include <filesystem>

#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"
#include "pipeline/instrument/yaml_util.h"

namespace fidelity {
namespace {

std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}
std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// "consensus のことですか？" when a known key is near, else the list of keys.
std::string Suggest(const std::string& key, const std::vector<std::string>& known, const char* list_suffix = "") {
  std::string near = NearestKey(key, known);
  if (!near.empty()) return near + " のことですか？";
  std::string all;
  for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
  return all + list_suffix;
}

class Parser {
 public:
  Parser(const std::string& file, const Instrument& ins) : file_(file), ins_(ins) {}

  ReviewerFile Run(const YAML::Node& root) {
    ReviewerFile out;
    out.file = file_;
    if (!root || root.IsNull())
      Fail("review.empty", 0, "ファイルが空です（reviewer と items を書いてください）");
    if (!root.IsMap())
      Fail("review.wrong_type", Line(root), "ファイルの最上位は「キー: 値」のマップでなければなりません");
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string key = YamlScalarKey(it->first);
      const YAML::Node v = it->second;
      int line = YamlLine(it->first);
      if (key == "reviewer") {
        out.reviewer = Text(v, line, "reviewer");
      } else if (key == "items") {
        Items(v, line, out);
      } else if (key == "goi") {
        Goi(v, line, out);
      } else if (key == "strengths") {
        out.strengths = TextList(v, line, "strengths");
      } else if (key == "challenges") {
        out.challenges = TextList(v, line, "challenges");
      } else {
        Fail("review.unknown_key", line,
             "不明なキー '" + Excerpt(key) + "'（" +
                 Suggest(key, {"reviewer", "items", "goi", "strengths", "challenges"}, " のいずれか") + "）");
      }
    }
    if (out.reviewer.empty()) out.reviewer = std::filesystem::path(file_).stem().string();
    return out;
  }

 private:
  [[noreturn]] void Fail(const std::string& code, int line, const std::string& msg) const {
    throw InputError(code, YamlWhere(file_, line), msg);
  }
  static int Line(const YAML::Node& n, int fallback = 0) {
    int l = YamlLine(n);
    return l > 0 ? l : fallback;
  }

  std::string Text(const YAML::Node& v, int key_line, const std::string& what) const {
    if (!v || v.IsNull()) return "";
    if (!v.IsScalar()) Fail("review.wrong_type", Line(v, key_line), what + " は文字列で書いてください");
    return Trim(v.Scalar());
  }

  std::vector<std::string> TextList(const YAML::Node& v, int key_line, const std::string& what) const {
    std::vector<std::string> out;
    if (!v || v.IsNull()) return out;
    if (v.IsScalar()) {  // one entry written without a list
      std::string s = Trim(v.Scalar());
      if (!s.empty()) out.push_back(s);
      return out;
    }
    if (!v.IsSequence()) Fail("review.wrong_type", Line(v, key_line), what + " は文字列のリストで書いてください");
    for (const auto& e : v) {
      if (e.IsNull()) continue;
      if (!e.IsScalar())
        Fail("review.wrong_type", Line(e, key_line), what + " の各要素は文字列で書いてください");
      std::string s = Trim(e.Scalar());
      if (!s.empty()) out.push_back(s);
    }
    return out;
  }

  // true/false, yes/no, on/off, 1/0. nullopt for anything else.
  static std::optional<bool> Bool(const YAML::Node& v) {
    if (!v.IsScalar()) return std::nullopt;
    std::string s = AsciiLower(Trim(Nfkc(v.Scalar())));
    if (s == "true" || s == "yes" || s == "on" || s == "1") return true;
    if (s == "false" || s == "no" || s == "off" || s == "0") return false;
    return std::nullopt;
  }

  bool NeedBool(const YAML::Node& v, int key_line, const std::string& what) const {
    auto b = Bool(v);
    if (!b)
      Fail("review.wrong_type", Line(v, key_line),
           what + " は true か false で書いてください" +
               (v.IsScalar() ? "（'" + Excerpt(v.Scalar()) + "'）" : std::string()));
    return *b;
  }

  int Score(const YAML::Node& v, int key_line, const std::string& code) const {
    std::string range = std::to_string(ins_.score_min) + "〜" + std::to_string(ins_.score_max);
    if (!v.IsScalar())
      Fail("review.wrong_type", Line(v, key_line), "項目 " + code + " の score は" + range + "の整数で書いてください");
    std::string s = Trim(Nfkc(v.Scalar()));
    bool digits = !s.empty() && s.size() <= 3;
    for (size_t k = 0; k < s.size() && digits; ++k) digits = (s[k] >= '0' && s[k] <= '9') || (k == 0 && s[k] == '-');
    int n = digits && s != "-" ? std::stoi(s) : 0;
    if (!digits || s == "-" || n < ins_.score_min || n > ins_.score_max)
      Fail("review.bad_score", Line(v, key_line),
           "項目 " + code + " の score は" + range + "の整数です（'" + Excerpt(v.Scalar()) + "'）");
    return n;
  }

  // III-8/III-9 `count`: a whole number 0–999 (the distinct job types or employers).
  int Count(const YAML::Node& v, int key_line, const std::string& code) const {
    std::string s = v.IsScalar() ? Trim(Nfkc(v.Scalar())) : "";
    bool digits = !s.empty() && s.size() <= 3;
    for (char c : s) digits = digits && c >= '0' && c <= '9';
    if (!digits)
      Fail("review.bad_count", Line(v, key_line),
           "項目 " + code + " の count は0以上の整数（重複を除いた数）で書いてください" +
               (v.IsScalar() ? "（'" + Excerpt(v.Scalar()) + "'）" : std::string()));
    return std::stoi(s);
  }

  void Items(const YAML::Node& v, int key_line, ReviewerFile& out) {
    if (!v || v.IsNull()) return;
    if (!v.IsMap())
      Fail("review.wrong_type", Line(v, key_line), "items は「項目コード: 内容」のマップで書いてください");
    std::map<std::string, int> seen;
    for (auto it = v.begin(); it != v.end(); ++it) {
      int line = YamlLine(it->first);
      std::string raw = it->first.IsScalar() ? it->first.Scalar() : "";
      std::string code = NormalizeItemCode(raw);
      const Item* item = ins_.FindItem(code);
      if (!item) Fail("review.unknown_item", line, "不明な項目コード '" + Excerpt(raw) + "'");
      auto [at, fresh] = seen.emplace(code, line);
      if (!fresh)
        Fail("review.duplicate_key", line,
             "項目 " + code + " が重複しています（最初は" + std::to_string(at->second) + "行目）");
      ReviewerItem ri;
      ri.code = code;
      ri.line = line;
      OneItem(*item, it->second, ri);
      out.items[code] = std::move(ri);
    }
  }

  void OneItem(const Item& item, const YAML::Node& v, ReviewerItem& ri) {
    const std::string& code = item.code;
    if (!v || v.IsNull()) return;  // written but left blank
    if (v.IsScalar()) {            // "II-1: 3"
      ri.score = Score(v, ri.line, code);
      ri.score_line = Line(v, ri.line);
      return;
    }
    if (!v.IsMap())
      Fail("review.wrong_type", Line(v, ri.line),
           "項目 " + code + " は {score: …, checks: …, note: …} の形で書いてください");
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string key = AsciiLower(YamlScalarKey(it->first));
      int line = YamlLine(it->first);
      const YAML::Node val = it->second;
      if (key == "score") {
        if (val.IsNull()) continue;
        ri.score = Score(val, line, code);
        ri.score_line = Line(val, line);
      } else if (key == "note") {
        ri.note = Text(val, line, "項目 " + code + " の note");
      } else if (key == "checks") {
        Checks(item, val, line, ri);
      } else if (key == "count" && !item.reviewer_count.empty()) {
        if (val.IsNull()) continue;
        ri.count = Count(val, line, code);
        ri.count_line = Line(val, line);
      } else if (item.FindFlag(key)) {
        if (ri.flags.count(key))
          Fail("review.duplicate_key", line, "項目 " + code + " の " + key + " が2回書かれています");
        ri.flags[key] = NeedBool(val, line, "項目 " + code + " の " + key);
      } else {
        std::vector<std::string> known = {"score", "checks", "note"};
        for (const auto& f : item.flags) known.push_back(f.key);
        if (!item.reviewer_count.empty()) known.push_back("count");
        Fail("review.unknown_key", line, "項目 " + code + " に不明なキー '" + Excerpt(YamlScalarKey(it->first)) +
                                             "'（" + Suggest(key, known) + "）");
      }
    }
  }

  static std::string FlagList(const Item& item) {
    std::string s;
    for (const auto& f : item.flags) s += ", " + f.key;
    return s;
  }

  static std::string CheckList(const Item& item) {
    std::string s;
    for (const auto& c : item.checks) s += (s.empty() ? "" : ", ") + c.key;
    return s;
  }

  void Checks(const Item& item, const YAML::Node& v, int key_line, ReviewerItem& ri) {
    const std::string& code = item.code;
    if (item.source != ItemSource::kChecklist)
      Fail("review.unknown_check", key_line,
           "項目 " + code + " にはチェックリストがありません（score と note で書いてください）");
    ri.has_checks = true;
    if (!v || v.IsNull()) return;
    if (!v.IsMap())
      Fail("review.wrong_type", Line(v, key_line), "項目 " + code + " の checks は {i: true, …} のマップで書いてください");
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string raw = YamlScalarKey(it->first);
      std::string key = AsciiLower(raw);
      int line = YamlLine(it->first);
      const YAML::Node val = it->second;
      if (item.FindFlag(key)) {  // no_cm / rarely_meets_employers inside checks
        if (ri.flags.count(key))
          Fail("review.duplicate_key", line, "項目 " + code + " の " + key + " が2回書かれています");
        ri.flags[key] = NeedBool(val, line, "項目 " + code + " の " + key);
        continue;
      }
      const CheckDef* def = item.FindCheck(key);
      if (!def)
        Fail("review.unknown_check", line,
             "項目 " + code + " に不明なチェック項目 '" + Excerpt(raw) + "'（" + CheckList(item) + FlagList(item) + "）");
      if (ri.checks.count(key))
        Fail("review.duplicate_key", line, "項目 " + code + " のチェック項目 " + key + " が重複しています");
      if (val.IsNull()) {
        ri.checks[key] = 0;
      } else if (val.IsSequence()) {
        if (!def->reasons)
          Fail("review.wrong_type", Line(val, line),
               "項目 " + code + " の " + key + " は true か false で書いてください");
        std::vector<std::string> reasons;
        for (const auto& e : val) {
          if (!e.IsScalar())
            Fail("review.wrong_type", Line(e, line), "項目 " + code + " の " + key + " の理由は文字列で書いてください");
          std::string s = Trim(e.Scalar());
          if (!s.empty()) reasons.push_back(s);
        }
        ri.checks[key] = static_cast<int>(reasons.size());
        ri.reasons[key] = std::move(reasons);
      } else {
        auto b = Bool(val);
        if (!b)
          Fail("review.wrong_type", Line(val, line),
               "項目 " + code + " の " + key + " は true か false" + (def->reasons ? "、または理由のリスト" : " ") +
                   "で書いてください" + (val.IsScalar() ? "（'" + Excerpt(val.Scalar()) + "'）" : std::string()));
        ri.checks[key] = *b ? 1 : 0;
      }
    }
  }

  void Goi(const YAML::Node& v, int key_line, ReviewerFile& out) {
    if (!v || v.IsNull()) return;
    if (!v.IsMap()) Fail("review.wrong_type", Line(v, key_line), "goi は {G1: true, …} のマップで書いてください");
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string raw = YamlScalarKey(it->first);
      std::string code = AsciiUpper(raw);
      int line = YamlLine(it->first);
      if (!ins_.FindGoi(code)) Fail("review.unknown_goi", line, "不明なGOIコード '" + Excerpt(raw) + "'");
      if (out.goi.count(code))
        Fail("review.duplicate_key", line, "GOI " + code + " が重複しています（最初は" +
                                               std::to_string(out.goi_lines[code]) + "行目）");
      out.goi_lines[code] = line;
      if (it->second.IsNull()) {
        out.goi[code] = std::nullopt;
      } else {
        out.goi[code] = NeedBool(it->second, line, "GOI " + code);
      }
    }
  }

  const std::string& file_;
  const Instrument& ins_;
};

}  // namespace

std::string NormalizeItemCode(const std::string& raw) { return AsciiUpper(Trim(Nfkc(raw))); }

std::string ReviewerFile::Where(int line) const {
  if (!sheet_column.empty() && line > 0) return file + " " + sheet_column + std::to_string(line);
  return YamlWhere(file, line);
}

ReviewerFile ParseReviewerFile(const std::string& text, const std::string& file_label,
                               const Instrument& instrument) {
  if (text.size() > kMaxReviewerFileBytes)
    throw InputError("review.too_large", file_label,
                     "評価者ファイルが大きすぎます（" + std::to_string(text.size()) + "バイト、上限" +
                         std::to_string(kMaxReviewerFileBytes) + "バイト）");
  YamlOptions opt;
  opt.code_prefix = "review";
  opt.max_bytes = kMaxReviewerFileBytes;
  YamlDoc doc = ParseYamlText(text, file_label, opt);  // the one strict loader (core/yaml.h)
  ReviewerFile out = Parser(file_label, instrument).Run(doc.root);
  for (Problem& n : doc.notes) n.coordinator_only = true;  // a converted encoding: the coordinator's business
  out.problems.insert(out.problems.begin(), doc.notes.begin(), doc.notes.end());
  return out;
}

}  // namespace fidelity
