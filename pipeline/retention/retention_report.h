// The model of one result page: everything the PDF shows, decided here
// (pure), so the renderer only lays it out.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.h"
#include "pipeline/retention/check.h"
#include "pipeline/retention/checklist.h"
#include "pipeline/retention/domain_score.h"

namespace fidelity::retention {

struct FocusItem {
  std::string code;           // "II-1"
  std::string text;           // 睡眠状態が安定している
  std::optional<int> rating;  // nullopt: unrated
};

// A lowest-scoring domain, with all its items for the next conversation.
struct FocusDomain {
  size_t domain = 0;  // index into Checklist::domains
  std::vector<FocusItem> items;
};

struct RetentionReport {
  std::string person;
  Date date;
  std::string rater;
  std::vector<DomainScore> scores;  // checklist order
  // The previous check, when the file names one.
  std::optional<Date> previous_date;
  std::vector<DomainScore> previous_scores;  // empty when no previous check
  std::vector<FocusDomain> focus;            // empty when nothing is rated
};

// REQUIRES: previous, when given, was parsed against the same checklist.
RetentionReport BuildReport(const Checklist& checklist, const Check& current, const Check* previous);

// "<person>_<YYYY-MM-DD>.pdf"
std::string ReportFileName(const Check& check);

}  // namespace fidelity::retention
