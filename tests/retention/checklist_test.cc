#include "pipeline/retention/checklist.h"

#include <gtest/gtest.h>

#include "pipeline/core/problem.h"

namespace fidelity::retention {
namespace {

TEST(ChecklistTest, ShippedConfigHasSixDomainsAnd27Items) {
  Checklist c = LoadChecklist(DefaultRetentionConfig());
  EXPECT_EQ(c.id, "retention");
  EXPECT_EQ(c.title, "定着状況評価チェックシート");
  ASSERT_EQ(c.domains.size(), 6u);
  const std::vector<std::pair<std::string, size_t>> expected = {
      {"I", 9}, {"II", 4}, {"III", 4}, {"IV", 3}, {"V", 5}, {"VI", 2}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(c.domains[i].code, expected[i].first);
    EXPECT_EQ(c.domains[i].items.size(), expected[i].second) << c.domains[i].code;
  }
  EXPECT_EQ(c.item_count(), 27u);
  EXPECT_EQ(c.domains[0].name, "本人の前向きなキャリア展望とワークエンゲージメントの状態");
  EXPECT_EQ(c.domains[5].name, "職場のサポート体制の状況");
  EXPECT_EQ(c.scale_min, 1);
  EXPECT_EQ(c.scale_max, 5);
  EXPECT_EQ(c.scale_labels.size(), 5u);
  EXPECT_EQ(c.decimals, 1);
  const ItemRef* r = c.Find("V-4");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(c.item(*r).text, "職場の上長からみて自己管理(体調・服薬等)に対する評価が良い");
  r = c.Find("II-2");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(c.item(*r).text, "通院又は服薬状態等が安定している(又は服用しなくてよい)");
  for (const auto& k : kPageKeys) EXPECT_FALSE(c.Text(k).empty()) << k;
}

TEST(ChecklistTest, CodesAreComparedAfterNfkc) {
  Checklist c = LoadChecklist(DefaultRetentionConfig());
  const ItemRef* a = c.Find("Ⅱ-1");     // U+2161 ROMAN NUMERAL TWO
  const ItemRef* b = c.Find("ＩＩ－１");  // full width
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(c.item(*a).code, "II-1");
  EXPECT_EQ(c.item(*b).code, "II-1");
  EXPECT_EQ(c.Find("I-10"), nullptr);
}

// A third checklist is config only: a tiny one parses and scores its own way.
const char kTiny[] =
    "id: tiny\n"
    "title: 小さなチェック\n"
    "scale: {min: 0, max: 3}\n"
    "domain_score: {method: mean, decimals: 2, rounding: half_up}\n"
    "domains:\n"
    "  - code: A\n"
    "    name: 領域A\n"
    "    items: [{code: A1, text: 一}, {code: A2, text: 二}]\n"
    "page: {heading: h, person_label: p, date_label: d, rater_label: r, previous_date_label: pd,\n"
    "       chart_title: c, summary_title: s, summary_lead: l, domain_label: dl, current_label: 今回,\n"
    "       previous_label: 前回, change_label: ch, rated_label: rl, empty_score: '-', focus_title: f,\n"
    "       focus_lead: fl, focus_none: n, item_label: il, rating_label: rt, unrated: u,\n"
    "       scale_title: st, footer: ft}\n";

TEST(ChecklistTest, AnotherChecklistIsConfigOnly) {
  Checklist c = ParseChecklist(kTiny, "tiny.yaml");
  EXPECT_EQ(c.id, "tiny");
  EXPECT_EQ(c.scale_min, 0);
  EXPECT_EQ(c.scale_max, 3);
  EXPECT_EQ(c.decimals, 2);
  ASSERT_EQ(c.domains.size(), 1u);
  EXPECT_EQ(c.item_count(), 2u);
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseChecklist(text, "c.yaml");
  } catch (const InputError& e) {
    return e.problem().where + " " + e.problem().message;
  }
  return "no error";
}

TEST(ChecklistTest, ConfigErrorsNameTheLine) {
  std::string t = kTiny;
  EXPECT_EQ(ErrorOf(t + "colour: red\n"), "c.yaml:14 チェックシートの定義 に不明なキー「colour」があります");
  std::string dup = t;
  dup.replace(dup.find("{code: A2"), 9, "{code: A1");
  EXPECT_EQ(ErrorOf(dup), "c.yaml:8 項目コード「A1」が重複しています");
  std::string median = t;
  median.replace(median.find("mean"), 4, "median");
  EXPECT_EQ(ErrorOf(median), "c.yaml:4 domain_score の method は mean のみ使えます");
  EXPECT_EQ(ErrorOf("id: x\ntitle: [\n"), "c.yaml:3 YAMLの構文エラー: 「[」に対応する「]」が見つかりません");
  std::string nofooter = t;
  nofooter.replace(nofooter.find(", footer: ft"), 12, "");
  EXPECT_EQ(ErrorOf(nofooter), "c.yaml:9 「footer」がありません");
}

}  // namespace
}  // namespace fidelity::retention
