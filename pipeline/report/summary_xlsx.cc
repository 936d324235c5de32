#include "pipeline/report/summary_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "pipeline/core/fs.h"
#include "pipeline/report/report_template.h"
#include "pipeline/report/summary_csv.h"

namespace fidelity::report {
namespace {

namespace fs = std::filesystem;

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* signed_int = nullptr;
  lxw_format* fraction = nullptr;
  lxw_format* quarter = nullptr;  // medians and quartiles: 0.00
};

lxw_color_t Rgb(pdf::Color c) {
  auto ch = [](double v) { return static_cast<lxw_color_t>(v * 255 + 0.5) & 0xFF; };
  return (ch(c.r) << 16) | (ch(c.g) << 8) | ch(c.b);
}

void ColourScale(lxw_worksheet* ws, int r1, int c1, int r2, int c2, const SummaryTemplate& t,
                 std::optional<std::pair<double, double>> fixed) {
  if (r2 < r1) return;
  lxw_conditional_format cf = {};
  cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
  cf.min_color = Rgb(t.Colour("scale_low"));
  cf.mid_color = Rgb(t.Colour("scale_mid"));
  cf.max_color = Rgb(t.Colour("scale_high"));
  if (fixed) {
    cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.min_value = fixed->first;
    cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.mid_value = (fixed->first + fixed->second) / 2;
    cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
    cf.max_value = fixed->second;
  }
  worksheet_conditional_format_range(ws, static_cast<lxw_row_t>(r1), static_cast<lxw_col_t>(c1),
                                     static_cast<lxw_row_t>(r2), static_cast<lxw_col_t>(c2), &cf);
}

void AgenciesSheet(lxw_workbook* wb, const CohortModel& m, const SummaryTemplate& t, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.Text("sheet_agencies").c_str());
  auto table = SummaryAgencyTable(m, t);
  const auto& head = table.front();
  for (size_t r = 1; r < table.size(); ++r)
    for (size_t c = 0; c < table[r].size(); ++c) {
      const SummaryCell& cell = table[r][c];
      auto row = static_cast<lxw_row_t>(r);
      auto col = static_cast<lxw_col_t>(c);
      if (cell.number) worksheet_write_number(ws, row, col, *cell.number, cell.signed_number ? f.signed_int : nullptr);
      else if (!cell.text.empty()) worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
    }
  std::vector<lxw_table_column> cols(head.size());
  std::vector<lxw_table_column*> ptrs;
  for (size_t c = 0; c < head.size(); ++c) {
    cols[c] = {};
    cols[c].header = const_cast<char*>(head[c].text.c_str());
    cols[c].header_format = f.header;
    ptrs.push_back(&cols[c]);
  }
  ptrs.push_back(nullptr);
  if (table.size() > 1) {
    lxw_table_options opt = {};
    opt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    opt.style_type_number = 9;
    opt.columns = ptrs.data();
    worksheet_add_table(ws, 0, 0, static_cast<lxw_row_t>(table.size() - 1), static_cast<lxw_col_t>(head.size() - 1),
                        &opt);
  } else {
    for (size_t c = 0; c < head.size(); ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c].text.c_str(), f.header);
  }
  worksheet_set_column(ws, 0, 0, 14, nullptr);
  worksheet_set_column(ws, 1, 1, 30, nullptr);
  worksheet_set_column(ws, 2, 2, 10, nullptr);
  int items = static_cast<int>(m.spec.item_codes.size());
  worksheet_set_column(ws, 3, static_cast<lxw_col_t>(2 + items), 6.5, nullptr);
  worksheet_set_column(ws, static_cast<lxw_col_t>(3 + items), static_cast<lxw_col_t>(head.size() - 3), 11, nullptr);
  worksheet_set_column(ws, static_cast<lxw_col_t>(head.size() - 1), static_cast<lxw_col_t>(head.size() - 1), 50, nullptr);
  worksheet_freeze_panes(ws, 1, 2);
  ColourScale(ws, 1, 3, static_cast<int>(table.size()) - 1, 2 + items, t, std::make_pair(1.0, 5.0));
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);  // every column on one page width
}

void ItemsSheet(lxw_workbook* wb, const CohortModel& m, const SummaryTemplate& t, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.Text("sheet_items").c_str());
  std::vector<std::string> head = {t.Text("col_code"), t.Text("col_name"), t.Text("col_n"), t.Text("col_median"),
                                   t.Text("col_q1"), t.Text("col_q3"), t.Text("col_min"), t.Text("col_max"),
                                   t.Text("col_mean")};
  for (int s = 1; s <= 5; ++s) head.push_back(Fill(t.Text("col_count"), {{"score", std::to_string(s)}}));
  for (size_t c = 0; c < head.size(); ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c].c_str(), f.header);
  lxw_row_t r = 1;
  for (const auto& s : m.items) {
    worksheet_write_string(ws, r, 0, s.code.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, s.name.c_str(), nullptr);
    worksheet_write_number(ws, r, 2, s.n, nullptr);
    if (s.q) {
      worksheet_write_number(ws, r, 3, s.q->median, f.quarter);
      worksheet_write_number(ws, r, 4, s.q->q1, f.quarter);
      worksheet_write_number(ws, r, 5, s.q->q3, f.quarter);
      worksheet_write_number(ws, r, 6, s.min, nullptr);
      worksheet_write_number(ws, r, 7, s.max, nullptr);
      worksheet_write_number(ws, r, 8, s.mean, f.fraction);
      for (int k = 0; k < 5; ++k) worksheet_write_number(ws, r, static_cast<lxw_col_t>(9 + k), s.count[static_cast<size_t>(k)], nullptr);
    }
    ++r;
  }
  int last = static_cast<int>(r) - 1;
  ColourScale(ws, 1, 3, last, 5, t, std::make_pair(1.0, 5.0));
  ColourScale(ws, 1, 8, last, 8, t, std::make_pair(1.0, 5.0));
  lxw_conditional_format heat = {};
  heat.type = LXW_CONDITIONAL_2_COLOR_SCALE;
  heat.min_color = Rgb(t.Colour("heat_low"));
  heat.max_color = Rgb(t.Colour("heat_high"));
  if (last >= 1) worksheet_conditional_format_range(ws, 1, 9, static_cast<lxw_row_t>(last), 13, &heat);
  worksheet_set_column(ws, 0, 0, 8, nullptr);
  worksheet_set_column(ws, 1, 1, 30, nullptr);
  worksheet_set_column(ws, 2, 13, 9, nullptr);
  worksheet_freeze_panes(ws, 1, 2);
  if (last >= 1) worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(last), 13);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
}

void HistorySheet(lxw_workbook* wb, const CohortModel& m, const SummaryTemplate& t, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.Text("sheet_history").c_str());
  std::vector<std::string> head = {t.Text("col_cycle"), t.Text("col_scored"), t.Text("col_provisional"),
                                   t.Text("col_failed")};
  for (const auto& b : m.spec.bands) head.push_back(b.label);
  head.insert(head.end(), {t.Text("col_total_median"), t.Text("col_q1"), t.Text("col_q3")});
  for (const auto& s : m.spec.subscale_names) head.push_back(Fill(t.Text("col_subscale_median"), {{"name", s}}));
  for (size_t c = 0; c < head.size(); ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c].c_str(), f.header);
  lxw_row_t r = 1;
  for (const auto& p : m.trend) {
    lxw_col_t c = 0;
    worksheet_write_string(ws, r, c++, p.cycle.c_str(), nullptr);
    for (int v : {p.scored, p.provisional, p.failed}) worksheet_write_number(ws, r, c++, v, nullptr);
    for (int v : p.bands) worksheet_write_number(ws, r, c++, v, nullptr);
    if (p.total) {
      worksheet_write_number(ws, r, c, p.total->median, f.quarter);
      worksheet_write_number(ws, r, c + 1, p.total->q1, f.quarter);
      worksheet_write_number(ws, r, c + 2, p.total->q3, f.quarter);
    }
    c += 3;
    for (const auto& s : p.subtotal_median) {
      if (s) worksheet_write_number(ws, r, c, *s, f.quarter);
      ++c;
    }
    ++r;
  }
  worksheet_set_column(ws, 0, 0, 12, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(head.size() - 1), 12, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

std::atomic<unsigned> g_counter{0};

}  // namespace

std::string SummaryXlsx(const CohortModel& m, const SummaryTemplate& t) {
  fs::path tmp = fs::temp_directory_path() /
                 ("fidelity-summary-" + std::to_string(getpid()) + "-" + std::to_string(g_counter++) + ".xlsx");
  lxw_workbook_options wopt = {};
  lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &wopt);
  if (!wb) throw std::runtime_error("summary.xlsx の一時ファイルを作れません（" + tmp.string() + "）");
  std::string title = Fill(t.document.at("title"), {{"cycle", m.spec.cycle}});
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>(t.document.at("author").c_str());
  props.created = 1767225600;  // fixed: the same inputs give the same bytes
  workbook_set_properties(wb, &props);
  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  f.signed_int = workbook_add_format(wb);
  format_set_num_format(f.signed_int, "+0;-0;0");
  f.fraction = workbook_add_format(wb);
  format_set_num_format(f.fraction, "0.00");
  f.quarter = workbook_add_format(wb);
  format_set_num_format(f.quarter, "0.00");
  AgenciesSheet(wb, m, t, f);
  ItemsSheet(wb, m, t, f);
  HistorySheet(wb, m, t, f);
  lxw_error e = workbook_close(wb);
  std::error_code ec;
  if (e != LXW_NO_ERROR) {
    fs::remove(tmp, ec);
    throw std::runtime_error("summary.xlsx を書けません（libxlsxwriter のエラー " + std::to_string(e) + "）");
  }
  std::string bytes = ReadFile(tmp, 256u << 20);
  fs::remove(tmp, ec);
  return bytes;
}

}  // namespace fidelity::report
