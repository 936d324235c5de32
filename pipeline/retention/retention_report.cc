#include "pipeline/retention/retention_report.h"

namespace fidelity::retention {

RetentionReport BuildReport(const Checklist& checklist, const Check& current, const Check* previous) {
  RetentionReport r;
  r.person = current.person;
  r.date = current.date;
  r.rater = current.rater;
  r.scores = ScoreDomains(checklist, current);
  if (previous) {
    r.previous_date = previous->date;
    r.previous_scores = ScoreDomains(checklist, *previous);
  }
  for (size_t d : LowestDomains(r.scores)) {
    FocusDomain f;
    f.domain = d;
    for (const auto& item : checklist.domains[d].items)
      f.items.push_back({item.code, item.text, current.Rating(item.code)});
    r.focus.push_back(std::move(f));
  }
  return r;
}

std::string ReportFileName(const Check& check) { return check.person + "_" + check.date.Iso() + ".pdf"; }

}  // namespace fidelity::retention
