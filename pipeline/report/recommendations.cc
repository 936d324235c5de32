#include "pipeline/report/recommendations.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/yaml.h"

namespace fidelity::report {
namespace {

std::string Where(const std::string& origin, const YAML::Node& n) {
  if (!n.IsDefined() || n.Mark().line < 0) return origin;
  return origin + ":" + std::to_string(n.Mark().line + 1);
}

[[noreturn]] void Fail(const std::string& where, const std::string& msg) {
  throw InputError("recommendations.invalid", where, msg);
}

std::string Text(const YAML::Node& parent, const std::string& key, const std::string& origin) {
  YAML::Node n = parent[key];
  if (!n.IsDefined() || !n.IsScalar()) Fail(Where(origin, parent), key + " がないか、文字列ではありません");
  std::string s = n.Scalar();
  s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
  return s;
}

int Number(const YAML::Node& parent, const std::string& key, const std::string& origin) {
  try {
    return parent[key].as<int>();
  } catch (const YAML::Exception&) {
    Fail(Where(origin, parent), key + " は整数でなければなりません");
  }
}

bool IsLatin(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string Recommendations::Hint(const std::string& item, int target) const {
  auto it = hints.find(item);
  if (it == hints.end()) return {};
  auto h = it->second.find(target);
  if (h == it->second.end()) h = it->second.find(0);
  return h == it->second.end() ? std::string() : h->second;
}

Recommendations ParseRecommendations(std::string_view yaml, const std::string& origin) {
  // The one strict loader (core/yaml.h): Japanese syntax messages with file:line.
  YAML::Node root = ParseYamlText(yaml, origin, {"recommendations"}).root;
  Recommendations r;
  r.origin = origin;
  YAML::Node p = root["priorities"];
  if (!p.IsMap()) Fail(origin, "priorities がありません");
  r.priorities.max_score = Number(p, "max_score", origin);
  r.priorities.count = Number(p, "count", origin);
  r.priorities.max = Number(p, "max", origin);
  r.priorities.reviewers_first = p["reviewers_first"].as<bool>(true);
  if (r.priorities.count < 1 || r.priorities.max < r.priorities.count || r.priorities.max > 5)
    Fail(Where(origin, p), "priorities は 1 ≤ count ≤ max ≤ 5 にしてください");
  for (const auto& kv : root["terms"])
    r.terms.push_back({kv.first.Scalar(), Text(kv.second, "word", origin), Text(kv.second, "explain", origin)});
  for (const auto& kv : root["flags"])
    r.flags[kv.first.Scalar()] = {Text(kv.second, "label", origin), Text(kv.second, "step", origin)};
  for (const auto& kv : root["phrases"]) r.phrases.push_back({kv.first.Scalar(), kv.second.Scalar()});
  std::stable_sort(r.phrases.begin(), r.phrases.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  r.remove_checks_lead = Text(root, "remove_checks_lead", origin);
  r.unmet_checks_lead = Text(root, "unmet_checks_lead", origin);
  for (const auto& item : root["hints"]) {
    auto& m = r.hints[item.first.Scalar()];
    for (const auto& kv : item.second) {
      std::string k = kv.first.Scalar();
      int level = k == "default" ? 0 : std::atoi(k.c_str());
      if (k != "default" && (level < 2 || level > 5))
        Fail(Where(origin, kv.first), "hints のキーは default か 2〜5 の得点です: " + k);
      m[level] = Text(item.second, k, origin);
    }
  }
  return r;
}

Recommendations LoadDefaultRecommendations() {
  std::filesystem::path p = DataDir() / "config" / "recommendations.yaml";
  return ParseRecommendations(ReadFile(p), "recommendations.yaml");
}

std::string ApplyTerms(const std::string& in, const std::map<std::string, std::string>& words,
                       const std::vector<std::pair<std::string, std::string>>& phrases) {
  std::string text = in;
  for (const auto& [from, to] : phrases)
    for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
      text.replace(pos, from.size(), to);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (i + 2 <= text.size() && (i == 0 || !IsLatin(text[i - 1])) &&
        (i + 2 == text.size() || !IsLatin(text[i + 2]))) {
      auto w = words.find(text.substr(i, 2));
      if (w != words.end()) {
        out += w->second;
        i += 2;
        replaced = true;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace fidelity::report
