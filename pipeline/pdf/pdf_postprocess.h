// The qpdf pass over libharu's output.
//
// libharu 2.3 reuses its encoding CMap as the ToUnicode CMap, which poppler
// rejects ("Invalid 'begincidrange' operator in ToUnicode CMap"). Our Type0
// font uses code = CID, and code base + i draws the document's i-th
// character (see FontCache::SubsetRemapped); we write the ToUnicode CMap
// that maps the codes back to the characters, set /Encoding to
// /Identity-H, add the Japanese /Info strings (UTF-16), bookmarks and
// /Lang, and write with a deterministic /ID and object streams.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::pdf {

// The ToUnicode CMap text mapping 2-byte code `base + i` to codepoints[i]
// (any Unicode code point; outside the BMP as a UTF-16 pair).
std::string ToUnicodeCMap(const std::vector<char32_t>& codepoints, unsigned base);

struct PdfBookmark {
  std::string title;  // UTF-8
  int level = 0;
  int page = 0;       // 0-based
  double top = 0;     // PDF user space (from the bottom)
};

struct PdfPostProcess {
  std::vector<char32_t> codepoints;  // code base + i shows codepoints[i]
  unsigned code_base = 0x100;
  std::string title, author, subject, keywords, creator;
  std::string lang = "ja-JP";
  std::vector<PdfBookmark> bookmarks;
};

// Throws std::runtime_error when qpdf cannot read or write the document
// (including any qpdf warning on libharu's output).
std::string PostProcessPdf(std::string_view pdf, const PdfPostProcess& options);

}  // namespace fidelity::pdf
