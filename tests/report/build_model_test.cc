// BuildReportModel with the real instrument and recommendation library:
// priorities, next steps in words, flags, II-6, rounding beside a band
// edge, the agency's own terms, and what stays for the coordinator.
#include "pipeline/report/build_model.h"

#include <gtest/gtest.h>

#include <regex>

#include "pipeline/report/next_step.h"
#include "pipeline/report/priorities.h"

namespace fidelity::report {
namespace {

const Instrument& Ins() {
  static const Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  return ins;
}
const Recommendations& Rec() {
  static const Recommendations r = LoadDefaultRecommendations();
  return r;
}

// Every item scored `fill`, then the given scores.
AgencyScores Scores(int fill, const std::map<std::string, int>& scores) {
  AgencyScores s;
  for (const Item& it : Ins().items) {
    ItemScore is;
    is.code = it.code;
    auto f = scores.find(it.code);
    is.score = f == scores.end() ? fill : f->second;
    is.source = it.source == ItemSource::kChecklist ? ScoreSource::kChecklist : ScoreSource::kReviewers;
    s.items.push_back(is);
  }
  s.total = 0;
  for (const ItemScore& i : s.items) *s.total += *i.score;
  return s;
}

AgencyInfo Info() {
  AgencyInfo i;
  i.id = "t-01";
  i.name = "テスト就労支援センター";
  i.type = "地域事業所";
  return i;
}

std::vector<std::string> Codes(const std::vector<ListEntry>& v) {
  std::vector<std::string> out;
  for (const ListEntry& e : v) out.push_back(e.item_code);
  return out;
}

TEST(PrioritiesTest, LowestFirstTiesByItemOrderThreeAsARule) {
  AgencyScores s = Scores(4, {{"II-4", 2}, {"I-2", 3}, {"III-6", 1}, {"II-1", 3}, {"III-13", 3}});
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  EXPECT_EQ(Codes(m.priorities), (std::vector<std::string>{"III-6", "II-4", "I-2", "II-1", "III-13"}));
  // The 3rd is I-2 (3 points); II-1 and III-13 tie with it, so the list
  // grows to the maximum of 5 — and never beyond.
  s = Scores(4, {{"I-1", 3}, {"I-2", 3}, {"I-3", 3}, {"II-1", 3}, {"II-2", 3}, {"II-3", 3}});
  m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  EXPECT_EQ(m.priorities.size(), 5u);
  s = Scores(4, {{"I-1", 1}, {"I-2", 2}, {"I-3", 3}, {"II-1", 3}});
  m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  EXPECT_EQ(Codes(m.priorities), (std::vector<std::string>{"I-1", "I-2", "I-3", "II-1"}));
  s = Scores(5, {});
  m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  EXPECT_TRUE(m.priorities.empty());
}

TEST(PrioritiesTest, ItemsTheReviewersNameComeFirst) {
  AgencyScores s = Scores(4, {{"III-6", 1}, {"II-4", 2}, {"I-2", 3}, {"II-1", 3}});
  s.challenges = {"II-1の定例会議を週1回にする"};
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  ASSERT_FALSE(m.priorities.empty());
  EXPECT_EQ(m.priorities[0].item_code, "II-1");
  EXPECT_TRUE(NamesItem("II-1の定例", "II-1"));
  EXPECT_FALSE(NamesItem("III-1の相談", "II-1"));
  EXPECT_FALSE(NamesItem("II-10", "II-1"));
}

TEST(NextStepTest, AFlagGetsAStepForTheFlagNotTheNextCount) {
  AgencyScores s = Scores(4, {{"II-2", 1}});
  for (ItemScore& i : s.items)
    if (i.code == "II-2") i.value_text = "i, iii, no_cm";
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  ASSERT_EQ(m.priorities.size(), 1u);
  EXPECT_EQ(m.priorities[0].next_step.find("生活支援を専任とするスタッフを置く"), 0u) << m.priorities[0].next_step;
  for (const ItemRow& r : m.items) {
    EXPECT_EQ(r.value.find("no_cm"), std::string::npos) << r.value;
    if (r.code == "II-2") EXPECT_NE(r.value.find("ケアマネジャー（生活支援の担当者）がいない"), std::string::npos);
  }
}

TEST(NextStepTest, ExclusionsAreNamedToDropNeverACountToReach) {
  AgencyScores s = Scores(4, {{"II-6", 2}});
  for (ItemScore& i : s.items)
    if (i.code == "II-6") i.value_text = "b×2, d";
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  ASSERT_EQ(m.priorities.size(), 1u);
  const std::string& step = m.priorities[0].next_step;
  EXPECT_EQ(step.find(Rec().remove_checks_lead), 0u) << step;
  EXPECT_NE(step.find("利用開始時に受け入れないことがある人がいる"), std::string::npos);
  EXPECT_NE(step.find("退職の理由によっては再就職を支援しない"), std::string::npos);
  EXPECT_EQ(step.find("2つ"), std::string::npos);
  EXPECT_EQ(step.find("該当が"), std::string::npos);
}

TEST(NextStepTest, ChecklistNamesTheCriteriaNotMetInWords) {
  AgencyScores s = Scores(4, {{"II-5", 3}});
  for (ItemScore& i : s.items)
    if (i.code == "II-5") i.value_text = "i, ii, iii";
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  const std::string& step = m.priorities.at(0).next_step;
  EXPECT_NE(step.find("実地でフィードバックする"), std::string::npos) << step;   // iv
  EXPECT_NE(step.find("就労の重要性を啓発する"), std::string::npos) << step;     // v
  EXPECT_EQ(step.find("i〜v"), std::string::npos);
  EXPECT_FALSE(m.priorities[0].hint.empty());
}

TEST(NextStepTest, OrderedLevelsNameTheTargetLevelsChecks) {
  AgencyScores s = Scores(4, {{"III-14", 2}});
  for (ItemScore& i : s.items)
    if (i.code == "III-14") i.value_text = "i, ii";
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  const std::string& step = m.priorities.at(0).next_step;
  const Item* it = Ins().FindItem("III-14");
  EXPECT_NE(step.find(it->FindCheck("iii")->label), std::string::npos) << step;
  EXPECT_EQ(step.find("i・ii"), std::string::npos) << step;
}

TEST(NextStepTest, AnAnchorBuildingOnTheOneBelowIsWrittenOut) {
  const Item* ii4 = Ins().FindItem("II-4");
  ASSERT_NE(ii4, nullptr);
  std::string a4 = FullAnchor(*ii4, 4);
  EXPECT_NE(a4.find(ii4->anchors.at(3)), std::string::npos) << a4;
  EXPECT_NE(a4.find(ii4->anchors.at(4)), std::string::npos) << a4;
}

TEST(NextStepTest, SameAsTheFirstAnchorTakesItsSubject) {
  const Item* i2 = Ins().FindItem("I-2");
  ASSERT_NE(i2, nullptr);
  std::string a3 = FullAnchor(*i2, 3);
  EXPECT_EQ(a3.find("同じく"), std::string::npos) << a3;
  EXPECT_EQ(a3.find("60%未満"), std::string::npos) << a3;
  EXPECT_NE(a3.find("75〜89%"), std::string::npos) << a3;
}

TEST(NextStepTest, AValueNextToABandEdgeShowsEnoughDigits) {
  const Item* i1 = Ins().FindItem("I-1");
  ASSERT_NE(i1, nullptr);
  EXPECT_EQ(ValueInWords(*i1, *Rational::FromDecimal("20.04")), "20.04人");
  EXPECT_EQ(ValueInWords(*i1, *Rational::FromDecimal("20")), "20人");
  EXPECT_EQ(ValueInWords(*i1, *Rational::FromDecimal("22.46")), "22.5人");
}

TEST(BuildModelTest, TheAgencysOwnTermsReplaceEsCmSvAndFillTheGlossary) {
  AgencyScores s = Scores(4, {{"II-1", 3}, {"II-2", 3}});
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec(), {{"ES", "ジョブコーチ"}});
  ASSERT_EQ(m.glossary.size(), 3u);
  EXPECT_EQ(m.glossary[0].first, "ジョブコーチ");
  EXPECT_EQ(m.glossary[1].first, "ケアマネジャー（生活支援の担当者）");
  EXPECT_EQ(m.glossary[2].first, "スーパーバイザー");
  std::string all;
  for (const ListEntry& e : m.challenges) all += e.next_step + e.hint;
  EXPECT_NE(all.find("ジョブコーチ"), std::string::npos) << all;
  std::regex role(R"((^|[^A-Za-z])(ES|CM|SV)([^A-Za-z]|$))");
  EXPECT_FALSE(std::regex_search(all, role)) << all;
  EXPECT_NE(m.limits_note.find("ジョブコーチ"), std::string::npos) << m.limits_note;
}

TEST(BuildModelTest, StrengthsAreTheReviewersThenFivesAndRises) {
  AgencyScores s = Scores(4, {{"I-1", 5}, {"II-3", 5}});
  s.strengths = {"企業との関係づくりが丁寧"};
  PreviousScores prev;
  for (const Item& it : Ins().items) prev.items.push_back({it.code, it.code == "III-1" ? 3 : 4});
  s.previous = prev;
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  std::vector<std::string> codes = Codes(m.strengths);
  EXPECT_EQ(codes, (std::vector<std::string>{"", "I-1", "II-3", "III-1"}));
  EXPECT_TRUE(m.strengths[3].rose);
}

TEST(BuildModelTest, ReviewerMechanicsAndReviewerFileProblemsStayWithTheCoordinator) {
  AgencyScores s = Scores(4, {});
  s.items[3].flag = true;
  s.items[3].reviewers = {{"山田", 2}, {"佐藤", 4}};
  s.problems = {Warning("survey.iso_date", "調査票4!E12", "日付の形"),
                Error("review.unknown_item", "山田.yaml:7", "知らない項目")};
  Problem hint = Warning("consistency.ii1", "調査票3!B5", "II-1 と調査票3が食い違う");
  hint.coordinator_only = true;
  s.problems.push_back(hint);
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  ASSERT_EQ(m.problems.size(), 1u);
  EXPECT_EQ(m.problems[0].where, "調査票4!E12");
  EXPECT_EQ(m.coordinator.problems.size(), 3u);
  EXPECT_TRUE(m.coordinator.items[3].flagged);
  EXPECT_EQ(m.coordinator.items[3].reviewers.size(), 2u);
}

TEST(BuildModelTest, TheAgencyReadsTheAgreedReasonTheCoordinatorEveryNote) {
  AgencyScores s = Scores(4, {{"II-1", 2}});
  ItemScore& it = s.items[3];
  ASSERT_EQ(it.code, "II-1");
  it.notes = {"合議: 月1回の定例のみ", "山田 花子: 電話のみ", "佐藤 次郎: 対面なし"};
  it.note_texts = {"月1回の定例のみ", "電話のみ", "対面なし"};
  it.consensus_note = true;
  ReportModel m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  // The agreed reason, without who wrote it.
  EXPECT_EQ(m.items[3].notes, (std::vector<std::string>{"月1回の定例のみ"}));
  EXPECT_EQ(m.coordinator.items[3].notes.size(), 3u);
  EXPECT_EQ(m.coordinator.items[3].notes[1], "山田 花子: 電話のみ");  // the coordinator sees the names
  // Without a consensus note, every reviewer's reason is the rationale.
  it.notes = {"山田 花子: 電話のみ", "佐藤 次郎: 対面なし"};
  it.note_texts = {"電話のみ", "対面なし"};
  it.consensus_note = false;
  m = BuildReportModel(s, Info(), Ins(), "2026年度", Rec());
  EXPECT_EQ(m.items[3].notes, (std::vector<std::string>{"電話のみ", "対面なし"}));
}

}  // namespace
}  // namespace fidelity::report
