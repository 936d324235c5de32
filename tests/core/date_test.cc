#include "pipeline/core/date.h"

#include <gtest/gtest.h>

namespace fidelity {
namespace {

TEST(Date, MonthArithmeticClampsTheDay) {
  EXPECT_EQ((Date{2026, 8, 31}.AddMonths(-6)), (Date{2026, 2, 28}));
  EXPECT_EQ((Date{2024, 8, 31}.AddMonths(-6)), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2026, 3, 15}.AddMonths(-12)), (Date{2025, 3, 15}));
  EXPECT_EQ((Date{2026, 1, 31}.AddMonths(-3)), (Date{2025, 10, 31}));
}

TEST(Date, ExcelSerials) {
  EXPECT_EQ(*DateFromSerial(1, false), (Date{1900, 1, 1}));
  EXPECT_EQ(*DateFromSerial(59, false), (Date{1900, 2, 28}));
  EXPECT_FALSE(DateFromSerial(60, false));  // the phantom 1900-02-29
  EXPECT_EQ(*DateFromSerial(61, false), (Date{1900, 3, 1}));
  EXPECT_EQ(*DateFromSerial(46307, false), (Date{2026, 10, 12}));
  EXPECT_EQ(*DateFromSerial(44845, true), (Date{2026, 10, 12}));  // 1904 system
}

TEST(Date, TextForms) {
  auto d = ParseDateText("2026/4/1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, (Date{2026, 4, 1}));
  EXPECT_EQ(d->form, DateForm::kSlash);
  EXPECT_EQ(ParseDateText("2026-04-01")->form, DateForm::kIso);
  EXPECT_EQ(ParseDateText("R6.4.1")->date, (Date{2024, 4, 1}));
  EXPECT_EQ(ParseDateText("R6.4.1")->form, DateForm::kWareki);
  EXPECT_EQ(ParseDateText("令和6年4月1日")->date, (Date{2024, 4, 1}));
  EXPECT_EQ(ParseDateText("H31.4.1")->date, (Date{2019, 4, 1}));
  EXPECT_EQ(ParseDateText("平成31年4月1日")->date, (Date{2019, 4, 1}));
  EXPECT_EQ(ParseDateText("令和元年5月1日")->date, (Date{2019, 5, 1}));
  EXPECT_FALSE(ParseDateText("2026/2/30"));
  EXPECT_FALSE(ParseDateText("昨日"));
  EXPECT_FALSE(ParseDateText("2026/04"));
  EXPECT_EQ(DaysBetween(Date{2026, 1, 1}, Date{2026, 3, 1}), 59);
}

}  // namespace
}  // namespace fidelity
