#include "pipeline/survey/sampling.h"

#include <numeric>

namespace fidelity {

const char* GroupName(Group g) {
  switch (g) {
    case Group::kA: return "A";
    case Group::kB: return "B";
    case Group::kC: return "C";
    default: return "";
  }
}

Group ClassifyUser(const UserRow& u, const Date& R) {
  const Date m3 = R.AddMonths(-3), m6 = R.AddMonths(-6), m12 = R.AddMonths(-12);
  if (!u.working()) {
    if (u.registered && m12 <= *u.registered && *u.registered <= m3) return Group::kA;
    return Group::kNone;
  }
  if (!u.employed) return Group::kNone;  // 就労中 without a 就職日 (warned about when read)
  const Date& job = *u.employed;
  if (u.registered && *u.registered >= m12 && job >= m6) return Group::kB;
  if (m12 <= job && job < m6) return Group::kC;
  return Group::kNone;
}

uint64_t SplitMix64::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t SplitMix64::Below(uint64_t n) {
  // Reject the top partial block so every residue is equally likely.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x;
  do x = Next();
  while (x >= limit);
  return x % n;
}

SampleResult DrawSample(const Survey& survey, uint64_t seed, SampleSizes sizes) {
  if (!survey.record_date)
    throw InputError("survey.record_date_missing", survey.record_date_where.empty() ? survey.file : survey.record_date_where,
                     "記載日がないため、記録レビューのグループを決められません");
  SampleResult res;
  res.seed = seed;
  res.wanted = {sizes.a, sizes.b, sizes.c};
  std::array<std::vector<size_t>, 3> members;
  for (const auto& u : survey.users) {
    Group g = ClassifyUser(u, *survey.record_date);
    if (g != Group::kNone) members[static_cast<int>(g) - 1].push_back(res.users.size());
    res.users.push_back({u.row, u.id, g});
  }
  const std::string where = survey.sheet_names.count("users") ? survey.sheet_names.at("users") : survey.file;
  for (int gi = 0; gi < 3; ++gi) {
    std::vector<size_t>& pool = members[static_cast<size_t>(gi)];
    res.available[static_cast<size_t>(gi)] = static_cast<int>(pool.size());
    // One stream per group, so a group's draw does not depend on the others' sizes.
    SplitMix64 rng(seed ^ (0xA0761D6478BD642Full * static_cast<uint64_t>(gi + 1)));
    const size_t k = std::min(pool.size(), static_cast<size_t>(std::max(0, res.wanted[static_cast<size_t>(gi)])));
    for (size_t i = 0; i < k; ++i) {
      size_t j = i + static_cast<size_t>(rng.Below(pool.size() - i));
      std::swap(pool[i], pool[j]);
      res.drawn[static_cast<size_t>(gi)].push_back(pool[i]);
    }
    if (static_cast<int>(pool.size()) < res.wanted[static_cast<size_t>(gi)]) {
      const char* name = GroupName(static_cast<Group>(gi + 1));
      res.notes.push_back(Warning("sample.group_short", where,
                                  std::string("グループ") + name + "の該当者は " + std::to_string(pool.size()) +
                                      " 名のため、必要な " + std::to_string(res.wanted[static_cast<size_t>(gi)]) +
                                      " 名に足りません（" + std::to_string(pool.size()) + " 名を選びました）"));
    }
  }
  return res;
}

Json SampleJson(const SampleResult& res) {
  Json groups = Json::Object();
  for (const auto& u : res.users)
    groups.set(u.id, u.group == Group::kNone ? Json() : Json(GroupName(u.group)));
  Json sample = Json::Object();
  for (int gi = 0; gi < 3; ++gi) {
    Json ids = Json::Array();
    for (size_t i : res.drawn[static_cast<size_t>(gi)]) ids.push(res.users[i].id);
    sample.set(GroupName(static_cast<Group>(gi + 1)), std::move(ids));
  }
  Json out = Json::Object();
  out.set("groups", std::move(groups));
  out.set("sample", std::move(sample));
  return out;
}

std::string SampleText(const SampleResult& res) {
  std::string out = "利用者ごとのグループ（A: 未就労・登録後3か月以上, B: 就労6か月以内, C: 就労6か月以上）\n";
  for (const auto& u : res.users)
    out += "  " + std::to_string(u.row) + "行目\t" + u.id + "\t" + (u.group == Group::kNone ? "-" : GroupName(u.group)) + "\n";
  out += "記録レビューのケース（シード " + std::to_string(res.seed) + "）\n";
  for (int gi = 0; gi < 3; ++gi) {
    const auto g = static_cast<size_t>(gi);
    out += std::string("  ") + GroupName(static_cast<Group>(gi + 1)) + "（" + std::to_string(res.drawn[g].size()) + "/" +
           std::to_string(res.wanted[g]) + "）:";
    for (size_t i : res.drawn[g]) out += " " + res.users[i].id;
    out += "\n";
  }
  for (const auto& p : res.notes) out += "注意: " + p.message + "\n";
  return out;
}

}  // namespace fidelity
