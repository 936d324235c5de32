#include "pipeline/report/cohort.h"

#include <algorithm>
#include <cmath>

namespace fidelity::report {
namespace {

std::optional<double> Agreement(const std::optional<Rational>& r) {
  if (!r) return std::nullopt;
  return r->Rounded(2);
}

// One cycle's region point from per-agency (total, band, subtotals).
struct PointInput {
  std::optional<int> total;
  std::string band;
  std::vector<std::optional<int>> subtotals;
};

RegionPoint PointOf(const CohortSpec& spec, const std::string& cycle, const std::vector<PointInput>& agencies,
                    int failed) {
  RegionPoint p;
  p.cycle = cycle;
  p.failed = failed;
  p.bands.assign(spec.bands.size(), 0);
  std::vector<int> totals;
  std::vector<std::vector<int>> subs(spec.subscale_keys.size());
  for (const auto& a : agencies) {
    if (!a.total) {
      ++p.provisional;
      continue;
    }
    ++p.scored;
    totals.push_back(*a.total);
    for (size_t b = 0; b < spec.bands.size(); ++b) p.bands[b] += spec.bands[b].key == a.band;
    for (size_t k = 0; k < subs.size() && k < a.subtotals.size(); ++k)
      if (a.subtotals[k]) subs[k].push_back(*a.subtotals[k]);
  }
  p.total = QuartilesOf(totals);
  for (auto& v : subs) {
    auto q = QuartilesOf(v);
    p.subtotal_median.push_back(q ? std::optional<double>(q->median) : std::nullopt);
  }
  return p;
}

RegionPoint PastPoint(const CohortSpec& spec, const PastCycle& past) {
  std::vector<PointInput> in;
  for (const auto& [id, point] : past.agencies) {
    PointInput a{point.total, point.band, {}};
    for (const auto& key : spec.subscale_keys) {
      auto it = point.subtotals.find(key);
      a.subtotals.push_back(it != point.subtotals.end() ? it->second : std::nullopt);
    }
    in.push_back(std::move(a));
  }
  return PointOf(spec, past.cycle, in, past.failed);
}

ItemStats StatsOf(const std::string& code, const std::string& name, const std::vector<int>& v) {
  ItemStats s;
  s.code = code;
  s.name = name;
  s.n = static_cast<int>(v.size());
  s.q = QuartilesOf(v);
  if (v.empty()) return s;
  long sum = 0;
  for (int x : v) {
    sum += x;
    if (x >= 1 && x <= 5) ++s.count[static_cast<size_t>(x - 1)];
  }
  s.mean = static_cast<double>(sum) / static_cast<double>(v.size());
  auto [mn, mx] = std::minmax_element(v.begin(), v.end());
  s.min = *mn;
  s.max = *mx;
  return s;
}

}  // namespace

std::optional<int> CohortRow::Change() const {
  if (!total || !previous_total) return std::nullopt;
  return *total - *previous_total;
}

std::optional<Quartiles> QuartilesOf(std::vector<int> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  // Type 7: position h = (n − 1)·p; interpolate between floor(h) and the next.
  // With integer scores every result is a multiple of 1/4: exact in binary.
  auto at = [&](int quarter) {
    size_t n1 = v.size() - 1;
    size_t whole = n1 * static_cast<size_t>(quarter) / 4;
    size_t rest = n1 * static_cast<size_t>(quarter) % 4;  // in quarters
    if (rest == 0) return static_cast<double>(v[whole]);
    return v[whole] + (v[whole + 1] - v[whole]) * static_cast<double>(rest) / 4.0;
  };
  return Quartiles{at(1), at(2), at(3)};
}

CohortSpec CohortSpecOf(const Instrument& ins, const std::string& cycle, int region_minimum) {
  CohortSpec s;
  s.cycle = cycle;
  for (const auto& it : ins.items) {
    s.item_codes.push_back(it.code);
    s.item_names.push_back(it.short_name.empty() ? it.name : it.short_name);
  }
  s.total_min = s.total_max = 0;
  for (const auto& sub : ins.subscales) {
    s.subscale_keys.push_back(sub.key);
    s.subscale_names.push_back(sub.name);
    s.subscale_min.push_back(sub.min);
    s.subscale_max.push_back(sub.max);
    s.total_min += sub.min;
    s.total_max += sub.max;
  }
  for (const auto& b : ins.bands) s.bands.push_back({b.key, b.label, b.min, b.max});
  s.score_max = ins.score_max;
  s.region_minimum = region_minimum;
  return s;
}

CohortRow CohortRowOf(const AgencyScores& sc, const AgencyInfo& info) {
  CohortRow r;
  r.id = info.id;
  r.name = info.name;
  r.type = info.type;
  r.status = sc.provisional ? CohortStatus::kProvisional : CohortStatus::kScored;
  for (const auto& p : sc.problems) r.warnings += !p.is_error();
  for (const auto& it : sc.items) r.items.push_back(it.score);
  for (const auto& sub : sc.subtotals) {
    r.subtotals.push_back(sub.value);
    r.subtotal_ranges.push_back(sub.value ? std::nullopt
                                          : std::optional<std::pair<int, int>>({sub.range[0], sub.range[1]}));
  }
  r.total = sc.total;
  if (sc.provisional) r.total_range = std::make_pair(sc.total_range[0], sc.total_range[1]);
  r.band = sc.provisional ? std::string() : sc.band;
  r.missing = sc.missing;
  r.goi_total = sc.goi_total;
  if (sc.previous) {
    r.previous_total = sc.previous->total;
    r.previous_band = sc.previous->band;
  }
  r.exact = Agreement(sc.agreement.exact);
  r.within_one = Agreement(sc.agreement.within_one);
  return r;
}

CohortRow FailedCohortRow(const std::string& id, const std::string& name, const std::string& type,
                          const Problems& problems) {
  CohortRow r;
  r.id = id;
  r.name = name;
  r.type = type;
  r.status = CohortStatus::kFailed;
  for (const auto& p : problems) {
    if (!p.is_error()) {
      ++r.warnings;
    } else if (r.reason.empty()) {
      r.reason = p.message + (p.where.empty() ? "" : "（" + p.where + "）");
    }
  }
  return r;
}

RegionFigures RegionFiguresOf(const CohortSpec& spec, const std::vector<ItemStats>& items, int scored) {
  RegionFigures f;
  f.agencies = scored;
  f.shown = scored >= spec.region_minimum && scored > 0;
  if (!f.shown) return f;
  for (const auto& s : items) {
    if (!s.q) continue;
    f.item_median[s.code] = s.q->median;
    f.item_quartiles[s.code] = {s.q->q1, s.q->q3};
  }
  return f;
}

CohortModel BuildCohort(CohortSpec spec, std::vector<CohortRow> rows, const std::vector<PastCycle>& past) {
  CohortModel m;
  m.spec = std::move(spec);
  m.rows = std::move(rows);
  std::vector<std::vector<int>> per_item(m.spec.item_codes.size());
  std::vector<PointInput> now;
  for (const auto& r : m.rows) {
    if (r.status == CohortStatus::kFailed) {
      ++m.failed;
      continue;
    }
    now.push_back({r.total, r.band, r.subtotals});
    if (r.status == CohortStatus::kProvisional) {
      ++m.provisional;
      continue;
    }
    ++m.scored;
    for (size_t k = 0; k < per_item.size() && k < r.items.size(); ++k)
      if (r.items[k]) per_item[k].push_back(*r.items[k]);
  }
  for (size_t k = 0; k < per_item.size(); ++k)
    m.items.push_back(StatsOf(m.spec.item_codes[k], m.spec.item_names[k], per_item[k]));
  for (const auto& p : past) m.trend.push_back(PastPoint(m.spec, p));
  m.trend.push_back(PointOf(m.spec, m.spec.cycle, now, m.failed));
  m.region = RegionFiguresOf(m.spec, m.items, m.scored);
  return m;
}

}  // namespace fidelity::report
