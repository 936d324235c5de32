// In-memory surveys and reviewer files for the scoring tests: no file is
// read (except the real config/jips25.yaml).
#pragma once
#include <string>
#include <vector>

#include "pipeline/core/fs.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"
#include "pipeline/scoring/score_agency.h"
#include "pipeline/survey/survey.h"

namespace fidelity::test {

inline const Instrument& Ins() {
  static const Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  return ins;
}

inline Rational R(const char* decimal) { return *Rational::FromDecimal(decimal); }

inline StaffRow Staff(const std::string& role, const char* d, const char* e, const char* f,
                      const char* g = "0", const char* h = "0") {
  StaffRow r;
  r.role = role;
  r.hours = R(d);
  r.employment_pct = R(e);
  r.mental_pct = R(f);
  r.life_pct = R(g);
  r.outside_pct = R(h);
  return r;
}

inline void AddUsers(Survey& s, int n, int mental = 1, int severe = 1) {
  for (int k = 0; k < n; ++k) {
    UserRow u;
    u.row = static_cast<int>(s.users.size()) + 8;
    u.id = "U" + std::to_string(s.users.size() + 1);
    u.mental = mental;
    u.severe = severe;
    u.registered = Date{2026, 1, 1};
    s.users.push_back(u);
  }
}

inline void AddJob(Survey& s, const std::string& type, const std::string& company,
                   const std::string& employment = "一般求人") {
  JobRow j;
  j.row = static_cast<int>(s.jobs.size()) + 5;
  j.job_type = type;
  j.company = company;
  j.employment_type = employment;
  s.jobs.push_back(j);
  s.jobs_listed = static_cast<int>(s.jobs.size());
}

inline void SetCount(Survey& s, const std::string& code, long long v) {
  s.counts[code] = Placed<Rational>{Rational(v), "調査票1 機関の就労率!C" + code};
}

inline RecordSheet::ContactCase Contact(int n, Date reg, std::optional<Date> contact) {
  return {"III-4-" + std::to_string(n), "計算シート2 支援記録等!C" + std::to_string(20 + n), reg, contact};
}

// Every computed item scores 5; G3, G4, G5, G10 are true.
inline Survey GoodSurvey() {
  Survey s;
  s.file = "事前調査票.xlsx";
  s.agency_name = "就労支援センターはままつ";
  s.record_date = Date{2026, 10, 1};
  s.staff.push_back(Staff("ES", "35", "100", "100", "0", "70"));
  s.staff.push_back(Staff("ES", "35", "100", "100", "0", "70"));
  s.staff.push_back(Staff("CM", "35", "0", "0", "100", "0"));
  s.staff.push_back(Staff("AS", "35", "0", "0", "0", "0"));
  AddUsers(s, 30);  // caseload 15
  for (int k = 0; k < 10; ++k) AddJob(s, "職種" + std::to_string(k), "企業" + std::to_string(k));
  SetCount(s, "A-1", 30);
  SetCount(s, "A-2", 30);
  SetCount(s, "B-1", 10);
  SetCount(s, "B-2", 10);
  SetCount(s, "B-3", 0);
  RecordSheet& r = s.records;
  r.present = true;
  r.i3_block_present = true;
  for (auto& v : r.i3) v = 1;
  r.iii4.push_back(Contact(1, Date{2026, 3, 1}, Date{2026, 3, 11}));
  r.iii5 = {1, 1, 1, 1};
  for (const auto& box : Ins().FindItem("III-11")->boxes)
    for (const auto& small : box.small) r.iii11[box.key + small.key] = 1;
  r.iii12i.push_back({"III-12-i-1", {1, 1, 1}});
  return s;
}

// The 15 items the reviewers decide, all with `score`.
inline const std::vector<std::string>& ReviewerItems() {
  static const std::vector<std::string> v = {"II-1", "II-2", "II-3", "II-4", "II-5", "II-6", "II-7", "II-8",
                                             "III-1", "III-2", "III-3", "III-6", "III-7", "III-12", "III-14"};
  return v;
}

inline std::string AllScoresYaml(const std::string& name, int score, const std::string& extra_items = "") {
  std::string y = "reviewer: " + name + "\nitems:\n";
  for (const auto& c : ReviewerItems())
    if (extra_items.find("  " + c + ":") == std::string::npos) y += "  " + c + ": " + std::to_string(score) + "\n";
  return y + extra_items;
}

inline ReviewerFile Review(const std::string& yaml, const std::string& label = "山田.yaml") {
  return ParseReviewerFile(yaml, label, Ins());
}

inline AgencyScores Score(const Survey& s, const std::vector<ReviewerFile>& rv,
                          const ReviewerFile* consensus = nullptr, const PreviousScores* prev = nullptr) {
  return ScoreAgency(s, rv, consensus, Ins(), prev);
}

inline const ItemScore& Item(const AgencyScores& a, const std::string& code) { return *a.Find(code); }

inline bool HasProblem(const AgencyScores& a, const std::string& code, const std::string& where = "",
                       const std::string& message = "") {
  for (const auto& p : a.problems)
    if (p.code == code && (where.empty() || p.where == where) && (message.empty() || p.message == message))
      return true;
  return false;
}

inline int CountProblems(const AgencyScores& a, const std::string& code) {
  int n = 0;
  for (const auto& p : a.problems) n += p.code == code;
  return n;
}

}  // namespace fidelity::test
