#include "pipeline/core/problem.h"

namespace fidelity {

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

bool HasError(const Problems& ps) {
  for (const auto& p : ps)
    if (p.is_error()) return true;
  return false;
}

std::string FormatProblem(const Problem& p) {
  std::string s = SeverityName(p.severity);
  s += " [" + p.code + "] ";
  if (!p.where.empty()) s += p.where + ": ";
  s += p.message;
  return s;
}

}  // namespace fidelity
