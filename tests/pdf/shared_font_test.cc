// Issue 13: the characters every report draws are subset and deflated once
// per run (FontCache::SetSharedCharacters) and written into each document as
// /F1; the document subsets only its other characters (/F2). Read back with
// poppler and qpdf: the same text, the same pixels, the shared bytes reused.
#include <gtest/gtest.h>

#include <fstream>

#include "pipeline/pdf/pdf_doc.h"
#include "tests/test_util.h"

namespace fidelity::pdf {
namespace {

std::vector<char32_t> Cps(std::u32string s) { return {s.begin(), s.end()}; }

std::string Draw(const FontCache& fonts, const std::string& name) {
  PdfDoc doc(fonts, PageSetup{.header_left = name});
  doc.NewPage();
  doc.Heading("評価の概要", {.size = 14});
  doc.Paragraph("機関名: " + name + "（就労支援）12点 → 4点 abc", {.size = 10});
  doc.Paragraph("太字の行", {.size = 10, .bold = true});
  return doc.Finish();
}

struct Read {
  std::string text, fonts, pixels;
  int check = -1;
};

Read ReadBack(const std::string& pdf) {
  test::TempDir tmp;
  std::ofstream(tmp / "a.pdf", std::ios::binary) << pdf;
  Read r;
  r.text = test::RunShell("pdftotext -enc UTF-8 " + test::Q(tmp / "a.pdf") + " - 2>&1").out;
  r.fonts = test::RunShell("pdffonts " + test::Q(tmp / "a.pdf") + " 2>&1").out;
  r.check = test::RunShell("qpdf --check " + test::Q(tmp / "a.pdf")).exit_code;
  test::RunShell("pdftoppm -r 40 -gray " + test::Q(tmp / "a.pdf") + " " + test::Q(tmp / "p"));
  r.pixels = test::Slurp(tmp / "p-1.pgm");
  return r;
}

int CountFonts(const std::string& pdffonts) {
  int n = 0;
  for (size_t at = 0; (at = pdffonts.find("+BIZUDGothic-Regular", at)) != std::string::npos; ++at) ++n;
  return n;
}

TEST(SharedFontTest, TwoFontsShowTheSameTextAndPixelsAsOne) {
  const FontCache one = FontCache::FromDataDir();
  FontCache two = FontCache::FromDataDir();
  two.SetSharedCharacters(Cps(U"評価の概要機関名就労支援点0123456789（）:→"));
  ASSERT_NE(two.shared_font(), nullptr);

  Read a = ReadBack(Draw(one, "センターはままつ"));
  Read b = ReadBack(Draw(two, "センターはままつ"));
  EXPECT_EQ(a.check, 0);
  EXPECT_EQ(b.check, 0);
  EXPECT_EQ(CountFonts(a.fonts), 1) << a.fonts;
  EXPECT_EQ(CountFonts(b.fonts), 2) << b.fonts;
  EXPECT_NE(b.text.find("機関名: センターはままつ（就労支援）12点 → 4点 abc"), std::string::npos) << b.text;
  EXPECT_EQ(a.text, b.text);  // one line may mix both fonts
  ASSERT_FALSE(a.pixels.empty());
  EXPECT_EQ(a.pixels, b.pixels);
}

TEST(SharedFontTest, TheSharedSubsetIsWrittenAsTheSameBytesIntoEveryDocument) {
  FontCache fonts = FontCache::FromDataDir();
  fonts.SetSharedCharacters(Cps(U"評価の概要機関名就労支援点"));
  const std::string& shared = fonts.shared_font()->font_file;
  ASSERT_GT(shared.size(), 1000u);
  std::string x = Draw(fonts, "ぬまづ"), y = Draw(fonts, "ふじ");
  EXPECT_NE(x.find(shared), std::string::npos);
  EXPECT_NE(y.find(shared), std::string::npos);
  EXPECT_EQ(x, Draw(fonts, "ぬまづ"));  // still deterministic
}

TEST(SharedFontTest, ADocumentWithOnlySharedCharactersHasOneFont) {
  FontCache fonts = FontCache::FromDataDir();
  fonts.SetSharedCharacters(Cps(U" 評価の概要"));
  PdfDoc doc(fonts, PageSetup{.page_number_format = ""});
  doc.NewPage();
  doc.Paragraph("評価の概要", {.size = 10});
  Read r = ReadBack(doc.Finish());
  EXPECT_EQ(r.check, 0);
  EXPECT_EQ(CountFonts(r.fonts), 1) << r.fonts;
  EXPECT_NE(r.text.find("評価の概要"), std::string::npos);
}

TEST(SharedFontTest, CharactersTheFontLacksAreLeftOutOfTheSharedSet) {
  FontCache fonts = FontCache::FromDataDir();
  fonts.SetSharedCharacters(Cps(U"評\U0001F600\u0007"));
  ASSERT_NE(fonts.shared_font(), nullptr);
  EXPECT_EQ(fonts.shared_font()->codepoints, Cps(U"評"));
  fonts.SetSharedCharacters({});
  EXPECT_EQ(fonts.shared_font(), nullptr);
}

}  // namespace
}  // namespace fidelity::pdf
