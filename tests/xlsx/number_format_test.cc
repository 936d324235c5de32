#include "pipeline/xlsx/number_format.h"

#include <gtest/gtest.h>

namespace fidelity {
namespace {

TEST(NumberFormat, BuiltinsAreDatesWhereExcelShowsDates) {
  for (int id : {14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58})
    EXPECT_TRUE(IsDateFormat(BuiltinNumberFormat(id))) << id << " " << BuiltinNumberFormat(id);
  for (int id : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 18, 19, 20, 21, 32, 33, 37, 38, 39, 40, 41,
                 42, 43, 44, 45, 46, 47, 48, 49})
    EXPECT_FALSE(IsDateFormat(BuiltinNumberFormat(id))) << id << " " << BuiltinNumberFormat(id);
  EXPECT_EQ(BuiltinNumberFormat(0), "General");
  EXPECT_EQ(BuiltinNumberFormat(9), "0%");
  EXPECT_EQ(BuiltinNumberFormat(14), "yyyy/m/d");
  EXPECT_EQ(BuiltinNumberFormat(23), "");
  EXPECT_EQ(BuiltinNumberFormat(164), "");
  EXPECT_EQ(BuiltinNumberFormat(-1), "");
}

TEST(NumberFormat, CustomDateCodes) {
  for (const char* code : {"yyyy/mm/dd", "yyyy/m/d", "YYYY-MM-DD", "m/d", "mmm-yy", "d", "[$-411]ge.m.d",
                           "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"", "[$-F800]dddd, mmmm dd, yyyy",
                           "[Red]yyyy/mm/dd", "yyyy/mm/dd;@", "yyyy/m/d h:mm", "[$-411]e", "mm",
                           "bbbb/mm/dd", "\\d\\a\\y\\s yyyy"})
    EXPECT_TRUE(IsDateFormat(code)) << code;
}

TEST(NumberFormat, NotDates) {
  for (const char* code : {"General", "general", "0", "0.00", "#,##0", "0%", "0.00E+00", "##0.0e-0", "@",
                           "h:mm", "h:mm:ss", "hh:mm AM/PM", "h:mm A/P", "[h]:mm:ss", "[mm]:ss", "[m]",
                           "mm:ss", "mm:ss.0", "h\"時\"mm\"分\"", "\"yyyy\"0", "0\"日\"", "\\d0", "[Red]0.0",
                           "[$-411]0", "[DBNum1]0", "[<=100]0;0.0", "0_d", "*d0", "[$¥-411]#,##0", ""})
    EXPECT_FALSE(IsDateFormat(code)) << code;
}

TEST(NumberFormat, Percent) {
  for (const char* code : {"0%", "0.00%", "0.0%;[Red]-0.0%", "#,##0%", "[Blue]0%"})
    EXPECT_TRUE(IsPercentFormat(code)) << code;
  for (const char* code : {"0", "General", "0\"%\"", "0\\%", "[$%-411]0", "yyyy/mm/dd", "0_%"})
    EXPECT_FALSE(IsPercentFormat(code)) << code;
}

TEST(NumberFormat, RoundNumberText15) {
  EXPECT_EQ(RoundNumberText15("0.600000000000000000022"), "0.6");
  EXPECT_EQ(RoundNumberText15("20.0100000000000000002"), "20.01");
  EXPECT_EQ(RoundNumberText15("0.30000000000000004"), "0.3");
  EXPECT_EQ(RoundNumberText15("0.395833333333333300003"), "0.395833333333333");
  EXPECT_EQ(RoundNumberText15("45123"), "45123");
  EXPECT_EQ(RoundNumberText15("37.5"), "37.5");
  EXPECT_EQ(RoundNumberText15("-3"), "-3");
  EXPECT_EQ(RoundNumberText15("-0"), "0");
  EXPECT_EQ(RoundNumberText15("0.000"), "0");
  EXPECT_EQ(RoundNumberText15("1E-3"), "0.001");
  EXPECT_EQ(RoundNumberText15("1.5e+3"), "1500");
  EXPECT_EQ(RoundNumberText15("99999999999999999"), "100000000000000000");
  EXPECT_EQ(RoundNumberText15("0.99999999999999999"), "1");
  EXPECT_EQ(RoundNumberText15("123456789012345678"), "123456789012346000");
  EXPECT_EQ(RoundNumberText15(".5"), "0.5");
  EXPECT_EQ(RoundNumberText15("+7."), "7");
  for (const char* odd : {"", "abc", "1.2.3", "1e", "1e999", "--1", "1,000", " 1"})
    EXPECT_EQ(RoundNumberText15(odd), odd) << odd;
}

}  // namespace
}  // namespace fidelity
