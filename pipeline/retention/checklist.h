// A rating checklist defined as data (config/retention.yaml): domains of
// items rated on an integer scale, a domain score rule, and the wording of
// the one-page result. The code knows no particular checklist, so a third
// checklist is one more YAML file of the same shape:
//
//   id: retention                # [a-z0-9_-]+
//   title: 定着状況評価チェックシート
//   scale: {min: 1, max: 5, labels: {1: …, 5: …}}   # 0 <= min < max <= 10
//   domain_score: {method: mean, decimals: 1, rounding: half_up}
//   domains:
//     - code: I                  # unique; a column of the CSV, an axis of the chart
//       name: …
//       items: [{code: I-1, text: …}, …]   # item codes unique over the checklist
//   page: {heading: …, …}        # every key of kPageKeys
//
// Codes are compared after NFKC, so "Ⅱ-1" or "ＩＩ-１" in a check file
// mean "II-1".
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::retention {

struct ChecklistItem {
  std::string code;  // "I-1"
  std::string text;  // 生活の目標や夢などをもっている
};

struct ChecklistDomain {
  std::string code;  // "I"
  std::string name;  // 本人の前向きなキャリア展望とワークエンゲージメントの状態
  std::vector<ChecklistItem> items;
};

struct ItemRef {
  size_t domain = 0;  // index into Checklist::domains
  size_t item = 0;    // index into that domain's items
};

// The page wording keys a checklist must define under `page:`.
extern const std::vector<std::string> kPageKeys;

struct Checklist {
  std::string id;
  std::string title;
  int scale_min = 1;
  int scale_max = 5;
  std::map<int, std::string> scale_labels;  // some or all of min..max
  int decimals = 1;                         // domain scores, rounded half up
  std::vector<ChecklistDomain> domains;
  std::map<std::string, std::string> page;  // kPageKeys -> text

  // The item with this code (after NFKC and trimming), or nullptr.
  const ItemRef* Find(std::string_view code) const;
  const ChecklistItem& item(const ItemRef& r) const { return domains[r.domain].items[r.item]; }
  size_t item_count() const { return index_.size(); }
  // page.at(key); REQUIRES: key in kPageKeys.
  const std::string& Text(const std::string& key) const { return page.at(key); }

  // Builds the code index; called by the loaders.
  void BuildIndex();

 private:
  std::map<std::string, ItemRef> index_;
};

// Parses a checklist definition. `file` names it in errors. Throws
// InputError ("checklist.*", "file:line", message) on the first problem:
// YAML syntax, duplicate key, missing or unknown field, duplicate code,
// a scale or rule the code does not implement.
Checklist ParseChecklist(std::string_view text, const std::string& file);
Checklist LoadChecklist(const std::filesystem::path& path);

// config/retention.yaml under DataDir().
std::filesystem::path DefaultRetentionConfig();

// The key used to compare item codes: NFKC, trimmed.
std::string NormalizeCode(std::string_view code);

}  // namespace fidelity::retention
