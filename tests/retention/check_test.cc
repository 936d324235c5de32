#include "pipeline/retention/check.h"

#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "tests/test_util.h"

namespace fidelity::retention {
namespace {

class CheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { checklist_ = new Checklist(LoadChecklist(DefaultRetentionConfig())); }
  static void TearDownTestSuite() { delete checklist_; }
  ParsedCheck Parse(const std::string& text) { return ParseCheck(text, "c.yaml", *checklist_); }
  // "code where message" of every error, one per line.
  std::string Errors(const std::string& text) {
    std::string out;
    for (const auto& p : Parse(text).problems)
      if (p.is_error()) out += p.code + " " + p.where + " " + p.message + "\n";
    return out;
  }
  static Checklist* checklist_;
};
Checklist* CheckTest::checklist_ = nullptr;

TEST_F(CheckTest, ReadsAGoodCheck) {
  ParsedCheck p = Parse(
      "person: P-0123\n"
      "date: 2026-10-01\n"
      "rater: 鈴木\n"
      "ratings: {I-1: 4, Ⅱ-1: 3, III-4: 5, VI-2: 1}\n"
      "previous: P-0123_2026-04-01.yaml\n");
  ASSERT_TRUE(p.check) << (p.problems.empty() ? "" : FormatProblem(p.problems[0]));
  EXPECT_TRUE(p.problems.empty());
  const Check& c = *p.check;
  EXPECT_EQ(c.person, "P-0123");
  EXPECT_EQ(c.date.Iso(), "2026-10-01");
  EXPECT_EQ(c.rater, "鈴木");
  EXPECT_EQ(c.ratings.size(), 4u);
  EXPECT_EQ(c.Rating("II-1"), 3);  // written Ⅱ-1, stored under the config's code
  EXPECT_EQ(c.Rating("VI-2"), 1);
  EXPECT_EQ(c.Rating("I-2"), std::nullopt);
  EXPECT_EQ(c.previous, "P-0123_2026-04-01.yaml");
  EXPECT_EQ(c.previous_where, "c.yaml:5");
}

TEST_F(CheckTest, BlankRatingsAreUnratedAndAMissingRaterWarns) {
  ParsedCheck p = Parse("person: P-1\ndate: 2026/10/01\nratings:\n  I-1:\n  I-2: ~\n  I-3: 2\n");
  ASSERT_TRUE(p.check);
  EXPECT_EQ(p.check->date.Iso(), "2026-10-01");
  EXPECT_EQ(p.check->ratings.size(), 1u);
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(FormatProblem(p.problems[0]), "warning [retention.missing_rater] c.yaml:1: rater（評価者）が書かれていません");
}

TEST_F(CheckTest, EveryErrorNamesFileAndLine) {
  const std::string head = "person: P-1\ndate: 2026-10-01\nrater: 鈴木\n";
  EXPECT_EQ(Errors(head + "ratings:\n  I-1: 4\n  I-10: 3\n"),
            "retention.unknown_item c.yaml:6 項目コード「I-10」は定着状況評価チェックシートにありません\n");
  EXPECT_EQ(Errors(head + "ratings:\n  II-1: 6\n  II-2: 0\n"),
            "retention.out_of_range c.yaml:5 II-1 の評価 6 は範囲外です（1〜5の整数）\n"
            "retention.out_of_range c.yaml:6 II-2 の評価 0 は範囲外です（1〜5の整数）\n");
  EXPECT_EQ(Errors(head + "ratings:\n  I-1: 3.5\n  I-2: '4'\n  I-3: [4]\n  I-4: -1\n  I-5: 4.0\n"),
            "retention.not_integer c.yaml:5 I-1 の評価「3.5」は整数ではありません（1〜5の整数）\n"
            "retention.not_integer c.yaml:6 I-2 の評価「4」は整数ではありません（1〜5の整数）\n"
            "retention.not_integer c.yaml:7 I-3 の評価「?」は整数ではありません（1〜5の整数）\n"
            "retention.not_integer c.yaml:8 I-4 の評価「-1」は整数ではありません（1〜5の整数）\n"
            "retention.not_integer c.yaml:9 I-5 の評価「4.0」は整数ではありません（1〜5の整数）\n");
  EXPECT_EQ(Errors(head + "ratings:\n  I-1: 4\n  I-2: 3\n  I-1: 5\n"),
            "retention.duplicate_key c.yaml:7 キー「I-1」が重複しています（最初は5行目）。あとのほうが黙って使われないよう、1つにまとめてください\n");
  // The same item in two spellings is a duplicate too.
  EXPECT_EQ(Errors(head + "ratings: {II-1: 4, Ⅱ-1: 5}\n"),
            "retention.duplicate_key c.yaml:4 キー「Ⅱ-1」が重複しています（4行目と同じ）\n");
  EXPECT_EQ(Errors(head + "ratings: {}\nperson: P-2\n"),
            "retention.duplicate_key c.yaml:5 キー「person」が重複しています（最初は1行目）。あとのほうが黙って使われないよう、1つにまとめてください\n");
  EXPECT_EQ(Errors("date: 2026-10-01\nrater: 鈴木\nratings: {I-1: 4}\n"),
            "retention.missing_person c.yaml:1 person（本人の仮名）がありません\n");
  EXPECT_EQ(Errors("person: P-1\nrater: 鈴木\nratings: {I-1: 4}\n"),
            "retention.missing_date c.yaml:1 date（チェックの日付）がありません\n");
  EXPECT_EQ(Errors("person:\ndate: 2026-10-01\nratings: {I-1: 4}\n"),
            "retention.missing_person c.yaml:1 person（本人の仮名）が空です\n");
  EXPECT_EQ(Errors("person: P-1\ndate: 2026-02-30\nrater: 鈴木\nratings: {I-1: 4}\n"),
            "retention.bad_date c.yaml:2 date「2026-02-30」は日付として読めません（例: 2026-10-01）\n");
  EXPECT_EQ(Errors(head + "ratings: {I-1: 4}\nrating: {I-2: 4}\n"),
            "retention.unknown_key c.yaml:5 不明なキー「rating」です（ratings のことですか？）\n");
  EXPECT_EQ(Errors(head + "ratings: {I-1: 4, I-2: 3\nprevious: x.yaml\n"),
            "retention.syntax c.yaml:5 YAMLの構文エラー: 「{」に対応する「}」が見つかりません\n");
  EXPECT_EQ(Errors("- person: P-1\n"),
            "retention.not_a_map c.yaml:1 チェックのファイルは person・date・ratings などのマップで書いてください\n");
  EXPECT_EQ(Errors("person: P-1\ndate: 2026-10-01\nrater: 鈴木\n"),
            "retention.missing_ratings c.yaml:1 ratings（評価）がありません\n");
}

TEST_F(CheckTest, AllErrorsOfAFileAreReportedNotOnlyTheFirst) {
  auto p = Parse("person: ../x\ndate: 2026-13-01\nratings: {I-1: 9, XX-1: 1}\n");
  EXPECT_FALSE(p.check);
  std::vector<std::string> codes;
  for (const auto& pr : p.problems)
    if (pr.is_error()) codes.push_back(pr.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"retention.bad_person", "retention.bad_date",
                                             "retention.out_of_range", "retention.unknown_item"}));
}

TEST_F(CheckTest, PersonMustBeUsableInAFileName) {
  EXPECT_TRUE(IsSafePerson("P-0123"));
  EXPECT_TRUE(IsSafePerson("利用者A"));
  EXPECT_FALSE(IsSafePerson(""));
  EXPECT_FALSE(IsSafePerson("../etc"));
  EXPECT_FALSE(IsSafePerson("a/b"));
  EXPECT_FALSE(IsSafePerson("a b"));
  EXPECT_FALSE(IsSafePerson("a\u3000b"));
  EXPECT_FALSE(IsSafePerson(".hidden"));
  EXPECT_FALSE(IsSafePerson("=HYPERLINK(1)"));
  EXPECT_FALSE(IsSafePerson("@x"));
  EXPECT_FALSE(IsSafePerson("-1"));
  EXPECT_FALSE(IsSafePerson(std::string(65, 'x')));
}

// The fixtures under tests/data/retention/bad: one error kind each.
TEST_F(CheckTest, BadFixturesGiveTheirError) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"unknown_code.yaml", "retention.unknown_item unknown_code.yaml:6"},
      {"out_of_range.yaml", "retention.out_of_range out_of_range.yaml:6"},
      {"not_integer.yaml", "retention.not_integer not_integer.yaml:6"},
      {"syntax.yaml", "retention.syntax syntax.yaml:5"},
      {"duplicate.yaml", "retention.duplicate_key duplicate.yaml:7"},
      {"missing_person.yaml", "retention.missing_person missing_person.yaml:1"},
      {"missing_date.yaml", "retention.missing_date missing_date.yaml:1"},
  };
  for (const auto& [name, want] : cases) {
    std::string text = ReadFile(test::DataPath("retention/bad/" + name));
    ParsedCheck p = ParseCheck(text, name, *checklist_);
    EXPECT_FALSE(p.check) << name;
    std::string got;
    for (const auto& pr : p.problems)
      if (pr.is_error()) got += pr.code + " " + pr.where;
    EXPECT_EQ(got, want);
  }
}

}  // namespace
}  // namespace fidelity::retention
