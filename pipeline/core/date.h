// Calendar dates (no time, no zone) and the date forms a workbook may hold.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace fidelity {

struct Date {
  int year = 0, month = 0, day = 0;

  static bool Valid(int y, int m, int d);
  // Days since 1970-01-01 (negative before).
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);
  // Calendar months back/forward, the day clamped to the month's end
  // (2026-08-31 minus 6 months = 2026-02-28).
  Date AddMonths(int months) const;
  std::string Iso() const;    // "2026-10-12"
  std::string Slash() const;  // "2026/10/12"
  std::string Japanese() const;  // "2026年10月12日"

  auto operator<=>(const Date&) const = default;
};

// Calendar days from a to b (b - a).
long DaysBetween(const Date& a, const Date& b);

// An Excel serial day number (1900 system, with its phantom 1900-02-29, or
// the 1904 system) to a date. Fractions (times) are dropped. nullopt when
// out of range.
std::optional<Date> DateFromSerial(long serial, bool date1904);

enum class DateForm { kSlash, kIso, kWareki };
struct ParsedDate {
  Date date;
  DateForm form;  // kIso and kWareki deserve a warning (SPEC §2.2)
};
// Text dates: "2026/4/1", "2026/04/01", "2026-04-01", "R6.4.1", "令和6年4月1日",
// "H31.4.1", "平成31年4月1日" (also S/昭和). Full-width digits should be
// normalised (NFKC) by the caller. nullopt when not a valid date.
std::optional<ParsedDate> ParseDateText(std::string_view text);

}  // namespace fidelity
