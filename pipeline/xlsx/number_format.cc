#include "pipeline/xlsx/number_format.h"

#include <vector>

namespace fidelity {

std::string BuiltinNumberFormat(int id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "\"¥\"#,##0;\"¥\"\\-#,##0";
    case 6: return "\"¥\"#,##0;[Red]\"¥\"\\-#,##0";
    case 7: return "\"¥\"#,##0.00;\"¥\"\\-#,##0.00";
    case 8: return "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/?\?";
    case 14: return "yyyy/m/d";  // "mm-dd-yy" in ECMA-376; locale short date
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 27: return "[$-411]ge.m.d";
    case 28: return "[$-411]ggge\"年\"m\"月\"d\"日\"";
    case 29: return "[$-411]ggge\"年\"m\"月\"d\"日\"";
    case 30: return "m/d/yy";
    case 31: return "yyyy\"年\"m\"月\"d\"日\"";
    case 32: return "h\"時\"mm\"分\"";
    case 33: return "h\"時\"mm\"分\"ss\"秒\"";
    case 34: return "yyyy\"年\"m\"月\"";
    case 35: return "m\"月\"d\"日\"";
    case 36: return "[$-411]ge.m.d";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 41: return "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ ";
    case 42: return "_ \"¥\"* #,##0_ ;_ \"¥\"* \\-#,##0_ ;_ \"¥\"* \"-\"_ ;_ @_ ";
    case 43: return "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ";
    case 44: return "_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ ";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    case 50: return "[$-411]ge.m.d";
    case 51: return "[$-411]ggge\"年\"m\"月\"d\"日\"";
    case 52: return "yyyy\"年\"m\"月\"";
    case 53: return "m\"月\"d\"日\"";
    case 54: return "[$-411]ggge\"年\"m\"月\"d\"日\"";
    case 55: return "yyyy\"年\"m\"月\"";
    case 56: return "m\"月\"d\"日\"";
    case 57: return "[$-411]ge.m.d";
    case 58: return "[$-411]ggge\"年\"m\"月\"d\"日\"";
    default: return "";
  }
}

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (Lower(s[i + k]) != word[k]) return false;
  return true;
}

// Walks a format code, calling `on(i)` for each character that is part of
// the format itself: not inside "quotes" or [brackets], not escaped by a
// backslash, not the character after _ (a space the width of it) or *
// (fill). Brackets are passed to `on_bracket(content)`.
template <typename OnChar, typename OnBracket>
void Walk(std::string_view code, OnChar on, OnBracket on_bracket) {
  size_t i = 0;
  while (i < code.size()) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      i = end == std::string_view::npos ? code.size() : end + 1;
    } else if (c == '\\' || c == '_' || c == '*') {
      i += 2;  // the next byte; a multi-byte character's tail bytes are not ASCII
    } else if (c == '[') {
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) end = code.size();
      on_bracket(code.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      i = on(i);
    }
  }
}

}  // namespace

bool IsDateFormat(std::string_view code) {
  // Tokens per section: 'd','y','e','g','b' (date), 'h','s','n' (time), 'm'.
  std::vector<char> tokens;
  bool date = false;
  auto classify = [&]() {
    for (size_t k = 0; k < tokens.size() && !date; ++k) {
      char t = tokens[k];
      if (t == 'd' || t == 'y' || t == 'e' || t == 'g' || t == 'b') {
        date = true;
      } else if (t == 'm') {
        bool after_h = k > 0 && tokens[k - 1] == 'h';
        bool before_s = k + 1 < tokens.size() && tokens[k + 1] == 's';
        if (!after_h && !before_s) date = true;  // a month
      }
    }
    tokens.clear();
  };
  Walk(
      code,
      [&](size_t i) -> size_t {
        char c = Lower(code[i]);
        if (c == ';') {
          classify();
          return i + 1;
        }
        if (c == 'g' && StartsWithNoCase(code, i, "general")) return i + 7;
        if (c == 'a' && StartsWithNoCase(code, i, "am/pm")) return i + 5;
        if (c == 'a' && StartsWithNoCase(code, i, "a/p")) return i + 3;
        if (c == 'e' && i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-'))
          return i + 2;  // scientific notation
        if (c == 'b') {
          if (i + 1 < code.size() && Lower(code[i + 1]) == 'b') tokens.push_back('b');
        } else if (c == 'd' || c == 'y' || c == 'e' || c == 'g' || c == 'h' || c == 's' ||
                   c == 'm') {
          tokens.push_back(c);
        } else {
          return i + 1;
        }
        // One token for a run of the same letter ("yyyy", "mm").
        size_t j = i + 1;
        while (j < code.size() && Lower(code[j]) == c) ++j;
        return j;
      },
      [&](std::string_view bracket) {
        // Elapsed time [h] [mm] [ss] are time tokens; [$-411], [Red],
        // [>=100], [DBNum1] are not tokens at all.
        if (bracket.empty()) return;
        char c = Lower(bracket[0]);
        if (c != 'h' && c != 'm' && c != 's') return;
        for (char b : bracket)
          if (Lower(b) != c) return;
        tokens.push_back(c == 'm' ? 'n' : c);  // 'n': elapsed minutes, never a month
      });
  classify();
  return date;
}

bool IsPercentFormat(std::string_view code) {
  bool percent = false;
  Walk(
      code,
      [&](size_t i) -> size_t {
        if (code[i] == '%') percent = true;
        return i + 1;
      },
      [](std::string_view) {});
  return percent;
}

std::string RoundNumberText15(std::string_view text) {
  std::string_view s = text;
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string digits;
  long point = 0;  // digits before the decimal point
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') digits += s[i++], ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') digits += s[i++], ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::string(text);
  long exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      exp = exp * 10 + (s[i++] - '0');
      if (exp > 400) return std::string(text);
    }
    if (i == start) return std::string(text);
    if (eneg) exp = -exp;
  }
  if (i != s.size()) return std::string(text);
  point = static_cast<long>(int_digits) + exp;
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return "0";
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  if (digits.size() > 15) {
    bool up = digits[15] >= '5';
    digits.resize(15);
    for (size_t k = 15; up && k-- > 0;) {
      if (digits[k] == '9') {
        digits[k] = '0';
      } else {
        ++digits[k];
        up = false;
      }
    }
    if (up) digits.insert(digits.begin(), '1'), ++point;
  }
  digits.erase(digits.find_last_not_of('0') + 1);
  std::string out = negative ? "-" : "";
  const long n = static_cast<long>(digits.size());
  if (point <= 0) {
    out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (point >= n) {
    out += digits + std::string(static_cast<size_t>(point - n), '0');
  } else {
    out += digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
  }
  return out;
}

}  // namespace fidelity
