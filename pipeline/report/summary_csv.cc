#include "pipeline/report/summary_csv.h"

#include <cstdio>

#include "pipeline/core/escape.h"
#include "pipeline/report/report_template.h"

namespace fidelity::report {
namespace {

SummaryCell Text(const std::string& s) { return {GuardFormula(EscapeControls(s)), std::nullopt}; }
SummaryCell Int(const std::optional<int>& v) {
  if (!v) return {};
  return {std::to_string(*v), static_cast<double>(*v)};
}
SummaryCell Signed(const std::optional<int>& v) {
  if (!v) return {};
  return {(*v > 0 ? "+" : "") + std::to_string(*v), static_cast<double>(*v), true};
}
SummaryCell Fraction(const std::optional<double>& v) {
  if (!v) return {};
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", *v);
  return {b, *v};
}
SummaryCell Range(const SummaryTemplate& t, const std::optional<std::pair<int, int>>& r) {
  if (!r) return {};
  return Text(Fill(t.Csv("range"), {{"lo", std::to_string(r->first)}, {"hi", std::to_string(r->second)}}));
}

std::vector<SummaryCell> Header(const CohortModel& m, const SummaryTemplate& t) {
  std::vector<SummaryCell> h = {Text(t.Csv("id")), Text(t.Csv("name")), Text(t.Csv("type"))};
  for (const auto& c : m.spec.item_codes) h.push_back(Text(c));
  for (const auto& s : m.spec.subscale_names) h.push_back(Text(s));
  for (const char* k : {"total", "band", "goi_total", "previous_total", "change", "exact", "within_one",
                        "warnings", "status", "note"})
    h.push_back(Text(t.Csv(k)));
  return h;
}

std::string StatusWord(const CohortRow& r, const SummaryTemplate& t) {
  switch (r.status) {
    case CohortStatus::kScored: return t.Status("scored");
    case CohortStatus::kProvisional: return t.Status("provisional");
    case CohortStatus::kFailed: return t.Status("failed");
  }
  return "";
}

std::string NoteOf(const CohortRow& r, const SummaryTemplate& t) {
  if (r.status == CohortStatus::kFailed) return r.reason;
  if (r.status != CohortStatus::kProvisional) return "";
  std::string items;
  for (const auto& c : r.missing) items += (items.empty() ? "" : "、") + c;
  auto [lo, hi] = r.total_range.value_or(std::make_pair(0, 0));
  return Fill(t.Text("missing_items"), {{"items", items}, {"lo", std::to_string(lo)}, {"hi", std::to_string(hi)}});
}

std::vector<SummaryCell> Row(const CohortModel& m, const CohortRow& r, const SummaryTemplate& t) {
  std::vector<SummaryCell> f = {Text(r.id), Text(r.name), Text(r.type)};
  bool failed = r.status == CohortStatus::kFailed;
  for (size_t k = 0; k < m.spec.item_codes.size(); ++k)
    f.push_back(failed || k >= r.items.size() ? SummaryCell{} : Int(r.items[k]));
  for (size_t k = 0; k < m.spec.subscale_keys.size(); ++k) {
    if (failed || k >= r.subtotals.size()) f.push_back({});
    else f.push_back(r.subtotals[k] ? Int(r.subtotals[k]) : Range(t, r.subtotal_ranges[k]));
  }
  f.push_back(failed ? SummaryCell{} : r.total ? Int(r.total) : Range(t, r.total_range));
  std::string band;
  for (const auto& b : m.spec.bands)
    if (b.key == r.band) band = b.label;
  f.push_back(Text(band));
  f.push_back(failed ? SummaryCell{} : Int(r.goi_total));
  f.push_back(Int(r.previous_total));
  f.push_back(Signed(r.Change()));
  f.push_back(Fraction(r.exact));
  f.push_back(Fraction(r.within_one));
  f.push_back(Int(r.warnings));
  f.push_back(Text(StatusWord(r, t)));
  f.push_back(Text(NoteOf(r, t)));
  return f;
}

}  // namespace

std::string GuardFormula(const std::string& s) {
  if (!s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos) return "'" + s;
  return s;
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::vector<std::vector<SummaryCell>> SummaryAgencyTable(const CohortModel& m, const SummaryTemplate& t) {
  std::vector<std::vector<SummaryCell>> rows = {Header(m, t)};
  for (const auto& r : m.rows) rows.push_back(Row(m, r, t));
  return rows;
}

std::string SummaryCsv(const CohortModel& m, const SummaryTemplate& t) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : SummaryAgencyTable(m, t)) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvQuote(row[i].text);
    out += "\r\n";
  }
  return out;
}

}  // namespace fidelity::report
