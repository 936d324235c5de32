#include "pipeline/review/sheet_layout.h"

#include <yaml-cpp/yaml.h>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/yaml.h"

namespace fidelity {
namespace {

struct Reader {
  const YAML::Node& root;
  const std::string& label;

  std::string Str(const char* key) const {
    YAML::Node n = root[key];
    if (!n || !n.IsScalar())
      throw InputError("config.reviewer_sheet", label, std::string("「") + key + "」がないか、文字列ではありません");
    return n.Scalar();
  }
  int Int(const char* key) const {
    std::string s = Str(key);
    try {
      return std::stoi(s);
    } catch (const std::exception&) {
      throw InputError("config.reviewer_sheet", label, std::string("「") + key + "」は整数で書いてください");
    }
  }
  std::vector<std::string> List(const char* key) const {
    YAML::Node n = root[key];
    if (!n || !n.IsSequence())
      throw InputError("config.reviewer_sheet", label, std::string("「") + key + "」は文字列の一覧で書いてください");
    std::vector<std::string> out;
    for (const auto& e : n) out.push_back(e.Scalar());
    return out;
  }
};

}  // namespace

ReviewerSheetLayout ParseReviewerSheetLayout(const std::string& yaml_text, const std::string& label) {
  // The one strict loader (core/yaml.h): Japanese syntax messages with file:line.
  YAML::Node root = ParseYamlText(yaml_text, label, {"config"}).root;
  if (!root.IsMap()) throw InputError("config.reviewer_sheet", label, "「キー: 値」のマップで書いてください");
  Reader r{root, label};
  ReviewerSheetLayout L;
  L.sheet = r.Str("sheet");
  L.instructions_sheet = r.Str("instructions_sheet");
  L.title = r.Str("title");
  L.note = r.Str("note");
  L.reviewer_label = r.Str("reviewer_label");
  L.reviewer_note = r.Str("reviewer_note");
  L.headers = r.List("headers");
  if (L.headers.size() != 9) throw InputError("config.reviewer_sheet", label, "headers は9個（A〜I列）必要です");
  L.anchors_title = r.Str("anchors_title");
  L.section_goi = r.Str("section_goi");
  L.section_strengths = r.Str("section_strengths");
  L.section_challenges = r.Str("section_challenges");
  L.strengths_code = r.Str("strengths_code");
  L.challenges_code = r.Str("challenges_code");
  L.list_rows = r.Int("list_rows");
  L.yes = r.Str("yes");
  L.no = r.Str("no");
  L.undecided = r.Str("undecided");
  L.check_yes = r.Str("check_yes");
  L.check_no = r.Str("check_no");
  L.computed_note = r.Str("computed_note");
  L.checklist_note = r.Str("checklist_note");
  L.goi_computed_note = r.Str("goi_computed_note");
  L.reason_label = r.Str("reason_label");
  L.other_reason_code = r.Str("other_reason_code");
  L.other_reason_label = r.Str("other_reason_label");
  L.other_reason_rows = r.Int("other_reason_rows");
  L.count_code = r.Str("count_code");
  L.error_title = r.Str("error_title");
  L.error_score = r.Str("error_score");
  L.error_check = r.Str("error_check");
  L.error_goi = r.Str("error_goi");
  L.error_count = r.Str("error_count");
  L.instructions = r.List("instructions");
  return L;
}

ReviewerSheetLayout LoadReviewerSheetLayout() {
  auto path = DataDir() / "templates" / "reviewer_sheet.yaml";
  return ParseReviewerSheetLayout(ReadFile(path, 1u << 20), path.filename().string());
}

}  // namespace fidelity
