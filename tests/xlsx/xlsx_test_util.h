// Helpers for the xlsx tests: zip archives built in memory with libzip, a
// minimal hand-written workbook, and workbooks written by libxlsxwriter.
#pragma once
#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tests/test_util.h"

namespace fidelity::test {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A source that yields `size` zero bytes without holding them in memory.
struct ZeroSource {
  uint64_t size = 0, pos = 0;
  static zip_int64_t Callback(void* ud, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* z = static_cast<ZeroSource*>(ud);
    switch (cmd) {
      case ZIP_SOURCE_OPEN: z->pos = 0; return 0;
      case ZIP_SOURCE_READ: {
        uint64_t n = std::min<uint64_t>(len, z->size - z->pos);
        std::memset(data, 0, n);
        z->pos += n;
        return static_cast<zip_int64_t>(n);
      }
      case ZIP_SOURCE_CLOSE: return 0;
      case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = z->size;
        st->mtime = 0;
        st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
        return sizeof(*st);
      }
      case ZIP_SOURCE_ERROR: return 2 * sizeof(int);
      case ZIP_SOURCE_FREE: return 0;
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
      default: return -1;
    }
  }
};

// A zip of the given parts (deflated unless `store`), plus optionally one
// part of `zeros` zero bytes named `zeros_name`.
inline std::string MakeZip(const Parts& parts, bool store = false, const std::string& zeros_name = "",
                           uint64_t zeros = 0) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!out) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(out);
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t idx = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) throw std::runtime_error("zip_file_add " + name + ": " + zip_strerror(za));
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  ZeroSource zs{zeros, 0};
  if (!zeros_name.empty()) {
    zip_source_t* s = zip_source_function(za, &ZeroSource::Callback, &zs);
    zip_int64_t idx = zip_file_add(za, zeros_name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) throw std::runtime_error("zip_file_add zeros");
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 1);
  }
  if (zip_close(za) != 0) throw std::runtime_error(std::string("zip_close: ") + zip_strerror(za));
  std::string bytes;
  zip_stat_t st;
  if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
    bytes.resize(st.size);
    zip_int64_t n = zip_source_read(out, bytes.data(), st.size);
    bytes.resize(n < 0 ? 0 : static_cast<size_t>(n));
    zip_source_close(out);
  }
  zip_source_free(out);
  return bytes;
}

inline uint32_t Le32(const std::string& b, size_t at) {
  return static_cast<uint8_t>(b[at]) | static_cast<uint8_t>(b[at + 1]) << 8 |
         static_cast<uint8_t>(b[at + 2]) << 16 | static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}
inline void PutLe32(std::string& b, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) b[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

// Makes the zip's headers (central directory and local header) lie about
// the uncompressed size of entry `name`.
inline void PatchDeclaredSize(std::string& zip, const std::string& name, uint32_t size) {
  for (size_t p = zip.find("PK\x01\x02"); p != std::string::npos; p = zip.find("PK\x01\x02", p + 4)) {
    uint16_t name_len = static_cast<uint8_t>(zip[p + 28]) | static_cast<uint8_t>(zip[p + 29]) << 8;
    if (zip.compare(p + 46, name_len, name) != 0) continue;
    PutLe32(zip, p + 24, size);
    size_t local = Le32(zip, p + 42);
    PutLe32(zip, local + 22, size);
    return;
  }
  throw std::runtime_error("PatchDeclaredSize: no entry " + name);
}

inline const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";
inline const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
inline const char* kWorkbookOneSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
inline const char* kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

// The sheetData of a worksheet part.
inline std::string SheetXml(const std::string& sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

// The parts of a one-sheet workbook; any part can be replaced afterwards.
inline Parts MinimalParts(const std::string& sheet_data, const std::string& shared_strings_xml = "",
                          const std::string& styles_xml = "") {
  Parts p = {{"[Content_Types].xml", kContentTypes},
             {"_rels/.rels", kRootRels},
             {"xl/workbook.xml", kWorkbookOneSheet},
             {"xl/_rels/workbook.xml.rels", kWorkbookRels},
             {"xl/worksheets/sheet1.xml", SheetXml(sheet_data)}};
  if (!shared_strings_xml.empty()) p.push_back({"xl/sharedStrings.xml", shared_strings_xml});
  if (!styles_xml.empty()) p.push_back({"xl/styles.xml", styles_xml});
  return p;
}

inline void SetPart(Parts& parts, const std::string& name, const std::string& data) {
  for (auto& [n, d] : parts)
    if (n == name) {
      d = data;
      return;
    }
  parts.push_back({name, data});
}

// Writes a workbook with libxlsxwriter (to a temporary file) and returns its bytes.
inline std::string WriteXlsx(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  TempDir tmp;
  std::string path = (tmp / "book.xlsx").string();
  lxw_workbook_options opts = {};
  opts.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opts);
  if (!wb) throw std::runtime_error("workbook_new_opt");
  fill(wb);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
  return Slurp(path);
}

// The parts of a zip held in memory, in entry order.
inline Parts ReadZipParts(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!za) throw std::runtime_error("not a zip");
  Parts parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (!f || zip_fread(f, data.data(), st.size) != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("zip read");
    zip_fclose(f);
    parts.push_back({st.name, data});
  }
  zip_close(za);
  return parts;
}

// Renames every occurrence of entry name `from` to `to` (same length) in the
// zip's headers: a way to make two entries with one name, which libzip
// itself refuses to write.
inline void RenameEntry(std::string& zip, const std::string& from, const std::string& to) {
  if (from.size() != to.size()) throw std::runtime_error("RenameEntry: lengths differ");
  for (size_t p = zip.find(from); p != std::string::npos; p = zip.find(from, p + 1)) zip.replace(p, from.size(), to);
}

}  // namespace fidelity::test
