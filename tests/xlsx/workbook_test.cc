#include "pipeline/xlsx/workbook.h"

#include <gtest/gtest.h>

namespace fidelity {
namespace {

TEST(CellRef, Letters) {
  EXPECT_EQ(CellRef(1, 1), "A1");
  EXPECT_EQ(CellRef(12, 3), "C12");
  EXPECT_EQ(CellRef(5, 26), "Z5");
  EXPECT_EQ(CellRef(5, 27), "AA5");
  EXPECT_EQ(CellRef(1, 52), "AZ1");
  EXPECT_EQ(CellRef(1, 53), "BA1");
  EXPECT_EQ(CellRef(1, 702), "ZZ1");
  EXPECT_EQ(CellRef(1, 703), "AAA1");
  EXPECT_EQ(CellRef(kMaxRow, kMaxCol), "XFD1048576");
  EXPECT_EQ(CellRef(0, 1), "?");
}

TEST(ParseCellRef, RoundTripsAndRejects) {
  for (int col : {1, 2, 26, 27, 52, 53, 702, 703, 16384}) {
    for (int row : {1, 9, 10, 1048576}) {
      int r = 0, c = 0;
      ASSERT_TRUE(ParseCellRef(CellRef(row, col), &r, &c)) << CellRef(row, col);
      EXPECT_EQ(r, row);
      EXPECT_EQ(c, col);
    }
  }
  int r = -1, c = -1;
  EXPECT_TRUE(ParseCellRef("$c$12", &r, &c));
  EXPECT_EQ(r, 12);
  EXPECT_EQ(c, 3);
  EXPECT_TRUE(ParseCellRef(std::string("b7"), &r, &c));
  EXPECT_EQ(c, 2);
  for (const char* bad : {"", "A", "1", "A0", "1A", "XFE1", "A1048577", "AAAA1", "A1B", "A-1", " A1", "A1 "}) {
    r = c = -7;
    EXPECT_FALSE(ParseCellRef(bad, &r, &c)) << bad;
    EXPECT_EQ(r, -7) << bad;
  }
}

TEST(Sheet, At) {
  Sheet s;
  Cell five;
  five.type = CellType::kNumber;
  five.text = "5";
  s.cells[{2, 3}] = five;
  ASSERT_NE(s.at(2, 3), nullptr);
  EXPECT_EQ(s.at(2, 3)->text, "5");
  EXPECT_EQ(s.at(3, 2), nullptr);
}

TEST(Workbook, FindAfterNfkcAndTrim) {
  Workbook wb;
  for (const char* name : {"記載日", "調査票1 機関の就労率", " ＡＢＣ１ "}) {
    wb.sheets.emplace_back();
    wb.sheets.back().name = name;
  }
  EXPECT_EQ(wb.find("記載日"), &wb.sheets[0]);
  EXPECT_EQ(wb.find("　記載日　"), &wb.sheets[0]);
  EXPECT_EQ(wb.find("調査票１　機関の就労率"), &wb.sheets[1]);
  EXPECT_EQ(wb.find("ABC1"), &wb.sheets[2]);
  EXPECT_EQ(wb.find("調査票1"), nullptr);
  EXPECT_EQ(wb.find(""), nullptr);
}

}  // namespace
}  // namespace fidelity
