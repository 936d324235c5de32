// Giving cells meaning: numbers, dates, text and 0/1 flags read from one
// sheet, with problems that name "sheet!C12"; and finding labelled fields
// and tables (SPEC §2.2). Internal to survey/; the reader uses it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/rational.h"
#include "pipeline/survey/layout.h"
#include "pipeline/xlsx/workbook.h"

namespace fidelity {

// What a read found: a value, a blank cell, or a bad cell (already reported).
template <typename T>
struct CellValue {
  std::optional<T> value;
  bool blank = true;  // false when the cell held something (value or bad)
  bool bad() const { return !blank && !value; }
};

class SheetReader {
 public:
  // `private_values`: never quote a cell's content in a message (調査票4).
  SheetReader(const Sheet& sheet, bool date1904, Problems* problems, bool private_values)
      : sheet_(sheet), date1904_(date1904), problems_(problems), private_(private_values) {}

  const Sheet& sheet() const { return sheet_; }
  std::string Where(int row, int col) const;  // "調査票3 スタッフ配置!D7"
  // Empty: no cell, an empty cell, a formula without a value, or text of white space only.
  bool Empty(int row, int col) const;
  // Trimmed text of any cell ("" when empty); numbers as stored.
  std::string Text(int row, int col) const;

  // A number: a number cell (× 100 when percent-formatted), decimal text
  // (full-width digits normalised with a warning; a trailing % allowed),
  // else the error survey.not_a_number. `allow_bool`: TRUE/FALSE read as 1/0.
  CellValue<Rational> Number(int row, int col, bool allow_bool = false);
  // 0 or 1 (survey.not_binary otherwise).
  CellValue<int> Binary(int row, int col);
  // A date: a serial with a date format (one without a format is read with
  // the warning survey.date_unformatted), or text YYYY/MM/DD (ISO and 和暦
  // with the warning survey.date_form); else survey.not_a_date.
  CellValue<Date> DateAt(int row, int col);

  void Add(Problem p) { problems_->push_back(std::move(p)); }
  bool private_values() const { return private_; }
  // 「…」 quoting the cell's text for a message, or "" for private sheets.
  std::string Quote(int row, int col) const;

 private:
  bool FormulaWithoutValue(int row, int col) const;
  const Sheet& sheet_;
  bool date1904_;
  Problems* problems_;
  bool private_;
};

// Header text key: NFKC, trimmed, all white space removed.
std::string HeaderKey(const std::string& text);

// The first row whose cell in `label_col` matches `label` (NFKC, trimmed);
// 0 when there is none.
int FindLabelRow(const Sheet& sheet, int label_col, const std::string& label);
// The first non-empty cell to the right of (row, col); 0 when none.
int FirstValueColumn(const SheetReader& r, int row, int col);

struct TableMatch {
  int header_row = 0;
  std::map<std::string, int> columns;  // key -> column; optional columns may be absent
  std::vector<int> rows;               // data rows, in order (blank rows skipped)
  int first_column = 0;                // leftmost matched column, for row places
};

// Finds the table's header row (the first row holding every required
// header) and its data rows: from the row below the header to the last row
// of the sheet, skipping rows blank in every non-index column, and stopping
// at a row whose first non-empty table cell (a number in an index column
// does not count) starts with an end marker.
// nullopt when no header row is found: survey.table_missing, or
// survey.header_missing per missing header when a row holds some of them.
std::optional<TableMatch> FindTable(const SheetReader& r, const TableLayout& table, Problems* problems);

}  // namespace fidelity
