// `fidelity init FOLDER [--update]` through the binary: a cycle.yaml written
// from agency folders (names and 記載日 read from the workbooks, ids
// suggested for folder names that cannot be ids, 未記入 blanks that run
// refuses), never overwritten, and --update keeping the coordinator's lines.
#include "pipeline/cli/init.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>

#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::DataPath;
using test::Q;
using test::RunFidelity;
using test::Slurp;
using test::TempDir;

fs::path Samples() { return test::RepoPath() / "samples"; }

void Copy(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// hamamatsu-01: workbook + two YAML + 合議.yaml; 浜松みなと (not an id): the
// same workbook + an Excel score sheet; numazu-03: a reviewer file only.
fs::path MakeFolder(const TempDir& tmp) {
  fs::path c = tmp / "2026";
  for (const char* f : {"事前調査票.xlsx", "山田.yaml", "佐藤.yaml", "合議.yaml"})
    Copy(Samples() / "2026/hamamatsu-01" / f, c / "hamamatsu-01" / f);
  Copy(Samples() / "2026/hamamatsu-01/事前調査票.xlsx", c / "浜松みなと" / "調査票.xlsx");
  Copy(DataPath("workflow/openpyxl_山田.xlsx"), c / "浜松みなと" / "山田.xlsx");
  Copy(Samples() / "2026/numazu-03/伊藤.yaml", c / "numazu-03" / "伊藤.yaml");
  return c;
}

TEST(SuggestId, FromFolderNames) {
  EXPECT_EQ(SuggestId("hamamatsu-01"), "hamamatsu-01");
  EXPECT_EQ(SuggestId("Hamamatsu 01"), "hamamatsu-01");
  EXPECT_EQ(SuggestId("ＦＵＪＩ＿04"), "fuji-04");
  EXPECT_EQ(SuggestId("浜松みなと"), "");
  EXPECT_EQ(SuggestId("__x__"), "x");
}

TEST(Init, WritesTheManifestFromTheFolders) {
  TempDir tmp;
  fs::path c = MakeFolder(tmp);
  auto r = RunFidelity("init " + Q(c));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 機関"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("フォルダ名「浜松みなと」は id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("numazu-03: 事前調査票（.xlsx）が見つかりません"), std::string::npos) << r.err;
  std::string text = Slurp(c / "cycle.yaml");
  YAML::Node y = YAML::Load(text);
  EXPECT_EQ(y["cycle"].as<std::string>(), "2026年度");
  ASSERT_EQ(y["agencies"].size(), 3u);
  YAML::Node h = y["agencies"][0];
  EXPECT_EQ(h["id"].as<std::string>(), "hamamatsu-01");
  EXPECT_EQ(h["name"].as<std::string>(), "就労支援センターはままつ");
  EXPECT_EQ(h["type"].as<std::string>(), "未記入");
  EXPECT_EQ(h["survey_date"].as<std::string>(), "未記入");
  EXPECT_EQ(h["workbook"].as<std::string>(), "hamamatsu-01/事前調査票.xlsx");
  EXPECT_EQ(h["reviews"].size(), 2u);
  EXPECT_EQ(h["reviews"][0].as<std::string>(), "hamamatsu-01/佐藤.yaml");
  EXPECT_EQ(h["consensus"].as<std::string>(), "hamamatsu-01/合議.yaml");
  EXPECT_NE(text.find("# 事前調査票の記載日: 2026-09-01"), std::string::npos);
  YAML::Node n = y["agencies"][1];  // "numazu-03" sorts before "浜松みなと"
  EXPECT_EQ(n["id"].as<std::string>(), "numazu-03");
  EXPECT_EQ(n["workbook"].as<std::string>(), "未記入");
  EXPECT_EQ(n["name"].as<std::string>(), "numazu-03");
  YAML::Node m = y["agencies"][2];
  EXPECT_EQ(m["id"].as<std::string>(), "agency-01");
  EXPECT_EQ(m["workbook"].as<std::string>(), "浜松みなと/調査票.xlsx");
  EXPECT_EQ(m["reviews"][0].as<std::string>(), "浜松みなと/山田.xlsx");  // an Excel score sheet, not a workbook

  auto run = RunFidelity("run " + Q(c) + " -o " + Q(tmp / "out") + " --quiet");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("id「hamamatsu-01」の type・survey_date が「未記入」のまま"), std::string::npos) << run.err;
}

TEST(Init, NeverOverwritesAndUpdateKeepsTheCoordinatorsLines) {
  TempDir tmp;
  fs::path c = MakeFolder(tmp);
  ASSERT_EQ(RunFidelity("init " + Q(c)).exit_code, 0);
  // The coordinator fills hamamatsu-01 and adds a comment of their own.
  std::string text = Slurp(c / "cycle.yaml");
  size_t at = text.find("type: 未記入");
  text.replace(at, std::string("type: 未記入").size(), "type: 地域事業所  # 担当: 鈴木");
  std::ofstream(c / "cycle.yaml") << text;

  auto again = RunFidelity("init " + Q(c));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("上書きしません"), std::string::npos) << again.err;
  EXPECT_EQ(Slurp(c / "cycle.yaml"), text);

  auto same = RunFidelity("init " + Q(c) + " --update");
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("新しい機関のフォルダはありません"), std::string::npos);
  EXPECT_EQ(Slurp(c / "cycle.yaml"), text);

  for (const char* f : {"事前調査票.xlsx", "佐藤.yaml", "高橋.yaml", "合議.yaml"})
    Copy(Samples() / "2026/fuji-04" / f, c / "fuji-04" / f);
  auto up = RunFidelity("init " + Q(c) + " --update");
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_NE(up.out.find("1 機関を追記しました: fuji-04"), std::string::npos) << up.out;
  std::string after = Slurp(c / "cycle.yaml");
  EXPECT_EQ(after.substr(0, text.size()), text);  // every line kept as written
  YAML::Node y = YAML::Load(after);
  ASSERT_EQ(y["agencies"].size(), 4u);
  EXPECT_EQ(y["agencies"][3]["id"].as<std::string>(), "fuji-04");
  EXPECT_EQ(y["agencies"][3]["name"].as<std::string>(), "富士みどり病院 精神科デイケア就労支援");
  EXPECT_EQ(y["agencies"][3]["consensus"].as<std::string>(), "fuji-04/合議.yaml");
  EXPECT_EQ(y["agencies"][0]["type"].as<std::string>(), "地域事業所");
}

TEST(Init, AFolderWithoutAgenciesIsBadUsage) {
  TempDir tmp;
  auto r = RunFidelity("init " + Q(tmp.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("機関のフォルダがありません"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "cycle.yaml"));
  EXPECT_EQ(RunFidelity("init " + Q(tmp / "nothing")).exit_code, 2);
}

}  // namespace
}  // namespace fidelity
