// Broken and hostile inputs: each must end quickly in an InputError with its
// code and a message that names the file.
#include <gtest/gtest.h>

#include <chrono>

#include "pipeline/core/problem.h"
#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/xlsx/xlsx_test_util.h"

namespace fidelity {
namespace {

using test::MakeZip;
using test::MinimalParts;

// Reads and expects an InputError with `code`; returns it for more checks.
Problem ExpectFails(const std::string& bytes, const std::string& code, const XlsxLimits& limits = {},
                    const std::string& label = "事前調査票.xlsx") {
  auto t0 = std::chrono::steady_clock::now();
  Problem p;
  try {
    ReadXlsx(bytes, label, limits);
    ADD_FAILURE() << "expected " << code << ", but the file was read";
  } catch (const InputError& e) {
    p = e.problem();
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(p.code, code) << p.message;
  EXPECT_TRUE(p.is_error());
  // A problem inside a sheet's part is placed at the sheet as the user knows
  // it (the minimal book's "Sheet1"), and names it; others at the file.
  if (p.where == "Sheet1" || p.where.rfind("Sheet1!", 0) == 0)
    EXPECT_NE(p.message.find("シート「Sheet1」"), std::string::npos) << p.message;
  else
    EXPECT_EQ(p.where, label);
  EXPECT_NE(p.message.find("「" + label + "」"), std::string::npos) << p.message;
  EXPECT_LT(ms, 2000) << code;
  return p;
}

std::string ValidBook() {
  return MakeZip(MinimalParts(R"(<row r="1"><c r="A1"><v>1</v></c></row>)"));
}

TEST(XlsxHostile, ValidBaselineReads) {
  Workbook wb = ReadXlsx(ValidBook(), "ok.xlsx");
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].at(1, 1)->text, "1");
}

TEST(XlsxHostile, NotAZip) {
  Problem p = ExpectFails("%PDF-1.7\nnot a workbook at all\n", "xlsx.not_zip");
  EXPECT_NE(p.message.find(".xlsx 形式"), std::string::npos);
  ExpectFails("機関名,記載日\nはままつ,2026/10/12\n", "xlsx.not_zip", {}, "事前調査票.csv");
}

TEST(XlsxHostile, EmptyFile) {
  Problem p = ExpectFails("", "xlsx.not_zip");
  EXPECT_NE(p.message.find("空のファイル"), std::string::npos);
}

TEST(XlsxHostile, TruncatedZip) {
  std::string b = ValidBook();
  ExpectFails(b.substr(0, b.size() / 2), "xlsx.truncated");
  ExpectFails(b.substr(0, b.size() - 10), "xlsx.truncated");
  ExpectFails(b.substr(0, 30), "xlsx.truncated");
}

TEST(XlsxHostile, CorruptDeflateData) {
  std::string sheet(4000, ' ');
  for (size_t i = 0; i < sheet.size(); ++i) sheet[i] = static_cast<char>('a' + (i * 7919) % 26);
  std::string b = MakeZip(MinimalParts(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + sheet + "</t></is></c></row>"));
  // Damage the middle of the sheet's compressed data.
  size_t at = b.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(at, std::string::npos);
  for (size_t k = at + 60; k < at + 200; ++k) b[k] = static_cast<char>(b[k] ^ 0x5A);
  ExpectFails(b, "xlsx.corrupt");
}

TEST(XlsxHostile, OleCompoundIsEncrypted) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  EXPECT_TRUE(LooksLikeOleCompound(ole));
  EXPECT_FALSE(LooksLikeOleCompound(ValidBook()));
  EXPECT_FALSE(LooksLikeOleCompound(ole.substr(0, 7)));
  std::string file = ole + std::string(504, '\0');
  Problem p = ExpectFails(file, "xlsx.encrypted");
  EXPECT_NE(p.message.find("パスワードで保護されたファイル"), std::string::npos) << p.message;
  // With an EncryptedPackage stream named in its directory (UTF-16LE).
  std::string name = "EncryptedPackage", utf16;
  for (char c : name) utf16 += c, utf16 += '\0';
  p = ExpectFails(file + utf16 + std::string(64, '\0'), "xlsx.encrypted");
  EXPECT_NE(p.message.find("パスワードで保護されたファイルです"), std::string::npos) << p.message;
}

TEST(XlsxHostile, ZipBombPastThePartLimit) {
  // 100 MB of zeros deflate to about 100 KB: refused from its declared size.
  std::string b = MakeZip(MinimalParts(""), false, "xl/worksheets/sheet2.xml", 100u << 20);
  EXPECT_LT(b.size(), 1u << 20);
  Problem p = ExpectFails(b, "xlsx.too_large");
  EXPECT_NE(p.message.find("xl/worksheets/sheet2.xml"), std::string::npos) << p.message;
}

TEST(XlsxHostile, ZipBombWithALyingHeaderStopsWhileInflating) {
  // The headers claim 1,000 bytes; the data inflates to 100 MB. The sheet is
  // the one the workbook points at, so it is really read.
  test::Parts parts = MinimalParts("");
  parts.erase(parts.begin() + 4);  // xl/worksheets/sheet1.xml comes as zeros
  std::string b = MakeZip(parts, false, "xl/worksheets/sheet1.xml", 100u << 20);
  test::PatchDeclaredSize(b, "xl/worksheets/sheet1.xml", 1000);
  Problem p = ExpectFails(b, "xlsx.too_large");
  EXPECT_NE(p.message.find("xl/worksheets/sheet1.xml"), std::string::npos) << p.message;
}

TEST(XlsxHostile, CompressionRatio) {
  // 10 MB of zeros: under the part limit, but a ratio no workbook has.
  std::string b = MakeZip(MinimalParts(""), false, "xl/media/image1.png", 10u << 20);
  Problem p = ExpectFails(b, "xlsx.too_large");
  EXPECT_NE(p.message.find("圧縮率"), std::string::npos) << p.message;
}

TEST(XlsxHostile, TotalSizeAndEntryCountLimits) {
  XlsxLimits small;
  small.max_total_bytes = 1000;
  ExpectFails(ValidBook(), "xlsx.too_large", small);
  XlsxLimits few;
  few.max_entries = 3;
  Problem p = ExpectFails(ValidBook(), "xlsx.too_large", few);
  EXPECT_NE(p.message.find("5 個"), std::string::npos) << p.message;
  // The same limit checked against a real archive with many entries.
  test::Parts parts = MinimalParts("");
  for (int i = 0; i < 10001; ++i) parts.push_back({"customXml/item" + std::to_string(i) + ".xml", "<a/>"});
  ExpectFails(MakeZip(parts, /*store=*/true), "xlsx.too_large");
}

TEST(XlsxHostile, TooManyRows) {
  std::string rows;
  for (int r = 1; r <= 20; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c><v>1</v></c></row>";
  XlsxLimits limits;
  limits.max_rows = 10;
  ExpectFails(MakeZip(MinimalParts(rows)), "xlsx.too_large", limits);
  limits.max_rows = 20;
  EXPECT_EQ(ReadXlsx(MakeZip(MinimalParts(rows)), "ok.xlsx", limits).sheets[0].max_row, 20);
}

TEST(XlsxHostile, MillionsOfTinyElements) {
  // 4 MB of <c/> would be a million-node DOM; refused before parsing.
  std::string row = "<row r=\"1\">";
  for (int i = 0; i < 1000000; ++i) row += "<c/>";
  row += "</row>";
  XlsxLimits limits;
  limits.max_xml_elements = 100000;
  Problem p = ExpectFails(MakeZip(MinimalParts(row), /*store=*/true), "xlsx.too_large", limits);
  EXPECT_NE(p.message.find("要素が多すぎます"), std::string::npos) << p.message;
}

TEST(XlsxHostile, SharedStringCopiedToEveryCell) {
  // One 30,000-character shared string used by 10,000 cells: 300 MB of text
  // from a file of a few hundred KB.
  std::string sst = "<sst><si><t>" + std::string(30000, 'x') + "</t></si></sst>";
  std::string rows;
  for (int r = 1; r <= 10000; ++r) rows += "<row><c t=\"s\"><v>0</v></c></row>";
  XlsxLimits limits;
  limits.max_cell_text_bytes = 1 << 20;
  Problem p = ExpectFails(MakeZip(MinimalParts(rows, sst)), "xlsx.too_large", limits);
  EXPECT_NE(p.message.find("Sheet1"), std::string::npos) << p.message;
}

TEST(XlsxHostile, EntryWithDotDotOrAbsolutePath) {
  test::Parts parts = MinimalParts("");
  parts.push_back({"../../etc/cron.d/evil", "* * * * * root true"});
  Problem p = ExpectFails(MakeZip(parts), "xlsx.bad_path");
  EXPECT_NE(p.message.find("../../etc/cron.d/evil"), std::string::npos) << p.message;
  parts.back() = {"/etc/passwd", "root:x:0:0"};
  ExpectFails(MakeZip(parts), "xlsx.bad_path");
  parts.back() = {"xl\\..\\..\\evil.xml", "<a/>"};
  ExpectFails(MakeZip(parts), "xlsx.bad_path");
}

TEST(XlsxHostile, DoctypeWithExternalEntity) {
  test::Parts parts = MinimalParts("");
  test::SetPart(parts, "xl/worksheets/sheet1.xml", R"(<?xml version="1.0"?>
<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>)");
  Problem p = ExpectFails(MakeZip(parts), "xlsx.dtd");
  EXPECT_NE(p.message.find("xl/worksheets/sheet1.xml"), std::string::npos) << p.message;
  // In shared strings, lower case, hidden in a comment: still refused.
  parts = MinimalParts("", "<!-- <!doctype x> --><sst/>");
  ExpectFails(MakeZip(parts), "xlsx.dtd");
  // Even in a relationships part.
  parts = MinimalParts("");
  test::SetPart(parts, "_rels/.rels", std::string("<!ENTITY a \"b\">") + test::kRootRels);
  ExpectFails(MakeZip(parts), "xlsx.dtd");
}

TEST(XlsxHostile, BillionLaughs) {
  std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">\n";
  }
  dtd += "]>\n<sst><si><t>&lol9;</t></si></sst>";
  Problem p = ExpectFails(MakeZip(MinimalParts("", dtd)), "xlsx.dtd");
  EXPECT_NE(p.message.find("sharedStrings.xml"), std::string::npos) << p.message;
}

TEST(XlsxHostile, DoctypeInUtf16IsStillSeen) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY e \"e\">]><sst/>";
  std::string utf16 = "\xFF\xFE";
  for (char c : xml) utf16 += c, utf16 += '\0';
  ExpectFails(MakeZip(MinimalParts("", utf16)), "xlsx.dtd");
}

TEST(XlsxHostile, DeepNesting) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  Problem p = ExpectFails(MakeZip(MinimalParts("<row r=\"1\"><c r=\"A1\"><is>" + deep + "</is></c></row>")),
                          "xlsx.too_deep");
  EXPECT_NE(p.message.find("256"), std::string::npos) << p.message;
  // Depth 250 is fine with the default limit, not with a lower one.
  std::string ok, close;
  for (int i = 0; i < 250; ++i) ok += "<a>", close += "</a>";
  std::string b = MakeZip(MinimalParts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + ok + close));
  EXPECT_NO_THROW(ReadXlsx(b, "ok.xlsx"));
  XlsxLimits shallow;
  shallow.max_xml_depth = 100;
  ExpectFails(b, "xlsx.too_deep", shallow);
}

TEST(XlsxHostile, MalformedXmlNamesThePart) {
  test::Parts parts = MinimalParts("");
  test::SetPart(parts, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row></sheetData>");
  Problem p = ExpectFails(MakeZip(parts), "xlsx.xml");
  EXPECT_NE(p.message.find("xl/worksheets/sheet1.xml"), std::string::npos) << p.message;
  test::SetPart(parts, "xl/workbook.xml", "not xml at all");
  ExpectFails(MakeZip(parts), "xlsx.xml");
}

TEST(XlsxHostile, MissingParts) {
  test::Parts parts = MinimalParts("");
  parts.erase(parts.begin() + 2);  // xl/workbook.xml
  Problem p = ExpectFails(MakeZip(parts), "xlsx.missing_part");
  EXPECT_NE(p.message.find("xl/workbook.xml"), std::string::npos) << p.message;
  parts = MinimalParts("");
  parts.erase(parts.begin() + 4);  // the sheet
  p = ExpectFails(MakeZip(parts), "xlsx.missing_part");
  EXPECT_NE(p.message.find("Sheet1"), std::string::npos) << p.message;
  // A zip that is no workbook at all (a .docx, say).
  ExpectFails(MakeZip({{"word/document.xml", "<w:document/>"}}), "xlsx.missing_part");
}

TEST(XlsxHostile, BadReferencesAndIndexes) {
  ExpectFails(MakeZip(MinimalParts(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)")), "xlsx.corrupt");
  ExpectFails(MakeZip(MinimalParts(R"(<row r="1"><c r="A1" t="s"><v>-1</v></c></row>)", "<sst><si><t>a</t></si></sst>")),
              "xlsx.corrupt");
  ExpectFails(MakeZip(MinimalParts(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")), "xlsx.corrupt");
  ExpectFails(MakeZip(MinimalParts(R"(<row r="1048577"><c><v>1</v></c></row>)")), "xlsx.corrupt");
  Problem p = ExpectFails(MakeZip(MinimalParts(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")), "xlsx.corrupt");
  EXPECT_NE(p.message.find("1A"), std::string::npos) << p.message;
}

}  // namespace
}  // namespace fidelity
