// The bad-input corpus (issue 5, SPEC §4 last point, §2.3, §8 "Safe"): every
// case goes through the real `fidelity run` on a small one-agency cycle and
// must end in the expected outcome (the agency fails with exit 1, or is scored
// with a warning with exit 0), with the expected problem code and place, in
// bounded time and memory. Small fixtures are committed in tests/data/hostile/
// (made by make_fixtures.py, make_encrypted.sh, review/make_reviews.sh); the
// large ones (zip bombs, a 20,000-row user list) are generated here.
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/core/json.h"
#include "tests/test_util.h"
#include "tests/xlsx/xlsx_test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;
using test::Slurp;
using test::TempDir;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// The password of tests/data/hostile/encrypted_*.xlsx (make_encrypted.sh).
const std::string kPassword = "Hostile-Pw-4711";
const std::string kWrongPassword = "Wrong-Pw-0815";
// Per case: wall time and peak memory of the `fidelity` child. ASan builds
// (scripts/sanitize.sh) are slower and use more memory, and cannot run under
// an address-space limit (their shadow memory is reserved up front).
const double kMaxSeconds = kSanitized ? 20.0 : 5.0;
const long kMaxRssKb = kSanitized ? 1'500'000 : 500'000;
const rlim_t kAddressSpace = 1'500'000'000;

fs::path Repo() { return test::RepoPath(); }
fs::path Sample() { return Repo() / "samples/2026/hamamatsu-01"; }
fs::path SampleWorkbook() { return Sample() / "事前調査票.xlsx"; }

void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

struct ChildRun {
  int exit_code = -1;
  int signal = 0;
  std::string out, err;
  double seconds = 0;
  long maxrss_kb = 0;
};

// Runs `fidelity ARGS…` as a child with stdin from /dev/null, the extra
// environment variables set, an address-space limit (unless sanitized) and a
// CPU-time limit; kills it after 60 s of wall time. Measures wall time and
// the child's peak RSS (wait4). The kernel counts the forked copy of this
// test process in that peak too, so it is an upper bound of fidelity's own.
ChildRun RunBounded(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
  TempDir io;
  const fs::path out = io / "out", err = io / "err";
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork");
  if (pid == 0) {
    if (!freopen("/dev/null", "r", stdin) || !freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr))
      _exit(126);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    if (!kSanitized) {
      rlimit as{kAddressSpace, kAddressSpace};
      setrlimit(RLIMIT_AS, &as);
    }
    rlimit cpu{60, 60};
    setrlimit(RLIMIT_CPU, &cpu);
    std::vector<char*> argv;
    std::string bin = FIDELITY_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  ChildRun r;
  int status = 0;
  rusage ru{};
  for (;;) {
    pid_t w = wait4(pid, &status, WNOHANG, &ru);
    if (w == pid) break;
    if (std::chrono::steady_clock::now() - t0 > std::chrono::seconds(60)) kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.maxrss_kb = ru.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// ---- zip surgery on the sample workbook (libzip) ----

test::Parts ReadParts(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!za) throw std::runtime_error("not a zip");
  test::Parts parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(za, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (!f || zip_fread(f, data.data(), st.size) != static_cast<zip_int64_t>(st.size))
      throw std::runtime_error("zip read");
    zip_fclose(f);
    parts.push_back({st.name, data});
  }
  zip_close(za);
  return parts;
}

std::string& PartOf(test::Parts& parts, const std::string& name) {
  for (auto& [n, d] : parts)
    if (n == name) return d;
  throw std::runtime_error("no part " + name);
}

// In the sample: sheet2.xml = 調査票1, sheet5.xml = 調査票4 利用者一覧 (header on row 4).
const char* kUsersPart = "xl/worksheets/sheet5.xml";

// The sample with its user list replaced by `rows` generated users (IDs
// "ZZUSER-00001" …, valid rows: registered before 記載日, a third working).
std::string WorkbookWithUsers(int rows) {
  test::Parts parts = ReadParts(Slurp(SampleWorkbook()));
  std::string& xml = PartOf(parts, kUsersPart);
  size_t from = xml.find("<row r=\"5\"");
  size_t to = xml.find("</sheetData>");
  if (from == std::string::npos || to == std::string::npos) throw std::runtime_error("sheet5 layout changed");
  std::string data;
  data.reserve(static_cast<size_t>(rows) * 400);
  const std::string working = "&#23601;&#21172;&#20013;", seeking = "&#27714;&#32887;&#20013;";  // 就労中, 求職中
  for (int i = 1; i <= rows; ++i) {
    const std::string r = std::to_string(i + 4);
    char id[32];
    std::snprintf(id, sizeof id, "ZZUSER-%05d", i);
    const int reg = 45600 + i % 200;  // 2024-11 … 2025-06, before 記載日 2026-09-01
    const bool job = i % 3 == 0;
    data += "<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + std::to_string(i) + "</v></c><c r=\"B" + r +
            "\" t=\"inlineStr\"><is><t>" + id + "</t></is></c><c r=\"C" + r + "\"><v>1</v></c><c r=\"D" + r +
            "\"><v>" + std::to_string(i % 2) + "</v></c><c r=\"E" + r + "\" s=\"6\"><v>" + std::to_string(reg) +
            "</v></c>" +
            (job ? "<c r=\"F" + r + "\" s=\"6\"><v>" + std::to_string(reg + 60) + "</v></c>" : std::string()) +
            "<c r=\"G" + r + "\" t=\"inlineStr\"><is><t>" + (job ? working : seeking) + "</t></is></c></row>";
  }
  xml = xml.substr(0, from) + data + xml.substr(to);
  return test::MakeZip(parts);
}

// The sample with part `name` (the one the workbook reads) replaced by
// `zeros` bytes of zeros; with a lying header when `lie`.
std::string WorkbookBomb(const std::string& name, uint64_t zeros, bool lie) {
  test::Parts parts = ReadParts(Slurp(SampleWorkbook()));
  for (auto it = parts.begin(); it != parts.end(); ++it)
    if (it->first == name) {
      parts.erase(it);
      break;
    }
  std::string b = test::MakeZip(parts, false, name, zeros);
  if (lie) test::PatchDeclaredSize(b, name, 1000);
  return b;
}

// ---- the cases ----

struct Case {
  std::string id;
  // Writes the agency's files into the cycle folder; returns the manifest
  // entry's extra keys (workbook, reviews, password …) after `id/name/type`.
  std::function<std::string(const fs::path& cycle)> setup;
  bool fails = true;          // error (exit 1) or warning (exit 0, scored)
  std::string code;
  std::string where;          // exact `where` of the problem
  std::string message_has;    // a piece of the message (often the part name)
  std::map<std::string, std::string> env = {};
};

const std::string kReviews = "reviews: [hamamatsu-01/山田.yaml, hamamatsu-01/佐藤.yaml], consensus: hamamatsu-01/合議.yaml";

std::function<std::string(const fs::path&)> Bytes(std::function<std::string()> make, const std::string& extra = "") {
  return [make, extra](const fs::path& c) {
    Write(c / "case/事前調査票.xlsx", make());
    return "workbook: case/事前調査票.xlsx, " + kReviews + extra;
  };
}
std::function<std::string(const fs::path&)> Fixture(const std::string& name, const std::string& extra = "") {
  return Bytes([name] { return Slurp(test::DataPath("hostile/" + name)); }, extra);
}
std::function<std::string(const fs::path&)> BadReview(const std::string& name) {
  return [name](const fs::path& c) {
    fs::copy_file(test::DataPath("hostile/review/" + name), c / "case" / name);
    return "workbook: hamamatsu-01/事前調査票.xlsx, reviews: [case/" + name + ", hamamatsu-01/佐藤.yaml]";
  };
}
std::string PasswordFile(const fs::path& c, const std::string& pw) {
  Write(c / "secrets/pw.txt", pw + "\n");
  return ", password_file: secrets/pw.txt";
}

const std::string kWb = "case/事前調査票.xlsx";
const std::string kWbLabel = "事前調査票.xlsx";  // files are named without their folder
const std::string kRates = "調査票1 機関の就労率";
const std::string kUsers = "調査票4 利用者一覧";

std::vector<Case> Cases() {
  std::vector<Case> v;
  v.push_back({"not-a-zip", Bytes([] { return std::string("%PDF-1.4\nthis is not a workbook\n"); }), true,
               "xlsx.not_zip", kWbLabel, ".xlsx"});
  v.push_back({"empty-file", Bytes([] { return std::string(); }), true, "xlsx.not_zip", kWbLabel, "空のファイル"});
  v.push_back({"truncated",
               Bytes([] {
                 std::string b = Slurp(SampleWorkbook());
                 return b.substr(0, b.size() * 2 / 3);
               }),
               true, "xlsx.truncated", kWbLabel, kWbLabel});
  // 256 MiB of zeros in 調査票1's part (250 KB on disk): refused from its header.
  v.push_back({"zip-bomb", Bytes([] { return WorkbookBomb("xl/worksheets/sheet2.xml", 256ull << 20, false); }), true,
               "xlsx.too_large", kWbLabel, "xl/worksheets/sheet2.xml"});
  // 96 MiB of zeros (past the 64 MiB part limit) whose headers claim 1,000
  // bytes: stopped while inflating.
  v.push_back({"zip-bomb-lying-header",
               Bytes([] { return WorkbookBomb("xl/worksheets/sheet2.xml", 96ull << 20, true); }), true,
               "xlsx.too_large", kWbLabel, "xl/worksheets/sheet2.xml"});
  // A sheet's part is named by the sheet the user knows (issue 11), the part in brackets.
  v.push_back({"external-entity", Fixture("external_entity.xlsx"), true, "xlsx.dtd", "記載日", "シート「記載日」（部品 xl/worksheets/sheet1.xml）"});
  v.push_back({"billion-laughs", Fixture("billion_laughs.xlsx"), true, "xlsx.dtd", "記載日", "xl/worksheets/sheet1.xml"});
  v.push_back({"missing-sheet", Fixture("missing_sheet.xlsx"), true, "survey.sheet_missing", kWbLabel, kUsers});
  v.push_back({"question-mark", Fixture("question_mark.xlsx"), true, "survey.not_a_number", kRates + "!C4", "「?」"});
  v.push_back({"fullwidth-digits", Fixture("fullwidth_digits.xlsx"), false, "survey.fullwidth_digits", kRates + "!C4",
               "５８"});
  v.push_back({"impossible-counts", Fixture("impossible_counts.xlsx"), true, "survey.count_exceeds", kRates + "!C6",
               "B-1（70）が A-1（58）を超えています"});
  v.push_back({"dates-out-of-order", Fixture("dates_out_of_order.xlsx"), true, "survey.date_order", kUsers + "!F6",
               "就職日が登録日より前"});
  v.push_back({"unknown-item", BadReview("unknown_item.yaml"), true, "review.unknown_item", "unknown_item.yaml:3",
               "II-99"});
  v.push_back({"score-7", BadReview("score_7.yaml"), true, "review.bad_score", "score_7.yaml:3", "'7'"});
  v.push_back({"yaml-tab", BadReview("tab_indent.yaml"), true, "review.syntax", "tab_indent.yaml:4", "タブ"});
  v.push_back({"yaml-syntax", BadReview("syntax_error.yaml"), true, "review.syntax", "syntax_error.yaml:4", ""});
  v.push_back({"duplicate-key", BadReview("duplicate_key.yaml"), true, "review.duplicate_key",
               "duplicate_key.yaml:4", "II-1"});
  v.push_back({"wrong-password",
               [](const fs::path& c) {
                 fs::copy_file(test::DataPath("hostile/encrypted_agile.xlsx"), c / kWb);
                 return "workbook: " + kWb + ", " + kReviews + PasswordFile(c, kWrongPassword);
               },
               true, "crypto.wrong_password", kWbLabel, "パスワードが違います"});
  v.push_back({"wrong-password-standard",
               [](const fs::path& c) {
                 fs::copy_file(test::DataPath("hostile/encrypted_standard.xlsx"), c / kWb);
                 return "workbook: " + kWb + ", " + kReviews + ", password_env: FIDELITY_HOSTILE_PW";
               },
               true, "crypto.wrong_password", kWbLabel, "パスワードが違います", {{"FIDELITY_HOSTILE_PW", kWrongPassword}}});
  v.push_back({"encrypted-no-password",
               [](const fs::path& c) {
                 fs::copy_file(test::DataPath("hostile/encrypted_agile.xlsx"), c / kWb);
                 return "workbook: " + kWb + ", " + kReviews;
               },
               true, "crypto.no_password", kWbLabel, "password_file か password_env"});
  v.push_back({"password-env-unset",
               [](const fs::path& c) {
                 fs::copy_file(test::DataPath("hostile/encrypted_agile.xlsx"), c / kWb);
                 return "workbook: " + kWb + ", " + kReviews + ", password_env: FIDELITY_HOSTILE_UNSET";
               },
               true, "crypto.password_env", "cycle.yaml:3", "FIDELITY_HOSTILE_UNSET"});
  return v;
}

// A one-agency cycle around `entry` (the sample agency's files beside it).
fs::path MakeCycle(const TempDir& tmp, const std::string& id, const std::function<std::string(const fs::path&)>& setup) {
  fs::path c = tmp / "cycle";
  fs::create_directories(c / "case");
  fs::copy(Sample(), c / "hamamatsu-01", fs::copy_options::recursive);
  std::string entry = setup(c);
  Write(c / "cycle.yaml", "cycle: 2026年度\nagencies:\n  - {id: " + id +
                              ", name: テスト機関, type: 地域事業所, survey_date: 2026-10-12, " + entry + "}\n");
  return c;
}

std::vector<std::string> RunArgs(const fs::path& cycle, const fs::path& out) {
  return {"run", cycle.string(), "-o", out.string(), "-j", "1", "--quiet"};
}

void ExpectBounded(const ChildRun& r, const std::string& what) {
  EXPECT_EQ(r.signal, 0) << what << ": killed by signal " << r.signal << "\n" << r.err;
  EXPECT_LT(r.seconds, kMaxSeconds) << what;
  EXPECT_LT(r.maxrss_kb, kMaxRssKb) << what;
}

// The problem `code` at `where` in a JSON problems array, or null.
const Json* FindProblem(const Json* problems, const std::string& code, const std::string& where) {
  if (!problems) return nullptr;
  for (const auto& p : problems->items())
    if (p.get("code")->as_string() == code && p.get("where")->as_string() == where) return &p;
  return nullptr;
}

std::string AllProblems(const Json* problems) {
  std::string s;
  if (problems)
    for (const auto& p : problems->items())
      s += p.get("code")->as_string() + " @ " + p.get("where")->as_string() + ": " + p.get("message")->as_string() + "\n";
  return s;
}

class Corpus : public ::testing::TestWithParam<Case> {};

TEST_P(Corpus, OutcomeCodePlaceTimeAndMemory) {
  const Case& k = GetParam();
  TempDir tmp;
  fs::path cycle = MakeCycle(tmp, k.id, k.setup);
  fs::path out = tmp / "out";
  ChildRun r = RunBounded(RunArgs(cycle, out), k.env);
  ExpectBounded(r, k.id);
  std::printf("  [%s] %.2f s, max RSS %ld MB, exit %d\n", k.id.c_str(), r.seconds, r.maxrss_kb / 1024, r.exit_code);
  ASSERT_TRUE(fs::exists(out / "run.json")) << r.err;
  Json run = Json::Parse(Slurp(out / "run.json"));
  const Json& agency = run.get("agencies")->items().at(0);
  if (k.fails) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(agency.get("status")->as_string(), "failed");
    const Json* p = FindProblem(agency.get("problems"), k.code, k.where);
    ASSERT_NE(p, nullptr) << "want " << k.code << " @ " << k.where << ", got:\n" << AllProblems(agency.get("problems"));
    EXPECT_EQ(p->get("severity")->as_string(), "error");
    EXPECT_NE(p->get("message")->as_string().find(k.message_has), std::string::npos) << p->get("message")->as_string();
    // The coordinator sees it on stderr too: "id: error [code] where: message".
    EXPECT_NE(r.err.find(k.id + ": error [" + k.code + "] " + k.where + ": "), std::string::npos) << r.err;
    // A failed agency leaves no outputs.
    EXPECT_FALSE(fs::exists(out / k.id));
  } else {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(agency.get("status")->as_string(), "ok");
    Json scores = Json::Parse(Slurp(out / k.id / "scores.json"));
    EXPECT_FALSE(scores.get("total")->is_null());
    const Json* p = FindProblem(scores.get("problems"), k.code, k.where);
    ASSERT_NE(p, nullptr) << AllProblems(scores.get("problems"));
    EXPECT_EQ(p->get("severity")->as_string(), "warning");
    EXPECT_NE(p->get("message")->as_string().find(k.message_has), std::string::npos);
    EXPECT_NE(Slurp(out / k.id / "problems.txt").find("warning [" + k.code + "] " + k.where + ": "), std::string::npos);
    EXPECT_TRUE(fs::exists(out / k.id / "report.pdf"));
  }
  // No password (right or wrong) anywhere.
  std::vector<std::string> texts = {r.out, r.err, Slurp(out / "run.json")};
  for (const char* f : {"scores.json", "problems.txt"})
    if (fs::exists(out / k.id / f)) texts.push_back(Slurp(out / k.id / f));
  for (const auto& t : texts) {
    EXPECT_EQ(t.find(kPassword), std::string::npos);
    EXPECT_EQ(t.find(kWrongPassword), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Hostile, Corpus, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& i) {
                           std::string n;
                           for (char ch : i.param.id) n += ch == '-' ? '_' : ch;
                           return n;
                         });

// ---- big but valid: a 20,000-row user list ----

TEST(HostileLarge, TwentyThousandUsersAreScoredQuicklyAndNeverShown) {
  TempDir tmp;
  fs::path cycle = MakeCycle(tmp, "many-users", Bytes([] { return WorkbookWithUsers(20000); }));
  fs::path out = tmp / "out";
  ChildRun r = RunBounded(RunArgs(cycle, out));
  ExpectBounded(r, "20,000 users");
  std::printf("  [many-users] %.2f s, max RSS %ld MB\n", r.seconds, r.maxrss_kb / 1024);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json scores = Json::Parse(Slurp(out / "many-users/scores.json"));
  EXPECT_FALSE(scores.get("total")->is_null()) << AllProblems(scores.get("problems"));
  // No user ID in any output (the PDF read back as text).
  auto pdf = test::RunShell("pdftotext '" + (out / "many-users/report.pdf").string() + "' -");
  ASSERT_EQ(pdf.exit_code, 0);
  EXPECT_GT(pdf.out.size(), 100u);
  for (const std::string& t : {r.out, r.err, pdf.out, Slurp(out / "many-users/scores.json"),
                               Slurp(out / "many-users/problems.txt"), Slurp(out / "run.json"),
                               Slurp(out / "summary.csv")})
    EXPECT_EQ(t.find("ZZUSER"), std::string::npos);
  EXPECT_EQ(Slurp(out / "many-users/report.pdf").find("ZZUSER"), std::string::npos);
  EXPECT_EQ(Slurp(out / "summary.pdf").find("ZZUSER"), std::string::npos);
}

// ---- encrypted twins: the same scores as the plain sample, byte for byte ----

class EncryptedTwin : public ::testing::TestWithParam<std::string> {};

TEST_P(EncryptedTwin, ScoresAreByteIdenticalToThePlainTwin) {
  const bool use_env = GetParam() == "encrypted_standard.xlsx";
  TempDir tmp;
  auto cycle_with = [&](const std::string& name, const fs::path& workbook, const std::string& pw) {
    fs::path c = tmp / name;
    fs::create_directories(c);
    fs::copy(Sample(), c / "hamamatsu-01", fs::copy_options::recursive);
    fs::copy_file(workbook, c / "hamamatsu-01/事前調査票.xlsx", fs::copy_options::overwrite_existing);
    if (!use_env && !pw.empty()) Write(c / "secrets/hamamatsu-01.txt", pw + "\n");
    std::string key = pw.empty() ? "" : use_env ? "\n    password_env: FIDELITY_HOSTILE_PW"
                                                : "\n    password_file: secrets/hamamatsu-01.txt";
    Write(c / "cycle.yaml",
          "cycle: 2026年度\nagencies:\n  - id: hamamatsu-01\n    name: 就労支援センターはままつ\n"
          "    type: 地域事業所\n    survey_date: 2026-10-12\n    workbook: hamamatsu-01/事前調査票.xlsx\n"
          "    reviews: [hamamatsu-01/山田.yaml, hamamatsu-01/佐藤.yaml]\n    consensus: hamamatsu-01/合議.yaml" +
              key + "\n");
    return c;
  };
  fs::path plain = cycle_with("plain", SampleWorkbook(), "");
  fs::path enc = cycle_with("enc", test::DataPath("hostile/" + GetParam()), kPassword);
  ChildRun rp = RunBounded(RunArgs(plain, tmp / "out-plain"));
  std::map<std::string, std::string> env;
  if (use_env) env["FIDELITY_HOSTILE_PW"] = kPassword;
  ChildRun re = RunBounded(RunArgs(enc, tmp / "out-enc"), env);
  ASSERT_EQ(rp.exit_code, 0) << rp.err;
  ASSERT_EQ(re.exit_code, 0) << re.err;
  ExpectBounded(re, GetParam());
  const std::string scores = Slurp(tmp / "out-enc/hamamatsu-01/scores.json");
  ASSERT_GT(scores.size(), 1000u);
  EXPECT_EQ(scores, Slurp(tmp / "out-plain/hamamatsu-01/scores.json"));
  EXPECT_EQ(Slurp(tmp / "out-enc/hamamatsu-01/problems.txt"), Slurp(tmp / "out-plain/hamamatsu-01/problems.txt"));
  EXPECT_EQ(Slurp(tmp / "out-enc/hamamatsu-01/report.pdf"), Slurp(tmp / "out-plain/hamamatsu-01/report.pdf"));
  // The password never shows.
  for (const std::string& t : {re.out, re.err, scores, Slurp(tmp / "out-enc/run.json"),
                               Slurp(tmp / "out-enc/hamamatsu-01/problems.txt"), Slurp(tmp / "out-enc/summary.csv")})
    EXPECT_EQ(t.find(kPassword), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Hostile, EncryptedTwin,
                         ::testing::Values("encrypted_agile.xlsx", "encrypted_standard.xlsx"),
                         [](const ::testing::TestParamInfo<std::string>& i) {
                           return i.param == "encrypted_agile.xlsx" ? std::string("AgilePasswordFile")
                                                                    : std::string("StandardPasswordEnv");
                         });

}  // namespace
}  // namespace fidelity
