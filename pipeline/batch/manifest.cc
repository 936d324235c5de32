#include "pipeline/batch/manifest.h"
#include "pipeline/batch/manifest_blanks.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "pipeline/core/date.h"
#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"

namespace fidelity {
namespace {

const std::vector<std::string> kTopKeys = {"cycle", "previous", "agencies"};
const std::vector<std::string> kAgencyKeys = {"id",           "name",     "type",    "survey_date",
                                              "workbook",     "password_file", "password_env",
                                              "reviews",      "consensus", "terms"};
const std::vector<std::string> kTermKeys = {"ES", "CM", "SV"};
constexpr size_t kMaxTermChars = 20;
constexpr size_t kMaxPathBytes = 1024;

// Valid ids: [a-z0-9-], first a letter or digit, at most kMaxAgencyIdChars.
// Checked by hand (a recursive regex crashed on a 27,000-character id).
std::string IdProblem(const std::string& id) {
  if (id.size() > kMaxAgencyIdChars)
    return "id が長すぎます（" + std::to_string(Utf8ToCodepoints(id).size()) + " 文字。" +
           std::to_string(kMaxAgencyIdChars) + " 文字までにしてください）";
  bool ok = !id.empty() && id[0] != '-';
  for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok) return "id「" + Excerpt(id) + "」は半角英小文字・数字・ハイフンだけで書いてください（先頭は英小文字か数字）";
  return "";
}

class ManifestReader {
 public:
  explicit ManifestReader(Manifest& m) : m_(m), label_(m.file.filename().string()) {}

  void Top(const YAML::Node& root) {
    if (!root || root.IsNull()) Fail(root, "empty", "cycle.yaml が空です（cycle と agencies を書いてください）");
    if (!root.IsMap()) Fail(root, "type", "cycle.yaml は「キー: 値」の形で書いてください（cycle・previous・agencies）");
    CheckKeys(root, kTopKeys, label_, "manifest", "cycle.yaml の最上位");
    m_.cycle = Text(root, "cycle", true);
    if (YAML::Node p = root["previous"]; p && !p.IsNull()) {
      m_.previous = m_.dir / Path(root, "previous");
      m_.previous_line = YamlLine(p);
    }
    YAML::Node list = root["agencies"];
    if (!list || list.IsNull()) Fail(root, "missing", "「agencies」（機関の一覧）がありません");
    if (!list.IsSequence()) Fail(list, "type", "「agencies」は「- id: …」で始まる機関の一覧で書いてください");
    if (list.size() == 0) Fail(list, "empty", "「agencies」に機関が1つもありません");
    for (const YAML::Node& a : list) m_.agencies.push_back(Agency(a));
  }

 private:
  [[noreturn]] void Fail(const YAML::Node& n, const std::string& code, const std::string& msg) const {
    throw InputError("manifest." + code, YamlWhere(label_, YamlLine(n)), msg);
  }

  std::string Text(const YAML::Node& parent, const char* key, bool required) const {
    YAML::Node v = parent[key];
    if (!v || v.IsNull()) {
      if (required) Fail(v ? v : parent, "missing", std::string("「") + key + "」がありません");
      return "";
    }
    if (!v.IsScalar()) Fail(v, "type", std::string("「") + key + "」は文字列で書いてください");
    std::string s = Trim(v.Scalar());
    if (required && s.empty()) Fail(v, "missing", std::string("「") + key + "」が空です");
    return s;
  }

  std::string Path(const YAML::Node& parent, const char* key) const {
    std::string s = Text(parent, key, true);
    if (s.size() > kMaxPathBytes) Fail(parent[key], "type", std::string("「") + key + "」のパスが長すぎます");
    return s;
  }

  std::filesystem::path Input(const YAML::Node& value, const std::string& written, const char* key,
                              const std::string& id) {
    std::filesystem::path p = m_.dir / written;
    std::string norm = p.lexically_normal().string();
    auto [it, fresh] = files_.emplace(norm, YamlLine(value));
    if (!fresh)
      Fail(value, "duplicate_file", "ファイル「" + Excerpt(written, 80) + "」が2回指定されています（最初は" +
                                        std::to_string(it->second) + "行目）。1つのファイルは1か所にだけ書いてください");
    m_.inputs.push_back({p, written, key, id, YamlLine(value)});
    return p;
  }

  AgencyEntry Agency(const YAML::Node& a) {
    if (!a.IsMap()) Fail(a, "type", "機関の項目は「- id: …」のように「キー: 値」で書いてください");
    if (a["password"])
      Fail(a["password"], "password_inline",
           "パスワードを cycle.yaml に直接書かないでください。password_file か password_env を使ってください");
    CheckKeys(a, kAgencyKeys, label_, "manifest", "機関の項目");
    AgencyEntry e;
    e.line = YamlLine(a);
    e.id = Text(a, "id", true);
    if (std::string why = IdProblem(e.id); !why.empty()) Fail(a["id"], "id", why);
    if (!ids_.insert(e.id).second) Fail(a["id"], "duplicate_id", "id「" + e.id + "」が重複しています");
    e.name = Text(a, "name", true);
    e.type = Text(a, "type", true);
    e.type_line = YamlLine(a["type"]);
    e.survey_date = Text(a, "survey_date", false);
    if (auto blank = UnfilledFields({{"name", e.name}, {"type", e.type}, {"survey_date", e.survey_date},
                                     {"workbook", a["workbook"] && a["workbook"].IsScalar() ? a["workbook"].Scalar() : ""}});
        !blank.empty())
      Fail(a, "unfilled", UnfilledMessage(e.id, blank));
    if (!e.survey_date.empty()) {
      auto d = ParseDateText(Nfkc(e.survey_date));
      if (!d) Fail(a["survey_date"], "date", "survey_date「" + Excerpt(e.survey_date) + "」は日付として読めません（例: 2026-10-12）");
      e.survey_date = d->date.Iso();
    }
    e.workbook = Input(a["workbook"], Path(a, "workbook"), "workbook", e.id);
    Passwords(a, e);
    Reviews(a, e);
    Terms(a, e);
    return e;
  }

  void Passwords(const YAML::Node& a, AgencyEntry& e) {
    bool file = a["password_file"] && !a["password_file"].IsNull();
    bool env = a["password_env"] && !a["password_env"].IsNull();
    if (file && env)
      Fail(a["password_env"], "password_both", "password_file と password_env の両方が書かれています。どちらか一方にしてください");
    if (file) {  // one password file may serve several agencies: not a duplicate
      std::string w = Path(a, "password_file");
      e.password_file = m_.dir / w;
      m_.inputs.push_back({*e.password_file, w, "password_file", e.id, YamlLine(a["password_file"])});
    }
    if (env) {
      std::string v = Text(a, "password_env", true);
      bool ok = v.size() <= 64 && !(v[0] >= '0' && v[0] <= '9');
      for (char c : v) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
      if (!ok) Fail(a["password_env"], "password_env", "password_env には環境変数の名前（半角英数字と _）を書いてください");
      e.password_env = v;
    }
  }

  void Reviews(const YAML::Node& a, AgencyEntry& e) {
    YAML::Node revs = a["reviews"];
    if (revs && revs.IsScalar()) {  // one file written without brackets
      e.reviews.push_back(Input(revs, Path(a, "reviews"), "reviews", e.id));
    } else if (revs && !revs.IsNull()) {
      if (!revs.IsSequence()) Fail(revs, "type", "「reviews」は評価者ファイルの一覧（[a.yaml, b.yaml]）で書いてください");
      for (const YAML::Node& r : revs) {
        if (!r.IsScalar() || Trim(r.Scalar()).empty())
          Fail(r, "type", "「reviews」の各要素はファイルのパスで書いてください");
        std::string w = Trim(r.Scalar());
        if (w.size() > kMaxPathBytes) Fail(r, "type", "「reviews」のパスが長すぎます");
        e.reviews.push_back(Input(r, w, "reviews", e.id));
      }
    }
    if (a["consensus"] && !a["consensus"].IsNull())
      e.consensus = Input(a["consensus"], Path(a, "consensus"), "consensus", e.id);
  }

  void Terms(const YAML::Node& a, AgencyEntry& e) {
    YAML::Node t = a["terms"];
    if (!t || t.IsNull()) return;
    if (!t.IsMap()) Fail(t, "terms", "「terms」は {ES: …, CM: …, SV: …} の形で書いてください");
    CheckKeys(t, kTermKeys, label_, "manifest", "terms");
    for (const std::string& k : kTermKeys) {
      std::string v = Text(t, k.c_str(), false);
      if (v.empty()) continue;
      if (Utf8ToCodepoints(v).size() > kMaxTermChars)
        Fail(t[k], "terms", "terms の " + k + " が長すぎます（" + std::to_string(kMaxTermChars) + " 文字まで）");
      e.terms[k] = v;
    }
  }

  Manifest& m_;
  std::string label_;
  std::set<std::string> ids_;
  std::map<std::string, int> files_;  // resolved input path -> first line
};

}  // namespace

std::vector<std::filesystem::path> Manifest::InputPaths() const {
  std::vector<std::filesystem::path> v{file};
  for (const auto& in : inputs) v.push_back(in.path);
  return v;
}

void CheckAgencyTypes(const Manifest& m, const std::vector<std::string>& types) {
  for (const AgencyEntry& e : m.agencies) {
    if (std::find(types.begin(), types.end(), e.type) != types.end()) continue;
    std::string near = NearestKey(e.type, types), all;
    for (const auto& t : types) all += (all.empty() ? "" : "・") + t;
    throw InputError("manifest.type", YamlWhere(m.file.filename().string(), e.type_line),
                     "type「" + Excerpt(e.type) + "」は " + all + " のいずれかで書いてください" +
                         (near.empty() ? std::string() : "（" + near + " のことですか？）"));
  }
}

Manifest ParseManifest(const std::string& text, const std::filesystem::path& file) {
  Manifest m;
  m.file = file;
  m.dir = file.parent_path();
  YamlOptions opt;
  opt.code_prefix = "manifest";
  opt.max_bytes = 4u << 20;  // a few thousand agencies
  YamlDoc doc = ParseYamlText(text, file.filename().string(), opt);
  m.notes = doc.notes;
  ManifestReader(m).Top(doc.root);
  return m;
}

}  // namespace fidelity
