// Issue 13: every stream of a document is deflated once, by libdeflate, as
// our object writer writes it. These tests read the real output back with
// qpdf and poppler.
#define POINTERHOLDER_TRANSITION 4
#include <gtest/gtest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <libdeflate.h>

#include <fstream>
#include <thread>

#include "pipeline/pdf/flate.h"
#include "pipeline/pdf/pdf_doc.h"
#include "tests/test_util.h"

namespace fidelity::pdf {
namespace {

const FontCache& Fonts() {
  static const FontCache fonts = FontCache::FromDataDir();
  return fonts;
}

// A zlib-format reader other than the writer's path: libdeflate's
// decompressor checks the 2-byte header and the Adler-32.
std::string Inflate(const std::string& z, size_t size) {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  std::string out(size, '\0');
  size_t n = 0;
  libdeflate_result rc = libdeflate_zlib_decompress(d, z.data(), z.size(), out.data(), out.size(), &n);
  libdeflate_free_decompressor(d);
  EXPECT_EQ(rc, LIBDEFLATE_SUCCESS);
  out.resize(n);
  return out;
}

TEST(StreamCompressionTest, FlateCompressIsTheZlibFormatAtEveryLevel) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "BT /F1 10 Tf 72 " + std::to_string(i) + " Td <0102> Tj ET\n";
  for (int level : {1, 6, 12}) {
    std::string z = FlateCompress(text, level);
    EXPECT_LT(z.size(), text.size() / 4) << level;
    EXPECT_EQ(Inflate(z, text.size()), text) << level;
  }
  EXPECT_EQ(Inflate(FlateCompress(""), 1), "");
  EXPECT_THROW(FlateCompress(text, 0), std::runtime_error);
}

TEST(StreamCompressionTest, SameBytesFromEveryThread) {
  std::string text(100000, 'a');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
  const std::string here = FlateCompress(text);
  std::string there;
  std::thread t([&] { there = FlateCompress(text); });
  t.join();
  EXPECT_EQ(here, there);
}

std::string Document(const std::string& body) {
  PdfDoc doc(Fonts(), PageSetup{});
  doc.NewPage();
  doc.Paragraph(body, {.size = 10});
  doc.NewPage();
  doc.Paragraph("二ページ目 page two", {.size = 12});
  return doc.Finish();
}

TEST(StreamCompressionTest, EveryStreamIsFlateAndCidsAreGlyphIds) {
  const std::string body = "就労支援センター 評価の概要 IPS fidelity 12345";
  const std::string pdf = Document(body);
  QPDF q;
  q.processMemoryFile("doc", pdf.data(), pdf.size());
  int streams = 0, maps = 0;
  for (QPDFObjectHandle o : q.getAllObjects()) {
    if (!o.isStream()) continue;
    ++streams;
    EXPECT_TRUE(o.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"))
        << o.getDict().unparse();
    std::shared_ptr<Buffer> data = o.getStreamData(qpdf_dl_generalized);  // inflates or throws
    EXPECT_GT(data->getSize(), 0u);
  }
  for (QPDFObjectHandle o : q.getAllObjects()) {
    if (!o.isDictionary() || !o.hasKey("/CIDToGIDMap")) continue;
    ++maps;
    // CID = glyph id of the subset: no map stream to write or read.
    EXPECT_TRUE(o.getKey("/CIDToGIDMap").isNameAndEquals("/Identity"));
  }
  EXPECT_EQ(streams, 4);  // two pages, the font file, the ToUnicode CMap
  EXPECT_EQ(maps, 1);

  test::TempDir tmp;
  std::ofstream(tmp / "a.pdf", std::ios::binary) << pdf;
  auto check = test::RunShell("qpdf --check " + test::Q(tmp / "a.pdf"));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  auto txt = test::RunShell("pdftotext -enc UTF-8 " + test::Q(tmp / "a.pdf") + " - 2>&1");
  EXPECT_NE(txt.out.find(body), std::string::npos) << txt.out;
  EXPECT_NE(txt.out.find("二ページ目 page two"), std::string::npos) << txt.out;
  EXPECT_EQ(txt.out.find("Error"), std::string::npos) << txt.out;  // poppler has no complaint
}

TEST(StreamCompressionTest, TheSameDocumentGivesTheSameBytes) {
  EXPECT_EQ(Document("同じ文書 same"), Document("同じ文書 same"));
  EXPECT_NE(Document("同じ文書 same"), Document("違う文書 other"));
}

}  // namespace
}  // namespace fidelity::pdf
