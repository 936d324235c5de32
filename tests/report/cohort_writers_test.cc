// The summary writers on a cohort filled by hand: summary.csv (no
// date-like range, Japanese status words, formula guard), summary.xlsx
// (cells equal the CSV's, read back with openpyxl), summary.pdf (its text
// read back with pdftotext), all byte-identical on a rerun.
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/summary_csv.h"
#include "pipeline/report/summary_pdf.h"
#include "pipeline/report/summary_xlsx.h"
#include "tests/test_util.h"

namespace fidelity::report {
namespace {

namespace fs = std::filesystem;

const SummaryTemplate& Tpl() {
  static const SummaryTemplate t = LoadDefaultSummaryTemplate();
  return t;
}

CohortRow Scored(const CohortSpec& s, const std::string& id, const std::string& name, int score, int first) {
  CohortRow r;
  r.id = id;
  r.name = name;
  r.type = "地域事業所";
  r.status = CohortStatus::kScored;
  r.items.assign(s.item_codes.size(), score);
  r.items[0] = first;
  r.total = first + score * 24;
  r.band = *r.total >= 100 ? "good" : *r.total >= 74 ? "fair" : "not_supported";
  r.subtotals = {first + 2 * score, 8 * score, 14 * score};
  r.subtotal_ranges.assign(3, std::nullopt);
  r.goi_total = 7;
  r.exact = 0.88;
  r.within_one = 1.0;
  return r;
}

CohortModel Sample() {
  CohortSpec s = CohortSpecOf(LoadInstrumentFile(DefaultInstrumentPath()), "2026年度", Tpl().Threshold("region_minimum"));
  std::vector<CohortRow> rows;
  rows.push_back(Scored(s, "hamamatsu-01", "就労支援センターはままつ", 4, 5));
  rows.back().previous_total = 82;
  rows.push_back(Scored(s, "mishima-05", "=HYPERLINK(\"http://x\")", 3, 2));
  rows.back().previous_total = 80;
  for (int i = 0; i < 4; ++i) rows.push_back(Scored(s, "a-0" + std::to_string(i), "機関" + std::to_string(i), 3 + (i % 2), 1 + i));
  CohortRow p = Scored(s, "numazu-03", "ぬまづ就労サポートセンター", 4, 4);
  p.status = CohortStatus::kProvisional;
  p.total.reset();
  p.band.clear();
  p.items[3].reset();
  p.subtotals[1].reset();
  p.subtotal_ranges[1] = std::make_pair(28, 32);
  p.total_range = std::make_pair(100, 104);
  p.missing = {"II-1"};
  rows.push_back(p);
  rows.push_back(FailedCohortRow("broken-09", "壊れた調査票の機関", "医療機関",
                                 {Error("xlsx.not_zip", "事前調査票.xlsx", "Excel のファイル（.xlsx）ではありません")}));
  PastCycle y25{"2025年度", "out/2025", 0, {}};
  CyclePoint a;
  a.total = 82;
  a.band = "fair";
  CyclePoint b = a;
  b.total = 80;
  y25.agencies = {{"hamamatsu-01", a}, {"mishima-05", b}};
  return BuildCohort(s, rows, {y25});
}

TEST(SummaryCsv, RangesAreNeverDatesAndStatusWordsAreJapanese) {
  std::string csv = SummaryCsv(Sample(), Tpl());
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("id,機関名,種別,I-1,I-2"), std::string::npos);
  EXPECT_NE(csv.find(",状態,備考\r\n"), std::string::npos) << csv.substr(0, 400);
  EXPECT_NE(csv.find(",100〜104,,"), std::string::npos);      // total range, band empty
  EXPECT_NE(csv.find(",28〜32,"), std::string::npos);         // the organisation subtotal's range
  EXPECT_EQ(csv.find("100-104"), std::string::npos);
  EXPECT_NE(csv.find(",101,良好なフィデリティ,7,82,+19,0.88,1.00,0,確定,\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",暫定,未決の項目: II-1（合計 100〜104 点）\r\n"), std::string::npos);
  EXPECT_NE(csv.find("broken-09,壊れた調査票の機関,医療機関,,"), std::string::npos);
  EXPECT_NE(csv.find(",処理できず,Excel のファイル（.xlsx）ではありません（事前調査票.xlsx）\r\n"), std::string::npos);
  // The formula guard: a name that starts with = is written as text.
  EXPECT_NE(csv.find("mishima-05,\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-6,"), std::string::npos);  // a fall keeps its sign, unguarded: it is a number
  int lines = 0;
  for (char ch : csv) lines += ch == '\n';
  EXPECT_EQ(lines, 9);
}

TEST(SummaryXlsx, AgencyCellsEqualTheCsvAndTheOtherSheetsHoldTheStatistics) {
  CohortModel m = Sample();
  test::TempDir t;
  std::ofstream(t / "summary.xlsx", std::ios::binary) << SummaryXlsx(m, Tpl());
  std::ofstream(t / "summary.csv", std::ios::binary) << SummaryCsv(m, Tpl());
  std::ofstream(t / "check.py") << R"(import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(wb.sheetnames)
ws = wb['機関']
rows = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline='')))
bad = 0
for r, row in enumerate(rows, start=1):
    for c, text in enumerate(row, start=1):
        v = ws.cell(r, c).value
        if v is None: v = ''
        same = (float(text) == float(v)) if isinstance(v, (int, float)) else (text == v)
        if not same:
            bad += 1
            print('diff', r, c, repr(text), repr(v))
print('rows', len(rows), 'cols', len(rows[0]), 'diffs', bad)
print('tables', list(ws.tables.keys()), ws.tables[list(ws.tables.keys())[0]].ref, ws.tables[list(ws.tables.keys())[0]].autoFilter is not None)
items = wb['項目']
print('item', [items.cell(2, c).value for c in range(1, 15)])
print('scales', len(items.conditional_formatting))
hist = wb['地域の推移']
print('hist', [[hist.cell(r, c).value for c in range(1, 9)] for r in (2, 3)])
)";
  auto r = test::RunShell("/usr/bin/python3 " + test::Q(t / "check.py") + " " + test::Q(t / "summary.xlsx") + " " +
                          test::Q(t / "summary.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("['機関', '項目', '地域の推移']"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rows 9 cols 41 diffs 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" A1:AO9 True"), std::string::npos) << r.out;
  // I-1 over the 6 scored agencies: 5, 2, 1, 2, 3, 4 -> median 2.5, Q1 2, Q3 3.75.
  EXPECT_NE(r.out.find("item ['I-1', 'ケースロード', 6, 2.5, 2, 3.75, 1, 5, 2.83333333333333"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(", 1, 2, 1, 1, 1]"), std::string::npos) << r.out;  // agencies at 1..5
  EXPECT_NE(r.out.find("scales 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hist [['2025年度', 2, 0, 0, 0, 0, 2, 0], ['2026年度', 6, 1, 1,"), std::string::npos) << r.out;
  EXPECT_EQ(SummaryXlsx(m, Tpl()), SummaryXlsx(m, Tpl()));
}

TEST(SummaryPdf, ShowsEverySectionInJapaneseAndIsDeterministic) {
  CohortModel m = Sample();
  pdf::FontCache fonts = pdf::FontCache::FromDataDir();
  std::string a = RenderSummaryPdf(m, Tpl(), fonts);
  EXPECT_EQ(a, RenderSummaryPdf(m, Tpl(), fonts));
  test::TempDir t;
  std::ofstream(t / "s.pdf", std::ios::binary) << a;
  auto text = test::RunShell("pdftotext -layout " + test::Q(t / "s.pdf") + " -");
  ASSERT_EQ(text.exit_code, 0);
  for (const char* s : {"2026年度 フィデリティ調査 地域のまとめ", "フィデリティ区分の分布", "年度ごとの分布", "地域の推移",
                        "機関ごとの合計点", "0〜125 点", "項目ごとの地域の状況", "地域全体で低い項目",
                        "処理できなかった機関・暫定の機関", "壊れた調査票の機関", "未決の項目: II-1",
                        "地域の中央値（確定した 6 機関）", "2025年度"})
    EXPECT_NE(text.out.find(s), std::string::npos) << s;
  auto check = test::RunShell("qpdf --check " + test::Q(t / "s.pdf"));
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST(SummaryTemplate, AMissingKeyIsFoundAtLoad) {
  std::string text = test::Slurp(test::RepoPath() / "templates/summary.yaml");
  std::string cut = text;
  cut.erase(cut.find("  weakest_heading:"), cut.find('\n', cut.find("  weakest_heading:")) - cut.find("  weakest_heading:") + 1);
  Problem p = test::ProblemOf([&] { ParseSummaryTemplate(cut, "summary.yaml"); });
  EXPECT_EQ(p.code, "template.missing");
  EXPECT_NE(p.message.find("text.weakest_heading"), std::string::npos) << p.message;
  std::string colour = text;
  colour.replace(colour.find("\"#F8696B\""), 9, "\"red\"");
  EXPECT_EQ(test::ProblemOf([&] { ParseSummaryTemplate(colour, "summary.yaml"); }).code, "template.colour");
}

}  // namespace
}  // namespace fidelity::report
