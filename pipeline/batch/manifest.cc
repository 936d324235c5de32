#include "pipeline/batch/manifest.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>

#include "pipeline/core/date.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"

namespace fidelity {
namespace {

std::string At(const std::filesystem::path& file, const YAML::Node& n) {
  return file.filename().string() + ":" + std::to_string(n.Mark().line + 1);
}

[[noreturn]] void Fail(const std::filesystem::path& file, const YAML::Node& n, const std::string& code,
                       const std::string& msg) {
  throw InputError("manifest." + code, At(file, n), msg);
}

std::string Text(const std::filesystem::path& file, const YAML::Node& parent, const char* key, bool required) {
  YAML::Node v = parent[key];
  if (!v) {
    if (required) Fail(file, parent, "missing", std::string("「") + key + "」がありません");
    return "";
  }
  if (!v.IsScalar()) Fail(file, v, "type", std::string("「") + key + "」は文字列で書いてください");
  return v.Scalar();
}

}  // namespace

Manifest ParseManifest(const std::string& text, const std::filesystem::path& file) {
  Manifest m;
  m.file = file;
  m.dir = file.parent_path();
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw InputError("manifest.yaml", file.filename().string() + ":" + std::to_string(e.mark.line + 1),
                     "YAML として読めません（" + e.msg + "）");
  }
  if (!root.IsMap()) throw InputError("manifest.yaml", file.filename().string(), "cycle.yaml の形が正しくありません");
  m.cycle = Text(file, root, "cycle", true);
  if (root["previous"]) m.previous = m.dir / Text(file, root, "previous", false);
  YAML::Node list = root["agencies"];
  if (!list || !list.IsSequence()) Fail(file, root, "missing", "「agencies」の一覧がありません");
  static const std::regex id_re("[a-z0-9-]+");
  std::set<std::string> seen;
  for (const YAML::Node& a : list) {
    if (!a.IsMap()) Fail(file, a, "type", "機関の項目は「id:」などのキーで書いてください");
    AgencyEntry e;
    e.line = a.Mark().line + 1;
    e.id = Text(file, a, "id", true);
    if (!std::regex_match(e.id, id_re))
      Fail(file, a["id"], "id", "id「" + e.id + "」は半角英小文字・数字・ハイフンだけで書いてください");
    if (!seen.insert(e.id).second) Fail(file, a["id"], "duplicate_id", "id「" + e.id + "」が重複しています");
    e.name = Text(file, a, "name", true);
    e.type = Text(file, a, "type", true);
    e.survey_date = Text(file, a, "survey_date", false);
    if (!e.survey_date.empty()) {
      auto d = ParseDateText(e.survey_date);
      if (!d) Fail(file, a["survey_date"], "date", "survey_date「" + e.survey_date + "」は日付として読めません");
      e.survey_date = d->date.Iso();
    }
    e.workbook = m.dir / Text(file, a, "workbook", true);
    if (a["password_file"]) e.password_file = m.dir / Text(file, a, "password_file", false);
    if (a["password_env"]) e.password_env = Text(file, a, "password_env", false);
    if (a["password"])
      Fail(file, a["password"], "password_inline",
           "パスワードを cycle.yaml に直接書かないでください。password_file か password_env を使ってください");
    YAML::Node revs = a["reviews"];
    if (revs) {
      if (!revs.IsSequence()) Fail(file, revs, "type", "「reviews」はファイルの一覧で書いてください");
      for (const YAML::Node& r : revs) {
        if (!r.IsScalar()) Fail(file, r, "type", "「reviews」はファイルの一覧で書いてください");
        e.reviews.push_back(m.dir / r.Scalar());
      }
    }
    if (a["consensus"]) e.consensus = m.dir / Text(file, a, "consensus", false);
    m.agencies.push_back(std::move(e));
  }
  return m;
}

Manifest LoadManifest(const std::filesystem::path& path) {
  std::filesystem::path file = path;
  if (std::filesystem::is_directory(file)) file /= "cycle.yaml";
  return ParseManifest(ReadFile(file, 4u << 20), file);
}

}  // namespace fidelity
