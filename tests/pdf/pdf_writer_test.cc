// Our PDF object writer (issue 13: it replaced libharu and the qpdf pass):
// numbers, text strings, bookmarks with children, opacity states, the file
// structure — read back with qpdf.
#define POINTERHOLDER_TRANSITION 4
#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>

#include <fstream>

#include "pipeline/pdf/pdf_doc.h"
#include "pipeline/pdf/pdf_objects.h"
#include "tests/test_util.h"

namespace fidelity::pdf {
namespace {

std::string Num(double v, int d = 2) {
  std::string s;
  AppendNumber(s, v, d);
  return s;
}

TEST(PdfWriterTest, NumbersAreShortAndLocaleFree) {
  EXPECT_EQ(Num(12), "12");
  EXPECT_EQ(Num(0.5), "0.5");
  EXPECT_EQ(Num(-3.14159), "-3.14");
  EXPECT_EQ(Num(0.05), "0.05");
  EXPECT_EQ(Num(-0.001), "0");
  EXPECT_EQ(Num(841.89), "841.89");
  EXPECT_EQ(Num(0.315, 3), "0.315");
  EXPECT_EQ(Num(1e300), "0");  // never "inf" or an exponent in a content stream
  std::string s;
  AppendInt(s, -42);
  AppendInt(s, 0);
  EXPECT_EQ(s, "-420");
}

TEST(PdfWriterTest, TextStringsAreLiteralAsciiOrUtf16WithAMark) {
  std::string s;
  AppendTextString(s, "a (b) \\c");
  EXPECT_EQ(s, "(a \\(b\\) \\\\c)");
  s.clear();
  AppendTextString(s, "就労\U0001F600");
  EXPECT_EQ(s, "<FEFF5C3152B4D83DDE00>");
}

TEST(PdfWriterTest, AnObjectReservedButNeverWrittenIsAProgrammingError) {
  PdfObjects pdf;
  int a = pdf.Reserve();
  pdf.Begin(a) += "<< >>";
  pdf.End();
  EXPECT_THROW(pdf.Begin(a), std::logic_error);  // twice
  pdf.Reserve();
  EXPECT_THROW(pdf.Finish(a, a), std::logic_error);
}

TEST(PdfWriterTest, BookmarksWithChildrenShapesAndOpacityPassQpdf) {
  static const FontCache fonts = FontCache::FromDataDir();
  PdfDoc doc(fonts, PageSetup{});
  doc.SetInfo("報告書 (test)", "評価チーム");
  doc.NewPage();
  doc.Heading("第1章", {.size = 14}, 0);
  doc.Heading("1.1 節", {.size = 11}, 1);
  doc.Heading("1.2 節", {.size = 11}, 1);
  doc.Polygon({{100, 300}, {200, 300}, {150, 380}}, Color{0.2, 0.4, 0.8}, 0.35, Color{0, 0, 0}, 1, true);
  doc.Circle(300, 300, 20, Color{1, 0, 0}, Color{0, 0, 0});
  doc.Line(50, 400, 500, 400, Color{0.5, 0.5, 0.5}, 0.5, true);
  doc.NewPage();
  doc.Heading("第2章", {.size = 14}, 0);
  const std::string bytes = doc.Finish();

  test::TempDir tmp;
  std::ofstream(tmp / "a.pdf", std::ios::binary) << bytes;
  auto check = test::RunShell("qpdf --check " + test::Q(tmp / "a.pdf"));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  auto info = test::RunShell("pdfinfo " + test::Q(tmp / "a.pdf"));
  EXPECT_NE(info.out.find("報告書 (test)"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Pages:           2"), std::string::npos) << info.out;

  QPDF q;
  q.processMemoryFile("a.pdf", bytes.data(), bytes.size());
  QPDFOutlineDocumentHelper outlines(q);
  auto top = outlines.getTopLevelOutlines();
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].getTitle(), "第1章");
  EXPECT_EQ(top[0].getCount(), -2);  // two children, closed
  auto kids = top[0].getKids();
  ASSERT_EQ(kids.size(), 2u);
  EXPECT_EQ(kids[1].getTitle(), "1.2 節");
  QPDFObjectHandle second_page = q.getAllPages()[1];
  EXPECT_EQ(top[1].getDestPage().getObjGen(), second_page.getObjGen());
  EXPECT_TRUE(q.getRoot().getKey("/Lang").isString());
  // The translucent fill has its graphics state, shared by the pages.
  QPDFObjectHandle first_page = q.getAllPages()[0];
  QPDFObjectHandle gs = first_page.getKey("/Resources").getKey("/ExtGState");
  ASSERT_TRUE(gs.isDictionary());
  EXPECT_TRUE(gs.hasKey("/GA350"));
  EXPECT_NEAR(gs.getKey("/GA350").getKey("/ca").getNumericValue(), 0.35, 1e-9);
}

}  // namespace
}  // namespace fidelity::pdf
