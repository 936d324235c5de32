#include "pipeline/retention/retention_csv.h"

#include <gtest/gtest.h>

namespace fidelity::retention {
namespace {

TEST(RetentionCsvTest, BytesExactly) {
  Checklist c = LoadChecklist(DefaultRetentionConfig());
  Check a;
  a.ratings = {{"I-1", 4}, {"II-1", 2}, {"II-2", 3}, {"II-3", 2}, {"II-4", 2},
               {"III-1", 4}, {"III-2", 5}, {"III-3", 4}, {"III-4", 4}, {"IV-1", 5},
               {"V-1", 4}, {"VI-1", 5}, {"VI-2", 5}};
  Check b;  // only domain I rated
  b.ratings = {{"I-1", 1}, {"I-2", 2}};
  std::vector<CsvRow> rows = {{"P-0001", {2026, 10, 1}, ScoreDomains(c, a)},
                              {"P,\"2\"", {2026, 4, 1}, ScoreDomains(c, b)}};
  EXPECT_EQ(RetentionCsv(c, rows),
            "\xEF\xBB\xBF"
            "person,date,I,II,III,IV,V,VI\r\n"
            "P-0001,2026-10-01,4.0,2.3,4.3,5.0,4.0,5.0\r\n"
            "\"P,\"\"2\"\"\",2026-04-01,1.5,,,,,\r\n");
  EXPECT_EQ(RetentionCsv(c, {}), "\xEF\xBB\xBF" "person,date,I,II,III,IV,V,VI\r\n");
}

}  // namespace
}  // namespace fidelity::retention
