// ReadXlsx on workbooks written by libxlsxwriter (shared strings, formulas
// with cached values) and on hand-written parts for what other producers do.
#include "pipeline/xlsx/xlsx_reader.h"

#include <gtest/gtest.h>

#include <chrono>

#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"
#include "tests/xlsx/xlsx_test_util.h"

namespace fidelity {
namespace {

using test::MakeZip;
using test::MinimalParts;
using test::WriteXlsx;

const Cell& At(const Sheet& s, const std::string& ref) {
  int r = 0, c = 0;
  EXPECT_TRUE(ParseCellRef(ref, &r, &c)) << ref;
  const Cell* cell = s.at(r, c);
  static const Cell kNone;
  if (!cell) ADD_FAILURE() << s.name << "!" << ref << " is absent";
  return cell ? *cell : kNone;
}

std::string LibxlsxwriterBook() {
  return WriteXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "記載日");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy/mm/dd");
    lxw_format* pct = workbook_add_format(wb);
    format_set_num_format(pct, "0%");
    lxw_format* wareki = workbook_add_format(wb);
    format_set_num_format_index(wareki, 58);  // built-in ja-JP 和暦
    lxw_format* time = workbook_add_format(wb);
    format_set_num_format(time, "h:mm");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);

    worksheet_write_string(ws, 0, 0, "機関名", nullptr);
    worksheet_write_string(ws, 0, 1, "就労支援センターはままつ", nullptr);
    worksheet_write_string(ws, 1, 0, "記載日", nullptr);
    lxw_datetime d = {2026, 10, 12, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 1, &d, date);
    worksheet_write_string(ws, 2, 0, "記入者", bold);
    worksheet_write_string(ws, 2, 1, "山田 花子", nullptr);
    lxw_datetime d2 = {2024, 4, 1, 0, 0, 0};
    worksheet_write_datetime(ws, 3, 1, &d2, wareki);
    lxw_datetime t = {1899, 12, 31, 9, 30, 0};
    worksheet_write_number(ws, 4, 1, 0.395833333333333, time);
    (void)t;
    worksheet_write_blank(ws, 5, 1, bold);  // a styled blank: not stored

    lxw_worksheet* ws2 = workbook_add_worksheet(wb, "調査票1 機関の就労率");
    worksheet_write_string(ws2, 0, 0, "A-1", nullptr);
    worksheet_write_number(ws2, 0, 2, 40, nullptr);
    worksheet_write_string(ws2, 1, 0, "A-2", nullptr);
    worksheet_write_number(ws2, 1, 2, 37.5, nullptr);
    worksheet_write_string(ws2, 2, 0, "B-1", nullptr);
    worksheet_write_number(ws2, 2, 2, 20.01, nullptr);
    worksheet_write_string(ws2, 3, 0, "B-2", nullptr);
    worksheet_write_number(ws2, 3, 2, 0.6, nullptr);
    worksheet_write_number(ws2, 4, 2, 0.8, pct);
    worksheet_write_boolean(ws2, 5, 2, 1, nullptr);
    worksheet_write_boolean(ws2, 5, 3, 0, nullptr);
    worksheet_write_formula_num(ws2, 6, 2, "=C3/C1", pct, 0.50025);
    worksheet_write_formula_str(ws2, 7, 2, "=\"IPS\"&\"支援\"", nullptr, "IPS支援");
    worksheet_write_formula(ws2, 8, 2, "=1/0", nullptr);
    worksheet_write_string(ws2, 9, 0, "A-1", nullptr);  // shared string reused
    lxw_rich_string_tuple a = {bold, const_cast<char*>("就労")};
    lxw_rich_string_tuple b = {nullptr, const_cast<char*>("支援")};
    lxw_rich_string_tuple* rich[] = {&a, &b, nullptr};
    worksheet_write_rich_string(ws2, 10, 0, rich, nullptr);
    worksheet_write_string(ws2, 11, 1, "　前後に全角空白　", nullptr);
  });
}

TEST(ReadXlsx, LibxlsxwriterWorkbook) {
  Workbook wb = ReadXlsx(LibxlsxwriterBook(), "book.xlsx");
  ASSERT_EQ(wb.sheets.size(), 2u);
  EXPECT_EQ(wb.sheets[0].name, "記載日");
  EXPECT_EQ(wb.sheets[1].name, "調査票1 機関の就労率");
  EXPECT_FALSE(wb.date1904);

  const Sheet& s1 = wb.sheets[0];
  EXPECT_EQ(At(s1, "A1").type, CellType::kString);
  EXPECT_EQ(At(s1, "B1").text, "就労支援センターはままつ");
  const Cell& date = At(s1, "B2");
  EXPECT_EQ(date.type, CellType::kNumber);
  EXPECT_EQ(date.text, "46307");  // 2026-10-12
  EXPECT_EQ(date.number_format, "yyyy/mm/dd");
  EXPECT_TRUE(date.is_date_format);
  EXPECT_FALSE(date.is_percent_format);
  EXPECT_EQ(At(s1, "B3").text, "山田 花子");
  const Cell& wareki = At(s1, "B4");
  EXPECT_EQ(wareki.text, "45383");  // 2024-04-01
  EXPECT_TRUE(wareki.is_date_format) << wareki.number_format;
  EXPECT_EQ(wareki.number_format, "[$-411]ggge\"年\"m\"月\"d\"日\"");
  const Cell& time = At(s1, "B5");
  EXPECT_EQ(time.number_format, "h:mm");
  EXPECT_FALSE(time.is_date_format);
  EXPECT_EQ(s1.at(6, 2), nullptr);  // the styled blank
  EXPECT_EQ(s1.max_row, 5);
  EXPECT_EQ(s1.max_col, 2);

  const Sheet& s2 = wb.sheets[1];
  EXPECT_EQ(At(s2, "C1").text, "40");
  EXPECT_EQ(At(s2, "C2").text, "37.5");
  EXPECT_EQ(At(s2, "C3").text, "20.01");
  EXPECT_EQ(At(s2, "C4").text, "0.6");
  EXPECT_EQ(At(s2, "C4").number_format, "General");
  const Cell& pct = At(s2, "C5");
  EXPECT_EQ(pct.text, "0.8");
  EXPECT_TRUE(pct.is_percent_format);
  EXPECT_FALSE(pct.is_date_format);
  EXPECT_EQ(At(s2, "C6").type, CellType::kBool);
  EXPECT_EQ(At(s2, "C6").text, "1");
  EXPECT_EQ(At(s2, "D6").text, "0");
  const Cell& f = At(s2, "C7");
  EXPECT_TRUE(f.has_formula);
  EXPECT_EQ(f.type, CellType::kNumber);
  EXPECT_EQ(f.text, "0.50025");
  EXPECT_TRUE(f.is_percent_format);
  const Cell& fs = At(s2, "C8");
  EXPECT_TRUE(fs.has_formula);
  EXPECT_EQ(fs.type, CellType::kString);
  EXPECT_EQ(fs.text, "IPS支援");
  EXPECT_TRUE(At(s2, "C9").has_formula);  // libxlsxwriter caches 0
  EXPECT_EQ(At(s2, "A10").text, "A-1");
  EXPECT_EQ(At(s2, "A11").text, "就労支援");
  EXPECT_EQ(At(s2, "B12").text, "　前後に全角空白　");
  EXPECT_FALSE(At(s2, "A1").has_formula);
  EXPECT_EQ(s2.max_row, 12);
  EXPECT_EQ(s2.max_col, 4);

  EXPECT_EQ(wb.find("記載日"), &wb.sheets[0]);
  EXPECT_EQ(wb.find("　調査票１　機関の就労率 "), &wb.sheets[1]);  // full-width, padded
  EXPECT_EQ(wb.find("調査票2"), nullptr);
}

TEST(ReadXlsx, ConstantMemoryModeWritesInlineStrings) {
  std::string bytes = WriteXlsx(
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "一覧");
        worksheet_write_string(ws, 0, 0, "No.", nullptr);
        worksheet_write_string(ws, 0, 1, "利用者ID", nullptr);
        worksheet_write_number(ws, 1, 0, 1, nullptr);
        worksheet_write_string(ws, 1, 1, "ID-001", nullptr);
      },
      /*constant_memory=*/true);
  Workbook wb = ReadXlsx(bytes, "inline.xlsx");
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(At(wb.sheets[0], "B1").text, "利用者ID");
  EXPECT_EQ(At(wb.sheets[0], "B2").type, CellType::kString);
  EXPECT_EQ(At(wb.sheets[0], "A2").text, "1");
}

// Hand-written parts: what Excel, LibreOffice and others write that the
// libraries above do not.
const char* kSharedStrings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>
<si><r><rPr><b/></rPr><t>就労</t></r><r><t xml:space="preserve"> 支援 </t></r><rPh sb="0" eb="2"><t>シュウロウ</t></rPh></si>
<si><t>改行_x000D_あり_x005F_x000D_</t></si>
<si><t xml:space="preserve"> </t></si>
</sst>)";

const char* kStyles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="177" formatCode="0.0%"/><numFmt numFmtId="178" formatCode="[h]:mm:ss"/></numFmts>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177"/>
<xf numFmtId="14"/><xf numFmtId="178"/><xf numFmtId="57"/><xf numFmtId="10"/></cellXfs>
</styleSheet>)";

TEST(ReadXlsx, SharedStringsRichTextPhoneticAndEscapes) {
  std::string sheet = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>
<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v> 3 </v></c></row>)";
  Workbook wb = ReadXlsx(MakeZip(MinimalParts(sheet, kSharedStrings)), "rich.xlsx");
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(At(s, "A1").text, "山田");  // ヤマダ (ふりがな) dropped
  EXPECT_EQ(At(s, "B1").text, "就労 支援 ");
  EXPECT_EQ(At(s, "C1").text, "改行\rあり_x000D_");
  EXPECT_EQ(At(s, "D1").text, " ");
}

TEST(ReadXlsx, Utf16Part) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><sst><si><t>山田 𠮷</t></si></sst>";
  std::u32string cps;
  for (char32_t c : Utf8ToCodepoints(xml)) cps += c;
  std::string le = "\xFF\xFE";
  for (char32_t c : cps) {
    auto unit = [&](uint16_t u) { le += static_cast<char>(u & 0xFF), le += static_cast<char>(u >> 8); };
    if (c >= 0x10000) {
      unit(static_cast<uint16_t>(0xD800 + ((c - 0x10000) >> 10)));
      unit(static_cast<uint16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      unit(static_cast<uint16_t>(c));
    }
  }
  Workbook wb = ReadXlsx(MakeZip(MinimalParts(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", le)), "utf16.xlsx");
  EXPECT_EQ(At(wb.sheets.at(0), "A1").text, "山田 𠮷");
}

TEST(ReadXlsx, NumberFormatsFromStyles) {
  std::string sheet = R"(<row r="1"><c r="A1" s="1"><v>45383</v></c><c r="B1" s="2"><v>0.125</v></c>
<c r="C1" s="3"><v>45383</v></c><c r="D1" s="4"><v>1.5</v></c><c r="E1" s="5"><v>45383</v></c>
<c r="F1" s="6"><v>0.5</v></c><c r="G1" s="99"><v>7</v></c><c r="H1"><v>8</v></c></row>)";
  Workbook wb = ReadXlsx(MakeZip(MinimalParts(sheet, "", kStyles)), "styles.xlsx");
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(At(s, "A1").number_format, "yyyy\"年\"m\"月\"d\"日\"");
  EXPECT_TRUE(At(s, "A1").is_date_format);
  EXPECT_EQ(At(s, "B1").number_format, "0.0%");
  EXPECT_TRUE(At(s, "B1").is_percent_format);
  EXPECT_TRUE(At(s, "C1").is_date_format);  // built-in 14
  EXPECT_FALSE(At(s, "D1").is_date_format);  // elapsed time
  EXPECT_TRUE(At(s, "E1").is_date_format);  // built-in 57: [$-411]ge.m.d
  EXPECT_EQ(At(s, "F1").number_format, "0.00%");
  EXPECT_TRUE(At(s, "F1").is_percent_format);
  EXPECT_EQ(At(s, "G1").number_format, "General");  // index out of range
  EXPECT_EQ(At(s, "H1").number_format, "General");
}

TEST(ReadXlsx, CellsWithoutReferencesFollowThePreviousOne) {
  std::string sheet = R"(<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>
<row><c t="inlineStr"><is><t>second</t></is></c></row>
<row r="10"><c r="B10"><v>10</v></c><c><v>11</v></c></row><row><c><v>12</v></c></row>)";
  Workbook wb = ReadXlsx(MakeZip(MinimalParts(sheet)), "noref.xlsx");
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(At(s, "A1").text, "1");
  EXPECT_EQ(At(s, "B1").text, "2");
  EXPECT_EQ(At(s, "E1").text, "5");
  EXPECT_EQ(At(s, "F1").text, "6");
  EXPECT_EQ(At(s, "A2").text, "second");
  EXPECT_EQ(At(s, "B10").text, "10");
  EXPECT_EQ(At(s, "C10").text, "11");
  EXPECT_EQ(At(s, "A11").text, "12");
  EXPECT_EQ(s.max_row, 11);
  EXPECT_EQ(s.max_col, 6);
  EXPECT_EQ(s.cells.size(), 8u);
}

TEST(ReadXlsx, ValueKinds) {
  std::string sheet = R"(<row r="1">
<c r="A1"><f>SUM(B1:B2)</f></c>
<c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
<c r="C1" t="str"><f>""</f><v></v></c>
<c r="D1" t="b"><v>true</v></c>
<c r="E1" t="n"><v>1.5E-3</v></c>
<c r="F1" t="d"><v>2024-04-01T00:00:00</v></c>
<c r="G1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>
<c r="H1" s="0"/>
<c r="I1" t="n"><v>-0.000000000000000000001</v></c>
<c r="J1" t="str"><f>A1</f><v>x_x0009_y</v></c>
</row>)";
  Workbook wb = ReadXlsx(MakeZip(MinimalParts(sheet)), "kinds.xlsx");
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(At(s, "A1").type, CellType::kEmpty);  // formula, no cached value
  EXPECT_TRUE(At(s, "A1").has_formula);
  EXPECT_EQ(At(s, "B1").type, CellType::kError);
  EXPECT_EQ(At(s, "B1").text, "#DIV/0!");
  EXPECT_EQ(At(s, "C1").type, CellType::kEmpty);  // ="" shows blank
  EXPECT_TRUE(At(s, "C1").has_formula);
  EXPECT_EQ(At(s, "D1").type, CellType::kBool);
  EXPECT_EQ(At(s, "D1").text, "1");
  EXPECT_EQ(At(s, "E1").text, "1.5E-3");  // exactly as stored
  EXPECT_EQ(At(s, "F1").type, CellType::kNumber);
  EXPECT_EQ(At(s, "F1").text, "45383");
  EXPECT_TRUE(At(s, "F1").is_date_format);
  EXPECT_EQ(At(s, "G1").text, "ab");
  EXPECT_EQ(s.at(1, 8), nullptr);
  EXPECT_EQ(At(s, "I1").text, "-0.000000000000000000001");
  EXPECT_EQ(At(s, "J1").text, "x\ty");
}

TEST(ReadXlsx, Date1904AndPrefixedXmlAndAbsoluteTargets) {
  test::Parts parts = MinimalParts("");
  // .NET's Open XML SDK writes prefixed elements and absolute targets.
  test::SetPart(parts, "xl/workbook.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/><x:sheets><x:sheet name="調査票2" sheetId="1" rel:id="R1"/><x:sheet name="Second" sheetId="2" rel:id="R2"/></x:sheets></x:workbook>)");
  test::SetPart(parts, "xl/_rels/workbook.xml.rels", R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/worksheets/Sheet%202.xml"/>
</Relationships>)");
  test::SetPart(parts, "xl/worksheets/sheet1.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="B2" t="d"><x:v>2024-04-01</x:v></x:c></x:row></x:sheetData></x:worksheet>)");
  test::SetPart(parts, "xl/worksheets/Sheet 2.xml", test::SheetXml(R"(<row r="1"><c r="A1"><v>3</v></c></row>)"));
  Workbook wb = ReadXlsx(MakeZip(parts), "dotnet.xlsx");
  EXPECT_TRUE(wb.date1904);
  ASSERT_EQ(wb.sheets.size(), 2u);
  EXPECT_EQ(wb.sheets[0].name, "調査票2");
  EXPECT_EQ(At(wb.sheets[0], "B2").text, "43921");  // 2024-04-01 in the 1904 system
  EXPECT_EQ(At(wb.sheets[1], "A1").text, "3");
}

TEST(ReadXlsx, TenThousandRowsInTensOfMilliseconds) {
  std::string bytes = WriteXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "調査票4 利用者一覧");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy/mm/dd");
    for (int r = 0; r < 10000; ++r) {
      worksheet_write_number(ws, r, 0, r + 1, nullptr);
      worksheet_write_string(ws, r, 1, ("ID-" + std::to_string(r)).c_str(), nullptr);
      worksheet_write_number(ws, r, 2, r % 2, nullptr);
      worksheet_write_number(ws, r, 3, 45000 + r % 365, date);
      worksheet_write_string(ws, r, 4, r % 3 ? "就労中" : "求職中", nullptr);
    }
  });
  auto t0 = std::chrono::steady_clock::now();
  Workbook wb = ReadXlsx(bytes, "big.xlsx");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].cells.size(), 50000u);
  EXPECT_EQ(wb.sheets[0].max_row, 10000);
  EXPECT_EQ(At(wb.sheets[0], "B10000").text, "ID-9999");
  EXPECT_TRUE(At(wb.sheets[0], "D5000").is_date_format);
  std::printf("10,000 rows x 5 columns read in %lld ms (%zu bytes)\n", static_cast<long long>(ms), bytes.size());
  EXPECT_LT(ms, 1000);  // tens of ms in a release build; generous for sanitizers
}

}  // namespace
}  // namespace fidelity
