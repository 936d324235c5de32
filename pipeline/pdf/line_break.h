// Line breaking by measured width with Japanese line-break rules (kinsoku).
//
// Break opportunities: between any two characters, except
//   - before a character that must not start a line (、。，．）」』】 small
//     kana, ー, ！？ and their ASCII twins …),
//   - after a character that must not end a line (（「『【 …),
//   - inside a run of Latin letters/digits (a word or a number stays whole
//     unless it is longer than the line), inside a run of katakana (a band
//     label such as 一定のフィデリティ), and inside a short bracketed token
//     such as （3→4点） (at most 10 characters from （ to ）).
// A space at a break is dropped; '\n' forces a break. When no allowed break
// fits in the line, the line is cut where it overflows (never overflowing
// the width).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::pdf {

bool IsNoLineStart(char32_t c);
bool IsNoLineEnd(char32_t c);

// `advance(c)` gives the width of one code point in the caller's units.
// Returns the lines as UTF-8 (at least one line, possibly empty).
std::vector<std::string> BreakLines(std::u32string_view text, double width,
                                    const std::function<double(char32_t)>& advance);

}  // namespace fidelity::pdf
