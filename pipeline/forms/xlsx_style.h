// Small libxlsxwriter helpers for the forms we write: checked calls,
// drop-down lists with a Japanese error box, A4 printing, and row heights
// for wrapped text (LibreOffice does not autofit rows of a file it opens).
#pragma once
#include <xlsxwriter.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fidelity::xlsx_style {

// A workbook written to `tmp` (libxlsxwriter writes the file itself).
// Throws InputError("io.write", tmp, Japanese) when it cannot be created.
lxw_workbook* NewWorkbook(const std::filesystem::path& tmp);
// Closes `wb` and renames `tmp` to `path`; on any failure removes `tmp` and
// throws InputError("io.write", path, Japanese) — no library English.
void FinishWorkbook(lxw_workbook* wb, const std::filesystem::path& tmp, const std::filesystem::path& path);

// Throws std::runtime_error naming `what` when libxlsxwriter failed.
void Check(lxw_error e, const char* what);

// A drop-down list on one cell: anything else typed there is refused with
// `title` / `message`.
void DropDown(lxw_worksheet* ws, int row, int col, const std::vector<std::string>& choices,
              const std::string& title, const std::string& message);

// A4, one page wide, as many pages tall as needed.
void PrintA4(lxw_worksheet* ws, bool landscape);

// Display width of UTF-8 text in half-width units (non-ASCII counts 2).
int DisplayWidth(const std::string& s);

// Lines `text` takes in a wrapped column `width` characters wide (≥ 1),
// counting its explicit line breaks.
int WrappedLines(const std::string& text, double width);

}  // namespace fidelity::xlsx_style
