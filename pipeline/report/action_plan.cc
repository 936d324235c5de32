// action_plan.xlsx written in memory (issue 13): the XML parts libxlsxwriter
// 1.1.4 wrote for this sheet, byte for byte, zipped by ZipWriter. The
// constant text is in action_plan_parts.cc; this file puts the agency's
// cells, strings and styles between it.
//
// Text as libxlsxwriter wrote it, or better:
//  - cell text: & < > as entities; control characters U+0001–U+0008 and
//    U+000B–U+001F as _xHHHH_ (Excel's escape, as libxlsxwriter); tab and
//    line feed kept; xml:space="preserve" when the text starts or ends
//    with a space, tab or line feed. Better: a literal "_xHHHH_" in the
//    text is kept literal (its '_' written _x005F_), U+0000 is dropped
//    (libxlsxwriter cut the text there), U+FFFE/U+FFFF become _xFFFE_ /
//    _xFFFF_, malformed UTF-8 becomes U+FFFD, and a text past Excel's
//    32,767 characters is cut there (libxlsxwriter left the cell out);
//  - other text (title in docProps, sheet name, the list, the prompt):
//    control characters other than tab, line feed and carriage return are
//    dropped (libxlsxwriter wrote them raw: a workbook Excel refuses);
//    attributes also escape " and line breaks.
#include "pipeline/report/action_plan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <unordered_map>

#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"
#include "pipeline/report/action_plan_parts.h"
#include "pipeline/xlsx/zip_writer.h"

namespace fidelity::report {
namespace {

constexpr size_t kMaxCellChars = 32767;       // Excel's limit for a cell's text
constexpr size_t kMaxValidationChars = 255;   // for a list (with its commas) and a prompt
constexpr size_t kMaxSheetNameChars = 31;

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string t;
  while (std::getline(ss, t, ',')) out.push_back(t);
  return out;
}

size_t CodepointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

void AppendEscapeX(std::string& out, unsigned v) {
  static const char kHex[] = "0123456789ABCDEF";
  out += "_x";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
  out += '_';
}

enum class Mode { kCell, kText, kAttribute };

// Appends `s` escaped for `mode` (see the top of the file).
void AppendEscaped(std::string& out, std::string_view s, Mode mode) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t j = i;
      char32_t cp = NextCodepoint(s, j);
      if (cp == 0xFFFD && j == i + 1) {
        out += "\xEF\xBF\xBD";  // a malformed byte
      } else if (cp == 0xFFFE || cp == 0xFFFF) {
        if (mode == Mode::kCell) AppendEscapeX(out, cp);  // not allowed in XML
      } else {
        out.append(s.data() + i, j - i);
      }
      i = j;
      continue;
    }
    ++i;
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"':
        if (mode == Mode::kAttribute) out += "&quot;";
        else out += '"';
        continue;
      case '\n':
        if (mode == Mode::kAttribute) out += "&#xA;";
        else out += '\n';
        continue;
      case '\t':
        if (mode == Mode::kAttribute) out += "&#x9;";
        else out += '\t';
        continue;
      case '\r':
        if (mode == Mode::kAttribute) out += "&#xD;";
        else if (mode == Mode::kText) out += '\r';
        else AppendEscapeX(out, c);
        continue;
      case '_':
        // A literal _xHHHH_ would be read back as the escaped character.
        if (mode == Mode::kCell && i + 5 < s.size() && s[i] == 'x' && IsHex(s[i + 1]) && IsHex(s[i + 2]) &&
            IsHex(s[i + 3]) && IsHex(s[i + 4]) && s[i + 5] == '_')
          AppendEscapeX(out, '_');
        else
          out += '_';
        continue;
      default:
        break;
    }
    if (c == 0) continue;  // never in XML
    if (c < 0x20) {
      if (mode == Mode::kCell) AppendEscapeX(out, c);
      continue;  // dropped elsewhere
    }
    out += static_cast<char>(c);
  }
}

std::string Escaped(std::string_view s, Mode mode) {
  std::string out;
  out.reserve(s.size() + 8);
  AppendEscaped(out, s, mode);
  return out;
}

// The sheet name as a formula needs it: quoted unless it is made of ASCII
// letters, digits, '_' and '.' only (libxlsxwriter's rule), inner quotes
// doubled.
std::string QuotedSheetName(const std::string& name) {
  bool plain = std::all_of(name.begin(), name.end(), [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return (c < 0x80 && std::isalnum(c)) || c == '_' || c == '.';
  });
  if (plain) return name;
  std::string q = "'";
  for (char c : name) {
    q += c;
    if (c == '\'') q += '\'';
  }
  return q + "'";
}

void CheckSheetName(const std::string& name, const std::string& origin) {
  bool ok = !name.empty() && CodepointCount(name) <= kMaxSheetNameChars && IsValidUtf8(name) &&
            name.find_first_of("[]:*?/\\") == std::string::npos && name.front() != '\'' && name.back() != '\'' &&
            std::none_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (!ok)
    throw InputError("template.action_plan", origin,
                     "行動計画（action_plan.xlsx）のシート名「" + Escaped(name, Mode::kText) +
                         "」は Excel のシート名に使えません（1〜31文字、[ ] : * ? / \\ と制御文字を含まず、"
                         "' で始まったり終わったりしないこと）");
}

// The cell formats of the sheet (their xf indices are given in order of
// first use, as libxlsxwriter does).
enum Format { kTitle, kHeader, kPriority, kCenter, kWrap, kFormats };

const std::string_view& XfOf(Format f) {
  static const std::array<const std::string_view*, kFormats> xfs = {
      &parts::kXfTitle, &parts::kXfHeader, &parts::kXfPriority, &parts::kXfCenter, &parts::kXfWrap};
  return *xfs[f];
}

class SheetWriter {
 public:
  SheetWriter() {
    rows_.reserve(4096);
    strings_.reserve(4096);
  }

  void Row(int row) {
    if (in_row_) rows_ += "</row>";
    rows_ += "<row r=\"";
    rows_ += std::to_string(row + 1);
    rows_ += "\" spans=\"1:8\">";  // every block of 16 rows spans A–H (header and item rows)
    in_row_ = true;
    row_ = row;
    last_row_ = row;
  }

  void String(int col, std::string_view text, Format f) {
    if (text.empty()) return Blank(col, f);  // as libxlsxwriter: an empty text is a blank cell
    if (text.size() > kMaxCellChars) text = CutToChars(text, kMaxCellChars);
    int id;
    auto [it, fresh] = ids_.try_emplace(std::string(text), static_cast<int>(ids_.size()));
    id = it->second;
    if (fresh) AddSharedString(text);
    ++string_count_;
    CellStart(col, f);
    rows_ += " t=\"s\"><v>";
    rows_ += std::to_string(id);
    rows_ += "</v></c>";
  }

  void Number(int col, int value, Format f) {
    CellStart(col, f);
    rows_ += "><v>";
    rows_ += std::to_string(value);  // libxlsxwriter's %.16G of a whole number
    rows_ += "</v></c>";
  }

  void Blank(int col, Format f) {
    CellStart(col, f);
    rows_ += "/>";
  }

  std::string SheetXml(std::string_view validations) {
    if (in_row_) rows_ += "</row>";
    in_row_ = false;
    std::string x;
    x.reserve(rows_.size() + validations.size() + 1024);
    x += parts::kSheetBegin;
    x += "A1:H";
    x += std::to_string(last_row_ + 1);
    x += "\"/>";
    x += parts::kSheetViewsAndColumns;
    x += "<sheetData>";
    x += rows_;
    x += "</sheetData>";
    x += validations;
    x += parts::kSheetEnd;
    return x;
  }

  bool HasStrings() const { return string_count_ > 0; }

  std::string SharedStringsXml() const {
    std::string x;
    x.reserve(strings_.size() + 256);
    x += parts::kSharedStringsBegin;
    x += "count=\"" + std::to_string(string_count_) + "\" uniqueCount=\"" + std::to_string(ids_.size()) + "\">";
    x += strings_;
    x += "</sst>";
    return x;
  }

  std::string StylesXml() const {
    bool priority = xf_[kPriority] != 0;
    std::string x;
    x.reserve(2560);
    x += parts::kStylesBegin;
    x += priority ? "<fills count=\"4\">" : "<fills count=\"3\">";
    x += parts::kFillsDefaultAndHeader;
    if (priority) x += parts::kFillPriority;
    x += parts::kStylesMiddle;
    x += "<cellXfs count=\"" + std::to_string(used_.size() + 1) + "\">";
    x += parts::kXfDefault;
    for (Format f : used_) x += XfOf(f);
    x += parts::kStylesEnd;
    return x;
  }

 private:
  static std::string_view CutToChars(std::string_view s, size_t max) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == max) return s.substr(0, i);
    return s;
  }

  void CellStart(int col, Format f) {
    int& xf = xf_[f];
    if (xf == 0) {
      used_.push_back(f);
      xf = static_cast<int>(used_.size());  // 0 is the default format
    }
    rows_ += "<c r=\"";
    rows_ += static_cast<char>('A' + col);
    rows_ += std::to_string(row_ + 1);
    rows_ += "\" s=\"";
    rows_ += std::to_string(xf);
    rows_ += '"';
  }

  void AddSharedString(std::string_view text) {
    size_t at = strings_.size();
    strings_ += "<si><t>";
    size_t body = strings_.size();
    AppendEscaped(strings_, text, Mode::kCell);
    if (strings_.size() > body) {
      char first = strings_[body], last = strings_.back();
      if (first == ' ' || first == '\t' || first == '\n' || last == ' ' || last == '\t' || last == '\n')
        strings_.insert(at + 6, " xml:space=\"preserve\"");
    }
    strings_ += "</t></si>";
  }

  std::string rows_, strings_;
  std::unordered_map<std::string, int> ids_;  // text -> shared string index, in first-use order
  int string_count_ = 0;
  std::array<int, kFormats> xf_{};            // format -> xf index (0: not used yet)
  std::vector<Format> used_;                  // formats in order of first use
  bool in_row_ = false;
  int row_ = 0, last_row_ = 0;
};

std::string CellRange(char col, int first_row, int last_row) {
  std::string r = col + std::to_string(first_row + 1);
  if (last_row != first_row) r += std::string(":") + col + std::to_string(last_row + 1);
  return r;
}

// The drop-downs and checks of the item rows first..last (libxlsxwriter's
// data validations: whole 1–5 for the target, the list of ways of checking
// (other ways may be typed in), a date for the due date). A list or prompt
// past Excel's 255 characters leaves its check out, as libxlsxwriter did.
std::string Validations(const std::map<std::string, std::string>& t, int first, int last) {
  std::vector<std::string> parts;
  parts.push_back("<dataValidation type=\"whole\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"" +
                  CellRange('C', first, last) + "\"><formula1>1</formula1><formula2>5</formula2></dataValidation>");
  std::vector<std::string> options = SplitCommas(t.at("check_options"));
  size_t length = 0;
  for (const std::string& o : options) length += CodepointCount(o) + 1;
  if (!options.empty() && length - 1 <= kMaxValidationChars) {
    std::string list = "\"";
    for (size_t i = 0; i < options.size(); ++i) {
      if (i) list += ',';
      for (char c : options[i]) {
        list += c;
        if (c == '"') list += '"';  // a quote inside a formula's string is doubled
      }
    }
    list += '"';
    parts.push_back(
        "<dataValidation type=\"list\" errorStyle=\"information\" allowBlank=\"1\" showInputMessage=\"1\" "
        "showErrorMessage=\"1\" sqref=\"" +
        CellRange('H', first, last) + "\"><formula1>" + Escaped(list, Mode::kText) + "</formula1></dataValidation>");
  }
  const std::string& prompt = t.at("due_prompt");
  if (CodepointCount(prompt) <= kMaxValidationChars) {
    // formula1 0: what libxlsxwriter wrote for the date check as it was
    // asked (a date after 1900-01-00, i.e. any date).
    parts.push_back(
        "<dataValidation type=\"date\" operator=\"greaterThan\" allowBlank=\"1\" showInputMessage=\"1\" "
        "showErrorMessage=\"1\" prompt=\"" +
        Escaped(prompt, Mode::kAttribute) + "\" sqref=\"" + CellRange('G', first, last) +
        "\"><formula1>0</formula1></dataValidation>");
  }
  std::string x = "<dataValidations count=\"" + std::to_string(parts.size()) + "\">";
  for (const std::string& p : parts) x += p;
  return x + "</dataValidations>";
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

std::string ActionPlanXlsx(const ReportModel& m, const ReportTemplate& tmpl) {
  const std::map<std::string, std::string>& t = tmpl.action_plan;
  const std::string& sheet_name = t.at("sheet");
  CheckSheetName(sheet_name, tmpl.origin);
  const std::string quoted = QuotedSheetName(sheet_name);
  const std::string title = Fill(t.at("title"), {{"agency", m.agency.name}, {"cycle", m.agency.cycle}});

  SheetWriter w;
  w.Row(0);
  w.String(0, title, kTitle);
  w.Row(2);
  static const char* const kHeads[8] = {"col_item", "col_now", "col_target", "col_criterion",
                                        "col_action", "col_owner", "col_due", "col_check"};
  for (int c = 0; c < 8; ++c) w.String(c, t.at(kHeads[c]), kHeader);
  int row = 3;
  std::string item;
  for (const ListEntry* e : PlanRows(m)) {
    bool priority = std::any_of(m.priorities.begin(), m.priorities.end(),
                                [&](const ListEntry& p) { return p.item_code == e->item_code; });
    item = e->item_code + " " + e->item_name;
    if (priority) item = "【" + t.at("priority_mark") + "】" + item;
    w.Row(row);
    w.String(0, item, priority ? kPriority : kWrap);
    if (e->score) w.Number(1, *e->score, kCenter);
    if (e->target) w.Number(2, *e->target, kCenter);
    w.String(3, e->next_step, kWrap);
    w.String(4, e->hint, kWrap);
    for (int c = 5; c < 8; ++c) w.Blank(c, kWrap);
    ++row;
  }
  std::string validations = row > 3 ? Validations(t, 3, row - 1) : std::string();

  const std::string name_text = Escaped(sheet_name, Mode::kText);
  const std::string quoted_text = Escaped(quoted, Mode::kText);
  ZipWriter zip;
  {
    std::string x(parts::kContentTypesBegin);
    if (w.HasStrings()) x += parts::kContentTypesSharedStrings;
    x += parts::kContentTypesEnd;
    zip.Add("[Content_Types].xml", x);
  }
  zip.Add("_rels/.rels", parts::kRootRels);
  {
    std::string x(parts::kWorkbookRelsBegin);
    if (w.HasStrings()) x += parts::kWorkbookRelsSharedStrings;
    x += parts::kWorkbookRelsEnd;
    zip.Add("xl/_rels/workbook.xml.rels", x);
  }
  zip.Add("xl/worksheets/sheet1.xml", w.SheetXml(validations));
  zip.Add("xl/workbook.xml", std::string(parts::kWorkbookBegin) + Escaped(sheet_name, Mode::kAttribute) +
                                 std::string(parts::kWorkbookMiddle) + quoted_text + "!$3:$3" +
                                 std::string(parts::kWorkbookEnd));
  if (w.HasStrings()) zip.Add("xl/sharedStrings.xml", w.SharedStringsXml());
  zip.Add("xl/theme/theme1.xml", parts::kTheme);
  zip.Add("xl/styles.xml", w.StylesXml());
  zip.Add("docProps/core.xml",
          std::string(parts::kCoreBegin) + Escaped(title, Mode::kText) + std::string(parts::kCoreEnd));
  zip.Add("docProps/app.xml", std::string(parts::kAppBegin) + name_text + std::string(parts::kAppMiddle) +
                                  quoted_text + std::string(parts::kAppEnd));
  return zip.Finish();
}

}  // namespace fidelity::report
