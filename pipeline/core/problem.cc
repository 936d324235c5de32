#include "pipeline/core/problem.h"

#include "pipeline/core/escape.h"

namespace fidelity {

namespace {
// A place is a file name, "sheet!cell" or "file:line"; a message a sentence
// or two. Anything longer quotes too much of an input.
constexpr size_t kMaxWhere = 300;
constexpr size_t kMaxMessage = 1200;
}  // namespace

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

bool HasError(const Problems& ps) {
  for (const auto& p : ps)
    if (p.is_error()) return true;
  return false;
}

Problem SafeProblem(Problem p) {
  p.code = EscapeControls(p.code, 80);
  p.where = EscapeControls(p.where, kMaxWhere);
  p.message = EscapeControls(p.message, kMaxMessage);
  return p;
}

// Control characters from cells and files are escaped here, the one place
// every printed and written problem line passes through (docs/safety.md).
std::string FormatProblem(const Problem& p) {
  std::string s = SeverityName(p.severity);
  s += " [" + EscapeControls(p.code, 80) + "] ";
  if (!p.where.empty()) s += EscapeControls(p.where, kMaxWhere) + ": ";
  s += EscapeControls(p.message, kMaxMessage);
  return s;
}

}  // namespace fidelity
