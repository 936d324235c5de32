// SPEC §3.2: items computed from 計算シート2.
#include <gtest/gtest.h>

#include "pipeline/scoring/computed_items.h"
#include "tests/scoring/fixtures.h"

namespace fidelity::test {
namespace {

Computed Calc(const std::string& code, const Survey& s) {
  return ScoreComputedItem(*Ins().FindItem(code), s, Ins());
}

Survey WithI3(std::array<std::optional<int>, 6> v, bool present = true) {
  Survey s = GoodSurvey();
  s.records.i3 = v;
  s.records.i3_block_present = present;
  return s;
}

TEST(RecordsItems, EsServicesCounts) {
  EXPECT_EQ(Calc("I-3", WithI3({1, 1, 1, 1, 1, 1})).score, 5);
  EXPECT_EQ(Calc("I-3", WithI3({1, 1, 1, 1, 1, 0})).score, 4);
  EXPECT_EQ(Calc("I-3", WithI3({1, 0, 1, 1, 1, std::nullopt})).score, 3);
  Computed c = Calc("I-3", WithI3({1, 1, 1, 0, 0, 0}));
  EXPECT_FALSE(c.score.has_value());
  EXPECT_TRUE(c.needs_reviewers);
  EXPECT_EQ(*c.value, Rational(3));
  c = Calc("I-3", WithI3({std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt}));
  EXPECT_TRUE(c.needs_reviewers);
  EXPECT_FALSE(c.value.has_value());
  EXPECT_TRUE(Calc("I-3", WithI3({1, 1, 1, 1, 1, 1}, false)).needs_reviewers);  // block missing
}

std::string I3Yaml(int score) {
  return AllScoresYaml("山田", 4, "  I-3: {score: " + std::to_string(score) + ", note: インタビューで判断}\n");
}

TEST(RecordsItems, EsServicesBelowFourTakesTheInterviewScore) {
  Survey s = WithI3({1, 1, 0, 0, 0, 0});
  AgencyScores a = Score(s, {Review(I3Yaml(2))});
  EXPECT_EQ(Item(a, "I-3").score, 2);
  EXPECT_EQ(Item(a, "I-3").source, ScoreSource::kReviewers);
  EXPECT_EQ(*Item(a, "I-3").value, Rational(2));
}

TEST(RecordsItems, EsServicesBelowFourRejectsThreeToFive) {
  Survey s = WithI3({1, 1, 0, 0, 0, 0});
  AgencyScores a = Score(s, {Review(I3Yaml(3))});
  EXPECT_FALSE(Item(a, "I-3").score.has_value());
  EXPECT_TRUE(a.provisional);
  EXPECT_TRUE(HasProblem(a, "scoring.interview_score", "山田.yaml:18",
                         "I-3: 計算シート2で確認できたサービスが4つ未満のため、得点は1か2のいずれかです（3）。この項目は未確定です"));
  EXPECT_EQ(a.missing, std::vector<std::string>{"I-3"});
}

TEST(RecordsItems, EsServicesBelowFourWithoutAScoreIsMissing) {
  AgencyScores a = Score(WithI3({1, 1, 0, 0, 0, 0}), {Review(AllScoresYaml("山田", 4))});
  EXPECT_FALSE(Item(a, "I-3").score.has_value());
  EXPECT_EQ(CountProblems(a, "scoring.needs_interview"), 1);
  EXPECT_EQ(CountProblems(a, "scoring.no_score"), 0);  // one problem says why
}

TEST(RecordsItems, EsServicesComputedIsOverriddenOnlyWithANote) {
  Survey s = WithI3({1, 1, 1, 1, 1, 1});
  AgencyScores a = Score(s, {Review(I3Yaml(2))});
  EXPECT_EQ(Item(a, "I-3").score, 2);
  EXPECT_EQ(Item(a, "I-3").source, ScoreSource::kOverride);
  a = Score(s, {Review(AllScoresYaml("山田", 4, "  I-3: 2\n"))});
  EXPECT_EQ(Item(a, "I-3").score, 5);
  EXPECT_EQ(Item(a, "I-3").source, ScoreSource::kRecords);
}

Survey WithContacts(std::vector<RecordSheet::ContactCase> cases) {
  Survey s = GoodSurvey();
  s.records.iii4 = std::move(cases);
  return s;
}

TEST(RecordsItems, MonthsToContactEdges) {
  Date reg{2026, 3, 1};
  auto after = [&](int days) { return Date::FromDaysSinceEpoch(reg.DaysSinceEpoch() + days); };
  Computed c = Calc("III-4", WithContacts({Contact(1, reg, after(30))}));
  EXPECT_EQ(*c.value, Rational(1));  // exactly 30 days: the standard's 「30日以内」, so 5 (SPEC §3.2: ≤ 1 → 5)
  EXPECT_EQ(c.score, 5);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(31))})).score, 4);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(29))})).score, 5);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(59))})).score, 4);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(60))})).score, 3);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(149))})).score, 3);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(150))})).score, 2);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(269))})).score, 2);
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(270))})).score, 1);
  // Mean 30.14 days (six cases at 30 days, one at 31: 211/7 = 30.142… days): just over a month -> 4
  std::vector<RecordSheet::ContactCase> seven;
  for (int k = 1; k <= 7; ++k) seven.push_back(Contact(k, reg, after(k == 7 ? 31 : 30)));
  c = Calc("III-4", WithContacts(seven));
  EXPECT_EQ(*c.value, Rational::Fraction(211, 210));
  EXPECT_EQ(c.score, 4);
  // 50 cases whose mean is exactly 30.14 days: 4
  std::vector<RecordSheet::ContactCase> fifty;
  for (int k = 1; k <= 50; ++k) fifty.push_back(Contact(k, reg, after(k <= 7 ? 31 : 30)));
  c = Calc("III-4", WithContacts(fifty));
  EXPECT_EQ(*c.value * Rational(30), *Rational::FromDecimal("30.14"));
  EXPECT_EQ(c.score, 4);
  // Mean over cases: 20 and 41 days -> 30.5 days -> 1.0166… months -> 4
  c = Calc("III-4", WithContacts({Contact(1, reg, after(20)), Contact(2, reg, after(41))}));
  EXPECT_EQ(*c.value, Rational::Fraction(61, 60));
  EXPECT_EQ(c.score, 4);
  // 20 and 39 days -> 29.5 -> 5
  EXPECT_EQ(Calc("III-4", WithContacts({Contact(1, reg, after(20)), Contact(2, reg, after(39))})).score, 5);
}

TEST(RecordsItems, MonthsToContactCalendarDays) {
  // 2026-01-31 -> 2026-03-02 is 30 calendar days.
  Computed c = Calc("III-4", WithContacts({Contact(1, Date{2026, 1, 31}, Date{2026, 3, 2})}));
  EXPECT_EQ(*c.value, Rational(1));
}

TEST(RecordsItems, NoContactCountsDaysToTheRecordDate) {
  // 記載日 2026-10-01; registered 2026-09-01: 30 days -> 1 month -> 5
  Computed c = Calc("III-4", WithContacts({Contact(1, Date{2026, 9, 1}, std::nullopt)}));
  EXPECT_EQ(*c.value, Rational(1));
  EXPECT_EQ(c.score, 5);
  EXPECT_TRUE(c.problems.empty());
}

TEST(RecordsItems, ContactBeforeRegistrationCountsZeroWithAWarning) {
  Computed c = Calc("III-4", WithContacts({Contact(3, Date{2026, 5, 10}, Date{2026, 5, 1}),
                                           Contact(4, Date{2026, 5, 1}, Date{2026, 7, 30})}));
  EXPECT_EQ(*c.value, Rational::Fraction(90, 60));  // (0 + 90) / 2 / 30
  EXPECT_EQ(c.score, 4);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "scoring.contact_before_registration");
  EXPECT_EQ(c.problems[0].where, "計算シート2 支援記録等!C23");
  EXPECT_EQ(c.problems[0].message, "III-4-3: 初回接触日が登録日より前のため0日として数えました");
}

TEST(RecordsItems, NoCaseScoresOneWithAWarning) {
  for (const char* code : {"III-4", "III-5"}) {
    Survey s = GoodSurvey();
    s.records.iii4.clear();
    s.records.iii5.clear();
    Computed c = Calc(code, s);
    EXPECT_EQ(c.score, 1) << code;
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].code, "scoring.no_cases");
    EXPECT_EQ(c.problems[0].severity, Severity::kWarning);
  }
}

TEST(RecordsItems, IndividualizedShareEdges) {
  auto share = [](std::vector<int> v) {
    Survey s = GoodSurvey();
    s.records.iii5 = std::move(v);
    return Calc("III-5", s);
  };
  EXPECT_EQ(share({1, 0, 0, 0}).score, 2);                       // 25 %
  EXPECT_EQ(share({1, 0, 0, 0, 0}).score, 1);                    // 20 %
  EXPECT_EQ(share({1, 1, 0, 0}).score, 3);                       // 50 %
  EXPECT_EQ(share({1, 1, 1, 0}).score, 4);                       // 75 %
  EXPECT_EQ(share({1, 1, 1, 1, 1, 1, 1, 1, 1, 0}).score, 5);     // 90 %
  EXPECT_EQ(share({1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1}).score, 4);  // 81.8 %
  EXPECT_EQ(*share({1, 1, 0}).value, Rational::Fraction(200, 3));
}

TEST(RecordsItems, SupportBoxes) {
  Survey s = GoodSurvey();
  s.records.iii11.clear();
  EXPECT_EQ(Calc("III-11", s).score, 1);
  // places: 3 of 6 met; to whom: 2 of 6 not met; from whom: 4 of 10 met; services 4 of 13 not met
  for (const char* k : {"1a", "1b", "1e", "2a", "2b", "3a", "3b", "3c", "3j", "4a", "4b", "4c", "4m"})
    s.records.iii11[k] = 1;
  s.records.iii11["2c"] = 0;
  Computed c = Calc("III-11", s);
  EXPECT_EQ(*c.value, Rational(2));
  EXPECT_EQ(c.score, 3);
  s.records.iii11["4d"] = 1;  // services 5 of 13
  s.records.iii11["2f"] = 1;  // to whom 3 of 6
  EXPECT_EQ(Calc("III-11", s).score, 5);
}

TEST(RecordsItems, MissingSheetFallsBackToTheReviewers) {
  Survey s = GoodSurvey();
  s.records = RecordSheet{};  // not present
  Computed c = Calc("III-5", s);
  EXPECT_TRUE(c.needs_reviewers);
  AgencyScores a = Score(s, {Review(AllScoresYaml("山田", 4, "  III-5: 3\n  I-3: 4\n"))});
  EXPECT_EQ(Item(a, "III-5").score, 3);
  EXPECT_EQ(Item(a, "III-5").source, ScoreSource::kReviewers);
  EXPECT_EQ(Item(a, "I-3").score, 4);  // without the sheet the interview range does not apply
  EXPECT_FALSE(Item(a, "III-4").score.has_value());
  EXPECT_EQ(CountProblems(a, "scoring.no_records_sheet"), 4);  // I-3, III-4, III-5, III-11
  EXPECT_EQ(CountProblems(a, "scoring.no_score"), 0);
}

}  // namespace
}  // namespace fidelity::test
