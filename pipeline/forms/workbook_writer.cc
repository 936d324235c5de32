#include "pipeline/forms/workbook_writer.h"
#include "pipeline/forms/xlsx_style.h"

#include <xlsxwriter.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <stdexcept>
#include <unistd.h>

#include "pipeline/core/fs.h"
#include "pipeline/core/yaml.h"

namespace fidelity {
namespace {

// The reader's fixed column keys, in the order the form shows them.
const std::vector<std::string> kJobCols = {"no", "start", "job_type", "company", "employment_type"};
const std::vector<std::string> kStaffCols = {"initials", "role", "status", "hours", "employment_pct",
                                             "mental_pct", "life_pct", "outside_pct", "caseload"};
const std::vector<std::string> kUserCols = {"no", "id", "mental", "severe", "registered", "employed", "status"};

constexpr int kHeaderRow = 3;  // 0-based: row 4 in Excel; title in row 1, note in row 2

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* block;   // a 計算シート2 block title: bold, shaded, not wrapped (it runs across the row)
  lxw_format* note;
  lxw_format* input;
  lxw_format* input_date;
  lxw_format* input_pct;
  lxw_format* label;
  lxw_format* wrap;
  lxw_format* pct;
};

void Check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter: ") + what + ": " + lxw_strerror(e));
}

lxw_datetime Lxw(const Date& d) { return lxw_datetime{d.year, d.month, d.day, 0, 0, 0}; }

// The Japanese wording of a drop-down's error box (Excel's default is English).
struct DropDownText {
  std::string error_title;    // at most 32 characters
  std::string error_message;  // "{choices}" is replaced by the choices, joined with "・"
};

// A drop-down list on rows [first,last] of columns [col, col_last] (col_last < 0: just col).
// Anything else typed there is refused with `text`'s message.
void DropDown(lxw_worksheet* ws, int first, int last, int col, const std::vector<std::string>& choices,
              const DropDownText& text, int col_last = -1) {
  std::vector<const char*> list;
  for (const auto& c : choices) list.push_back(c.c_str());
  list.push_back(nullptr);
  std::string joined;
  for (const auto& c : choices) joined += (joined.empty() ? "" : "・") + c;
  std::string message = text.error_message;
  if (auto at = message.find("{choices}"); at != std::string::npos) message.replace(at, 9, joined);
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(list.data());
  v.ignore_blank = LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  if (!text.error_title.empty()) v.error_title = const_cast<char*>(text.error_title.c_str());
  if (!message.empty()) v.error_message = const_cast<char*>(message.c_str());
  Check(worksheet_data_validation_range(ws, first, col, last, col_last < 0 ? col : col_last, &v), "data validation");
}

// Printing: A4, one page wide (as many pages tall as needed).
void PrintSetup(lxw_worksheet* ws, bool landscape) {
  worksheet_set_paper(ws, 9);  // A4
  if (landscape) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
}

// Display width of UTF-8 text in half-width units (CJK and other non-ASCII count 2).
int DisplayWidth(const std::string& s) {
  int w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) w += 1;
    else if ((c & 0xC0) != 0x80) w += 2;  // the lead byte of a multi-byte character
  }
  return w;
}

void Number(lxw_worksheet* ws, int r, int c, const Rational& v, lxw_format* f) {
  Check(worksheet_write_number(ws, r, c, v.to_double(), f), "number");
}

std::string Col(const TableLayout& t, const std::string& key) {
  auto it = t.columns.find(key);
  return it == t.columns.end() || it->second.headers.empty() ? key : it->second.headers.front();
}

std::vector<std::string> Strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& x : n) out.push_back(x.as<std::string>());
  return out;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats F;
  F.title = workbook_add_format(wb);
  format_set_bold(F.title);
  format_set_font_size(F.title, 14);
  F.header = workbook_add_format(wb);
  format_set_bold(F.header);
  format_set_bg_color(F.header, 0xDDEBF7);
  format_set_border(F.header, LXW_BORDER_THIN);
  format_set_text_wrap(F.header);
  F.input = workbook_add_format(wb);
  format_set_bg_color(F.input, 0xFFF2CC);
  format_set_border(F.input, LXW_BORDER_THIN);
  F.input_date = workbook_add_format(wb);
  format_set_bg_color(F.input_date, 0xFFF2CC);
  format_set_border(F.input_date, LXW_BORDER_THIN);
  format_set_num_format(F.input_date, "yyyy/mm/dd");
  F.input_pct = F.input;
  F.block = workbook_add_format(wb);
  format_set_bold(F.block);
  format_set_bg_color(F.block, 0xDDEBF7);
  F.note = workbook_add_format(wb);
  format_set_font_color(F.note, 0x595959);
  F.label = workbook_add_format(wb);
  format_set_border(F.label, LXW_BORDER_THIN);
  F.wrap = workbook_add_format(wb);
  format_set_text_wrap(F.wrap);
  format_set_align(F.wrap, LXW_ALIGN_VERTICAL_TOP);
  F.pct = workbook_add_format(wb);
  format_set_num_format(F.pct, "0.0%");
  format_set_border(F.pct, LXW_BORDER_THIN);
  return F;
}

int IndexOf(const std::vector<std::string>& cols, const char* key) {
  for (size_t k = 0; k < cols.size(); ++k)
    if (cols[k] == key) return static_cast<int>(k);
  return -1;
}

// Writes the sheets of one workbook, one method per sheet, in the form's order.
class FormWriter {
 public:
  FormWriter(const WorkbookLayout& L, const Survey* data, const FormOptions& opt, const YAML::Node& T,
             lxw_workbook* wb)
      : L_(L), data_(data), opt_(opt), T_(T), wb_(wb), F_(MakeFormats(wb)),
        choose_{Text("choice_error_title"), Text("choice_error_message")} {}

  void All() {
    if (opt_.instructions) Instructions();
    Cover();
    Rates();
    Jobs();
    Staff();
    Users();
    Records();
  }

 private:
  std::string Text(const char* k) const { return T_[k] ? T_[k].as<std::string>() : std::string(); }

  void DateOrBlank(lxw_worksheet* ws, int r, int c, const std::optional<Date>& d) {
    if (d) {
      lxw_datetime x = Lxw(*d);
      worksheet_write_datetime(ws, r, c, &x, F_.input_date);
    } else {
      worksheet_write_blank(ws, r, c, F_.input_date);
    }
  }

  void Bit(lxw_worksheet* ws, int row, int col, std::optional<int> v) {
    if (v) worksheet_write_number(ws, row, col, *v, F_.input);
    else worksheet_write_blank(ws, row, col, F_.input);
  }

  // 記入方法
  void Instructions() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, Text("instructions_sheet").c_str());
    // Row heights are set here: a reader that does not autofit (LibreOffice
    // with a file from libxlsxwriter) would otherwise overlap wrapped lines.
    constexpr int kWidth = 72;  // LibreOffice draws these wider than Excel: keep to one A4 width
    worksheet_set_column(ws, 0, 0, kWidth, F_.wrap);
    PrintSetup(ws, false);
    Check(worksheet_write_string(ws, 0, 0, Text("title").c_str(), F_.title), "title");
    worksheet_set_row(ws, 0, 22, nullptr);
    int r = 2;
    int n = 1;
    for (const auto& line : Strings(T_["instructions"])) {
      std::string s = std::to_string(n++) + ". " + line;
      int lines = (DisplayWidth(s) + kWidth - 7) / (kWidth - 6);  // a little slack for proportional glyphs
      worksheet_set_row(ws, r, 15.0 * std::max(lines, 1) + 3, nullptr);
      Check(worksheet_write_string(ws, r++, 0, s.c_str(), F_.wrap), "instructions");
    }
  }

  // 記載日
  void Cover() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, L_.cover.sheet.c_str());
    worksheet_set_column(ws, 0, 0, 14, nullptr);
    worksheet_set_column(ws, 1, 1, 40, nullptr);
    PrintSetup(ws, false);
    int c = L_.cover.label_column - 1;
    Check(worksheet_write_string(ws, 0, c, Text("cover_title").c_str(), F_.title), "cover");
    Check(worksheet_write_string(ws, 2, c, L_.cover.agency_label.c_str(), F_.label), "cover");
    Check(worksheet_write_string(ws, 3, c, L_.cover.date_label.c_str(), F_.label), "cover");
    Check(worksheet_write_string(ws, 4, c, L_.cover.writer_label.c_str(), F_.label), "cover");
    if (data_) {
      Check(worksheet_write_string(ws, 2, c + 1, data_->agency_name.c_str(), F_.input), "cover");
      if (data_->record_date) {
        lxw_datetime d = Lxw(*data_->record_date);
        Check(worksheet_write_datetime(ws, 3, c + 1, &d, F_.input_date), "cover");
      } else {
        Check(worksheet_write_blank(ws, 3, c + 1, F_.input_date), "cover");
      }
      Check(worksheet_write_string(ws, 4, c + 1, data_->writer.c_str(), F_.input), "cover");
    } else {
      worksheet_write_blank(ws, 2, c + 1, F_.input);
      worksheet_write_blank(ws, 3, c + 1, F_.input_date);
      worksheet_write_blank(ws, 4, c + 1, F_.input);
    }
    // Below the fields (column A holds labels only there): how to write the date.
    worksheet_write_string(ws, 6, c, Text("cover_note").c_str(), F_.note);
  }

  std::optional<Rational> Count(const std::string& key) const {
    if (!data_) return std::nullopt;
    auto it = data_->counts.find(key);
    return it == data_->counts.end() ? std::nullopt : it->second.value;
  }

  // 調査票1: the counts, then the rates as formulas (for the agency's own
  // check; the pipeline computes them itself).
  void Rates() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, L_.rates.sheet.c_str());
    int cc = L_.rates.code_column - 1, vc = L_.rates.value_column - 1;
    worksheet_set_column(ws, 1, 1, 48, nullptr);
    worksheet_set_column(ws, vc, vc, 14, nullptr);
    PrintSetup(ws, false);
    Check(worksheet_write_string(ws, 0, 0, Text("rates_title").c_str(), F_.title), "rates");
    auto head = Strings(T_["rates_header"]);
    for (size_t k = 0; k < head.size() && k < 3; ++k)
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(k == 0 ? cc : (k == 1 ? 1 : vc)), head[k].c_str(), F_.header);
    int r = 3;
    std::map<std::string, int> row_of;
    for (const auto& [key, code] : L_.rates.counts) {
      row_of[key] = r;
      worksheet_write_string(ws, r, cc, code.c_str(), F_.label);
      std::string desc = T_["rates_descriptions"][code] ? T_["rates_descriptions"][code].as<std::string>() : "";
      worksheet_write_string(ws, r, 1, desc.c_str(), F_.label);
      const Placed<Rational>* v = nullptr;
      if (data_) {
        auto it = data_->counts.find(key);
        if (it != data_->counts.end() && it->second.has()) v = &it->second;
      }
      if (v) Number(ws, r, vc, *v->value, F_.input);
      else worksheet_write_blank(ws, r, vc, F_.input);
      ++r;
    }
    for (const auto& rate : L_.rates.rates) {
      worksheet_write_string(ws, r, cc, rate.code.c_str(), F_.label);
      std::string desc = T_["rates_descriptions"][rate.code] ? T_["rates_descriptions"][rate.code].as<std::string>() : "";
      worksheet_write_string(ws, r, 1, desc.c_str(), F_.label);
      if (row_of.count(rate.num) && row_of.count(rate.den)) {
        char col = static_cast<char>('A' + vc);
        std::string f = "=IFERROR(" + std::string(1, col) + std::to_string(row_of[rate.num] + 1) + "/" +
                        std::string(1, col) + std::to_string(row_of[rate.den] + 1) + ",\"\")";
        // The cached result too: LibreOffice shows it without recalculating.
        auto num = Count(rate.num), den = Count(rate.den);
        if (num && den && !den->is_zero())
          worksheet_write_formula_num(ws, r, vc, f.c_str(), F_.pct, num->to_double() / den->to_double());
        else
          worksheet_write_formula_str(ws, r, vc, f.c_str(), F_.pct, "");
      }
      ++r;
    }
  }

  // Title, note, the header row (frozen, repeated on every printed page)
  // and the column widths (`widths[k]` for column k).
  void TableHeader(lxw_worksheet* ws, const TableLayout& t, const std::vector<std::string>& cols,
                   const std::string& title, const std::string& note, const std::vector<double>& widths,
                   double header_height, bool landscape) {
    Check(worksheet_write_string(ws, 0, 0, title.c_str(), F_.title), "title");
    if (!note.empty()) worksheet_write_string(ws, 1, 0, note.c_str(), F_.note);
    worksheet_set_row(ws, kHeaderRow, header_height, nullptr);
    for (size_t k = 0; k < cols.size(); ++k) {
      worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(k), Col(t, cols[k]).c_str(), F_.header);
      worksheet_set_column(ws, static_cast<lxw_col_t>(k), static_cast<lxw_col_t>(k), k < widths.size() ? widths[k] : 14,
                           nullptr);
    }
    worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    PrintSetup(ws, landscape);
  }

  // 調査票2
  void Jobs() {
    const auto& t = L_.jobs.table;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, t.sheet.c_str());
    TableHeader(ws, t, kJobCols, Text("jobs_title"), Text("jobs_note"), {6, 13, 26, 30, 14}, 20, false);
    int n = data_ ? static_cast<int>(data_->jobs.size()) : opt_.blank_rows_jobs;
    int first = kHeaderRow + 1, last = kHeaderRow + std::max(n, 1);
    for (int i = 0; i < n; ++i) {
      int r = first + i;
      worksheet_write_number(ws, r, 0, i + 1, F_.label);
      if (data_) {
        const JobRow& j = data_->jobs[i];
        DateOrBlank(ws, r, 1, j.start);
        worksheet_write_string(ws, r, 2, j.job_type.c_str(), F_.input);
        worksheet_write_string(ws, r, 3, j.company.c_str(), F_.input);
        worksheet_write_string(ws, r, 4, j.employment_type.c_str(), F_.input);
      } else {
        worksheet_write_blank(ws, r, 1, F_.input_date);
        for (int c = 2; c <= 4; ++c) worksheet_write_blank(ws, r, c, F_.input);
      }
    }
    DropDown(ws, first, last, IndexOf(kJobCols, "employment_type"), L_.jobs.employment_types, choose_);
  }

  // 調査票3
  void Staff() {
    const auto& t = L_.staff.table;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, t.sheet.c_str());
    TableHeader(ws, t, kStaffCols, Text("staff_title"), Text("staff_note"), {14, 8, 11, 11, 13, 17, 13, 13, 11}, 36,
                true);
    int n = data_ ? static_cast<int>(data_->staff.size()) : opt_.blank_rows_staff;
    int first = kHeaderRow + 1, last = kHeaderRow + std::max(n, 1);
    for (int i = 0; i < n; ++i) {
      int r = first + i;
      if (data_) {
        const StaffRow& s = data_->staff[i];
        worksheet_write_string(ws, r, 0, s.initials.c_str(), F_.input);
        worksheet_write_string(ws, r, 1, s.role.c_str(), F_.input);
        worksheet_write_string(ws, r, 2, s.status.c_str(), F_.input);
        const Rational* v[] = {&s.hours, &s.employment_pct, &s.mental_pct, &s.life_pct, &s.outside_pct, &s.caseload};
        for (int k = 0; k < 6; ++k) Number(ws, r, 3 + k, *v[k], F_.input);
      } else {
        for (int c = 0; c < 9; ++c) worksheet_write_blank(ws, r, c, F_.input);
      }
    }
    std::vector<std::string> roles;
    for (const auto& [code, spellings] : L_.staff.roles) roles.push_back(code);
    DropDown(ws, first, last, 1, roles, choose_);
    DropDown(ws, first, last, 2, Strings(T_["staff_status_choices"]), choose_);
  }

  // 調査票4
  void Users() {
    const auto& t = L_.users.table;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, t.sheet.c_str());
    TableHeader(ws, t, kUserCols, Text("users_title"), Text("users_note"), {6, 14, 10, 12, 13, 13, 12}, 20, false);
    int n = data_ ? static_cast<int>(data_->users.size()) : opt_.blank_rows_users;
    int first = kHeaderRow + 1, last = kHeaderRow + std::max(n, 1);
    for (int i = 0; i < n; ++i) {
      int r = first + i;
      worksheet_write_number(ws, r, 0, i + 1, F_.label);
      if (data_) {
        const UserRow& u = data_->users[i];
        worksheet_write_string(ws, r, 1, u.id.c_str(), F_.input);
        if (u.mental) worksheet_write_number(ws, r, 2, *u.mental, F_.input);
        else worksheet_write_blank(ws, r, 2, F_.input);
        if (u.severe) worksheet_write_number(ws, r, 3, *u.severe, F_.input);
        else worksheet_write_blank(ws, r, 3, F_.input);
        DateOrBlank(ws, r, 4, u.registered);
        DateOrBlank(ws, r, 5, u.employed);
        worksheet_write_string(ws, r, 6, u.status.c_str(), F_.input);
      } else {
        for (int c = 1; c <= 6; ++c) worksheet_write_blank(ws, r, c, c == 4 || c == 5 ? F_.input_date : F_.input);
      }
    }
    DropDown(ws, first, last, 2, {"1", "0"}, choose_, 3);
    DropDown(ws, first, last, 6, L_.users.statuses, choose_);
  }

  // 計算シート2: one block per entry of the template's records_blocks.
  void Records() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, L_.records.sheet.c_str());
    cc_ = L_.records.code_column - 1;
    vc_ = L_.records.value_column - 1;
    worksheet_set_column(ws, cc_, cc_, 12, nullptr);
    worksheet_set_column(ws, 1, 1, 50, nullptr);
    worksheet_set_column(ws, vc_, vc_ + 2, 13, nullptr);
    PrintSetup(ws, false);
    Check(worksheet_write_string(ws, 0, 0, Text("records_title").c_str(), F_.title), "records");
    if (!Text("records_note").empty()) worksheet_write_string(ws, 1, 0, Text("records_note").c_str(), F_.note);
    int r = 3;
    rec_ = data_ && data_->records.present ? &data_->records : nullptr;
    for (const auto& block : T_["records_blocks"]) {
      worksheet_write_string(ws, r, cc_, block["title"].as<std::string>().c_str(), F_.block);
      for (int c = 1; c <= vc_ + 2; ++c) worksheet_write_blank(ws, r, c, F_.block);
      ++r;
      // Optional column headings over the value columns (a row the reader skips: no code in A).
      if (auto cols = Strings(block["columns"]); !cols.empty()) {
        for (size_t k = 0; k < cols.size(); ++k)
          worksheet_write_string(ws, r, vc_ + static_cast<int>(k), cols[k].c_str(), F_.header);
        worksheet_set_row(ws, r, 30, nullptr);
        ++r;
      }
      r = RecordsBlock(ws, block, r);
      ++r;
    }
  }

  // The rows of one 計算シート2 block from row r; returns the row after them.
  int RecordsBlock(lxw_worksheet* ws, const YAML::Node& block, int r) {
    const std::string group = block["group"].as<std::string>();
    const int block_first = r;
    auto labels = Strings(block["labels"]);
    auto label = [&](size_t k) { return k < labels.size() ? labels[k] : std::string(); };
    auto code_and_label = [&](int row, const std::string& code, const std::string& text) {
      worksheet_write_string(ws, row, cc_, code.c_str(), F_.label);
      worksheet_write_string(ws, row, 1, text.c_str(), F_.label);
    };
    // 0/1 drop-downs over the rows just written: [block_first, r) in columns [vc, vc + width).
    auto bits_dropdown = [&](int width) {
      if (r > block_first) DropDown(ws, block_first, r - 1, vc_, {"1", "0"}, choose_, vc_ + width - 1);
    };
    if (group == "i3") {
      for (size_t k = 0; k < L_.records.i3.size(); ++k, ++r) {
        code_and_label(r, L_.records.i3[k], label(k));
        Bit(ws, r, vc_, rec_ && rec_->i3_block_present ? rec_->i3[k] : std::nullopt);
      }
      bits_dropdown(1);
    } else if (group == "iii4") {
      for (size_t k = 0; k < L_.records.iii4.size(); ++k, ++r) {
        const std::string& code = L_.records.iii4[k];
        code_and_label(r, code, label(k));
        const RecordSheet::ContactCase* c = nullptr;
        if (rec_)
          for (const auto& x : rec_->iii4)
            if (x.code == code) c = &x;
        DateOrBlank(ws, r, vc_, c ? std::optional<Date>(c->registered) : std::nullopt);
        DateOrBlank(ws, r, vc_ + 1, c ? c->contact : std::nullopt);
      }
    } else if (group == "iii5") {
      for (size_t k = 0; k < L_.records.iii5.size(); ++k, ++r) {
        code_and_label(r, L_.records.iii5[k], label(k));
        Bit(ws, r, vc_, rec_ && k < rec_->iii5.size() ? std::optional<int>(rec_->iii5[k]) : std::nullopt);
      }
      bits_dropdown(1);
    } else if (group == "iii11") {
      r = SupportBoxes(ws, block, r);
    } else if (group == "counts") {  // III-8/III-9: the reviewers' counts (重複ケースを除く)
      for (size_t k = 0; k < L_.records.counts.size(); ++k, ++r) {
        const auto& [item, code] = L_.records.counts[k];
        code_and_label(r, code, label(k));
        auto it = rec_ ? rec_->counts.find(item) : std::map<std::string, int>::const_iterator();
        Bit(ws, r, vc_, rec_ && it != rec_->counts.end() ? std::optional<int>(it->second) : std::nullopt);
      }
    } else if (group == "iii12i") {
      for (size_t k = 0; k < L_.records.iii12i.size(); ++k, ++r) {
        const std::string& code = L_.records.iii12i[k];
        code_and_label(r, code, label(k));
        const RecordSheet::FollowCase* c = nullptr;
        if (rec_)
          for (const auto& x : rec_->iii12i)
            if (x.code == code) c = &x;
        for (int j = 0; j < 3; ++j) Bit(ws, r, vc_ + j, c ? std::optional<int>(c->cols[j]) : std::nullopt);
      }
      bits_dropdown(3);
    }
    return r;
  }

  // III-11: the small boxes, with a sub-heading (in column B, so the reader
  // never sees it) before each big box; returns the row after them.
  int SupportBoxes(lxw_worksheet* ws, const YAML::Node& block, int r) {
    const YAML::Node names = block["labels"];
    const YAML::Node heads = block["subheads"];
    std::string box;
    int run_first = r;
    for (const auto& [key, code] : L_.records.iii11) {
      std::string this_box = key.substr(0, 1);
      if (this_box != box && heads && heads[this_box]) {
        if (r > run_first) DropDown(ws, run_first, r - 1, vc_, {"1", "0"}, choose_);
        worksheet_write_string(ws, r++, 1, heads[this_box].as<std::string>().c_str(), F_.note);
        run_first = r;
      }
      box = this_box;
      std::string name = names && names[key] ? names[key].as<std::string>() : key;
      worksheet_write_string(ws, r, cc_, code.c_str(), F_.label);
      worksheet_write_string(ws, r, 1, name.c_str(), F_.label);
      std::optional<int> v;
      if (rec_) {
        auto it = rec_->iii11.find(key);
        if (it != rec_->iii11.end()) v = it->second;
      }
      Bit(ws, r, vc_, v);
      ++r;
    }
    if (r > run_first) DropDown(ws, run_first, r - 1, vc_, {"1", "0"}, choose_);
    return r;
  }

  const WorkbookLayout& L_;
  const Survey* data_;
  const FormOptions& opt_;
  const YAML::Node& T_;
  lxw_workbook* wb_;
  Formats F_;
  DropDownText choose_;
  int cc_ = 0, vc_ = 0;                  // 計算シート2: code and first value column (0-based)
  const RecordSheet* rec_ = nullptr;     // 計算シート2 data, when filling
};

}  // namespace

void WritePreSurveyWorkbook(const WorkbookLayout& L, const Survey* data, const std::filesystem::path& path,
                            const FormOptions& opt) {
  YAML::Node T = ReadYamlFile(DataDir() / "templates" / "blank_form.yaml", "blank_form.yaml", {"template"}).root;
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(getpid());
  lxw_workbook* wb = xlsx_style::NewWorkbook(tmp);
  lxw_doc_properties props = {};
  props.title = const_cast<char*>("IPSフィデリティ調査 事前調査票");
  props.created = 1767225600;  // fixed (2026-01-01): the same inputs give the same bytes
  workbook_set_properties(wb, &props);
  FormWriter(L, data, opt, T, wb).All();
  xlsx_style::FinishWorkbook(wb, tmp, path);
}

}  // namespace fidelity
