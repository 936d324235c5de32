#include "pipeline/pdf/line_break.h"

#include <gtest/gtest.h>

#include "pipeline/core/text.h"

namespace fidelity::pdf {
namespace {

// Every character 1 unit wide: widths count characters.
std::vector<std::string> Break(std::u32string_view s, double width) {
  return BreakLines(s, width, [](char32_t) { return 1.0; });
}

std::u32string U32(const std::string& s) {
  auto v = Utf8ToCodepoints(s);
  return std::u32string(v.begin(), v.end());
}

TEST(LineBreakTest, BreaksJapaneseAnywhereByWidth) {
  EXPECT_EQ(Break(U"あいうえおかきくけこ", 4),
            (std::vector<std::string>{"あいうえ", "おかきく", "けこ"}));
}

TEST(LineBreakTest, NoLineStartsWithClosingPunctuation) {
  // "。" would start the second line: the last character moves down with it.
  EXPECT_EQ(Break(U"あいうえ。かき", 4), (std::vector<std::string>{"あいう", "え。かき"}));
  // Two closing marks in a row move down together with the character before.
  EXPECT_EQ(Break(U"あいう」、です", 4), (std::vector<std::string>{"あい", "う」、で", "す"}));
  for (double w : {3.0, 4.0, 5.0, 6.0, 7.0}) {
    for (const std::string& line : Break(U"利用者は「働きたい」と言った。ESは、すぐに（企業へ）連絡した。", w)) {
      ASSERT_FALSE(line.empty());
      char32_t first = Utf8ToCodepoints(line)[0];
      EXPECT_FALSE(IsNoLineStart(first)) << "width " << w << ": " << line;
      char32_t last = Utf8ToCodepoints(line).back();
      EXPECT_FALSE(IsNoLineEnd(last)) << "width " << w << ": " << line;
      EXPECT_LE(Utf8ToCodepoints(line).size(), static_cast<size_t>(w)) << line;
    }
  }
}

TEST(LineBreakTest, NoLineEndsWithOpeningBracket) {
  EXPECT_EQ(Break(U"あいう「えお」", 4), (std::vector<std::string>{"あいう", "「えお」"}));
}

TEST(LineBreakTest, LatinWordsAndNumbersStayWhole) {
  EXPECT_EQ(Break(U"合計は 2026-10-12 です", 11),
            (std::vector<std::string>{"合計は", "2026-10-12", "です"}));
  EXPECT_EQ(Break(U"あいう22.5人", 5), (std::vector<std::string>{"あいう", "22.5人"}));
}

TEST(LineBreakTest, OverlongWordIsCutAtTheWidth) {
  auto lines = Break(U"https://example.org/very/long", 10);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "https://ex");
  EXPECT_EQ(lines[2], "very/long");
}

TEST(LineBreakTest, SpacesAtBreaksAreDroppedAndNewlinesForceBreaks) {
  EXPECT_EQ(Break(U"ab cd ef", 5), (std::vector<std::string>{"ab cd", "ef"}));
  EXPECT_EQ(Break(U"あい\nう\n\nえ", 10), (std::vector<std::string>{"あい", "う", "", "え"}));
}

TEST(LineBreakTest, NeverWiderThanTheBoxWithRealWidths) {
  std::u32string text = U32("就労支援スペシャリスト（ES）は、利用者の好み・経験・スキルを職業プロフィールに記録し、"
                            "求職活動で活用している。ABC株式会社、「ひかり」作業所。");
  auto adv = [](char32_t c) { return c < 0x80 ? 0.5 : 1.0; };
  for (double w = 2; w < 30; w += 0.5) {
    for (const std::string& line : BreakLines(text, w, adv)) {
      double sum = 0;
      for (char32_t c : Utf8ToCodepoints(line)) sum += adv(c);
      EXPECT_LE(sum, w + 1e-9) << line;
    }
  }
}


TEST(LineBreakTest, ShortBracketedTokenAndKatakanaWordStayWhole) {
  // Width 8: a break anywhere would split （3→4点） after 就労支援.
  std::vector<std::string> lines = Break(U32("就労支援（3→4点）です"), 8);
  for (const std::string& l : lines) {
    bool has_open = l.find("（") != std::string::npos, has_close = l.find("）") != std::string::npos;
    EXPECT_EQ(has_open, has_close) << l;
  }
  lines = Break(U32("評価は一定のフィデリティです"), 7);
  bool whole = false;
  for (const std::string& l : lines) whole = whole || l.find("フィデリティ") != std::string::npos;
  EXPECT_TRUE(whole);
  // A long bracketed text still breaks inside.
  EXPECT_GT(Break(U32("（とても長い括弧の中の文章はふつうに折り返します）"), 6).size(), 3u);
}

}  // namespace
}  // namespace fidelity::pdf
