#include "pipeline/xlsx/workbook.h"

#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"

namespace fidelity {

std::string CellRef(int row, int col) {
  if (row < 1 || col < 1) return "?";
  char letters[8];
  int n = 0;
  for (int c = col; c > 0 && n < 8; c = (c - 1) / 26) letters[n++] = static_cast<char>('A' + (c - 1) % 26);
  std::string out;
  out.reserve(n + 8);
  while (n > 0) out += letters[--n];
  out += std::to_string(row);
  return out;
}

bool ParseCellRef(const std::string& ref, int* row, int* col) {
  return ParseCellRef(std::string_view(ref), row, col);
}

bool ParseCellRef(std::string_view ref, int* row, int* col) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  long c = 0;
  size_t letters = 0;
  for (; i < ref.size(); ++i) {
    char ch = ref[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    if (++letters > 3) return false;
    c = c * 26 + (ch - 'A' + 1);
  }
  if (letters == 0 || c > kMaxCol) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  long r = 0;
  size_t digits = 0;
  for (; i < ref.size(); ++i) {
    char ch = ref[i];
    if (ch < '0' || ch > '9') return false;
    if (++digits > 7) return false;
    r = r * 10 + (ch - '0');
  }
  if (digits == 0 || r < 1 || r > kMaxRow) return false;
  if (row) *row = static_cast<int>(r);
  if (col) *col = static_cast<int>(c);
  return true;
}

const Cell* Sheet::at(int row, int col) const {
  auto it = cells.find({row, col});
  return it == cells.end() ? nullptr : &it->second;
}

const Sheet* Workbook::find(const std::string& name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  const std::string key = Trim(Nfkc(name));
  std::vector<const Sheet*> near;
  bool hidden = false;
  for (const auto& s : sheets)
    if (Trim(Nfkc(s.name)) == key) {
      near.push_back(&s);
      hidden = hidden || s.hidden;
    }
  if (near.empty()) return nullptr;
  if (near.size() == 1 && !hidden) return near[0];
  // No sheet has the name exactly, and the near matches are several or
  // hidden: which one the agency filled in cannot be told.
  std::string names;
  for (const Sheet* s : near) names += (names.empty() ? "「" : "、「") + s->name + "」" + (s->hidden ? "（非表示）" : "");
  throw InputError("xlsx.ambiguous_sheet", name,
                   "シート「" + name + "」と同じ名前のシートがなく、表記の違い（全角・半角、空白）だけが違うシート " + names +
                       (near.size() > 1 ? " が複数あります" : " が非表示になっています") +
                       "。どれを読むか決められないため読み込みません。シート名を「" + name +
                       "」に直し、不要なシートを削除してください。");
}

}  // namespace fidelity
