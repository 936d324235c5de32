// The JIPS-25 + GOI instrument as data (config/jips25.yaml): items, anchors,
// checklists, band thresholds, subscales, total bands, GOI items and the
// institutional-limits notes. Code holds the mechanisms (how a band table or
// a checklist turns into a score); every number lives in the config, so a
// threshold change is a config change.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/rational.h"

namespace fidelity {

// Where an item's score comes from (SPEC §3).
enum class ItemSource {
  kWorkbook,   // §3.1 computed from the pre-survey workbook
  kRecords,    // §3.2 computed from 計算シート2
  kChecklist,  // §3.4 derived from the reviewers' ticks
  kReviewers,  // the reviewers' score (anchors only)
};
const char* ItemSourceName(ItemSource s);  // "workbook", "records", "checklist", "reviewers"

// One band of a threshold table. A missing bound is unbounded.
struct Band {
  int score = 0;
  std::optional<Rational> lo, hi;
};

// Bands are either all [a, b) (a included, b excluded) or all (a, b];
// `edges_in_lower_band` moves single edges of a [a, b) table into the band
// below (III-4: "≤ 1 month → 5, (1, 2) → 4, [2, 5) → 3").
struct BandTable {
  bool left_open = false;  // true: (a, b]; false: [a, b)
  std::vector<Band> bands;  // sorted by lo, contiguous (checked at load)
  std::vector<Rational> edges_in_lower_band;  // exceptions to left_open, edge by edge
  bool empty() const { return bands.empty(); }
  // The band holding v; a value beyond the first/last band takes that
  // band's score (e.g. a negative share). REQUIRES: !empty().
  int Lookup(const Rational& v) const;
};

// A small table count -> score. Counts above the largest key take the
// largest key's score; counts below the smallest key have no score.
struct CountTable {
  std::map<int, int> scores;
  bool empty() const { return scores.empty(); }
  std::optional<int> Lookup(int count) const;
};

struct CheckDef {
  std::string key;    // "i", "a", "1a"
  std::string label;  // short Japanese label
  bool reasons = false;                 // may be given as a list of reasons (II-6 b, c)
  std::vector<std::string> reason_options;  // the manual's reasons (for forms and reports)
};

// A flag beside the checks that forces a score (II-2 no_cm, III-7 rarely_meets_employers).
struct FlagDef {
  std::string key;
  std::string label;
  int score = 1;
};

// III-14: the highest level whose conditions all hold; else base_score.
struct Level {
  int score = 0;
  std::vector<std::string> all;  // every one ticked
  std::vector<std::string> any;  // and (when non-empty) at least one of these
};

// A check the workbook or 計算シート2 decides, winning over the reviewers' tick.
struct ComputedCheck {
  std::string key;       // "iii"
  std::string quantity;  // "severe_share" (II-7 iii) or "first_month_contact" (III-12 i)
  std::optional<Rational> at_least;  // threshold in % for shares
};

// III-11: a big box, met when at least `at_least` of its small boxes are 1.
struct BoxDef {
  std::string key;    // "1".."4"
  std::string label;  // 様々な場所 …
  int at_least = 0;
  std::vector<CheckDef> small;  // keys "a".."m"; the record key is key + small.key ("1a")
};

struct Item {
  std::string code;        // "I-1"
  std::string name;        // as in the scale
  std::string short_name;  // as on the score sheet (for charts and tables)
  std::string subscale;    // subscale key
  ItemSource source = ItemSource::kReviewers;
  std::map<int, std::string> anchors;  // 1..5 -> concise Japanese anchor

  // Computed items (workbook / records): the mechanism and its numbers.
  std::string quantity;    // e.g. "caseload", "es_mental_share", "months_to_contact"
  std::string unit;        // for display: "人", "%", "か月", "項目"
  BandTable bands;
  std::map<std::string, Rational> params;  // min_rows, min_workers, days_per_month…
  std::vector<int> interview_scores;       // I-3: the scores the reviewers may give (1, 2)

  // Checklists (reviewers' ticks, or 計算シート2 for I-3).
  std::vector<CheckDef> checks;
  std::vector<std::string> counted;  // keys counted; empty = all checks
  CountTable scores_by_count;
  std::vector<FlagDef> flags;
  std::map<std::string, int> decisive;  // a ticked key that fixes the score (II-6 a -> 1)
  std::vector<Level> levels;            // ordered-prefix rule (III-14)
  int base_score = 1;
  std::vector<ComputedCheck> computed_checks;
  std::vector<BoxDef> boxes;  // III-11
  // III-8/III-9: the reviewers may give the count themselves (`count: 7`);
  // this is the reviewer field's label (職種の数（重複ケースを除く）). Empty:
  // the item takes no count.
  std::string reviewer_count;

  int line = 0;  // where it is defined in the config

  bool is_computed() const { return source == ItemSource::kWorkbook || source == ItemSource::kRecords; }
  const CheckDef* FindCheck(const std::string& key) const;
  const FlagDef* FindFlag(const std::string& key) const;
};

struct Subscale {
  std::string key;   // staffing / organization / services
  std::string name;  // スタッフ配置 / 組織 / サービス
  std::vector<std::string> items;
  int min = 0, max = 0;  // possible subtotal range
};

struct TotalBand {
  std::string key;    // exemplary / good / fair / not_supported
  std::string label;  // 模範的なフィデリティ …
  int min = 0, max = 0;  // inclusive
};

struct GoiItem {
  std::string code;  // "G1".."G10"
  std::string name;
  bool computed = false;  // from the workbook, winning over reviewers
  std::string quantity;   // mental_share / dedicated_staff / role_fte
  std::string role;       // dedicated_staff, role_fte: ES / CM / AS
  std::string column;     // dedicated_staff: employment (E) / life (G)
  std::string criterion;  // the manual's criterion in short (70 %, 35 h, 1 FTE…), for the report
  std::map<std::string, Rational> params;  // at_least, hours_at_least, pct_at_least, count_at_least, fte_at_least
};

struct InstitutionalLimit {
  std::string agency_type;  // 地域事業所 / 医療機関
  std::vector<std::string> items;
  std::string note;  // short Japanese sentence for the report
};

struct Instrument {
  std::string name;   // "JIPS-25"
  std::string title;  // 日本版個別援助付き雇用フィデリティ尺度
  int score_min = 1, score_max = 5;
  Rational fte_hours = 35;                    // 1 FTE = this many hours a week
  std::map<std::string, std::string> roles;   // es/cm/sv/as -> the code in 調査票3 (ES …)
  std::vector<std::string> self_employed;     // 雇用形態 values left out of III-9
  // III-9: corporate forms dropped before employers are compared
  // (株式会社, (株), 有限会社…; written after NFKC, so ㈱ and （株） are (株)).
  std::vector<std::string> corporate_forms;
  std::vector<Item> items;          // in scale order
  std::vector<Subscale> subscales;  // in scale order
  std::vector<TotalBand> bands;     // highest first
  std::vector<GoiItem> goi;
  std::vector<InstitutionalLimit> limits;

  const Item* FindItem(const std::string& code) const;
  const GoiItem* FindGoi(const std::string& code) const;
  const Subscale* FindSubscale(const std::string& key) const;
  const TotalBand* BandFor(int total) const;  // nullptr outside every band
  const InstitutionalLimit* LimitsFor(const std::string& agency_type) const;
  std::string Role(const std::string& key) const;  // roles.at(key) or ""
};

// Parses the instrument config. Throws InputError (code "config.instrument"
// or "config.syntax"/"config.duplicate_key", where "file:line") when the
// YAML is bad or a field is missing, of the wrong type or inconsistent
// (bands not contiguous, a subscale naming an unknown item, a subscale range
// that does not match its items, total bands with gaps…).
Instrument LoadInstrument(const std::string& yaml_text, const std::string& file_label);

// Reads and parses a config file (the file name is the label).
Instrument LoadInstrumentFile(const std::filesystem::path& path);
// DataDir()/config/jips25.yaml.
std::filesystem::path DefaultInstrumentPath();

}  // namespace fidelity
