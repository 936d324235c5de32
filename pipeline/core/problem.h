// Problems found in inputs: the one currency of validation.
//
// Every problem names its place (a file, "sheet!cell" or "file:line") and
// carries a stable code and a Japanese message. Errors stop the agency;
// warnings are reported and scoring goes on.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace fidelity {

enum class Severity { kWarning, kError };

struct Problem {
  Severity severity = Severity::kError;
  std::string code;     // stable, ASCII, e.g. "survey.not_a_number"
  std::string where;    // "調査票4!E12", "山田.yaml:7", "事前調査票.xlsx"
  std::string message;  // Japanese, for the coordinator and the report
  // True for what only the coordinator may read (reviewer mechanics,
  // consistency hints, reviewer-file problems): never in the agency's report.
  bool coordinator_only = false;

  bool is_error() const { return severity == Severity::kError; }
};

using Problems = std::vector<Problem>;

const char* SeverityName(Severity s);  // "error" / "warning"
bool HasError(const Problems& ps);
// "error [code] where: message" — one line for problems.txt and stderr.
// Control characters and invalid UTF-8 are escaped, and the place and the
// message are cut to a short excerpt (core/escape.h).
std::string FormatProblem(const Problem& p);
// The same problem with code, place and message escaped and cut as above:
// for writers that store the fields apart (run.json).
Problem SafeProblem(Problem p);

inline Problem Error(std::string code, std::string where, std::string message) {
  return {Severity::kError, std::move(code), std::move(where), std::move(message)};
}
inline Problem Warning(std::string code, std::string where, std::string message) {
  return {Severity::kWarning, std::move(code), std::move(where), std::move(message)};
}

// The one exception type of the pipeline: thrown by readers when an input
// cannot be used at all, caught once at the edge of each agency (or command).
class InputError : public std::runtime_error {
 public:
  explicit InputError(Problem p)
      : std::runtime_error(FormatProblem(p)), problem_(std::move(p)) {}
  InputError(std::string code, std::string where, std::string message)
      : InputError(Error(std::move(code), std::move(where), std::move(message))) {}
  const Problem& problem() const { return problem_; }

 private:
  Problem problem_;
};

}  // namespace fidelity
