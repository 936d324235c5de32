// Refusing ambiguity and bounding memory inside the reader (issue 15): the
// same rules the binary-level tests in tests/hostile check, at the API.
#include <gtest/gtest.h>

#include "pipeline/xlsx/xlsx_reader.h"
#include "tests/xlsx/xlsx_test_util.h"

namespace fidelity {
namespace {

using test::MakeZip;
using test::MinimalParts;
using test::ProblemOf;

TEST(XlsxAmbiguity, ACellWrittenTwiceIsNamedBySheetAndCell) {
  std::string b = MakeZip(MinimalParts(R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="A1"><v>3</v></c></row>)"));
  Problem p = ProblemOf([&] { ReadXlsx(b, "b.xlsx"); });
  EXPECT_EQ(p.code, "xlsx.duplicate_cell");
  EXPECT_EQ(p.where, "Sheet1!A1");
  // The same cell in two <row> elements is a twin too.
  std::string rows = MakeZip(MinimalParts(R"(<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="A2"><v>9</v></c></row>)"));
  EXPECT_EQ(ProblemOf([&] { ReadXlsx(rows, "b.xlsx"); }).where, "Sheet1!A2");
  // Cells in order, and out of order without a repeat, are fine.
  std::string ok = MakeZip(MinimalParts(R"(<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>)"));
  EXPECT_EQ(ReadXlsx(ok, "b.xlsx").sheets.at(0).cells.size(), 2u);
}

TEST(XlsxAmbiguity, ZipTwinsAreRefusedNamingBothEntries) {
  test::Parts parts = MinimalParts(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");
  parts.push_back({"xl/Worksheets/sheet1.xml", test::SheetXml("")});
  Problem p = ProblemOf([&] { ReadXlsx(MakeZip(parts), "b.xlsx"); });
  EXPECT_EQ(p.code, "xlsx.duplicate_part");
  EXPECT_NE(p.message.find("xl/worksheets/sheet1.xml"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("xl/Worksheets/sheet1.xml"), std::string::npos) << p.message;
}

Workbook BookWithSheets(const std::vector<std::pair<std::string, bool>>& sheets) {
  Workbook wb;
  for (const auto& [name, hidden] : sheets) {
    Sheet s;
    s.name = name;
    s.hidden = hidden;
    wb.sheets.push_back(s);
  }
  return wb;
}

TEST(XlsxAmbiguity, SheetLookupExactFirstThenOneVisibleNearMatch) {
  EXPECT_EQ(BookWithSheets({{"記載日 ", true}, {"記載日", false}}).find("記載日")->name, "記載日");
  EXPECT_EQ(BookWithSheets({{"調査票１", false}}).find("調査票1")->name, "調査票１");
  EXPECT_EQ(BookWithSheets({{"別", false}}).find("調査票1"), nullptr);
  Problem hidden = ProblemOf([] { BookWithSheets({{"調査票１", true}}).find("調査票1"); });
  EXPECT_EQ(hidden.code, "xlsx.ambiguous_sheet");
  EXPECT_EQ(hidden.where, "調査票1");
  EXPECT_NE(hidden.message.find("「調査票１」（非表示）"), std::string::npos) << hidden.message;
  Problem two = ProblemOf([] { BookWithSheets({{"調査票１", false}, {" 調査票1", false}}).find("調査票1"); });
  EXPECT_EQ(two.code, "xlsx.ambiguous_sheet");
  EXPECT_NE(two.message.find("複数"), std::string::npos) << two.message;
}

TEST(XlsxAmbiguity, CellsAndSharedStringsAreCountedWhileReading) {
  std::string data;
  for (int r = 1; r <= 30; ++r) data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
  XlsxLimits l;
  l.max_cells = 20;
  Problem p = ProblemOf([&] { ReadXlsx(MakeZip(MinimalParts(data)), "b.xlsx", l); });
  EXPECT_EQ(p.code, "xlsx.too_large");
  EXPECT_NE(p.message.find("A21"), std::string::npos) << p.message;  // stopped at the first cell past the bound
  std::string sst = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (int i = 0; i < 10; ++i) sst += "<si><t>s" + std::to_string(i) + "</t></si>";
  sst += "</sst>";
  l = XlsxLimits{};
  l.max_shared_strings = 5;
  EXPECT_EQ(ProblemOf([&] { ReadXlsx(MakeZip(MinimalParts("", sst)), "b.xlsx", l); }).code, "xlsx.too_large");
  EXPECT_NO_THROW(ReadXlsx(MakeZip(MinimalParts(data, sst)), "b.xlsx"));
}

TEST(XlsxAmbiguity, OpenDocumentIsNamed) {
  std::string ods = MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}}, true);
  Problem p = ProblemOf([&] { ReadXlsx(ods, "b.ods"); });
  EXPECT_EQ(p.code, "xlsx.ods");
  EXPECT_NE(p.message.find(".ods"), std::string::npos);
}

}  // namespace
}  // namespace fidelity
