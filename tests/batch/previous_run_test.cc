// The previous-run chain: followed through each run.json's own `previous`,
// stopped cleanly at a missing link, a loop and the ten-cycle limit; every
// earlier scores.json validated like any input.
#include "pipeline/batch/previous_run.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;

const Instrument& Ins() {
  static const Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
  return ins;
}

void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

// A scores.json with every item at `score` except I-1 at `i1`.
std::string Scores(int score, int i1, const std::string& note = "") {
  std::string items;
  int total = 0;
  for (const auto& it : Ins().items) {
    int s = it.code == "I-1" ? i1 : score;
    total += s;
    items += (items.empty() ? "" : ",") + std::string("\"") + it.code + "\": {\"score\": " + std::to_string(s) +
             (it.code == "I-1" && !note.empty() ? ", \"notes\": [\"" + note + "\"]" : "") + "}";
  }
  std::string band = total >= 100 ? "good" : total >= 74 ? "fair" : "not_supported";
  return "{\"items\": {" + items + "}, \"subtotals\": {\"staffing\": " + std::to_string(2 * score + i1) +
         ", \"organization\": " + std::to_string(8 * score) + ", \"services\": " + std::to_string(14 * score) +
         "}, \"total\": " + std::to_string(total) + ", \"band\": \"" + band + "\"}";
}

// OUT/<name>/run.json naming `previous` and the agencies (id, ok).
void WriteRun(const fs::path& dir, const std::string& cycle, const std::string& previous,
         const std::vector<std::pair<std::string, int>>& agencies) {
  std::string list;
  for (const auto& [id, score] : agencies) {
    list += (list.empty() ? "" : ",") + std::string("{\"id\": \"") + id + "\", \"status\": \"" +
            (score ? "ok" : "failed") + "\"}";
    if (score) Write(dir / id / "scores.json", Scores(score, score));
  }
  Write(dir / "run.json", "{\"cycle\": \"" + cycle + "\"" +
                              (previous.empty() ? "" : ", \"previous\": \"" + previous + "\"") +
                              ", \"agencies\": [" + list + "]}");
}

TEST(PreviousChain, FollowsEveryRunJsonBackOldestFirst) {
  test::TempDir t;
  WriteRun(t / "out/2023", "2023年度", "", {{"a", 2}});
  WriteRun(t / "out/2024", "2024年度", "../2023", {{"a", 3}, {"b", 0}});
  WriteRun(t / "out/2025", "2025年度", "../2024", {{"a", 4}, {"b", 3}});
  PreviousChain c = ReadPreviousChain(t / "out/2025", Ins());
  EXPECT_TRUE(c.problems.empty()) << c.problems.size();
  ASSERT_EQ(c.cycles.size(), 3u);
  EXPECT_EQ(c.cycles[0].cycle, "2023年度");
  EXPECT_EQ(c.cycles[2].cycle, "2025年度");
  EXPECT_EQ(c.cycles[1].failed, 1);
  report::History h = HistoryOf(c, "a");
  ASSERT_EQ(h.cycles.size(), 3u);
  EXPECT_EQ(h.cycles[0].cycle, "2023年度");
  EXPECT_EQ(*h.cycles[0].total, 50);
  EXPECT_EQ(h.cycles[0].band, "not_supported");
  EXPECT_EQ(*h.cycles[2].total, 100);
  EXPECT_EQ(*h.cycles[2].subtotals.at("staffing"), 12);
  EXPECT_EQ(h.cycles[2].items.at("III-14"), 4);
  // b failed in 2024: its history has 2025 only.
  EXPECT_EQ(HistoryOf(c, "b").cycles.size(), 1u);
  auto prev = PreviousScoresOf(c, "a", Ins());
  ASSERT_TRUE(prev);
  EXPECT_EQ(prev->cycle, "2025年度");
  EXPECT_EQ(*prev->total, 100);
  EXPECT_EQ(prev->items.front().first, "I-1");  // scale order
  EXPECT_EQ(prev->items.back().first, "III-14");
  EXPECT_FALSE(PreviousScoresOf(c, "new-one", Ins()));
}

TEST(PreviousChain, StopsWithAWarningAtAMissingLinkAndKeepsWhatItRead) {
  test::TempDir t;
  WriteRun(t / "out/2025", "2025年度", "../2024", {{"a", 4}});
  WriteRun(t / "out/2026", "2026年度", "../2025", {{"a", 3}});
  PreviousChain c = ReadPreviousChain(t / "out/2026", Ins());
  ASSERT_EQ(c.cycles.size(), 2u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "previous.chain_end");
  EXPECT_FALSE(c.problems[0].is_error());
  EXPECT_NE(c.problems[0].message.find("run.json がありません"), std::string::npos) << c.problems[0].message;
  EXPECT_NE(c.problems[0].message.find("2024"), std::string::npos);
}

TEST(PreviousChain, AnUnreadableRunJsonEndsTheChainToo) {
  test::TempDir t;
  Write(t / "out/2024/run.json", "{\"cycle\": \"2024年度\", \"agencies\": [{\"id\": \"../../etc\", \"status\": \"ok\"}]}");
  WriteRun(t / "out/2025", "2025年度", "../2024", {{"a", 4}});
  PreviousChain c = ReadPreviousChain(t / "out/2025", Ins());
  ASSERT_EQ(c.cycles.size(), 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].message.find("agencies[0].id"), std::string::npos) << c.problems[0].message;
}

TEST(PreviousChain, NeverLoops) {
  test::TempDir t;
  WriteRun(t / "out/x", "X年度", "../y", {{"a", 4}});
  WriteRun(t / "out/y", "Y年度", "../x/", {{"a", 3}});
  PreviousChain c = ReadPreviousChain(t / "out/x", Ins());
  ASSERT_EQ(c.cycles.size(), 2u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "previous.loop");
  // A run that names itself.
  WriteRun(t / "out/self", "S年度", ".", {{"a", 3}});
  PreviousChain s = ReadPreviousChain(t / "out/self", Ins());
  EXPECT_EQ(s.cycles.size(), 1u);
  EXPECT_EQ(s.problems.at(0).code, "previous.loop");
}

TEST(PreviousChain, ThisRunsOwnOutputIsNeverALink) {
  test::TempDir t;
  WriteRun(t / "out/2025", "2025年度", "../2026", {{"a", 4}});
  WriteRun(t / "out/2026", "2026年度", "../2025", {{"a", 3}});  // last run of this cycle
  PreviousChain c = ReadPreviousChain(t / "out/2025", Ins(), kMaxPreviousCycles, t / "out/2026/");
  ASSERT_EQ(c.cycles.size(), 1u);
  EXPECT_EQ(c.cycles[0].cycle, "2025年度");
  EXPECT_EQ(c.problems.at(0).code, "previous.loop");
}

TEST(PreviousChain, StopsAfterTenCycles) {
  test::TempDir t;
  for (int y = 2000; y < 2014; ++y)
    WriteRun(t / ("out/" + std::to_string(y)), std::to_string(y) + "年度", y > 2000 ? "../" + std::to_string(y - 1) : "",
        {{"a", 3}});
  PreviousChain c = ReadPreviousChain(t / "out/2013", Ins());
  ASSERT_EQ(c.cycles.size(), 10u);
  EXPECT_EQ(c.cycles.front().cycle, "2004年度");
  EXPECT_EQ(c.problems.at(0).code, "previous.too_long");
}

TEST(PreviousChain, AMissingFirstLinkIsAnError) {
  test::TempDir t;
  PreviousChain c = ReadPreviousChain(t / "nowhere", Ins());
  EXPECT_TRUE(c.cycles.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_TRUE(c.problems[0].is_error());
  EXPECT_EQ(c.problems[0].code, "previous.missing");
}

TEST(PreviousChain, ABadScoresJsonIsRefusedNamingFileAndField) {
  test::TempDir t;
  WriteRun(t / "out/2025", "2025年度", "", {{"a", 4}, {"b", 3}});
  std::string bad = Scores(3, 3);
  bad.replace(bad.find("\"score\": 3"), 10, "\"score\": -2147483648");
  Write(t / "out/2025/b/scores.json", bad);
  PreviousChain c = ReadPreviousChain(t / "out/2025", Ins());
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.cycles.size(), 1u);
  EXPECT_EQ(c.cycles[0].agencies.size(), 1u);  // a only
  ASSERT_EQ(c.problems_of["b"].size(), 1u);
  const Problem& p = c.problems_of["b"][0];
  EXPECT_FALSE(p.is_error());
  EXPECT_EQ(p.code, "previous.bad_scores");
  EXPECT_NE(p.message.find("2025/b/scores.json の items.I-1.score"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("-2147483648"), std::string::npos);
  EXPECT_FALSE(PreviousScoresOf(c, "b", Ins()));
}

TEST(PreviousScores, EveryFieldIsValidated) {
  auto code_of = [](const std::string& text) {
    return test::ProblemOf([&] { ParsePreviousScores(text, "2025/a/scores.json", Ins()); });
  };
  std::string good = Scores(3, 3, "山田: 週1回");
  EXPECT_EQ(code_of(good).code, "none");
  report::CyclePoint p = ParsePreviousScores(good, "x", Ins());
  EXPECT_EQ(p.notes.at("I-1"), "山田: 週1回");

  std::string s = good;
  s.replace(s.find("\"total\": 75"), 11, "\"total\": 126");
  EXPECT_NE(code_of(s).message.find("total が 25〜125 の整数ではありません（126）"), std::string::npos)
      << code_of(s).message;
  s = good;
  s.replace(s.find("\"score\": 3"), 10, "\"score\": 2.5");
  EXPECT_NE(code_of(s).message.find("items.I-1.score"), std::string::npos);
  s = good;
  s.replace(s.find("\"score\": 3"), 10, "\"score\": 1e3");
  EXPECT_NE(code_of(s).message.find("items.I-1.score"), std::string::npos);
  s = good;
  s.replace(s.find("\"fair\""), 6, "\"great\"");
  EXPECT_NE(code_of(s).message.find("band が区分の名前ではありません"), std::string::npos);
  s = good;
  s.replace(s.find("山田"), 6, "\xff\xfe");
  EXPECT_NE(code_of(s).message.find("items.I-1.notes[0] に不正な文字"), std::string::npos) << code_of(s).message;
  s = good;
  s.replace(s.find("山田"), 6, "\\u001b[31m");
  EXPECT_NE(code_of(s).message.find("不正な文字"), std::string::npos);
  s = good;
  s.replace(s.find("\"I-1\""), 5, "\"I-99\"");
  EXPECT_NE(code_of(s).message.find("items.I-99 は尺度にない項目です"), std::string::npos);
  EXPECT_EQ(code_of("[1, 2]").code, "previous.bad_scores");
  EXPECT_EQ(code_of("{\"items\": 3}").code, "previous.bad_scores");
  EXPECT_NE(code_of("not json").message.find("JSON として読めません"), std::string::npos);
}

}  // namespace
}  // namespace fidelity

namespace fidelity {
namespace {

// Next year's report quotes last year's reasons as the agency read them:
// "reasons" (no writers' names) when the run wrote it, "notes" from a run
// made before it was.
TEST(PreviousScores, ReasonsWithoutNamesAreReadBeforeNotes) {
  std::string s = Scores(3, 3, "山田: 週1回");
  s.replace(s.find("\"notes\""), 7, "\"reasons\": [\"週1回\"], \"notes\"");
  report::CyclePoint p = ParsePreviousScores(s, "x", Ins());
  EXPECT_EQ(p.notes.at("I-1"), "週1回");
  std::string bad = s;
  bad.replace(bad.find("[\"週1回\"]"), 11, "7");
  Problem e = test::ProblemOf([&] { ParsePreviousScores(bad, "2025/a/scores.json", Ins()); });
  EXPECT_NE(e.message.find("items.I-1.reasons が配列ではありません"), std::string::npos) << e.message;
}

}  // namespace
}  // namespace fidelity
