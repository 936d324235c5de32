// core/text: NFKC (now straight on UTF-8 through ICU, issue 13), keys,
// UTF-8 decoding one code point at a time.
#include <gtest/gtest.h>

#include "pipeline/core/text.h"

namespace fidelity {
namespace {

TEST(Text, NfkcFoldsWidthsAndCompatibilityCharacters) {
  EXPECT_EQ(Nfkc("ＡＢＣ１２３"), "ABC123");
  EXPECT_EQ(Nfkc("ｶﾞｲﾄﾞ"), "ガイド");          // half-width katakana with a voiced mark
  EXPECT_EQ(Nfkc("①　㈱"), "1 (株)");         // circled digit, ideographic space, ㈱
  EXPECT_EQ(Nfkc("就労支援センター"), "就労支援センター");  // already normal: unchanged
  EXPECT_EQ(Nfkc("plain ascii"), "plain ascii");
  EXPECT_EQ(Nfkc(""), "");
  EXPECT_EQ(Nfkc("ｶ\xff"), "カ\uFFFD");         // a bad byte becomes U+FFFD, as documented
}

TEST(Text, NormalizeKeyTrimsAndCollapsesSpace) {
  EXPECT_EQ(NormalizeKey("　ＩＴ　 企業\t名 "), "IT 企業 名");
  EXPECT_EQ(NormalizeKey("   "), "");
}

TEST(Text, NextCodepointMatchesUtf8ToCodepoints) {
  const std::string s = "aé就\xF0\x9F\x98\x80\xC3\x28\xE3\x81";  // ASCII, 2, 3, 4 bytes, bad, truncated
  std::vector<char32_t> one;
  for (size_t i = 0; i < s.size();) one.push_back(NextCodepoint(s, i));
  EXPECT_EQ(one, Utf8ToCodepoints(s));
  EXPECT_EQ(one, (std::vector<char32_t>{U'a', U'é', U'就', 0x1F600, 0xFFFD, U'(', 0xFFFD, 0xFFFD}));
}

}  // namespace
}  // namespace fidelity
