#include "pipeline/forms/xlsx_style.h"

#include <algorithm>
#include <stdexcept>

namespace fidelity::xlsx_style {

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
