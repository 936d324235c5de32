// Generates a synthetic cycle of N agencies for the batch benchmark: real
// .xlsx workbooks written with libxlsxwriter (through the same form writer
// as `fidelity blank`) and two reviewer YAML files per agency.
//
//   gen_cycle N DIR [--seed S]   → DIR/cycle.yaml, DIR/a0001/{事前調査票.xlsx,r1.yaml,r2.yaml}, …
//
// The data vary by agency (sizes, shares, dates) but are deterministic for
// a seed, so two runs write the same cycle.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/core/fs.h"
#include "pipeline/forms/workbook_writer.h"
#include "pipeline/survey/layout.h"

using namespace fidelity;

namespace {

struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }
  bool Chance(int percent) { return Int(1, 100) <= percent; }
};

Survey MakeSurvey(Rng& rng, int index) {
  Survey s;
  const Date R{2026, 9, 30};
  s.agency_name = "就労支援センター " + std::to_string(index);
  s.record_date = R;
  s.writer = "記入者";
  int users = rng.Int(25, 60);
  for (int i = 0; i < users; ++i) {
    UserRow u;
    char id[16];
    std::snprintf(id, sizeof id, "U-%03d", i + 1);
    u.id = id;
    u.mental = rng.Chance(90) ? 1 : 0;
    u.severe = rng.Chance(75) ? 1 : 0;
    u.registered = R.AddMonths(-rng.Int(1, 11));
    if (rng.Chance(45)) {
      Date reg = *u.registered;
      long span = DaysBetween(reg, R);
      u.employed = Date::FromDaysSinceEpoch(reg.DaysSinceEpoch() + rng.Int(0, static_cast<int>(span)));
      u.status = "就労中";
    } else {
      u.status = rng.Chance(80) ? "求職中" : "休止";
    }
    s.users.push_back(u);
  }
  int employed = 0;
  for (const auto& u : s.users) employed += u.employed.has_value();
  int general = employed * rng.Int(70, 100) / 100;
  auto put = [&](const char* k, long v) { s.counts[k].value = Rational(v); };
  put("A-1", users);
  put("A-2", users - rng.Int(0, 3));
  put("B-1", employed);
  put("B-2", general);
  put("B-3", std::min(employed - general, rng.Int(0, 2)));
  static const char* kJobs[] = {"事務補助", "清掃", "調理補助", "軽作業", "販売", "介護補助", "データ入力",
                                "倉庫作業", "接客", "製造", "農作業", "配送補助", "図書整理", "施設管理"};
  static const char* kTypes[] = {"一般求人", "障害者求人", "障害者求人", "一般求人", "派遣"};
  int jobs = std::min(15, std::max(employed, 1));
  for (int i = 0; i < jobs && i < employed; ++i) {
    JobRow j;
    j.start = R.AddMonths(-i / 2);
    j.job_type = kJobs[rng.Int(0, 13)];
    j.company = "株式会社" + std::to_string(rng.Int(1, 40));
    j.employment_type = kTypes[rng.Int(0, 4)];
    s.jobs.push_back(j);
  }
  int es = rng.Int(2, 4);
  for (int i = 0; i < es + 3; ++i) {
    StaffRow st;
    st.initials = std::string(1, static_cast<char>('A' + i)) + "." + std::string(1, static_cast<char>('K' + i));
    st.role = i < es ? "ES" : (i == es ? "CM" : (i == es + 1 ? "SV" : "AS"));
    st.status = rng.Chance(80) ? "常勤" : "非常勤";
    st.hours = Rational(rng.Int(20, 40));
    st.employment_pct = Rational(i < es ? rng.Int(60, 100) : rng.Int(0, 40));
    st.mental_pct = Rational(rng.Int(80, 100));
    st.life_pct = Rational(rng.Int(0, 40));
    st.outside_pct = Rational(rng.Int(20, 80));
    st.caseload = Rational(rng.Int(5, 25));
    s.staff.push_back(st);
  }
  RecordSheet& rec = s.records;
  rec.present = true;
  rec.i3_block_present = true;
  for (auto& v : rec.i3) v = rng.Chance(70) ? 1 : 0;
  for (int i = 1; i <= 7; ++i) {
    RecordSheet::ContactCase c;
    c.code = "III-4-" + std::to_string(i);
    c.registered = R.AddMonths(-rng.Int(3, 11));
    c.contact = Date::FromDaysSinceEpoch(c.registered.DaysSinceEpoch() + rng.Int(3, 90));
    rec.iii4.push_back(c);
  }
  for (int i = 0; i < 10; ++i) rec.iii5.push_back(rng.Chance(70) ? 1 : 0);
  const char* boxes[] = {"1abcdef", "2abcdef", "3abcdefghij", "4abcdefghijklm"};
  for (const char* b : boxes)
    for (const char* p = b + 1; *p; ++p) rec.iii11[std::string(1, b[0]) + *p] = rng.Chance(50) ? 1 : 0;
  for (int i = 1; i <= 4; ++i) {
    RecordSheet::FollowCase f;
    f.code = "III-12-i-" + std::to_string(i);
    for (auto& c : f.cols) c = rng.Chance(85) ? 1 : 0;
    rec.iii12i.push_back(f);
  }
  return s;
}

std::string ReviewerYaml(Rng& rng, const std::string& name) {
  auto b = [&](int p) { return rng.Chance(p) ? "true" : "false"; };
  std::string y = "reviewer: " + name + "\nitems:\n";
  for (const char* code : {"II-1", "II-3", "II-4", "III-3", "III-6"})
    y += std::string("  ") + code + ": {score: " + std::to_string(rng.Int(3, 5)) + ", note: 面接と記録から判断}\n";
  y += std::string("  II-2: {checks: {i: ") + b(80) + ", ii: " + b(70) + ", iii: " + b(60) + ", iv: " + b(50) + "}}\n";
  for (const char* code : {"II-5", "II-7", "II-8"})
    y += std::string("  ") + code + ": {checks: {i: " + b(80) + ", ii: " + b(70) + ", iii: " + b(70) + ", iv: " +
         b(60) + ", v: " + b(50) + "}}\n";
  y += std::string("  II-6: {checks: {a: false, b: ") + b(30) + ", c: " + b(30) + ", d: " + b(20) + ", e: " + b(20) +
       "}}\n";
  y += std::string("  III-1: {checks: {a: ") + b(80) + ", b: " + b(70) + ", c: " + b(60) + ", d: " + b(50) + "}}\n";
  y += std::string("  III-2: {checks: {i: ") + b(80) + ", ii: " + b(70) + ", iii: " + b(60) + ", iv: " + b(50) +
       "}}\n";
  y += std::string("  III-7: {checks: {i: ") + b(80) + ", ii: " + b(70) + ", iii: " + b(60) + ", iv: " + b(50) +
       "}}\n";
  y += std::string("  III-12: {checks: {ii: ") + b(70) + ", iii: " + b(60) + ", iv: " + b(50) + "}}\n";
  y += std::string("  III-14: {checks: {i: ") + b(90) + ", ii: " + b(80) + ", iii: " + b(60) + ", iv: " + b(50) +
       ", v: " + b(40) + "}}\n";
  y += std::string("goi: {G1: ") + b(80) + ", G2: " + b(80) + ", G6: " + b(70) + ", G7: " + b(60) + ", G8: " + b(60) +
       ", G9: " + b(70) + "}\n";
  y += "strengths: [就労支援スペシャリストが地域の企業をよく訪問している]\n";
  y += "challenges: [ケアマネジャーとの定期的な情報共有の場をつくる]\n";
  return y;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_cycle N DIR [--seed S]\n");
    return 2;
  }
  int n = std::atoi(argv[1]);
  std::filesystem::path dir = argv[2];
  uint64_t seed = 42;
  if (argc >= 5 && std::string(argv[3]) == "--seed") seed = std::strtoull(argv[4], nullptr, 10);
  std::filesystem::create_directories(dir);
  WorkbookLayout layout = DefaultLayout();
  FormOptions fo;
  fo.instructions = false;
  std::string manifest = "cycle: ベンチマーク\nagencies:\n";
  Rng rng{seed};
  for (int i = 1; i <= n; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "a%04d", i);
    std::filesystem::create_directories(dir / id);
    Survey s = MakeSurvey(rng, i);
    WritePreSurveyWorkbook(layout, &s, dir / id / "事前調査票.xlsx", fo);
    WriteFileAtomic(dir / id / "r1.yaml", ReviewerYaml(rng, "評価者一"));
    WriteFileAtomic(dir / id / "r2.yaml", ReviewerYaml(rng, "評価者二"));
    manifest += std::string("  - id: ") + id + "\n    name: " + s.agency_name + "\n    type: " +
                (i % 3 == 0 ? "医療機関" : "地域事業所") + "\n    survey_date: 2026-10-15\n    workbook: " + id +
                "/事前調査票.xlsx\n    reviews: [" + id + "/r1.yaml, " + id + "/r2.yaml]\n";
  }
  WriteFileAtomic(dir / "cycle.yaml", manifest);
  std::printf("wrote %d agencies to %s\n", n, dir.string().c_str());
  return 0;
}
