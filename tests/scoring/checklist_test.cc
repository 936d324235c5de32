// SPEC §3.4: checklist items, from ticks in reviewer files.
#include "pipeline/scoring/checklist.h"

#include <gtest/gtest.h>

#include "tests/scoring/fixtures.h"

namespace fidelity::test {
namespace {

std::optional<int> Checks(const std::string& code, std::map<std::string, int> ticks,
                          std::map<std::string, bool> flags = {}) {
  return ScoreChecklist(*Ins().FindItem(code), ticks, flags);
}

// One item written in a reviewer file, scored with the good survey.
const ItemScore& One(AgencyScores& keep, const std::string& code, const std::string& body,
                     const Survey& s = GoodSurvey()) {
  keep = Score(s, {Review(AllScoresYaml("山田", 3, "  " + code + ": " + body + "\n"))});
  return Item(keep, code);
}

TEST(Checklist, CountPlusOne) {
  EXPECT_EQ(Checks("II-2", {}), 1);
  EXPECT_EQ(Checks("II-2", {{"i", 1}, {"iii", 1}}), 3);
  EXPECT_EQ(Checks("II-2", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}}), 5);
  EXPECT_EQ(Checks("III-2", {{"ii", 1}}), 2);
  EXPECT_EQ(Checks("III-1", {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 0}}), 4);
  EXPECT_EQ(Checks("III-7", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}}), 5);
  EXPECT_EQ(Checks("III-12", {{"iv", 1}}), 2);
}

TEST(Checklist, NoCmAndRarelyMeetsEmployersForceOne) {
  EXPECT_EQ(Checks("II-2", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}}, {{"no_cm", true}}), 1);
  EXPECT_EQ(Checks("II-2", {{"i", 1}}, {{"no_cm", false}}), 2);
  EXPECT_EQ(Checks("III-7", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}}, {{"rarely_meets_employers", true}}), 1);
  AgencyScores a;
  EXPECT_EQ(One(a, "II-2", "{checks: {i: true, ii: true}, no_cm: true}").score, 1);
  EXPECT_EQ(One(a, "II-2", "{checks: {i: true, ii: true, no_cm: true}}").score, 1);
  EXPECT_EQ(One(a, "II-2", "{no_cm: true}").score, 1);  // the flag alone decides
  EXPECT_EQ(One(a, "II-2", "{no_cm: true}").value_text, "no_cm");
  EXPECT_EQ(One(a, "III-7", "{checks: {i: true, ii: true, iii: true, iv: true}, rarely_meets_employers: true}").score, 1);
}

TEST(Checklist, OneOrNoneIsOne) {
  for (const char* code : {"II-5", "II-7", "II-8"}) {
    EXPECT_EQ(Checks(code, {}), 1) << code;
    EXPECT_EQ(Checks(code, {{"v", 1}}), 1) << code;
    EXPECT_EQ(Checks(code, {{"i", 1}, {"v", 1}}), 2) << code;
    EXPECT_EQ(Checks(code, {{"i", 1}, {"ii", 1}, {"iv", 1}}), 3) << code;
    EXPECT_EQ(Checks(code, {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}, {"v", 1}}), 5) << code;
  }
}

TEST(Checklist, ExclusionCriteria) {
  EXPECT_EQ(Checks("II-6", {}), 5);
  EXPECT_EQ(Checks("II-6", {{"a", 1}}), 1);                     // a decides
  EXPECT_EQ(Checks("II-6", {{"a", 1}, {"d", 0}}), 1);
  EXPECT_EQ(Checks("II-6", {{"d", 1}}), 4);
  EXPECT_EQ(Checks("II-6", {{"d", 1}, {"e", 1}}), 3);
  EXPECT_EQ(Checks("II-6", {{"b", 1}, {"d", 1}, {"e", 1}}), 2);
  EXPECT_EQ(Checks("II-6", {{"b", 3}, {"c", 2}, {"d", 1}, {"e", 1}}), 2);  // ≥ 3
  AgencyScores a;
  // Each listed reason counts one: 3 reasons in b -> 2.
  EXPECT_EQ(One(a, "II-6", "{checks: {b: [犯罪歴や暴力行為の履歴がある, 病識がない, 通所が難しい]}}").score, 2);
  EXPECT_EQ(One(a, "II-6", "{checks: {b: [病識がない, 通所が難しい]}}").score, 3);
  EXPECT_EQ(One(a, "II-6", "{checks: {b: [病識がない, 通所が難しい]}}").value_text, "b×2");
  EXPECT_EQ(One(a, "II-6", "{checks: {b: [], c: [], d: false, e: false}}").score, 5);
  EXPECT_EQ(One(a, "II-6", "{checks: {b: true, c: [就労意欲が不安定]}}").score, 3);
  EXPECT_EQ(One(a, "II-6", "{checks: {a: true, b: []}}").score, 1);
  // The spec's example: b has one reason, e ticked -> 2 boxes -> 3.
  EXPECT_EQ(One(a, "II-6", "{checks: {a: false, b: [犯罪歴や暴力行為の履歴がある], c: [], d: false, e: true}}").score, 3);
}

TEST(Checklist, OrderedPrefix) {
  EXPECT_EQ(Checks("III-14", {}), 1);
  EXPECT_EQ(Checks("III-14", {{"i", 1}}), 1);
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"ii", 1}}), 2);
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"ii", 1}, {"iii", 1}}), 3);
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}}), 4);
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"v", 1}}), 4);
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"ii", 1}, {"iii", 1}, {"iv", 1}, {"v", 1}}), 5);
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"ii", 1}, {"iv", 1}}), 2);              // i+ii+iv -> 2
  EXPECT_EQ(Checks("III-14", {{"i", 1}, {"iii", 1}, {"iv", 1}, {"v", 1}}), 1);   // i+iii+iv+v -> 1
  EXPECT_EQ(Checks("III-14", {{"ii", 1}, {"iii", 1}, {"iv", 1}, {"v", 1}}), 1);  // no i -> 1
}

TEST(Checklist, SourceAndValue) {
  AgencyScores a;
  const ItemScore& s = One(a, "III-2", "{checks: {i: true, iii: true}}");
  EXPECT_EQ(s.score, 3);
  EXPECT_EQ(s.source, ScoreSource::kChecklist);
  EXPECT_EQ(s.value_text, "i, iii");
  const ItemScore& t = One(a, "III-2", "{score: 3}");
  EXPECT_EQ(t.source, ScoreSource::kReviewers);
  EXPECT_EQ(t.value_text, "");
}

TEST(Checklist, ScoreAndChecksDisagreeScoreWinsWithAWarning) {
  AgencyScores a;
  const ItemScore& s = One(a, "II-2", "{score: 4, checks: {i: true, iii: true}}");
  EXPECT_EQ(s.score, 4);
  EXPECT_EQ(s.source, ScoreSource::kReviewers);
  EXPECT_TRUE(HasProblem(a, "scoring.score_checks_differ", "山田.yaml:17",
                         "II-2: score 4 とチェックから求めた得点 3 が違うため、score を使います"));
  One(a, "II-2", "{score: 3, checks: {i: true, iii: true}}");
  EXPECT_EQ(CountProblems(a, "scoring.score_checks_differ"), 0);
}

TEST(Checklist, SevereShareDecidesII7iii) {
  Survey s = GoodSurvey();
  s.users.clear();
  AddUsers(s, 7, 1, 1);
  AddUsers(s, 3, 1, 0);  // 70 % severe
  AgencyScores a;
  // The reviewer did not tick iii; the workbook does.
  EXPECT_EQ(One(a, "II-7", "{checks: {i: true, ii: true}}", s).score, 3);
  EXPECT_EQ(One(a, "II-7", "{checks: {i: true, ii: true}}", s).value_text, "i, ii, iii");
  s.users.clear();
  AddUsers(s, 69, 1, 1);
  AddUsers(s, 31, 1, 0);  // 69 %: the reviewer's tick is overruled
  EXPECT_EQ(One(a, "II-7", "{checks: {i: true, ii: true, iii: true}}", s).score, 2);
}

TEST(Checklist, RecordsDecideIII12i) {
  Survey s = GoodSurvey();  // one case, all three columns 1
  AgencyScores a;
  EXPECT_EQ(One(a, "III-12", "{checks: {ii: true}}", s).score, 3);
  s.records.iii12i.push_back({"III-12-i-2", {1, 0, 1}});  // one case misses a week
  EXPECT_EQ(One(a, "III-12", "{checks: {i: true, ii: true}}", s).score, 2);
  s.records.iii12i.clear();  // no case: not met
  EXPECT_EQ(One(a, "III-12", "{checks: {i: true, ii: true}}", s).score, 2);
  s.records = RecordSheet{};  // no sheet: the reviewer's tick stands
  EXPECT_EQ(One(a, "III-12", "{checks: {i: true, ii: true}}", s).score, 3);
}

}  // namespace
}  // namespace fidelity::test
