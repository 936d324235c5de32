// Reads an .xlsx / .xlsm workbook held in memory into the raw Workbook.
//
//   std::string bytes = ReadFileBytes(path);                 // the caller's I/O
//   Workbook wb = ReadXlsx(bytes, "事前調査票.xlsx");        // may throw InputError
//   if (const Sheet* s = wb.find("記載日")) ...
//
// Every sheet of the workbook is read, in workbook order (chart sheets come
// out empty). Cells keep the text the file stores: numbers their decimal
// text exactly as in <v>, strings (shared, inline, formula results) as UTF-8
// with rich-text runs joined and phonetic (ふりがな) runs dropped, booleans
// "1"/"0", errors "#DIV/0!". A formula without a cached value is kEmpty with
// has_formula. Each cell carries its resolved number format and whether it
// shows a date or a percent. Blank cells are not stored.
//
// A hostile or broken file never crashes or hangs: it throws InputError with
// one of these codes, `where` = label, a Japanese message naming the file
// (and the part):
//   xlsx.not_zip       not a zip (or empty)
//   xlsx.encrypted     an OLE compound file: password-protected (or .xls)
//   xlsx.truncated     a zip cut short
//   xlsx.corrupt       bad zip data, CRC, a cell reference or string index out of range
//   xlsx.missing_part  workbook.xml, a sheet or shared strings part is missing
//   xlsx.too_large     entry count, part size, total size, compression ratio,
//                      row count, XML element count or cell text past
//                      XlsxLimits (sizes checked on the declared sizes and
//                      again while inflating)
//   xlsx.bad_path      an entry name with ".." or an absolute path
//   xlsx.dtd           <!DOCTYPE / <!ENTITY in an XML part (checked before parsing)
//   xlsx.xml           malformed XML
//   xlsx.too_deep      XML nested deeper than max_xml_depth
//   xlsx.duplicate_part two zip entries with one name (or differing in case only)
//   xlsx.duplicate_cell a cell written twice in one sheet (where = sheet!cell)
//   xlsx.ods           an OpenDocument spreadsheet
// A problem inside a sheet's part names the sheet as the user knows it
// (「調査票1 機関の就労率」), with the part in brackets.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/crypto/offcrypto.h"
#include "pipeline/xlsx/workbook.h"

namespace fidelity {

struct XlsxLimits {
  size_t max_entries = 10000;
  uint64_t max_part_bytes = 64 << 20;
  uint64_t max_total_bytes = 256 << 20;
  uint64_t max_ratio = 200;  // uncompressed/compressed, for parts above 1 MB
  int max_xml_depth = 256;
  int max_rows = 200000;     // <row> elements in one sheet
  // Elements in one XML part, counted before parsing so that a part of
  // millions of tiny elements never becomes a DOM of hundreds of megabytes
  // (the 20,000-user list of tests/hostile is about 340,000 elements).
  uint64_t max_xml_elements = 1000000;
  // Cells of all sheets together, counted while reading (a real pre-survey
  // workbook has a few thousand; 20,000 users x 7 columns = 140,000).
  uint64_t max_cells = 500000;
  // Shared strings (each one a few bytes of XML but a string in memory).
  uint64_t max_shared_strings = 500000;
  // Text of all cells and shared strings together (a shared string is copied
  // to every cell that uses it, so a small file could otherwise ask for
  // gigabytes).
  uint64_t max_cell_text_bytes = 32u << 20;
};

// Reads an .xlsx/.xlsm held in memory. `label` names the file in problems.
// Throws InputError.
Workbook ReadXlsx(const std::string& bytes, const std::string& label, const XlsxLimits& limits = {});

// LooksLikeOleCompound (D0 CF 11 E0 A1 B1 1A E1: an encrypted workbook or a
// legacy .xls) is declared in pipeline/crypto/offcrypto.h, included above.

}  // namespace fidelity
