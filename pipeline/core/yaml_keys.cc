// Unknown keys, the nearest known key, and the short excerpt every message
// uses to quote a file (see yaml.h).
#include <algorithm>
#include <cstdio>

#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"

namespace fidelity {
namespace {

std::u32string Folded(std::string_view s) {
  std::u32string out;
  for (char32_t c : Utf8ToCodepoints(Trim(Nfkc(s)))) out += (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  return out;
}

// Optimal string alignment distance (a swap of two neighbours costs 1).
size_t Distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::string NearestKey(std::string_view key, const std::vector<std::string>& known) {
  if (key.size() > 64) return "";
  std::u32string k = Folded(key);
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const auto& cand : known) {
    std::u32string c = Folded(cand);
    size_t d = Distance(k, c);
    size_t allowed = c.size() <= 3 ? 1 : c.size() <= 6 ? 2 : 3;
    if (d <= allowed && d < best_d) {
      best = cand;
      best_d = d;
    }
  }
  return best;
}

std::string Excerpt(std::string_view s, size_t max_chars) {
  std::string out;
  size_t n = 0;
  for (char32_t c : Utf8ToCodepoints(s)) {
    if (n++ == max_chars) return out + "…";
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

void CheckKeys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& label,
               const std::string& prefix, const std::string& what) {
  if (!map.IsMap()) return;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    std::string k = key.IsScalar() ? key.Scalar() : "";
    if (std::find(known.begin(), known.end(), k) != known.end()) continue;
    std::string near = NearestKey(k, known);
    std::string msg = what + "に不明なキー「" + Excerpt(k) + "」があります";
    if (!near.empty() && Folded(near) == Folded(k))
      msg += "（「" + near + "」と書いてください。全角文字・大文字・空白は使えません）";
    else if (!near.empty())
      msg += "（" + near + " のことですか？）";
    else
      msg += "（使えるキー: " + Join(known) + "）";
    throw InputError(prefix + ".unknown_key", YamlWhere(label, YamlLine(key)), msg);
  }
}

}  // namespace fidelity
