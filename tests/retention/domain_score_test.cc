#include "pipeline/retention/domain_score.h"

#include <gtest/gtest.h>

namespace fidelity::retention {
namespace {

std::string Mean(long sum, long n, int decimals = 1) { return FormatScaled(MeanHalfUp(sum, n, decimals)); }

TEST(DomainScoreTest, HalfUpToOneDecimalExactly) {
  EXPECT_EQ(Mean(17, 4), "4.3");  // 4.25: binary floating point would give 4.2
  EXPECT_EQ(Mean(9, 4), "2.3");   // 2.25
  EXPECT_EQ(Mean(36, 9), "4.0");
  EXPECT_EQ(Mean(5, 1), "5.0");
  EXPECT_EQ(Mean(10, 3), "3.3");  // 3.333…
  EXPECT_EQ(Mean(11, 3), "3.7");  // 3.666…
  EXPECT_EQ(Mean(29, 8), "3.6");  // 3.625
  EXPECT_EQ(Mean(27, 8), "3.4");  // 3.375
  EXPECT_EQ(Mean(1, 8), "0.1");   // 0.125
  EXPECT_EQ(Mean(9, 4, 0), "2");  // 2.25, no decimals
  EXPECT_EQ(Mean(10, 4, 0), "3");  // 2.5 half up
  EXPECT_EQ(Mean(29, 8, 2), "3.63");  // 3.625
  EXPECT_EQ(Mean(1, 3, 2), "0.33");
  EXPECT_THROW(MeanHalfUp(1, 0, 1), std::invalid_argument);
}

TEST(DomainScoreTest, EveryPossibleMeanMatchesLongDivision) {
  // Reference: long division to tenths, then half up on the remainder.
  for (long n = 1; n <= 9; ++n)
    for (long sum = n; sum <= 5 * n; ++sum) {
      long tenths = sum * 10 / n, rem = sum * 10 % n;
      if (2 * rem >= n) ++tenths;
      EXPECT_EQ(MeanHalfUp(sum, n, 1).value, tenths) << sum << "/" << n;
    }
}

Checklist Shipped() { return LoadChecklist(DefaultRetentionConfig()); }

TEST(DomainScoreTest, UnratedItemsAreLeftOutAndEmptyDomainsAreEmpty) {
  Checklist c = Shipped();
  Check check;
  check.ratings = {{"I-1", 5}, {"I-3", 4}, {"II-1", 1}, {"II-2", 2}, {"V-1", 2}, {"V-2", 3}};
  auto s = ScoreDomains(c, check);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].code, "I");
  EXPECT_EQ(s[0].items, 9);
  EXPECT_EQ(s[0].rated, 2);
  ASSERT_TRUE(s[0].score);
  EXPECT_EQ(FormatScaled(*s[0].score), "4.5");  // 9/2, not 9/9
  EXPECT_EQ(FormatScaled(*s[1].score), "1.5");
  EXPECT_FALSE(s[2].score);
  EXPECT_FALSE(s[3].score);
  EXPECT_EQ(FormatScaled(*s[4].score), "2.5");
  EXPECT_FALSE(s[5].score);
  EXPECT_EQ(s[5].rated, 0);
  EXPECT_EQ(LowestDomains(s), std::vector<size_t>{1});
}

TEST(DomainScoreTest, LowestDomainsKeepsTiesAndIsEmptyWhenNothingRated) {
  Checklist c = Shipped();
  Check check;
  check.ratings = {{"II-1", 2}, {"II-2", 3}, {"IV-1", 3}, {"IV-2", 2}, {"VI-1", 5}};
  auto s = ScoreDomains(c, check);
  EXPECT_EQ(LowestDomains(s), (std::vector<size_t>{1, 3}));  // II 2.5, IV 2.5
  Check none;
  EXPECT_TRUE(LowestDomains(ScoreDomains(c, none)).empty());
}

TEST(DomainScoreTest, TiesAreDecidedOnTheRoundedScore) {
  Checklist c = Shipped();
  Check check;
  // II: 9/4 = 2.25 -> 2.3; III: 7/3 = 2.333 -> 2.3: tied as shown.
  check.ratings = {{"II-1", 2}, {"II-2", 3}, {"II-3", 2}, {"II-4", 2},
                   {"III-1", 2}, {"III-2", 2}, {"III-3", 3}};
  auto s = ScoreDomains(c, check);
  EXPECT_EQ(FormatScaled(*s[1].score), "2.3");
  EXPECT_EQ(FormatScaled(*s[2].score), "2.3");
  EXPECT_EQ(LowestDomains(s), (std::vector<size_t>{1, 2}));
}

}  // namespace
}  // namespace fidelity::retention
