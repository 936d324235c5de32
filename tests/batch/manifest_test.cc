// The strict manifest (cycle.yaml), through the real binary: every slip a
// coordinator makes ends in the right result or exit 2 with a Japanese
// message naming cycle.yaml:LINE — and then nothing is written and no input
// changes. Plus ParseManifest from strings for the model (terms, inputs).
#include "pipeline/batch/manifest.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "pipeline/core/json.h"
#include "pipeline/core/text.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::Q;
using test::RunFidelity;
using test::Slurp;
using test::TempDir;

fs::path Repo() { return test::RepoPath(); }

void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

const std::string kAgency =
    "  - id: hamamatsu-01\n"
    "    name: 就労支援センターはままつ\n"
    "    type: 地域事業所\n"
    "    survey_date: 2026-10-12\n"
    "    workbook: hamamatsu-01/事前調査票.xlsx\n"
    "    reviews: [hamamatsu-01/山田.yaml, hamamatsu-01/佐藤.yaml]\n"
    "    consensus: hamamatsu-01/合議.yaml\n";

// A cycle folder with the sample agency's files and the given cycle.yaml.
class Manifests : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(cycle());
    fs::copy(Repo() / "samples/2026/hamamatsu-01", cycle() / "hamamatsu-01", fs::copy_options::recursive);
  }
  fs::path cycle() const { return tmp_ / "2026"; }
  fs::path out() const { return tmp_ / "out"; }
  // Every file under the cycle folder with its bytes.
  std::map<std::string, std::string> Snapshot() const {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::recursive_directory_iterator(cycle()))
      if (e.is_regular_file()) m[e.path().string()] = Slurp(e.path());
    return m;
  }
  // Runs with `yaml` as cycle.yaml; expects exit 2 with exactly `message`
  // on stderr, no output folder and every input unchanged.
  void ExpectRefused(const std::string& yaml, const std::string& message, const std::string& extra = "") {
    Write(cycle() / "cycle.yaml", yaml);
    auto before = Snapshot();
    auto r = RunFidelity("run " + Q(cycle()) + " -o " + Q(out()) + " --quiet" + extra);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.err, "fidelity: " + message + "\n");
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(fs::exists(out()));
    EXPECT_EQ(Snapshot(), before);
  }
  test::CommandResult Run(const std::string& yaml, const std::string& extra = "") {
    Write(cycle() / "cycle.yaml", yaml);
    return RunFidelity("run " + Q(cycle()) + " -o " + Q(out()) + " --quiet" + extra);
  }
  TempDir tmp_;
};

TEST_F(Manifests, MisspelledKeysAreErrorsWithTheNearestKey) {
  std::string y = "cycle: 2026年度\nagencies:\n" + kAgency;
  std::string typo = y;
  typo.replace(typo.find("    consensus:"), 14, "    consenus:");
  ExpectRefused(typo, "error [manifest.unknown_key] cycle.yaml:9: 機関の項目に不明なキー「consenus」があります（consensus のことですか？）");
  ExpectRefused("cycle: 2026年度\nprevios: ../out/2025\nagencies:\n" + kAgency,
                "error [manifest.unknown_key] cycle.yaml:2: cycle.yaml の最上位に不明なキー「previos」があります（previous のことですか？）");
  std::string terms = y + "    terms: {ES: 就労支援員, CN: 相談員}\n";
  ExpectRefused(terms, "error [manifest.unknown_key] cycle.yaml:10: termsに不明なキー「CN」があります（CM のことですか？）");
}

TEST_F(Manifests, PreviousMustBeARunOfOurs) {
  ExpectRefused("cycle: 2026年度\nprevious: ../out/2024\nagencies:\n" + kAgency,
                "error [manifest.previous] cycle.yaml:2: previous のフォルダ「../out/2024」がありません。"
                "前回の run の出力フォルダ（例: ../out/2025）を指定するか、初めての年度なら previous の行を消してください");
  // The previous cycle's input folder instead of its output.
  fs::create_directories(tmp_ / "2025/hamamatsu-01");
  ExpectRefused("cycle: 2026年度\nprevious: ../2025\nagencies:\n" + kAgency,
                "error [manifest.previous] cycle.yaml:2: previous のフォルダ「../2025」に前回の run の結果（run.json）がありません。"
                "cycle.yaml のあるフォルダではなく、fidelity run の出力フォルダ（例: ../out/2025）を指定してください");
  Write(tmp_ / "2025/file", "x");
  ExpectRefused("cycle: 2026年度\nprevious: ../2025/file\nagencies:\n" + kAgency,
                "error [manifest.previous] cycle.yaml:2: previous「../2025/file」はフォルダではありません。前回の run の出力フォルダを指定してください");
}

TEST_F(Manifests, AnAgencyNewThisCycleIsFineBesideAReviewedOne) {
  // Last cycle: hamamatsu-01 alone, a real run.
  auto r1 = Run("cycle: 2025年度\nagencies:\n" + kAgency);
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  fs::rename(out(), tmp_ / "prev");
  // This cycle: the same agency and a new one (its own copy of the files).
  fs::copy(cycle() / "hamamatsu-01", cycle() / "new-09", fs::copy_options::recursive);
  std::string added = kAgency;
  for (std::string from : {"hamamatsu-01/", "id: hamamatsu-01"}) {
    std::string to = from == "hamamatsu-01/" ? "new-09/" : "id: new-09";
    for (size_t at = added.find(from); at != std::string::npos; at = added.find(from, at + to.size()))
      added.replace(at, from.size(), to);
  }
  auto r2 = Run("cycle: 2026年度\nprevious: ../prev\nagencies:\n" + kAgency + added);
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  Json old_one = Json::Parse(Slurp(out() / "hamamatsu-01/scores.json"));
  Json new_one = Json::Parse(Slurp(out() / "new-09/scores.json"));
  ASSERT_TRUE(old_one.get("previous") && !old_one.get("previous")->is_null());
  EXPECT_EQ(old_one.get("previous")->get("total")->as_int(), old_one.get("total")->as_int());
  EXPECT_TRUE(!new_one.get("previous") || new_one.get("previous")->is_null());
}

TEST_F(Manifests, DuplicatesAreRefused) {
  ExpectRefused("cycle: 2026年度\nagencies:\n" + kAgency + "agencies: []\n",
                "error [manifest.duplicate_key] cycle.yaml:10: キー「agencies」が重複しています（最初は2行目）。"
                "あとのほうが黙って使われないよう、1つにまとめてください");
  ExpectRefused("cycle: 2026年度\nagencies:\n" + kAgency + "---\ncycle: 2027年度\n",
                "error [manifest.multiple_documents] cycle.yaml:10: 「---」のあとに2つ目の文書があります。"
                "1つのファイルには1つの文書だけを書いてください");
  std::string twice = kAgency;
  twice.replace(twice.find("hamamatsu-01/佐藤.yaml"), std::string("hamamatsu-01/佐藤.yaml").size(), "hamamatsu-01/山田.yaml");
  ExpectRefused("cycle: 2026年度\nagencies:\n" + twice,
                "error [manifest.duplicate_file] cycle.yaml:8: ファイル「hamamatsu-01/山田.yaml」が2回指定されています（最初は8行目）。"
                "1つのファイルは1か所にだけ書いてください");
  std::string as_consensus = kAgency;
  as_consensus.replace(as_consensus.find("hamamatsu-01/合議.yaml"), std::string("hamamatsu-01/合議.yaml").size(),
                       "./hamamatsu-01/佐藤.yaml");
  ExpectRefused("cycle: 2026年度\nagencies:\n" + as_consensus,
                "error [manifest.duplicate_file] cycle.yaml:9: ファイル「./hamamatsu-01/佐藤.yaml」が2回指定されています（最初は8行目）。"
                "1つのファイルは1か所にだけ書いてください");
  ExpectRefused("cycle: 2026年度\nagencies:\n" + kAgency + kAgency.substr(0, kAgency.find("    name")) + "    name: x\n",
                "error [manifest.duplicate_id] cycle.yaml:10: id「hamamatsu-01」が重複しています");
}

TEST_F(Manifests, IdsAreBoundedAndValidatedWithoutRegex) {
  std::string base = "cycle: 2026年度\nagencies:\n" + kAgency;
  std::string huge = base;
  huge.replace(huge.find("id: hamamatsu-01") + 4, 12, std::string(27000, 'a'));
  ExpectRefused(huge, "error [manifest.id] cycle.yaml:3: id が長すぎます（27000 文字。64 文字までにしてください）");
  std::string bad = base;
  bad.replace(bad.find("id: hamamatsu-01") + 4, 12, "Hamamatsu_01");
  ExpectRefused(bad, "error [manifest.id] cycle.yaml:3: id「Hamamatsu_01」は半角英小文字・数字・ハイフンだけで書いてください（先頭は英小文字か数字）");
  std::string longest = base;
  longest.replace(longest.find("id: hamamatsu-01") + 4, 12, std::string(64, 'h'));
  auto r = Run(longest);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out() / std::string(64, 'h') / "scores.json"));
}

TEST_F(Manifests, InputsOutsideTheCycleFolderNeedTheCoordinatorsOption) {
  // A "secret" outside the cycle: its content must never be quoted.
  Write(tmp_ / "secret.yaml", "API_TOKEN: s3cr3t-value-XYZ\nother: line-XYZ\n");
  std::string rel = kAgency;
  rel.replace(rel.find("hamamatsu-01/佐藤.yaml"), std::string("hamamatsu-01/佐藤.yaml").size(), "../secret.yaml");
  std::string msg_tail = "」は cycle.yaml のフォルダの外を指しています（絶対パス・「..」・外へのリンク）。"
                         "入力ファイルはサイクルのフォルダの中に置いてください。外のファイルを使うときは "
                         "run に --allow-outside-paths を付けてください";
  ExpectRefused("cycle: 2026年度\nagencies:\n" + rel,
                "error [manifest.outside_path] cycle.yaml:8: reviews「../secret.yaml" + msg_tail);
  std::string abs = kAgency;
  abs.replace(abs.find("hamamatsu-01/佐藤.yaml"), std::string("hamamatsu-01/佐藤.yaml").size(), (tmp_ / "secret.yaml").string());
  ExpectRefused("cycle: 2026年度\nagencies:\n" + abs,
                "error [manifest.outside_path] cycle.yaml:8: reviews「" + (tmp_ / "secret.yaml").string() + msg_tail);
  fs::create_symlink(tmp_ / "secret.yaml", cycle() / "hamamatsu-01/link.yaml");
  std::string link = kAgency;
  link.replace(link.find("hamamatsu-01/佐藤.yaml"), std::string("hamamatsu-01/佐藤.yaml").size(), "hamamatsu-01/link.yaml");
  ExpectRefused("cycle: 2026年度\nagencies:\n" + link,
                "error [manifest.outside_path] cycle.yaml:8: reviews「hamamatsu-01/link.yaml" + msg_tail);
  // With the option the file is read; it is not a reviewer file, and its
  // values never reach any output.
  auto r = Run("cycle: 2026年度\nagencies:\n" + link, " --allow-outside-paths");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string all = r.out + r.err + Slurp(out() / "run.json");
  if (fs::exists(out() / "hamamatsu-01/problems.txt")) all += Slurp(out() / "hamamatsu-01/problems.txt");
  EXPECT_EQ(all.find("XYZ"), std::string::npos) << all;
  EXPECT_NE(all.find("link.yaml"), std::string::npos) << all;
}

TEST_F(Manifests, TypeMustBeOneTheInstrumentKnows) {
  std::string y = "cycle: 2026年度\nagencies:\n" + kAgency;
  std::string typo = y;
  typo.replace(typo.find("地域事業所"), std::string("地域事業所").size(), "地域事業書");
  ExpectRefused(typo, "error [manifest.type] cycle.yaml:5: type「地域事業書」は 地域事業所・医療機関 のいずれかで書いてください"
                      "（地域事業所 のことですか？）");
  std::string other = y;
  other.replace(other.find("地域事業所"), std::string("地域事業所").size(), "就労移行支援");
  ExpectRefused(other, "error [manifest.type] cycle.yaml:5: type「就労移行支援」は 地域事業所・医療機関 のいずれかで書いてください");
}

TEST_F(Manifests, SyntaxSlipsAreNamedInJapanese) {
  ExpectRefused("cycle: 2026年度\nagencies:\n  - id: hamamatsu-01\n\tname: x\n",
                "error [manifest.syntax] cycle.yaml:4: YAMLの構文エラー: インデントにタブ文字があります（スペースを使ってください）");
  std::string colon = "cycle: 2026年度\nagencies:\n" + kAgency;
  colon.replace(colon.find("    type: "), 10, "    type：");
  ExpectRefused(colon, "error [manifest.syntax] cycle.yaml:5: YAMLの構文エラー: キーと値の区切り方が正しくありません"
                       "（コロンは半角「:」で、後ろに半角スペースが要ります。値に「: 」を含めるときは '…' で囲んでください）。"
                       "この行に全角のコロン「：」があります。「キー: 値」のコロンは半角「:」にしてください");
  ExpectRefused("", "error [manifest.empty] cycle.yaml: cycle.yaml が空です（cycle と agencies を書いてください）");
}

TEST_F(Manifests, ShiftJisAndUtf16AreConvertedAndEveryOutputIsUtf8) {
  std::string yaml = "cycle: 2026年度\nagencies:\n" + kAgency;
  auto sjis = test::RunShell("printf '%s' " + Q(yaml) + " | iconv -f UTF-8 -t CP932");
  ASSERT_EQ(sjis.exit_code, 0);
  ASSERT_FALSE(IsValidUtf8(sjis.out));
  auto utf16 = test::RunShell("printf '\\377\\376'; printf '%s' " + Q(yaml) + " | iconv -f UTF-8 -t UTF-16LE");
  for (const std::string& bytes : {sjis.out, utf16.out}) {
    fs::remove_all(out());
    auto r = Run(bytes);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("warning [manifest.encoding_converted] cycle.yaml: 文字コードが "), std::string::npos) << r.err;
    for (const char* f : {"run.json", "summary.csv", "hamamatsu-01/scores.json", "hamamatsu-01/problems.txt"})
      EXPECT_TRUE(IsValidUtf8(Slurp(out() / f))) << f;
    Json s = Json::Parse(Slurp(out() / "hamamatsu-01/scores.json"));
    EXPECT_EQ(s.get("agency")->get("name")->as_string(), "就労支援センターはままつ");
  }
  fs::remove_all(out());
  ExpectRefused("cycle: \xFF\xFE\x80\n", "error [manifest.encoding] cycle.yaml: 文字コードを判別できません"
                                        "（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください");
}

TEST_F(Manifests, AReviewerFileInShiftJisScoresAsItsUtf8Twin) {
  std::string yaml = "cycle: 2026年度\nagencies:\n" + kAgency;
  auto r1 = Run(yaml);
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  Json utf8 = Json::Parse(Slurp(out() / "hamamatsu-01/scores.json"));
  fs::rename(out(), tmp_ / "out-utf8");
  fs::path f = cycle() / "hamamatsu-01/山田.yaml";
  auto sjis = test::RunShell("iconv -f UTF-8 -t CP932 " + Q(f));
  ASSERT_EQ(sjis.exit_code, 0);
  Write(f, sjis.out);
  auto r2 = Run(yaml);
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  Json converted = Json::Parse(Slurp(out() / "hamamatsu-01/scores.json"));
  EXPECT_EQ(converted.get("items")->Dump(), utf8.get("items")->Dump());
  EXPECT_EQ(converted.get("total")->Dump(), utf8.get("total")->Dump());
  std::string problems = Slurp(out() / "hamamatsu-01/problems.txt");
  EXPECT_NE(problems.find("warning [review.encoding_converted] 山田.yaml: 文字コードが Shift_JIS のようです。"
                          "UTF-8 に変換して読みました（UTF-8 で保存し直すことをおすすめします）"),
            std::string::npos)
      << problems;
  EXPECT_TRUE(IsValidUtf8(problems));
}

TEST_F(Manifests, APipeAsCycleYamlDoesNotBlock) {
  ASSERT_EQ(::mkfifo((cycle() / "cycle.yaml").c_str(), 0600), 0);
  auto r = test::RunShell("timeout 10 " + Q(FIDELITY_BINARY) + " run " + Q(cycle()) + " -o " + Q(out()) + " --quiet");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, "fidelity: error [manifest.io] cycle.yaml: 通常のファイルではありません（パイプ・デバイスなどは読みません）\n");
}

// ---- the model, parsed from strings ----

TEST(ManifestModel, TermsInputsAndResolvedPaths) {
  Manifest m = ParseManifest("cycle: 2026年度\nprevious: ../out/2025\nagencies:\n" + kAgency +
                                 "    password_file: secrets/pw.txt\n    terms: {ES: 就労支援員, SV: 主任}\n",
                             "/c/2026/cycle.yaml");
  ASSERT_EQ(m.agencies.size(), 1u);
  const AgencyEntry& a = m.agencies[0];
  EXPECT_EQ(a.terms, (std::map<std::string, std::string>{{"ES", "就労支援員"}, {"SV", "主任"}}));
  EXPECT_EQ(a.workbook, fs::path("/c/2026/hamamatsu-01/事前調査票.xlsx"));
  EXPECT_EQ(*m.previous, fs::path("/c/2026/../out/2025"));
  EXPECT_EQ(m.previous_line, 2);
  std::vector<fs::path> want = {"/c/2026/cycle.yaml", "/c/2026/hamamatsu-01/事前調査票.xlsx",
                                "/c/2026/secrets/pw.txt", "/c/2026/hamamatsu-01/山田.yaml",
                                "/c/2026/hamamatsu-01/佐藤.yaml", "/c/2026/hamamatsu-01/合議.yaml"};
  EXPECT_EQ(m.InputPaths(), want);
  EXPECT_EQ(m.inputs[1].key, "password_file");
  EXPECT_EQ(m.inputs[1].line, 11);
}

TEST(ManifestModel, PasswordRulesAndTermLength) {
  auto err = [](const std::string& extra) {
    return test::ProblemOf([&] { ParseManifest("cycle: x\nagencies:\n" + kAgency + extra, "/c/cycle.yaml"); }).message;
  };
  EXPECT_EQ(err("    password: hunter2\n"),
            "パスワードを cycle.yaml に直接書かないでください。password_file か password_env を使ってください");
  EXPECT_EQ(err("    password_file: a.txt\n    password_env: PW\n"),
            "password_file と password_env の両方が書かれています。どちらか一方にしてください");
  EXPECT_EQ(err("    password_env: 'x y'\n"), "password_env には環境変数の名前（半角英数字と _）を書いてください");
  EXPECT_EQ(err("    terms: {ES: " + std::string(21, 'x') + "}\n"), "terms の ES が長すぎます（20 文字まで）");
  EXPECT_EQ(err(""), "");
}

}  // namespace
}  // namespace fidelity
