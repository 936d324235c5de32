// A font subset ready to be written into a PDF: the streams already
// deflated, the /W array already formatted. Made per document for the
// characters only it uses, or once per process for the characters every
// report draws (FontCache::SetSharedCharacters; issue 13), and then written
// into each document as it is.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace fidelity::pdf {

struct EmbeddedFont {
  std::vector<char32_t> codepoints;  // sorted, unique
  std::vector<uint16_t> gids;        // glyph (and CID) of each code point
  std::string base_font;             // "ABCDEF+BIZUDGothic-Regular"
  std::string widths;                // the /W array, "[1 [1000 500] …]"
  std::string font_file;             // FlateDecode TrueType
  size_t font_file_length = 0;       // /Length1: the TrueType's own size
  std::string to_unicode;            // FlateDecode ToUnicode CMap
};

}  // namespace fidelity::pdf
