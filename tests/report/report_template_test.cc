#include "pipeline/report/report_template.h"

#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"

namespace fidelity::report {
namespace {

std::string DefaultText() { return ReadFile(DataDir() / "templates" / "report.yaml"); }

std::string ErrorOf(const std::string& yaml) {
  try {
    ParseReportTemplate(yaml, "report.yaml");
  } catch (const InputError& e) {
    return e.problem().code + " " + e.problem().where + " " + e.problem().message;
  }
  return "no error";
}

TEST(ReportTemplateTest, DefaultTemplateLoadsWithEverySection) {
  ReportTemplate t = LoadDefaultReportTemplate();
  std::vector<std::string> keys;
  for (const auto& s : t.sections) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"cover", "summary", "priorities", "strengths",
                                            "score_sheet", "charts", "goi", "changes", "trend",
                                            "challenges", "rationale", "limits", "glossary",
                                            "problems", "plan"}));
  EXPECT_EQ(t.Section("priorities")->heading, "重点課題");
  EXPECT_EQ(t.Section("strengths")->heading, "機関の良いところ／ストレングス");
  EXPECT_EQ(t.Section("challenges")->heading, "取り組むことができる課題");
  EXPECT_EQ(t.Section("goi")->heading, "一般組織指標（GOI）");
  // Multi-line texts are joined without spaces.
  EXPECT_EQ(t.Text("summary", "bands_note").find("\n"), std::string::npos);
  EXPECT_NE(t.Text("summary", "bands_note").find("英語版IPS-25のスコアシート"), std::string::npos);
  EXPECT_EQ(t.action_plan.at("col_target"), "目標とする得点");
  EXPECT_FALSE(t.review_notes.at("disagreements").empty());
  EXPECT_EQ(t.bands.size(), 4u);
}

TEST(ReportTemplateTest, MissingKeyNamesTheKeyAndLine) {
  std::string yaml = DefaultText();
  size_t pos = yaml.find("      col_notes: 根拠・調査員のメモ\n");
  ASSERT_NE(pos, std::string::npos);
  yaml.erase(pos, std::string("      col_notes: 根拠・調査員のメモ\n").size());
  std::string err = ErrorOf(yaml);
  EXPECT_NE(err.find("template.missing report.yaml:"), std::string::npos) << err;
  EXPECT_NE(err.find("sections.rationale.text.col_notes"), std::string::npos) << err;
}

TEST(ReportTemplateTest, BadColourAndUnknownSectionAreErrors) {
  std::string yaml = DefaultText();
  std::string bad = yaml;
  bad.replace(bad.find("\"#1F4E79\""), 9, "\"blue\"");
  EXPECT_NE(ErrorOf(bad).find("template.colour report.yaml:"), std::string::npos) << ErrorOf(bad);
  std::string unknown = yaml + "  - key: appendix\n    heading: 付録\n";
  std::string err = ErrorOf(unknown);
  EXPECT_NE(err.find("template.unknown_section"), std::string::npos) << err;
  EXPECT_NE(err.find("appendix"), std::string::npos);
  EXPECT_NE(ErrorOf("document: [").find("template.syntax report.yaml:"), std::string::npos);
}

TEST(ReportTemplateTest, FillReplacesKnownPlaceholdersOnly) {
  EXPECT_EQ(Fill("{total}点 / {max}点 {unknown}", {{"total", "93"}, {"max", "125"}}),
            "93点 / 125点 {unknown}");
}

}  // namespace
}  // namespace fidelity::report
