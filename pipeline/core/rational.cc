#include "pipeline/core/rational.h"

#include <cmath>
#include <stdexcept>

namespace fidelity {
namespace {

using Int = Rational::Int;

Int Abs(Int v) { return v < 0 ? -v : v; }

Int Gcd(Int a, Int b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    Int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

Int Mul(Int a, Int b) {
  Int r;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("Rational: overflow");
  return r;
}
Int Add(Int a, Int b) {
  Int r;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("Rational: overflow");
  return r;
}

Int Pow10(int n) {
  Int r = 1;
  for (int i = 0; i < n; ++i) r = Mul(r, 10);
  return r;
}

}  // namespace

Rational Rational::Fraction(Int num, Int den) {
  if (den == 0) throw std::domain_error("Rational: division by zero");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int g = Gcd(num, den);
  Rational r;
  if (g > 1) {
    num /= g;
    den /= g;
  }
  r.num_ = num;
  r.den_ = den;
  return r;
}

std::optional<Rational> Rational::FromDecimal(std::string_view t) {
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.empty()) return std::nullopt;
  size_t i = 0;
  bool neg = false;
  if (t[i] == '+' || t[i] == '-') neg = t[i++] == '-';
  std::string digits;  // significant digits without the point
  int frac_digits = 0;
  bool any = false, point = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      any = true;
      digits += c;
      if (point) ++frac_digits;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  long exp = 0;
  if (i < t.size()) {
    if (t[i] != 'e' && t[i] != 'E') return std::nullopt;
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
    if (i >= t.size()) return std::nullopt;
    for (; i < t.size(); ++i) {
      if (t[i] < '0' || t[i] > '9') return std::nullopt;
      exp = exp * 10 + (t[i] - '0');
      if (exp > 400) return std::nullopt;
    }
    if (eneg) exp = -exp;
  }
  // value = digits * 10^(exp - frac_digits); strip leading zeros.
  size_t nz = digits.find_first_not_of('0');
  if (nz == std::string::npos) return Rational(0);
  digits = digits.substr(nz);
  long scale = exp - frac_digits;
  // Round to 15 significant digits, half up.
  if (digits.size() > 15) {
    long drop = static_cast<long>(digits.size()) - 15;
    bool up = digits[15] >= '5';
    digits.resize(15);
    scale += drop;
    if (up) {
      int k = 14;
      while (k >= 0 && digits[k] == '9') digits[k--] = '0';
      if (k < 0) {
        digits.insert(digits.begin(), '1');
        digits.pop_back();
        scale += 1;
      } else {
        ++digits[k];
      }
    }
  }
  while (digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    ++scale;
  }
  if (scale > 20 || scale < -30) return std::nullopt;  // absurd for a survey
  Int mant = 0;
  for (char c : digits) mant = mant * 10 + (c - '0');
  if (neg) mant = -mant;
  if (scale >= 0) return Rational(0) + Fraction(Mul(mant, Pow10(static_cast<int>(scale))), 1);
  return Fraction(mant, Pow10(static_cast<int>(-scale)));
}

double Rational::to_double() const {
  return static_cast<double>(num_) / static_cast<double>(den_);
}

std::string Rational::ToString(int max_frac) const {
  Int n = Abs(num_);
  Int ip = n / den_;
  Int rem = n % den_;
  std::string frac;
  for (int k = 0; rem != 0 && k < max_frac; ++k) {
    rem *= 10;
    frac += static_cast<char>('0' + static_cast<int>(rem / den_));
    rem %= den_;
  }
  if (rem != 0) {  // round half up on the next digit
    rem *= 10;
    if (rem / den_ >= 5) {
      int k = static_cast<int>(frac.size()) - 1;
      while (k >= 0 && frac[k] == '9') frac[k--] = '0';
      if (k < 0) ip += 1;
      else ++frac[k];
    }
  }
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string is;
  if (ip == 0) is = "0";
  while (ip > 0) {
    is.insert(is.begin(), static_cast<char>('0' + static_cast<int>(ip % 10)));
    ip /= 10;
  }
  bool neg = num_ < 0 && (is != "0" || !frac.empty());
  return (neg ? "-" : "") + is + (frac.empty() ? "" : "." + frac);
}

double Rational::Rounded(int frac) const { return std::stod(ToString(frac)); }

Rational Rational::operator+(const Rational& o) const {
  Int g = Gcd(den_, o.den_);
  Int d = Mul(den_ / g, o.den_);
  return Fraction(Add(Mul(num_, o.den_ / g), Mul(o.num_, den_ / g)), d);
}
Rational Rational::operator-(const Rational& o) const { return *this + (-o); }
Rational Rational::operator*(const Rational& o) const {
  Int g1 = Gcd(num_, o.den_), g2 = Gcd(o.num_, den_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  return Fraction(Mul(num_ / g1, o.num_ / g2), Mul(den_ / g2, o.den_ / g1));
}
Rational Rational::operator/(const Rational& o) const {
  if (o.num_ == 0) throw std::domain_error("Rational: division by zero");
  return *this * Fraction(o.den_, o.num_);
}
std::strong_ordering Rational::operator<=>(const Rational& o) const {
  Int l = Mul(num_, o.den_), r = Mul(o.num_, den_);
  return l < r ? std::strong_ordering::less
               : (l > r ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace fidelity
