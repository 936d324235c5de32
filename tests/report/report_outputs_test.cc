// The per-agency outputs of a real run (samples/2024 through the fidelity
// binary): report.pdf reads as the agency's document (重点課題 on page 1
// with at most 5 items, no internal key, no reviewer file, no reviewer
// mechanics), action_plan.xlsx opens in openpyxl and lists every item ≤ 3,
// review_notes.txt has the mechanics, and a rerun gives the same bytes.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "pipeline/core/json.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

using test::Q;
using test::RunFidelity;
using test::RunShell;
using test::Slurp;

class ReportOutputsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    auto r = RunFidelity("run " + Q(test::DataPath("../../samples/2024")) + " -o " + Q(*dir_ / "a") + " --quiet");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    r = RunFidelity("run " + Q(test::DataPath("../../samples/2024")) + " -o " + Q(*dir_ / "b") + " --quiet");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::vector<std::filesystem::path> Agencies() {
    std::vector<std::filesystem::path> v;
    for (const auto& e : std::filesystem::directory_iterator(*dir_ / "a"))
      if (e.is_directory()) v.push_back(e.path());
    std::sort(v.begin(), v.end());
    return v;
  }
  static test::TempDir* dir_;
};
test::TempDir* ReportOutputsTest::dir_ = nullptr;

TEST_F(ReportOutputsTest, ReportReadsAsTheAgencysDocument) {
  ASSERT_GE(Agencies().size(), 2u);
  for (const auto& a : Agencies()) {
    auto t = RunShell("pdftotext -layout -enc UTF-8 " + Q(a / "report.pdf") + " -");
    ASSERT_EQ(t.exit_code, 0);
    std::smatch key;
    EXPECT_FALSE(std::regex_search(t.out, key, std::regex(R"([a-z]+_[a-z]+)"))) << a << ": " << key.str();
    EXPECT_EQ(t.out.find(".yaml"), std::string::npos) << a;
    EXPECT_EQ(t.out.find("2点以上分かれ"), std::string::npos) << a;
    EXPECT_EQ(t.out.find("調査員間の一致"), std::string::npos) << a;
    std::string page1 = t.out.substr(0, t.out.find('\f'));
    size_t at = page1.find("重点課題");
    ASSERT_NE(at, std::string::npos) << a;
    std::string rest = page1.substr(at, page1.find("機関の良いところ") - at);
    int items = 0;  // bullets at the start of a line
    static const std::regex bullet(R"((^|\n) *・)");
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), bullet);
         it != std::sregex_iterator(); ++it)
      ++items;
    EXPECT_GE(items, 1) << rest;
    EXPECT_LE(items, 5) << rest;
    auto lint = RunShell("/usr/bin/python3 " + Q(test::DataPath("../../../shared/tools/report_lint.py")) + " " +
                         Q(a / "report.pdf"));
    if (lint.exit_code != 127 && lint.err.find("No such file") == std::string::npos)
      EXPECT_EQ(lint.exit_code, 0) << a << ": " << lint.out << lint.err;
  }
}

TEST_F(ReportOutputsTest, ActionPlanOpensInOpenpyxlAndListsEveryItemAtThreeOrBelow) {
  for (const auto& a : Agencies()) {
    Json scores = Json::Parse(Slurp(a / "scores.json"));
    std::vector<std::string> low;
    for (const auto& [code, item] : scores.get("items")->members()) {
      const Json* s = item.get("score");
      if (s && s->type() == Json::Type::kNumber && std::stoi(s->number_text()) <= 3) low.push_back(code);
    }
    std::string py =
        "import openpyxl,sys\n"
        "wb=openpyxl.load_workbook(sys.argv[1]); ws=wb.active\n"
        "print('freeze', ws.freeze_panes); print('orient', ws.page_setup.orientation, ws.page_setup.paperSize)\n"
        "print('head', [c.value for c in ws[3]])\n"
        "print('dv', len(ws.data_validations.dataValidation))\n"
        "for r in ws.iter_rows(min_row=4, values_only=True):\n"
        "  print('row', r[0].replace('【重点】','').split(' ')[0], r[1], r[2])\n";
    std::ofstream(*dir_ / "check.py") << py;
    auto r = RunShell("/usr/bin/python3 " + Q(*dir_ / "check.py") + " " + Q(a / "action_plan.xlsx"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("freeze B4"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("orient landscape 9"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("'項目', '現在の得点', '目標とする得点', '次の段階の基準', '取り組み', '担当者', '期限', '確認の方法'"),
              std::string::npos) << r.out;
    int rows = 0;
    for (size_t p = r.out.find("\nrow "); p != std::string::npos; p = r.out.find("\nrow ", p + 1)) ++rows;
    EXPECT_EQ(rows, static_cast<int>(low.size())) << a << "\n" << r.out;
    for (const std::string& code : low) EXPECT_NE(r.out.find("row " + code + " "), std::string::npos) << code;
    if (!low.empty()) EXPECT_EQ(r.out.find("dv 0"), std::string::npos) << r.out;
  }
}

TEST_F(ReportOutputsTest, CoordinatorSheetHasTheMechanicsAndPlaces) {
  for (const auto& a : Agencies()) {
    std::string notes = Slurp(a / "review_notes.txt");
    EXPECT_NE(notes.find("調査員間の一致"), std::string::npos) << notes.substr(0, 300);
    EXPECT_NE(notes.find("■ 採点が2点以上分かれた項目"), std::string::npos);
    EXPECT_NE(notes.find("■ 項目ごとの採点"), std::string::npos);
  }
}

TEST_F(ReportOutputsTest, RerunsAreByteIdentical) {
  for (const auto& a : Agencies())
    for (const char* f : {"report.pdf", "action_plan.xlsx", "review_notes.txt"})
      EXPECT_EQ(Slurp(a / f), Slurp(*dir_ / "b" / a.filename() / f)) << a.filename() << "/" << f;
}

}  // namespace
}  // namespace fidelity
