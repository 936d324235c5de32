#include "pipeline/report/report_template.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/yaml.h"

namespace fidelity::report {
namespace {

// What the renderer asks for; the template must provide all of it.
const std::vector<std::string> kDocumentKeys = {"title", "author", "subject", "creator",
                                                "page_number", "provisional_mark"};
const std::vector<std::string> kSizeKeys = {"title", "heading", "body", "table", "small"};
const std::vector<std::string> kColourKeys = {
    "text", "heading", "rule", "muted", "table_header", "group_row", "border", "current",
    "previous", "region", "provisional", "missing", "grid", "strength", "challenge"};
const std::vector<std::string> kBandKeys = {"exemplary", "good", "fair", "not_supported"};
const std::vector<std::string> kSourceKeys = {"workbook", "records", "checklist", "reviewers",
                                              "override"};
const std::vector<std::string> kActionPlanKeys = {
    "sheet", "title", "col_item", "col_now", "col_target", "col_criterion", "col_action",
    "col_owner", "col_due", "col_check", "priority_mark", "check_options", "owner_prompt",
    "due_prompt"};
const std::vector<std::string> kReviewNotesKeys = {
    "title", "agreement", "no_agreement", "disagreements", "overrides", "consensus", "items",
    "computed", "problems", "none"};
const std::map<std::string, std::vector<std::string>> kSectionText = {
    {"cover", {"agency", "type", "survey_date", "record_date", "reviewers", "cycle",
               "provisional_note"}},
    {"summary", {"total", "band", "points", "range", "missing", "previous", "change", "goi_total",
                 "none", "bands_note"}},
    {"priorities", {"intro", "item_format", "criterion", "hint", "none"}},
    {"score_sheet", {"col_code", "col_name", "col_score", "col_previous", "col_region",
                     "col_source", "subtotal", "total", "missing_score", "override_mark",
                     "footnote", "region_none"}},
    {"charts", {"items_title", "subscales_title", "legend_current", "legend_previous",
                "legend_region", "subscale_note"}},
    {"goi", {"col_code", "col_name", "col_criterion", "col_met", "yes", "no", "unresolved",
             "total"}},
    {"strengths", {"intro", "reviewers_label", "items_label", "item_format", "rose_format",
                   "none"}},
    {"challenges", {"intro", "reviewers_label", "items_label", "items_line", "item_format",
                    "none"}},
    {"rationale", {"intro", "col_code", "col_notes", "override_note", "value_note", "checks_note",
                   "no_notes"}},
    {"changes", {"intro", "none", "first_time", "item_format", "up", "down", "total_change"}},
    {"trend", {"intro", "col_cycle", "col_total", "changed", "changed_format"}},
    {"limits", {"intro", "none"}},
    {"glossary", {"intro"}},
    {"problems", {"intro", "none", "col_severity", "col_where", "col_message", "warning",
                  "error"}},
    {"plan", {"intro", "item_format", "col_item", "col_action", "col_owner", "criterion", "hint",
              "none"}},
};

std::string Where(const std::string& origin, const YAML::Node& n) {
  if (!n.IsDefined() || n.Mark().line < 0) return origin;
  return origin + ":" + std::to_string(n.Mark().line + 1);
}

[[noreturn]] void Fail(const std::string& code, const std::string& where, const std::string& msg) {
  throw InputError("template." + code, where, msg);
}

YAML::Node Need(const YAML::Node& parent, const std::string& key, const std::string& origin,
                const std::string& path) {
  YAML::Node n = parent[key];
  if (!n.IsDefined() || n.IsNull())
    Fail("missing", Where(origin, parent), "テンプレートに " + path + key + " がありません");
  return n;
}

// Line breaks inside a text are removed: a long Japanese text may be
// written over several lines (|-) without gaining spaces.
std::string Scalar(const YAML::Node& n, const std::string& origin, const std::string& what) {
  if (!n.IsScalar()) Fail("type", Where(origin, n), what + " は文字列でなければなりません");
  std::string s = n.Scalar();
  s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
  return s;
}

Color ColourOf(const YAML::Node& n, const std::string& origin, const std::string& what) {
  std::string s = Scalar(n, origin, what);
  std::optional<Color> c = pdf::ParseColor(s);
  if (!c) Fail("colour", Where(origin, n), what + " の色 '" + s + "' は #RRGGBB の形ではありません");
  return *c;
}

}  // namespace

const SectionTemplate* ReportTemplate::Section(const std::string& key) const {
  for (const SectionTemplate& s : sections)
    if (s.key == key) return &s;
  return nullptr;
}

const std::string& ReportTemplate::Text(const std::string& section, const std::string& key) const {
  const SectionTemplate* s = Section(section);
  if (!s) throw std::out_of_range("template section " + section);
  return s->text.at(key);
}

ReportTemplate ParseReportTemplate(std::string_view yaml, const std::string& origin) {
  YamlOptions yopt;  // the one strict loader (core/yaml.h): template.syntax etc. with file:line, in Japanese
  yopt.code_prefix = "template";
  YAML::Node root = ParseYamlText(yaml, origin, yopt).root;
  if (!root.IsMap()) Fail("syntax", origin, "テンプレートの最上位は対応表でなければなりません");
  ReportTemplate t;
  t.origin = origin;
  try {
    YAML::Node doc = Need(root, "document", origin, "");
    for (const std::string& k : kDocumentKeys)
      t.document[k] = Scalar(Need(doc, k, origin, "document."), origin, "document." + k);
    YAML::Node sizes = Need(root, "sizes", origin, "");
    for (const std::string& k : kSizeKeys) {
      YAML::Node n = Need(sizes, k, origin, "sizes.");
      double v = 0;
      try {
        v = n.as<double>();
      } catch (const YAML::Exception&) {
        Fail("type", Where(origin, n), "sizes." + k + " は数値でなければなりません");
      }
      if (v < 4 || v > 40) Fail("range", Where(origin, n), "sizes." + k + " は4〜40ポイントにしてください");
      t.sizes[k] = v;
    }
    YAML::Node colours = Need(root, "colours", origin, "");
    for (const std::string& k : kColourKeys)
      t.colours[k] = ColourOf(Need(colours, k, origin, "colours."), origin, "colours." + k);
    YAML::Node bands = Need(root, "bands", origin, "");
    for (const std::string& k : kBandKeys)
      t.bands[k] = ColourOf(Need(bands, k, origin, "bands."), origin, "bands." + k);
    YAML::Node sources = Need(root, "sources", origin, "");
    for (const std::string& k : kSourceKeys)
      t.sources[k] = Scalar(Need(sources, k, origin, "sources."), origin, "sources." + k);
    for (const char* group : {"action_plan", "review_notes"}) {
      YAML::Node g = Need(root, group, origin, "");
      auto& out = std::string(group) == "action_plan" ? t.action_plan : t.review_notes;
      const auto& keys = std::string(group) == "action_plan" ? kActionPlanKeys : kReviewNotesKeys;
      for (const std::string& k : keys)
        out[k] = Scalar(Need(g, k, origin, std::string(group) + "."), origin, std::string(group) + "." + k);
    }
    YAML::Node sections = Need(root, "sections", origin, "");
    if (!sections.IsSequence()) Fail("type", Where(origin, sections), "sections は列でなければなりません");
    std::set<std::string> seen;
    for (const YAML::Node& s : sections) {
      SectionTemplate st;
      st.key = Scalar(Need(s, "key", origin, "sections[]."), origin, "sections[].key");
      auto it = kSectionText.find(st.key);
      if (it == kSectionText.end())
        Fail("unknown_section", Where(origin, s), "知らないセクション '" + st.key + "' です");
      if (!seen.insert(st.key).second)
        Fail("duplicate_section", Where(origin, s), "セクション '" + st.key + "' が2回あります");
      if (s["heading"].IsDefined()) st.heading = Scalar(s["heading"], origin, st.key + ".heading");
      if (s["new_page"].IsDefined()) st.new_page = s["new_page"].as<bool>();
      YAML::Node text = s["text"];
      for (const std::string& k : it->second)
        st.text[k] = Scalar(Need(text, k, origin, "sections." + st.key + ".text."), origin,
                            st.key + ".text." + k);
      if (text.IsMap())
        for (const auto& kv : text) {
          std::string k = kv.first.as<std::string>();
          if (!st.text.count(k)) st.text[k] = Scalar(kv.second, origin, st.key + ".text." + k);
        }
      t.sections.push_back(std::move(st));
    }
  } catch (const YAML::Exception& e) {
    Fail("type", origin + ":" + std::to_string(e.mark.line + 1), "値の型が違います: " + e.msg);
  }
  return t;
}

ReportTemplate LoadReportTemplate(const std::filesystem::path& path) {
  return ParseReportTemplate(ReadFile(path, 1u << 20), path.filename().string());
}

ReportTemplate LoadDefaultReportTemplate() {
  return LoadReportTemplate(DataDir() / "templates" / "report.yaml");
}

std::string Fill(std::string_view pattern,
                 const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : values)
          if (k == name) {
            out += v;
            found = true;
            break;
          }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace fidelity::report
