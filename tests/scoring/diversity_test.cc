// III-8/III-9: safe normalisation, near-duplicates for the reviewers, and
// the reviewers' own counts deciding the score.
#include "pipeline/scoring/diversity.h"

#include <gtest/gtest.h>

#include "pipeline/report/scores_json.h"
#include "tests/scoring/fixtures.h"

namespace fidelity {
namespace {

using test::AddJob;
using test::Ins;
using test::Review;
using test::Score;

Survey WithJobs(const std::vector<std::pair<std::string, std::string>>& jobs) {
  Survey s = test::GoodSurvey();
  s.jobs.clear();
  for (const auto& [type, company] : jobs) AddJob(s, type, company);
  for (auto& j : s.jobs) {
    j.job_type_where = "調査票2 直近の就労者リスト!C" + std::to_string(j.row);
    j.company_where = "調査票2 直近の就労者リスト!D" + std::to_string(j.row);
  }
  return s;
}

TEST(Diversity, CorporateFormsBracketsAndSpacesAreTheSameEmployer) {
  const auto& forms = Ins().corporate_forms;
  const std::string a = DiversityKey("株式会社エーワン", forms);
  EXPECT_EQ(a, "エーワン");
  for (const char* v : {"エーワン(株)", "エーワン（株）", "㈱エーワン", "エーワン 株式会社", "（株） エーワン", "エー ワン"})
    EXPECT_EQ(DiversityKey(v, forms), a) << v;
  EXPECT_EQ(DiversityKey("有限会社ＡＢＣ", forms), DiversityKey("abc(有)", forms));
  EXPECT_EQ(DiversityKey("社会福祉法人 みどり会", forms), DiversityKey("みどり会", forms));
  // Not merged: a different name, or a branch written out.
  EXPECT_NE(DiversityKey("エーワン物流", forms), a);
  // Job types: no corporate forms, only spaces and brackets.
  EXPECT_EQ(DiversityKey("清掃 （パート）", {}), DiversityKey("清掃パート", {}));
  EXPECT_NE(DiversityKey("清掃", {}), DiversityKey("清掃員", {}));
}

TEST(Diversity, NormalisationChangesTheEmployerCount) {
  Survey s = WithJobs({{"事務", "株式会社エーワン"}, {"清掃", "エーワン(株)"}, {"調理", "㈱エーワン"},
                       {"販売", "ビー商店"}, {"軽作業", "シー工業"}});
  DiversityCount d = CountDiversity(s, Ins(), true);
  EXPECT_EQ(d.counted, 5);
  EXPECT_EQ(d.distinct, 3);  // written as free text, 5 employers
  Computed c = ScoreDiversity(*Ins().FindItem("III-9"), s, Ins(), true, std::nullopt);
  EXPECT_EQ(*c.value, Rational(60));
  EXPECT_EQ(c.score, 3);
  EXPECT_TRUE(c.problems.empty());
}

TEST(Diversity, NearDuplicatesAreListedForTheCoordinatorOnly) {
  Survey s = WithJobs({{"清掃", "A"}, {"事務", "B"}, {"清掃員", "C"}, {"調理", "D"}, {"ビル清掃", "E"}, {"事務補助", "F"}});
  Computed c = ScoreDiversity(*Ins().FindItem("III-8"), s, Ins(), false, std::nullopt);
  EXPECT_EQ(c.score, 5);  // 6 distinct of 6: still the automatic default
  ASSERT_EQ(c.problems.size(), 2u);
  const Problem& p = c.problems[0];
  EXPECT_EQ(p.code, "scoring.near_duplicate");
  EXPECT_EQ(p.severity, Severity::kWarning);
  EXPECT_TRUE(p.coordinator_only);
  EXPECT_EQ(p.where, "調査票2 直近の就労者リスト!C5");
  EXPECT_EQ(p.message,
            "III-8: 「清掃」（C5）、「清掃員」（C7）、「ビル清掃」（C9）は同じ職種かもしれません。"
            "自動の数ではすべて別の職種として数えています。評価者が同じと判断したら、III-8 の count に"
            "「職種の数（重複ケースを除く）」を書いてください");
  EXPECT_NE(c.problems[1].message.find("「事務」（C6）、「事務補助」（C10）"), std::string::npos);
  // Nothing near: no hint.
  Survey plain = WithJobs({{"清掃", "A"}, {"事務", "B"}, {"調理", "C"}, {"販売", "D"}, {"介護", "E"}});
  EXPECT_TRUE(ScoreDiversity(*Ins().FindItem("III-8"), plain, Ins(), false, std::nullopt).problems.empty());
}

TEST(Diversity, TheReviewersCountDecides) {
  Survey s = WithJobs({{"清掃", "A"}, {"清掃員", "B"}, {"ビル清掃", "C"}, {"事務", "D"}, {"調理", "E"}});
  auto y = [](const std::string& name, const std::string& extra) { return Review(test::AllScoresYaml(name, 4, extra)); };
  // No count: automatic, 5 of 5 -> 5.
  AgencyScores a = Score(s, {y("山田", ""), y("佐藤", "")});
  EXPECT_EQ(test::Item(a, "III-8").score, 5);
  EXPECT_EQ(test::Item(a, "III-8").source, ScoreSource::kWorkbook);
  EXPECT_TRUE(test::HasProblem(a, "scoring.near_duplicate"));
  // Both reviewers count 3 job types: 60 % -> 3, the automatic score kept as a suggestion.
  a = Score(s, {y("山田", "  III-8: {count: 3, note: 清掃の3件は同じ職種}\n"), y("佐藤", "  III-8: {count: 3}\n")});
  const ItemScore& i8 = test::Item(a, "III-8");
  EXPECT_EQ(i8.score, 3);
  EXPECT_EQ(i8.source, ScoreSource::kReviewers);
  EXPECT_EQ(i8.reviewer_count, 3);
  EXPECT_EQ(i8.automatic_score, 5);
  EXPECT_EQ(*i8.value, Rational(60));
  EXPECT_FALSE(test::HasProblem(a, "scoring.near_duplicate"));
  const Json j = *ScoresToJson(a, AgencyInfo{}).get("items")->get("III-8");
  EXPECT_EQ(j.get("reviewer_count")->as_int(), 3);
  EXPECT_EQ(j.get("automatic_score")->as_int(), 5);
  EXPECT_EQ(j.get("source")->as_string(), "reviewers");
  EXPECT_EQ(ScoresToJson(a, AgencyInfo{}).get("items")->get("III-9")->get("reviewer_count"), nullptr);
  // One reviewer only gives a count: it is the only one, so it decides.
  a = Score(s, {y("山田", "  III-8: {count: 4}\n"), y("佐藤", "")});
  EXPECT_EQ(test::Item(a, "III-8").score, 4);  // 80 %
  // Counts differ and no consensus: missing, like scores.
  a = Score(s, {y("山田", "  III-8: {count: 3}\n"), y("佐藤", "  III-8: {count: 4}\n")});
  EXPECT_FALSE(test::Item(a, "III-8").score.has_value());
  EXPECT_TRUE(a.provisional);
  EXPECT_TRUE(test::HasProblem(a, "scoring.count_unresolved", "山田.yaml:18",
                               "III-8: 評価者の「職種の数（重複ケースを除く）」が一致せず（山田 3、佐藤 4）、"
                               "合議ファイルにもないため未確定です"));
  // The consensus file's count wins.
  ReviewerFile consensus = Review("reviewer: 合議\nitems:\n  III-8: {count: 4, note: 合議で決定}\n", "合議.yaml");
  a = Score(s, {y("山田", "  III-8: {count: 3}\n"), y("佐藤", "  III-8: {count: 4}\n")}, &consensus);
  EXPECT_EQ(test::Item(a, "III-8").score, 4);
  EXPECT_EQ(test::Item(a, "III-8").reviewer_count, 4);
}

TEST(Diversity, TheCountInTheRecordsSheet) {
  Survey s = WithJobs({{"清掃", "A"}, {"清掃員", "B"}, {"ビル清掃", "C"}, {"事務", "D"}, {"調理", "E"}});
  s.records.counts["III-8"] = 3;
  s.records.count_where["III-8"] = "計算シート2 支援記録等!C40";
  auto y = [](const std::string& extra) { return Review(test::AllScoresYaml("山田", 4, extra)); };
  AgencyScores a = Score(s, {y("")});
  EXPECT_EQ(test::Item(a, "III-8").score, 3);  // 60 %
  EXPECT_EQ(test::Item(a, "III-8").reviewer_count, 3);
  EXPECT_EQ(test::Item(a, "III-8").source, ScoreSource::kReviewers);
  // A file's count wins over the sheet's.
  a = Score(s, {y("  III-8: {count: 4}\n")});
  EXPECT_EQ(test::Item(a, "III-8").score, 4);
  // A sheet count over the rows: not used, the warning names the sheet's cell.
  s.records.counts["III-8"] = 9;
  a = Score(s, {y("")});
  EXPECT_EQ(test::Item(a, "III-8").score, 5);
  EXPECT_TRUE(test::HasProblem(a, "scoring.count_exceeds_rows", "計算シート2 支援記録等!C40"));
}

TEST(Diversity, ReviewerCountsForEmployersAndItsLimits) {
  Survey s = WithJobs({{"清掃", "エーワン"}, {"事務", "エーワン販売"}, {"調理", "B"}, {"販売", "C"}, {"介護", "D"}});
  auto y = [](const std::string& extra) { return Review(test::AllScoresYaml("山田", 4, extra)); };
  AgencyScores a = Score(s, {y("  III-9: {count: 4, note: エーワン販売はエーワンの店舗}\n")});
  EXPECT_EQ(test::Item(a, "III-9").score, 4);  // 4 of 5 = 80 %
  EXPECT_EQ(test::Item(a, "III-9").automatic_score, 5);
  // More than the rows: not used, the automatic count stands, with a warning.
  a = Score(s, {y("  III-9: {count: 6}\n")});
  EXPECT_EQ(test::Item(a, "III-9").score, 5);
  EXPECT_FALSE(test::Item(a, "III-9").reviewer_count.has_value());
  EXPECT_TRUE(test::HasProblem(a, "scoring.count_exceeds_rows", "山田.yaml:18"));
  // Fewer than 5 rows: 1 whatever the count.
  s.jobs.pop_back();
  a = Score(s, {y("  III-9: {count: 4}\n")});
  EXPECT_EQ(test::Item(a, "III-9").score, 1);
  // A score with a note still overrides the count's score.
  s = WithJobs({{"清掃", "A"}, {"事務", "B"}, {"調理", "C"}, {"販売", "D"}, {"介護", "E"}});
  a = Score(s, {y("  III-9: {count: 3, score: 2, note: 同じグループ企業が多い}\n")});
  EXPECT_EQ(test::Item(a, "III-9").score, 2);
  EXPECT_EQ(test::Item(a, "III-9").source, ScoreSource::kOverride);
}

}  // namespace
}  // namespace fidelity
