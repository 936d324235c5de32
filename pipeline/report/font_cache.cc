#include "pipeline/report/font_cache.h"

#include <hb-subset.h>
#include <hb.h>

#include <stdexcept>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"

namespace fidelity::report {

FontCache::FontCache(const std::filesystem::path& ttf_path) : path_(ttf_path) {
  blob_ = hb_blob_create_from_file_or_fail(ttf_path.c_str());
  if (!blob_) throw InputError("font.unreadable", ttf_path.string(), "フォントファイルを読み込めません");
  face_ = hb_face_create(blob_, 0);
  unsigned upem = hb_face_get_upem(face_);
  hb_font_t* font = hb_font_create(face_);
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face_, unicodes);
  advance_.assign(0x10000, -1);
  hb_codepoint_t cp = HB_SET_VALUE_INVALID;
  size_t count = 0;
  while (hb_set_next(unicodes, &cp) && cp < 0x10000) {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font, cp, &gid) || gid == 0) continue;
    unsigned adv = static_cast<unsigned>(hb_font_get_glyph_h_advance(font, gid));
    advance_[cp] = static_cast<short>(adv * 1000 / upem);  // as libharu
    ++count;
  }
  hb_set_destroy(unicodes);
  hb_font_destroy(font);
  if (count == 0 || upem == 0) {
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
    throw InputError("font.unreadable", ttf_path.string(), "フォントに文字が含まれていません");
  }
  replacement_ = HasGlyph(U'〓') ? U'〓' : U'?';
}

FontCache::FontCache(FontCache&& o) noexcept
    : path_(std::move(o.path_)), blob_(o.blob_), face_(o.face_),
      advance_(std::move(o.advance_)), replacement_(o.replacement_) {
  o.blob_ = nullptr;
  o.face_ = nullptr;
}

FontCache::~FontCache() {
  if (face_) hb_face_destroy(face_);
  if (blob_) hb_blob_destroy(blob_);
}

FontCache FontCache::FromDataDir() {
  return FontCache(DataDir() / "fonts" / "BIZUDGothic-Regular.ttf");
}

bool FontCache::HasGlyph(char32_t c) const { return c < 0x10000 && advance_[c] >= 0; }

int FontCache::Advance(char32_t c) const { return HasGlyph(c) ? advance_[c] : 1000; }

std::string FontCache::Subset(const std::vector<char32_t>& codepoints) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw std::runtime_error("hb_subset_input_create_or_fail failed");
  hb_set_t* uni = hb_subset_input_unicode_set(input);
  for (char32_t c : codepoints) hb_set_add(uni, c);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG",
                          "DSIG", "gasp", "hdmx", "LTSH", "VDMX", "kern", "morx", "meta"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t* sub = hb_subset_or_fail(face_, input);
  hb_subset_input_destroy(input);
  if (!sub) throw std::runtime_error("hb_subset_or_fail failed for " + path_.string());
  hb_blob_t* blob = hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string out(data, len);
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  return out;
}

}  // namespace fidelity::report
