// The qpdf pass over libharu's output.
//
// libharu 2.3 reuses its encoding CMap as the ToUnicode CMap, which poppler
// rejects ("Invalid 'begincidrange' operator in ToUnicode CMap"). Our Type0
// fonts use code = CID = Unicode code point (BMP), so the correct ToUnicode
// is the identity on the code points used; we write that, set /Encoding to
// /Identity-H, add the Japanese /Info strings (UTF-16), bookmarks and
// /Lang, and write with a deterministic /ID and object streams.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::report {

// The ToUnicode CMap text for an identity mapping of `codepoints` (BMP;
// sorted or not, duplicates allowed).
std::string IdentityToUnicodeCMap(std::vector<char32_t> codepoints);

struct PdfBookmark {
  std::string title;  // UTF-8
  int level = 0;
  int page = 0;       // 0-based
  double top = 0;     // PDF user space (from the bottom)
};

struct PdfPostProcess {
  std::vector<char32_t> codepoints;  // characters shown by the Type0 fonts
  std::string title, author, subject, keywords, creator;
  std::string lang = "ja-JP";
  std::vector<PdfBookmark> bookmarks;
};

// Throws std::runtime_error when qpdf cannot read or write the document
// (including any qpdf warning on libharu's output).
std::string PostProcessPdf(std::string_view pdf, const PdfPostProcess& options);

}  // namespace fidelity::report
