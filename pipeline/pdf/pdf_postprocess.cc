#include "pipeline/pdf/pdf_postprocess.h"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr only, no deprecation warning

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "pipeline/core/stage_timer.h"
#include "pipeline/pdf/flate.h"

namespace fidelity::pdf {
namespace {

std::string Hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
  return buf;
}

// Writes `entries` in blocks of at most 100, as the CMap syntax requires.
void WriteBlocks(std::string& out, const std::vector<std::string>& entries, const char* op) {
  for (size_t i = 0; i < entries.size(); i += 100) {
    size_t n = std::min<size_t>(100, entries.size() - i);
    out += std::to_string(n) + " begin" + op + "\n";
    for (size_t k = i; k < i + n; ++k) out += entries[k];
    out += std::string("end") + op + "\n";
  }
}

QPDFObjectHandle Num(double v) { return QPDFObjectHandle::newReal(v, 2); }

// libharu writes the CIDToGIDMap for all 65,536 CIDs (131,070 bytes, the
// largest stream of a report before compression); our codes end at
// `cids`, so the map keeps only its first 2 * cids bytes (PDF 32000-1
// 9.7.4.2: CID c's glyph is at bytes 2c and 2c+1; no higher CID is shown).
void ShortenCidToGidMap(QPDFObjectHandle type0, size_t cids) {
  QPDFObjectHandle fonts = type0.getKey("/DescendantFonts");
  if (!fonts.isArray() || fonts.getArrayNItems() < 1) return;
  QPDFObjectHandle map = fonts.getArrayItem(0).getKey("/CIDToGIDMap");
  if (!map.isStream() || !map.getDict().getKey("/Filter").isNull()) return;
  std::shared_ptr<Buffer> raw = map.getRawStreamData();
  if (raw->getSize() <= 2 * cids) return;
  std::string head(reinterpret_cast<const char*>(raw->getBuffer()), 2 * cids);
  map.replaceStreamData(head, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// Compresses every stream without a filter (libharu writes them all
// uncompressed; see PdfDoc::Finish) with libdeflate: each byte is deflated
// once, by the fastest compressor we have.
void CompressStreams(QPDF& q) {
  StageScope timer(Stage::kCompress);
  for (QPDFObjectHandle obj : q.getAllObjects()) {
    if (!obj.isStream()) continue;
    if (!obj.getDict().getKey("/Filter").isNull()) continue;
    std::shared_ptr<Buffer> raw = obj.getRawStreamData();
    std::string_view data(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
    obj.replaceStreamData(FlateCompress(data), QPDFObjectHandle::newName("/FlateDecode"),
                          QPDFObjectHandle::newNull());
  }
}

// Every Type0 font of `pages` gets the ToUnicode CMap `to_unicode`, the
// standard Identity-H encoding and a CIDToGIDMap cut to the codes used.
void FixType0Fonts(const std::vector<QPDFObjectHandle>& pages, QPDFObjectHandle to_unicode,
                   size_t cids) {
  std::set<QPDFObjGen> done;
  for (QPDFObjectHandle page : pages) {
    QPDFObjectHandle fonts = page.getKey("/Resources").getKey("/Font");
    if (!fonts.isDictionary()) continue;
    for (const std::string& key : fonts.getKeys()) {
      QPDFObjectHandle font = fonts.getKey(key);
      if (!done.insert(font.getObjGen()).second) continue;
      if (!font.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
      font.replaceKey("/ToUnicode", to_unicode);
      font.replaceKey("/Encoding", QPDFObjectHandle::newName("/Identity-H"));
      ShortenCidToGidMap(font, cids);
    }
  }
}

// Document information, in UTF-16 where needed.
void SetDocumentInfo(QPDF& q, const PdfPostProcess& o) {
  QPDFObjectHandle trailer = q.getTrailer();
  QPDFObjectHandle info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  auto set_info = [&](const char* key, const std::string& value) {
    if (!value.empty()) info.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
  };
  set_info("/Title", o.title);
  set_info("/Author", o.author);
  set_info("/Subject", o.subject);
  set_info("/Keywords", o.keywords);
  set_info("/Creator", o.creator);
}

// /Lang, and viewers show the title rather than the file name.
void SetViewerEntries(QPDFObjectHandle root, const std::string& lang) {
  if (!lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newString(lang));
  QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
  prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  root.replaceKey("/ViewerPreferences", prefs);
}

// One outline item under `parent`, pointing at the bookmark's page and height.
QPDFObjectHandle MakeOutlineItem(QPDF& q, const std::vector<QPDFObjectHandle>& pages,
                                 const PdfBookmark& b, QPDFObjectHandle parent) {
  QPDFObjectHandle item = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
  item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(b.title));
  item.replaceKey("/Parent", parent);
  int p = std::clamp(b.page, 0, static_cast<int>(pages.size()) - 1);
  QPDFObjectHandle dest = QPDFObjectHandle::newArray();
  dest.appendItem(pages[p]);
  dest.appendItem(QPDFObjectHandle::newName("/XYZ"));
  dest.appendItem(QPDFObjectHandle::newNull());
  dest.appendItem(Num(b.top));
  dest.appendItem(QPDFObjectHandle::newNull());
  item.replaceKey("/Dest", dest);
  return item;
}

// Chains `kids` with /Prev and /Next, and hangs them under `parent`.
void LinkOutlineItems(QPDFObjectHandle parent, const std::vector<QPDFObjectHandle>& kids) {
  for (size_t i = 0; i < kids.size(); ++i) {
    QPDFObjectHandle kid = kids[i];
    if (i > 0) kid.replaceKey("/Prev", kids[i - 1]);
    if (i + 1 < kids.size()) kid.replaceKey("/Next", kids[i + 1]);
  }
  if (!kids.empty()) {
    parent.replaceKey("/First", kids.front());
    parent.replaceKey("/Last", kids.back());
  }
}

// Bookmarks: level-0 entries with level-1 children (closed); the viewer
// opens with the outline shown.
void AddOutlines(QPDF& q, QPDFObjectHandle root, const std::vector<QPDFObjectHandle>& pages,
                 const std::vector<PdfBookmark>& bookmarks) {
  QPDFObjectHandle outlines = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
  outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
  std::vector<QPDFObjectHandle> top;
  std::vector<std::vector<QPDFObjectHandle>> children;
  for (const PdfBookmark& b : bookmarks) {
    if (b.level > 0 && !top.empty()) {
      children.back().push_back(MakeOutlineItem(q, pages, b, top.back()));
    } else {
      top.push_back(MakeOutlineItem(q, pages, b, outlines));
      children.emplace_back();
    }
  }
  for (size_t i = 0; i < top.size(); ++i) {
    LinkOutlineItems(top[i], children[i]);
    // Negative count: children closed.
    if (!children[i].empty())
      top[i].replaceKey("/Count",
                        QPDFObjectHandle::newInteger(-static_cast<int>(children[i].size())));
  }
  LinkOutlineItems(outlines, top);
  outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<int>(top.size())));
  root.replaceKey("/Outlines", outlines);
  root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

// Writes with a deterministic /ID and object streams, passing the streams
// CompressStreams deflated through unchanged.
std::string WriteDeterministic(QPDF& q) {
  QPDFWriter w(q);
  std::string out;
  Pl_String sink("PostProcessPdf output", nullptr, out);
  w.setOutputPipeline(&sink);
  w.setDeterministicID(true);
  w.setObjectStreamMode(qpdf_o_generate);
  w.setCompressStreams(false);     // CompressStreams did it, once
  w.setDecodeLevel(qpdf_dl_none);  // and the writer passes those bytes through
  w.write();
  return out;
}

}  // namespace

std::string ToUnicodeCMap(const std::vector<char32_t>& cps, unsigned base) {
  auto unicode_hex = [](char32_t c) {
    if (c < 0x10000) return Hex4(c);
    char32_t v = c - 0x10000;
    return Hex4(0xD800 + (v >> 10)) + Hex4(0xDC00 + (v & 0x3FF));
  };
  std::vector<std::string> ranges, chars;
  for (size_t i = 0; i < cps.size();) {
    size_t j = i + 1;
    // A bfrange may vary only in the last byte of the code and of the value.
    while (j < cps.size() && cps[j] == cps[j - 1] + 1 && cps[j] < 0x10000 &&
           ((base + j) >> 8) == ((base + i) >> 8) && (cps[j] >> 8) == (cps[i] >> 8))
      ++j;
    if (j - i >= 2) {
      ranges.push_back("<" + Hex4(base + i) + "> <" + Hex4(base + j - 1) + "> <" +
                       unicode_hex(cps[i]) + ">\n");
    } else {
      chars.push_back("<" + Hex4(base + i) + "> <" + unicode_hex(cps[i]) + ">\n");
    }
    i = j;
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  WriteBlocks(out, ranges, "bfrange");
  WriteBlocks(out, chars, "bfchar");
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

std::string PostProcessPdf(std::string_view pdf, const PdfPostProcess& o) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("libharu output", pdf.data(), pdf.size());

    QPDFObjectHandle to_unicode = q.newStream();
    to_unicode.replaceStreamData(ToUnicodeCMap(o.codepoints, o.code_base),
                                 QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    const std::vector<QPDFObjectHandle>& pages = q.getAllPages();
    FixType0Fonts(pages, to_unicode, o.code_base + o.codepoints.size());
    SetDocumentInfo(q, o);
    QPDFObjectHandle root = q.getRoot();
    SetViewerEntries(root, o.lang);
    if (!o.bookmarks.empty()) AddOutlines(q, root, pages, o.bookmarks);

    if (q.anyWarnings()) throw std::runtime_error("qpdf found problems in libharu's output");
    CompressStreams(q);
    return WriteDeterministic(q);
  } catch (const std::runtime_error&) {
    throw;
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("qpdf: ") + e.what());
  }
}

}  // namespace fidelity::pdf
