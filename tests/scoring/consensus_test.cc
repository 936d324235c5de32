// SPEC §3.5–3.7: reviewers and consensus, overrides, GOI, totals, bands,
// provisional ranges, agreement.
#include "pipeline/scoring/consensus.h"

#include <gtest/gtest.h>

#include "tests/scoring/fixtures.h"

namespace fidelity::test {
namespace {

TEST(Consensus, ResolveRules) {
  using V = std::vector<std::optional<int>>;
  EXPECT_EQ(Resolve<int>(2, V{4, 4}).value, 2);  // consensus wins
  EXPECT_EQ(Resolve<int>(2, V{4, 4}).from, -2);
  EXPECT_EQ(Resolve<int>(std::nullopt, V{3}).value, 3);                // one reviewer
  EXPECT_EQ(Resolve<int>(std::nullopt, V{std::nullopt, 4}).value, 4);  // the only score given
  EXPECT_EQ(Resolve<int>(std::nullopt, V{std::nullopt, 4}).from, 1);
  EXPECT_EQ(Resolve<int>(std::nullopt, V{4, 4, 4}).value, 4);          // all agree
  auto r = Resolve<int>(std::nullopt, V{3, 4});
  EXPECT_FALSE(r.value.has_value());
  EXPECT_TRUE(r.disagreement);
  r = Resolve<int>(std::nullopt, V{std::nullopt, std::nullopt});
  EXPECT_FALSE(r.value.has_value());
  EXPECT_FALSE(r.disagreement);
}

TEST(Consensus, CompleteAgencyHasTotalAndBand) {
  AgencyScores a = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4)), Review(AllScoresYaml("佐藤", 4), "佐藤.yaml")});
  EXPECT_FALSE(a.provisional);
  EXPECT_EQ(a.total, 110);  // 10 computed items × 5 + 15 × 4
  EXPECT_EQ(a.band, "good");
  EXPECT_EQ(a.band_label, "良好なフィデリティ");
  EXPECT_EQ(a.total_range, (std::array<int, 2>{110, 110}));
  EXPECT_EQ(a.Subtotal("staffing")->value, 15);
  EXPECT_EQ(a.Subtotal("organization")->value, 32);
  EXPECT_EQ(a.Subtotal("services")->value, 63);
  EXPECT_TRUE(a.missing.empty());
  EXPECT_FALSE(HasError(a.problems));
  EXPECT_EQ(a.reviewer_names, (std::vector<std::string>{"山田", "佐藤"}));
  const ItemScore& ii1 = Item(a, "II-1");
  EXPECT_EQ(ii1.reviewers, (std::vector<std::pair<std::string, int>>{{"山田", 4}, {"佐藤", 4}}));
  EXPECT_EQ(ii1.source, ScoreSource::kReviewers);
  EXPECT_FALSE(ii1.flag);
  EXPECT_EQ(Item(a, "I-1").source, ScoreSource::kWorkbook);
  EXPECT_EQ(Item(a, "III-4").source, ScoreSource::kRecords);
}

TEST(Consensus, BandsAtTheEdges) {
  // 50 computed + 15 reviewer items: all 1 -> 65; 2 -> 80; 3 -> 95; 5 -> 125
  EXPECT_EQ(Score(GoodSurvey(), {Review(AllScoresYaml("山田", 1))}).band, "not_supported");
  EXPECT_EQ(Score(GoodSurvey(), {Review(AllScoresYaml("山田", 2))}).band, "fair");
  EXPECT_EQ(Score(GoodSurvey(), {Review(AllScoresYaml("山田", 5))}).band, "exemplary");
  // 99 and 100: 15 × 3 = 45 + 4 → 99 (fair); one more → 100 (good)
  std::string y99 = AllScoresYaml("山田", 3, "  II-1: 4\n  II-3: 4\n  II-4: 4\n  II-5: 4\n");
  EXPECT_EQ(Score(GoodSurvey(), {Review(y99)}).total, 99);
  EXPECT_EQ(Score(GoodSurvey(), {Review(y99)}).band, "fair");
  std::string y100 = AllScoresYaml("山田", 3, "  II-1: 4\n  II-3: 4\n  II-4: 4\n  II-5: 4\n  II-6: 4\n");
  EXPECT_EQ(Score(GoodSurvey(), {Review(y100)}).total, 100);
  EXPECT_EQ(Score(GoodSurvey(), {Review(y100)}).band, "good");
}

TEST(Consensus, ConsensusWinsItemByItem) {
  ReviewerFile c = Review("reviewer: 合議\nitems:\n  II-1: {score: 2, note: 月1回未満}\n", "合議.yaml");
  AgencyScores a = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4)), Review(AllScoresYaml("佐藤", 4), "佐藤.yaml")}, &c);
  const ItemScore& ii1 = Item(a, "II-1");
  EXPECT_EQ(ii1.score, 2);
  EXPECT_EQ(ii1.consensus, 2);
  EXPECT_EQ(ii1.reviewers.size(), 2u);  // consensus excluded
  EXPECT_EQ(ii1.notes, std::vector<std::string>{"合議: 月1回未満"});
  EXPECT_EQ(Item(a, "II-2").score, 4);  // not in the consensus file: the reviewers agree
  EXPECT_EQ(a.total, 108);
}

TEST(Consensus, OneReviewerIsFinal) {
  AgencyScores a = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 2, "  II-1: {score: 5, note: 週1回}\n"))});
  EXPECT_EQ(Item(a, "II-1").score, 5);
  EXPECT_EQ(Item(a, "II-1").notes, std::vector<std::string>{"山田: 週1回"});
  EXPECT_FALSE(a.agreement.exact.has_value());  // no item with two reviewers
}

TEST(Consensus, DisagreementMakesTheResultProvisional) {
  ReviewerFile y = Review(AllScoresYaml("山田", 4, "  II-1: 2\n  III-3: 3\n"));
  ReviewerFile s = Review(AllScoresYaml("佐藤", 4, "  II-1: 4\n  III-3: 4\n"), "佐藤.yaml");
  AgencyScores a = Score(GoodSurvey(), {y, s});
  EXPECT_TRUE(a.provisional);
  EXPECT_FALSE(a.total.has_value());
  EXPECT_EQ(a.band, "");
  EXPECT_EQ(a.missing, (std::vector<std::string>{"II-1", "III-3"}));
  // 10 × 5 + 13 × 4 = 102, plus 2..10 for the two missing items
  EXPECT_EQ(a.total_range, (std::array<int, 2>{104, 112}));
  EXPECT_EQ(a.Subtotal("staffing")->value, 15);
  EXPECT_FALSE(a.Subtotal("organization")->value.has_value());
  EXPECT_EQ(a.Subtotal("organization")->range, (std::array<int, 2>{29, 33}));
  EXPECT_EQ(a.Subtotal("services")->range, (std::array<int, 2>{60, 64}));
  EXPECT_TRUE(Item(a, "II-1").flag);    // 2 vs 4
  EXPECT_FALSE(Item(a, "III-3").flag);  // 3 vs 4
  EXPECT_TRUE(HasProblem(a, "scoring.unresolved", "山田.yaml:16",
                         "II-1: 評価者の得点が一致せず（山田 2、佐藤 4）、合議の得点もないため未確定です"));
  // The consensus file settles it.
  ReviewerFile c = Review("items:\n  II-1: 3\n  III-3: 4\n", "合議.yaml");
  a = Score(GoodSurvey(), {y, s}, &c);
  EXPECT_FALSE(a.provisional);
  EXPECT_EQ(a.total, 102 + 7);
}

TEST(Consensus, NoScoreAtAllIsMissing) {
  AgencyScores a = Score(GoodSurvey(), {Review("reviewer: 山田\nitems: {II-1: 3}\n")});
  EXPECT_TRUE(a.provisional);
  EXPECT_EQ(a.missing.size(), 14u);
  EXPECT_TRUE(HasProblem(a, "scoring.no_score", "山田.yaml", "II-2: どの評価者ファイルにも得点がないため未確定です"));
  EXPECT_EQ(a.total_range, (std::array<int, 2>{50 + 3 + 14, 50 + 3 + 70}));
}

TEST(Consensus, ComputedItemsOverriddenOnlyWithANote) {
  std::string with_note = AllScoresYaml("山田", 4, "  I-1: {score: 3, note: 兼務の実態から判断}\n");
  AgencyScores a = Score(GoodSurvey(), {Review(with_note)});
  const ItemScore& i1 = Item(a, "I-1");
  EXPECT_EQ(i1.score, 3);
  EXPECT_EQ(i1.source, ScoreSource::kOverride);
  EXPECT_TRUE(i1.overridden);
  EXPECT_EQ(i1.computed_score, 5);
  EXPECT_EQ(*i1.value, Rational(15));
  EXPECT_EQ(i1.notes, std::vector<std::string>{"山田: 兼務の実態から判断"});

  std::string no_note = AllScoresYaml("山田", 4, "  I-1: 3\n");
  a = Score(GoodSurvey(), {Review(no_note)});
  EXPECT_EQ(Item(a, "I-1").score, 5);
  EXPECT_EQ(Item(a, "I-1").source, ScoreSource::kWorkbook);
  EXPECT_FALSE(Item(a, "I-1").overridden);
  EXPECT_EQ(Item(a, "I-1").reviewers, (std::vector<std::pair<std::string, int>>{{"山田", 3}}));
  EXPECT_TRUE(HasProblem(a, "scoring.override_without_note", "山田.yaml:18",
                         "I-1: 計算した得点（5）と違う score 3 には note（理由）がないため、計算した得点を使います"));
  // A note that confirms the computed score is no override.
  a = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4, "  I-1: {score: 5, note: 確認}\n"))});
  EXPECT_EQ(Item(a, "I-1").source, ScoreSource::kWorkbook);
  EXPECT_FALSE(Item(a, "I-1").overridden);
}

TEST(Consensus, OverridesFromSeveralFiles) {
  ReviewerFile y = Review(AllScoresYaml("山田", 4, "  III-8: {score: 3, note: 同じ業種に偏る}\n"));
  ReviewerFile s = Review(AllScoresYaml("佐藤", 4, "  III-8: {score: 2, note: 同じ業種に偏る}\n"), "佐藤.yaml");
  AgencyScores a = Score(GoodSurvey(), {y, s});
  EXPECT_EQ(Item(a, "III-8").score, 5);  // the overrides disagree: computed stays
  EXPECT_EQ(CountProblems(a, "scoring.override_disagree"), 1);
  EXPECT_FALSE(a.provisional);
  ReviewerFile c = Review("items:\n  III-8: {score: 3, note: 合議で修正}\n", "合議.yaml");
  a = Score(GoodSurvey(), {y, s}, &c);
  EXPECT_EQ(Item(a, "III-8").score, 3);
  EXPECT_EQ(Item(a, "III-8").source, ScoreSource::kOverride);
  EXPECT_TRUE(Item(a, "III-8").flag == false);  // 3 vs 2
  ReviewerFile t = Review(AllScoresYaml("佐藤", 4, "  III-8: {score: 3, note: 同意}\n"), "佐藤.yaml");
  a = Score(GoodSurvey(), {y, t});
  EXPECT_EQ(Item(a, "III-8").score, 3);  // both overrides agree
}

TEST(Consensus, Agreement) {
  // Three reviewer files disagree on some items.
  ReviewerFile y = Review(AllScoresYaml("山田", 4, "  II-1: 2\n  II-3: 3\n"));
  ReviewerFile s = Review(AllScoresYaml("佐藤", 4, "  II-1: 4\n  II-3: 4\n"), "佐藤.yaml");
  ReviewerFile c = Review("items:\n  II-1: 3\n  II-3: 4\n", "合議.yaml");
  AgencyScores a = Score(GoodSurvey(), {y, s}, &c);
  // 15 items scored by both: 13 equal, II-3 within one, II-1 two apart.
  EXPECT_EQ(a.agreement.items, 15);
  EXPECT_EQ(*a.agreement.exact, Rational::Fraction(13, 15));
  EXPECT_EQ(*a.agreement.within_one, Rational::Fraction(14, 15));
  // Computed items the reviewers scored count too.
  ReviewerFile y2 = Review(AllScoresYaml("山田", 4, "  I-1: 5\n"));
  ReviewerFile s2 = Review(AllScoresYaml("佐藤", 4, "  I-1: 4\n"), "佐藤.yaml");
  a = Score(GoodSurvey(), {y2, s2});
  EXPECT_EQ(a.agreement.items, 16);
  EXPECT_EQ(*a.agreement.exact, Rational::Fraction(15, 16));
  EXPECT_EQ(*a.agreement.within_one, Rational(1));
}

TEST(Consensus, DuplicateReviewerNamesAreKeptApart) {
  AgencyScores a = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4)), Review(AllScoresYaml("山田", 3), "b.yaml")});
  EXPECT_EQ(a.reviewer_names, (std::vector<std::string>{"山田", "山田（2）"}));
  EXPECT_EQ(CountProblems(a, "scoring.duplicate_reviewer"), 1);
}

TEST(Consensus, StrengthsAndChallenges) {
  ReviewerFile y = Review(AllScoresYaml("山田", 4) + "strengths: [記録が丁寧, 雰囲気が良い]\nchallenges: [同行を増やす]\n");
  ReviewerFile s = Review(AllScoresYaml("佐藤", 4) + "strengths: [雰囲気が良い, 企業訪問が多い]\n", "佐藤.yaml");
  AgencyScores a = Score(GoodSurvey(), {y, s});
  EXPECT_EQ(a.strengths, (std::vector<std::string>{"記録が丁寧", "雰囲気が良い", "企業訪問が多い"}));
  EXPECT_EQ(a.challenges, std::vector<std::string>{"同行を増やす"});
  ReviewerFile c = Review("items: {}\nstrengths: [合議でまとめた強み]\n", "合議.yaml");
  a = Score(GoodSurvey(), {y, s}, &c);
  EXPECT_EQ(a.strengths, std::vector<std::string>{"合議でまとめた強み"});
  EXPECT_EQ(a.challenges, std::vector<std::string>{"同行を増やす"});
}

// ---- GOI ----

std::optional<bool> Goi(const AgencyScores& a, const std::string& code) {
  for (const auto& g : a.goi)
    if (g.code == code) return g.value;
  ADD_FAILURE() << code;
  return std::nullopt;
}

TEST(GoiScoring, FromTheWorkbook) {
  Survey s = GoodSurvey();
  AgencyScores a = Score(s, {Review(AllScoresYaml("山田", 4))});
  EXPECT_EQ(Goi(a, "G3"), true);
  EXPECT_EQ(Goi(a, "G4"), true);
  EXPECT_EQ(Goi(a, "G5"), true);
  EXPECT_EQ(Goi(a, "G10"), true);
  EXPECT_EQ(a.goi_total, 4);  // the six others unresolved
  EXPECT_EQ(CountProblems(a, "scoring.goi_unresolved"), 6);
  EXPECT_FALSE(a.provisional);  // GOI gaps never make the result provisional
}

TEST(GoiScoring, WorkbookEdges) {
  Survey s = GoodSurvey();
  s.users.clear();
  AddUsers(s, 7, 1);
  AddUsers(s, 3, 0);  // 70 % mental
  EXPECT_EQ(Goi(Score(s, {}), "G3"), true);
  s.users.clear();
  AddUsers(s, 69, 1);
  AddUsers(s, 31, 0);
  EXPECT_EQ(Goi(Score(s, {}), "G3"), false);

  s = GoodSurvey();
  s.staff = {Staff("ES", "35", "70", "100"), Staff("ES", "40", "100", "100"), Staff("CM", "35", "0", "0", "70"),
             Staff("AS", "20", "0", "0"), Staff("AS", "15", "0", "0")};
  AgencyScores a = Score(s, {});
  EXPECT_EQ(Goi(a, "G4"), true);   // two ES at 35 h and ≥ 70 %
  EXPECT_EQ(Goi(a, "G5"), true);   // one CM at 35 h and G ≥ 70 %
  EXPECT_EQ(Goi(a, "G10"), true);  // 35 h of AS = 1 FTE
  s.staff = {Staff("ES", "34.5", "100", "100"), Staff("ES", "40", "100", "100"), Staff("CM", "35", "0", "0", "69.9"),
             Staff("AS", "34", "0", "0")};
  a = Score(s, {});
  EXPECT_EQ(Goi(a, "G4"), false);
  EXPECT_EQ(Goi(a, "G5"), false);
  EXPECT_EQ(Goi(a, "G10"), false);
  s.staff = {Staff("ES", "35", "69", "100"), Staff("ES", "40", "100", "100")};
  EXPECT_EQ(Goi(Score(s, {}), "G4"), false);
}

TEST(GoiScoring, FromTheReviewers) {
  ReviewerFile y = Review(AllScoresYaml("山田", 4) + "goi: {G1: true, G2: true, G3: false, G6: true, G7: false}\n");
  ReviewerFile s = Review(AllScoresYaml("佐藤", 4) + "goi: {G1: true, G2: false, G6: ~, G8: true}\n", "佐藤.yaml");
  AgencyScores a = Score(GoodSurvey(), {y, s});
  EXPECT_EQ(Goi(a, "G1"), true);           // both
  EXPECT_EQ(Goi(a, "G2"), std::nullopt);   // disagree
  EXPECT_EQ(Goi(a, "G3"), true);           // the workbook wins over 山田's false
  EXPECT_EQ(Goi(a, "G6"), true);           // the only value given
  EXPECT_EQ(Goi(a, "G7"), false);
  EXPECT_EQ(Goi(a, "G8"), true);
  EXPECT_EQ(Goi(a, "G9"), std::nullopt);   // nobody
  EXPECT_EQ(a.goi_total, 7);               // G1, G3, G4, G5, G6, G8, G10
  EXPECT_TRUE(HasProblem(a, "scoring.goi_unresolved", "", "G2: 評価者の判断が一致せず、合議もないため未確定です（GOI合計には数えません）"));
  ReviewerFile c = Review("items: {}\ngoi: {G2: false, G9: true}\n", "合議.yaml");
  a = Score(GoodSurvey(), {y, s}, &c);
  EXPECT_EQ(Goi(a, "G2"), false);
  EXPECT_EQ(Goi(a, "G9"), true);
  EXPECT_EQ(a.goi_total, 8);
}

}  // namespace
}  // namespace fidelity::test
