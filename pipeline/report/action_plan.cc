#include "pipeline/report/action_plan.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "pipeline/core/fs.h"

namespace fidelity::report {
namespace {

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string t;
  while (std::getline(ss, t, ',')) out.push_back(t);
  return out;
}

// /dev/shm when it exists (tmpfs: no disk inode to allocate and free per
// agency; issue 13, docs/speed.md), else the system's temp folder.
const std::filesystem::path& TempDir() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0)
      return std::filesystem::path("/dev/shm");
    return std::filesystem::temp_directory_path();
  }();
  return dir;
}

std::filesystem::path TempPath() {
  static std::atomic<unsigned> n{0};
  return TempDir() / ("fidelity-plan-" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".xlsx");
}

struct Formats {
  lxw_format *head, *wrap, *center, *title, *priority;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{};
  f.head = workbook_add_format(wb);
  format_set_bold(f.head);
  format_set_bg_color(f.head, 0xDDEBF7);
  format_set_border(f.head, LXW_BORDER_THIN);
  format_set_text_wrap(f.head);
  format_set_align(f.head, LXW_ALIGN_VERTICAL_CENTER);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_border(f.wrap, LXW_BORDER_THIN);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_unlocked(f.wrap);
  f.center = workbook_add_format(wb);
  format_set_border(f.center, LXW_BORDER_THIN);
  format_set_align(f.center, LXW_ALIGN_CENTER);
  format_set_align(f.center, LXW_ALIGN_VERTICAL_TOP);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.priority = workbook_add_format(wb);
  format_set_text_wrap(f.priority);
  format_set_border(f.priority, LXW_BORDER_THIN);
  format_set_align(f.priority, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.priority, 0xFFF2CC);
  return f;
}

void Validations(lxw_worksheet* ws, const std::map<std::string, std::string>& t, int first, int last,
                 std::vector<std::string>& options) {
  lxw_data_validation target = {};
  target.validate = LXW_VALIDATION_TYPE_INTEGER;
  target.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  target.minimum_number = 1;
  target.maximum_number = 5;
  worksheet_data_validation_range(ws, first, 2, last, 2, &target);
  std::vector<char*> list;
  for (std::string& o : options) list.push_back(o.data());
  list.push_back(nullptr);
  lxw_data_validation check = {};
  check.validate = LXW_VALIDATION_TYPE_LIST;
  check.value_list = list.data();
  check.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;  // other ways may be typed in
  worksheet_data_validation_range(ws, first, 7, last, 7, &check);
  lxw_data_validation due = {};
  due.validate = LXW_VALIDATION_TYPE_DATE;
  due.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
  due.minimum_datetime = {2000, 1, 1, 0, 0, 0};
  std::string prompt = t.at("due_prompt");
  due.input_message = prompt.data();
  worksheet_data_validation_range(ws, first, 6, last, 6, &due);
}

void Sheet(lxw_workbook* wb, const ReportModel& m, const std::map<std::string, std::string>& t) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.at("sheet").c_str());
  Formats f = MakeFormats(wb);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 2, 2);
  const double widths[8] = {30, 9, 9, 44, 44, 14, 12, 22};
  for (int c = 0; c < 8; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
  std::string title = Fill(t.at("title"), {{"agency", m.agency.name}, {"cycle", m.agency.cycle}});
  worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
  const char* keys[8] = {"col_item", "col_now", "col_target", "col_criterion",
                         "col_action", "col_owner", "col_due", "col_check"};
  for (int c = 0; c < 8; ++c) worksheet_write_string(ws, 2, c, t.at(keys[c]).c_str(), f.head);
  worksheet_freeze_panes(ws, 3, 1);
  int row = 3;
  for (const ListEntry* e : PlanRows(m)) {
    bool priority = std::any_of(m.priorities.begin(), m.priorities.end(),
                                [&](const ListEntry& p) { return p.item_code == e->item_code; });
    std::string item = e->item_code + " " + e->item_name;
    if (priority) item = "【" + t.at("priority_mark") + "】" + item;
    worksheet_write_string(ws, row, 0, item.c_str(), priority ? f.priority : f.wrap);
    if (e->score) worksheet_write_number(ws, row, 1, *e->score, f.center);
    if (e->target) worksheet_write_number(ws, row, 2, *e->target, f.center);
    worksheet_write_string(ws, row, 3, e->next_step.c_str(), f.wrap);
    worksheet_write_string(ws, row, 4, e->hint.c_str(), f.wrap);
    for (int c = 5; c < 8; ++c) worksheet_write_blank(ws, row, c, f.wrap);
    ++row;
  }
  if (row > 3) {
    std::vector<std::string> options = SplitCommas(t.at("check_options"));
    Validations(ws, t, 3, row - 1, options);
  }
}

}  // namespace

std::vector<const ListEntry*> PlanRows(const ReportModel& m) {
  std::vector<const ListEntry*> rows;
  for (const ListEntry& e : m.priorities) rows.push_back(&e);
  for (const ListEntry& e : m.challenges) {
    if (e.item_code.empty()) continue;
    bool seen = std::any_of(rows.begin(), rows.end(),
                            [&](const ListEntry* r) { return r->item_code == e.item_code; });
    if (!seen) rows.push_back(&e);
  }
  return rows;
}

std::string ActionPlanXlsx(const ReportModel& model, const ReportTemplate& tmpl) {
  std::filesystem::path path = TempPath();
  lxw_workbook_options opt = {};
  // libxlsxwriter writes each XML part to a temporary file before zipping:
  // in the same folder as the workbook itself.
  std::string tmpdir = TempDir().string();
  opt.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  if (!wb) throw InputError("io.write", path.string(), "行動計画（action_plan.xlsx）の一時ファイルを作れません");
  lxw_doc_properties props = {};
  std::string title = Fill(tmpl.action_plan.at("title"),
                           {{"agency", model.agency.name}, {"cycle", model.agency.cycle}});
  props.title = title.data();
  props.created = 1767225600;  // fixed (2026-01-01): the same inputs give the same bytes
  workbook_set_properties(wb, &props);
  Sheet(wb, model, tmpl.action_plan);
  lxw_error e = workbook_close(wb);
  std::string bytes;
  if (e == LXW_NO_ERROR) bytes = ReadFile(path);
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (e != LXW_NO_ERROR)
    throw InputError("io.write", path.string(),
                     "行動計画（action_plan.xlsx）を書き込めません（libxlsxwriter のエラー番号 " +
                         std::to_string(static_cast<int>(e)) + "）。一時フォルダの空き容量を確かめてください");
  return bytes;
}

}  // namespace fidelity::report
