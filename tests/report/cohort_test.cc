// The cohort model: exact medians and quartiles, provisional and failed
// agencies left out, the five-agency rule, the trend over earlier cycles.
#include "pipeline/report/cohort.h"

#include <gtest/gtest.h>

#include "pipeline/instrument/instrument.h"

namespace fidelity::report {
namespace {

CohortSpec Spec() { return CohortSpecOf(LoadInstrumentFile(DefaultInstrumentPath()), "2026年度", 5); }

// A scored agency with every item at `score` except item 0 at `first`.
CohortRow Row(const CohortSpec& s, const std::string& id, int first, int score = 3) {
  CohortRow r;
  r.id = id;
  r.status = CohortStatus::kScored;
  r.items.assign(s.item_codes.size(), score);
  r.items[0] = first;
  int total = first + score * static_cast<int>(s.item_codes.size() - 1);
  r.total = total;
  r.band = total >= 74 ? "fair" : "not_supported";
  r.subtotals = {3 * score, 8 * score, 14 * score};
  r.subtotal_ranges.assign(3, std::nullopt);
  return r;
}

TEST(Quartiles, OddCountIsTheMiddleValue) {
  auto q = QuartilesOf({5, 1, 3, 2, 4});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->median, 3);
  EXPECT_EQ(q->q1, 2);
  EXPECT_EQ(q->q3, 4);
}

TEST(Quartiles, EvenCountIsTheMeanOfTheTwoMiddleValues) {
  auto q = QuartilesOf({4, 1, 2, 5});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->median, 3);   // (2 + 4) / 2
  EXPECT_EQ(q->q1, 1.75);    // QUARTILE.INC({1,2,4,5},1)
  EXPECT_EQ(q->q3, 4.25);
  auto six = QuartilesOf({1, 2, 3, 4, 5, 5});
  EXPECT_EQ(six->median, 3.5);
  EXPECT_EQ(six->q1, 2.25);
  EXPECT_EQ(six->q3, 4.75);
}

TEST(Quartiles, TiesAndSingleValues) {
  auto q = QuartilesOf({3, 3, 3, 1, 3, 5});
  EXPECT_EQ(q->median, 3);
  EXPECT_EQ(q->q1, 3);
  EXPECT_EQ(q->q3, 3);
  auto one = QuartilesOf({4});
  EXPECT_EQ(one->q1, 4);
  EXPECT_EQ(one->median, 4);
  EXPECT_EQ(one->q3, 4);
  EXPECT_FALSE(QuartilesOf({}));
}

TEST(Cohort, ProvisionalAndFailedAgenciesAreLeftOutOfTheStatistics) {
  CohortSpec s = Spec();
  std::vector<CohortRow> rows;
  for (int i = 0; i < 5; ++i) rows.push_back(Row(s, "a" + std::to_string(i), i + 1));
  CohortRow prov = Row(s, "p", 5);
  prov.status = CohortStatus::kProvisional;
  prov.total.reset();
  prov.total_range = std::make_pair(90, 100);
  rows.push_back(prov);
  rows.push_back(FailedCohortRow("f", "失敗する機関", "地域事業所",
                                 {Error("survey.x", "調査票1!C3", "数値ではありません"), Warning("w", "", "注意")}));
  CohortModel m = BuildCohort(s, rows, {});
  EXPECT_EQ(m.scored, 5);
  EXPECT_EQ(m.provisional, 1);
  EXPECT_EQ(m.failed, 1);
  EXPECT_EQ(m.rows[6].reason, "数値ではありません（調査票1!C3）");
  EXPECT_EQ(m.rows[6].warnings, 1);
  ASSERT_TRUE(m.items[0].q);
  EXPECT_EQ(m.items[0].n, 5);  // the provisional agency's 5 is not counted
  EXPECT_EQ(m.items[0].q->median, 3);
  EXPECT_EQ(m.items[0].q->q1, 2);
  EXPECT_EQ(m.items[0].count[0], 1);
  EXPECT_EQ(m.items[0].count[4], 1);
  EXPECT_DOUBLE_EQ(m.items[0].mean, 3);
  ASSERT_EQ(m.trend.size(), 1u);
  EXPECT_EQ(m.trend[0].scored, 5);
  EXPECT_EQ(m.trend[0].provisional, 1);
  EXPECT_EQ(m.trend[0].failed, 1);
  EXPECT_TRUE(m.region.shown);
  EXPECT_EQ(m.region.agencies, 5);
  EXPECT_EQ(m.region.item_median.at(s.item_codes[0]), 3);
  EXPECT_EQ(m.region.item_quartiles.at(s.item_codes[0]), std::make_pair(2.0, 4.0));
}

TEST(Cohort, FewerThanFiveScoredAgenciesShowNoRegionFigures) {
  CohortSpec s = Spec();
  std::vector<CohortRow> rows;
  for (int i = 0; i < 4; ++i) rows.push_back(Row(s, "a" + std::to_string(i), 2));
  CohortRow prov = Row(s, "p", 5);
  prov.status = CohortStatus::kProvisional;  // a fifth agency, but provisional: still 4
  rows.push_back(prov);
  CohortModel m = BuildCohort(s, rows, {});
  EXPECT_EQ(m.scored, 4);
  EXPECT_FALSE(m.region.shown);
  EXPECT_EQ(m.region.agencies, 4);
  EXPECT_TRUE(m.region.item_median.empty());
  EXPECT_TRUE(m.region.item_quartiles.empty());
  // The coordinator's own statistics are still there.
  EXPECT_EQ(m.items[0].q->median, 2);
}

TEST(Cohort, TrendHasEveryEarlierCycleOldestFirstThenThisOne) {
  CohortSpec s = Spec();
  PastCycle y24{"2024年度", "out/2024", 1, {}};
  CyclePoint a;
  a.cycle = "2024年度";
  a.total = 70;
  a.band = "not_supported";
  a.subtotals = {{"staffing", 6}, {"organization", 20}, {"services", 44}};
  CyclePoint b = a;
  b.total = 80;
  b.band = "fair";
  b.subtotals["staffing"] = 8;
  CyclePoint c = a;
  c.total.reset();
  c.band.clear();
  c.subtotals["staffing"] = std::nullopt;
  y24.agencies = {{"x", a}, {"y", b}, {"z", c}};
  PastCycle y25{"2025年度", "out/2025", 0, {{"x", b}}};
  CohortModel m = BuildCohort(s, {Row(s, "x", 3)}, {y24, y25});
  ASSERT_EQ(m.trend.size(), 3u);
  EXPECT_EQ(m.trend[0].cycle, "2024年度");
  EXPECT_EQ(m.trend[0].scored, 2);
  EXPECT_EQ(m.trend[0].provisional, 1);
  EXPECT_EQ(m.trend[0].failed, 1);
  EXPECT_EQ(m.trend[0].total->median, 75);
  EXPECT_EQ(*m.trend[0].subtotal_median[0], 7);
  // bands are highest first: exemplary, good, fair, not_supported
  EXPECT_EQ(m.trend[0].bands, (std::vector<int>{0, 0, 1, 1}));
  EXPECT_EQ(m.trend[1].cycle, "2025年度");
  EXPECT_EQ(m.trend[1].total->median, 80);
  EXPECT_EQ(m.trend[2].cycle, "2026年度");
  EXPECT_EQ(m.trend[2].scored, 1);
}

TEST(Cohort, RowChangeNeedsBothTotals) {
  CohortSpec s = Spec();
  CohortRow r = Row(s, "x", 3);
  EXPECT_FALSE(r.Change());
  r.previous_total = 70;
  EXPECT_EQ(*r.Change(), *r.total - 70);
}

}  // namespace
}  // namespace fidelity::report
