// The parsed full font, shared by every document a process renders.
//
// Loading the TrueType file, reading its cmap and advance widths happens
// once; each document then asks for a subset holding only the characters it
// uses (HarfBuzz hb-subset, glyph ids renumbered; the PDF shows glyph ids
// directly, see font_embed.h). Everything is immutable after construction,
// so one FontCache may serve several rendering threads.
//
// Example:
//   FontCache fonts = FontCache::FromDataDir();
//   std::string pdf = RenderReportPdf(model, tmpl, fonts);
#pragma once
#include <filesystem>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/pdf/embedded_font.h"

struct hb_face_t;
struct hb_blob_t;

namespace fidelity::pdf {

// What a PDF font descriptor says about the face, in 1/1000 em.
struct FontMetrics {
  std::string postscript_name;  // e.g. BIZUDGothic-Regular
  int ascent = 880, descent = -120, cap_height = 700;
  int bbox[4] = {0, -120, 1000, 880};  // xMin yMin xMax yMax
};

// A subset for one document: the TrueType bytes and the new glyph id of
// each character asked for (same order).
struct FontSubset {
  std::string bytes;
  std::vector<uint16_t> gids;
};

class FontCache {
 public:
  // Throws InputError("font.unreadable", path, …) when the file is not a
  // usable TrueType font.
  explicit FontCache(const std::filesystem::path& ttf_path);
  ~FontCache();
  FontCache(const FontCache&) = delete;
  FontCache& operator=(const FontCache&) = delete;

  // DataDir()/fonts/BIZUDGothic-Regular.ttf
  static FontCache FromDataDir();
  FontCache(FontCache&&) noexcept;

  // True when the font has a glyph for c in the BMP (the characters our
  // documents can show).
  bool HasGlyph(char32_t c) const;
  // Advance width in 1/1000 em (integer, rounded down), the width the PDF's
  // /W array gives the glyph, so that our line breaking measures what the
  // PDF shows. Missing glyphs: 1000.
  int Advance(char32_t c) const;
  // The character drawn in place of a missing one (〓 when the font has it).
  char32_t Replacement() const { return replacement_; }

  // A TrueType font holding only `codepoints` (plus .notdef), hinting and
  // layout tables dropped. Throws std::runtime_error if HarfBuzz fails.
  std::string Subset(const std::vector<char32_t>& codepoints) const;

  // The subset and the new glyph id of each of `codepoints` (sorted,
  // unique, each HasGlyph). Throws std::runtime_error if HarfBuzz fails.
  FontSubset SubsetWithGlyphIds(const std::vector<char32_t>& codepoints) const;

  const FontMetrics& metrics() const { return metrics_; }

  // The characters every document of this process is expected to draw
  // (for reports: templates/report_glyphs.txt): subset and deflated once
  // here, then written into each document as its first font, so that a
  // document subsets and compresses only its own other characters. Those
  // the font lacks are left out. Call before documents are rendered on
  // other threads. Throws std::runtime_error when HarfBuzz fails.
  void SetSharedCharacters(const std::vector<char32_t>& codepoints);
  // nullptr until SetSharedCharacters.
  const EmbeddedFont* shared_font() const { return shared_.get(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  std::vector<short> advance_;  // per BMP code point; -1: no glyph
  char32_t replacement_ = U'?';
  FontMetrics metrics_;
  std::shared_ptr<const EmbeddedFont> shared_;
};

}  // namespace fidelity::pdf
