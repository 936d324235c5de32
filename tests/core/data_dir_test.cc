// Where the data is found (core/data_dir.h): next to the binary first, then
// the install prefix, then $FIDELITY_DATA_DIR, then the source tree — and a
// copy of the binary with a share/fidelity beside it uses that copy's data.
#include "pipeline/core/data_dir.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::Q;
using test::RunShell;
using test::TempDir;

void MakeData(const fs::path& dir) {
  fs::create_directories(dir / "config");
  std::ofstream(dir / "config" / "jips25.yaml") << "# test\n";
}

TEST(DataDir, SearchOrder) {
  DataDirCandidates c{"/opt/x/bin/fidelity", "/usr/local", "/home/c/data", "/src"};
  auto order = DataDirSearchOrder(c);
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order[0], fs::path("/opt/x/share/fidelity"));
  EXPECT_EQ(order[1], fs::path("/usr/local/share/fidelity"));
  EXPECT_EQ(order[2], fs::path("/home/c/data"));
  EXPECT_EQ(order[3], fs::path("/src"));
  c.env = "";
  EXPECT_EQ(DataDirSearchOrder(c).size(), 3u);
}

TEST(DataDir, TheFirstFolderHoldingTheConfigWins) {
  TempDir tmp;
  DataDirCandidates c{tmp / "app/bin/fidelity", tmp / "prefix", (tmp / "env").string(), tmp / "src"};
  MakeData(tmp / "src");
  EXPECT_EQ(FindDataDir(c), tmp / "src");
  MakeData(tmp / "env");
  EXPECT_EQ(FindDataDir(c), tmp / "env");
  MakeData(tmp / "prefix/share/fidelity");
  EXPECT_EQ(FindDataDir(c), tmp / "prefix/share/fidelity");
  MakeData(tmp / "app/share/fidelity");
  EXPECT_EQ(FindDataDir(c), tmp / "app/share/fidelity");
  // Nothing anywhere: the last candidate, so the first read names a real path.
  TempDir empty;
  DataDirCandidates none{empty / "bin/fidelity", "", "", empty / "src"};
  EXPECT_EQ(FindDataDir(none), empty / "src");
}

TEST(DataDir, ACopiedBinaryUsesTheDataBesideIt) {
  TempDir tmp;
  fs::create_directories(tmp / "app/bin");
  fs::copy_file(FIDELITY_BINARY, tmp / "app/bin/fidelity");
  fs::path share = tmp / "app/share/fidelity";
  fs::create_directories(share);
  fs::path src = test::RepoPath();
  for (const char* d : {"config", "templates", "fonts"})
    fs::copy(src / d, share / d, fs::copy_options::recursive);
  // A changed wording in the copy shows up in what the copy writes.
  std::string t = test::Slurp(share / "templates/reviewer_sheet.yaml");
  t.replace(t.find("sheet: 評価シート"), std::string("sheet: 評価シート").size(), "sheet: 採点表");
  std::ofstream(share / "templates/reviewer_sheet.yaml") << t;
  auto r = RunShell("cd " + Q(tmp.path()) + " && env -u FIDELITY_DATA_DIR " + Q(tmp / "app/bin/fidelity") +
                    " blank --reviewer -o out.xlsx && unzip -p out.xlsx xl/workbook.xml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("name=\"採点表\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace fidelity
