#include "pipeline/report/summary_template.h"

#include <algorithm>
#include <vector>

#include "pipeline/core/fs.h"
#include "pipeline/core/yaml.h"

namespace fidelity::report {
namespace {

using Keys = std::vector<std::string>;

const Keys kThresholds = {"region_minimum", "weak_median", "weakest_count"};
const Keys kSizes = {"title", "heading", "body", "table", "small"};
const Keys kColours = {"heading", "text", "muted", "grid", "axis", "marker", "provisional", "failed",
                       "weak", "median", "quartile", "heat_low", "heat_high", "scale_low", "scale_mid",
                       "scale_high"};
const Keys kBands = {"exemplary", "good", "fair", "not_supported"};
const Keys kDocument = {"title", "author", "subject", "page_number"};
const Keys kText = {
    "overview", "region_shown", "region_hidden", "bands_heading", "bands_now", "bands_trend", "bands_unit",
    "provisional_label", "failed_label", "totals_heading", "totals_note", "totals_no_previous", "totals_axis",
    "points", "failed_mark", "provisional_mark", "items_heading", "items_note", "items_none", "col_code",
    "col_name", "col_n", "col_median", "col_iqr", "col_range", "weakest_heading", "weakest_item",
    "weakest_none", "trend_heading", "trend_note", "trend_single", "col_cycle", "col_scored",
    "col_provisional", "col_failed", "col_total_median", "col_total_iqr", "issues_heading", "issues_note",
    "issues_none", "col_id", "col_agency", "col_status", "col_why", "missing_items", "sheet_agencies",
    "sheet_items", "sheet_history", "col_q1", "col_q3", "col_min", "col_max", "col_mean", "col_count",
    "col_subscale_median"};
const Keys kCsv = {"id",     "name",       "type",     "total",  "band",   "goi_total", "previous_total",
                   "change", "exact",      "within_one", "warnings", "status", "note", "range"};
const Keys kStatus = {"scored", "provisional", "failed"};

[[noreturn]] void Fail(const std::string& code, const std::string& where, const std::string& msg) {
  throw InputError("template." + code, where, msg);
}

// The mapping `key` of the root, with exactly `keys` (each a scalar).
YAML::Node Section(const YamlDoc& doc, const std::string& key, const Keys& keys) {
  YAML::Node n = doc.root[key];
  if (!n.IsDefined() || !n.IsMap())
    Fail("missing", doc.label, "テンプレートに " + key + "（対応表）がありません");
  CheckKeys(n, keys, doc.label, "template", key);
  for (const auto& k : keys) {
    YAML::Node v = n[k];
    if (!v.IsDefined() || !v.IsScalar())
      Fail("missing", YamlWhere(doc.label, YamlLine(n)), "テンプレートに " + key + "." + k + " がありません");
  }
  return n;
}

std::map<std::string, std::string> Strings(const YamlDoc& doc, const std::string& key, const Keys& keys) {
  YAML::Node n = Section(doc, key, keys);
  std::map<std::string, std::string> out;
  for (const auto& k : keys) out[k] = n[k].Scalar();
  return out;
}

template <typename T>
std::map<std::string, T> Numbers(const YamlDoc& doc, const std::string& key, const Keys& keys) {
  YAML::Node n = Section(doc, key, keys);
  std::map<std::string, T> out;
  for (const auto& k : keys) {
    YAML::Node v = n[k];
    try {
      out[k] = v.as<T>();
    } catch (const YAML::Exception&) {
      Fail("type", YamlWhere(doc.label, YamlLine(v)), key + "." + k + " は数でなければなりません");
    }
    if (out[k] <= 0) Fail("type", YamlWhere(doc.label, YamlLine(v)), key + "." + k + " は正の数でなければなりません");
  }
  return out;
}

std::map<std::string, pdf::Color> Colours(const YamlDoc& doc, const std::string& key, const Keys& keys) {
  YAML::Node n = Section(doc, key, keys);
  std::map<std::string, pdf::Color> out;
  for (const auto& k : keys) {
    std::optional<pdf::Color> c = pdf::ParseColor(n[k].Scalar());
    if (!c)
      Fail("colour", YamlWhere(doc.label, YamlLine(n[k])),
           key + "." + k + " の色 '" + Excerpt(n[k].Scalar()) + "' は #RRGGBB の形ではありません");
    out[k] = *c;
  }
  return out;
}

}  // namespace

pdf::Color SummaryTemplate::Band(const std::string& key) const {
  auto it = bands.find(key);
  return it != bands.end() ? it->second : pdf::Color{0.6, 0.6, 0.6};
}

SummaryTemplate ParseSummaryTemplate(std::string_view yaml, const std::string& origin) {
  YamlDoc doc = ParseYamlText(yaml, origin, {"template"});
  CheckKeys(doc.root, {"thresholds", "sizes", "colours", "bands", "document", "text", "csv", "status"}, origin,
            "template", "テンプレート");
  SummaryTemplate t;
  t.origin = origin;
  t.thresholds = Numbers<int>(doc, "thresholds", kThresholds);
  t.sizes = Numbers<double>(doc, "sizes", kSizes);
  t.colours = Colours(doc, "colours", kColours);
  t.bands = Colours(doc, "bands", kBands);
  t.document = Strings(doc, "document", kDocument);
  t.text = Strings(doc, "text", kText);
  t.csv = Strings(doc, "csv", kCsv);
  t.status = Strings(doc, "status", kStatus);
  return t;
}

SummaryTemplate LoadDefaultSummaryTemplate() {
  std::filesystem::path p = DataDir() / "templates" / "summary.yaml";
  return ParseSummaryTemplate(ReadYamlBytes(p, "summary.yaml", {"template"}), "summary.yaml");
}

}  // namespace fidelity::report
