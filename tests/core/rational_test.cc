#include "pipeline/core/rational.h"

#include <gtest/gtest.h>

namespace fidelity {
namespace {

Rational R(const char* s) { return *Rational::FromDecimal(s); }

TEST(Rational, ParsesDecimalTextExactly) {
  EXPECT_EQ(R("0.6"), Rational::Fraction(3, 5));
  EXPECT_EQ(R("37.5"), Rational::Fraction(75, 2));
  EXPECT_EQ(R("6E-2"), Rational::Fraction(3, 50));
  EXPECT_EQ(R("-1.25e1"), Rational::Fraction(-25, 2));
  EXPECT_EQ(R(" 20 "), Rational(20));
  EXPECT_FALSE(Rational::FromDecimal("?"));
  EXPECT_FALSE(Rational::FromDecimal("１２"));  // full-width: normalise first
  EXPECT_FALSE(Rational::FromDecimal("1.2.3"));
  EXPECT_FALSE(Rational::FromDecimal(""));
  EXPECT_FALSE(Rational::FromDecimal("1e"));
}

TEST(Rational, RoundsToFifteenSignificantDigitsLikeExcel) {
  // How a binary writer may store 0.6 and 0.7.
  EXPECT_EQ(R("0.59999999999999998"), R("0.6"));
  EXPECT_EQ(R("0.70000000000000007"), R("0.7"));
  EXPECT_EQ(R("20.010000000000002"), R("20.01"));
  EXPECT_LT(R("0.599999999999999"), R("0.6"));  // 15 digits: a real difference
}

TEST(Rational, ArithmeticAndComparison) {
  Rational a = R("22.5"), b = R("0.8");
  EXPECT_EQ(a * b, Rational(18));
  EXPECT_EQ(Rational(7) / Rational(35), Rational::Fraction(1, 5));
  EXPECT_TRUE(Rational(20) < R("20.01"));
  EXPECT_TRUE(R("20.0") == Rational(20));
  EXPECT_THROW(Rational(1) / Rational(0), std::domain_error);
}

TEST(Rational, Formats) {
  EXPECT_EQ(R("22.5").ToString(), "22.5");
  EXPECT_EQ(Rational::Fraction(2, 3).ToString(2), "0.67");
  EXPECT_EQ(Rational::Fraction(-1, 8).ToString(), "-0.125");
  EXPECT_EQ(Rational(60).ToString(), "60");
  EXPECT_DOUBLE_EQ(Rational::Fraction(1, 3).Rounded(2), 0.33);
}

}  // namespace
}  // namespace fidelity
