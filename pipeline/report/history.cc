#include "pipeline/report/history.h"

namespace fidelity::report {

const CyclePoint* PastCycle::Find(const std::string& id) const {
  for (const auto& [aid, point] : agencies)
    if (aid == id) return &point;
  return nullptr;
}

}  // namespace fidelity::report
