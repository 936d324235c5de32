// Consistency hints: each rule of config/consistency.yaml firing when the
// reviewers' score contradicts the workbook, and silent when consistent.
#include "pipeline/scoring/consistency.h"

#include <gtest/gtest.h>

#include "tests/scoring/fixtures.h"

namespace fidelity {
namespace {

using test::Ins;
using test::Review;

const ConsistencyRules& Rules() {
  static const ConsistencyRules r =
      LoadConsistencyRules(ReadFile(DefaultConsistencyPath()), "consistency.yaml", Ins());
  return r;
}

// A survey consistent with every rule: 2 ES (G = 0), a CM, an SV; the shares agree.
Survey Consistent() {
  Survey s = test::GoodSurvey();
  s.sheet_names["staff"] = "調査票3 スタッフ配置";
  s.sheet_names["users"] = "調査票4 利用者一覧";
  s.staff.push_back(test::Staff("SV", "35", "50", "100"));
  for (size_t k = 0; k < s.staff.size(); ++k) s.staff[k].row = 6 + static_cast<int>(k);
  return s;
}

std::vector<std::string> Codes(const Survey& s, const std::string& extra = "", int score = 4) {
  std::vector<ReviewerFile> rv = {Review(test::AllScoresYaml("山田", score, extra))};
  AgencyScores a = ScoreAgency(s, rv, nullptr, Ins(), nullptr, &Rules());
  std::vector<std::string> out;
  for (const auto& p : a.problems)
    if (p.code.rfind("consistency.", 0) == 0) {
      EXPECT_TRUE(p.coordinator_only) << p.code;
      EXPECT_EQ(p.severity, Severity::kWarning);
      out.push_back(p.code);
    }
  return out;
}

using V = std::vector<std::string>;

TEST(Consistency, ConsistentWorkbookGivesNoHint) {
  EXPECT_EQ(Codes(Consistent()), V{});
  // Without the rules, ScoreAgency gives no hint at all.
  Survey s = Consistent();
  s.staff.erase(s.staff.begin() + 2);  // the CM
  AgencyScores a = ScoreAgency(s, {Review(test::AllScoresYaml("山田", 4))}, nullptr, Ins(), nullptr);
  for (const auto& p : a.problems) EXPECT_NE(p.code.rfind("consistency.", 0), 0u) << p.code;
}

TEST(Consistency, NoCaseManager) {
  Survey s = Consistent();
  s.staff.erase(s.staff.begin() + 2);  // the CM
  EXPECT_EQ(Codes(s), (V{"consistency.ii1_no_cm", "consistency.ii2_no_cm"}));
  // The reviewers scored II-1 and II-2 as the manual says: nothing to say.
  EXPECT_EQ(Codes(s, "  II-1: 1\n  II-2: {checks: {i: true}, no_cm: true}\n"), V{});
  std::vector<ReviewerFile> rv = {Review(test::AllScoresYaml("山田", 4))};
  AgencyScores a = ScoreAgency(s, rv, nullptr, Ins(), nullptr, &Rules());
  const Problem* p = nullptr;
  for (const auto& q : a.problems)
    if (q.code == "consistency.ii1_no_cm") p = &q;
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->where, "調査票3 スタッフ配置");
  EXPECT_EQ(p->message,
            "II-1: 評価者の得点は 4 ですが、調査票3 スタッフ配置 の役割: ES 2人、CM 0人、SV 1人。"
            "ルール: 機関内にケアマネジャーがいないとき II-1 は1点（II-1 アンカー1）");
}

TEST(Consistency, EsDoublesAsCaseManager) {
  Survey s = Consistent();
  s.staff[1].life_pct = Rational(60);  // the second ES (row 7) mostly does life support
  EXPECT_EQ(Codes(s), (V{"consistency.ii1_es_as_cm", "consistency.ii2_es_as_cm"}));
  EXPECT_EQ(Codes(s, "  II-1: 1\n  II-2: 1\n"), V{});
  s.staff[1].life_pct = Rational(49);
  EXPECT_EQ(Codes(s), V{});
}

TEST(Consistency, NoCmFlagWhileTheWorkbookHasACaseManager) {
  Survey s = Consistent();
  EXPECT_EQ(Codes(s, "  II-2: {checks: {i: true}, no_cm: true}\n"), V{"consistency.ii2_flag_with_cm"});
  EXPECT_EQ(Codes(s, "  II-2: {checks: {i: true}, no_cm: false}\n"), V{});
  std::vector<ReviewerFile> rv = {Review(test::AllScoresYaml("山田", 4, "  II-2: {checks: {i: true}, no_cm: true}\n"))};
  AgencyScores a = ScoreAgency(s, rv, nullptr, Ins(), nullptr, &Rules());
  for (const auto& q : a.problems)
    if (q.code == "consistency.ii2_flag_with_cm") {
      EXPECT_EQ(q.where, "山田.yaml:17");
      EXPECT_EQ(q.message.rfind("II-2: no_cm が true ですが、調査票3 スタッフ配置 の役割: ES 2人、CM 1人、SV 1人。", 0), 0u)
          << q.message;
    }
}

TEST(Consistency, SingleEsOrNoSupervisor) {
  Survey s = Consistent();
  s.staff.erase(s.staff.begin());  // one ES left
  EXPECT_EQ(Codes(s), V{"consistency.ii4_single_es"});
  EXPECT_EQ(Codes(s, "  II-4: 1\n"), V{});
  s = Consistent();
  s.staff.pop_back();  // the SV
  EXPECT_EQ(Codes(s), V{"consistency.ii4_no_sv"});
  EXPECT_EQ(Codes(s, "  II-4: 1\n"), V{});
}

TEST(Consistency, MentalShareReportedTwice) {
  Survey s = Consistent();  // A-2/A-1 = 30/30, 調査票4: 30 of 30
  test::SetCount(s, "A-2", 15);  // 50 % vs 100 %
  EXPECT_EQ(Codes(s), V{"consistency.mental_share"});
  std::vector<ReviewerFile> rv = {Review(test::AllScoresYaml("山田", 4))};
  AgencyScores a = ScoreAgency(s, rv, nullptr, Ins(), nullptr, &Rules());
  const Problem& p = a.problems.back();
  EXPECT_EQ(p.where, "調査票1 機関の就労率!CA-2");
  EXPECT_NE(p.message.find("50%、調査票4 利用者一覧 の「精神障害」が1の行は 100% で、10ポイントを超えて違います"),
            std::string::npos)
      << p.message;
  test::SetCount(s, "A-2", 27);  // 90 %: within 10 points
  EXPECT_EQ(Codes(s), V{});
}

TEST(Consistency, RulesAreCheckedWhenLoaded) {
  auto error = [](const std::string& text) {
    try {
      LoadConsistencyRules(text, "consistency.yaml", Ins());
    } catch (const InputError& e) {
      return e.problem().where + " " + e.problem().message;
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error("rules:\n  - {id: x, item: II-9, rule: r, score_at_most: 1}\n"),
            "consistency.yaml:2 x: 不明な項目 'II-9'");
  EXPECT_EQ(error("rules:\n  - id: x\n    item: II-1\n    rule: r\n    score_at_most: 1\n    when: {no_role: xx}\n"),
            "consistency.yaml:6 不明な役割 'xx'（es, cm, sv, as）");
  EXPECT_EQ(error("rules:\n  - {id: x, item: II-1, rule: r}\n"),
            "consistency.yaml:2 x: score_at_most か flag のどちらか1つを書いてください");
  EXPECT_EQ(error("rulez: []\n"), "consistency.yaml:1 不明なキー 'rulez'（rules, mental_share）");
  EXPECT_EQ(Rules().rules.size(), 7u);
}

}  // namespace
}  // namespace fidelity
