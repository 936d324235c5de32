// The content stream of one page (PDF 32000-1 §8, §9.4) from the recorded
// drawing operations: text in the document's one Type0 font (2-byte glyph
// codes, /F1), paths, circles; colour, width and text state are written
// only when they change.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "pipeline/pdf/draw_ops.h"
#include "pipeline/pdf/embedded_font.h"

namespace fidelity::pdf {

// Which font (/F1, /F2 …) and which 2-byte code (= glyph id) show each
// character. A character in several fonts is shown with the first.
class GlyphCoder {
 public:
  explicit GlyphCoder(const std::vector<const EmbeddedFont*>& fonts);
  struct Glyph {
    int font = -1;  // index into the fonts; -1: in none
    uint16_t gid = 0;
  };
  Glyph operator()(char32_t c) const {
    uint32_t v = c < 0x10000 ? table_[c] : 0;
    return v ? Glyph{static_cast<int>(v >> 16) - 1, static_cast<uint16_t>(v & 0xFFFF)} : Glyph{};
  }

 private:
  std::vector<uint32_t> table_;  // by BMP code point: (font + 1) << 16 | gid; 0: none
};

// Appends the 2-byte code to a literal string's body, escaped.
void AppendCode(std::string& out, uint16_t gid);

// The name of the graphics state for a fill opacity in 1/1000 ("/GA500").
std::string OpacityStateName(int per_mille);

// The page's content stream. `page_height` turns top-down coordinates into
// PDF space. Adds the fill opacities used (1/1000) to `opacities`.
std::string PageContent(const std::vector<DrawOp>& ops, double page_height,
                        const GlyphCoder& coder, std::set<int>& opacities);

}  // namespace fidelity::pdf
