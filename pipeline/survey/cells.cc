#include "pipeline/survey/cells.h"

#include <algorithm>
#include <set>

#include "pipeline/core/text.h"

namespace fidelity {
namespace {

std::string Shorten(const std::string& s, size_t max_cps = 20) {
  auto cps = Utf8ToCodepoints(s);
  if (cps.size() <= max_cps) return s;
  std::string out;
  for (size_t i = 0; i < max_cps; ++i) AppendUtf8(out, cps[i]);
  return out + "…";
}

// Floor of a non-negative rational; -1 when negative or huge.
long FloorSerial(const Rational& r) {
  if (r < Rational(0) || r > Rational(10000000)) return -1;
  return static_cast<long>(r.num() / r.den());
}

}  // namespace

std::string SheetReader::Where(int row, int col) const { return sheet_.name + "!" + CellRef(row, col); }

bool SheetReader::FormulaWithoutValue(int row, int col) const {
  const Cell* c = sheet_.at(row, col);
  return c && c->type == CellType::kEmpty && c->has_formula;
}

bool SheetReader::Empty(int row, int col) const {
  const Cell* c = sheet_.at(row, col);
  if (!c || c->type == CellType::kEmpty) return true;
  if (c->type == CellType::kString) return Trim(c->text).empty();
  return false;
}

std::string SheetReader::Text(int row, int col) const {
  const Cell* c = sheet_.at(row, col);
  if (!c) return "";
  switch (c->type) {
    case CellType::kEmpty: return "";
    case CellType::kString: return Trim(c->text);
    case CellType::kBool: return c->text == "1" ? "TRUE" : "FALSE";
    default: return Trim(c->text);
  }
}

std::string SheetReader::Quote(int row, int col) const {
  if (private_) return "";
  return "「" + Shorten(Text(row, col)) + "」";
}

CellValue<Rational> SheetReader::Number(int row, int col, bool allow_bool) {
  CellValue<Rational> out;
  const Cell* c = sheet_.at(row, col);
  if (FormulaWithoutValue(row, col)) {
    out.blank = false;
    Add(Error("survey.formula_no_value", Where(row, col),
              "数式の計算結果が保存されていないため値を読めません。表計算ソフトで開いて保存し直してください"));
    return out;
  }
  if (Empty(row, col)) return out;
  out.blank = false;
  switch (c->type) {
    case CellType::kNumber: {
      auto v = Rational::FromDecimal(c->text);
      if (v) {
        if (c->is_percent_format) *v *= Rational(100);
        out.value = v;
        return out;
      }
      break;
    }
    case CellType::kBool:
      if (allow_bool) {
        out.value = Rational(c->text == "1" ? 1 : 0);
        return out;
      }
      break;
    case CellType::kString: {
      std::string t = Trim(c->text);
      std::string n = Trim(Nfkc(t));
      bool pct = !n.empty() && n.back() == '%';
      if (pct) n.pop_back();
      auto v = Rational::FromDecimal(n);
      if (v) {
        if (Nfkc(t) != t)
          Add(Warning("survey.fullwidth_digits", Where(row, col),
                      "全角の数字" + Quote(row, col) + "を半角に直して読みました。数値は半角で入力してください"));
        out.value = v;
        return out;
      }
      break;
    }
    default:
      break;
  }
  Add(Error("survey.not_a_number", Where(row, col),
            (private_ ? std::string("数値ではない値が入力されています") : Quote(row, col) + "は数値ではありません") +
                "。半角の数字で入力してください"));
  return out;
}

CellValue<int> SheetReader::Binary(int row, int col) {
  CellValue<int> out;
  auto n = Number(row, col, /*allow_bool=*/true);
  out.blank = n.blank;
  if (!n.value) return out;
  if (*n.value == Rational(0) || *n.value == Rational(1)) {
    out.value = n.value->is_zero() ? 0 : 1;
    return out;
  }
  Add(Error("survey.not_binary", Where(row, col),
            (private_ ? std::string("値") : Quote(row, col)) + "は 0 か 1 ではありません。1（あり）か 0（なし）で入力してください"));
  return out;
}

CellValue<Date> SheetReader::DateAt(int row, int col) {
  CellValue<Date> out;
  const Cell* c = sheet_.at(row, col);
  if (FormulaWithoutValue(row, col)) {
    out.blank = false;
    Add(Error("survey.formula_no_value", Where(row, col),
              "数式の計算結果が保存されていないため日付を読めません。表計算ソフトで開いて保存し直してください"));
    return out;
  }
  if (Empty(row, col)) return out;
  out.blank = false;
  if (c->type == CellType::kNumber) {
    auto v = Rational::FromDecimal(c->text);
    long serial = v ? FloorSerial(*v) : -1;
    auto d = serial >= 0 ? DateFromSerial(serial, date1904_) : std::nullopt;
    if (d) {
      if (!c->is_date_format)
        Add(Warning("survey.date_unformatted", Where(row, col),
                    "日付の書式が設定されていない数値を日付（シリアル値）として読みました（" + d->Slash() +
                        "）。日付は YYYY/MM/DD の形で入力してください"));
      out.value = d;
      return out;
    }
  } else if (c->type == CellType::kString) {
    std::string t = Trim(c->text);
    std::string n = Trim(Nfkc(t));
    auto p = ParseDateText(n);
    if (p) {
      if (n != t)
        Add(Warning("survey.fullwidth_digits", Where(row, col),
                    "全角の文字を含む日付" + Quote(row, col) + "を半角に直して読みました。日付は半角で入力してください"));
      if (p->form != DateForm::kSlash)
        Add(Warning("survey.date_form", Where(row, col),
                    "日付" + Quote(row, col) + "を " + p->date.Slash() +
                        " と読みました。日付は YYYY/MM/DD の形で入力してください"));
      out.value = p->date;
      return out;
    }
  }
  Add(Error("survey.not_a_date", Where(row, col),
            (private_ ? std::string("値") : Quote(row, col)) + "を日付として読めません。YYYY/MM/DD の形で入力してください"));
  return out;
}

std::string HeaderKey(const std::string& text) {
  std::string k = NormalizeKey(text);
  k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
  return k;
}

int FindLabelRow(const Sheet& sheet, int label_col, const std::string& label) {
  const std::string key = NormalizeKey(label);
  for (const auto& [rc, cell] : sheet.cells) {
    if (rc.second != label_col || cell.type != CellType::kString) continue;
    if (NormalizeKey(cell.text) == key) return rc.first;
  }
  return 0;
}

int FirstValueColumn(const SheetReader& r, int row, int col) {
  const auto& cells = r.sheet().cells;
  for (auto it = cells.upper_bound({row, col}); it != cells.end() && it->first.first == row; ++it) {
    int c = it->first.second;
    if (!r.Empty(row, c)) return c;
    const Cell& cell = it->second;
    if (cell.type == CellType::kEmpty && cell.has_formula) return c;  // reported when read
  }
  return 0;
}

std::optional<TableMatch> FindTable(const SheetReader& r, const TableLayout& table, Problems* problems) {
  const Sheet& sheet = r.sheet();
  // Header keys wanted: key -> accepted texts.
  std::map<std::string, std::vector<std::string>> wanted;
  int required = 0;
  for (const auto& [key, spec] : table.columns) {
    for (const auto& h : spec.headers) wanted[key].push_back(HeaderKey(h));
    if (!spec.optional) ++required;
  }
  // Scan rows in order; remember the best partial match.
  int best_row = 0, best_count = 0;
  std::map<std::string, int> best_cols;
  std::optional<TableMatch> match;
  auto it = sheet.cells.begin();
  while (it != sheet.cells.end() && !match) {
    int row = it->first.first;
    std::map<std::string, int> cols;
    for (; it != sheet.cells.end() && it->first.first == row; ++it) {
      if (it->second.type != CellType::kString) continue;
      std::string k = HeaderKey(it->second.text);
      if (k.empty()) continue;
      for (const auto& [key, texts] : wanted)
        if (!cols.count(key) && std::find(texts.begin(), texts.end(), k) != texts.end()) cols[key] = it->first.second;
    }
    int count = 0;
    for (const auto& [key, col] : cols)
      if (!table.columns.at(key).optional) ++count;
    if (count == required) {
      match = TableMatch{row, cols, {}, 0};
    } else if (count > best_count) {
      best_count = count;
      best_row = row;
      best_cols = cols;
    }
  }
  if (!match) {
    if (best_count >= 2) {
      for (const auto& [key, spec] : table.columns)
        if (!spec.optional && !best_cols.count(key))
          problems->push_back(Error("survey.header_missing", sheet.name + "!" + CellRef(best_row, 1),
                                    "表の見出し「" + spec.headers.front() + "」が見つかりません（" +
                                        std::to_string(best_row) + "行目の見出し行）"));
    } else {
      std::string names;
      for (const auto& [key, spec] : table.columns)
        if (!spec.optional) names += "「" + spec.headers.front() + "」";
      problems->push_back(Error("survey.table_missing", sheet.name, "表の見出し行（" + names + "）が見つかりません"));
    }
    return std::nullopt;
  }
  // Columns in left-to-right order; index columns don't make a row non-blank.
  std::vector<std::pair<int, bool>> cols;  // column, is index
  for (const auto& [key, col] : match->columns) cols.emplace_back(col, table.columns.at(key).index);
  std::sort(cols.begin(), cols.end());
  match->first_column = cols.front().first;
  std::vector<std::string> markers;
  for (const auto& m : table.end_markers) markers.push_back(NormalizeKey(m));

  for (auto rit = sheet.cells.upper_bound({match->header_row, 1 << 30}); rit != sheet.cells.end();) {
    int row = rit->first.first;
    while (rit != sheet.cells.end() && rit->first.first == row) ++rit;
    bool content = false;
    std::string first_text;
    bool seen_first = false;
    for (const auto& [col, index] : cols) {
      bool empty = r.Empty(row, col);
      // A pre-printed row number does not hide a "合計" written next to it.
      bool number = index && !empty && Rational::FromDecimal(Nfkc(r.Text(row, col))).has_value();
      if (!empty && !number && !seen_first) {
        seen_first = true;
        first_text = NormalizeKey(r.Text(row, col));
      }
      if (!empty && !index) content = true;
    }
    bool end = false;
    for (const auto& m : markers)
      if (seen_first && StartsWith(first_text, m)) end = true;
    if (end) break;
    if (content) match->rows.push_back(row);
  }
  return match;
}

}  // namespace fidelity
