#include "pipeline/report/build_model.h"

#include <algorithm>

#include "pipeline/report/next_step.h"
#include "pipeline/report/priorities.h"

namespace fidelity::report {
namespace {

// The agency's words for ES/CM/SV and the library's phrases, applied to
// every text the agency reads.
struct Words {
  std::map<std::string, std::string> terms;
  const std::vector<std::pair<std::string, std::string>>* phrases = nullptr;
  std::string operator()(const std::string& s) const { return ApplyTerms(s, terms, *phrases); }
};

std::string ValueText(const ItemScore& s, const Item* item, const Recommendations& rec) {
  if (!s.value_text.empty()) return item ? TicksInWords(*item, s.value_text, rec) : std::string();
  if (!s.value) return {};
  return item ? ValueInWords(*item, *s.value) : s.value->ToString(1);
}

// A problem the agency can fix itself: a cell of its own workbook.
bool ForAgency(const Problem& p) { return !p.coordinator_only && p.where.find('!') != std::string::npos; }

void Subscales(ReportModel& m, const AgencyScores& scores, const Instrument& instrument) {
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
}

void Coordinator(ReportModel& m, const AgencyScores& scores) {
  CoordinatorNotes& c = m.coordinator;
  if (scores.agreement.exact) c.agreement_exact = scores.agreement.exact->to_double();
  if (scores.agreement.within_one) c.agreement_within_one = scores.agreement.within_one->to_double();
  c.agreement_items = scores.agreement.items;
  for (size_t i = 0; i < scores.items.size() && i < m.items.size(); ++i) {
    const ItemScore& s = scores.items[i];
    c.items.push_back({s.code, m.items[i].name, s.score, s.reviewers, s.consensus, s.computed_score,
                       s.flag, s.overridden, s.notes});
  }
  c.problems = scores.problems;
}

void Lists(ReportModel& m, const AgencyScores& scores, const Instrument& instrument,
           const Recommendations& rec, const Words& T) {
  auto entry = [](std::string text, std::string code, std::string name, std::optional<int> score) {
    ListEntry e;  // field by field: the other fields keep their defaults
    e.text = std::move(text);
    e.item_code = std::move(code);
    e.item_name = std::move(name);
    e.score = score;
    return e;
  };
  for (const std::string& s : scores.strengths) m.strengths.push_back(entry(T(s), "", "", std::nullopt));
  for (const std::string& s : scores.challenges) m.challenges.push_back(entry(T(s), "", "", std::nullopt));
  for (const ItemRow& r : m.items) {
    if (!r.score) continue;
    bool rose = r.previous && *r.score > *r.previous;
    if (*r.score == 5 || rose) {
      ListEntry e = entry("", r.code, r.name, r.score);
      e.rose = rose;
      m.strengths.push_back(e);
    }
  }
  std::vector<ListEntry> item_challenges;
  for (size_t i = 0; i < m.items.size(); ++i) {
    const ItemRow& r = m.items[i];
    if (!r.score || *r.score > 3) continue;
    // Lists and the plan use the score sheet's short name.
    const Item* def = instrument.FindItem(r.code);
    ListEntry e = entry("", r.code, def && !def->short_name.empty() ? T(def->short_name) : r.name, r.score);
    e.target = *r.score + 1;
    if (const Item* item = instrument.FindItem(r.code)) {
      const ItemScore* s = scores.Find(r.code);
      if (s) e.next_step = T(NextStep(*item, *s, rec));
    }
    e.hint = T(rec.Hint(r.code, *e.target));
    item_challenges.push_back(e);
  }
  m.priorities = ChoosePriorities(item_challenges, scores.challenges, rec.priorities);
  m.challenges.insert(m.challenges.end(), item_challenges.begin(), item_challenges.end());
}

}  // namespace

ReportModel BuildReportModel(const AgencyScores& scores, const AgencyInfo& info,
                             const Instrument& instrument, const std::string& cycle,
                             const Recommendations& rec,
                             const std::map<std::string, std::string>& terms,
                             const History& history, const RegionFigures& region) {
  Words T;
  T.phrases = &rec.phrases;
  for (const Term& t : rec.terms) {
    auto own = terms.find(t.key);
    T.terms[t.key] = own != terms.end() && !own->second.empty() ? own->second : t.word;
  }
  ReportModel m;
  for (const Term& t : rec.terms) m.glossary.push_back({T.terms[t.key], T(t.explain)});
  m.agency.id = info.id;
  m.agency.name = info.name;
  m.agency.type = info.type;
  if (info.survey_date) m.agency.survey_date = info.survey_date->Japanese();
  if (info.record_date) m.agency.record_date = info.record_date->Japanese();
  m.agency.cycle = cycle;
  m.agency.reviewers = scores.reviewer_names;
  Subscales(m, scores, instrument);

  const PreviousScores* prev = scores.previous ? &*scores.previous : nullptr;
  for (const ItemScore& s : scores.items) {
    const Item* item = instrument.FindItem(s.code);
    ItemRow row;
    row.code = s.code;
    row.name = T(item ? item->name : s.code);
    if (item)
      for (size_t g = 0; g < instrument.subscales.size(); ++g)
        if (instrument.subscales[g].key == item->subscale) row.subscale = static_cast<int>(g);
    row.score = s.score;
    if (prev) row.previous = prev->Item(s.code);
    row.source = ScoreSourceName(s.source);
    row.overridden = s.overridden;
    row.flagged = s.flag;
    row.value = T(ValueText(s, item, rec));
    // The agency reads the agreed reason when the consensus gave one, else
    // the reviewers' reasons, without their names (who wrote which is the
    // coordinator's: review_notes.txt).
    for (const std::string& n : s.note_texts) {
      row.notes.push_back(T(n));
      if (s.consensus_note) break;
    }
    m.items.push_back(std::move(row));
  }

  m.provisional = scores.provisional;
  m.total = scores.total;
  m.total_lo = scores.total_range[0];
  m.total_hi = scores.total_range[1];
  for (const TotalBand& b : instrument.bands) {
    m.bands.push_back({b.key, b.label, b.min});
    m.total_min = m.total_min == 0 ? b.min : std::min(m.total_min, b.min);
    m.total_max = std::max(m.total_max, b.max);
  }
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
    m.goi.push_back({g.code, T(def ? def->name : g.code), g.value,
                     def ? T(def->criterion) : ""});
  }
  m.goi_total = scores.goi_total;
  if (scores.agreement.exact) m.agreement_exact = scores.agreement.exact->to_double();
  if (scores.agreement.within_one) m.agreement_within_one = scores.agreement.within_one->to_double();

  Lists(m, scores, instrument, rec, T);
  for (const ItemRow& r : m.items)
    if (r.score && r.previous && *r.score != *r.previous)
      m.changes.push_back({r.code, r.name, *r.previous, *r.score});
  if (const InstitutionalLimit* lim = instrument.LimitsFor(info.type)) {
    m.limits_note = T(lim->note);
    m.limits_items = lim->items;
  }
  for (const Problem& p : scores.problems)
    if (ForAgency(p)) m.problems.push_back(p);
  Coordinator(m, scores);
  m.history = history;
  m.region = region;
  return m;
}

}  // namespace fidelity::report
