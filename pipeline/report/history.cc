#include "pipeline/report/history.h"

namespace fidelity::report {

Json HistoryToJson(const History& h) {
  Json list = Json::Array();
  for (const auto& c : h.cycles) {
    Json j = Json::Object();
    j.set("cycle", c.cycle);
    j.set("total", c.total ? Json(*c.total) : Json());
    j.set("band", c.band.empty() ? Json() : Json(c.band));
    Json subs = Json::Object();
    for (const auto& [key, v] : c.subtotals) subs.set(key, v ? Json(*v) : Json());
    j.set("subtotals", std::move(subs));
    if (c.total_range) {
      Json r = Json::Array();
      r.push(c.total_range->first);
      r.push(c.total_range->second);
      j.set("total_range", std::move(r));
    }
    list.push(std::move(j));
  }
  return list;
}

const CyclePoint* PastCycle::Find(const std::string& id) const {
  for (const auto& [aid, point] : agencies)
    if (aid == id) return &point;
  return nullptr;
}

}  // namespace fidelity::report
