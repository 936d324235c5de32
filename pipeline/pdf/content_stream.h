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

namespace fidelity::pdf {

// UTF-8 text → the 2-byte codes of the embedded subset (code = glyph id).
class GlyphCoder {
 public:
  // codepoints sorted and unique; gids[i] is codepoints[i]'s glyph.
  GlyphCoder(const std::vector<char32_t>& codepoints, const std::vector<uint16_t>& gids);
  // Appends `utf8` as a literal string of codes, e.g. "(\0\x12\0\x34)".
  // Every character must be one of the codepoints.
  void AppendString(std::string& out, std::string_view utf8) const;

 private:
  std::vector<uint16_t> gid_;  // by BMP code point; 0: not in the subset
};

// The name of the graphics state for a fill opacity in 1/1000 ("/GA500").
std::string OpacityStateName(int per_mille);

// The page's content stream. `page_height` turns top-down coordinates into
// PDF space. Adds the fill opacities used (1/1000) to `opacities`.
std::string PageContent(const std::vector<DrawOp>& ops, double page_height,
                        const GlyphCoder& coder, std::set<int>& opacities);

}  // namespace fidelity::pdf
