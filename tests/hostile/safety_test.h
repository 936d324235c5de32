// Shared by the safety tests (issue 15, issue 11 "the run as a whole"): a
// two-agency cycle made from the samples, a snapshot of every file under a
// folder (to prove that nothing was lost or changed), and the real binary
// run as a child with a wall-time limit and its peak RSS measured.
#pragma once
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_util.h"

namespace fidelity::safety {

namespace fs = std::filesystem;

inline fs::path Repo() { return fs::path(FIDELITY_TEST_DATA).parent_path().parent_path(); }

inline void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

// Relative path -> content of every regular file under `dir` (links not followed).
inline std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> m;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it)
    if (it->is_regular_file() && !it->is_symlink()) m[fs::relative(it->path(), dir).string()] = test::Slurp(it->path());
  return m;
}

// A cycle folder `c` with hamamatsu-01 and fuji-04 from samples/2026 (no
// `previous:`); `extra` is appended to hamamatsu-01's entry.
inline fs::path TwoAgencyCycle(const fs::path& c, const std::string& extra = "") {
  fs::create_directories(c);
  fs::copy(Repo() / "samples/2026/hamamatsu-01", c / "hamamatsu-01", fs::copy_options::recursive);
  fs::copy(Repo() / "samples/2026/fuji-04", c / "fuji-04", fs::copy_options::recursive);
  std::string fuji_wb;
  for (const auto& e : fs::directory_iterator(c / "fuji-04"))
    if (e.path().extension() == ".xlsx") fuji_wb = e.path().filename().string();
  Write(c / "cycle.yaml",
        "cycle: 2026年度\nagencies:\n"
        "  - id: hamamatsu-01\n    name: 就労支援センターはままつ\n    type: 地域事業所\n    survey_date: 2026-10-12\n"
        "    workbook: hamamatsu-01/事前調査票.xlsx\n    reviews: [hamamatsu-01/山田.yaml, hamamatsu-01/佐藤.yaml]\n"
        "    consensus: hamamatsu-01/合議.yaml\n" +
            extra +
            "  - id: fuji-04\n    name: ふじ\n    type: 医療機関\n    survey_date: 2026-10-12\n"
            "    workbook: fuji-04/" +
            fuji_wb + "\n    reviews: [fuji-04/佐藤.yaml, fuji-04/高橋.yaml]\n");
  return c;
}

// A cycle of `n` agencies a0…a(n-1), each with its own copy of fuji-04's
// workbook and one reviewer file (a file may be named only once).
inline fs::path ManyAgencyCycle(const fs::path& c, int n) {
  fs::create_directories(c);
  fs::path src = Repo() / "samples/2026/fuji-04";
  std::string wb;
  for (const auto& e : fs::directory_iterator(src))
    if (e.path().extension() == ".xlsx") wb = e.path().filename().string();
  std::string m = "cycle: 2026年度\nagencies:\n";
  for (int i = 0; i < n; ++i) {
    std::string id = "a" + std::to_string(i);
    fs::create_directories(c / id);
    fs::copy_file(src / wb, c / id / wb);
    fs::copy_file(src / "佐藤.yaml", c / id / "佐藤.yaml");
    m += "  - {id: " + id + ", name: 機関" + std::to_string(i) + ", type: 医療機関, survey_date: 2026-10-12, workbook: " +
         id + "/" + wb + ", reviews: [" + id + "/佐藤.yaml]}\n";
  }
  Write(c / "cycle.yaml", m);
  return c;
}

struct Child {
  int exit_code = -1;
  int signal = 0;
  std::string out, err;
  double seconds = 0;
  long maxrss_kb = 0;
};

// Runs `fidelity ARGS…` with stdin from /dev/null; killed after `limit`
// seconds. `during(pid)` runs in the parent while the child runs (for
// sending it a signal); it returns true once it has done its work.
inline Child RunChild(const std::vector<std::string>& args, double limit = 60,
                      const std::function<bool(pid_t)>& during = nullptr) {
  test::TempDir io;
  const fs::path out = io / "out", err = io / "err";
  auto t0 = std::chrono::steady_clock::now();
  std::fflush(stdout);  // else the child would print this process's buffered output again
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "r", stdin) || !freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr))
      _exit(126);
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    std::string bin = FIDELITY_BINARY;
    argv.push_back(bin.data());
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  Child r;
  int status = 0;
  rusage ru{};
  bool done_during = during == nullptr;
  for (;;) {
    if (wait4(pid, &status, WNOHANG, &ru) == pid) break;
    if (!done_during) done_during = during(pid);
    if (std::chrono::steady_clock::now() - t0 > std::chrono::duration<double>(limit)) kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.maxrss_kb = ru.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = test::Slurp(out);
  r.err = test::Slurp(err);
  return r;
}

// The child's messages hold no library English and no raw control character.
inline bool CleanText(const std::string& s) {
  for (const char* bad : {"filesystem error", "No such file", "Permission denied", "[ERROR]", "cannot ", "\x1b", "terminate called"})
    if (s.find(bad) != std::string::npos) return false;
  return true;
}

// A pid that is certainly not running (a child that has exited and been reaped).
inline long DeadPid() {
  pid_t p = fork();
  if (p == 0) _exit(0);
  waitpid(p, nullptr, 0);
  return p;
}

}  // namespace fidelity::safety
