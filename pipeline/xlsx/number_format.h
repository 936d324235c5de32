// Excel number formats: the built-in table and what a format code shows.
#pragma once
#include <string>
#include <string_view>

namespace fidelity {

// The format code of a built-in numFmtId as a Japanese Excel shows it
// (14 = "yyyy/m/d", 27..36 and 50..58 = the ja-JP 和暦 and 年月日 formats,
// 9 = "0%"). Empty for an id that is not built in (a workbook must then
// define it in <numFmts>).
std::string BuiltinNumberFormat(int id);

// True when the code shows a date: a d, y, e (era year), g (era name) or
// bb (Buddhist year) token, or an m that is a month (not the minutes of
// "h:mm" or "mm:ss"), outside quotes, brackets ([$-411], [Red], [h]) and
// escapes. "General", scientific "0.00E+00" and "AM/PM" are not dates, and
// a time-only code such as "h:mm" or "[h]:mm:ss" is not a date.
bool IsDateFormat(std::string_view code);

// True when the code holds a % outside quotes, brackets and escapes (the
// value shows multiplied by 100).
bool IsPercentFormat(std::string_view code);

// A cell's number text rounded to 15 significant digits, as Excel shows it
// and as a person typed it, in plain decimal: Gnumeric stores 0.6 as
// "0.600000000000000000022" and Excel may store "0.30000000000000004";
// both come back as "0.6" / "0.3". "1E-3" -> "0.001", "-0" -> "0". Done on
// the decimal digits, no binary floating point. Text that is not a number
// (or has an exponent beyond +-400) is returned unchanged.
std::string RoundNumberText15(std::string_view text);

}  // namespace fidelity
