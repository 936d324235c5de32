#include "pipeline/report/priorities.h"

#include <algorithm>

namespace fidelity::report {

bool NamesItem(const std::string& text, const std::string& code) {
  for (size_t pos = text.find(code); pos != std::string::npos; pos = text.find(code, pos + 1)) {
    char before = pos ? text[pos - 1] : ' ';
    char after = pos + code.size() < text.size() ? text[pos + code.size()] : ' ';
    bool roman = before == 'I' || before == 'V' || before == 'X';
    bool digit = after >= '0' && after <= '9';
    if (!roman && !digit && after != '-') return true;
  }
  return false;
}

std::vector<ListEntry> ChoosePriorities(const std::vector<ListEntry>& item_challenges,
                                        const std::vector<std::string>& reviewer_challenges,
                                        const PriorityRule& rule) {
  struct Candidate {
    const ListEntry* e;
    bool named;
    size_t order;
  };
  std::vector<Candidate> c;
  for (size_t i = 0; i < item_challenges.size(); ++i) {
    const ListEntry& e = item_challenges[i];
    if (!e.score || *e.score > rule.max_score) continue;
    bool named = rule.reviewers_first &&
                 std::any_of(reviewer_challenges.begin(), reviewer_challenges.end(),
                             [&](const std::string& t) { return NamesItem(t, e.item_code); });
    c.push_back({&e, named, i});
  }
  std::stable_sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
    if (a.named != b.named) return a.named;
    if (*a.e->score != *b.e->score) return *a.e->score < *b.e->score;
    return a.order < b.order;
  });
  std::vector<ListEntry> out;
  for (size_t i = 0; i < c.size(); ++i) {
    if (static_cast<int>(out.size()) >= rule.max) break;
    if (static_cast<int>(out.size()) >= rule.count) {
      const Candidate& last = c[i - 1];
      if (c[i].named != last.named || *c[i].e->score != *last.e->score) break;
    }
    out.push_back(*c[i].e);
  }
  return out;
}

}  // namespace fidelity::report
