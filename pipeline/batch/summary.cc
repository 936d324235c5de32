#include "pipeline/batch/summary.h"

#include <cstdio>

namespace fidelity {
namespace {

std::optional<int> IntOf(const Json* j) {
  if (!j || j->type() != Json::Type::kNumber) return std::nullopt;
  return static_cast<int>(j->as_int());
}
std::optional<std::pair<int, int>> RangeOf(const Json* j) {
  if (!j || j->type() != Json::Type::kArray || j->size() != 2) return std::nullopt;
  return std::make_pair(static_cast<int>((*j)[0].as_int()), static_cast<int>((*j)[1].as_int()));
}
std::string Num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

}  // namespace

SummaryRow SummaryRowFromScores(const std::string& id, const std::string& name, const std::string& type,
                                const Json& s, const SummarySpec& spec) {
  SummaryRow r;
  r.id = id;
  r.name = name;
  r.type = type;
  r.ok = true;
  r.status = "ok";
  const Json* items = s.get("items");
  for (const auto& code : spec.item_codes) {
    const Json* it = items ? items->get(code) : nullptr;
    r.items.push_back(IntOf(it ? it->get("score") : nullptr));
  }
  const Json* sub = s.get("subtotals");
  const Json* subr = s.get("subtotal_ranges");
  for (const auto& k : spec.subscale_keys) {
    r.subtotals.push_back(IntOf(sub ? sub->get(k) : nullptr));
    r.subtotal_ranges.push_back(RangeOf(subr ? subr->get(k) : nullptr));
  }
  r.total = IntOf(s.get("total"));
  r.total_range = RangeOf(s.get("total_range"));
  if (const Json* b = s.get("band"); b && b->type() == Json::Type::kString) r.band = b->as_string();
  if (const Json* p = s.get("provisional"); p && p->type() == Json::Type::kBool) r.provisional = p->as_bool();
  r.goi_total = IntOf(s.get("goi_total"));
  if (const Json* prev = s.get("previous"); prev && prev->type() == Json::Type::kObject)
    r.previous_total = IntOf(prev->get("total"));
  if (const Json* a = s.get("agreement"); a && a->type() == Json::Type::kObject) {
    if (const Json* e = a->get("exact"); e && e->type() == Json::Type::kNumber) r.exact = e->as_double();
    if (const Json* w = a->get("within_one"); w && w->type() == Json::Type::kNumber) r.within_one = w->as_double();
  }
  if (const Json* ps = s.get("problems"); ps && ps->type() == Json::Type::kArray) r.warnings = static_cast<int>(ps->size());
  return r;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string SummaryCsv(const std::vector<SummaryRow>& rows, const SummarySpec& spec) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> head = {"id", "機関名", "種別"};
  for (const auto& c : spec.item_codes) head.push_back(c);
  for (const char* h : {"スタッフ配置", "組織", "サービス", "合計", "フィデリティ区分", "GOI合計", "前回合計", "変化",
                        "一致率（完全）", "一致率（±1以内）", "状態"})
    head.push_back(h);
  auto line = [&](const std::vector<std::string>& f) {
    for (size_t i = 0; i < f.size(); ++i) {
      if (i) out += ',';
      out += CsvField(f[i]);
    }
    out += "\r\n";
  };
  line(head);
  auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
  auto range = [](const std::optional<std::pair<int, int>>& r) {
    return r ? std::to_string(r->first) + "-" + std::to_string(r->second) : std::string();
  };
  for (const auto& r : rows) {
    std::vector<std::string> f = {r.id, r.name, r.type};
    if (!r.ok) {
      f.resize(f.size() + spec.item_codes.size() + 10);
      f.push_back(r.status == "ok" ? "ok" : "失敗: " + r.reason);
      line(f);
      continue;
    }
    for (const auto& v : r.items) f.push_back(opt(v));
    for (size_t k = 0; k < r.subtotals.size(); ++k)
      f.push_back(r.subtotals[k] ? opt(r.subtotals[k]) : range(r.subtotal_ranges[k]));
    f.push_back(r.total ? opt(r.total) : range(r.total_range));
    auto bl = spec.band_labels.find(r.band);
    f.push_back(r.provisional ? "暫定" : (bl != spec.band_labels.end() ? bl->second : r.band));
    f.push_back(opt(r.goi_total));
    f.push_back(opt(r.previous_total));
    f.push_back(r.total && r.previous_total ? (*r.total - *r.previous_total > 0 ? "+" : "") +
                                                  std::to_string(*r.total - *r.previous_total)
                                            : "");
    f.push_back(r.exact ? Num(*r.exact) : "");
    f.push_back(r.within_one ? Num(*r.within_one) : "");
    f.push_back(r.provisional ? "暫定" : (r.warnings ? "ok（注意 " + std::to_string(r.warnings) + "件）" : "ok"));
    line(f);
  }
  return out;
}

}  // namespace fidelity
