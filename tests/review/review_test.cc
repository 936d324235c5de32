#include "pipeline/review/review.h"

#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

const Instrument& Ins() {
  static const Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  return ins;
}

ReviewerFile Parse(const std::string& text, const std::string& label = "山田.yaml") {
  return ParseReviewerFile(text, label, Ins());
}

// "code where message" of the InputError, or "(no error)".
std::string ErrorOf(const std::string& text, const std::string& label = "山田.yaml") {
  try {
    Parse(text, label);
  } catch (const InputError& e) {
    return e.problem().code + " " + e.problem().where + " " + e.problem().message;
  }
  return "(no error)";
}

TEST(Review, TheSpecExampleParses) {
  ReviewerFile f = Parse(R"(reviewer: 山田 花子
items:
  II-1: {score: 3, note: ケアマネジャーとESの対面ミーティングは月1回程度}
  II-2: {checks: {i: true, ii: false, iii: true, iv: false}}    # score derived: 3
  II-6: {checks: {a: false, b: [犯罪歴や暴力行為の履歴がある], c: [], d: false, e: true}}
  III-7: {checks: {i: true, ii: true, iii: true, iv: true}, rarely_meets_employers: true}  # → 1
  I-3: {score: 2, note: インタビューで判断}                    # 1 or 2 only from interview
goi: {G1: true, G2: true, G6: true, G7: false, G8: false, G9: true}
strengths: [就労への期待を言葉にしている, チームの雰囲気が良い]
challenges:
  - ケア会議への同行を増やす
)");
  EXPECT_EQ(f.reviewer, "山田 花子");
  EXPECT_EQ(f.file, "山田.yaml");
  ASSERT_EQ(f.items.size(), 5u);
  const ReviewerItem& ii1 = f.items.at("II-1");
  EXPECT_EQ(ii1.score, 3);
  EXPECT_EQ(ii1.line, 3);
  EXPECT_EQ(ii1.score_line, 3);
  EXPECT_EQ(ii1.note, "ケアマネジャーとESの対面ミーティングは月1回程度");
  EXPECT_FALSE(ii1.has_checks);
  const ReviewerItem& ii2 = f.items.at("II-2");
  EXPECT_TRUE(ii2.has_checks);
  EXPECT_FALSE(ii2.score.has_value());
  EXPECT_EQ(ii2.checks.at("i"), 1);
  EXPECT_EQ(ii2.checks.at("ii"), 0);
  const ReviewerItem& ii6 = f.items.at("II-6");
  EXPECT_EQ(ii6.checks.at("b"), 1);
  EXPECT_EQ(ii6.checks.at("c"), 0);
  EXPECT_EQ(ii6.checks.at("e"), 1);
  EXPECT_EQ(ii6.reasons.at("b"), std::vector<std::string>{"犯罪歴や暴力行為の履歴がある"});
  EXPECT_TRUE(f.items.at("III-7").flags.at("rarely_meets_employers"));
  EXPECT_EQ(f.goi.size(), 6u);
  EXPECT_EQ(f.goi.at("G7"), false);
  EXPECT_EQ(f.goi.at("G9"), true);
  EXPECT_EQ(f.strengths.size(), 2u);
  EXPECT_EQ(f.challenges, std::vector<std::string>{"ケア会議への同行を増やす"});
  EXPECT_TRUE(f.problems.empty());
}

TEST(Review, ReviewerNameDefaultsToTheFileStem) {
  EXPECT_EQ(Parse("items: {II-1: 3}\n", "hamamatsu-01/佐藤.yaml").reviewer, "佐藤");
  EXPECT_EQ(Parse("reviewer: ''\nitems: {II-1: 3}\n", "合議.yml").reviewer, "合議");
}

TEST(Review, FlagsInsideChecksAndFullWidthCodes) {
  ReviewerFile f = Parse("items:\n  Ⅱ－２: {checks: {no_cm: true, ⅰ: true}}\n  iii-7: 4\n");
  EXPECT_TRUE(f.items.at("II-2").flags.at("no_cm"));
  EXPECT_EQ(f.items.at("II-2").checks.at("i"), 1);
  EXPECT_EQ(f.items.at("III-7").score, 4);
}

TEST(Review, ReasonsCountOneEachAndBooleansCountOne) {
  ReviewerFile f = Parse(
      "items:\n  II-6:\n    checks:\n      b: [犯罪歴や暴力行為の履歴がある, 通所が難しい, 病識がない]\n"
      "      c: true\n      d: no\n");
  EXPECT_EQ(f.items.at("II-6").checks.at("b"), 3);
  EXPECT_EQ(f.items.at("II-6").checks.at("c"), 1);
  EXPECT_EQ(f.items.at("II-6").checks.at("d"), 0);
}

TEST(Review, BlankItemsAndEmptySections) {
  ReviewerFile f = Parse("reviewer: 佐藤\nitems:\n  II-1:\n  II-3: {score: ~, note: 未確認}\ngoi: {G1: ~}\nstrengths:\n");
  EXPECT_FALSE(f.items.at("II-1").score.has_value());
  EXPECT_FALSE(f.items.at("II-3").score.has_value());
  EXPECT_EQ(f.items.at("II-3").note, "未確認");
  EXPECT_EQ(f.goi.at("G1"), std::nullopt);
  EXPECT_TRUE(f.strengths.empty());
}

TEST(Review, SyntaxError) {
  EXPECT_EQ(ErrorOf("reviewer: a\nitems: [\n"),
            "review.syntax 山田.yaml:3 YAMLの構文エラー: 「[」に対応する「]」が見つかりません");
  EXPECT_EQ(ErrorOf("reviewer: a\nitems:\n  II-1: {score: 3\n  II-2: 4\n"),
            "review.syntax 山田.yaml:4 YAMLの構文エラー: 「{」に対応する「}」が見つかりません");
}

TEST(Review, TabIndentation) {
  EXPECT_EQ(ErrorOf("reviewer: a\nitems:\n  II-1: 3\n\tII-2: 4\n"),
            "review.syntax 山田.yaml:4 YAMLの構文エラー: インデントにタブ文字があります（スペースを使ってください）");
}

TEST(Review, UnknownItemCode) {
  EXPECT_EQ(ErrorOf("reviewer: a\nitems:\n  II-1: 3\n  II-9: 4\n"),
            "review.unknown_item 山田.yaml:4 不明な項目コード 'II-9'");
}

TEST(Review, UnknownCheckKey) {
  EXPECT_EQ(ErrorOf("items:\n  II-2:\n    checks: {i: true,\n             v: true}\n"),
            "review.unknown_check 山田.yaml:4 項目 II-2 に不明なチェック項目 'v'（i, ii, iii, iv, no_cm）");
  EXPECT_EQ(ErrorOf("items:\n  II-1: {checks: {i: true}}\n"),
            "review.unknown_check 山田.yaml:2 項目 II-1 にはチェックリストがありません（score と note で書いてください）");
  EXPECT_EQ(ErrorOf("items:\n  III-7: {checks: {i: true}, no_cm: true}\n"),
            "review.unknown_key 山田.yaml:2 項目 III-7 に不明なキー 'no_cm'（score, checks, note, rarely_meets_employers）");
}

TEST(Review, ScoreOutOfRangeOrNotAnInteger) {
  EXPECT_EQ(ErrorOf("items:\n  II-1: {score: 6}\n"),
            "review.bad_score 山田.yaml:2 項目 II-1 の score は1〜5の整数です（'6'）");
  EXPECT_EQ(ErrorOf("items:\n  II-1:\n    score: 0\n"),
            "review.bad_score 山田.yaml:3 項目 II-1 の score は1〜5の整数です（'0'）");
  EXPECT_EQ(ErrorOf("items:\n  II-1:\n    score: 3.5\n"),
            "review.bad_score 山田.yaml:3 項目 II-1 の score は1〜5の整数です（'3.5'）");
  EXPECT_EQ(ErrorOf("items:\n  II-1: three\n"),
            "review.bad_score 山田.yaml:2 項目 II-1 の score は1〜5の整数です（'three'）");
  EXPECT_EQ(ErrorOf("items:\n  II-1: {score: [3]}\n"),
            "review.wrong_type 山田.yaml:2 項目 II-1 の score は1〜5の整数で書いてください");
  EXPECT_EQ(Parse("items:\n  II-1: {score: ５}\n").items.at("II-1").score, 5);  // full-width digit
}

TEST(Review, WrongTypes) {
  EXPECT_EQ(ErrorOf("items:\n  II-2: {checks: {i: maybe}}\n"),
            "review.wrong_type 山田.yaml:2 項目 II-2 の i は true か false で書いてください（'maybe'）");
  EXPECT_EQ(ErrorOf("items:\n  II-2: {checks: {i: [x]}}\n"),
            "review.wrong_type 山田.yaml:2 項目 II-2 の i は true か false で書いてください");
  EXPECT_EQ(ErrorOf("items:\n  II-6: {checks: {b: {x: 1}}}\n"),
            "review.wrong_type 山田.yaml:2 項目 II-6 の b は true か false、または理由のリストで書いてください");
  EXPECT_EQ(ErrorOf("items:\n  II-2: {checks: [i, ii]}\n"),
            "review.wrong_type 山田.yaml:2 項目 II-2 の checks は {i: true, …} のマップで書いてください");
  EXPECT_EQ(ErrorOf("items: [II-1]\n"),
            "review.wrong_type 山田.yaml:1 items は「項目コード: 内容」のマップで書いてください");
  EXPECT_EQ(ErrorOf("goi: {G1: sometimes}\n"),
            "review.wrong_type 山田.yaml:1 GOI G1 は true か false で書いてください（'sometimes'）");
  EXPECT_EQ(ErrorOf("strengths: {a: b}\n"),
            "review.wrong_type 山田.yaml:1 strengths は文字列のリストで書いてください");
  EXPECT_EQ(ErrorOf("reviewer: [a, b]\n"), "review.wrong_type 山田.yaml:1 reviewer は文字列で書いてください");
  EXPECT_EQ(ErrorOf("- a\n- b\n"),
            "review.wrong_type 山田.yaml:1 ファイルの最上位は「キー: 値」のマップでなければなりません");
  EXPECT_EQ(ErrorOf("items:\n  II-2: {checks: {i: true}, note: {a: 1}}\n"),
            "review.wrong_type 山田.yaml:2 項目 II-2 の note は文字列で書いてください");
}

TEST(Review, DuplicateKeys) {
  EXPECT_EQ(ErrorOf("reviewer: a\nitems:\n  II-1: 3\n  II-1: 4\n"),
            "review.duplicate_key 山田.yaml:4 キー「II-1」が重複しています（最初は3行目）。あとのほうが黙って使われないよう、1つにまとめてください");
  EXPECT_EQ(ErrorOf("reviewer: a\nitems:\n  II-1: 3\n  Ⅱ-1: 4\n"),
            "review.duplicate_key 山田.yaml:4 項目 II-1 が重複しています（最初は3行目）");
  EXPECT_EQ(ErrorOf("reviewer: a\nreviewer: b\n"),
            "review.duplicate_key 山田.yaml:2 キー「reviewer」が重複しています（最初は1行目）。あとのほうが黙って使われないよう、1つにまとめてください");
  EXPECT_EQ(ErrorOf("items:\n  II-2:\n    checks:\n      i: true\n      i: false\n"),
            "review.duplicate_key 山田.yaml:5 キー「i」が重複しています（最初は4行目）。あとのほうが黙って使われないよう、1つにまとめてください");
  EXPECT_EQ(ErrorOf("items:\n  II-2:\n    checks: {no_cm: true}\n    no_cm: true\n"),
            "review.duplicate_key 山田.yaml:4 項目 II-2 の no_cm が2回書かれています");
}

TEST(Review, UnknownKeysAndGoi) {
  EXPECT_EQ(ErrorOf("reviewer: a\nscores: {}\n"),
            "review.unknown_key 山田.yaml:2 不明なキー 'scores'（reviewer, items, goi, strengths, challenges のいずれか）");
  EXPECT_EQ(ErrorOf("items:\n  II-1: {score: 3, memo: x}\n"),
            "review.unknown_key 山田.yaml:2 項目 II-1 に不明なキー 'memo'（score, checks, note）");
  EXPECT_EQ(ErrorOf("items:\n  II-1: {sorce: 3}\n"),
            "review.unknown_key 山田.yaml:2 項目 II-1 に不明なキー 'sorce'（score のことですか？）");
  EXPECT_EQ(ErrorOf("reveiwer: a\n"),
            "review.unknown_key 山田.yaml:1 不明なキー 'reveiwer'（reviewer のことですか？）");
  EXPECT_EQ(ErrorOf("goi:\n  G1: true\n  G11: true\n"), "review.unknown_goi 山田.yaml:3 不明なGOIコード 'G11'");
}

TEST(Review, EmptyTooLargeAndBadEncoding) {
  EXPECT_EQ(ErrorOf(""), "review.empty 山田.yaml ファイルが空です（reviewer と items を書いてください）");
  EXPECT_EQ(ErrorOf("# only a comment\n"), "review.empty 山田.yaml ファイルが空です（reviewer と items を書いてください）");
  std::string big = "reviewer: a\nstrengths:\n";
  while (big.size() <= kMaxReviewerFileBytes) big += "  - いつも丁寧に記録している\n";
  EXPECT_EQ(ErrorOf(big).rfind("review.too_large 山田.yaml 評価者ファイルが大きすぎます（", 0), 0u);
  EXPECT_EQ(ErrorOf("reviewer: \xff\xfe\n"), "review.encoding 山田.yaml 文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください");
  EXPECT_EQ(ErrorOf("a: &x 1\nb: *x\n"), "review.alias 山田.yaml:1 YAMLのアンカー（&名前）は使えません");
}

TEST(Review, DiversityCountsAreTheReviewers) {
  ReviewerFile f = Parse("items:\n  III-8: {count: 7, note: 清掃と清掃員は同じ職種}\n  III-9:\n    count: ０\n");
  EXPECT_EQ(f.items.at("III-8").count, 7);
  EXPECT_EQ(f.items.at("III-8").count_line, 2);
  EXPECT_EQ(f.items.at("III-8").note, "清掃と清掃員は同じ職種");
  EXPECT_FALSE(f.items.at("III-8").score.has_value());
  EXPECT_EQ(f.items.at("III-9").count, 0);  // full-width digit
  EXPECT_EQ(f.items.at("III-9").count_line, 4);
  EXPECT_FALSE(Parse("items:\n  III-8: {count: ~}\n").items.at("III-8").count.has_value());
  EXPECT_EQ(ErrorOf("items:\n  III-8: {count: -1}\n"),
            "review.bad_count 山田.yaml:2 項目 III-8 の count は0以上の整数（重複を除いた数）で書いてください（'-1'）");
  EXPECT_EQ(ErrorOf("items:\n  III-9: {count: 6.5}\n"),
            "review.bad_count 山田.yaml:2 項目 III-9 の count は0以上の整数（重複を除いた数）で書いてください（'6.5'）");
  EXPECT_EQ(ErrorOf("items:\n  III-8: {count: [7]}\n"),
            "review.bad_count 山田.yaml:2 項目 III-8 の count は0以上の整数（重複を除いた数）で書いてください");
  // Only the diversity items take a count.
  EXPECT_EQ(ErrorOf("items:\n  III-10: {count: 7}\n"),
            "review.unknown_key 山田.yaml:2 項目 III-10 に不明なキー 'count'（score, checks, note）");
  EXPECT_EQ(ErrorOf("items:\n  III-8: {count: 7, memo: x}\n"),
            "review.unknown_key 山田.yaml:2 項目 III-8 に不明なキー 'memo'（score, checks, note, count）");
}

TEST(Review, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(Parse("\xEF\xBB\xBFreviewer: 佐藤\nitems: {II-1: 2}\n").reviewer, "佐藤");
}

}  // namespace
}  // namespace fidelity
