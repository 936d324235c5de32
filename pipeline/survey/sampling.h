// Record-review groups (X–Z of 調査票4) and the random draw of cases for
// the record review (SPEC §3.3).
//
// Relative to 記載日 R, months counted back in calendar months with the day
// clamped (8/31 − 6 months = 2/28), edges included:
//   A: not working, R−12m ≤ 登録日 ≤ R−3m
//   B: working, 登録日 ≥ R−12m and 就職日 ≥ R−6m
//   C: working, R−12m ≤ 就職日 < R−6m
// "Working" is UserRow::working(): 現在の状況 is 就労中 (only a blank or
// unrecognised 現在の状況 falls back to "has a 就職日"). So a person with a
// 就職日 who has left (離職) can be in A, never in B or C; a 就労中 row with
// no 就職日 is in no group (B and C need the date).
// A row fits at most one group (B and C split on 就職日; A is not working).
//
// The draw: each group's rows, in sheet order, are shuffled by a partial
// Fisher–Yates driven by splitmix64 seeded from (seed, group), and the
// first k taken. The generator and the bounded draw are our own, so the
// same seed gives the same cases on every platform and library.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/core/date.h"
#include "pipeline/core/json.h"
#include "pipeline/core/problem.h"
#include "pipeline/survey/survey.h"

namespace fidelity {

enum class Group { kNone, kA, kB, kC };
const char* GroupName(Group g);  // "A", "B", "C", "" for none

// The group of one user row relative to the reference date R.
Group ClassifyUser(const UserRow& user, const Date& record_date);

// splitmix64: a tiny, well-mixed 64-bit generator (Steele, Lea, Flood 2014).
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform in [0, n) without modulo bias (rejection). REQUIRES: n > 0.
  uint64_t Below(uint64_t n);

 private:
  uint64_t state_;
};

struct SampleSizes {
  int a = 3, b = 4, c = 3;
};

struct SampleResult {
  struct Assigned {
    int row = 0;        // the row in 調査票4
    std::string id;     // 利用者ID (private: for the coordinator's eyes only)
    Group group = Group::kNone;
  };
  std::vector<Assigned> users;           // every user row, in sheet order
  // Drawn cases per group (index 0 = A, 1 = B, 2 = C): indexes into `users`, in draw order.
  std::array<std::vector<size_t>, 3> drawn;
  std::array<int, 3> wanted{};           // 3, 4, 3
  std::array<int, 3> available{};        // rows in each group
  Problems notes;                        // warnings: a group with fewer rows than wanted
  uint64_t seed = 0;
};

// Groups every user row and draws the sample. Throws InputError
// ("survey.record_date_missing") when the survey has no 記載日.
SampleResult DrawSample(const Survey& survey, uint64_t seed, SampleSizes sizes = {});

// {"groups": {"<利用者ID>": "A"|"B"|"C"|null, …}, "sample": {"A": [ids], "B": [ids], "C": [ids]}}
// Groups in sheet order; sample lists in draw order.
Json SampleJson(const SampleResult& result);

// A plain-text listing for the terminal: each row's group, then the drawn
// cases per group, then any shortage.
std::string SampleText(const SampleResult& result);

}  // namespace fidelity
