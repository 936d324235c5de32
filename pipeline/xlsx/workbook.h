// The raw workbook: sheets of cells exactly as the file stores them, before
// any meaning is given to them (that is survey/'s job).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fidelity {

enum class CellType {
  kEmpty,   // no value (a styled blank, or a formula with no cached value)
  kNumber,  // text = the decimal text exactly as stored in <v> ("0.6", "45123")
  kString,  // shared or inline string, UTF-8 (rich text runs concatenated)
  kBool,    // text = "1" / "0"
  kError,   // text = "#DIV/0!" etc.
};

struct Cell {
  CellType type = CellType::kEmpty;
  std::string text;
  std::string number_format;  // resolved format code: "General", "0%", "yyyy/mm/dd", "[$-411]ggge年m月d日"
  bool is_date_format = false;     // the format shows a date (not a time-only format)
  bool is_percent_format = false;  // the format shows a percent
  bool has_formula = false;
};

// The largest sheet Excel allows (1,048,576 rows x 16,384 columns = XFD).
inline constexpr int kMaxRow = 1048576;
inline constexpr int kMaxCol = 16384;

// 1-based row and column; "C12" style references.
std::string CellRef(int row, int col);     // (12, 3) -> "C12"; "?" when row or col < 1
// "C12", "c12", "$C$12" -> (12, 3). False (outputs untouched) when malformed
// or outside A1..XFD1048576.
bool ParseCellRef(const std::string& ref, int* row, int* col);
bool ParseCellRef(std::string_view ref, int* row, int* col);
inline bool ParseCellRef(const char* ref, int* row, int* col) {
  return ParseCellRef(std::string_view(ref), row, col);
}

struct Sheet {
  std::string name;
  bool hidden = false;  // state="hidden" or "veryHidden" in workbook.xml
  std::map<std::pair<int, int>, Cell> cells;  // (row, col) -> cell; empty cells may be absent
  int max_row = 0;
  int max_col = 0;

  const Cell* at(int row, int col) const;  // nullptr when absent
};

struct Workbook {
  std::vector<Sheet> sheets;  // in workbook order
  bool date1904 = false;

  // By name: the sheet named exactly so, else the one sheet whose name
  // matches after NFKC and trimming; nullptr when absent. Throws
  // InputError("xlsx.ambiguous_sheet", name, …) when no name matches exactly
  // and the near matches are several, or hidden (a reader could pick either).
  const Sheet* find(const std::string& name) const;
};

}  // namespace fidelity
