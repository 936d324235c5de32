#include "pipeline/review/xlsx_review.h"

#include <filesystem>
#include <set>

#include "pipeline/core/text.h"
#include "pipeline/xlsx/xlsx_reader.h"

namespace fidelity {
namespace {

// Column numbers as the reader counts them (1-based).
constexpr int kCode = kSheetCodeCol + 1, kText = kSheetTextCol + 1, kInput = kSheetInputCol + 1,
              kNote = kSheetNoteCol + 1;

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// The rows of one item gathered while reading.
struct Gathered {
  ReviewerItem ri;
  bool any = false;                                      // something written
  std::map<std::string, int> ticks;                      // check key -> 1/0 of its own row
  std::map<std::string, std::vector<std::string>> reasons;  // ticked options, then other reasons
};

class SheetParser {
 public:
  SheetParser(const Sheet& s, const std::string& file, const Instrument& ins, const ReviewerSheetLayout& L)
      : s_(s), file_(file), ins_(ins), L_(L) {}

  ReviewerFile Run() {
    ReviewerFile out;
    out.file = file_;
    out.sheet_column = s_.name + "!" + CellRef(1, kInput).substr(0, 1);  // "評価シート!C"
    int header = 0;
    for (int r = 1; r <= s_.max_row && !header; ++r) {
      std::string a = Trim(Nfkc(Text(r, kCode)));
      if (a == Trim(Nfkc(L_.headers[0]))) header = r;
      else if (a == Trim(Nfkc(L_.reviewer_label))) out.reviewer = Trim(Text(r, kText));
    }
    if (!header)
      throw InputError("review.no_sheet", file_ + " " + s_.name,
                       "見出しの行（A列「" + L_.headers[0] + "」）が見つかりません。fidelity blank --reviewer "
                       "で作った評価シートに記入してください");
    for (int r = header + 1; r <= s_.max_row; ++r) Row(r, out);
    for (auto& [code, g] : items_) Finish(code, g, out);
    if (out.reviewer.empty()) out.reviewer = std::filesystem::path(file_).stem().string();
    return out;
  }

 private:
  std::string Where(int r, int c) const { return file_ + " " + s_.name + "!" + CellRef(r, c); }
  [[noreturn]] void Fail(const std::string& code, int r, int c, const std::string& msg) const {
    throw InputError(code, Where(r, c), msg);
  }

  // The cell's text (numbers as stored, booleans "1"/"0"); an error value
  // in an input cell is an error.
  std::string Text(int r, int c) const {
    const Cell* cell = s_.at(r, c);
    if (!cell) return "";
    if (cell->type == CellType::kError)
      Fail("review.wrong_type", r, c, "セルがエラー値（" + cell->text + "）です。値を入れ直してください");
    return cell->text;
  }
  std::string Value(int r, int c) const { return Trim(Nfkc(Text(r, c))); }

  void Row(int r, ReviewerFile& out) {
    std::string raw = Value(r, kCode);
    if (raw.empty()) return;
    auto first = first_row_.emplace(raw, r);
    if (!first.second)
      Fail("review.duplicate_key", r, kCode,
           "コード " + raw + " の行が2つあります（最初は" + CellRef(first.first->second, kCode) + "）");
    if (const Item* item = ins_.FindItem(NormalizeItemCode(raw))) return ItemRow(*item, r);
    if (ins_.FindGoi(Upper(raw))) return GoiRow(Upper(raw), r, out);
    for (auto [prefix, list] : {std::pair{L_.strengths_code, &out.strengths}, {L_.challenges_code, &out.challenges}})
      if (raw.rfind(Nfkc(prefix) + "-", 0) == 0) {
        std::string t = Trim(Text(r, kText));
        if (!t.empty()) list->push_back(t);
        return;
      }
    // "<item>-<rest>": the longest item code before a '-'.
    for (size_t dash = raw.rfind('-'); dash != std::string::npos && dash > 0; dash = raw.rfind('-', dash - 1)) {
      if (const Item* item = ins_.FindItem(NormalizeItemCode(raw.substr(0, dash))))
        return SubRow(*item, raw.substr(dash + 1), r);
      if (dash == 0) break;
    }
    Fail("review.unknown_item", r, kCode, "不明なコード '" + raw + "'（A列のコードは変更しないでください）");
  }

  void ItemRow(const Item& item, int r) {
    Gathered& g = items_[item.code];
    if (!g.ri.line) g.ri.line = r;
    std::string v = Value(r, kInput);
    if (!v.empty()) {
      g.ri.score = Score(v, item.code, r);
      g.ri.score_line = r;
      g.any = true;
    }
    g.ri.note = Trim(Text(r, kNote));
    if (!g.ri.note.empty()) g.any = true;
  }

  int Score(const std::string& v, const std::string& code, int r) const {
    std::string range = std::to_string(ins_.score_min) + "〜" + std::to_string(ins_.score_max);
    bool digits = !v.empty() && v.size() <= 3;
    for (char c : v) digits = digits && c >= '0' && c <= '9';
    int n = digits ? std::stoi(v) : 0;
    if (!digits || n < ins_.score_min || n > ins_.score_max)
      Fail("review.bad_score", r, kInput, "項目 " + code + " の得点は" + range + "の整数です（'" + v + "'）");
    return n;
  }

  // 1/0 (also はい/いいえ, TRUE/FALSE); nullopt for a blank cell.
  std::optional<int> Tick(int r, const std::string& what) const {
    std::string v = Value(r, kInput);
    if (v.empty()) return std::nullopt;
    std::string u = Upper(v);
    if (v == L_.check_yes || v == Nfkc(L_.yes) || u == "TRUE" || v == "1") return 1;
    if (v == L_.check_no || v == Nfkc(L_.no) || u == "FALSE" || v == "0") return 0;
    Fail("review.wrong_type", r, kInput, what + " は 1（該当）か 0（非該当）で入力してください（'" + v + "'）");
  }

  void SubRow(const Item& item, const std::string& rest, int r) {
    Gathered& g = items_[item.code];
    if (!g.ri.line) g.ri.line = r;
    std::string what = "項目 " + item.code + " の " + rest;
    if (!item.reviewer_count.empty() && rest == L_.count_code) return CountRow(item, g, r);
    if (item.source != ItemSource::kChecklist)
      Fail("review.unknown_check", r, kCode, "項目 " + item.code + " にはチェックリストがありません（'" + rest + "'）");
    if (const FlagDef* f = item.FindFlag(rest)) {
      if (auto t = Tick(r, what)) g.ri.flags[f->key] = *t == 1, g.any = true;
      return;
    }
    if (item.FindCheck(rest)) {
      if (auto t = Tick(r, what)) g.ticks[rest] = *t, g.any = true, g.ri.has_checks = true;
      return;
    }
    auto dash = rest.find('-');
    const CheckDef* c = dash == std::string::npos ? nullptr : item.FindCheck(rest.substr(0, dash));
    if (!c || !c->reasons) Fail("review.unknown_check", r, kCode, "項目 " + item.code + " に不明なチェック項目 '" + rest + "'");
    std::string tail = rest.substr(dash + 1);
    if (tail.rfind(Nfkc(L_.other_reason_code), 0) == 0) {
      std::string t = Trim(Text(r, kNote));
      if (!t.empty()) g.reasons[c->key].push_back(t), g.any = true, g.ri.has_checks = true;
      return;
    }
    size_t k = 0;
    for (char ch : tail) k = (ch >= '0' && ch <= '9' && k < 1000) ? k * 10 + (ch - '0') : 100000;
    if (tail.empty() || k < 1 || k > c->reason_options.size())
      Fail("review.unknown_check", r, kCode, "項目 " + item.code + " に不明な理由の行 '" + rest + "'");
    if (auto t = Tick(r, what)) {
      g.any = true;
      g.ri.has_checks = true;
      if (*t) reason_ticks_[item.code][c->key].emplace(k, c->reason_options[k - 1]);
    }
  }

  void CountRow(const Item& item, Gathered& g, int r) {
    std::string v = Value(r, kInput);
    if (v.empty()) return;
    bool digits = v.size() <= 3;
    for (char ch : v) digits = digits && ch >= '0' && ch <= '9';
    if (!digits)
      Fail("review.bad_count", r, kInput,
           "項目 " + item.code + " の数は0以上の整数（重複を除いた数）で入力してください（'" + v + "'）");
    g.ri.count = std::stoi(v);
    g.ri.count_line = r;
    g.any = true;
  }

  void GoiRow(const std::string& code, int r, ReviewerFile& out) {
    std::string v = Value(r, kInput);
    if (v.empty()) return;
    out.goi_lines[code] = r;
    std::string u = Upper(v);
    if (v == Nfkc(L_.yes) || u == "TRUE" || v == "1") out.goi[code] = true;
    else if (v == Nfkc(L_.no) || u == "FALSE" || v == "0") out.goi[code] = false;
    else if (v == Nfkc(L_.undecided)) out.goi[code] = std::nullopt;
    else
      Fail("review.wrong_type", r, kInput,
           "GOI " + code + " は " + L_.yes + "・" + L_.no + "・" + L_.undecided + " のいずれかです（'" + v + "'）");
  }

  // Ticks and reasons become the YAML reader's checks: a reason key counts
  // its reasons when any is given, else its own 1/0.
  void Finish(const std::string& code, Gathered& g, ReviewerFile& out) {
    if (!g.any) return;
    for (auto& [key, by_index] : reason_ticks_[code]) {
      std::vector<std::string> list;
      for (auto& [k, text] : by_index) list.push_back(text);
      auto& others = g.reasons[key];
      list.insert(list.end(), others.begin(), others.end());
      others = std::move(list);
    }
    for (auto& [key, v] : g.ticks) g.ri.checks[key] = v;
    for (auto& [key, list] : g.reasons) {
      if (list.empty()) continue;
      g.ri.checks[key] = static_cast<int>(list.size());
      g.ri.reasons[key] = list;
    }
    g.ri.code = code;
    out.items[code] = std::move(g.ri);
  }

  const Sheet& s_;
  const std::string& file_;
  const Instrument& ins_;
  const ReviewerSheetLayout& L_;
  std::map<std::string, Gathered> items_;
  std::map<std::string, std::map<std::string, std::map<size_t, std::string>>> reason_ticks_;
  std::map<std::string, int> first_row_;
};

}  // namespace

ReviewerFile ParseReviewerSheet(const Workbook& wb, const std::string& file_label, const Instrument& instrument,
                                const ReviewerSheetLayout& layout) {
  const Sheet* s = wb.find(layout.sheet);
  if (!s)
    throw InputError("review.no_sheet", file_label,
                     "シート「" + layout.sheet + "」がありません。fidelity blank --reviewer で作った評価シートに記入してください");
  return SheetParser(*s, file_label, instrument, layout).Run();
}

ReviewerFile ReadReviewerSheet(const std::string& bytes, const std::string& file_label,
                               const Instrument& instrument, const ReviewerSheetLayout& layout) {
  if (bytes.size() > kMaxReviewerSheetBytes)
    throw InputError("review.too_large", file_label,
                     "評価シートが大きすぎます（" + std::to_string(bytes.size()) + "バイト、上限" +
                         std::to_string(kMaxReviewerSheetBytes) + "バイト）");
  return ParseReviewerSheet(ReadXlsx(bytes, file_label), file_label, instrument, layout);
}

}  // namespace fidelity
