#include "pipeline/report/scores_json.h"

#include "pipeline/core/problem.h"

namespace fidelity {
namespace {

Json Date_(const std::optional<Date>& d) { return d ? Json(d->Iso()) : Json(); }
Json Opt(const std::optional<int>& v) { return v ? Json(*v) : Json(); }
Json Range(const std::array<int, 2>& r) {
  Json a = Json::Array();
  a.push(r[0]);
  a.push(r[1]);
  return a;
}
Json Fraction(const std::optional<Rational>& r) { return r ? Json::Number(r->ToString(4)) : Json(); }

Json ItemJson(const ItemScore& is) {
  Json o = Json::Object();
  o.set("score", Opt(is.score));
  o.set("source", ScoreSourceName(is.source));
  if (is.value) o.set("value", Json::Number(is.value->ToString(2)));
  else if (!is.value_text.empty()) o.set("value", is.value_text);
  else o.set("value", Json());
  Json rv = Json::Object();
  for (const auto& [name, v] : is.reviewers) rv.set(name, v);
  o.set("reviewers", rv);
  o.set("flag", is.flag);
  o.set("overridden", is.overridden);
  if (is.overridden) o.set("computed_score", Opt(is.computed_score));
  if (is.reviewer_count) {  // III-8/III-9 counted by the reviewers
    o.set("reviewer_count", *is.reviewer_count);
    o.set("automatic_score", Opt(is.automatic_score));
  }
  Json notes = Json::Array();
  for (const auto& n : is.notes) notes.push(n);
  o.set("notes", notes);
  // What the agency's report shows, without the writers' names (the agreed
  // reason alone when the consensus gave one); next year's report reads it.
  Json reasons = Json::Array();
  for (const auto& n : is.note_texts) {
    reasons.push(n);
    if (is.consensus_note) break;
  }
  o.set("reasons", reasons);
  return o;
}

}  // namespace

Json ScoresToJson(const AgencyScores& s, const AgencyInfo& a) {
  Json root = Json::Object();
  Json agency = Json::Object();
  agency.set("id", a.id);
  agency.set("name", a.name);
  agency.set("type", a.type);
  agency.set("survey_date", Date_(a.survey_date));
  agency.set("record_date", Date_(a.record_date));
  root.set("agency", agency);

  Json items = Json::Object();
  for (const auto& is : s.items) items.set(is.code, ItemJson(is));
  root.set("items", items);

  Json subs = Json::Object();
  Json ranges = Json::Object();
  for (const auto& st : s.subtotals) {
    subs.set(st.key, Opt(st.value));
    if (!st.value) ranges.set(st.key, Range(st.range));
  }
  root.set("subtotals", subs);
  if (s.provisional) root.set("subtotal_ranges", ranges);

  root.set("total", Opt(s.total));
  root.set("band", s.band.empty() ? Json() : Json(s.band));
  if (s.provisional) root.set("total_range", Range(s.total_range));
  root.set("provisional", s.provisional);
  Json missing = Json::Array();
  for (const auto& m : s.missing) missing.push(m);
  root.set("missing", missing);

  Json goi = Json::Object();
  for (const auto& g : s.goi) goi.set(g.code, g.value ? Json(*g.value) : Json());
  root.set("goi", goi);
  root.set("goi_total", s.goi_total);

  Json agr = Json::Object();
  agr.set("exact", Fraction(s.agreement.exact));
  agr.set("within_one", Fraction(s.agreement.within_one));
  root.set("agreement", agr);

  Json probs = Json::Array();
  for (const auto& p : s.problems) {
    Json o = Json::Object();
    o.set("severity", SeverityName(p.severity));
    o.set("code", p.code);
    o.set("where", p.where);
    o.set("message", p.message);
    probs.push(o);
  }
  root.set("problems", probs);

  if (s.previous) {
    const PreviousScores& p = *s.previous;
    Json o = Json::Object();
    o.set("total", Opt(p.total));
    o.set("band", p.band.empty() ? Json() : Json(p.band));
    if (p.total_range) o.set("total_range", Range(*p.total_range));
    Json pi = Json::Object();
    for (const auto& [code, v] : p.items) pi.set(code, Opt(v));
    o.set("items", pi);
    root.set("previous", o);
  } else {
    root.set("previous", Json());
  }
  return root;
}

PreviousScores PreviousFromJson(const Json& j, const std::string& where) {
  auto bad = [&](const std::string& msg) {
    throw InputError("previous.bad_json", where, "前回の scores.json を読めません: " + msg);
  };
  auto int_of = [&](const Json* v, const std::string& what) -> std::optional<int> {
    if (!v || v->is_null()) return std::nullopt;
    if (v->type() != Json::Type::kNumber) bad(what + " が数値ではありません");
    double d = v->as_double();
    if (d != static_cast<int>(d)) bad(what + " が整数ではありません");
    return static_cast<int>(d);
  };
  if (j.type() != Json::Type::kObject) bad("最上位がオブジェクトではありません");
  PreviousScores p;
  p.total = int_of(j.get("total"), "total");
  if (const Json* b = j.get("band"); b && b->type() == Json::Type::kString) p.band = b->as_string();
  if (const Json* r = j.get("total_range"); r && r->type() == Json::Type::kArray && r->size() == 2) {
    auto lo = int_of(&(*r)[0], "total_range"), hi = int_of(&(*r)[1], "total_range");
    if (lo && hi) p.total_range = std::array<int, 2>{*lo, *hi};
  }
  const Json* items = j.get("items");
  if (!items || items->type() != Json::Type::kObject) bad("items がありません");
  for (const auto& [code, v] : items->members()) {
    if (v.type() == Json::Type::kObject) p.items.emplace_back(code, int_of(v.get("score"), code + " の score"));
    else p.items.emplace_back(code, int_of(&v, code));
  }
  return p;
}

}  // namespace fidelity
