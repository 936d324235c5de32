// Reviewer score files (SPEC §2.3): one YAML file per reviewer, and the
// optional consensus file of the same shape.
//
//   reviewer: 山田 花子
//   items:
//     II-1: {score: 3, note: …}
//     II-2: {checks: {i: true, ii: false}, no_cm: false}
//     II-6: {checks: {a: false, b: [犯罪歴や暴力行為の履歴がある], c: [], d: false}}
//     III-8: {count: 7, note: 清掃と清掃員は同じ職種}
//   goi: {G1: true, G2: false}
//   strengths: [ … ]
//   challenges: [ … ]
//
// Contract: ParseReviewerFile either returns the whole file or throws
// InputError; it never drops anything silently. Every error carries
// where = "<file_label>:<line>" and one of the codes
//   review.syntax         YAML syntax (a tab in the indentation included)
//   review.encoding       not UTF-8
//   review.empty          nothing in the file
//   review.too_large      over kMaxReviewerFileBytes
//   review.duplicate_key  a key given twice in one mapping (also "II-1" and "Ⅱ-1")
//   review.alias          YAML anchors/aliases (not used in these files)
//   review.unknown_key    a key the format does not have
//   review.unknown_item   an item code not in the instrument
//   review.unknown_check  a check key the item's checklist does not have,
//                         or checks on an item that has none
//   review.unknown_goi    a GOI code not in the instrument
//   review.bad_score      score not an integer within the instrument's range
//   review.bad_count      count (III-8/III-9) not a whole number 0–999
//   review.wrong_type     a value of the wrong type (map/list/text/true-false)
// The returned `problems` holds warnings only (none are produced by the
// parser today; the field is there for the scorer and future checks).
// Score/checks disagreement is warned about by the scorer (scoring/), which
// knows the ticks the workbook decides (II-7 iii, III-12 i).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/instrument/instrument.h"

namespace fidelity {

inline constexpr size_t kMaxReviewerFileBytes = 1u << 20;  // 1 MiB

struct ReviewerItem {
  std::string code;              // normalised ("II-1")
  int line = 0;                  // the item's key
  std::optional<int> score;      // explicit score
  int score_line = 0;
  bool has_checks = false;       // a `checks` map was given (possibly empty)
  // Ticks per check key: false = 0, true = 1, a list of reasons = its length.
  // Keys not written are absent (= 0).
  std::map<std::string, int> checks;
  std::map<std::string, std::vector<std::string>> reasons;  // keys given as lists
  std::map<std::string, bool> flags;  // no_cm, rarely_meets_employers (beside or inside checks)
  // III-8/III-9 (items with Item::reviewer_count): the reviewer's own count of
  // distinct job types / employers (重複ケースを除く), a whole number ≥ 0.
  std::optional<int> count;
  int count_line = 0;
  std::string note;
};

struct ReviewerFile {
  std::string file;      // the label given to the parser (for messages)
  std::string reviewer;  // `reviewer:`, else the file name without extension
  std::map<std::string, ReviewerItem> items;  // by normalised code
  std::map<std::string, std::optional<bool>> goi;  // G1.. -> value (null: written but left open)
  std::map<std::string, int> goi_lines;
  std::vector<std::string> strengths;   // 機関の良いところ/ストレングス
  std::vector<std::string> challenges;  // 取り組むことができる課題
  Problems problems;                    // warnings (see above)

  const ReviewerItem* Find(const std::string& code) const {
    auto it = items.find(code);
    return it == items.end() ? nullptr : &it->second;
  }
  // An Excel score sheet (xlsx_review.h) sets this to "評価シート!C": its
  // lines are rows, and Where(row) gives "file 評価シート!C<row>".
  std::string sheet_column;
  std::string Where(int line) const;  // "file:line" (or the sheet's cell)
};

// Parses one reviewer (or consensus) file. `file_label` names it in every
// message and gives the default reviewer name (its file name without
// directory and extension). Throws InputError as described above.
ReviewerFile ParseReviewerFile(const std::string& text, const std::string& file_label,
                               const Instrument& instrument);

// "II-1", "ii-1", "Ⅱ-1", "Ⅱ－１" -> "II-1" (NFKC, trim, ASCII upper case).
std::string NormalizeItemCode(const std::string& raw);

}  // namespace fidelity
