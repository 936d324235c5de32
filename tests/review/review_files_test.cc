// The reviewer-file fixtures in tests/data/review parse as the spec says.
#include <gtest/gtest.h>

#include "pipeline/core/fs.h"
#include "pipeline/review/review.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

TEST(ReviewFiles, FixturesParse) {
  Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  auto path = test::DataPath("review/山田.yaml");
  ReviewerFile y = ParseReviewerFile(ReadFile(path), path.filename().string(), ins);
  EXPECT_EQ(y.reviewer, "山田 花子");
  EXPECT_EQ(y.items.size(), 16u);
  EXPECT_EQ(y.items.at("III-14").checks.at("iv"), 1);
  EXPECT_EQ(y.items.at("III-14").line, 18);
  EXPECT_EQ(y.strengths.size(), 2u);
  auto cpath = test::DataPath("review/合議.yaml");
  ReviewerFile c = ParseReviewerFile(ReadFile(cpath), cpath.filename().string(), ins);
  EXPECT_EQ(c.reviewer, "合議");
  EXPECT_EQ(c.items.at("II-4").score, 3);
  EXPECT_EQ(c.goi.at("G7"), true);
}

}  // namespace
}  // namespace fidelity
