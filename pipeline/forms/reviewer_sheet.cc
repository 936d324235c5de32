#include "pipeline/forms/reviewer_sheet.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "pipeline/forms/xlsx_style.h"

namespace fidelity {
namespace {

using xlsx_style::Check;

constexpr double kWidths[] = {11, 40, 8, 34, 17, 17, 17, 17, 17};  // A..I
constexpr double kLineHeight = 13.5;

struct Formats {
  lxw_format *title, *note, *header, *section, *code, *label, *label_bold, *anchor, *input, *input_wrap, *grey;
};

std::string Replace(std::string s, const std::string& key, const std::string& value) {
  if (auto at = s.find(key); at != std::string::npos) s.replace(at, key.size(), value);
  return s;
}

class SheetWriter {
 public:
  SheetWriter(lxw_workbook* wb, const Instrument& ins, const ReviewerSheetLayout& L, const ReviewerFile* data)
      : wb_(wb), ins_(ins), L_(L), data_(data) {
    MakeFormats();
  }

  void Instructions() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, L_.instructions_sheet.c_str());
    constexpr double kWidth = 72;  // LibreOffice draws wider than Excel: one A4 width (as the blank form)
    worksheet_set_column(ws, 0, 0, kWidth, F_.label);
    xlsx_style::PrintA4(ws, false);
    Check(worksheet_write_string(ws, 0, 0, L_.title.c_str(), F_.title), "title");
    worksheet_set_row(ws, 0, 22, nullptr);
    int r = 2, n = 1;
    for (const auto& line : L_.instructions) {
      std::string s = std::to_string(n++) + ". " + line;
      worksheet_set_row(ws, r, kLineHeight * xlsx_style::WrappedLines(s, kWidth) + 4, nullptr);
      Check(worksheet_write_string(ws, r++, 0, s.c_str(), F_.label), "instructions");
    }
    worksheet_protect(ws, nullptr, nullptr);
  }

  void Sheet() {
    ws_ = workbook_add_worksheet(wb_, L_.sheet.c_str());
    for (int c = 0; c < 9; ++c) worksheet_set_column(ws_, c, c, kWidths[c], nullptr);
    xlsx_style::PrintA4(ws_, true);
    Check(worksheet_write_string(ws_, 0, 0, L_.title.c_str(), F_.title), "title");
    worksheet_set_row(ws_, 0, 22, nullptr);
    worksheet_write_string(ws_, 1, 0, L_.note.c_str(), F_.note);
    Reviewer(2);
    Header(4);
    row_ = 5;
    for (const auto& sub : ins_.subscales) {
      Section(sub.name);
      for (const auto& code : sub.items)
        if (const Item* it = ins_.FindItem(code)) OneItem(*it);
    }
    Goi();
    List(L_.section_strengths, L_.strengths_code, data_ ? data_->strengths : std::vector<std::string>{});
    List(L_.section_challenges, L_.challenges_code, data_ ? data_->challenges : std::vector<std::string>{});
    lxw_protection prot = {};
    prot.no_select_locked_cells = 0;
    worksheet_protect(ws_, nullptr, &prot);
  }

 private:
  void MakeFormats() {
    auto fmt = [&]() { return workbook_add_format(wb_); };
    F_.title = fmt();
    format_set_bold(F_.title);
    format_set_font_size(F_.title, 14);
    F_.note = fmt();
    format_set_font_color(F_.note, 0x595959);
    F_.header = fmt();
    format_set_bold(F_.header);
    format_set_bg_color(F_.header, 0xDDEBF7);
    format_set_border(F_.header, LXW_BORDER_THIN);
    format_set_text_wrap(F_.header);
    F_.section = fmt();
    format_set_bold(F_.section);
    format_set_bg_color(F_.section, 0xDDEBF7);
    F_.code = fmt();
    format_set_border(F_.code, LXW_BORDER_THIN);
    format_set_align(F_.code, LXW_ALIGN_VERTICAL_TOP);
    F_.label = fmt();
    format_set_text_wrap(F_.label);
    format_set_align(F_.label, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(F_.label, LXW_BORDER_THIN);
    F_.label_bold = fmt();
    format_set_text_wrap(F_.label_bold);
    format_set_bold(F_.label_bold);
    format_set_align(F_.label_bold, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(F_.label_bold, LXW_BORDER_THIN);
    F_.anchor = fmt();
    format_set_text_wrap(F_.anchor);
    format_set_font_size(F_.anchor, 9);
    format_set_align(F_.anchor, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(F_.anchor, LXW_BORDER_THIN);
    F_.input = fmt();
    format_set_bg_color(F_.input, 0xFFF2CC);
    format_set_border(F_.input, LXW_BORDER_THIN);
    format_set_align(F_.input, LXW_ALIGN_CENTER);
    format_set_align(F_.input, LXW_ALIGN_VERTICAL_TOP);
    format_set_unlocked(F_.input);
    F_.input_wrap = fmt();
    format_set_bg_color(F_.input_wrap, 0xFFF2CC);
    format_set_border(F_.input_wrap, LXW_BORDER_THIN);
    format_set_text_wrap(F_.input_wrap);
    format_set_align(F_.input_wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_unlocked(F_.input_wrap);
    F_.grey = fmt();
    format_set_bg_color(F_.grey, 0xEDEDED);
    format_set_border(F_.grey, LXW_BORDER_THIN);
  }

  void Reviewer(int r) {
    worksheet_write_string(ws_, r, kSheetCodeCol, L_.reviewer_label.c_str(), F_.label_bold);
    if (data_ && !data_->reviewer.empty())
      worksheet_write_string(ws_, r, kSheetTextCol, data_->reviewer.c_str(), F_.input_wrap);
    else
      worksheet_write_blank(ws_, r, kSheetTextCol, F_.input_wrap);
    worksheet_write_string(ws_, r, kSheetInputCol, L_.reviewer_note.c_str(), F_.note);
  }

  void Header(int r) {
    for (int c = 0; c < 9; ++c) worksheet_write_string(ws_, r, c, L_.headers[c].c_str(), F_.header);
    worksheet_write_string(ws_, r - 1, kSheetAnchorCol, L_.anchors_title.c_str(), F_.note);
    worksheet_freeze_panes(ws_, r + 1, 0);
    worksheet_repeat_rows(ws_, r, r);
  }

  void Section(const std::string& name) {
    worksheet_set_row(ws_, row_, 18, nullptr);
    for (int c = 0; c < 9; ++c) worksheet_write_blank(ws_, row_, c, F_.section);
    worksheet_write_string(ws_, row_++, kSheetTextCol, name.c_str(), F_.section);
  }

  // Sets the row's height to fit the tallest wrapped cell (text per column).
  void FitRow(int r, const std::vector<std::pair<int, std::string>>& texts, double font_scale = 1.0) {
    int lines = 1;
    for (const auto& [c, t] : texts)
      lines = std::max(lines, xlsx_style::WrappedLines(t, kWidths[c] * (c >= kSheetAnchorCol ? 1.2 : 1.0)));
    worksheet_set_row(ws_, r, kLineHeight * lines * font_scale + 3, nullptr);
  }

  std::vector<std::string> ScoreChoices() const {
    std::vector<std::string> v;
    for (int s = ins_.score_min; s <= ins_.score_max; ++s) v.push_back(std::to_string(s));
    return v;
  }

  void ScoreCell(int r, const std::optional<int>& score) {
    std::string msg = Replace(Replace(L_.error_score, "{min}", std::to_string(ins_.score_min)), "{max}",
                              std::to_string(ins_.score_max));
    xlsx_style::DropDown(ws_, r, kSheetInputCol, ScoreChoices(), L_.error_title, msg);
    if (score) worksheet_write_number(ws_, r, kSheetInputCol, *score, F_.input);
    else worksheet_write_blank(ws_, r, kSheetInputCol, F_.input);
  }

  // A 1/0 cell; `value` < 0: blank.
  void TickCell(int r, int value) {
    xlsx_style::DropDown(ws_, r, kSheetInputCol, {L_.check_yes, L_.check_no}, L_.error_title, L_.error_check);
    if (value >= 0) worksheet_write_number(ws_, r, kSheetInputCol, value, F_.input);
    else worksheet_write_blank(ws_, r, kSheetInputCol, F_.input);
  }

  void CodeAndLabel(int r, const std::string& code, const std::string& label, lxw_format* f) {
    worksheet_write_string(ws_, r, kSheetCodeCol, code.c_str(), F_.code);
    worksheet_write_string(ws_, r, kSheetTextCol, label.c_str(), f);
  }

  void OneItem(const Item& item) {
    const ReviewerItem* ri = data_ ? data_->Find(item.code) : nullptr;
    std::string label = item.name;
    if (item.is_computed()) label += "\n" + L_.computed_note;
    else if (item.source == ItemSource::kChecklist) label += "\n" + L_.checklist_note;
    int r = row_++;
    CodeAndLabel(r, item.code, label, F_.label_bold);
    ScoreCell(r, ri ? ri->score : std::nullopt);
    std::string note = ri ? ri->note : "";
    worksheet_write_string(ws_, r, kSheetNoteCol, note.c_str(), F_.input_wrap);
    std::vector<std::pair<int, std::string>> texts = {{kSheetTextCol, label}, {kSheetNoteCol, note}};
    for (int s = 1; s <= 5; ++s) {
      auto a = item.anchors.find(s);
      std::string t = a == item.anchors.end() ? "" : a->second;
      worksheet_write_string(ws_, r, kSheetAnchorCol + s - 1, t.c_str(), F_.anchor);
      texts.emplace_back(kSheetAnchorCol + s - 1, t);
    }
    FitRow(r, texts);
    if (!item.reviewer_count.empty()) CountRow(item, ri);
    if (item.source != ItemSource::kChecklist) return;
    for (const auto& c : item.checks) CheckRows(item, c, ri);
    for (const auto& f : item.flags) {
      int fr = row_++;
      CodeAndLabel(fr, item.code + "-" + f.key, f.label, F_.label);
      int v = -1;
      if (ri) {
        auto it = ri->flags.find(f.key);
        if (it != ri->flags.end()) v = it->second ? 1 : 0;
      }
      TickCell(fr, v);
      FitRow(fr, {{kSheetTextCol, f.label}});
    }
  }

  // III-8/III-9: the reviewers' own count of distinct job types / employers.
  void CountRow(const Item& item, const ReviewerItem* ri) {
    int r = row_++;
    CodeAndLabel(r, item.code + "-" + L_.count_code, item.reviewer_count, F_.label);
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_INTEGER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = 999;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    v.error_title = const_cast<char*>(L_.error_title.c_str());
    v.error_message = const_cast<char*>(L_.error_count.c_str());
    Check(worksheet_data_validation_cell(ws_, r, kSheetInputCol, &v), "data validation");
    if (ri && ri->count) worksheet_write_number(ws_, r, kSheetInputCol, *ri->count, F_.input);
    else worksheet_write_blank(ws_, r, kSheetInputCol, F_.input);
    FitRow(r, {{kSheetTextCol, item.reviewer_count}});
  }

  void CheckRows(const Item& item, const CheckDef& c, const ReviewerItem* ri) {
    std::string base = item.code + "-" + c.key;
    const std::vector<std::string>* reasons = nullptr;
    if (ri)
      if (auto it = ri->reasons.find(c.key); it != ri->reasons.end() && !it->second.empty()) reasons = &it->second;
    int r = row_++;
    std::string label = c.key + ". " + c.label;
    CodeAndLabel(r, base, label, F_.label);
    int v = -1;
    if (ri && ri->has_checks && !reasons) {
      auto it = ri->checks.find(c.key);
      v = it == ri->checks.end() ? 0 : std::min(it->second, 1);
    }
    TickCell(r, v);
    FitRow(r, {{kSheetTextCol, label}});
    if (!c.reasons) return;
    std::vector<std::string> others = reasons ? *reasons : std::vector<std::string>{};
    for (size_t k = 0; k < c.reason_options.size(); ++k) {
      const std::string& opt = c.reason_options[k];
      int rr = row_++;
      std::string rl = "　" + L_.reason_label + opt;
      CodeAndLabel(rr, base + "-" + std::to_string(k + 1), rl, F_.label);
      auto hit = std::find(others.begin(), others.end(), opt);
      int tick = ri && ri->has_checks ? 0 : -1;
      if (hit != others.end()) {
        tick = 1;
        others.erase(hit);
      }
      TickCell(rr, tick);
      FitRow(rr, {{kSheetTextCol, rl}});
    }
    int n = std::max<int>(L_.other_reason_rows, static_cast<int>(others.size()));
    for (int k = 0; k < n; ++k) {
      int rr = row_++;
      CodeAndLabel(rr, base + "-" + L_.other_reason_code + std::to_string(k + 1), "　" + L_.other_reason_label, F_.label);
      worksheet_write_blank(ws_, rr, kSheetInputCol, F_.grey);
      std::string t = k < static_cast<int>(others.size()) ? others[k] : "";
      worksheet_write_string(ws_, rr, kSheetNoteCol, t.c_str(), F_.input_wrap);
      FitRow(rr, {{kSheetTextCol, L_.other_reason_label}, {kSheetNoteCol, t}});
    }
  }

  void Goi() {
    Section(L_.section_goi);
    for (const auto& g : ins_.goi) {
      int r = row_++;
      std::string label = g.name + (g.computed ? "\n" + L_.goi_computed_note : "");
      CodeAndLabel(r, g.code, label, F_.label);
      xlsx_style::DropDown(ws_, r, kSheetInputCol, {L_.yes, L_.no, L_.undecided}, L_.error_title, L_.error_goi);
      std::string v;
      if (data_) {
        if (auto it = data_->goi.find(g.code); it != data_->goi.end())
          v = !it->second ? L_.undecided : (*it->second ? L_.yes : L_.no);
      }
      if (v.empty()) worksheet_write_blank(ws_, r, kSheetInputCol, F_.input);
      else worksheet_write_string(ws_, r, kSheetInputCol, v.c_str(), F_.input);
      FitRow(r, {{kSheetTextCol, label}});
    }
  }

  void List(const std::string& title, const std::string& code, const std::vector<std::string>& values) {
    Section(title);
    int n = std::max<int>(L_.list_rows, static_cast<int>(values.size()));
    for (int k = 0; k < n; ++k) {
      int r = row_++;
      worksheet_write_string(ws_, r, kSheetCodeCol, (code + "-" + std::to_string(k + 1)).c_str(), F_.code);
      std::string t = k < static_cast<int>(values.size()) ? values[k] : "";
      worksheet_write_string(ws_, r, kSheetTextCol, t.c_str(), F_.input_wrap);
      FitRow(r, {{kSheetTextCol, t}});
    }
  }

  lxw_workbook* wb_;
  const Instrument& ins_;
  const ReviewerSheetLayout& L_;
  const ReviewerFile* data_;
  lxw_worksheet* ws_ = nullptr;
  Formats F_{};
  int row_ = 0;
};

}  // namespace

void WriteReviewerSheet(const Instrument& instrument, const ReviewerSheetLayout& layout, const ReviewerFile* data,
                        const std::filesystem::path& path) {
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(getpid());
  lxw_workbook* wb = xlsx_style::NewWorkbook(tmp);
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(layout.title.c_str());
  props.created = 1767225600;  // fixed (2026-01-01): the same inputs give the same bytes
  workbook_set_properties(wb, &props);
  try {
    SheetWriter w(wb, instrument, layout, data);
    w.Instructions();
    w.Sheet();
  } catch (...) {
    workbook_close(wb);
    std::remove(tmp.c_str());
    throw;
  }
  xlsx_style::FinishWorkbook(wb, tmp, path);
}

}  // namespace fidelity
