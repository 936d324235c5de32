// Random damage to the baseline never crashes the reader, and every problem
// has a code, a place and a message; 調査票4 messages quote nothing.
#include <gtest/gtest.h>

#include "pipeline/survey/reader.h"
#include "pipeline/survey/sampling.h"
#include "tests/survey/builder.h"

namespace fidelity {
namespace {

TEST(Robustness, RandomDamage) {
  const std::vector<std::string> sheets = {"記載日", "調査票1 機関の就労率", "調査票2 直近の就労者リスト",
                                           "調査票3 スタッフ配置", "調査票4 利用者一覧", "計算シート2 支援記録等"};
  const std::vector<std::string> texts = {"?", "", "  ", "合計", "※注意", "No.", "役割", "利用者ID", "就職日", "ES",
                                          "2026/02/30", "R8.13.1", "令和元年5月1日", "１２", "85%", "-0", "1e3",
                                          "99999999999999999999999999", "【III-4】", "I-3-i", "III-4-1", "A-1",
                                          "SECRET-ID"};
  const std::vector<std::string> numbers = {"0", "1", "-1", "0.5", "45123", "1E+300", "1e-300", "3000000",
                                            "123456789012345678901234567890", "0.59999999999999998"};
  SplitMix64 rng(2026);
  int problems_seen = 0;
  for (int round = 0; round < 400; ++round) {
    Workbook wb = test::BaselineWorkbook();
    const int edits = 1 + static_cast<int>(rng.Below(6));
    for (int e = 0; e < edits; ++e) {
      auto b = test::On(wb, sheets[rng.Below(sheets.size())]);
      std::string ref = std::string(1, static_cast<char>('A' + rng.Below(9))) + std::to_string(1 + rng.Below(30));
      switch (rng.Below(8)) {
        case 0: b.Str(ref, texts[rng.Below(texts.size())]); break;
        case 1: b.Num(ref, numbers[rng.Below(numbers.size())]); break;
        case 2: b.Pct(ref, numbers[rng.Below(numbers.size())]); break;
        case 3: b.DateCell(ref, {2000 + static_cast<int>(rng.Below(40)), 1 + static_cast<int>(rng.Below(12)), 1}); break;
        case 4: b.Bool(ref, rng.Below(2)); break;
        case 5: b.Formula(ref); break;
        case 6: b.Error(ref, "#DIV/0!"); break;
        default: b.Clear(ref); break;
      }
    }
    if (rng.Below(10) == 0) test::RemoveSheet(wb, sheets[rng.Below(sheets.size())]);
    if (rng.Below(10) == 0) wb.date1904 = true;
    Survey s;
    ASSERT_NO_THROW(s = test::Read(wb)) << "round " << round;
    for (const auto& p : s.problems) {
      ++problems_seen;
      EXPECT_FALSE(p.code.empty());
      EXPECT_FALSE(p.where.empty());
      EXPECT_FALSE(p.message.empty());
      if (p.where.rfind("調査票4", 0) == 0) EXPECT_EQ(p.message.find("SECRET"), std::string::npos) << p.message;
    }
    if (s.record_date) {
      SampleResult r;
      ASSERT_NO_THROW(r = DrawSample(s, round));
    }
  }
  EXPECT_GT(problems_seen, 200);
}

}  // namespace
}  // namespace fidelity
