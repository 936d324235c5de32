// The one strict YAML loader, parsed from strings (ninja style): every rule
// with its exact code, place and Japanese message.
#include "pipeline/core/yaml.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace fidelity {
namespace {

using test::ProblemOf;

YamlOptions Opt(size_t max_bytes = kMaxYamlBytes) {
  YamlOptions o;
  o.code_prefix = "t";
  o.max_bytes = max_bytes;
  return o;
}

// "code where message" of the error ParseYamlText throws, "" when it parses.
std::string ErrorOf(const std::string& text, size_t max_bytes = kMaxYamlBytes) {
  Problem p = ProblemOf([&] { ParseYamlText(text, "c.yaml", Opt(max_bytes)); });
  if (p.code == "none") return "";
  return p.code + " " + p.where + " " + p.message;
}

TEST(Yaml, ParsesAPlainDocumentWithLines) {
  YamlDoc d = ParseYamlText("cycle: 2026年度\nagencies:\n  - id: a\n", "c.yaml", Opt());
  ASSERT_TRUE(d.root.IsMap());
  EXPECT_EQ(d.root["cycle"].Scalar(), "2026年度");
  EXPECT_EQ(YamlLine(d.root["agencies"][0]["id"]), 3);
  EXPECT_TRUE(d.notes.empty());
  EXPECT_EQ(d.label, "c.yaml");
}

TEST(Yaml, EmptyTextIsANullDocument) {
  EXPECT_TRUE(ParseYamlText("", "c.yaml", Opt()).root.IsNull());
  EXPECT_TRUE(ParseYamlText("# only a comment\n", "c.yaml", Opt()).root.IsNull());
}

TEST(Yaml, SizeLimit) {
  EXPECT_EQ(ErrorOf(std::string(101, 'a'), 100), "t.too_large c.yaml ファイルが大きすぎます（101 バイト、上限 100 バイト）");
  EXPECT_EQ(ErrorOf(std::string(100, 'a'), 100), "");
}

TEST(Yaml, DuplicateKeysAtAnyDepth) {
  EXPECT_EQ(ErrorOf("agencies: []\ncycle: x\nagencies: []\n"),
            "t.duplicate_key c.yaml:3 キー「agencies」が重複しています（最初は1行目）。"
            "あとのほうが黙って使われないよう、1つにまとめてください");
  EXPECT_EQ(ErrorOf("a:\n  - {id: x, id: y}\n"),
            "t.duplicate_key c.yaml:2 キー「id」が重複しています（最初は2行目）。"
            "あとのほうが黙って使われないよう、1つにまとめてください");
  // The same key in two different mappings is fine.
  EXPECT_EQ(ErrorOf("- id: a\n- id: b\n"), "");
}

TEST(Yaml, AnchorsAliasesAndASecondDocumentAreRefused) {
  EXPECT_EQ(ErrorOf("a: &x 1\nb: *x\n"), "t.alias c.yaml:1 YAMLのアンカー（&名前）は使えません");
  EXPECT_EQ(ErrorOf("cycle: a\n---\ncycle: b\n"),
            "t.multiple_documents c.yaml:2 「---」のあとに2つ目の文書があります。1つのファイルには1つの文書だけを書いてください");
  EXPECT_EQ(ErrorOf("---\ncycle: a\n"), "");  // one document with its start marker
  EXPECT_EQ(ErrorOf("? [a, b]\n: c\n"),
            "t.complex_key c.yaml:1 キーにリストやマップは使えません（「キー: 値」のキーは文字で書いてください）");
}

TEST(Yaml, TabsAndFullWidthSpacesInTheIndentationNameTheirLine) {
  EXPECT_EQ(ErrorOf("a:\n  b: 1\n\tc: 2\n"),
            "t.syntax c.yaml:3 YAMLの構文エラー: インデントにタブ文字があります（スペースを使ってください）");
  EXPECT_EQ(ErrorOf("agencies:\n  - id: a\n  \u3000name: x\n    type: y\n"),
            "t.syntax c.yaml:3 YAMLの構文エラー: インデントに全角スペースがあります（半角スペースを使ってください）");
}

TEST(Yaml, FullWidthColonIsNamedAsTheCause) {
  EXPECT_EQ(ErrorOf("agencies:\n  - id: a\n    name：センター\n    type: x\n"),
            "t.syntax c.yaml:3 YAMLの構文エラー: キーと値の区切り方が正しくありません（コロンは半角「:」で、後ろに半角スペースが要ります。"
            "値に「: 」を含めるときは '…' で囲んでください）。この行に全角のコロン「：」があります。"
            "「キー: 値」のコロンは半角「:」にしてください");
}

TEST(Yaml, SyntaxMessagesAreJapaneseNeverYamlCppEnglish) {
  EXPECT_EQ(ErrorOf("reviews: [a.yaml, b.yaml\nx: 1\n"), "t.syntax c.yaml:2 YAMLの構文エラー: 「[」に対応する「]」が見つかりません");
  EXPECT_EQ(ErrorOf("terms: {ES: 就労支援員\n"), "t.syntax c.yaml:2 YAMLの構文エラー: 「{」に対応する「}」が見つかりません");
  // yaml-cpp alone takes the rest of the file as the value of an open quote.
  EXPECT_EQ(ErrorOf("id: a\nname: \"センター\nx: 1\n"), "t.syntax c.yaml:2 YAMLの構文エラー: 引用符（' または \"）が閉じていません");
  EXPECT_EQ(ErrorOf("名前: センター\nnote: 'it''s\n"), "t.syntax c.yaml:2 YAMLの構文エラー: 引用符（' または \"）が閉じていません");
  EXPECT_EQ(ErrorOf("名前: \"セン\\\"ター\"\nnote: 'it''s'\nx: it's\n"), "");
  EXPECT_EQ(ErrorOf("[a, b]]\n"), "t.syntax c.yaml:1 YAMLの構文エラー: 対応する「[」や「{」のない「]」や「}」があります");
  EXPECT_EQ(ErrorOf("workbook: \"C:\\data\\wb.xlsx\"\n"),
            "t.syntax c.yaml:1 YAMLの構文エラー: \"…\" の中の「\\」の書き方が正しくありません（パスは「/」で区切るか、'…' で囲んでください）");
  for (const char* bad : {"a: b: c\n", "- a\nb: c\n", "a:\n  - b\n c: d\n", "[a, b]]\n", "a: 'x\n", "{a: [}\n"}) {
    std::string e = ErrorOf(bad);
    ASSERT_FALSE(e.empty()) << bad;
    EXPECT_EQ(e.find("illegal"), std::string::npos) << e;
    EXPECT_EQ(e.find("not found"), std::string::npos) << e;
    EXPECT_EQ(e.rfind("t.syntax c.yaml:", 0), 0u) << e;
  }
}

TEST(Yaml, ControlCharactersAreRefusedWithTheirLineAndNeverQuoted) {
  EXPECT_EQ(ErrorOf("a: 1\nb: \x1b[31mred\n"),
            "t.control_char c.yaml:2 制御文字（U+001B）が含まれています。テキストファイルか確かめてください");
  EXPECT_EQ(ErrorOf(std::string("a: x\0y\n", 7)),
            "t.control_char c.yaml:1 制御文字（U+0000）が含まれています。テキストファイルか確かめてください");
  EXPECT_EQ(ErrorOf("a: 1\r\nb: 2\r\n"), "");  // CRLF is fine
}

TEST(Yaml, DeepNestingIsAnErrorNotACrash) {
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "[";
  deep += "1";
  for (int i = 0; i < 3000; ++i) deep += "]";
  EXPECT_EQ(ErrorOf(deep), "t.syntax c.yaml:1 入れ子（[ や { の重なり）が深すぎます");
  EXPECT_FALSE(ErrorOf(std::string(5000, '[')).empty());
}

TEST(YamlKeys, UnknownKeySuggestsTheNearestKnownOne) {
  const std::vector<std::string> known = {"id", "name", "type", "reviews", "consensus"};
  auto err = [&](const std::string& text) {
    YamlDoc d = ParseYamlText(text, "c.yaml", Opt());
    Problem p = ProblemOf([&] { CheckKeys(d.root, known, "c.yaml", "t", "機関の項目"); });
    return p.code + " " + p.where + " " + p.message;
  };
  EXPECT_EQ(err("id: a\nconsenus: x\n"), "t.unknown_key c.yaml:2 機関の項目に不明なキー「consenus」があります（consensus のことですか？）");
  EXPECT_EQ(err("id: a\nreveiws: x\n"), "t.unknown_key c.yaml:2 機関の項目に不明なキー「reveiws」があります（reviews のことですか？）");
  EXPECT_EQ(err("Name: a\n"),
            "t.unknown_key c.yaml:1 機関の項目に不明なキー「Name」があります（「name」と書いてください。全角文字・大文字・空白は使えません）");
  EXPECT_EQ(err("ｎａｍｅ: a\n"),
            "t.unknown_key c.yaml:1 機関の項目に不明なキー「ｎａｍｅ」があります（「name」と書いてください。全角文字・大文字・空白は使えません）");
  EXPECT_EQ(err("password: a\n"),
            "t.unknown_key c.yaml:1 機関の項目に不明なキー「password」があります（使えるキー: id, name, type, reviews, consensus）");
  EXPECT_EQ(err("id: a\nname: b\n"), "none  ");
}

TEST(YamlKeys, NearestKeyAndExcerpt) {
  EXPECT_EQ(NearestKey("previos", {"cycle", "previous", "agencies"}), "previous");
  EXPECT_EQ(NearestKey("agency", {"cycle", "previous", "agencies"}), "agencies");
  EXPECT_EQ(NearestKey("zzz", {"cycle", "previous", "agencies"}), "");
  EXPECT_EQ(NearestKey(std::string(27000, 'a'), {"id"}), "");
  EXPECT_EQ(Excerpt("abc"), "abc");
  EXPECT_EQ(Excerpt("a\x1b[2Jb"), "a\\x1B[2Jb");
  EXPECT_EQ(Excerpt("あいうえおかきくけこ", 4), "あいうえ…");
}

TEST(YamlFile, NotARegularFileIsRefusedWithoutOpening) {
  test::TempDir tmp;
  EXPECT_EQ(ProblemOf([&] { ReadYamlFile(tmp.path(), "x.yaml", Opt()); }).message, "ファイルではなくフォルダです");
  std::string fifo = (tmp / "pipe.yaml").string();
  ASSERT_EQ(test::RunShell("mkfifo '" + fifo + "'").exit_code, 0);
  Problem p = ProblemOf([&] { ReadYamlFile(fifo, "pipe.yaml", Opt()); });  // would block forever if opened
  EXPECT_EQ(p.code, "t.io");
  EXPECT_EQ(p.message, "通常のファイルではありません（パイプ・デバイスなどは読みません）");
  EXPECT_EQ(ProblemOf([&] { ReadYamlFile(tmp / "none.yaml", "none.yaml", Opt()); }).code, "t.io");
}

}  // namespace
}  // namespace fidelity
