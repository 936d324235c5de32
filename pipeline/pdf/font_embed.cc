#include "pipeline/pdf/font_embed.h"

#include "pipeline/core/stage_timer.h"
#include "pipeline/pdf/flate.h"

#include <algorithm>
#include <utility>

namespace fidelity::pdf {
namespace {

constexpr int kDefaultWidth = 1000;  // /DW

// (glyph id, character) by glyph id, each glyph once, no .notdef.
std::vector<std::pair<uint16_t, char32_t>> ByGlyph(const std::vector<char32_t>& cps,
                                                   const std::vector<uint16_t>& gids) {
  std::vector<std::pair<uint16_t, char32_t>> v;
  for (size_t i = 0; i < cps.size() && i < gids.size(); ++i)
    if (gids[i] != 0) v.emplace_back(gids[i], cps[i]);
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end(),
                      [](const auto& a, const auto& b) { return a.first == b.first; }),
          v.end());
  return v;
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

// The /W array: runs of consecutive glyph ids with their widths; glyphs of
// the default width (/DW 1000, every full-width character) are left out.
std::string Widths(const FontCache& fonts, const std::vector<std::pair<uint16_t, char32_t>>& glyphs) {
  std::string w = "[";
  for (size_t i = 0; i < glyphs.size();) {
    if (fonts.Advance(glyphs[i].second) == kDefaultWidth) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < glyphs.size() && glyphs[j].first == glyphs[j - 1].first + 1 &&
           fonts.Advance(glyphs[j].second) != kDefaultWidth)
      ++j;
    if (w.size() > 1) w += ' ';
    AppendInt(w, glyphs[i].first);
    w += " [";
    for (size_t k = i; k < j; ++k) {
      if (k > i) w += ' ';
      AppendInt(w, fonts.Advance(glyphs[k].second));
    }
    w += "]";
    i = j;
  }
  return w + "]";
}

std::string Descriptor(const FontMetrics& m, const std::string& base_font, int font_file) {
  std::string d = "<< /Type /FontDescriptor /FontName /" + base_font +
                  " /Flags 4 /FontBBox [";
  for (int i = 0; i < 4; ++i) {
    if (i) d += ' ';
    AppendInt(d, m.bbox[i]);
  }
  d += "] /ItalicAngle 0 /Ascent ";
  AppendInt(d, m.ascent);
  d += " /Descent ";
  AppendInt(d, m.descent);
  d += " /CapHeight ";
  AppendInt(d, m.cap_height);
  d += " /StemV 80 /FontFile2 " + Ref(font_file) + " >>";
  return d;
}

}  // namespace

std::string ToUnicodeCMap(const std::vector<char32_t>& cps, const std::vector<uint16_t>& gids) {
  const auto glyphs = ByGlyph(cps, gids);
  std::vector<std::string> ranges, chars;
  for (size_t i = 0; i < glyphs.size();) {
    size_t j = i + 1;
    // A bfrange may vary only in the last byte of the code and of the value.
    while (j < glyphs.size() && glyphs[j].first == glyphs[j - 1].first + 1 &&
           glyphs[j].second == glyphs[j - 1].second + 1 && glyphs[j].second < 0x10000 &&
           (glyphs[j].first >> 8) == (glyphs[i].first >> 8) &&
           (glyphs[j].second >> 8) == (glyphs[i].second >> 8))
      ++j;
    std::string e = "<";
    AppendHex4(e, glyphs[i].first);
    if (j - i >= 2) {
      e += "> <";
      AppendHex4(e, glyphs[j - 1].first);
      e += "> <";
      AppendUtf16Hex(e, glyphs[i].second);
      ranges.push_back(e + ">\n");
    } else {
      e += "> <";
      AppendUtf16Hex(e, glyphs[i].second);
      chars.push_back(e + ">\n");
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

std::string SubsetTag(const std::vector<char32_t>& cps) {
  uint64_t h = 1469598103934665603ull;
  for (char32_t c : cps) {
    h ^= c;
    h *= 1099511628211ull;
  }
  std::string tag(6, 'A');
  for (int i = 0; i < 6; ++i) {
    tag[i] = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

EmbeddedFont PrepareFont(const FontCache& fonts, const std::vector<char32_t>& cps) {
  FontSubset subset = fonts.SubsetWithGlyphIds(cps);
  EmbeddedFont f;
  f.codepoints = cps;
  f.base_font = SubsetTag(cps) + "+" + fonts.metrics().postscript_name;
  f.widths = Widths(fonts, ByGlyph(cps, subset.gids));
  f.font_file_length = subset.bytes.size();
  {
    StageScope timer(Stage::kCompress);
    f.font_file = FlateCompress(subset.bytes);
    f.to_unicode = FlateCompress(ToUnicodeCMap(cps, subset.gids));
  }
  f.gids = std::move(subset.gids);
  return f;
}

int WriteType0Font(PdfObjects& pdf, const FontMetrics& metrics, const EmbeddedFont& f) {
  const int type0 = pdf.Reserve(), cid_font = pdf.Reserve(), descriptor = pdf.Reserve();
  const int font_file = pdf.Reserve(), to_unicode = pdf.Reserve();
  pdf.Begin(type0) += "<< /Type /Font /Subtype /Type0 /BaseFont /" + f.base_font +
                      " /Encoding /Identity-H /DescendantFonts [" + Ref(cid_font) +
                      "] /ToUnicode " + Ref(to_unicode) + " >>";
  pdf.End();
  std::string& cid = pdf.Begin(cid_font);
  cid += "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + f.base_font +
         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
         " /FontDescriptor " + Ref(descriptor) + " /DW 1000 /W ";
  cid += f.widths;
  cid += " /CIDToGIDMap /Identity >>";
  pdf.End();
  pdf.Begin(descriptor) += Descriptor(metrics, f.base_font, font_file);
  pdf.End();
  std::string length1 = "/Length1 ";
  AppendInt(length1, static_cast<long>(f.font_file_length));
  pdf.DeflatedStream(font_file, length1, f.font_file);
  pdf.DeflatedStream(to_unicode, "", f.to_unicode);
  return type0;
}

}  // namespace fidelity::pdf
