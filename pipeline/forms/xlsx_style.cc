#include "pipeline/forms/xlsx_style.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "pipeline/core/problem.h"
#include "pipeline/core/safe_file.h"

namespace fidelity::xlsx_style {

lxw_workbook* NewWorkbook(const std::filesystem::path& tmp) {
  lxw_workbook_options opt = {};
  opt.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &opt);
  if (!wb) throw InputError("io.write", tmp.string(), "Excel ファイルを作れません（" + tmp.string() + "）");
  return wb;
}

void FinishWorkbook(lxw_workbook* wb, const std::filesystem::path& tmp, const std::filesystem::path& path) {
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    throw InputError("io.write", path.string(),
                     "Excel ファイルを書き込めません（" + path.string() + "、libxlsxwriter のエラー番号 " +
                         std::to_string(static_cast<int>(e)) + "）。保存先の空き容量と書き込みの権限を確かめてください");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw InputError("io.write", path.string(), "Excel ファイルを置けません（" + FsErrorText(ec, path) + "）");
  }
}

void Check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter: ") + what + ": " + lxw_strerror(e));
}

void DropDown(lxw_worksheet* ws, int row, int col, const std::vector<std::string>& choices,
              const std::string& title, const std::string& message) {
  std::vector<const char*> list;
  for (const auto& c : choices) list.push_back(c.c_str());
  list.push_back(nullptr);
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(list.data());
  v.ignore_blank = LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  if (!title.empty()) v.error_title = const_cast<char*>(title.c_str());
  if (!message.empty()) v.error_message = const_cast<char*>(message.c_str());
  Check(worksheet_data_validation_cell(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &v),
        "data validation");
}

void PrintA4(lxw_worksheet* ws, bool landscape) {
  worksheet_set_paper(ws, 9);  // A4
  if (landscape) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
}

int DisplayWidth(const std::string& s) {
  int w = 0;
  for (unsigned char c : s) {
    if (c < 0x80) w += 1;
    else if ((c & 0xC0) != 0x80) w += 2;  // the lead byte of a multi-byte character
  }
  return w;
}

int WrappedLines(const std::string& text, double width) {
  int usable = std::max(1, static_cast<int>(width) - 2);  // slack for proportional glyphs
  int lines = 0;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    std::string part = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    lines += std::max(1, (DisplayWidth(part) + usable - 1) / usable);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace fidelity::xlsx_style
