// The scores of one agency (SPEC §3, §5.1): the model the scorer fills and
// the report, JSON and summary writers read.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/date.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/rational.h"

namespace fidelity {

// Where an item's final score came from (scores.json "source").
enum class ScoreSource { kWorkbook, kRecords, kChecklist, kReviewers, kOverride };
const char* ScoreSourceName(ScoreSource s);  // "workbook" … "override"

struct ItemScore {
  std::string code;
  std::optional<int> score;  // nullopt: missing (the result is provisional)
  ScoreSource source = ScoreSource::kReviewers;
  // The computed quantity: a number (caseload, %, months, count of ticks…)
  // or a text (the ticked checklist keys, "i, iii"). Both empty: none.
  std::optional<Rational> value;
  std::string value_text;
  std::optional<int> computed_score;  // what the workbook/records gave (kept when overridden)
  // III-8/III-9: the reviewers' distinct count (`count`, consensus rules)
  // that decided the score, and the score the automatic count suggested.
  std::optional<int> reviewer_count;
  std::optional<int> automatic_score;
  // Each reviewer file's score for the item (explicit, else derived from
  // its checks), in the order the files were given; consensus excluded.
  std::vector<std::pair<std::string, int>> reviewers;
  std::optional<int> consensus;  // the consensus file's score, when it gave one
  bool flag = false;             // reviewers differ by 2 or more
  bool overridden = false;       // a reviewer score with a note replaced the computed one
  std::vector<std::string> notes;  // "山田 花子: …" (consensus first, then reviewers)
  bool consensus_note = false;     // notes.front() is the consensus file's (the agreed reason)
  // The same notes without the writers' names, identical ones once: what
  // the agency's report shows (it reads reasons, not who wrote them).
  std::vector<std::string> note_texts;
};

struct SubtotalScore {
  std::string key;           // staffing / organization / services
  std::optional<int> value;  // nullopt when an item in it is missing
  std::array<int, 2> range{};  // [lowest, highest] possible (= value when complete)
};

struct GoiScore {
  std::string code;
  std::optional<bool> value;  // nullopt: unresolved (not counted)
  bool computed = false;      // from the workbook
  std::vector<std::pair<std::string, std::optional<bool>>> reviewers;
};

struct Agreement {  // over items two or more reviewer files scored
  std::optional<Rational> exact;       // share with all equal, 0–1
  std::optional<Rational> within_one;  // share with max − min ≤ 1
  int items = 0;                       // how many items that was
};

// Last cycle's scores of the same agency (from its scores.json).
struct PreviousScores {
  std::string cycle;  // last cycle's name ("2025年度"), from its run.json; may be empty
  std::optional<int> total;
  std::string band;  // "" when unknown (provisional last time)
  std::optional<std::array<int, 2>> total_range;
  std::vector<std::pair<std::string, std::optional<int>>> items;  // in the file's order
  std::optional<int> Item(const std::string& code) const;
};

struct AgencyScores {
  std::vector<ItemScore> items;  // in instrument order (25)
  std::vector<SubtotalScore> subtotals;  // in instrument order (3)
  std::optional<int> total;     // nullopt when provisional
  std::string band;             // key ("fair"); "" when provisional
  std::string band_label;       // 一定のフィデリティ
  bool provisional = false;
  std::array<int, 2> total_range{};  // = {total, total} when complete
  std::vector<std::string> missing;  // codes of items with no score
  std::vector<GoiScore> goi;         // G1..G10
  int goi_total = 0;                 // count of true
  Agreement agreement;
  // Every problem of the agency, in this order: the survey's, each reviewer
  // file's (consensus last), then the scorer's own.
  Problems problems;
  std::optional<PreviousScores> previous;
  // The reviewers' names in file order (consensus excluded) and lists.
  std::vector<std::string> reviewer_names;
  std::vector<std::string> strengths;   // reviewers' lists merged, duplicates removed, in order
  std::vector<std::string> challenges;

  const ItemScore* Find(const std::string& code) const;
  const SubtotalScore* Subtotal(const std::string& key) const;
};

// What the manifest says about the agency (SPEC §2.1) plus the workbook's
// 記載日; written at the head of scores.json.
struct AgencyInfo {
  std::string id;
  std::string name;
  std::string type;  // 地域事業所 / 医療機関
  std::optional<Date> survey_date;
  std::optional<Date> record_date;
};

}  // namespace fidelity
