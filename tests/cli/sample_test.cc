// `fidelity sample WORKBOOK --seed N [--json]` through the real binary: the
// JSON shape, reproducibility, the group edges (exactly 3, 6 and 12 months
// before 記載日, with the day clamped), short groups on stderr.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "pipeline/core/json.h"
#include "pipeline/forms/workbook_writer.h"
#include "pipeline/survey/layout.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::RunFidelity;
using test::TempDir;

using test::Q;
fs::path RoundTrip() { return test::DataPath("forms/roundtrip/mishima/事前調査票.xlsx"); }

std::vector<std::string> Strings(const Json& arr) {
  std::vector<std::string> v;
  for (const auto& x : arr.items()) v.push_back(x.as_string());
  return v;
}

TEST(Sample, JsonHasExactlyGroupsAndSample) {
  auto r = RunFidelity("sample " + Q(RoundTrip()) + " --seed 7 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json j = Json::Parse(r.out);
  ASSERT_EQ(j.type(), Json::Type::kObject);
  ASSERT_EQ(j.members().size(), 2u);
  EXPECT_EQ(j.members()[0].first, "groups");
  EXPECT_EQ(j.members()[1].first, "sample");
  // groups: every 利用者ID in sheet order, "A"/"B"/"C" or null.
  const Json& g = *j.get("groups");
  ASSERT_EQ(g.members().size(), 30u);
  EXPECT_EQ(g.members().front().first, "U101");
  EXPECT_EQ(g.members().back().first, "U130");
  std::map<std::string, int> count;
  for (const auto& [id, v] : g.members()) {
    if (v.is_null()) {
      count["null"]++;
    } else {
      ASSERT_EQ(v.type(), Json::Type::kString) << id;
      ASSERT_TRUE(v.as_string() == "A" || v.as_string() == "B" || v.as_string() == "C") << id;
      count[v.as_string()]++;
    }
  }
  // By SPEC §3.3 with 記載日 2026/09/30 (tests/data/forms/fill_blank.py's users):
  // registered every 11 days from 2025/10/01, every third one working 40 days later.
  // U110 and U122 got a job and left it (離職): not working, so A, not C / B.
  EXPECT_EQ(count["A"], 18);
  EXPECT_EQ(count["B"], 4);
  EXPECT_EQ(count["C"], 4);
  EXPECT_EQ(g.get("U110")->as_string(), "A");
  EXPECT_EQ(g.get("U122")->as_string(), "A");
  EXPECT_EQ(count["null"], 4);
  // sample: exactly A, B, C; 3/4/3 ids, each from its group, no repeats.
  const Json& s = *j.get("sample");
  ASSERT_EQ(s.members().size(), 3u);
  const char* names[] = {"A", "B", "C"};
  const size_t want[] = {3, 4, 3};
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(s.members()[k].first, names[k]);
    auto ids = Strings(s.members()[k].second);
    EXPECT_EQ(ids.size(), want[k]);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
    for (const auto& id : ids) EXPECT_EQ(g.get(id)->as_string(), names[k]) << id;
  }
  EXPECT_EQ(r.err, "");  // no group is short
}

TEST(Sample, SameSeedSameOutputOtherSeedsDiffer) {
  auto a = RunFidelity("sample " + Q(RoundTrip()) + " --seed 2026 --json");
  auto b = RunFidelity("sample " + Q(RoundTrip()) + " --seed 2026 --json");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  auto ta = RunFidelity("sample " + Q(RoundTrip()) + " --seed 2026");
  auto tb = RunFidelity("sample " + Q(RoundTrip()) + " --seed 2026");
  EXPECT_EQ(ta.out, tb.out);
  EXPECT_NE(ta.out.find("記録レビューのケース（シード 2026）"), std::string::npos) << ta.out;
  // Ten other seeds: the A group (16 rows, 560 ordered draws of 3) cannot
  // come out the same every time unless the seed is ignored.
  std::set<std::string> draws;
  for (int seed = 1; seed <= 10; ++seed) {
    auto r = RunFidelity("sample " + Q(RoundTrip()) + " --seed " + std::to_string(seed) + " --json");
    ASSERT_EQ(r.exit_code, 0);
    draws.insert(Json::Parse(r.out).get("sample")->Dump());
  }
  EXPECT_GE(draws.size(), 8u);
}

// A workbook with rows on each side of every edge, written by our own form writer.
// 記載日 R = 2026/08/31: R−3m = 2026/05/31, R−6m = 2026/02/28 (clamped), R−12m = 2025/08/31.
TEST(Sample, EdgesAreIncludedAndDaysClamped) {
  Survey s;
  s.agency_name = "境界テスト";
  s.record_date = Date{2026, 8, 31};
  s.writer = "テスト";
  for (const char* k : {"A-1", "A-2", "B-1", "B-2", "B-3"}) s.counts[k].value = Rational(k[0] == 'A' ? 20 : 5);
  auto user = [&](const char* id, Date reg, std::optional<Date> emp) {
    UserRow u;
    u.id = id;
    u.mental = 1;
    u.severe = 1;
    u.registered = reg;
    u.employed = emp;
    u.status = emp ? "就労中" : "求職中";
    s.users.push_back(u);
  };
  user("A-12m", {2025, 8, 31}, std::nullopt);          // = R−12m: A
  user("x-12m-1d", {2025, 8, 30}, std::nullopt);       // a day earlier: none
  user("A-3m", {2026, 5, 31}, std::nullopt);           // = R−3m: A
  user("x-3m+1d", {2026, 6, 1}, std::nullopt);         // a day later: none
  user("B-6m", {2025, 12, 1}, Date{2026, 2, 28});      // 就職日 = R−6m (8/31 − 6m clamped): B
  user("C-6m-1d", {2025, 12, 1}, Date{2026, 2, 27});   // a day earlier: C
  user("C-12m", {2025, 6, 1}, Date{2025, 8, 31});      // 就職日 = R−12m: C
  user("x-12m-1d-job", {2025, 6, 1}, Date{2025, 8, 30});  // a day earlier: none
  user("B-reg12m", {2025, 8, 31}, Date{2026, 7, 1});   // 登録日 = R−12m, recent job: B
  user("x-reg-old", {2025, 8, 30}, Date{2026, 7, 1});  // 登録日 before R−12m: not B, and too recent for C
  TempDir t;
  WritePreSurveyWorkbook(DefaultLayout(), &s, t / "edges.xlsx");

  auto r = RunFidelity("sample " + Q(t / "edges.xlsx") + " --seed 1 --json");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  Json j = Json::Parse(r.out);
  const Json& g = *j.get("groups");
  ASSERT_EQ(g.members().size(), 10u);
  for (const auto& [id, v] : g.members()) {
    SCOPED_TRACE(id);
    if (id[0] == 'x') {
      EXPECT_TRUE(v.is_null());
    } else {
      ASSERT_EQ(v.type(), Json::Type::kString);
      EXPECT_EQ(v.as_string(), id.substr(0, 1));
    }
  }
  // Every group short: all drawn, and stderr says so for each.
  auto sample = j.get("sample");
  EXPECT_EQ(sample->get("A")->size(), 2u);
  EXPECT_EQ(sample->get("B")->size(), 2u);
  EXPECT_EQ(sample->get("C")->size(), 2u);
  for (const char* want : {"A", "B", "C"}) {
    // stderr names the group and both numbers (wanted and available).
    bool found = false;
    std::string line;
    for (size_t a = 0, b; a < r.err.size(); a = b + 1) {
      b = r.err.find('\n', a);
      if (b == std::string::npos) b = r.err.size();
      line = r.err.substr(a, b - a);
      if (line.find(std::string(want)) != std::string::npos && line.find('2') != std::string::npos &&
          line.find(want[0] == 'B' ? '4' : '3') != std::string::npos)
        found = true;
    }
    EXPECT_TRUE(found) << want << "\n" << r.err;
  }
  // The JSON on stdout stays clean (notes go to stderr only).
  EXPECT_EQ(r.out.find("注意"), std::string::npos);
}

TEST(Sample, NoRecordDateIsAnErrorNotAGuess) {
  Survey s;
  s.agency_name = "記載日なし";
  UserRow u;
  u.id = "U1";
  u.registered = Date{2026, 1, 5};
  s.users.push_back(u);
  TempDir t;
  WritePreSurveyWorkbook(DefaultLayout(), &s, t / "nodate.xlsx");
  auto r = RunFidelity("sample " + Q(t / "nodate.xlsx") + " --seed 1 --json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("survey.record_date_missing"), std::string::npos) << r.err;
}

TEST(Sample, Usage) {
  EXPECT_EQ(RunFidelity("sample").exit_code, 2);
  EXPECT_EQ(RunFidelity("sample " + Q(RoundTrip())).exit_code, 2);                  // no --seed
  EXPECT_EQ(RunFidelity("sample " + Q(RoundTrip()) + " --seed").exit_code, 2);
  EXPECT_EQ(RunFidelity("sample " + Q(RoundTrip()) + " --seed x1").exit_code, 2);
  EXPECT_EQ(RunFidelity("sample " + Q(RoundTrip()) + " --seed -3").exit_code, 2);
  EXPECT_EQ(RunFidelity("sample a.xlsx b.xlsx --seed 1").exit_code, 2);
  auto h = RunFidelity("sample --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("--seed N"), std::string::npos);
}

TEST(Sample, ProtectedWorkbookWithPasswordFile) {
  auto plain = RunFidelity("sample " + Q(RoundTrip()) + " --seed 5 --json");
  auto prot = RunFidelity("sample " + Q(test::DataPath("cli/protected.xlsx")) + " --seed 5 --json --password-file " +
                          Q(test::DataPath("cli/protected.pw")));
  ASSERT_EQ(prot.exit_code, 0) << prot.err;
  EXPECT_EQ(prot.out, plain.out);  // the same data, encrypted
  EXPECT_EQ(RunFidelity("sample " + Q(test::DataPath("cli/protected.xlsx")) + " --seed 5").exit_code, 1);
}

}  // namespace
}  // namespace fidelity
