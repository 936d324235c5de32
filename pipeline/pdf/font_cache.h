// The parsed full font, shared by every document a process renders.
//
// Loading the TrueType file, reading its cmap and advance widths happens
// once; each document then asks for a subset holding only the characters it
// uses (HarfBuzz hb-subset, glyph ids renumbered: libharu reads the subset's
// own cmap, so the remap needs no handling). Everything is immutable after
// construction, so one FontCache may serve several rendering threads.
//
// Example:
//   FontCache fonts = FontCache::FromDataDir();
//   std::string pdf = RenderReportPdf(model, tmpl, fonts);
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct hb_face_t;
struct hb_blob_t;

namespace fidelity::pdf {

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

  // True when the font has a glyph for c and libharu can address it (BMP).
  bool HasGlyph(char32_t c) const;
  // Advance width in 1/1000 em, computed as libharu does (integer), so that
  // our line breaking measures what the PDF shows. Missing glyphs: 1000.
  int Advance(char32_t c) const;
  // The character drawn in place of a missing one (〓 when the font has it).
  char32_t Replacement() const { return replacement_; }

  // A TrueType font holding only `codepoints` (plus .notdef), hinting and
  // layout tables dropped. Throws std::runtime_error if HarfBuzz fails.
  std::string Subset(const std::vector<char32_t>& codepoints) const;

  // The same subset with its cmap replaced: codepoints[i] is reached by
  // code `base + i` (one contiguous cmap segment). libharu looks every BMP
  // code up in the cmap for each document; a one-segment cmap makes that
  // cheap and keeps the CIDToGIDMap and widths short. REQUIRES:
  // base + codepoints.size() <= 0xD800.
  std::string SubsetRemapped(const std::vector<char32_t>& codepoints, char32_t base) const;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  std::vector<short> advance_;  // per BMP code point; -1: no glyph
  char32_t replacement_ = U'?';
};

}  // namespace fidelity::pdf
