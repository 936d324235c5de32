#include "pipeline/xlsx/xlsx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

#include "pipeline/core/date.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"
#include "pipeline/xlsx/number_format.h"
#include "pipeline/xlsx/xml_guard.h"
#include "pipeline/xlsx/zip_package.h"

namespace fidelity {

namespace {

// ---- pugixml helpers that ignore namespace prefixes ("x:row" is "row") ----

const char* Local(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}
bool Is(const pugi::xml_node& n, const char* local) {
  if (n.type() != pugi::node_element) return false;
  const char* name = n.name();
  if (name[0] == local[0] && std::strcmp(name, local) == 0) return true;  // the usual, unprefixed case
  const char* colon = std::strchr(name, ':');
  return colon && std::strcmp(Local(colon), local) == 0;
}
pugi::xml_node Child(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (Is(c, local)) return c;
  return {};
}
// The relationship id attribute: "r:id" whatever the prefix.
const char* RelId(const pugi::xml_node& n) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const char* name = a.name();
    if (std::strchr(name, ':') && std::strcmp(Local(name), "id") == 0) return a.value();
  }
  return "";
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
std::string_view TrimWs(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// pugixml's reason in Japanese (its own descriptions are English).
std::string XmlReason(pugi::xml_parse_status st) {
  switch (st) {
    case pugi::status_out_of_memory: return "メモリが足りません";
    case pugi::status_unrecognized_tag:
    case pugi::status_bad_start_element:
    case pugi::status_bad_end_element: return "タグが正しくありません";
    case pugi::status_end_element_mismatch: return "開始タグと終了タグが対応していません";
    case pugi::status_bad_attribute: return "属性が正しくありません";
    case pugi::status_no_document_element: return "要素がありません";
    case pugi::status_bad_pi:
    case pugi::status_bad_comment:
    case pugi::status_bad_cdata:
    case pugi::status_bad_doctype:
    case pugi::status_bad_pcdata: return "記述が正しくありません";
    default: return "XML として読めません";
  }
}

// Text of a <t> element (PCDATA and CDATA children).
void AppendText(const pugi::xml_node& t, std::string& out) {
  for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal
// "_x" followed by four hex digits and "_" as _x005F_xHHHH_).
void DecodeOoxmlEscapes(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  auto code_at = [&](size_t i) -> int {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (size_t k = 2; k < 6; ++k) {
      int h = Hex(s[i + k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  };
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    int v = code_at(i);
    if (v < 0) {
      out += s[i++];
      continue;
    }
    i += 7;
    char32_t cp = static_cast<char32_t>(v);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      int lo = code_at(i);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    AppendUtf8(out, cp);
  }
  s.swap(out);
}

// A string item (<si> or <is>): plain <t>, or rich-text runs <r><t>;
// phonetic runs <rPh> (ふりがな) are not part of the value.
std::string StringItem(const pugi::xml_node& si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    if (Is(c, "t")) {
      AppendText(c, out);
    } else if (Is(c, "r")) {
      for (pugi::xml_node rc = c.first_child(); rc; rc = rc.next_sibling())
        if (Is(rc, "t")) AppendText(rc, out);
    }
  }
  DecodeOoxmlEscapes(out);
  return out;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out += static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A relationship target, relative to the folder of `source` ("xl/workbook.xml")
// or absolute from the package root ("/xl/worksheets/sheet1.xml"). Empty when
// it climbs out of the package.
std::string ResolveTarget(std::string_view source, std::string_view target) {
  std::string t = PercentDecode(target);
  for (char& c : t)
    if (c == '\\') c = '/';
  std::string full;
  if (!t.empty() && t[0] == '/') {
    full = t.substr(1);
  } else {
    size_t slash = source.rfind('/');
    full = std::string(slash == std::string_view::npos ? "" : source.substr(0, slash + 1)) + t;
  }
  std::vector<std::string> segs;
  size_t start = 0;
  while (start <= full.size()) {
    size_t end = full.find('/', start);
    if (end == std::string::npos) end = full.size();
    std::string seg = full.substr(start, end - start);
    if (seg == "..") {
      if (segs.empty()) return "";
      segs.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segs.push_back(std::move(seg));
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& s : segs) out += (out.empty() ? "" : "/") + s;
  return out;
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"
std::string RelsPartOf(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string dir(slash == std::string_view::npos ? "" : part.substr(0, slash + 1));
  std::string base(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return dir + "_rels/" + base + ".rels";
}

struct Rel {
  std::string type;
  std::string target;  // resolved part name; empty for external targets
};

struct Format {
  std::string code = "General";
  bool is_date = false;
  bool is_percent = false;
};

bool ParseUint(std::string_view s, uint64_t max, uint64_t* out) {
  s = TrimWs(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > max) return false;
  *out = v;
  return true;
}

// An ISO 8601 cell value (t="d", written by some producers) as an Excel
// serial in decimal text; empty when it is not a date.
std::string IsoToSerial(std::string_view v, bool date1904) {
  int y, m, d, hh = 0, mm = 0;
  double ss = 0;
  std::string s(TrimWs(v));
  int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf", &y, &m, &d, &hh, &mm, &ss);
  if (n < 3 || !Date::Valid(y, m, d)) return "";
  long days = Date{y, m, d}.DaysSinceEpoch();
  long serial = date1904 ? days + 24107 : (Date{y, m, d} < Date{1900, 3, 1} ? days + 25568 : days + 25569);
  double frac = (hh * 3600 + mm * 60 + ss) / 86400.0;
  if (frac <= 0) return std::to_string(serial);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10f", static_cast<double>(serial) + frac);
  std::string out = buf;
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

class Reader {
 public:
  Reader(ZipPackage& zip, const XlsxLimits& limits) : zip_(zip), limits_(limits) {}

  Workbook Read() {
    Workbook wb;
    std::string workbook_part = FindOfficeDocument();
    std::string buf;
    pugi::xml_document doc;
    Load(workbook_part, buf, doc);
    pugi::xml_node root = doc.document_element();
    if (!Is(root, "workbook")) BadXml(workbook_part, "ルート要素が workbook ではありません");
    if (pugi::xml_node pr = Child(root, "workbookPr")) {
      std::string_view v = pr.attribute("date1904").value();
      wb.date1904 = v == "1" || v == "true";
    }
    date1904_ = wb.date1904;
    std::map<std::string, Rel> rels = ReadRels(workbook_part);

    std::string sst_part, styles_part;
    for (const auto& [id, rel] : rels) {
      if (EndsWith(rel.type, "/sharedStrings")) sst_part = rel.target;
      if (EndsWith(rel.type, "/styles")) styles_part = rel.target;
    }
    if (sst_part.empty() && zip_.Has("xl/sharedStrings.xml")) sst_part = "xl/sharedStrings.xml";
    if (styles_part.empty() && zip_.Has("xl/styles.xml")) styles_part = "xl/styles.xml";
    if (!sst_part.empty() && zip_.Has(sst_part)) ReadSharedStrings(sst_part);
    ReadStyles(styles_part);

    pugi::xml_node sheets = Child(root, "sheets");
    for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
      if (!Is(s, "sheet")) continue;
      Sheet sheet;
      sheet.name = s.attribute("name").value();
      std::string id = RelId(s);
      auto it = rels.find(id);
      if (it == rels.end() || it->second.target.empty())
        throw InputError("xlsx.missing_part", zip_.label(),
                         Q() + "のシート「" + sheet.name + "」の部品が見つかりません（" +
                             workbook_part + " の関係 " + id + " がありません）。");
      const Rel& rel = it->second;
      if (!zip_.Has(rel.target))
        throw InputError("xlsx.missing_part", zip_.label(),
                         Q() + "のシート「" + sheet.name + "」の部品 " + rel.target + " がありません。");
      std::string_view state = s.attribute("state").value();
      sheet.hidden = state == "hidden" || state == "veryHidden";
      if (EndsWith(rel.type, "/worksheet") || EndsWith(rel.type, "/xlMacrosheet")) {
        sheet_ = sheet.name;
        ReadSheet(rel.target, sheet);
        sheet_.clear();
      }
      wb.sheets.push_back(std::move(sheet));
    }
    return wb;
  }

 private:
  std::string Q() const { return "「" + zip_.label() + "」"; }
  // The place of a problem: the sheet being read (as the user knows it), else the file.
  std::string Where() const { return sheet_.empty() ? zip_.label() : sheet_; }

  [[noreturn]] void BadXml(const std::string& part, const std::string& why) {
    throw InputError("xlsx.xml", Where(), Q() + "の" + PartName(part) + "の XML が壊れています（" + why + "）。");
  }
  [[noreturn]] void Corrupt(const std::string& part, const std::string& why) {
    throw InputError("xlsx.corrupt", Where(), Q() + "の" + PartName(part) + "が壊れています（" + why + "）。");
  }

  // Reads, checks and parses an XML part. `buf` holds the text the document
  // points into and must outlive it.
  // How a part is named in messages: a sheet's part by the sheet's name.
  std::string PartName(const std::string& part) const {
    return sheet_.empty() ? "部品 " + part : "シート「" + sheet_ + "」（部品 " + part + "）";
  }

  void Load(const std::string& part, std::string& buf, pugi::xml_document& doc) {
    buf = zip_.Read(part);
    ToUtf8Xml(buf);
    switch (CheckXmlSafety(buf, limits_.max_xml_depth, limits_.max_xml_elements)) {
      case XmlCheck::kDtd:
        throw InputError("xlsx.dtd", Where(),
                         Q() + "の" + PartName(part) +
                             "に DOCTYPE または ENTITY の宣言があります。安全のため読み込みません。"
                             "Excel で開いて「Excel ブック (*.xlsx)」として保存し直してください。");
      case XmlCheck::kTooDeep:
        throw InputError("xlsx.too_deep", Where(),
                         Q() + "の" + PartName(part) + "は XML の入れ子が深すぎます（上限 " +
                             std::to_string(limits_.max_xml_depth) + " 段）。");
      case XmlCheck::kTooManyElements:
        throw InputError("xlsx.too_large", Where(),
                         Q() + "の" + PartName(part) + "は XML の要素が多すぎます（上限 " +
                             std::to_string(limits_.max_xml_elements) + " 個）。事前調査票としては大きすぎるため読み込みません。");
      case XmlCheck::kOk:
        break;
    }
    // No parse_doctype: pugixml skips nothing and expands no entity other
    // than the five predefined ones and character references.
    const unsigned flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol |
                           pugi::parse_wconv_attribute | pugi::parse_ws_pcdata_single;
    pugi::xml_parse_result r = doc.load_buffer_inplace(buf.data(), buf.size(), flags, pugi::encoding_utf8);
    if (!r) BadXml(part, XmlReason(r.status) + "、" + std::to_string(r.offset) + " バイト目");
  }

  std::string FindOfficeDocument() {
    if (zip_.Has("_rels/.rels")) {
      for (const auto& [id, rel] : ReadRels("")) {
        if (EndsWith(rel.type, "/officeDocument") && !rel.target.empty()) {
          if (!zip_.Has(rel.target))
            throw InputError("xlsx.missing_part", zip_.label(),
                             Q() + "に必要な部品 " + rel.target + "（ブック本体）がありません。");
          return rel.target;
        }
      }
    }
    if (!zip_.Has("xl/workbook.xml"))
      throw InputError("xlsx.missing_part", zip_.label(),
                       Q() + "に必要な部品 xl/workbook.xml（ブック本体）がありません。Excel のブックではないようです。");
    return "xl/workbook.xml";
  }

  // The relationships of `source` ("" for the package itself).
  std::map<std::string, Rel> ReadRels(const std::string& source) {
    std::map<std::string, Rel> out;
    std::string part = source.empty() ? "_rels/.rels" : RelsPartOf(source);
    if (!zip_.Has(part)) return out;
    std::string buf;
    pugi::xml_document doc;
    Load(part, buf, doc);
    for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
      if (!Is(r, "Relationship")) continue;
      Rel rel;
      rel.type = r.attribute("Type").value();
      if (std::string_view(r.attribute("TargetMode").value()) != "External")
        rel.target = ResolveTarget(source, r.attribute("Target").value());
      out.emplace(r.attribute("Id").value(), std::move(rel));
    }
    return out;
  }

  void ReadSharedStrings(const std::string& part) {
    std::string buf;
    pugi::xml_document doc;
    Load(part, buf, doc);
    pugi::xml_node sst = doc.document_element();
    uint64_t count = 0;
    if (ParseUint(sst.attribute("uniqueCount").value(), UINT32_MAX, &count))
      strings_.reserve(static_cast<size_t>(std::min<uint64_t>(count, buf.size() / 8 + 1)));
    for (pugi::xml_node si = sst.first_child(); si; si = si.next_sibling()) {
      if (!Is(si, "si")) continue;
      if (strings_.size() >= limits_.max_shared_strings)
        throw InputError("xlsx.too_large", zip_.label(),
                         Q() + "の共有文字列が多すぎます（上限 " + std::to_string(limits_.max_shared_strings) +
                             " 個）。事前調査票としては大きすぎるため読み込みません。");
      strings_.push_back(StringItem(si));
      AddText(strings_.back().size(), "共有文字列");
    }
  }

  void ReadStyles(const std::string& part) {
    formats_.clear();
    if (part.empty() || !zip_.Has(part)) return;
    std::string buf;
    pugi::xml_document doc;
    Load(part, buf, doc);
    pugi::xml_node ss = doc.document_element();
    std::map<uint64_t, std::string> custom;
    for (pugi::xml_node f = Child(Child(ss, "numFmts"), "numFmt"); f; f = f.next_sibling()) {
      uint64_t id;
      if (Is(f, "numFmt") && ParseUint(f.attribute("numFmtId").value(), UINT32_MAX, &id))
        custom[id] = f.attribute("formatCode").value();
    }
    for (pugi::xml_node xf = Child(Child(ss, "cellXfs"), "xf"); xf; xf = xf.next_sibling()) {
      if (!Is(xf, "xf")) continue;
      Format fmt;
      uint64_t id = 0;
      ParseUint(xf.attribute("numFmtId").value(), UINT32_MAX, &id);
      auto it = custom.find(id);
      std::string code = it != custom.end() ? it->second : BuiltinNumberFormat(static_cast<int>(id));
      if (!code.empty()) fmt.code = std::move(code);
      fmt.is_date = IsDateFormat(fmt.code);
      fmt.is_percent = IsPercentFormat(fmt.code);
      formats_.push_back(std::move(fmt));
    }
  }

  // The value of cell element `cn` from its type attribute `t` (a styled
  // blank stays kEmpty); a "d" (ISO date) cell becomes a date serial.
  void DecodeValue(std::string_view t, pugi::xml_node v, pugi::xml_node is, const std::string& part, int crow,
                   int col, Cell& cell, bool& is_date) {
    std::string_view vtext = v ? TrimWs(v.child_value()) : std::string_view();
    if (t.empty() || t == "n") {
      if (!vtext.empty()) cell.type = CellType::kNumber, cell.text = vtext;
    } else if (t == "s") {
      uint64_t idx;
      if (v) {
        if (!ParseUint(vtext, UINT32_MAX, &idx) || idx >= strings_.size())
          Corrupt(part, "セル " + CellRef(crow, col) + " の共有文字列番号 \"" + std::string(vtext) +
                            "\" が範囲外です（共有文字列 " + std::to_string(strings_.size()) + " 個）");
        cell.type = CellType::kString;
        cell.text = strings_[idx];
      }
    } else if (t == "inlineStr") {
      if (is) {
        cell.type = CellType::kString;
        cell.text = StringItem(is);
      } else if (v) {
        cell.type = CellType::kString;
        cell.text = v.child_value();
        DecodeOoxmlEscapes(cell.text);
      }
    } else if (t == "str") {
      // A formula's string result; an empty result shows blank.
      std::string text;
      if (v) AppendText(v, text);
      if (!text.empty()) {
        DecodeOoxmlEscapes(text);
        cell.type = CellType::kString;
        cell.text = text;
      }
    } else if (t == "b") {
      if (!vtext.empty()) {
        cell.type = CellType::kBool;
        cell.text = (vtext == "1" || vtext == "true" || vtext == "TRUE") ? "1" : "0";
      }
    } else if (t == "e") {
      if (!vtext.empty()) cell.type = CellType::kError, cell.text = vtext;
    } else if (t == "d") {
      if (!vtext.empty()) {
        std::string serial = IsoToSerial(vtext, date1904_);
        if (serial.empty()) {
          cell.type = CellType::kString, cell.text = vtext;
        } else {
          cell.type = CellType::kNumber, cell.text = std::move(serial);
          is_date = true;
        }
      }
    } else if (v) {
      cell.type = CellType::kString;  // an unknown type: keep what it shows
      cell.text = v.child_value();
    }
  }

  // Counts the cell against the limits, refuses a cell written twice, and
  // stores it with its format.
  void AddCell(Sheet& sheet, int crow, int col, Cell cell, const Format& fmt, bool is_date) {
    AddText(cell.text.size(), "シート「" + sheet.name + "」の " + CellRef(crow, col));
    if (++cells_ > limits_.max_cells)
      throw InputError("xlsx.too_large", Where(),
                       Q() + "のセルが多すぎます（シート「" + sheet.name + "」の " + CellRef(crow, col) +
                           " で合計 " + std::to_string(limits_.max_cells) +
                           " 個を超えました）。事前調査票としては大きすぎるため読み込みません。");
    cell.number_format = fmt.code;
    cell.is_date_format = is_date;
    cell.is_percent_format = fmt.is_percent;
    std::pair<int, int> at{crow, col};
    // Cells come in order; one out of order may repeat an earlier one.
    if (!sheet.cells.empty() && !(sheet.cells.rbegin()->first < at) && sheet.cells.count(at))
      throw InputError("xlsx.duplicate_cell", sheet.name + "!" + CellRef(crow, col),
                       Q() + "のシート「" + sheet.name + "」でセル " + CellRef(crow, col) +
                           " が2回書かれています。読み方によって値が変わるため読み込みません。"
                           "Excel で開いて保存し直してください。");
    sheet.cells.emplace_hint(sheet.cells.end(), at, std::move(cell));
    if (crow > sheet.max_row) sheet.max_row = crow;
    if (col > sheet.max_col) sheet.max_col = col;
  }

  void ReadSheet(const std::string& part, Sheet& sheet) {
    std::string buf;
    pugi::xml_document doc;
    Load(part, buf, doc);
    pugi::xml_node data = Child(doc.document_element(), "sheetData");
    static const Format kGeneral;
    int row = 0, rows = 0;
    for (pugi::xml_node rn = data.first_child(); rn; rn = rn.next_sibling()) {
      if (!Is(rn, "row")) continue;
      if (++rows > limits_.max_rows)
        throw InputError("xlsx.too_large", zip_.label(),
                         Q() + "のシート「" + sheet.name + "」は行が多すぎます（上限 " +
                             std::to_string(limits_.max_rows) + " 行）。");
      if (pugi::xml_attribute ra = rn.attribute("r")) {
        uint64_t r;
        if (!ParseUint(ra.value(), kMaxRow, &r) || r == 0)
          Corrupt(part, std::string("行番号 \"") + ra.value() + "\" が不正です");
        row = static_cast<int>(r);
      } else {
        if (row >= kMaxRow) Corrupt(part, "行が多すぎます");
        ++row;
      }
      int col = 0;
      for (pugi::xml_node cn = rn.first_child(); cn; cn = cn.next_sibling()) {
        if (!Is(cn, "c")) continue;
        int crow = row;
        if (pugi::xml_attribute ca = cn.attribute("r")) {
          if (!ParseCellRef(std::string_view(ca.value()), &crow, &col))
            Corrupt(part, std::string("セル番地 \"") + ca.value() + "\" が不正です");
        } else {
          if (col >= kMaxCol) Corrupt(part, "列が多すぎます（行 " + std::to_string(row) + "）");
          ++col;
        }
        const Format* fmt = formats_.empty() ? &kGeneral : &formats_[0];
        if (pugi::xml_attribute sa = cn.attribute("s")) {
          uint64_t s;
          fmt = ParseUint(sa.value(), UINT32_MAX, &s) && s < formats_.size() ? &formats_[s] : &kGeneral;
        }
        Cell cell;
        pugi::xml_node v, is;
        for (pugi::xml_node k = cn.first_child(); k; k = k.next_sibling()) {
          if (Is(k, "v")) v = k;
          else if (Is(k, "f")) cell.has_formula = true;
          else if (Is(k, "is")) is = k;
        }
        bool is_date = fmt->is_date;
        DecodeValue(cn.attribute("t").value(), v, is, part, crow, col, cell, is_date);
        if (cell.type == CellType::kEmpty && !cell.has_formula) continue;  // a styled blank
        AddCell(sheet, crow, col, std::move(cell), *fmt, is_date);
      }
    }
  }

  // Counts text as it is read, against max_cell_text_bytes.
  void AddText(size_t bytes, const std::string& at) {
    text_bytes_ += bytes;
    if (text_bytes_ > limits_.max_cell_text_bytes)
      throw InputError("xlsx.too_large", Where(),
                       Q() + "の文字が多すぎます（" + at + " で合計 " +
                           std::to_string(limits_.max_cell_text_bytes >> 20) +
                           " MB を超えました）。事前調査票としては大きすぎるため読み込みません。");
  }

  ZipPackage& zip_;
  const XlsxLimits& limits_;
  bool date1904_ = false;
  std::string sheet_;  // the sheet being read ("" outside sheets)
  uint64_t text_bytes_ = 0;
  uint64_t cells_ = 0;
  std::vector<std::string> strings_;
  std::vector<Format> formats_;
};

}  // namespace

Workbook ReadXlsx(const std::string& bytes, const std::string& label, const XlsxLimits& limits) {
  if (LooksLikeOleCompound(bytes)) {
    // The directory of an encrypted package names its streams in UTF-16LE.
    static const char kEncrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
    bool encrypted = std::string_view(bytes).find(std::string_view(kEncrypted, sizeof kEncrypted - 1)) !=
                     std::string_view::npos;
    throw InputError("xlsx.encrypted", label,
                     "「" + label + "」は" +
                         (encrypted ? std::string("パスワードで保護されたファイルです。読み取りパスワードを指定してください"
                                                  "（password_file または password_env）。")
                                    : std::string("パスワードで保護されたファイルか、古い Excel 形式（.xls）の"
                                                  "ファイルです。パスワードを指定するか、.xlsx 形式で保存し直してください。")));
  }
  ZipLimits zl;
  zl.max_entries = limits.max_entries;
  zl.max_part_bytes = limits.max_part_bytes;
  zl.max_total_bytes = limits.max_total_bytes;
  zl.max_ratio = limits.max_ratio;
  ZipPackage zip(bytes, label, zl);
  return Reader(zip, limits).Read();
}

}  // namespace fidelity
