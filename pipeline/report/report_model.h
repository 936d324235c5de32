// The report model: everything one agency's report.pdf shows, as plain
// data. It does not depend on the scoring code (BuildReportModel in
// build_model.h fills it from AgencyScores); tests fill it by hand.
//
// Wording that is the same for every agency (headings, labels, notes, the
// institutional-limits text) is not here: it comes from the template
// (report_template.h). What is here is this agency's data, already in the
// words the instrument uses (item names, band label, anchors).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/report/history.h"

namespace fidelity::report {

struct AgencyBlock {
  std::string id;           // "hamamatsu-01"
  std::string name;         // 就労支援センターはままつ
  std::string type;         // 地域事業所 / 医療機関 (selects the limits note)
  std::string survey_date;  // as shown, e.g. "2026年10月12日"
  std::string record_date;  // 記載日 as shown; may be empty
  std::string cycle;        // "2026年度"
  std::vector<std::string> reviewers;
};

// One of the 25 JIPS items.
struct ItemRow {
  std::string code;  // "I-1"
  std::string name;  // "ケースロードの大きさ"
  int subscale = 0;  // index into ReportModel::subscales
  std::optional<int> score;     // nullopt: missing (the report is provisional)
  std::optional<int> previous;  // last cycle's score, when known
  std::string source;  // workbook / records / checklist / reviewers / override
  bool overridden = false;  // a reviewer's score with a note replaced the computed one
  bool flagged = false;     // reviewers differ by 2 or more
  std::string value;        // the computed quantity as shown ("22.5人"), may be empty
  std::vector<std::string> notes;  // rationale lines ("山田 花子: …")
};

struct SubscaleRow {
  std::string key;   // staffing / organization / services
  std::string name;  // スタッフ配置
  int item_count = 0;
  std::optional<int> score;  // nullopt when an item of it is missing
  int lo = 0, hi = 0;        // possible range (lo == hi == score when known)
  std::optional<int> previous;
};

struct GoiRow {
  std::string code;  // "G1"
  std::string name;  // IPS型就労支援8つの原則の周知
  std::optional<bool> met;  // nullopt: unresolved
  std::string criterion;    // the manual's criterion in short (70 %, 35 h, 1 FTE…)
};

// An entry of 機関の良いところ/ストレングス or 取り組むことができる課題.
// Reviewers' entries have only `text`; entries derived from an item score
// have code, name and score, and challenges carry the next anchor up.
struct ListEntry {
  std::string text;
  std::string item_code;
  std::string item_name;
  std::optional<int> score;
  // Challenges: the next level's criterion written out in full (for a
  // checklist item the criteria not yet met, in words; for a score forced
  // by a flag, the step that addresses the flag), the target score and one
  // practical hint from the recommendation library.
  std::string next_step;
  std::optional<int> target;
  std::string hint;
  bool rose = false;  // strengths: the item rose since last cycle
};

// What only the survey coordinator sees (review_notes.txt): the reviewers'
// mechanics and every problem with its place.
struct ReviewerItem {
  std::string code, name;
  std::optional<int> score;
  std::vector<std::pair<std::string, int>> reviewers;  // reviewer -> score
  std::optional<int> consensus;
  std::optional<int> computed;  // what the workbook or records gave
  bool flagged = false, overridden = false;
  std::vector<std::string> notes;
};
struct CoordinatorNotes {
  std::optional<double> agreement_exact, agreement_within_one;  // 0..1
  int agreement_items = 0;
  std::vector<ReviewerItem> items;  // every item, in score-sheet order
  Problems problems;                // every problem of the agency
};

struct Change {
  std::string code, name;
  int before = 0, after = 0;
};

// A total band's lower limit, for the trend chart's reference lines.
struct BandLimit {
  std::string key;    // exemplary / good / fair / not_supported
  std::string label;  // 良好なフィデリティ
  int min = 0;
};

struct ReportModel {
  AgencyBlock agency;
  std::vector<BandLimit> bands;  // highest first
  int total_min = 0, total_max = 0;  // the scale of the total (25–125)
  std::vector<SubscaleRow> subscales;  // in score-sheet order
  std::vector<ItemRow> items;          // in score-sheet order
  bool provisional = false;
  std::optional<int> total;            // nullopt when provisional
  int total_lo = 0, total_hi = 0;      // possible range when provisional
  std::string band_key;                // exemplary / good / fair / not_supported; empty when provisional
  std::string band_label;              // 一定のフィデリティ
  std::vector<std::string> missing;    // item codes without a score
  std::optional<int> previous_total;
  std::string previous_band_label;
  std::string previous_cycle;          // "2025年度", may be empty
  std::vector<GoiRow> goi;
  std::optional<int> goi_total;
  std::optional<double> agreement_exact, agreement_within_one;  // 0..1
  std::vector<ListEntry> strengths;   // reviewers' first, then items at 5 and items that rose
  std::vector<ListEntry> challenges;  // reviewers' first, then items scored <= 3
  std::vector<ListEntry> priorities;  // 重点課題 (at most 5), chosen by the library's rule
  // The glossary: the word the report uses for ES/CM/SV and what it means.
  std::vector<std::pair<std::string, std::string>> glossary;
  std::vector<Change> changes;        // items whose score changed since last cycle
  // The instrument's institutional-limits note for the agency's type. The
  // template's wording for the type (report.yaml `limits`) is shown when it
  // has one; this is the fallback.
  std::string limits_note;
  std::vector<std::string> limits_items;
  Problems problems;                  // data problems the agency can fix (its workbook's cells)
  CoordinatorNotes coordinator;       // never shown in report.pdf
  History history;                    // earlier cycles (empty: none known)
  RegionFigures region;               // the region's figures (region.shown false: none)
};

}  // namespace fidelity::report
