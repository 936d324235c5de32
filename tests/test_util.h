// Shared helpers for the tests: fixture paths, temporary folders, running
// the real `fidelity` binary.
#pragma once
#include <filesystem>
#include <string>

#include "pipeline/core/problem.h"

namespace fidelity::test {

// tests/data/<rel>
std::filesystem::path DataPath(const std::string& rel);
// The repository's top folder (samples/, templates/, config/ …).
std::filesystem::path RepoPath();
// A fresh empty folder under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the built `fidelity` with the given arguments (a shell-quoted string),
// stdin from /dev/null.
CommandResult RunFidelity(const std::string& args);
// Runs any shell command and captures its output.
CommandResult RunShell(const std::string& command);
std::string Slurp(const std::filesystem::path& p);
// Runs `f` and returns the problem it throws (code "none" when it does not).
template <typename F>
Problem ProblemOf(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.problem();
  }
  return Problem{Severity::kError, "none", "", ""};
}
// A path quoted for the shell ('…', with any ' inside escaped).
std::string Q(const std::filesystem::path& p);

}  // namespace fidelity::test
