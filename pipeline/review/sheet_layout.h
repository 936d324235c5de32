// The layout of the reviewer's Excel score sheet, shared by its writer
// (forms/reviewer_sheet.h) and its reader (review/xlsx_review.h), with its
// wording from templates/reviewer_sheet.yaml.
//
// One sheet; column A holds a code on every input row, and the reader finds
// rows by that code, not by their position:
//   評価者            the reviewer's name in column B
//   II-1              an item: score in C, note in D, anchors 1–5 in E–I
//   II-2-i            a check of a checklist item: 1/0 in C
//   II-2-no_cm        a flag beside the checks: 1/0 in C
//   II-6-b-3          the 3rd reason of II-6 b (config's reason_options): 1/0 in C
//   II-6-b-他1        a reason not in the list: its text in D (one per row)
//   III-8-count       the reviewers' count for III-8/III-9 (when the
//                     instrument's item takes one): a number in C
//   G1                a GOI item: はい / いいえ / 未判定 in C
//   強み-1, 課題-1     one strength / challenge per row, text in B
// Rows above the header row (A = headers[0]) other than 評価者 are titles.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace fidelity {

struct ReviewerSheetLayout {
  std::string sheet, instructions_sheet, title, note;
  std::string reviewer_label, reviewer_note;
  std::vector<std::string> headers;  // A..I
  std::string anchors_title;
  std::string section_goi, section_strengths, section_challenges;
  std::string strengths_code, challenges_code;
  int list_rows = 8;
  std::string yes, no, undecided;     // GOI choices
  std::string check_yes, check_no;    // "1" / "0"
  std::string computed_note, checklist_note, goi_computed_note;
  std::string reason_label, other_reason_code, other_reason_label;
  int other_reason_rows = 2;
  std::string count_code;
  std::string error_title, error_score, error_check, error_goi, error_count;
  std::vector<std::string> instructions;
};

// Columns (0-based, as libxlsxwriter counts; the reader adds 1).
inline constexpr int kSheetCodeCol = 0;    // A
inline constexpr int kSheetTextCol = 1;    // B
inline constexpr int kSheetInputCol = 2;   // C
inline constexpr int kSheetNoteCol = 3;    // D
inline constexpr int kSheetAnchorCol = 4;  // E..I: anchors of scores 1..5

// Parses the template; throws InputError("config.reviewer_sheet", label, …)
// when a field is missing.
ReviewerSheetLayout ParseReviewerSheetLayout(const std::string& yaml_text, const std::string& label);
// DataDir()/templates/reviewer_sheet.yaml.
ReviewerSheetLayout LoadReviewerSheetLayout();

}  // namespace fidelity
