#include "pipeline/pdf/font_cache.h"

#include <hb-subset.h>
#include <hb.h>

#include <hb-ot.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/pdf/font_embed.h"

namespace fidelity::pdf {

namespace {

int16_t S16(hb_blob_t* table, unsigned offset) {
  unsigned len = 0;
  const char* d = hb_blob_get_data(table, &len);
  if (offset + 2 > len) return 0;
  return static_cast<int16_t>(static_cast<unsigned char>(d[offset]) << 8 |
                              static_cast<unsigned char>(d[offset + 1]));
}

// The descriptor's figures from 'head', 'hhea' and 'OS/2', and the
// PostScript name from 'name'.
FontMetrics ReadMetrics(hb_face_t* face, const std::filesystem::path& path) {
  FontMetrics m;
  const double scale = 1000.0 / hb_face_get_upem(face);
  auto em = [&](int v) { return static_cast<int>(std::lround(v * scale)); };
  hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  for (int i = 0; i < 4; ++i) m.bbox[i] = em(S16(head, 36 + 2 * i));
  hb_blob_destroy(head);
  hb_blob_t* hhea = hb_face_reference_table(face, HB_TAG('h', 'h', 'e', 'a'));
  m.ascent = em(S16(hhea, 4));
  m.descent = em(S16(hhea, 6));
  hb_blob_destroy(hhea);
  hb_blob_t* os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
  m.cap_height = S16(os2, 0) >= 2 ? em(S16(os2, 88)) : m.ascent;
  hb_blob_destroy(os2);
  char name[128];
  unsigned len = sizeof name;
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name) > 0)
    m.postscript_name.assign(name, len);
  for (char& c : m.postscript_name)  // a PDF name: no delimiters, no spaces
    if (c <= ' ' || c > '~' || std::string_view("()<>[]{}/%#").find(c) != std::string_view::npos)
      c = '-';
  if (m.postscript_name.empty()) m.postscript_name = path.stem().string();
  return m;
}

// What every subset leaves out: layout tables (the PDF positions each
// glyph itself), vertical metrics, hinting.
hb_subset_input_t* SubsetInput(const std::vector<char32_t>& codepoints) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw std::runtime_error("hb_subset_input_create_or_fail failed");
  hb_set_t* uni = hb_subset_input_unicode_set(input);
  for (char32_t c : codepoints) hb_set_add(uni, c);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG",
                          "DSIG", "gasp", "hdmx", "LTSH", "VDMX", "kern", "morx", "meta"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  return input;
}

std::string FaceBytes(hb_face_t* face) {
  hb_blob_t* blob = hb_face_reference_blob(face);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  std::string out(data, len);
  hb_blob_destroy(blob);
  return out;
}

}  // namespace

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
    advance_[cp] = static_cast<short>(adv * 1000 / upem);  // rounded down
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
  metrics_ = ReadMetrics(face_, ttf_path);
  // HarfBuzz's precomputed subsetting data (table accelerators), made once
  // here instead of in every document's subset (issue 13).
  hb_face_t* prepared = hb_subset_preprocess(face_);
  if (prepared) {
    hb_face_destroy(face_);
    face_ = prepared;
  }
}

FontCache::FontCache(FontCache&& o) noexcept
    : path_(std::move(o.path_)), blob_(o.blob_), face_(o.face_),
      advance_(std::move(o.advance_)), replacement_(o.replacement_),
      metrics_(std::move(o.metrics_)), shared_(std::move(o.shared_)) {
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


void FontCache::SetSharedCharacters(const std::vector<char32_t>& codepoints) {
  std::vector<char32_t> cps;
  for (char32_t c : codepoints)
    if (HasGlyph(c) && c >= 0x20) cps.push_back(c);
  std::sort(cps.begin(), cps.end());
  cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
  if (cps.empty()) {
    shared_.reset();
    return;
  }
  shared_ = std::make_shared<const EmbeddedFont>(PrepareFont(*this, cps));
}

FontSubset FontCache::SubsetWithGlyphIds(const std::vector<char32_t>& codepoints) const {
  hb_subset_input_t* input = SubsetInput(codepoints);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face_, input);
  hb_subset_input_destroy(input);
  if (!plan) throw std::runtime_error("hb_subset_plan_create_or_fail failed for " + path_.string());
  FontSubset out;
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
  const hb_map_t* unicode_to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
  out.gids.reserve(codepoints.size());
  for (char32_t c : codepoints) {
    hb_codepoint_t old_gid = hb_map_get(unicode_to_old, c);
    hb_codepoint_t gid = old_gid == HB_MAP_VALUE_INVALID ? 0 : hb_map_get(old_to_new, old_gid);
    out.gids.push_back(gid == HB_MAP_VALUE_INVALID || gid > 0xFFFF ? 0 : static_cast<uint16_t>(gid));
  }
  hb_face_t* sub = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (!sub) throw std::runtime_error("hb_subset_plan_execute_or_fail failed for " + path_.string());
  out.bytes = FaceBytes(sub);
  hb_face_destroy(sub);
  return out;
}

std::string FontCache::Subset(const std::vector<char32_t>& codepoints) const {
  hb_subset_input_t* input = SubsetInput(codepoints);
  hb_face_t* sub = hb_subset_or_fail(face_, input);
  hb_subset_input_destroy(input);
  if (!sub) throw std::runtime_error("hb_subset_or_fail failed for " + path_.string());
  std::string out = FaceBytes(sub);
  hb_face_destroy(sub);
  return out;
}

}  // namespace fidelity::pdf
