#include "pipeline/report/render_report.h"

#include <gtest/gtest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "pipeline/core/json.h"
#include "pipeline/core/text.h"
#include "tests/report/sample_models.h"
#include "tests/test_util.h"

namespace fidelity::report {
namespace {
using namespace pdf;

using test::Q;
using test::RunFidelity;
using test::RunShell;
using test::Slurp;
using test::TempDir;

const FontCache& Fonts() {
  static const FontCache fonts = FontCache::FromDataDir();
  return fonts;
}
const ReportTemplate& Template() {
  static const ReportTemplate t = LoadDefaultReportTemplate();
  return t;
}

std::string NoSpace(const std::string& s) {
  std::string out;
  for (char32_t c : Utf8ToCodepoints(s))
    if (c != U' ' && c != U'\n' && c != U'\f' && c != U'\u3000') AppendUtf8(out, c);
  return out;
}

struct Rendered {
  std::string bytes;
  std::filesystem::path path;
  std::string text;  // pdftotext
};

class RenderReportTest : public ::testing::Test {
 protected:
  Rendered Render(const ReportModel& m, const std::string& name, Problems* problems = nullptr) {
    Rendered r;
    RenderedReport rr = RenderReport(m, Template(), Fonts());
    r.bytes = rr.pdf;
    if (problems) *problems = rr.problems;
    r.path = tmp_ / (name + ".pdf");
    std::ofstream(r.path, std::ios::binary) << r.bytes;
    if (const char* keep = std::getenv("FIDELITY_KEEP_PDF"))  // for looking at the pages
      std::filesystem::copy_file(r.path, std::filesystem::path(keep) / (name + ".pdf"),
                                 std::filesystem::copy_options::overwrite_existing);
    auto t = RunShell("pdftotext -enc UTF-8 '" + r.path.string() + "' -");
    EXPECT_EQ(t.exit_code, 0);
    EXPECT_EQ(t.err, "") << "poppler warned on " << name;
    r.text = t.out;
    return r;
  }

  // The checks every report must pass.
  void CheckValid(const Rendered& r) {
    auto check = RunShell("qpdf --check '" + r.path.string() + "'");
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;

    auto fonts = RunShell("pdffonts '" + r.path.string() + "'");
    EXPECT_EQ(fonts.exit_code, 0);
    EXPECT_EQ(fonts.err, "");
    std::vector<std::string> lines = Split(fonts.out, '\n');
    std::vector<std::string> font_lines;
    for (size_t i = 2; i < lines.size(); ++i)
      if (!lines[i].empty()) font_lines.push_back(lines[i]);
    ASSERT_EQ(font_lines.size(), 1u) << fonts.out;
    EXPECT_TRUE(std::regex_search(font_lines[0], std::regex(R"(^[A-Z]{6}\+BIZUDGothic-Regular +CID TrueType +Identity-H +yes yes yes )")))
        << font_lines[0];

    // Rendering the pages prints nothing either (poppler is quiet about
    // the ToUnicode CMap and everything else).
    auto ppm = RunShell("pdftoppm -r 10 -png '" + r.path.string() + "' '" + (tmp_ / "page").string() + "'");
    EXPECT_EQ(ppm.exit_code, 0);
    EXPECT_EQ(ppm.err, "");

    EXPECT_LE(r.bytes.size(), 150u * 1024) << "report too large";
    EXPECT_EQ(r.bytes.find("CreationDate"), std::string::npos);
  }

  // Every word pdftotext finds lies inside the page margins' box (nothing
  // overflows the page), header and footer included.
  void CheckInsidePage(const Rendered& r) {
    auto bbox = RunShell("pdftotext -bbox '" + r.path.string() + "' -");
    ASSERT_EQ(bbox.exit_code, 0);
    std::regex word(R"rx(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)rx");
    int words = 0;
    const double left = 15 * kMm - 0.5, right = 595.276 - 15 * kMm + 0.5;
    for (auto it = std::sregex_iterator(bbox.out.begin(), bbox.out.end(), word);
         it != std::sregex_iterator(); ++it) {
      ++words;
      double x0 = std::stod((*it)[1]), y0 = std::stod((*it)[2]), x1 = std::stod((*it)[3]),
             y1 = std::stod((*it)[4]);
      EXPECT_GE(x0, left) << (*it)[5];
      EXPECT_LE(x1, right) << (*it)[5];
      EXPECT_GE(y0, 0) << (*it)[5];
      EXPECT_LE(y1, 841.89) << (*it)[5];
    }
    EXPECT_GT(words, 100);
  }

  TempDir tmp_;
};

TEST_F(RenderReportTest, NormalReportHasEverythingAndExtractsCleanly) {
  ReportModel m = samples::Normal();
  Rendered r = Render(m, "normal");
  CheckValid(r);
  CheckInsidePage(r);
  std::string text = NoSpace(r.text);
  EXPECT_NE(text.find(m.agency.name), std::string::npos);
  EXPECT_NE(text.find("93点/125点"), std::string::npos) << r.text;
  EXPECT_NE(text.find(m.band_label), std::string::npos);
  EXPECT_NE(text.find("山田花子、佐藤次郎"), std::string::npos);
  for (const ItemRow& it : m.items) EXPECT_NE(text.find(NoSpace(it.name)), std::string::npos) << it.name;
  for (const ListEntry& e : m.strengths) {
    std::string want = e.item_code.empty() ? e.text
                       : e.score == 5 ? e.item_code + e.item_name
                                      : e.item_code + "（";  // rose: in the one-line summary
    EXPECT_NE(text.find(NoSpace(want)), std::string::npos) << want;
  }
  for (const ListEntry& e : m.challenges) {
    std::string want = e.item_code.empty() ? e.text
                                           : e.item_code + e.item_name + "（" + std::to_string(*e.score) +
                                                 "→" + std::to_string(*e.target) + "点）";
    EXPECT_NE(text.find(NoSpace(want)), std::string::npos) << want;
    bool priority = std::any_of(m.priorities.begin(), m.priorities.end(),
                                [&](const ListEntry& p) { return p.item_code == e.item_code; });
    if (!priority || e.item_code.empty()) continue;  // the others' steps are in the plan's table cells
    EXPECT_NE(text.find(NoSpace(e.next_step)), std::string::npos);
    EXPECT_NE(text.find(NoSpace(e.hint)), std::string::npos);
  }
  // 重点課題 on page 1, with each priority item.
  std::string page1 = NoSpace(Split(r.text, '\f')[0]);
  EXPECT_NE(page1.find("重点課題"), std::string::npos);
  for (const ListEntry& e : m.priorities) EXPECT_NE(page1.find(e.item_code + NoSpace(e.item_name)), std::string::npos);
  // No reviewer mechanics in the agency's report.
  EXPECT_EQ(text.find("2点以上分かれ"), std::string::npos);
  EXPECT_EQ(text.find("調査員間の一致"), std::string::npos);
  EXPECT_NE(text.find("就労支援員：尺度でいう就労支援スペシャリスト"), std::string::npos);  // glossary
  for (const GoiRow& g : m.goi) EXPECT_NE(text.find(NoSpace(g.name)), std::string::npos) << g.name;
  EXPECT_NE(text.find(NoSpace(m.limits_note.empty() ? "機関の種別" : m.limits_note)), std::string::npos);
  EXPECT_NE(text.find("調査票4!E12"), std::string::npos);              // a data problem
  EXPECT_NE(text.find("合計点:87点→93点"), std::string::npos);         // change since last cycle
  EXPECT_NE(text.find("計算値に代えて調査員が根拠を添えて判断"), std::string::npos);  // override marked
  EXPECT_EQ(text.find("暫定"), std::string::npos);
  EXPECT_EQ(text.find("〓"), std::string::npos);
  // Page numbers.
  EXPECT_NE(r.text.find("1 / "), std::string::npos);
}

TEST_F(RenderReportTest, SameModelGivesTheSameBytes) {
  ReportModel m = samples::Normal();
  std::string a = RenderReportPdf(m, Template(), Fonts());
  std::string b = RenderReportPdf(m, Template(), Fonts());
  EXPECT_EQ(a, b);
  m.agency.name += "（別）";
  EXPECT_NE(a, RenderReportPdf(m, Template(), Fonts()));
}

TEST_F(RenderReportTest, TwoThreadsShareTheFontCache) {
  ReportModel m1 = samples::Normal(), m2 = samples::LongText();
  std::string want1 = RenderReportPdf(m1, Template(), Fonts());
  std::string want2 = RenderReportPdf(m2, Template(), Fonts());
  std::vector<std::string> got1(5), got2(5);
  std::thread t1([&] { for (auto& g : got1) g = RenderReportPdf(m1, Template(), Fonts()); });
  std::thread t2([&] { for (auto& g : got2) g = RenderReportPdf(m2, Template(), Fonts()); });
  t1.join();
  t2.join();
  for (const auto& g : got1) EXPECT_EQ(g, want1);
  for (const auto& g : got2) EXPECT_EQ(g, want2);
}

TEST_F(RenderReportTest, ProvisionalReportIsMarkedOnEveryPage) {
  ReportModel m = samples::Provisional();
  Rendered r = Render(m, "provisional");
  CheckValid(r);
  CheckInsidePage(r);
  std::vector<std::string> pages = Split(r.text, '\f');
  int real_pages = 0;
  for (const std::string& p : pages) {
    if (NoSpace(p).empty()) continue;
    ++real_pages;
    EXPECT_NE(p.find("【暫定】"), std::string::npos) << p.substr(0, 200);
  }
  EXPECT_GE(real_pages, 3);
  std::string text = NoSpace(r.text);
  EXPECT_NE(text.find(std::to_string(m.total_lo) + "〜" + std::to_string(m.total_hi) + "点（暫定）"),
            std::string::npos);
  EXPECT_NE(text.find("I-3、III-4"), std::string::npos);
  EXPECT_NE(text.find("未確定"), std::string::npos);

  EXPECT_EQ(text.find("一定のフィデリティ（"), std::string::npos);
  auto info = RunShell("pdfinfo '" + r.path.string() + "'");
  EXPECT_EQ(info.err, "");
  EXPECT_NE(info.out.find("Title:           【暫定】IPS援助付き雇用"), std::string::npos) << info.out;
}

TEST_F(RenderReportTest, LongTextsWrapAndContinueOnTheNextPage) {
  ReportModel m = samples::LongText();
  Rendered r = Render(m, "long");
  CheckValid(r);
  CheckInsidePage(r);
  std::string text = NoSpace(r.text);
  // The long agency name is on the cover in full (wrapped).
  EXPECT_NE(text.find(NoSpace(m.agency.name)), std::string::npos);
  // The reviewer's very long note ends up in the document, to its last words.
  const std::string& note = m.items[3].notes[0];
  std::string tail = NoSpace(note.substr(note.size() - 90));
  EXPECT_NE(text.find(tail), std::string::npos) << tail;
  EXPECT_NE(text.find("前回の評価結果がないため"), std::string::npos);
  // More pages than the normal report.
  auto info = RunShell("pdfinfo '" + r.path.string() + "'");
  std::smatch pages;
  ASSERT_TRUE(std::regex_search(info.out, pages, std::regex(R"(Pages:\s+(\d+))")));
  EXPECT_GE(std::stoi(pages[1]), 5);
}

TEST_F(RenderReportTest, MetadataAndBookmarksAreJapanese) {
  ReportModel m = samples::Normal();
  Rendered r = Render(m, "meta");
  auto info = RunShell("pdfinfo '" + r.path.string() + "'");
  EXPECT_EQ(info.err, "");
  EXPECT_NE(info.out.find("Title:           IPS援助付き雇用 フィデリティ評価 フィードバック報告書：就労支援センターはままつ"),
            std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Author:          IPSフィデリティ評価チーム"), std::string::npos);
  EXPECT_EQ(info.out.find("CreationDate"), std::string::npos);

  QPDF q;
  q.processMemoryFile("report", r.bytes.data(), r.bytes.size());
  QPDFOutlineDocumentHelper outlines(q);
  std::vector<std::string> titles;
  for (auto& o : outlines.getTopLevelOutlines()) titles.push_back(o.getTitle());
  std::vector<std::string> want;
  for (const SectionTemplate& s : Template().sections)
    if (!s.heading.empty() && s.key != "trend") want.push_back(s.heading);  // no history: no trend
  EXPECT_EQ(titles, want);
  // Every bookmark points at a page.
  for (auto& o : outlines.getTopLevelOutlines()) EXPECT_TRUE(o.getDestPage().isPageObject()) << o.getTitle();
}

TEST_F(RenderReportTest, MissingGlyphsAreReplacedVisiblyAndReported) {
  ReportModel m = samples::Normal();
  m.strengths.insert(m.strengths.begin(), ListEntry{"𠮷野家のような企業とも関係がある😀"});
  Problems problems;
  Rendered r = Render(m, "glyphs", &problems);
  CheckValid(r);
  EXPECT_NE(r.text.find("〓野家のような企業とも関係がある〓"), std::string::npos) << r.text;
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, "report.missing_glyph");
  EXPECT_EQ(problems[0].severity, Severity::kWarning);
  EXPECT_NE(problems[0].message.find("U+20BB7"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[1].message.find("U+1F600"), std::string::npos) << problems[1].message;
}


TEST_F(RenderReportTest, RegionMedianAndTrendWhenGivenASentenceWhenNot) {
  ReportModel m = samples::Normal();
  Rendered without = Render(m, "no_region");
  EXPECT_NE(NoSpace(without.text).find("地域の比較は、評価を受けた機関が5未満のため示していません"), std::string::npos);
  EXPECT_EQ(without.text.find("地域の中央値"), std::string::npos);
  EXPECT_EQ(without.text.find("これまでの推移"), std::string::npos);

  m.region.shown = true;
  m.region.agencies = 7;
  for (const ItemRow& it : m.items) m.region.item_median[it.code] = 3.5;
  m.region.item_median[m.items[0].code] = *m.items[0].score + 2.0;  // clearly below the region
  m.region.item_median[m.items[1].code] = *m.items[1].score - 1.5;  // clearly above (the edge)
  CyclePoint c;
  c.cycle = "2024年度";
  c.total = 80;
  c.subtotals = {{"staffing", 9}, {"organization", 25}, {"services", 46}};
  c.items = {{"I-1", 2}};
  c.notes = {{"I-1", "常勤換算が少なかった"}};
  m.history.cycles.push_back(c);
  m.bands = {{"exemplary", "模範的なフィデリティ", 115}, {"good", "良好なフィデリティ", 100},
             {"fair", "一定のフィデリティ", 74}, {"not_supported", "援助付き雇用とはいえない", 25}};
  m.total_min = 25;
  m.total_max = 125;
  Rendered with = Render(m, "region");
  CheckValid(with);
  std::string text = NoSpace(with.text);
  EXPECT_NE(text.find("地域の中央値"), std::string::npos);
  EXPECT_NE(text.find("3.5"), std::string::npos);
  EXPECT_EQ(text.find("5未満のため"), std::string::npos);
  EXPECT_NE(text.find("これまでの推移"), std::string::npos);
  EXPECT_NE(text.find("2024年度80"), std::string::npos) << with.text;
  EXPECT_NE(text.find("I-1（2→4点）"), std::string::npos);
  EXPECT_NE(text.find("常勤換算が少なかった"), std::string::npos);
  EXPECT_NE(text.find("地域の中央値をはっきり下回っている項目:" + m.items[0].code), std::string::npos) << with.text;
  EXPECT_NE(text.find("地域の中央値をはっきり上回っている項目:" + m.items[1].code), std::string::npos);
  // The line chart: the band limits above the scale's floor are labelled,
  // the floor's band is not a line.
  EXPECT_NE(text.find("良好なフィデリティ100"), std::string::npos) << with.text;
  EXPECT_NE(text.find("一定のフィデリティ74"), std::string::npos);
  EXPECT_EQ(text.find("援助付き雇用とはいえない25"), std::string::npos);
}

// The long-text sample (fuji-04: a weak agency whose reviewers wrote long
// notes on many items ≤ 3), run from the samples through the real binary:
// at most 6 pages; the plan table keeps the priorities and the lowest
// other items up to the template's max_rows, and names the rest, so every
// item ≤ 3 is still in the plan section (its row or the line under it).
TEST(LongTextSample, FitsSixPagesAndStillNamesEveryItemAtThreeOrBelow) {
  namespace fs = std::filesystem;
  TempDir tmp;
  fs::copy(test::DataPath("../../samples/2026"), tmp / "2026", fs::copy_options::recursive);
  // fuji-04 has no earlier cycle; without previous: the run stands on a
  // fresh clone (../out/2025 exists only after the samples were run).
  std::string yaml = Slurp(tmp / "2026/cycle.yaml"), kept;
  std::istringstream lines(yaml);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("previous:", 0) != 0) kept += line + "\n";
  std::ofstream(tmp / "2026/cycle.yaml", std::ios::binary) << kept;
  auto run = RunFidelity("run " + Q(tmp / "2026") + " -o " + Q(tmp / "o") + " --only fuji-04 --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const fs::path pdf = tmp / "o/fuji-04/report.pdf";

  auto info = RunShell("pdfinfo " + Q(pdf));
  std::smatch pages;
  ASSERT_TRUE(std::regex_search(info.out, pages, std::regex(R"(Pages:\s+(\d+))"))) << info.out << info.err;
  EXPECT_LE(std::stoi(pages[1]), 6);
  EXPECT_GE(std::stoi(pages[1]), 4);  // nothing the agency needs was dropped wholesale

  auto t = RunShell("pdftotext -enc UTF-8 " + Q(pdf) + " -");
  ASSERT_EQ(t.exit_code, 0);
  std::string page1 = t.out.substr(0, t.out.find('\f'));
  EXPECT_NE(page1.find("重点課題"), std::string::npos);
  std::string text = NoSpace(t.out);
  size_t plan_at = text.rfind(NoSpace(Template().Section("plan")->heading));
  ASSERT_NE(plan_at, std::string::npos);
  std::string plan = text.substr(plan_at);

  Json scores = Json::Parse(Slurp(tmp / "o/fuji-04/scores.json"));
  std::vector<std::string> low;
  for (const auto& [code, item] : scores.get("items")->members()) {
    const Json* s = item.get("score");
    if (s && s->type() == Json::Type::kNumber && std::stoi(s->number_text()) <= 3) low.push_back(code);
  }
  const int max_rows = std::stoi(Template().Text("plan", "max_rows"));
  ASSERT_GT(static_cast<int>(low.size()), max_rows) << "the sample no longer needs the cut";
  std::smatch rest;
  ASSERT_TRUE(std::regex_search(plan, rest, std::regex(R"(このほかの(\d+)項目（([^）]*)）)"))) << plan;
  EXPECT_EQ(std::stoi(rest[1]), static_cast<int>(low.size()) - max_rows);
  EXPECT_NE(plan.find("Excelの行動計画ファイル"), std::string::npos);
  EXPECT_NE(plan.find(NoSpace(Fill(Template().Text("plan", "intro_cut"), {{"max", std::to_string(max_rows)}}))),
            std::string::npos) << plan;
  for (const std::string& code : low) {
    // "I-1" is not found inside "II-1" nor "I-10".
    std::regex own("(^|[^I])" + code + "(?![0-9])");
    EXPECT_TRUE(std::regex_search(plan, own)) << code << " is not in the plan section";
  }
  // The table has max_rows rows: the items ≤ 3 not named in the line.
  std::string named = rest[2];
  int shown = 0;
  for (const std::string& code : low)
    if (!std::regex_search(named, std::regex("(^|[^I])" + code + "(?![0-9])"))) ++shown;
  EXPECT_EQ(shown, max_rows);

  auto lint = RunShell("/usr/bin/python3 " + Q(test::DataPath("../../../shared/tools/report_lint.py")) + " " + Q(pdf));
  if (lint.exit_code != 127 && lint.err.find("No such file") == std::string::npos)
    EXPECT_EQ(lint.exit_code, 0) << lint.out << lint.err;
}

// A report whose items ≤ 3 fit the plan table lists them all, without the
// line about the ones left out.
TEST_F(RenderReportTest, PlanTableListsEveryItemWhenTheyFit) {
  ReportModel m = samples::Normal();
  Rendered r = Render(m, "plan_all");
  std::string text = NoSpace(r.text);
  EXPECT_EQ(text.find("このほかの"), std::string::npos);
  const std::string& cut = Template().Text("plan", "intro_cut");
  EXPECT_EQ(text.find(NoSpace(cut.substr(0, cut.find('{')))), std::string::npos);
  EXPECT_NE(text.find(NoSpace(Template().Text("plan", "intro"))), std::string::npos);
}

}  // namespace
}  // namespace fidelity::report
