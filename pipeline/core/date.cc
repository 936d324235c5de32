#include "pipeline/core/date.h"

#include <cstdio>
#include <string>
#include <vector>

namespace fidelity {
namespace {

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int MonthDays(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : d[m - 1];
}

// Howard Hinnant's days_from_civil.
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// Reads an unsigned integer; advances i. -1 if none.
long ReadInt(std::string_view s, size_t& i) {
  long v = -1;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    v = (v < 0 ? 0 : v) * 10 + (s[i] - '0');
    if (v > 100000) return -1;
    ++i;
  }
  return v;
}

bool Eat(std::string_view s, size_t& i, std::string_view what) {
  if (s.substr(i, what.size()) == what) {
    i += what.size();
    return true;
  }
  return false;
}

}  // namespace

bool Date::Valid(int y, int m, int d) {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= MonthDays(y, m);
}

long Date::DaysSinceEpoch() const { return DaysFromCivil(year, month, day); }

Date Date::FromDaysSinceEpoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::AddMonths(int months) const {
  int total = year * 12 + (month - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  int d = day > MonthDays(y, m) ? MonthDays(y, m) : day;
  return Date{y, m, d};
}

std::string Date::Iso() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", year, month, day);
  return b;
}
std::string Date::Slash() const {
  char b[16];
  std::snprintf(b, sizeof b, "%04d/%02d/%02d", year, month, day);
  return b;
}
std::string Date::Japanese() const {
  return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

long DaysBetween(const Date& a, const Date& b) { return b.DaysSinceEpoch() - a.DaysSinceEpoch(); }

std::optional<Date> DateFromSerial(long serial, bool date1904) {
  if (serial < 1 || serial > 150000) return std::nullopt;
  long days;
  if (date1904) {
    days = DaysFromCivil(1904, 1, 1) + serial;
  } else {
    if (serial == 60) return std::nullopt;  // 1900-02-29 does not exist
    // Serial 1 = 1900-01-01; serials after 60 are one too high (Lotus bug).
    days = DaysFromCivil(1899, 12, 31) + serial - (serial > 60 ? 1 : 0);
  }
  Date d = Date::FromDaysSinceEpoch(days);
  if (!Date::Valid(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::optional<ParsedDate> ParseDateText(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  // 和暦: era letter or name, then year (元 = 1).
  struct Era { std::string_view a, b; int start; };
  static const Era eras[] = {{"R", "令和", 2018}, {"H", "平成", 1988}, {"S", "昭和", 1925}};
  for (const auto& e : eras) {
    size_t j = 0;
    bool kanji = Eat(s, j, e.b);
    if (!kanji && !Eat(s, j, e.a) && !(s[0] == e.a[0] + 32 && (j = 1))) continue;
    long ey;
    if (Eat(s, j, "元")) ey = 1;
    else ey = ReadInt(s, j);
    if (ey < 1) return std::nullopt;
    long m, d;
    if (Eat(s, j, "年")) {
      m = ReadInt(s, j);
      if (!Eat(s, j, "月")) return std::nullopt;
      d = ReadInt(s, j);
      if (!Eat(s, j, "日")) return std::nullopt;
    } else {
      char sep = j < s.size() ? s[j] : 0;
      if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
      ++j;
      m = ReadInt(s, j);
      if (j >= s.size() || s[j] != sep) return std::nullopt;
      ++j;
      d = ReadInt(s, j);
    }
    if (j != s.size()) return std::nullopt;
    int y = e.start + static_cast<int>(ey);
    if (!Date::Valid(y, static_cast<int>(m), static_cast<int>(d))) return std::nullopt;
    return ParsedDate{Date{y, static_cast<int>(m), static_cast<int>(d)}, DateForm::kWareki};
  }
  long y = ReadInt(s, i);
  if (y < 1000 || i >= s.size()) return std::nullopt;
  DateForm form;
  long m, d;
  if (Eat(s, i, "年")) {
    m = ReadInt(s, i);
    if (!Eat(s, i, "月")) return std::nullopt;
    d = ReadInt(s, i);
    if (!Eat(s, i, "日")) return std::nullopt;
    form = DateForm::kIso;  // accepted like the other non-slash forms, with a warning
  } else {
    char sep = s[i++];
    if (sep != '/' && sep != '-') return std::nullopt;
    form = sep == '/' ? DateForm::kSlash : DateForm::kIso;
    m = ReadInt(s, i);
    if (i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    d = ReadInt(s, i);
  }
  if (i != s.size()) return std::nullopt;
  if (!Date::Valid(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d))) return std::nullopt;
  return ParsedDate{Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)}, form};
}

}  // namespace fidelity
