#include "pipeline/pdf/font_cache.h"

#include <hb-subset.h>
#include <hb.h>

#include <stdexcept>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"

namespace fidelity::pdf {

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

namespace {

void Put16(std::string& out, unsigned v) {
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

// A cmap with one (3,1) format-4 subtable: code base+i -> gids[i].
std::string RemappedCmap(const std::vector<unsigned>& gids, unsigned base) {
  std::string sub;
  const unsigned n = static_cast<unsigned>(gids.size());
  const unsigned seg_count = 2;
  Put16(sub, 4);                                   // format
  Put16(sub, 16 + 8 * seg_count + 2 * n);          // length
  Put16(sub, 0);                                   // language
  Put16(sub, seg_count * 2);
  Put16(sub, 4);                                   // searchRange
  Put16(sub, 1);                                   // entrySelector
  Put16(sub, 0);                                   // rangeShift
  Put16(sub, base + n - 1);                        // endCode
  Put16(sub, 0xFFFF);
  Put16(sub, 0);                                   // reservedPad
  Put16(sub, base);                                // startCode
  Put16(sub, 0xFFFF);
  Put16(sub, 0);                                   // idDelta
  Put16(sub, 1);
  Put16(sub, 4);                                   // idRangeOffset -> glyphIdArray
  Put16(sub, 0);
  for (unsigned g : gids) Put16(sub, g);
  std::string cmap;
  Put16(cmap, 0);  // version
  Put16(cmap, 1);  // one encoding record
  Put16(cmap, 3);  // Windows
  Put16(cmap, 1);  // Unicode BMP
  Put16(cmap, 0);
  Put16(cmap, 12);  // offset (32-bit)
  return cmap + sub;
}

// The control-value program of every subset: NPUSHB with a count of 0, an
// instruction that does nothing. libharu 2.3.0 writes the embedded font's
// 13 tables (OS/2 … prep, 'prep' last) into a memory stream of 4,096-byte
// blocks and then seeks to each table's offset. An empty last table sits at
// the very end, and when the tables' total size is an exact multiple of
// 4,096 that seek finds no block: HPDF_MemStream_SeekFunc fails with
// HPDF_INVALID_OBJECT (0x1033) and the document cannot be saved. Which
// characters a report uses decides the size, so about one report in 2,000
// failed. A 'prep' of two bytes always ends after its own offset.
constexpr char kPrep[2] = {0x40, 0x00};

}  // namespace

std::string FontCache::SubsetRemapped(const std::vector<char32_t>& codepoints,
                                      char32_t base) const {
  if (codepoints.empty() || base + codepoints.size() > 0xD800)
    throw std::runtime_error("SubsetRemapped: too many characters");
  std::string bytes = Subset(codepoints);
  hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* sub = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(sub);
  std::vector<unsigned> gids;
  for (char32_t c : codepoints) {
    hb_codepoint_t gid = 0;
    hb_font_get_nominal_glyph(font, c, &gid);
    gids.push_back(gid);
  }
  hb_font_destroy(font);
  std::string cmap = RemappedCmap(gids, base);
  hb_face_t* builder = hb_face_builder_create();
  hb_tag_t tags[64];
  unsigned count = 64;
  hb_face_get_table_tags(sub, 0, &count, tags);
  for (unsigned i = 0; i < count; ++i) {
    if (tags[i] == HB_TAG('c', 'm', 'a', 'p') || tags[i] == HB_TAG('p', 'r', 'e', 'p')) continue;
    hb_blob_t* table = hb_face_reference_table(sub, tags[i]);
    hb_face_builder_add_table(builder, tags[i], table);
    hb_blob_destroy(table);
  }
  hb_blob_t* cmap_blob = hb_blob_create(cmap.data(), static_cast<unsigned>(cmap.size()),
                                        HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_builder_add_table(builder, HB_TAG('c', 'm', 'a', 'p'), cmap_blob);
  // A 'prep' that is not empty (see kPrep): libharu then never seeks to the
  // end of the font it rebuilds.
  hb_blob_t* prep_blob = hb_blob_create(kPrep, sizeof kPrep, HB_MEMORY_MODE_READONLY, nullptr,
                                        nullptr);
  hb_face_builder_add_table(builder, HB_TAG('p', 'r', 'e', 'p'), prep_blob);
  hb_blob_destroy(prep_blob);
  hb_blob_t* out_blob = hb_face_reference_blob(builder);
  unsigned len = 0;
  const char* data = hb_blob_get_data(out_blob, &len);
  std::string out(data, len);
  hb_blob_destroy(out_blob);
  hb_blob_destroy(cmap_blob);
  hb_face_destroy(builder);
  hb_face_destroy(sub);
  hb_blob_destroy(blob);
  if (out.empty()) throw std::runtime_error("SubsetRemapped: building the font failed");
  return out;
}

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

}  // namespace fidelity::pdf
