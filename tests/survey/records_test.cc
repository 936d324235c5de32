// 計算シート2 支援記録等: blocks, codes in column A, values from column C.
#include <gtest/gtest.h>

#include "pipeline/survey/reader.h"
#include "tests/survey/builder.h"

namespace fidelity {
namespace {

using test::BaselineWorkbook;
using test::On;
using test::OnlyProblem;
using test::Read;

const std::string kRecords = "計算シート2 支援記録等";

TEST(Records, BaselineValues) {
  Survey s = Read(BaselineWorkbook());
  const RecordSheet& r = s.records;
  ASSERT_TRUE(r.present);
  EXPECT_TRUE(r.i3_block_present);
  const std::array<std::optional<int>, 6> i3 = {1, 1, 1, 1, 0, 1};
  EXPECT_EQ(r.i3, i3);
  ASSERT_EQ(r.iii4.size(), 6u);  // III-4-7 has no 登録日: not a case
  EXPECT_EQ(r.iii4[0].code, "III-4-1");
  EXPECT_EQ(r.iii4[0].registered, (Date{2025, 10, 1}));
  EXPECT_EQ(*r.iii4[0].contact, (Date{2025, 10, 20}));
  EXPECT_EQ(r.iii4[0].where, kRecords + "!C14");
  EXPECT_FALSE(r.iii4[2].contact);  // no contact yet
  EXPECT_EQ(r.iii5, (std::vector<int>{1, 1, 0, 1, 1, 1, 1, 0, 1}));
  EXPECT_EQ(r.iii11.size(), 23u);
  EXPECT_EQ(r.iii11.at("1a"), 1);
  EXPECT_EQ(r.iii11.at("1c"), 0);
  EXPECT_FALSE(r.iii11.count("1e"));  // blank
  EXPECT_EQ(r.iii11.at("4k"), 1);
  ASSERT_EQ(r.iii12i.size(), 3u);  // III-12-i-4 all blank: not a case
  EXPECT_EQ(r.iii12i[1].code, "III-12-i-2");
  EXPECT_EQ(r.iii12i[1].cols, (std::array<int, 3>{1, 1, 0}));
  EXPECT_EQ(r.iii12i[2].cols, (std::array<int, 3>{1, 0, 1}));  // a blank inside a case counts 0
}

TEST(Records, ReviewersCountsForDiversity) {
  Workbook wb = BaselineWorkbook();
  EXPECT_TRUE(Read(wb).records.counts.empty());  // no rows: the automatic count
  On(wb, kRecords).Str("A90", "III-8-n").Num("C90", "4").Str("A91", "III-9-n");  // III-9 blank
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty()) << test::DumpProblems(s.problems);
  EXPECT_EQ(s.records.counts, (std::map<std::string, int>{{"III-8", 4}}));
  EXPECT_EQ(s.records.count_where.at("III-8"), kRecords + "!C90");
  On(wb, kRecords).Num("C91", "2.5");
  s = Read(wb);
  EXPECT_TRUE(test::OnlyProblem(s.problems, "survey.record_count_invalid", Severity::kWarning, kRecords + "!C91"));
  EXPECT_EQ(s.records.counts.count("III-9"), 0u);
}

TEST(Records, BlankI3Block) {
  Workbook wb = BaselineWorkbook();
  for (int r = 5; r <= 10; ++r) On(wb, kRecords).Clear("C" + std::to_string(r));
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty());
  EXPECT_TRUE(s.records.i3_block_present);
  for (const auto& v : s.records.i3) EXPECT_FALSE(v);
}

TEST(Records, NoI3Rows) {
  Workbook wb = BaselineWorkbook();
  for (int r = 5; r <= 10; ++r) On(wb, kRecords).Clear("A" + std::to_string(r));
  Survey s = Read(wb);
  EXPECT_FALSE(s.records.i3_block_present);
}

TEST(Records, NotZeroOrOne) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Num("C5", "2");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.not_binary", Severity::kError, kRecords + "!C5"));
}

TEST(Records, QuestionMark) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Str("C23", "?");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.not_a_number", Severity::kError, kRecords + "!C23"));
  EXPECT_EQ(s.records.iii5.size(), 8u);
}

TEST(Records, ContactDateWithoutRegistration) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).DateCell("D20", {2026, 3, 1});  // III-4-7
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.record_incomplete", Severity::kWarning, kRecords + "!C20"));
  EXPECT_EQ(s.records.iii4.size(), 6u);
}

TEST(Records, BadContactDate) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Str("D14", "10月頃");
  EXPECT_TRUE(OnlyProblem(Read(wb).problems, "survey.not_a_date", Severity::kError, kRecords + "!D14"));
}

TEST(Records, TextDates) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Str("C14", "2025/10/1").Str("D14", "2025/10/20");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty());
  EXPECT_EQ(*s.records.iii4[0].contact, (Date{2025, 10, 20}));
}

TEST(Records, DuplicateCodeKeepsTheFirst) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Str("A80", "I-3-i").Num("C80", "0");
  Survey s = Read(wb);
  EXPECT_TRUE(OnlyProblem(s.problems, "survey.record_code_duplicate", Severity::kWarning, kRecords + "!A80"));
  EXPECT_EQ(s.records.i3[0], 1);
}

TEST(Records, BlockTitlesAreNotData) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Str("A3", "【I-3-i】").Num("C3", "7");
  Survey s = Read(wb);
  EXPECT_TRUE(s.problems.empty());
}

TEST(Records, RowsInAnyOrderKeepTheLayoutOrder) {
  Workbook wb = BaselineWorkbook();
  // Swap the codes of III-4-1 and III-4-2.
  On(wb, kRecords).Str("A14", "III-4-2").Str("A15", "III-4-1");
  Survey s = Read(wb);
  EXPECT_EQ(s.records.iii4[0].code, "III-4-1");
  EXPECT_EQ(s.records.iii4[0].registered, (Date{2025, 11, 15}));
  EXPECT_EQ(s.records.iii4[0].where, kRecords + "!C15");
}

TEST(Records, CodesAfterNfkc) {
  Workbook wb = BaselineWorkbook();
  On(wb, kRecords).Str("A5", "Ｉ－３－ｉ");  // full-width letters; U+FF0D is NFKC '-'
  Survey s = Read(wb);
  EXPECT_EQ(s.records.i3[0], 1);
}

}  // namespace
}  // namespace fidelity
