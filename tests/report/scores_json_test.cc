// SPEC §5.1 (scores.json) and §2.4 (previous cycle).
#include "pipeline/report/scores_json.h"

#include <gtest/gtest.h>

#include "tests/scoring/fixtures.h"

namespace fidelity::test {
namespace {

AgencyInfo Info() {
  return {"hamamatsu-01", "就労支援センターはままつ", "地域事業所", Date{2026, 10, 12}, Date{2026, 10, 1}};
}

std::vector<std::string> Keys(const Json& o) {
  std::vector<std::string> k;
  for (const auto& [key, v] : o.members()) k.push_back(key);
  return k;
}

TEST(ScoresJson, CompleteShapeAndKeyOrder) {
  ReviewerFile y = Review(AllScoresYaml("山田 花子", 4, "  II-1: {score: 3, note: 月1回程度}\n"));
  ReviewerFile s = Review(AllScoresYaml("佐藤 次郎", 4) + "goi: {G1: true}\n", "佐藤.yaml");
  ReviewerFile c = Review("items: {II-1: 3}\n", "合議.yaml");
  AgencyScores a = Score(GoodSurvey(), {y, s}, &c);
  Json j = ScoresToJson(a, Info());
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"agency", "items", "subtotals", "total", "band", "provisional",
                                               "missing", "goi", "goi_total", "agreement", "problems", "previous"}));
  EXPECT_EQ(j.get("agency")->Dump(-1),
            R"({"id":"hamamatsu-01","name":"就労支援センターはままつ","type":"地域事業所","survey_date":"2026-10-12","record_date":"2026-10-01"})");
  EXPECT_EQ(j.get("items")->size(), 25u);
  EXPECT_EQ(Keys(*j.get("items"))[0], "I-1");
  EXPECT_EQ(Keys(*j.get("items"))[24], "III-14");
  EXPECT_EQ(j.get("items")->get("I-1")->Dump(-1),
            R"({"score":5,"source":"workbook","value":15,"reviewers":{},"flag":false,"overridden":false,"notes":[],"reasons":[]})");
  EXPECT_EQ(j.get("items")->get("II-1")->Dump(-1),
            R"({"score":3,"source":"reviewers","value":null,"reviewers":{"山田 花子":3,"佐藤 次郎":4},"flag":false,"overridden":false,"notes":["山田 花子: 月1回程度"],"reasons":["月1回程度"]})");
  EXPECT_EQ(j.get("subtotals")->Dump(-1), R"({"staffing":15,"organization":31,"services":63})");
  EXPECT_EQ(j.get("total")->as_int(), 109);
  EXPECT_EQ(j.get("band")->as_string(), "good");
  EXPECT_FALSE(j.get("provisional")->as_bool());
  EXPECT_EQ(j.get("missing")->Dump(-1), "[]");
  EXPECT_EQ(j.get("goi")->Dump(-1),
            R"({"G1":true,"G2":null,"G3":true,"G4":true,"G5":true,"G6":null,"G7":null,"G8":null,"G9":null,"G10":true})");
  EXPECT_EQ(j.get("goi_total")->as_int(), 5);
  EXPECT_EQ(j.get("agreement")->Dump(-1), R"({"exact":0.9333,"within_one":1})");  // 14/15
  EXPECT_TRUE(j.get("previous")->is_null());
  const Json& p0 = (*j.get("problems"))[0];
  EXPECT_EQ(Keys(p0), (std::vector<std::string>{"severity", "code", "where", "message"}));
  EXPECT_EQ(p0.get("severity")->as_string(), "warning");
  // Deterministic: the same input gives the same bytes.
  EXPECT_EQ(j.Dump(), ScoresToJson(Score(GoodSurvey(), {y, s}, &c), Info()).Dump());
}

TEST(ScoresJson, ValuesAreRoundedDecimals) {
  Survey s = GoodSurvey();
  s.users.clear();
  AddUsers(s, 41);  // 41 / 2 = 20.5
  s.records.iii5 = {1, 1, 0};
  AgencyScores a = Score(s, {Review(AllScoresYaml("山田", 4, "  III-2: {checks: {i: true, iv: true}}\n"))});
  Json j = ScoresToJson(a, Info());
  EXPECT_EQ(j.get("items")->get("I-1")->get("value")->number_text(), "20.5");
  EXPECT_EQ(j.get("items")->get("III-5")->get("value")->number_text(), "66.67");
  EXPECT_EQ(j.get("items")->get("III-2")->get("value")->as_string(), "i, iv");
  EXPECT_EQ(j.get("items")->get("III-2")->get("source")->as_string(), "checklist");
}

TEST(ScoresJson, ProvisionalShape) {
  ReviewerFile y = Review(AllScoresYaml("山田", 4, "  II-1: 2\n"));
  ReviewerFile s = Review(AllScoresYaml("佐藤", 4, "  II-1: 4\n"), "佐藤.yaml");
  AgencyInfo info = Info();
  info.survey_date.reset();
  Json j = ScoresToJson(Score(GoodSurvey(), {y, s}), info);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"agency", "items", "subtotals", "subtotal_ranges", "total", "band",
                                               "total_range", "provisional", "missing", "goi", "goi_total",
                                               "agreement", "problems", "previous"}));
  EXPECT_TRUE(j.get("agency")->get("survey_date")->is_null());
  EXPECT_EQ(j.get("subtotals")->Dump(-1), R"({"staffing":15,"organization":null,"services":63})");
  EXPECT_EQ(j.get("subtotal_ranges")->Dump(-1), R"({"organization":[29,33]})");
  EXPECT_TRUE(j.get("total")->is_null());
  EXPECT_TRUE(j.get("band")->is_null());
  EXPECT_EQ(j.get("total_range")->Dump(-1), "[107,111]");
  EXPECT_TRUE(j.get("provisional")->as_bool());
  EXPECT_EQ(j.get("missing")->Dump(-1), R"(["II-1"])");
  EXPECT_EQ(j.get("items")->get("II-1")->Dump(-1),
            R"({"score":null,"source":"reviewers","value":null,"reviewers":{"山田":2,"佐藤":4},"flag":true,"overridden":false,"notes":[],"reasons":[]})");
}

TEST(ScoresJson, OverrideShowsTheComputedScore) {
  AgencyScores a = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4, "  I-1: {score: 3, note: 実態}\n"))});
  EXPECT_EQ(ScoresToJson(a, Info()).get("items")->get("I-1")->Dump(-1),
            R"({"score":3,"source":"override","value":15,"reviewers":{"山田":3},"flag":false,"overridden":true,"computed_score":5,"notes":["山田: 実態"],"reasons":["実態"]})");
}

TEST(ScoresJson, NoSecondReviewerMeansNullAgreement) {
  Json j = ScoresToJson(Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4))}), Info());
  EXPECT_EQ(j.get("agreement")->Dump(-1), R"({"exact":null,"within_one":null})");
}

TEST(Previous, RoundTripThroughScoresJson) {
  AgencyScores last = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 3))});
  Json text = Json::Parse(ScoresToJson(last, Info()).Dump());
  PreviousScores p = PreviousFromJson(text);
  EXPECT_EQ(p.total, 95);
  EXPECT_EQ(p.band, "fair");
  EXPECT_EQ(p.items.size(), 25u);
  EXPECT_EQ(p.Item("I-1"), 5);
  EXPECT_EQ(p.Item("II-1"), 3);

  AgencyScores now = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4))}, nullptr, &p);
  ASSERT_TRUE(now.previous.has_value());
  EXPECT_EQ(now.previous->total, 95);
  Json j = ScoresToJson(now, Info());
  const Json* prev = j.get("previous");
  EXPECT_EQ(Keys(*prev), (std::vector<std::string>{"total", "band", "items"}));
  EXPECT_EQ(prev->get("total")->as_int(), 95);
  EXPECT_EQ(prev->get("band")->as_string(), "fair");
  EXPECT_EQ(prev->get("items")->get("I-1")->as_int(), 5);
  EXPECT_EQ(prev->get("items")->get("II-1")->as_int(), 3);
}

TEST(Previous, ProvisionalAndPlainItems) {
  PreviousScores p = PreviousFromJson(Json::Parse(
      R"({"total": null, "band": null, "total_range": [90, 98], "items": {"I-1": 3, "II-1": {"score": null}}})"));
  EXPECT_FALSE(p.total.has_value());
  EXPECT_EQ(p.band, "");
  EXPECT_EQ(p.total_range, (std::array<int, 2>{90, 98}));
  EXPECT_EQ(p.Item("I-1"), 3);
  EXPECT_EQ(p.Item("II-1"), std::nullopt);
  AgencyScores now = Score(GoodSurvey(), {Review(AllScoresYaml("山田", 4))}, nullptr, &p);
  EXPECT_EQ(ScoresToJson(now, Info()).get("previous")->Dump(-1),
            R"({"total":null,"band":null,"total_range":[90,98],"items":{"I-1":3,"II-1":null}})");
}

TEST(Previous, BadShapeIsAnInputError) {
  try {
    PreviousFromJson(Json::Parse(R"({"total": 90})"), "2025/out/hamamatsu-01/scores.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.problem().code, "previous.bad_json");
    EXPECT_EQ(e.problem().where, "2025/out/hamamatsu-01/scores.json");
    EXPECT_EQ(e.problem().message, "前回の scores.json を読めません: items がありません");
  }
  EXPECT_THROW(PreviousFromJson(Json::Parse("[1]")), InputError);
  EXPECT_THROW(PreviousFromJson(Json::Parse(R"({"total": "x", "items": {}})")), InputError);
  EXPECT_THROW(PreviousFromJson(Json::Parse(R"({"total": 9.5, "items": {}})")), InputError);
}

}  // namespace
}  // namespace fidelity::test
