#include "pipeline/forms/workbook_writer.h"

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

}  // namespace

void WritePreSurveyWorkbook(const WorkbookLayout& L, const Survey* data, const std::filesystem::path& path,
                            const FormOptions& opt) {
  YAML::Node T = ReadYamlFile(DataDir() / "templates" / "blank_form.yaml", "blank_form.yaml", {"template"}).root;
  auto text = [&](const char* k) { return T[k] ? T[k].as<std::string>() : std::string(); };

  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(getpid());
  lxw_workbook_options wopt = {};
  wopt.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &wopt);
  if (!wb) throw std::runtime_error("cannot create " + tmp.string());
  lxw_doc_properties props = {};
  props.title = const_cast<char*>("IPSフィデリティ調査 事前調査票");
  props.created = 1767225600;  // fixed (2026-01-01): the same inputs give the same bytes
  workbook_set_properties(wb, &props);

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

  // 記入方法
  if (opt.instructions) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, text("instructions_sheet").c_str());
    // Row heights are set here: a reader that does not autofit (LibreOffice
    // with a file from libxlsxwriter) would otherwise overlap wrapped lines.
    constexpr int kWidth = 72;  // LibreOffice draws these wider than Excel: keep to one A4 width
    worksheet_set_column(ws, 0, 0, kWidth, F.wrap);
    PrintSetup(ws, false);
    Check(worksheet_write_string(ws, 0, 0, text("title").c_str(), F.title), "title");
    worksheet_set_row(ws, 0, 22, nullptr);
    int r = 2;
    int n = 1;
    for (const auto& line : Strings(T["instructions"])) {
      std::string s = std::to_string(n++) + ". " + line;
      int lines = (DisplayWidth(s) + kWidth - 7) / (kWidth - 6);  // a little slack for proportional glyphs
      worksheet_set_row(ws, r, 15.0 * std::max(lines, 1) + 3, nullptr);
      Check(worksheet_write_string(ws, r++, 0, s.c_str(), F.wrap), "instructions");
    }
  }

  // 記載日
  {
    lxw_worksheet* ws = workbook_add_worksheet(wb, L.cover.sheet.c_str());
    worksheet_set_column(ws, 0, 0, 14, nullptr);
    worksheet_set_column(ws, 1, 1, 40, nullptr);
    PrintSetup(ws, false);
    int c = L.cover.label_column - 1;
    Check(worksheet_write_string(ws, 0, c, text("cover_title").c_str(), F.title), "cover");
    Check(worksheet_write_string(ws, 2, c, L.cover.agency_label.c_str(), F.label), "cover");
    Check(worksheet_write_string(ws, 3, c, L.cover.date_label.c_str(), F.label), "cover");
    Check(worksheet_write_string(ws, 4, c, L.cover.writer_label.c_str(), F.label), "cover");
    if (data) {
      Check(worksheet_write_string(ws, 2, c + 1, data->agency_name.c_str(), F.input), "cover");
      if (data->record_date) {
        lxw_datetime d = Lxw(*data->record_date);
        Check(worksheet_write_datetime(ws, 3, c + 1, &d, F.input_date), "cover");
      } else {
        Check(worksheet_write_blank(ws, 3, c + 1, F.input_date), "cover");
      }
      Check(worksheet_write_string(ws, 4, c + 1, data->writer.c_str(), F.input), "cover");
    } else {
      worksheet_write_blank(ws, 2, c + 1, F.input);
      worksheet_write_blank(ws, 3, c + 1, F.input_date);
      worksheet_write_blank(ws, 4, c + 1, F.input);
    }
    // Below the fields (column A holds labels only there): how to write the date.
    worksheet_write_string(ws, 6, c, text("cover_note").c_str(), F.note);
  }

  // 調査票1
  {
    lxw_worksheet* ws = workbook_add_worksheet(wb, L.rates.sheet.c_str());
    int cc = L.rates.code_column - 1, vc = L.rates.value_column - 1;
    worksheet_set_column(ws, 1, 1, 48, nullptr);
    worksheet_set_column(ws, vc, vc, 14, nullptr);
    PrintSetup(ws, false);
    Check(worksheet_write_string(ws, 0, 0, text("rates_title").c_str(), F.title), "rates");
    auto head = Strings(T["rates_header"]);
    for (size_t k = 0; k < head.size() && k < 3; ++k)
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(k == 0 ? cc : (k == 1 ? 1 : vc)), head[k].c_str(), F.header);
    int r = 3;
    std::map<std::string, int> row_of;
    for (const auto& [key, code] : L.rates.counts) {
      row_of[key] = r;
      worksheet_write_string(ws, r, cc, code.c_str(), F.label);
      std::string desc = T["rates_descriptions"][code] ? T["rates_descriptions"][code].as<std::string>() : "";
      worksheet_write_string(ws, r, 1, desc.c_str(), F.label);
      const Placed<Rational>* v = nullptr;
      if (data) {
        auto it = data->counts.find(key);
        if (it != data->counts.end() && it->second.has()) v = &it->second;
      }
      if (v) Number(ws, r, vc, *v->value, F.input);
      else worksheet_write_blank(ws, r, vc, F.input);
      ++r;
    }
    // The rates as formulas, for the agency's own check; the pipeline computes them itself.
    for (const auto& rate : L.rates.rates) {
      worksheet_write_string(ws, r, cc, rate.code.c_str(), F.label);
      std::string desc = T["rates_descriptions"][rate.code] ? T["rates_descriptions"][rate.code].as<std::string>() : "";
      worksheet_write_string(ws, r, 1, desc.c_str(), F.label);
      if (row_of.count(rate.num) && row_of.count(rate.den)) {
        char col = static_cast<char>('A' + vc);
        std::string f = "=IFERROR(" + std::string(1, col) + std::to_string(row_of[rate.num] + 1) + "/" +
                        std::string(1, col) + std::to_string(row_of[rate.den] + 1) + ",\"\")";
        // The cached result too: LibreOffice shows it without recalculating.
        auto count = [&](const std::string& key) -> std::optional<Rational> {
          if (!data) return std::nullopt;
          auto it = data->counts.find(key);
          return it == data->counts.end() ? std::nullopt : it->second.value;
        };
        auto num = count(rate.num), den = count(rate.den);
        if (num && den && !den->is_zero())
          worksheet_write_formula_num(ws, r, vc, f.c_str(), F.pct, num->to_double() / den->to_double());
        else
          worksheet_write_formula_str(ws, r, vc, f.c_str(), F.pct, "");
      }
      ++r;
    }
  }

  // Title, note, the header row (frozen, repeated on every printed page)
  // and the column widths (`widths[k]` for column k).
  auto table_header = [&](lxw_worksheet* ws, const TableLayout& t, const std::vector<std::string>& cols,
                          const std::string& title, const std::string& note, const std::vector<double>& widths,
                          double header_height, bool landscape) {
    Check(worksheet_write_string(ws, 0, 0, title.c_str(), F.title), "title");
    if (!note.empty()) worksheet_write_string(ws, 1, 0, note.c_str(), F.note);
    worksheet_set_row(ws, kHeaderRow, header_height, nullptr);
    for (size_t k = 0; k < cols.size(); ++k) {
      worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(k), Col(t, cols[k]).c_str(), F.header);
      worksheet_set_column(ws, static_cast<lxw_col_t>(k), static_cast<lxw_col_t>(k), k < widths.size() ? widths[k] : 14,
                           nullptr);
    }
    worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    PrintSetup(ws, landscape);
  };
  const DropDownText choose{text("choice_error_title"), text("choice_error_message")};
  auto index_of = [](const std::vector<std::string>& cols, const char* key) {
    for (size_t k = 0; k < cols.size(); ++k)
      if (cols[k] == key) return static_cast<int>(k);
    return -1;
  };
  auto date_or_blank = [&](lxw_worksheet* ws, int r, int c, const std::optional<Date>& d) {
    if (d) {
      lxw_datetime x = Lxw(*d);
      worksheet_write_datetime(ws, r, c, &x, F.input_date);
    } else {
      worksheet_write_blank(ws, r, c, F.input_date);
    }
  };

  // 調査票2
  {
    const auto& t = L.jobs.table;
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
    table_header(ws, t, kJobCols, text("jobs_title"), text("jobs_note"), {6, 13, 26, 30, 14}, 20, false);
    int n = data ? static_cast<int>(data->jobs.size()) : opt.blank_rows_jobs;
    int first = kHeaderRow + 1, last = kHeaderRow + std::max(n, 1);
    for (int i = 0; i < n; ++i) {
      int r = first + i;
      worksheet_write_number(ws, r, 0, i + 1, F.label);
      if (data) {
        const JobRow& j = data->jobs[i];
        date_or_blank(ws, r, 1, j.start);
        worksheet_write_string(ws, r, 2, j.job_type.c_str(), F.input);
        worksheet_write_string(ws, r, 3, j.company.c_str(), F.input);
        worksheet_write_string(ws, r, 4, j.employment_type.c_str(), F.input);
      } else {
        worksheet_write_blank(ws, r, 1, F.input_date);
        for (int c = 2; c <= 4; ++c) worksheet_write_blank(ws, r, c, F.input);
      }
    }
    DropDown(ws, first, last, index_of(kJobCols, "employment_type"), L.jobs.employment_types, choose);
  }

  // 調査票3
  {
    const auto& t = L.staff.table;
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
    table_header(ws, t, kStaffCols, text("staff_title"), text("staff_note"), {14, 8, 11, 11, 13, 17, 13, 13, 11}, 36,
                 true);
    int n = data ? static_cast<int>(data->staff.size()) : opt.blank_rows_staff;
    int first = kHeaderRow + 1, last = kHeaderRow + std::max(n, 1);
    for (int i = 0; i < n; ++i) {
      int r = first + i;
      if (data) {
        const StaffRow& s = data->staff[i];
        worksheet_write_string(ws, r, 0, s.initials.c_str(), F.input);
        worksheet_write_string(ws, r, 1, s.role.c_str(), F.input);
        worksheet_write_string(ws, r, 2, s.status.c_str(), F.input);
        const Rational* v[] = {&s.hours, &s.employment_pct, &s.mental_pct, &s.life_pct, &s.outside_pct, &s.caseload};
        for (int k = 0; k < 6; ++k) Number(ws, r, 3 + k, *v[k], F.input);
      } else {
        for (int c = 0; c < 9; ++c) worksheet_write_blank(ws, r, c, F.input);
      }
    }
    std::vector<std::string> roles;
    for (const auto& [code, spellings] : L.staff.roles) roles.push_back(code);
    DropDown(ws, first, last, 1, roles, choose);
    DropDown(ws, first, last, 2, Strings(T["staff_status_choices"]), choose);
  }

  // 調査票4
  {
    const auto& t = L.users.table;
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
    table_header(ws, t, kUserCols, text("users_title"), text("users_note"), {6, 14, 10, 12, 13, 13, 12}, 20, false);
    int n = data ? static_cast<int>(data->users.size()) : opt.blank_rows_users;
    int first = kHeaderRow + 1, last = kHeaderRow + std::max(n, 1);
    for (int i = 0; i < n; ++i) {
      int r = first + i;
      worksheet_write_number(ws, r, 0, i + 1, F.label);
      if (data) {
        const UserRow& u = data->users[i];
        worksheet_write_string(ws, r, 1, u.id.c_str(), F.input);
        if (u.mental) worksheet_write_number(ws, r, 2, *u.mental, F.input);
        else worksheet_write_blank(ws, r, 2, F.input);
        if (u.severe) worksheet_write_number(ws, r, 3, *u.severe, F.input);
        else worksheet_write_blank(ws, r, 3, F.input);
        date_or_blank(ws, r, 4, u.registered);
        date_or_blank(ws, r, 5, u.employed);
        worksheet_write_string(ws, r, 6, u.status.c_str(), F.input);
      } else {
        for (int c = 1; c <= 6; ++c) worksheet_write_blank(ws, r, c, c == 4 || c == 5 ? F.input_date : F.input);
      }
    }
    DropDown(ws, first, last, 2, {"1", "0"}, choose, 3);
    DropDown(ws, first, last, 6, L.users.statuses, choose);
  }

  // 計算シート2
  {
    lxw_worksheet* ws = workbook_add_worksheet(wb, L.records.sheet.c_str());
    int cc = L.records.code_column - 1, vc = L.records.value_column - 1;
    worksheet_set_column(ws, cc, cc, 12, nullptr);
    worksheet_set_column(ws, 1, 1, 50, nullptr);
    worksheet_set_column(ws, vc, vc + 2, 13, nullptr);
    PrintSetup(ws, false);
    Check(worksheet_write_string(ws, 0, 0, text("records_title").c_str(), F.title), "records");
    if (!text("records_note").empty()) worksheet_write_string(ws, 1, 0, text("records_note").c_str(), F.note);
    int r = 3;
    // 0/1 drop-downs over the rows just written: [first, r) in columns [vc, vc + width).
    auto bits_dropdown = [&](int first, int width) {
      if (r > first) DropDown(ws, first, r - 1, vc, {"1", "0"}, choose, vc + width - 1);
    };
    const RecordSheet* rec = data && data->records.present ? &data->records : nullptr;
    for (const auto& block : T["records_blocks"]) {
      std::string group = block["group"].as<std::string>();
      worksheet_write_string(ws, r, cc, block["title"].as<std::string>().c_str(), F.block);
      for (int c = 1; c <= vc + 2; ++c) worksheet_write_blank(ws, r, c, F.block);
      ++r;
      // Optional column headings over the value columns (a row the reader skips: no code in A).
      if (auto cols = Strings(block["columns"]); !cols.empty()) {
        for (size_t k = 0; k < cols.size(); ++k)
          worksheet_write_string(ws, r, vc + static_cast<int>(k), cols[k].c_str(), F.header);
        worksheet_set_row(ws, r, 30, nullptr);
        ++r;
      }
      const int block_first = r;
      auto labels = Strings(block["labels"]);
      auto label = [&](size_t k, const std::string& fallback) { return k < labels.size() ? labels[k] : fallback; };
      auto bit = [&](int row, int col, std::optional<int> v) {
        if (v) worksheet_write_number(ws, row, col, *v, F.input);
        else worksheet_write_blank(ws, row, col, F.input);
      };
      if (group == "i3") {
        for (size_t k = 0; k < L.records.i3.size(); ++k, ++r) {
          worksheet_write_string(ws, r, cc, L.records.i3[k].c_str(), F.label);
          worksheet_write_string(ws, r, 1, label(k, "").c_str(), F.label);
          bit(r, vc, rec && rec->i3_block_present ? rec->i3[k] : std::nullopt);
        }
        bits_dropdown(block_first, 1);
      } else if (group == "iii4") {
        for (size_t k = 0; k < L.records.iii4.size(); ++k, ++r) {
          const std::string& code = L.records.iii4[k];
          worksheet_write_string(ws, r, cc, code.c_str(), F.label);
          worksheet_write_string(ws, r, 1, label(k, "").c_str(), F.label);
          const RecordSheet::ContactCase* c = nullptr;
          if (rec)
            for (const auto& x : rec->iii4)
              if (x.code == code) c = &x;
          date_or_blank(ws, r, vc, c ? std::optional<Date>(c->registered) : std::nullopt);
          date_or_blank(ws, r, vc + 1, c ? c->contact : std::nullopt);
        }
      } else if (group == "iii5") {
        for (size_t k = 0; k < L.records.iii5.size(); ++k, ++r) {
          worksheet_write_string(ws, r, cc, L.records.iii5[k].c_str(), F.label);
          worksheet_write_string(ws, r, 1, label(k, "").c_str(), F.label);
          bit(r, vc, rec && k < rec->iii5.size() ? std::optional<int>(rec->iii5[k]) : std::nullopt);
        }
        bits_dropdown(block_first, 1);
      } else if (group == "iii11") {
        const YAML::Node names = block["labels"];
        const YAML::Node heads = block["subheads"];
        std::string box;
        int run_first = r;
        for (const auto& [key, code] : L.records.iii11) {
          // A sub-heading (in column B, so the reader never sees it) before each big box.
          std::string this_box = key.substr(0, 1);
          if (this_box != box && heads && heads[this_box]) {
            if (r > run_first) DropDown(ws, run_first, r - 1, vc, {"1", "0"}, choose);
            worksheet_write_string(ws, r++, 1, heads[this_box].as<std::string>().c_str(), F.note);
            run_first = r;
          }
          box = this_box;
          std::string name = names && names[key] ? names[key].as<std::string>() : key;
          worksheet_write_string(ws, r, cc, code.c_str(), F.label);
          worksheet_write_string(ws, r, 1, name.c_str(), F.label);
          std::optional<int> v;
          if (rec) {
            auto it = rec->iii11.find(key);
            if (it != rec->iii11.end()) v = it->second;
          }
          bit(r, vc, v);
          ++r;
        }
        if (r > run_first) DropDown(ws, run_first, r - 1, vc, {"1", "0"}, choose);
      } else if (group == "iii12i") {
        for (size_t k = 0; k < L.records.iii12i.size(); ++k, ++r) {
          const std::string& code = L.records.iii12i[k];
          worksheet_write_string(ws, r, cc, code.c_str(), F.label);
          worksheet_write_string(ws, r, 1, label(k, "").c_str(), F.label);
          const RecordSheet::FollowCase* c = nullptr;
          if (rec)
            for (const auto& x : rec->iii12i)
              if (x.code == code) c = &x;
          for (int j = 0; j < 3; ++j) bit(r, vc + j, c ? std::optional<int>(c->cols[j]) : std::nullopt);
        }
        bits_dropdown(block_first, 3);
      }
      ++r;
    }
  }

  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(e));
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace fidelity
