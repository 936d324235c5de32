#include "tests/test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fidelity::test {

std::filesystem::path RepoPath() {
  return std::filesystem::path(FIDELITY_TEST_DATA).parent_path().parent_path();
}

std::filesystem::path DataPath(const std::string& rel) {
  return std::filesystem::path(FIDELITY_TEST_DATA) / rel;
}

TempDir::TempDir() {
  static std::atomic<int> n{0};
  path_ = std::filesystem::temp_directory_path() /
          ("fidelity-test-" + std::to_string(getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}
TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Q(const std::filesystem::path& p) {
  std::string out = "'";
  for (char c : p.string()) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

CommandResult RunShell(const std::string& command) {
  TempDir tmp;
  std::string full = "(" + command + ") </dev/null >" + (tmp / "out").string() + " 2>" + (tmp / "err").string();
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(tmp / "out");
  r.err = Slurp(tmp / "err");
  return r;
}

CommandResult RunFidelity(const std::string& args) {
  return RunShell(Q(FIDELITY_BINARY) + " " + args);
}

}  // namespace fidelity::test
