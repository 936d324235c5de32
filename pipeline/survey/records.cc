#include "pipeline/survey/records.h"

#include <algorithm>

#include "pipeline/core/text.h"
#include "pipeline/survey/cells.h"

namespace fidelity {

void ReadRecords(const Workbook& wb, const WorkbookLayout& L, Survey* s) {
  const auto& R = L.records;
  const Sheet* sh = wb.find(R.sheet);
  if (!sh) {
    if (std::find(L.required.begin(), L.required.end(), "records") != L.required.end())
      s->problems.push_back(Error("survey.sheet_missing", s->file, "シート「" + R.sheet + "」がありません"));
    return;
  }
  s->sheet_names["records"] = sh->name;
  RecordSheet& rec = s->records;
  rec.present = true;
  SheetReader r(*sh, wb.date1904, &s->problems, false);
  const int cc = R.code_column, vc = R.value_column;
  const std::string prefix = NormalizeKey(R.block_prefix);

  enum class Kind { kI3, kIII4, kIII5, kIII11, kIII12i, kCount };
  struct Target { Kind kind; size_t index; std::string code; };
  std::map<std::string, Target> targets;  // NormalizeKey(code) -> target
  auto add = [&](Kind k, const std::vector<std::string>& codes) {
    for (size_t i = 0; i < codes.size(); ++i) targets[NormalizeKey(codes[i])] = {k, i, codes[i]};
  };
  add(Kind::kI3, R.i3);
  add(Kind::kIII4, R.iii4);
  add(Kind::kIII5, R.iii5);
  add(Kind::kIII12i, R.iii12i);
  for (size_t i = 0; i < R.counts.size(); ++i) targets[NormalizeKey(R.counts[i].second)] = {Kind::kCount, i, R.counts[i].second};
  for (size_t i = 0; i < R.iii11.size(); ++i) targets[NormalizeKey(R.iii11[i].second)] = {Kind::kIII11, i, R.iii11[i].second};

  std::map<std::string, int> seen;  // code -> first row
  for (const auto& [rc, cell] : sh->cells) {
    if (rc.second != cc || cell.type != CellType::kString) continue;
    const int row = rc.first;
    std::string key = NormalizeKey(cell.text);
    if (!prefix.empty() && StartsWith(key, prefix)) continue;  // a block title
    auto it = targets.find(key);
    if (it == targets.end()) continue;  // not an input row
    const Target& t = it->second;
    if (auto [prev, fresh] = seen.emplace(key, row); !fresh) {
      s->problems.push_back(Warning("survey.record_code_duplicate", r.Where(row, cc),
                                    "「" + t.code + "」の行が " + std::to_string(prev->second) +
                                        " 行目にもあります。最初の行だけを使います"));
      continue;
    }
    switch (t.kind) {
      case Kind::kI3:
        rec.i3_block_present = true;
        rec.i3[t.index] = r.Binary(row, vc).value;
        break;
      case Kind::kIII4: {
        auto reg = r.DateAt(row, vc);
        auto contact = r.DateAt(row, vc + 1);
        if (reg.value) {
          rec.iii4.push_back({t.code, r.Where(row, vc), *reg.value, contact.value});
        } else if (reg.blank && !contact.blank) {
          s->problems.push_back(Warning("survey.record_incomplete", r.Where(row, vc),
                                        "「" + t.code + "」は接触日だけが入力されています。登録日がないためケースとして数えません"));
        }
        break;
      }
      case Kind::kIII5:
        if (auto v = r.Binary(row, vc); v.value) rec.iii5.push_back(*v.value);
        break;
      case Kind::kIII11:
        if (auto v = r.Binary(row, vc); v.value) rec.iii11[R.iii11[t.index].first] = *v.value;
        break;
      case Kind::kCount: {
        auto v = r.Number(row, vc);
        if (!v.value) break;  // blank (or not a number: the reader said so)
        if (!v.value->is_integer() || *v.value < Rational(0) || *v.value > Rational(999)) {
          s->problems.push_back(Warning("survey.record_count_invalid", r.Where(row, vc),
                                        "「" + t.code + "」は0以上の整数で入力してください（この数は使いません）"));
          break;
        }
        rec.counts[R.counts[t.index].first] = static_cast<int>(v.value->num());
        rec.count_where[R.counts[t.index].first] = r.Where(row, vc);
        break;
      }
      case Kind::kIII12i: {
        RecordSheet::FollowCase fc;
        fc.code = t.code;
        bool any = false;
        for (int k = 0; k < 3; ++k) {
          auto v = r.Binary(row, vc + k);
          if (!v.blank) any = true;
          fc.cols[static_cast<size_t>(k)] = v.value.value_or(0);
        }
        if (any) rec.iii12i.push_back(fc);
        break;
      }
    }
  }
  // Keep the layout's order (rows may come in any order in the sheet).
  auto order = [&](const std::string& code) { return targets.at(NormalizeKey(code)).index; };
  std::stable_sort(rec.iii4.begin(), rec.iii4.end(), [&](const auto& a, const auto& b) { return order(a.code) < order(b.code); });
  std::stable_sort(rec.iii12i.begin(), rec.iii12i.end(), [&](const auto& a, const auto& b) { return order(a.code) < order(b.code); });
}

}  // namespace fidelity
