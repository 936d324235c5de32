#include "pipeline/pdf/line_break.h"

#include "pipeline/core/text.h"

namespace fidelity::pdf {
namespace {

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// Printable ASCII other than space: letters, digits and the punctuation
// inside numbers, dates, codes and URLs stay together.
bool IsWordChar(char32_t c) { return c > 0x20 && c < 0x7F; }

bool IsKatakana(char32_t c) { return c >= 0x30A1 && c <= 0x30FF; }

// Inside a short bracketed token such as （3→4点） (at most kShortToken
// characters from （ to ）, no space): one unit, never split.
constexpr size_t kShortToken = 10;
bool InsideShortToken(std::u32string_view p, size_t k) {
  size_t open = std::u32string_view::npos;
  for (size_t i = k; i-- > 0 && k - i < kShortToken;) {
    if (p[i] == U'）' || IsSpace(p[i])) return false;
    if (p[i] == U'（') {
      open = i;
      break;
    }
  }
  if (open == std::u32string_view::npos) return false;
  for (size_t j = k; j < p.size() && j - open < kShortToken; ++j) {
    if (p[j] == U'（' || IsSpace(p[j])) return false;
    if (p[j] == U'）') return true;
  }
  return false;
}

// `whole_words`: also keep katakana words and short bracketed tokens whole
// (dropped when nothing else fits in the line).
bool CanBreakBefore(std::u32string_view p, size_t k, bool whole_words = true) {
  if (k == 0 || k >= p.size()) return false;
  char32_t a = p[k - 1], b = p[k];
  if (IsSpace(a) || IsSpace(b)) return true;
  if (IsNoLineStart(b)) return false;
  if (IsNoLineEnd(a)) return false;
  if (IsWordChar(a) && IsWordChar(b)) return false;
  if (!whole_words) return true;
  if (IsKatakana(a) && IsKatakana(b)) return false;  // a katakana word (フィデリティ) stays whole
  if (InsideShortToken(p, k)) return false;
  return true;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

void BreakParagraph(std::u32string_view p, double width,
                    const std::function<double(char32_t)>& advance,
                    std::vector<std::string>& lines) {
  size_t i = 0, n = p.size();
  if (n == 0) {
    lines.emplace_back();
    return;
  }
  while (i < n) {
    double w = 0;
    size_t j = i;
    while (j < n) {
      double cw = advance(p[j]);
      if (w + cw > width + 1e-9 && j > i) break;
      w += cw;
      ++j;
    }
    size_t k = j;
    if (j < n && !IsSpace(p[j]) && !CanBreakBefore(p, j)) {
      // Push out: the last allowed break before the overflow.
      size_t best = 0;
      for (bool whole : {true, false}) {
        for (size_t m = j; m > i + 1 && !best; --m)
          if (CanBreakBefore(p, m - 1, whole)) best = m - 1;
        if (best) break;
      }
      if (best > i) k = best;  // else: no allowed break fits, cut at j
    }
    size_t end = k;
    while (end > i && IsSpace(p[end - 1])) --end;
    lines.push_back(Encode(p.substr(i, end - i)));
    i = k;
    while (i < n && IsSpace(p[i])) ++i;  // a wrapped line starts with no space
  }
}

}  // namespace

bool IsNoLineStart(char32_t c) {
  static constexpr std::u32string_view kChars =
      U"、。，．・：；？！゛゜ヽヾゝゞ々〻ー‐゠–〜～…‥"
      U"）〕］｝〉》」』】〙〗〟’”｠»"
      U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
      U"％‰℃°′″"
      U")]},.:;?!%";
  return kChars.find(c) != std::u32string_view::npos;
}

bool IsNoLineEnd(char32_t c) {
  static constexpr std::u32string_view kChars = U"（〔［｛〈《「『【〘〖〝‘“｟«([{￥＄＃№";
  return kChars.find(c) != std::u32string_view::npos;
}

std::vector<std::string> BreakLines(std::u32string_view text, double width,
                                    const std::function<double(char32_t)>& advance) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == U'\n') {
      std::u32string_view para = text.substr(start, i - start);
      if (!para.empty() && para.back() == U'\r') para.remove_suffix(1);
      BreakParagraph(para, width, advance, lines);
      start = i + 1;
    }
  }
  return lines;
}

}  // namespace fidelity::pdf
