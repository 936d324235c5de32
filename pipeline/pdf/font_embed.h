// The document's one font in the PDF (PDF 32000-1 §9.7): a Type0 font with
// the Identity-H encoding over a CIDFontType2 whose CIDs are the glyph ids
// of the embedded TrueType subset (/CIDToGIDMap /Identity), widths in /W,
// and a ToUnicode CMap so that text can be searched and copied.
#pragma once
#include <string>
#include <vector>

#include "pipeline/pdf/embedded_font.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/pdf/pdf_objects.h"

namespace fidelity::pdf {

// The ToUnicode CMap text for glyph codes: gids[i] shows codepoints[i]
// (codepoints sorted; a glyph shared by two characters maps to the first).
std::string ToUnicodeCMap(const std::vector<char32_t>& codepoints,
                          const std::vector<uint16_t>& gids);

// A six-letter subset tag derived from the characters (deterministic).
std::string SubsetTag(const std::vector<char32_t>& codepoints);

// Subsets the font for `codepoints` (sorted, unique, each one the font
// has) and deflates its streams. Throws std::runtime_error when HarfBuzz
// fails.
EmbeddedFont PrepareFont(const FontCache& fonts, const std::vector<char32_t>& codepoints);

// Writes the font objects and returns the number of the Type0 font object.
int WriteType0Font(PdfObjects& pdf, const FontMetrics& metrics, const EmbeddedFont& font);

}  // namespace fidelity::pdf
