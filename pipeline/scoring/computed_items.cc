#include "pipeline/scoring/computed_items.h"

#include <set>

#include "pipeline/core/text.h"
#include "pipeline/scoring/diversity.h"

namespace fidelity {
namespace {

const Rational kHundred(100);

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

Rational Param(const Item& item, const std::string& name) { return item.params.at(name); }
Rational Param(const GoiItem& g, const std::string& name) { return g.params.at(name); }

std::vector<const StaffRow*> RowsOf(const Survey& s, const std::string& role) {
  std::vector<const StaffRow*> out;
  for (const auto& r : s.staff)
    if (HasRole(r, role)) out.push_back(&r);
  return out;
}

Computed Fixed(int score, Problem p) {
  Computed c;
  c.score = score;
  c.problems.push_back(std::move(p));
  return c;
}

Computed Banded(const Item& item, const Rational& v) {
  Computed c;
  c.value = v;
  c.score = item.bands.Lookup(v);
  return c;
}


// ---- §3.1 ----

Computed Caseload(const Item& item, const Survey& s, const Instrument& ins) {
  const std::string es = ins.Role("es");
  if (s.users.empty()) {
    Computed c;  // no score: the agency cannot be scored
    c.problems.push_back(Error("scoring.no_users", s.file,
                               item.code + ": 調査票4に利用者の行がないため、ケースロードを計算できません"));
    return c;
  }
  if (RowsOf(s, es).empty())
    return Fixed(ins.score_min, Warning("scoring.no_es", s.file,
                                        item.code + ": 調査票3に" + es + "の行がないため" +
                                            std::to_string(ins.score_min) + "点としました"));
  Rational fte = EsFte(s, ins);
  if (fte.is_zero())
    return Fixed(ins.score_min, Warning("scoring.zero_fte", s.file,
                                        item.code + ": " + es + "の常勤換算数が0のため" +
                                            std::to_string(ins.score_min) + "点としました"));
  return Banded(item, Rational(static_cast<long long>(s.users.size())) / fte);
}

// Σ D × pct% ÷ Σ D over ES rows, in %; `both` multiplies E% × F% (I-2).
Computed EsHoursShare(const Item& item, const Survey& s, const Instrument& ins, bool i2) {
  const std::string es = ins.Role("es");
  auto rows = RowsOf(s, es);
  if (rows.empty())
    return Fixed(ins.score_min, Warning("scoring.no_es", s.file,
                                        item.code + ": 調査票3に" + es + "の行がないため" +
                                            std::to_string(ins.score_min) + "点としました"));
  Rational hours, part;
  for (const StaffRow* r : rows) {
    hours += r->hours;
    if (i2) part += r->hours * r->employment_pct * r->mental_pct / kHundred;  // D×E×F/100 (×100/100)
    else part += r->hours * r->outside_pct;                                  // D×H
  }
  if (hours.is_zero())
    return Fixed(ins.score_min, Warning("scoring.zero_hours", s.file,
                                        item.code + ": " + es + "の週の勤務時間の合計が0のため" +
                                            std::to_string(ins.score_min) + "点としました"));
  return Banded(item, part / hours);
}

Computed Competitive(const Item& item, const Survey& s, const Instrument& ins) {
  Computed c;
  auto get = [&](const std::string& code) -> Rational {
    auto it = s.counts.find(code);
    if (it == s.counts.end() || !it->second.has()) {
      c.problems.push_back(Warning("scoring.missing_count",
                                   it == s.counts.end() || it->second.where.empty() ? s.file : it->second.where,
                                   item.code + ": 調査票1の" + code + "が空欄のため0として計算しました"));
      return Rational(0);
    }
    return *it->second.value;
  };
  Rational b1 = get("B-1"), b2 = get("B-2"), b3 = get("B-3");
  if (!b1.is_zero()) c.value = b2 * kHundred / b1;
  if (b1 - b3 < Param(item, "min_workers")) {
    c.score = ins.score_min;  // the rule: too few workers outside A型・特例子会社
    return c;
  }
  c.score = item.bands.Lookup(*c.value);
  return c;
}

// ---- §3.2 ----

Computed EsServices(const Item& item, const Survey& s, const Instrument& ins) {
  Computed c;
  const auto& i3 = s.records.i3;
  bool any = false;
  int count = 0;
  for (const auto& v : i3) {
    any = any || v.has_value();
    if (v && *v == 1) ++count;
  }
  if (!s.records.i3_block_present || !any) {
    c.needs_reviewers = true;  // the block was left blank
    return c;
  }
  c.value = Rational(count);
  c.score = item.scores_by_count.Lookup(count);
  if (!c.score) c.needs_reviewers = true;  // fewer than 4: from the interview
  return c;
}

Computed MonthsToContact(const Item& item, const Survey& s, const Instrument& ins) {
  Computed c;
  Rational total;
  int cases = 0;
  for (const auto& k : s.records.iii4) {
    long days;
    if (k.contact) {
      days = DaysBetween(k.registered, *k.contact);
      if (days < 0) {
        c.problems.push_back(Warning("scoring.contact_before_registration", k.where.empty() ? s.file : k.where,
                                     k.code + ": 初回接触日が登録日より前のため0日として数えました"));
        days = 0;
      }
    } else {
      if (!s.record_date) {
        c.problems.push_back(Warning("scoring.no_record_date", k.where.empty() ? s.file : k.where,
                                     k.code + ": 接触日がなく記載日もないため、このケースを除きました"));
        continue;
      }
      days = DaysBetween(k.registered, *s.record_date);
      if (days < 0) {
        c.problems.push_back(Warning("scoring.registered_after_record_date", k.where.empty() ? s.file : k.where,
                                     k.code + ": 登録日が記載日より後のため0日として数えました"));
        days = 0;
      }
    }
    total += Rational(days);
    ++cases;
  }
  if (cases == 0)
    return Fixed(ins.score_min, Warning("scoring.no_cases", s.file,
                                        item.code + ": 計算シート2にケースがないため" +
                                            std::to_string(ins.score_min) + "点としました"));
  c.value = total / Rational(cases) / Param(item, "days_per_month");  // months
  c.score = item.bands.Lookup(*c.value);
  return c;
}

Computed IndividualizedShare(const Item& item, const Survey& s, const Instrument& ins) {
  const auto& v = s.records.iii5;
  if (v.empty())
    return Fixed(ins.score_min, Warning("scoring.no_cases", s.file,
                                        item.code + ": 計算シート2にケースがないため" +
                                            std::to_string(ins.score_min) + "点としました"));
  int ones = 0;
  for (int x : v) ones += x == 1;
  return Banded(item, Rational(ones) * kHundred / Rational(static_cast<long long>(v.size())));
}

Computed SupportBoxes(const Item& item, const Survey& s, const Instrument& ins) {
  int met = 0;
  for (const auto& box : item.boxes) {
    int ones = 0;
    for (const auto& small : box.small) {
      auto it = s.records.iii11.find(box.key + small.key);
      if (it != s.records.iii11.end() && it->second == 1) ++ones;
    }
    if (ones >= box.at_least) ++met;
  }
  Computed c;
  c.value = Rational(met);
  c.score = item.scores_by_count.Lookup(met);
  return c;
}

}  // namespace

bool HasRole(const StaffRow& row, const std::string& role_code) {
  return !role_code.empty() && Upper(NormalizeKey(row.role)) == Upper(NormalizeKey(role_code));
}

Rational EsFte(const Survey& s, const Instrument& ins) {
  Rational fte;
  for (const StaffRow* r : RowsOf(s, ins.Role("es")))
    fte += r->hours / ins.fte_hours * r->employment_pct / kHundred * r->mental_pct / kHundred;
  return fte;
}

std::optional<Rational> MentalShare(const Survey& s) {
  if (s.users.empty()) return std::nullopt;
  int n = 0;
  for (const auto& u : s.users) n += u.mental && *u.mental == 1;
  return Rational(n) * kHundred / Rational(static_cast<long long>(s.users.size()));
}

std::optional<Rational> SevereShare(const Survey& s) {
  if (s.users.empty()) return std::nullopt;
  int n = 0;
  for (const auto& u : s.users) n += u.severe && *u.severe == 1;
  return Rational(n) * kHundred / Rational(static_cast<long long>(s.users.size()));
}

Computed ScoreComputedItem(const Item& item, const Survey& s, const Instrument& ins) {
  const std::string& q = item.quantity;
  if (item.source == ItemSource::kRecords && !s.records.present) {
    Computed c;
    c.needs_reviewers = true;
    c.problems.push_back(Warning("scoring.no_records_sheet", s.file,
                                 item.code + ": 計算シート2がないため、評価者の得点を使います"));
    return c;
  }
  if (q == "caseload") return Caseload(item, s, ins);
  if (q == "es_mental_share") return EsHoursShare(item, s, ins, true);
  if (q == "community_share") return EsHoursShare(item, s, ins, false);
  if (q == "job_type_diversity") return ScoreDiversity(item, s, ins, false, std::nullopt);
  if (q == "employer_diversity") return ScoreDiversity(item, s, ins, true, std::nullopt);
  if (q == "competitive_share") return Competitive(item, s, ins);
  if (q == "es_services") return EsServices(item, s, ins);
  if (q == "months_to_contact") return MonthsToContact(item, s, ins);
  if (q == "individualized_share") return IndividualizedShare(item, s, ins);
  if (q == "support_boxes") return SupportBoxes(item, s, ins);
  Computed c;  // unreachable: the loader knows the same names
  c.needs_reviewers = true;
  return c;
}

std::map<std::string, int> ComputedTicks(const Item& item, const Survey& s, const Instrument& ins) {
  std::map<std::string, int> out;
  for (const auto& cc : item.computed_checks) {
    if (cc.quantity == "severe_share") {
      auto share = SevereShare(s);
      out[cc.key] = share && cc.at_least && *share >= *cc.at_least ? 1 : 0;
    } else if (cc.quantity == "first_month_contact") {
      if (!s.records.present) continue;  // the reviewers' tick stands
      bool met = !s.records.iii12i.empty();
      for (const auto& k : s.records.iii12i)
        for (int v : k.cols) met = met && v == 1;
      out[cc.key] = met ? 1 : 0;
    }
  }
  return out;
}

bool ScoreComputedGoi(const GoiItem& g, const Survey& s, const Instrument& ins) {
  if (g.quantity == "mental_share") {
    auto share = MentalShare(s);
    return share && *share >= Param(g, "at_least");
  }
  if (g.quantity == "dedicated_staff") {
    int n = 0;
    for (const StaffRow* r : RowsOf(s, ins.Role(g.role))) {
      const Rational& pct = g.column == "life" ? r->life_pct : r->employment_pct;
      if (r->hours >= Param(g, "hours_at_least") && pct >= Param(g, "pct_at_least")) ++n;
    }
    return Rational(n) >= Param(g, "count_at_least");
  }
  if (g.quantity == "role_fte") {
    Rational hours;
    for (const StaffRow* r : RowsOf(s, ins.Role(g.role))) hours += r->hours;
    return hours / ins.fte_hours >= Param(g, "fte_at_least");
  }
  return false;
}

}  // namespace fidelity
