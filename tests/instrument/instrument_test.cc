#include "pipeline/instrument/instrument.h"

#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"

namespace fidelity {
namespace {

const Instrument& Real() {
  static const Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  return ins;
}

TEST(Instrument, RealConfigLoads) {
  const Instrument& ins = Real();
  EXPECT_EQ(ins.name, "JIPS-25");
  ASSERT_EQ(ins.items.size(), 25u);
  EXPECT_EQ(ins.items.front().code, "I-1");
  EXPECT_EQ(ins.items.back().code, "III-14");
  ASSERT_EQ(ins.subscales.size(), 3u);
  EXPECT_EQ(ins.subscales[0].name, "スタッフ配置");
  EXPECT_EQ(ins.subscales[0].min, 3);
  EXPECT_EQ(ins.subscales[0].max, 15);
  EXPECT_EQ(ins.subscales[1].name, "組織");
  EXPECT_EQ(ins.subscales[1].max, 40);
  EXPECT_EQ(ins.subscales[2].name, "サービス");
  EXPECT_EQ(ins.subscales[2].min, 14);
  EXPECT_EQ(ins.subscales[2].max, 70);
  ASSERT_EQ(ins.goi.size(), 10u);
  EXPECT_EQ(ins.goi[9].code, "G10");
  EXPECT_TRUE(ins.goi[9].computed);
  EXPECT_FALSE(ins.goi[0].computed);
  for (const auto& it : ins.items) EXPECT_EQ(it.anchors.size(), 5u) << it.code;
}

TEST(Instrument, ItemNamesAreTheScales) {
  const Instrument& ins = Real();
  EXPECT_EQ(ins.FindItem("I-1")->name, "ケースロードの大きさ");
  EXPECT_EQ(ins.FindItem("II-6")->name, "除外基準なし");
  EXPECT_EQ(ins.FindItem("III-11")->name, "個別された継続支援");
  EXPECT_EQ(ins.FindItem("II-8")->name, "経営陣が援助付き雇用を支援する");
  EXPECT_EQ(ins.FindGoi("G4")->name, "ESの就労支援業務への専従性");
  EXPECT_EQ(ins.FindItem("I-1")->source, ItemSource::kWorkbook);
  EXPECT_EQ(ins.FindItem("III-4")->source, ItemSource::kRecords);
  EXPECT_EQ(ins.FindItem("III-14")->source, ItemSource::kChecklist);
  EXPECT_EQ(ins.FindItem("III-6")->source, ItemSource::kReviewers);
  EXPECT_EQ(ins.FindItem("II-2")->checks.size(), 4u);
  EXPECT_EQ(ins.FindItem("III-1")->checks[3].key, "d");
  EXPECT_TRUE(ins.FindItem("II-6")->FindCheck("b")->reasons);
  EXPECT_NE(ins.FindItem("III-7")->FindFlag("rarely_meets_employers"), nullptr);
}

TEST(Instrument, TotalBands) {
  const Instrument& ins = Real();
  EXPECT_EQ(ins.BandFor(125)->key, "exemplary");
  EXPECT_EQ(ins.BandFor(115)->key, "exemplary");
  EXPECT_EQ(ins.BandFor(114)->key, "good");
  EXPECT_EQ(ins.BandFor(100)->key, "good");
  EXPECT_EQ(ins.BandFor(99)->key, "fair");
  EXPECT_EQ(ins.BandFor(74)->key, "fair");
  EXPECT_EQ(ins.BandFor(73)->key, "not_supported");
  EXPECT_EQ(ins.BandFor(73)->label, "援助付き雇用とはいえない");
  EXPECT_EQ(ins.BandFor(25)->key, "not_supported");
  EXPECT_EQ(ins.BandFor(24), nullptr);
}

TEST(Instrument, BandTablesHonourTheirIntervals) {
  const Instrument& ins = Real();
  const BandTable& i1 = ins.FindItem("I-1")->bands;  // (a,b]
  EXPECT_EQ(i1.Lookup(Rational(20)), 5);
  EXPECT_EQ(i1.Lookup(*Rational::FromDecimal("20.01")), 4);
  EXPECT_EQ(i1.Lookup(Rational(25)), 4);
  EXPECT_EQ(i1.Lookup(Rational(30)), 3);
  EXPECT_EQ(i1.Lookup(Rational(40)), 2);
  EXPECT_EQ(i1.Lookup(*Rational::FromDecimal("40.0001")), 1);
  const BandTable& i2 = ins.FindItem("I-2")->bands;  // [a,b)
  EXPECT_EQ(i2.Lookup(Rational(60)), 2);
  EXPECT_EQ(i2.Lookup(*Rational::FromDecimal("59.999")), 1);
  EXPECT_EQ(i2.Lookup(Rational(96)), 5);
  EXPECT_EQ(i2.Lookup(Rational(-1)), 1);  // beyond the first band
  EXPECT_EQ(i2.Lookup(Rational(150)), 5);
}

TEST(Instrument, ThirtyDaysIsWithinTheMonth) {
  // III-4: ≤ 1 → 5, (1, 2) → 4, [2, 5) → 3 (SPEC §3.2; the standard's 「30日以内」).
  const BandTable& t = Real().FindItem("III-4")->bands;
  EXPECT_EQ(t.Lookup(Rational(1)), 5);
  EXPECT_EQ(t.Lookup(Rational::Fraction(211, 210)), 4);
  EXPECT_EQ(t.Lookup(*Rational::FromDecimal("1.999")), 4);
  EXPECT_EQ(t.Lookup(Rational(2)), 3);  // only the edge at 1 moves
  EXPECT_EQ(t.Lookup(Rational(5)), 2);
  EXPECT_EQ(t.Lookup(Rational(9)), 1);
  EXPECT_EQ(t.Lookup(Rational(0)), 5);
}

TEST(Instrument, ManualWordingAndCriteria) {
  const Instrument& ins = Real();
  EXPECT_NE(ins.FindItem("I-3")->anchors.at(2).find("i〜viのうち3つ"), std::string::npos);
  EXPECT_NE(ins.FindItem("III-1")->FindCheck("a")->label.find("外部の専門家"), std::string::npos);
  EXPECT_EQ(ins.FindItem("III-8")->reviewer_count, "職種の数（重複ケースを除く）");
  EXPECT_EQ(ins.FindItem("III-9")->reviewer_count, "企業の数（重複ケースを除く）");
  EXPECT_TRUE(ins.FindItem("III-10")->reviewer_count.empty());
  for (const auto& g : ins.goi) EXPECT_FALSE(g.criterion.empty()) << g.code;
  EXPECT_NE(ins.FindGoi("G3")->criterion.find("70%"), std::string::npos);
  EXPECT_NE(ins.FindGoi("G4")->criterion.find("35時間"), std::string::npos);
  EXPECT_NE(ins.FindGoi("G10")->criterion.find("1名"), std::string::npos);
}

TEST(Instrument, InstitutionalLimits) {
  const Instrument& ins = Real();
  ASSERT_NE(ins.LimitsFor("地域事業所"), nullptr);
  EXPECT_EQ(ins.LimitsFor("地域事業所")->items, (std::vector<std::string>{"II-1", "II-2"}));
  EXPECT_EQ(ins.LimitsFor("医療機関")->items, (std::vector<std::string>{"I-1"}));
  EXPECT_FALSE(ins.LimitsFor("医療機関")->note.empty());
  EXPECT_EQ(ins.LimitsFor("その他"), nullptr);
}

TEST(Instrument, CountTable) {
  CountTable t{{{4, 3}, {5, 4}, {6, 5}}};
  EXPECT_EQ(t.Lookup(3), std::nullopt);
  EXPECT_EQ(t.Lookup(4), 3);
  EXPECT_EQ(t.Lookup(6), 5);
  EXPECT_EQ(t.Lookup(9), 5);
}

// The real config with one edit, for the error cases.
std::string RealText() { return ReadFile(DefaultInstrumentPath()); }
std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}
int LineOf(const std::string& s, const std::string& needle) {
  size_t at = s.find(needle);
  int line = 1;
  for (size_t k = 0; k < at; ++k) line += s[k] == '\n';
  return line;
}

std::string LoadError(const std::string& text) {
  try {
    LoadInstrument(text, "jips25.yaml");
  } catch (const InputError& e) {
    return e.problem().where + " " + e.problem().message;
  }
  return "(no error)";
}

TEST(Instrument, AThresholdIsAConfigChange) {
  std::string text = Replace(RealText(), "bands: {1: [0, 60], 2: [60, 75]", "bands: {1: [0, 55], 2: [55, 75]");
  Instrument ins = LoadInstrument(text, "jips25.yaml");
  EXPECT_EQ(ins.FindItem("I-2")->bands.Lookup(Rational(56)), 2);
}

TEST(Instrument, GapInBandsIsAnErrorWithLine) {
  std::string text = Replace(RealText(), "2: [60, 75], 3: [75, 90]", "2: [60, 74], 3: [75, 90]");
  int line = LineOf(text, "2: [60, 74]");
  EXPECT_EQ(LoadError(text),
            "jips25.yaml:" + std::to_string(line) + " I-2: bands の区間がつながっていません（得点2と3）");
}

TEST(Instrument, SubscaleRangeMustMatchItems) {
  std::string text = Replace(RealText(), "range: [3, 15]", "range: [3, 16]");
  EXPECT_NE(LoadError(text).find("staffing: range が項目数と合いません（3〜15）"), std::string::npos)
      << LoadError(text);
}

TEST(Instrument, TotalBandsMustCoverTheRange) {
  std::string text = Replace(RealText(), "min: 100, max: 114", "min: 101, max: 114");
  EXPECT_NE(LoadError(text).find("total_bands の区間がつながっていません"), std::string::npos);
}

TEST(Instrument, UnknownKeyAndDuplicateKey) {
  std::string text = Replace(RealText(), "    short: ケースロード\n", "    short: ケースロード\n    shrot: x\n");
  int line = LineOf(text, "shrot");
  EXPECT_EQ(LoadError(text), "jips25.yaml:" + std::to_string(line) + " 不明なキー 'shrot'");
  text = Replace(RealText(), "    short: ケースロード\n", "    short: ケースロード\n    short: x\n");
  line = LineOf(text, "short: x");
  std::string e = LoadError(text);
  EXPECT_EQ(e.rfind("jips25.yaml:" + std::to_string(line) + " キー", 0), 0u) << e;
  EXPECT_NE(e.find("short"), std::string::npos) << e;
  EXPECT_NE(e.find("が重複しています（最初は" + std::to_string(line - 1) + "行目）"), std::string::npos) << e;
}

TEST(Instrument, UnknownQuantityAndMissingField) {
  std::string text = Replace(RealText(), "quantity: caseload", "quantity: caseloads");
  EXPECT_NE(LoadError(text).find("I-1: 不明な quantity 'caseloads'"), std::string::npos);
  text = Replace(RealText(), "    params: {min_workers: 5}", "");
  EXPECT_NE(LoadError(text).find("III-10: params に 'min_workers' がありません"), std::string::npos);
}

TEST(Instrument, EdgeInLowerBandMustBeAnEdge) {
  std::string text = Replace(RealText(), "edges_in_lower_band: [1]", "edges_in_lower_band: [1.5]");
  int line = LineOf(text, "edges_in_lower_band: [1.5]");
  EXPECT_EQ(LoadError(text),
            "jips25.yaml:" + std::to_string(line) + " III-4: edges_in_lower_band の 1.5 は bands の境目ではありません");
}

TEST(Instrument, ReviewerCountOnlyOnDiversity) {
  std::string text = Replace(RealText(), "    params: {min_workers: 5}", "    params: {min_workers: 5}\n    reviewer_count: x");
  EXPECT_NE(LoadError(text).find("III-10: reviewer_count は職種・企業の多様性の項目だけに書けます"), std::string::npos)
      << LoadError(text);
}

TEST(Instrument, SyntaxErrorHasALine) {
  EXPECT_EQ(LoadError("instrument: x\ntitle: [unclosed\n"),
            LoadError("instrument: x\ntitle: [unclosed\n"));  // deterministic
  std::string e = LoadError("instrument: x\ntitle: [unclosed\n");
  EXPECT_EQ(e.rfind("jips25.yaml:", 0), 0u) << e;
  EXPECT_NE(e.find("YAMLの構文エラー"), std::string::npos) << e;
}

}  // namespace
}  // namespace fidelity
