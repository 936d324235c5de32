// SPEC §3.1: items computed from the workbook, every band edge on both sides.
#include <gtest/gtest.h>

#include "pipeline/scoring/computed_items.h"
#include "tests/scoring/fixtures.h"

namespace fidelity::test {
namespace {

Computed Calc(const std::string& code, const Survey& s) {
  return ScoreComputedItem(*Ins().FindItem(code), s, Ins());
}

// A survey with `users` users and the given ES rows only.
Survey WithEs(int users, std::vector<StaffRow> es) {
  Survey s = GoodSurvey();
  s.staff = std::move(es);
  s.users.clear();
  AddUsers(s, users);
  return s;
}

TEST(WorkbookItems, GoodSurveyScoresFiveEverywhere) {
  Survey s = GoodSurvey();
  for (const char* code : {"I-1", "I-2", "III-8", "III-9", "III-10", "III-13"}) {
    Computed c = Calc(code, s);
    EXPECT_EQ(c.score, 5) << code;
    EXPECT_TRUE(c.problems.empty()) << code;
  }
  EXPECT_EQ(*Calc("I-1", s).value, Rational(15));
}

TEST(WorkbookItems, CaseloadExactly20IsFive) {
  // FTE = 35/35 × 80% × 100% = 0.8; 16 users / 0.8 = 20.0
  Computed c = Calc("I-1", WithEs(16, {Staff("ES", "35", "80", "100")}));
  EXPECT_EQ(*c.value, Rational(20));
  EXPECT_EQ(c.score, 5);
}

TEST(WorkbookItems, Caseload20Point01IsFour) {
  std::vector<StaffRow> es(100, Staff("ES", "35", "100", "100"));  // FTE 100
  Computed c = Calc("I-1", WithEs(2001, es));
  EXPECT_EQ(*c.value, R("20.01"));
  EXPECT_EQ(c.score, 4);
}

TEST(WorkbookItems, CaseloadOtherEdges) {
  EXPECT_EQ(Calc("I-1", WithEs(25, {Staff("ES", "35", "100", "100")})).score, 4);  // 25 -> (20,25]
  EXPECT_EQ(Calc("I-1", WithEs(26, {Staff("ES", "35", "100", "100")})).score, 3);
  EXPECT_EQ(Calc("I-1", WithEs(30, {Staff("ES", "35", "100", "100")})).score, 3);
  EXPECT_EQ(Calc("I-1", WithEs(31, {Staff("ES", "35", "100", "100")})).score, 2);
  EXPECT_EQ(Calc("I-1", WithEs(40, {Staff("ES", "35", "100", "100")})).score, 2);
  EXPECT_EQ(Calc("I-1", WithEs(41, {Staff("ES", "35", "100", "100")})).score, 1);
  // Part-time: 17.5 h × 50 % × 100 % = 0.25 FTE; 5 users -> 20
  EXPECT_EQ(*Calc("I-1", WithEs(5, {Staff("ES", "17.5", "50", "100")})).value, Rational(20));
  // Only ES rows count toward the FTE.
  Survey s = WithEs(20, {Staff("ES", "35", "100", "100"), Staff("CM", "35", "100", "100")});
  EXPECT_EQ(*Calc("I-1", s).value, Rational(20));
  // Role written in full width / lower case still counts.
  EXPECT_EQ(*Calc("I-1", WithEs(20, {Staff("ｅｓ", "35", "100", "100")})).value, Rational(20));
}

TEST(WorkbookItems, NoEsRowScoresOneWithAProblem) {
  Survey s = WithEs(10, {Staff("CM", "35", "0", "0", "100")});
  for (const char* code : {"I-1", "I-2", "III-13"}) {
    Computed c = Calc(code, s);
    EXPECT_EQ(c.score, 1) << code;
    ASSERT_EQ(c.problems.size(), 1u) << code;
    EXPECT_EQ(c.problems[0].code, "scoring.no_es");
    EXPECT_EQ(c.problems[0].severity, Severity::kWarning);
    EXPECT_EQ(c.problems[0].message, std::string(code) + ": 調査票3にESの行がないため1点としました");
    EXPECT_EQ(c.problems[0].where, "事前調査票.xlsx");
  }
}

TEST(WorkbookItems, ZeroFteAndZeroHours) {
  Computed c = Calc("I-1", WithEs(10, {Staff("ES", "35", "0", "100")}));
  EXPECT_EQ(c.score, 1);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "scoring.zero_fte");
  EXPECT_EQ(c.problems[0].message, "I-1: ESの常勤換算数が0のため1点としました");
  // Hours present but no employment share: I-2 is a real 0 %, no problem.
  c = Calc("I-2", WithEs(10, {Staff("ES", "35", "0", "100")}));
  EXPECT_EQ(c.score, 1);
  EXPECT_EQ(*c.value, Rational(0));
  EXPECT_TRUE(c.problems.empty());
  // No hours at all: I-2 and III-13 cannot divide.
  for (const char* code : {"I-2", "III-13"}) {
    c = Calc(code, WithEs(10, {Staff("ES", "0", "100", "100", "0", "100")}));
    EXPECT_EQ(c.score, 1);
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].code, "scoring.zero_hours");
    EXPECT_FALSE(c.value.has_value());
  }
}

TEST(WorkbookItems, NoUserRowIsAnError) {
  Computed c = Calc("I-1", WithEs(0, {Staff("ES", "35", "100", "100")}));
  EXPECT_FALSE(c.score.has_value());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "scoring.no_users");
  EXPECT_EQ(c.problems[0].severity, Severity::kError);
}

TEST(WorkbookItems, EsShareBandEdges) {
  auto i2 = [](const char* e, const char* f) { return Calc("I-2", WithEs(10, {Staff("ES", "35", e, f)})); };
  EXPECT_EQ(i2("60", "100").score, 2);     // exactly 60 %
  EXPECT_EQ(i2("100", "59.99").score, 1);  // just below
  EXPECT_EQ(i2("75", "100").score, 3);
  EXPECT_EQ(i2("74.99", "100").score, 2);
  EXPECT_EQ(i2("90", "100").score, 4);
  EXPECT_EQ(i2("96", "100").score, 5);
  EXPECT_EQ(i2("95.99", "100").score, 4);
  EXPECT_EQ(*i2("80", "75").value, Rational(60));  // E% × F%
  // Weighted by hours: 40 h at 100 % and 10 h at 0 % -> 80 %.
  Computed c = Calc("I-2", WithEs(10, {Staff("ES", "40", "100", "100"), Staff("ES", "10", "0", "0")}));
  EXPECT_EQ(*c.value, Rational(80));
  EXPECT_EQ(c.score, 3);
}

TEST(WorkbookItems, CommunityShareBandEdges) {
  auto h = [](const char* pct) { return Calc("III-13", WithEs(10, {Staff("ES", "35", "100", "100", "0", pct)})); };
  EXPECT_EQ(h("29.99").score, 1);
  EXPECT_EQ(h("30").score, 2);
  EXPECT_EQ(h("40").score, 3);
  EXPECT_EQ(h("49.99").score, 3);
  EXPECT_EQ(h("50").score, 4);
  EXPECT_EQ(h("64.99").score, 4);
  EXPECT_EQ(h("65").score, 5);
  Computed c = Calc("III-13", WithEs(10, {Staff("ES", "30", "100", "100", "0", "100"),
                                         Staff("ES", "10", "100", "100", "0", "0")}));
  EXPECT_EQ(*c.value, Rational(75));
}

Survey WithJobs(const std::vector<std::pair<std::string, std::string>>& jobs,
                const std::vector<std::string>& employment = {}) {
  Survey s = GoodSurvey();
  s.jobs.clear();
  for (size_t k = 0; k < jobs.size(); ++k)
    AddJob(s, jobs[k].first, jobs[k].second, k < employment.size() ? employment[k] : "一般求人");
  return s;
}

TEST(WorkbookItems, JobTypeDiversityNeedsFiveRows) {
  Survey four = WithJobs({{"清掃", "A社"}, {"事務", "B社"}, {"調理", "C社"}, {"販売", "D社"}});
  Computed c = Calc("III-8", four);
  EXPECT_EQ(c.score, 1);  // 4 rows: 1 whatever the share
  EXPECT_EQ(*c.value, Rational(100));
  EXPECT_TRUE(c.problems.empty());
  Survey five = WithJobs({{"清掃", "A社"}, {"事務", "B社"}, {"調理", "C社"}, {"販売", "D社"}, {"軽作業", "E社"}});
  EXPECT_EQ(Calc("III-8", five).score, 5);
}

TEST(WorkbookItems, JobTypeDiversityBandsAndNormalisation) {
  // 5 rows, "データ入力" written three ways (NFKC, spaces) -> 3 distinct = 60 %
  Survey s = WithJobs({{"データ入力", "A社"}, {"ﾃﾞｰﾀ入力", "B社"}, {" データ入力　", "C社"}, {"清掃", "D社"},
                       {"事務", "E社"}});
  Computed c = Calc("III-8", s);
  EXPECT_EQ(*c.value, Rational(60));
  EXPECT_EQ(c.score, 3);
  // 10 rows: 5 distinct = 50 % -> 2; 4 distinct = 40 % -> 1 (below 50)
  std::vector<std::pair<std::string, std::string>> jobs;
  for (int k = 0; k < 10; ++k) jobs.push_back({"職種" + std::to_string(k % 5), "企業"});
  EXPECT_EQ(Calc("III-8", WithJobs(jobs)).score, 2);
  for (auto& j : jobs) j.first = "職種" + std::to_string(std::stoi(j.first.substr(6)) % 4);
  EXPECT_EQ(*Calc("III-8", WithJobs(jobs)).value, Rational(40));
  EXPECT_EQ(Calc("III-8", WithJobs(jobs)).score, 1);
  // Inner spaces collapse: "一般 事務" == "一般　　事務"
  Survey t = WithJobs({{"一般 事務", "A"}, {"一般　　事務", "B"}, {"x", "C"}, {"y", "D"}, {"z", "E"}});
  EXPECT_EQ(*Calc("III-8", t).value, Rational(80));
}

TEST(WorkbookItems, EmployerDiversityLeavesSelfEmployedOut) {
  // 6 rows, one 自営: the ratio is over the 5 others (4 distinct companies = 80 %).
  Survey s = WithJobs({{"a", "A社"}, {"b", "A社"}, {"c", "B社"}, {"d", "C社"}, {"e", "D社"}, {"f", "自分"}},
                      {"一般求人", "障害者求人", "一般求人", "派遣", "特例子会社", "自営"});
  Computed c = Calc("III-9", s);
  EXPECT_EQ(*c.value, Rational(80));
  EXPECT_EQ(c.score, 4);
  // Five rows, two of them 自営: five rows are listed, so the ratio counts (3 of 3).
  Survey t = WithJobs({{"a", "A社"}, {"b", "B社"}, {"c", "C社"}, {"d", "自分"}, {"e", "自分"}},
                      {"一般求人", "一般求人", "一般求人", "自営", "自営"});
  EXPECT_EQ(Calc("III-9", t).score, 5);
  // Four rows: 1.
  Survey u = WithJobs({{"a", "A社"}, {"b", "B社"}, {"c", "C社"}, {"d", "D社"}});
  EXPECT_EQ(Calc("III-9", u).score, 1);
}

TEST(WorkbookItems, EmployerDiversityAllSelfEmployed) {
  Survey s = WithJobs({{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}, {"e", "E"}},
                      {"自営", "自営", "自営", "自営", "自営"});
  Computed c = Calc("III-9", s);
  EXPECT_EQ(c.score, 1);
  EXPECT_FALSE(c.value.has_value());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "scoring.all_self_employed");
  EXPECT_EQ(c.problems[0].message, "III-9: 調査票2の就労先がすべて自営のため1点としました");
}

Survey WithCounts(long long b1, long long b2, long long b3) {
  Survey s = GoodSurvey();
  SetCount(s, "B-1", b1);
  SetCount(s, "B-2", b2);
  SetCount(s, "B-3", b3);
  return s;
}

TEST(WorkbookItems, CompetitiveNeedsFiveWorkersOutsideSheltered) {
  Computed c = Calc("III-10", WithCounts(9, 4, 5));  // B-1 − B-3 = 4
  EXPECT_EQ(c.score, 1);
  c = Calc("III-10", WithCounts(4, 4, 0));  // 100 % but only 4 workers
  EXPECT_EQ(*c.value, Rational(100));
  EXPECT_EQ(c.score, 1);
  c = Calc("III-10", WithCounts(5, 5, 0));  // B-1 − B-3 = 5: computed
  EXPECT_EQ(c.score, 5);
  c = Calc("III-10", WithCounts(10, 5, 5));  // 5 workers, B-7 = 50 %
  EXPECT_EQ(*c.value, Rational(50));
  EXPECT_EQ(c.score, 1);
}

TEST(WorkbookItems, CompetitiveBandEdges) {
  EXPECT_EQ(Calc("III-10", WithCounts(20, 13, 0)).score, 2);        // 65 %
  EXPECT_EQ(Calc("III-10", WithCounts(10000, 6499, 0)).score, 1);   // 64.99 %
  EXPECT_EQ(Calc("III-10", WithCounts(20, 15, 0)).score, 3);        // 75 %
  EXPECT_EQ(Calc("III-10", WithCounts(20, 17, 0)).score, 4);        // 85 %
  EXPECT_EQ(Calc("III-10", WithCounts(20, 19, 0)).score, 5);        // 95 %
  EXPECT_EQ(Calc("III-10", WithCounts(10000, 9499, 0)).score, 4);   // 94.99 %
}

TEST(WorkbookItems, CompetitiveMissingCountIsWarned) {
  Survey s = GoodSurvey();
  s.counts.erase("B-1");
  Computed c = Calc("III-10", s);
  EXPECT_EQ(c.score, 1);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "scoring.missing_count");
  EXPECT_EQ(c.problems[0].message, "III-10: 調査票1のB-1が空欄のため0として計算しました");
}

TEST(WorkbookItems, ScoreAgencyCarriesTheProblems) {
  Survey s = WithEs(10, {Staff("CM", "35", "0", "0", "100")});
  AgencyScores a = Score(s, {Review(AllScoresYaml("山田", 3))});
  EXPECT_EQ(CountProblems(a, "scoring.no_es"), 3);
  EXPECT_EQ(Item(a, "I-1").score, 1);
  EXPECT_EQ(Item(a, "I-1").source, ScoreSource::kWorkbook);
  Survey none = WithEs(0, {Staff("ES", "35", "100", "100")});
  a = Score(none, {Review(AllScoresYaml("山田", 3))});
  EXPECT_TRUE(HasError(a.problems));
  EXPECT_FALSE(Item(a, "I-1").score.has_value());
}

}  // namespace
}  // namespace fidelity::test
