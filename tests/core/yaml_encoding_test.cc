// Text encodings of hand-written inputs (core/encoding.h), through the YAML
// loader: UTF-8 with and without BOM as is; UTF-16 with BOM and Shift_JIS
// converted with a warning; everything else refused with a Japanese message.
#include <gtest/gtest.h>

#include "pipeline/core/encoding.h"
#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

using test::ProblemOf;

const std::string kUtf8 = "cycle: 2026年度\nname: 就労支援センター①\n";
// The same text in CP932 (① is a CP932 extension), UTF-16LE and UTF-16BE, by hand.
const std::string kSjis =
    "cycle: 2026\x94\x4e\x93\x78\nname: \x8f\x41\x98\x4a\x8e\x78\x89\x87\x83\x5a\x83\x93\x83\x5e\x81\x5b\x87\x40\n";

std::string Utf16(const std::string& utf8, bool le) {
  std::string out = le ? "\xFF\xFE" : "\xFE\xFF";
  for (char32_t c : Utf8ToCodepoints(utf8)) {
    char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += le ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(Encoding, Utf8WithAndWithoutBomIsReadAsIs) {
  DecodedText a = DecodeText(kUtf8, "c.yaml", "t");
  EXPECT_EQ(a.utf8, kUtf8);
  EXPECT_EQ(a.encoding, TextEncoding::kUtf8);
  EXPECT_FALSE(a.note);
  DecodedText b = DecodeText("\xEF\xBB\xBF" + kUtf8, "c.yaml", "t");
  EXPECT_EQ(b.utf8, kUtf8);
  EXPECT_EQ(b.encoding, TextEncoding::kUtf8Bom);
  EXPECT_FALSE(b.note);
}

TEST(Encoding, ShiftJisIsConvertedWithAWarning) {
  DecodedText d = DecodeText(kSjis, "cycle.yaml", "manifest");
  EXPECT_EQ(d.utf8, kUtf8);
  EXPECT_EQ(d.encoding, TextEncoding::kShiftJis);
  ASSERT_TRUE(d.note);
  EXPECT_EQ(d.note->severity, Severity::kWarning);
  EXPECT_EQ(d.note->code, "manifest.encoding_converted");
  EXPECT_EQ(d.note->where, "cycle.yaml");
  EXPECT_EQ(d.note->message,
            "文字コードが Shift_JIS のようです。UTF-8 に変換して読みました（UTF-8 で保存し直すことをおすすめします）");
}

TEST(Encoding, Utf16WithBomIsConvertedWithAWarning) {
  for (bool le : {true, false}) {
    DecodedText d = DecodeText(Utf16(kUtf8, le), "r.yaml", "review");
    EXPECT_EQ(d.utf8, kUtf8);
    ASSERT_TRUE(d.note);
    EXPECT_EQ(d.note->message,
              "文字コードが UTF-16 のようです。UTF-8 に変換して読みました（UTF-8 で保存し直すことをおすすめします）");
  }
}

TEST(Encoding, UnknownEncodingsAreRefused) {
  auto msg = [](const std::string& bytes) { return ProblemOf([&] { DecodeText(bytes, "c.yaml", "t"); }).message; };
  // UTF-16 without a BOM (ASCII text: every other byte is NUL).
  EXPECT_EQ(msg(std::string("c\0y\0c\0l\0e\0:\0 \0x\0", 16)),
            "文字コードが UTF-16（BOMなし）のようです。UTF-8 で保存し直してください");
  EXPECT_EQ(msg(std::string("\xFF\xFE\0\0c\0\0\0", 8)), "文字コードが UTF-32 のようです。UTF-8 で保存し直してください");
  // 0xFF and 0x80 lead no Shift_JIS character either.
  EXPECT_EQ(msg("name: \xFF\xFF\x80\n"),
            "文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください");
  EXPECT_EQ(msg("\xEF\xBB\xBFname: \xFF\n"),
            "UTF-8（BOM付き）として読めない文字が含まれています。UTF-8 で保存し直してください");
  Problem p = ProblemOf([&] { DecodeText("name: \xFF\xFF\n", "c.yaml", "manifest"); });
  EXPECT_EQ(p.code, "manifest.encoding");
  EXPECT_EQ(p.where, "c.yaml");
}

TEST(Encoding, TheLoaderKeepsTheWarningAndGivesUtf8Values) {
  YamlOptions o;
  o.code_prefix = "t";
  YamlDoc d = ParseYamlText(kSjis, "c.yaml", o);
  EXPECT_EQ(d.root["name"].Scalar(), "就労支援センター①");
  EXPECT_TRUE(IsValidUtf8(d.root["cycle"].Scalar()));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].code, "t.encoding_converted");
}

}  // namespace
}  // namespace fidelity
