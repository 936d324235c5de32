#include "pipeline/batch/manifest_blanks.h"

#include "pipeline/core/text.h"

namespace fidelity {

std::vector<std::string> UnfilledFields(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields)
    if (Trim(Nfkc(value)) == Nfkc(kInitBlank)) out.push_back(key);
  return out;
}

std::string UnfilledMessage(const std::string& id, const std::vector<std::string>& fields) {
  std::string list;
  for (const auto& f : fields) list += (list.empty() ? "" : "・") + f;
  std::string how;
  for (const auto& f : fields) {
    if (f == "type") how += "type には 地域事業所 か 医療機関、";
    else if (f == "survey_date") how += "survey_date には訪問調査の日（2026-10-12 の形）、";
    else if (f == "workbook") how += "workbook には事前調査票のファイル、";
    else how += f + " には値、";
  }
  if (!how.empty()) how.erase(how.size() - std::string("、").size());
  return "id「" + id + "」の " + list + " が「" + kInitBlank + "」のままです（fidelity init が残した欄）。" + how +
         "を書いてから もう一度実行してください";
}

}  // namespace fidelity
