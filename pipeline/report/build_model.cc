#include "pipeline/report/build_model.h"

namespace fidelity::report {
namespace {

std::string ValueText(const ItemScore& s, const Item* item) {
  if (!s.value_text.empty()) return s.value_text;
  if (!s.value) return {};
  std::string v = s.value->ToString(1);
  if (item) v += item->unit;
  return v;
}

}  // namespace

ReportModel BuildReportModel(const AgencyScores& scores, const AgencyInfo& info,
                             const Instrument& instrument, const std::string& cycle) {
  ReportModel m;
  m.agency.id = info.id;
  m.agency.name = info.name;
  m.agency.type = info.type;
  if (info.survey_date) m.agency.survey_date = info.survey_date->Japanese();
  if (info.record_date) m.agency.record_date = info.record_date->Japanese();
  m.agency.cycle = cycle;
  m.agency.reviewers = scores.reviewer_names;

  const PreviousScores* prev = scores.previous ? &*scores.previous : nullptr;
  for (const Subscale& sub : instrument.subscales) {
    SubscaleRow row;
    row.key = sub.key;
    row.name = sub.name;
    row.item_count = static_cast<int>(sub.items.size());
    if (const SubtotalScore* st = scores.Subtotal(sub.key)) {
      row.score = st->value;
      row.lo = st->range[0];
      row.hi = st->range[1];
    }
    if (prev) {
      int sum = 0;
      bool all = true;
      for (const std::string& code : sub.items) {
        std::optional<int> p = prev->Item(code);
        if (p) sum += *p;
        else all = false;
      }
      if (all) row.previous = sum;
    }
    m.subscales.push_back(row);
  }

  for (const ItemScore& s : scores.items) {
    const Item* item = instrument.FindItem(s.code);
    ItemRow row;
    row.code = s.code;
    row.name = item ? item->name : s.code;
    if (item)
      for (size_t g = 0; g < instrument.subscales.size(); ++g)
        if (instrument.subscales[g].key == item->subscale) row.subscale = static_cast<int>(g);
    row.score = s.score;
    if (prev) row.previous = prev->Item(s.code);
    row.source = ScoreSourceName(s.source);
    row.overridden = s.overridden;
    row.flagged = s.flag;
    row.value = ValueText(s, item);
    row.notes = s.notes;
    m.items.push_back(std::move(row));
  }

  m.provisional = scores.provisional;
  m.total = scores.total;
  m.total_lo = scores.total_range[0];
  m.total_hi = scores.total_range[1];
  if (!scores.provisional) {
    m.band_key = scores.band;
    m.band_label = scores.band_label;
  }
  m.missing = scores.missing;
  if (prev) {
    m.previous_total = prev->total;
    m.previous_cycle = prev->cycle.empty() ? "前回の調査" : prev->cycle;
    for (const TotalBand& b : instrument.bands)
      if (b.key == prev->band) m.previous_band_label = b.label;
  }

  for (const GoiScore& g : scores.goi) {
    const GoiItem* def = instrument.FindGoi(g.code);
    m.goi.push_back({g.code, def ? def->name : g.code, g.value});
  }
  m.goi_total = scores.goi_total;
  if (scores.agreement.exact) m.agreement_exact = scores.agreement.exact->to_double();
  if (scores.agreement.within_one) m.agreement_within_one = scores.agreement.within_one->to_double();

  for (const std::string& s : scores.strengths) m.strengths.push_back({s, "", "", std::nullopt, ""});
  for (const std::string& s : scores.challenges) m.challenges.push_back({s, "", "", std::nullopt, ""});
  for (const ItemRow& r : m.items) {
    if (!r.score) continue;
    if (*r.score >= 4) m.strengths.push_back({"", r.code, r.name, r.score, ""});
  }
  for (const ItemRow& r : m.items) {
    if (!r.score || *r.score > 3) continue;
    std::string next;
    if (const Item* item = instrument.FindItem(r.code)) {
      auto a = item->anchors.find(*r.score + 1);
      if (a != item->anchors.end()) next = a->second;
    }
    m.challenges.push_back({"", r.code, r.name, r.score, next});
  }
  for (const ItemRow& r : m.items)
    if (r.score && r.previous && *r.score != *r.previous)
      m.changes.push_back({r.code, r.name, *r.previous, *r.score});

  if (const InstitutionalLimit* lim = instrument.LimitsFor(info.type)) {
    m.limits_note = lim->note;
    m.limits_items = lim->items;
  }
  m.problems = scores.problems;
  return m;
}

}  // namespace fidelity::report
