// Exact numbers for scoring: every band edge is decided without binary
// floating point.
//
// Cell values arrive as decimal text ("37.5", "0.6", "6E-2",
// "0.59999999999999998"). FromDecimal parses that text exactly, after
// rounding it to 15 significant digits — the precision Excel itself keeps
// and shows — so a writer that stored 0.6 as 0.59999999999999998 still
// means 60 %. Arithmetic is exact on reduced fractions of 128-bit integers;
// an overflow throws std::overflow_error rather than give a wrong answer.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace fidelity {

class Rational {
 public:
  using Int = __int128;
  Rational() = default;
  Rational(long long n) : num_(n), den_(1) {}  // NOLINT: implicit from integers is handy
  static Rational Fraction(Int num, Int den);  // REQUIRES: den != 0

  // Decimal text: optional sign, digits, optional fraction, optional
  // exponent (e/E). Leading/trailing ASCII spaces are allowed. Returns
  // nullopt for anything else (including full-width digits: normalise first).
  static std::optional<Rational> FromDecimal(std::string_view text);

  Int num() const { return num_; }
  Int den() const { return den_; }
  bool is_zero() const { return num_ == 0; }
  bool is_integer() const { return den_ == 1; }
  double to_double() const;
  // Shortest decimal text when the value is a finite decimal ("22.5", "60",
  // "-0.125"), else rounded to `max_frac` fraction digits, half up.
  std::string ToString(int max_frac = 6) const;
  // Rounded half away from zero to `frac` digits, as a double for JSON.
  double Rounded(int frac) const;

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;  // throws std::domain_error on 0
  Rational& operator+=(const Rational& o) { return *this = *this + o; }
  Rational& operator-=(const Rational& o) { return *this = *this - o; }
  Rational& operator*=(const Rational& o) { return *this = *this * o; }
  Rational& operator/=(const Rational& o) { return *this = *this / o; }
  Rational operator-() const { return Fraction(-num_, den_); }

  bool operator==(const Rational& o) const { return num_ == o.num_ && den_ == o.den_; }
  std::strong_ordering operator<=>(const Rational& o) const;

 private:
  Int num_ = 0;
  Int den_ = 1;
};

}  // namespace fidelity
