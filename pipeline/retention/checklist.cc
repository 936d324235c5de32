#include "pipeline/retention/checklist.h"

#include <set>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"
#include "pipeline/retention/yaml_source.h"

namespace fidelity::retention {

const std::vector<std::string> kPageKeys = {
    "heading",       "person_label",  "date_label",     "rater_label",  "previous_date_label",
    "chart_title",   "summary_title", "summary_lead",   "domain_label", "current_label",
    "previous_label", "change_label", "rated_label",    "empty_score",  "focus_title",
    "focus_lead",    "focus_none",    "item_label",     "rating_label", "unrated",
    "scale_title",   "footer"};

namespace {

// Reads one checklist file; every failure throws at the node it concerns.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void Fail(const YAML::Node& at, const std::string& what) const {
    throw InputError("checklist.invalid", Where(file_, at), what);
  }

  // A map whose keys are all in `allowed` and not repeated.
  void ExpectMap(const YAML::Node& n, const std::set<std::string>& allowed, const std::string& what) {
    if (!n.IsMap()) Fail(n, what + " はマップで書いてください");
    Problems dup;
    FindDuplicateKeys(n, file_, "checklist", dup);
    if (!dup.empty()) throw InputError(dup.front());
    for (auto it = n.begin(); it != n.end(); ++it)
      if (!it->first.IsScalar() || !allowed.count(it->first.Scalar()))
        Fail(it->first, what + " に不明なキー「" + (it->first.IsScalar() ? it->first.Scalar() : "?") + "」があります");
  }

  YAML::Node Required(const YAML::Node& map, const std::string& key) {
    YAML::Node v = map[key];
    if (IsBlank(v)) Fail(map, "「" + key + "」がありません");
    return v;
  }

  std::string Text(const YAML::Node& map, const std::string& key) {
    YAML::Node v = Required(map, key);
    if (!v.IsScalar() || Trim(v.Scalar()).empty()) Fail(v, "「" + key + "」は空でない文字列にしてください");
    return Trim(v.Scalar());
  }

  long Int(const YAML::Node& map, const std::string& key, long lo, long hi) {
    YAML::Node v = Required(map, key);
    auto x = PlainInteger(v);
    if (!x || *x < lo || *x > hi)
      Fail(v, "「" + key + "」は" + std::to_string(lo) + "〜" + std::to_string(hi) + "の整数にしてください");
    return *x;
  }

 private:
  std::string file_;
};

bool IsId(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

std::string NormalizeCode(std::string_view code) { return Trim(Nfkc(code)); }

const ItemRef* Checklist::Find(std::string_view code) const {
  auto it = index_.find(NormalizeCode(code));
  return it == index_.end() ? nullptr : &it->second;
}

void Checklist::BuildIndex() {
  index_.clear();
  for (size_t d = 0; d < domains.size(); ++d)
    for (size_t i = 0; i < domains[d].items.size(); ++i)
      index_.emplace(NormalizeCode(domains[d].items[i].code), ItemRef{d, i});
}

Checklist ParseChecklist(std::string_view text, const std::string& file) {
  Problems problems;
  const YAML::Node root = ParseYaml(text, file, "checklist", problems);
  if (!problems.empty()) throw InputError(problems.front());
  Reader r(file);
  r.ExpectMap(root, {"id", "title", "version", "scale", "domain_score", "domains", "page"}, "チェックシートの定義");

  Checklist c;
  c.id = r.Text(root, "id");
  if (!IsId(c.id)) r.Fail(root["id"], "「id」は英小文字・数字・-・_ で書いてください");
  c.title = r.Text(root, "title");

  const YAML::Node scale = r.Required(root, "scale");
  r.ExpectMap(scale, {"min", "max", "labels"}, "scale");
  c.scale_min = static_cast<int>(r.Int(scale, "min", 0, 10));
  c.scale_max = static_cast<int>(r.Int(scale, "max", 0, 10));
  if (c.scale_max <= c.scale_min) r.Fail(scale, "scale の max は min より大きくしてください");
  if (const YAML::Node labels = scale["labels"]; !IsBlank(labels)) {
    if (!labels.IsMap()) r.Fail(labels, "labels はマップで書いてください");
    Problems dup;
    FindDuplicateKeys(labels, file, "checklist", dup);
    if (!dup.empty()) throw InputError(dup.front());
    for (auto it = labels.begin(); it != labels.end(); ++it) {
      auto v = PlainInteger(it->first);
      if (!v || *v < c.scale_min || *v > c.scale_max)
        r.Fail(it->first, "labels のキーは scale の範囲の整数にしてください");
      if (!it->second.IsScalar() || Trim(it->second.Scalar()).empty())
        r.Fail(it->second, "labels の値は空でない文字列にしてください");
      c.scale_labels[static_cast<int>(*v)] = Trim(it->second.Scalar());
    }
  }

  const YAML::Node rule = r.Required(root, "domain_score");
  r.ExpectMap(rule, {"method", "decimals", "rounding"}, "domain_score");
  if (r.Text(rule, "method") != "mean") r.Fail(rule["method"], "domain_score の method は mean のみ使えます");
  if (r.Text(rule, "rounding") != "half_up")
    r.Fail(rule["rounding"], "domain_score の rounding は half_up のみ使えます");
  c.decimals = static_cast<int>(r.Int(rule, "decimals", 0, 3));

  const YAML::Node domains = r.Required(root, "domains");
  if (!domains.IsSequence() || domains.size() == 0) r.Fail(domains, "domains は1つ以上の領域のリストにしてください");
  std::set<std::string> domain_codes, item_codes;
  for (const YAML::Node& dn : domains) {
    r.ExpectMap(dn, {"code", "name", "items"}, "領域");
    ChecklistDomain d;
    d.code = r.Text(dn, "code");
    for (char ch : d.code)
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
        r.Fail(dn["code"], "領域コードに , \" や改行は使えません（CSVの列名になります）");
    if (!domain_codes.insert(NormalizeCode(d.code)).second)
      r.Fail(dn["code"], "領域コード「" + d.code + "」が重複しています");
    d.name = r.Text(dn, "name");
    const YAML::Node items = r.Required(dn, "items");
    if (!items.IsSequence() || items.size() == 0) r.Fail(items, "items は1つ以上の項目のリストにしてください");
    for (const YAML::Node& in : items) {
      r.ExpectMap(in, {"code", "text"}, "項目");
      ChecklistItem item{r.Text(in, "code"), r.Text(in, "text")};
      if (!item_codes.insert(NormalizeCode(item.code)).second)
        r.Fail(in["code"], "項目コード「" + item.code + "」が重複しています");
      d.items.push_back(std::move(item));
    }
    c.domains.push_back(std::move(d));
  }

  const YAML::Node page = r.Required(root, "page");
  std::set<std::string> keys(kPageKeys.begin(), kPageKeys.end());
  r.ExpectMap(page, keys, "page");
  for (const auto& k : kPageKeys) c.page[k] = r.Text(page, k);

  c.BuildIndex();
  return c;
}

Checklist LoadChecklist(const std::filesystem::path& path) {
  return ParseChecklist(ReadFile(path, 1u << 20), path.string());
}

std::filesystem::path DefaultRetentionConfig() { return DataDir() / "config" / "retention.yaml"; }

}  // namespace fidelity::retention
