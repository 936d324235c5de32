#include "pipeline/retention/domain_score.h"

#include <stdexcept>

namespace fidelity::retention {

Scaled MeanHalfUp(long sum, long count, int decimals) {
  if (sum < 0 || count <= 0 || decimals < 0 || decimals > 6)
    throw std::invalid_argument("MeanHalfUp: bad arguments");
  long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // round(sum * scale / count) half up = floor((2 * sum * scale + count) / (2 * count))
  long v = (2 * sum * scale + count) / (2 * count);
  return {v, decimals};
}

std::string FormatScaled(const Scaled& s) {
  long scale = 1;
  for (int i = 0; i < s.decimals; ++i) scale *= 10;
  std::string out = std::to_string(s.value / scale);
  if (s.decimals > 0) {
    std::string frac = std::to_string(s.value % scale);
    out += "." + std::string(static_cast<size_t>(s.decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::vector<DomainScore> ScoreDomains(const Checklist& checklist, const Check& check) {
  std::vector<DomainScore> out;
  for (const auto& d : checklist.domains) {
    DomainScore s;
    s.code = d.code;
    s.items = static_cast<int>(d.items.size());
    for (const auto& item : d.items)
      if (auto r = check.Rating(item.code)) {
        ++s.rated;
        s.sum += *r;
      }
    if (s.rated > 0) s.score = MeanHalfUp(s.sum, s.rated, checklist.decimals);
    out.push_back(s);
  }
  return out;
}

std::vector<size_t> LowestDomains(const std::vector<DomainScore>& scores) {
  std::optional<Scaled> low;
  for (const auto& s : scores)
    if (s.score && (!low || *s.score < *low)) low = s.score;
  std::vector<size_t> out;
  if (!low) return out;
  for (size_t i = 0; i < scores.size(); ++i)
    if (scores[i].score && *scores[i].score == *low) out.push_back(i);
  return out;
}

}  // namespace fidelity::retention
