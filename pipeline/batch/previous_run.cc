#include "pipeline/batch/previous_run.h"

#include <set>
#include <system_error>

#include "pipeline/core/escape.h"
#include "pipeline/core/json.h"
#include "pipeline/core/safe_file.h"
#include "pipeline/core/text.h"

namespace fidelity {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxScoresBytes = 4u << 20;
constexpr size_t kMaxRunBytes = 16u << 20;
constexpr size_t kMaxIdLength = 64;

[[noreturn]] void Bad(const std::string& code, const std::string& label, const std::string& field,
                      const std::string& what) {
  throw InputError("previous." + code, label, label + " の " + field + " " + what);
}

// A text field: valid UTF-8, no control characters.
std::string TextOf(const Json* v, const std::string& label, const std::string& field) {
  if (!v || v->type() != Json::Type::kString) Bad("bad_scores", label, field, "が文字列ではありません");
  if (!IsPrintable(v->as_string()))
    Bad("bad_scores", label, field, "に不正な文字（UTF-8 でない文字か制御文字）があります");
  return v->as_string();
}

// An integer in [lo, hi] written as an integer literal; null -> nullopt.
std::optional<int> IntOf(const Json* v, int lo, int hi, const std::string& label, const std::string& field) {
  if (!v || v->is_null()) return std::nullopt;
  std::string range = std::to_string(lo) + "〜" + std::to_string(hi) + " の整数ではありません";
  if (v->type() != Json::Type::kNumber) Bad("bad_scores", label, field, "が数値ではありません");
  const std::string& t = v->number_text();
  size_t digits = t.find_first_not_of('-') == 0 ? 0 : 1;
  bool integer = t.size() > digits && t.size() <= digits + 6 &&
                 t.find_first_not_of("0123456789", digits) == std::string::npos;
  if (!integer) Bad("bad_scores", label, field, "が " + range + "（" + EscapeControls(t, 24) + "）");
  int n = std::stoi(t);
  if (n < lo || n > hi) Bad("bad_scores", label, field, "が " + range + "（" + t + "）");
  return n;
}

const Json* ObjectField(const Json& j, const std::string& key, const std::string& label, bool required) {
  const Json* v = j.get(key);
  if ((!v || v->is_null()) && !required) return nullptr;
  if (!v || v->type() != Json::Type::kObject) Bad("bad_scores", label, key, "がオブジェクトではありません");
  return v;
}

void ReadItems(const Json& items, const std::string& label, const Instrument& ins, report::CyclePoint& p) {
  for (const auto& [code, v] : items.members()) {
    std::string field = "items." + EscapeControls(code, 24);
    if (!ins.FindItem(code)) Bad("bad_scores", label, field, "は尺度にない項目です");
    const Json* score = v.type() == Json::Type::kObject ? v.get("score") : &v;
    if (auto s = IntOf(score, ins.score_min, ins.score_max, label, field + ".score")) p.items[code] = *s;
    if (v.type() != Json::Type::kObject) continue;
    // "reasons": the notes as the agency read them, without the writers'
    // names; a run from before it was written gives only "notes".
    const Json* notes = v.get("reasons");
    if (!notes || notes->is_null()) notes = v.get("notes");
    if (!notes || notes->is_null()) continue;
    const std::string key = notes == v.get("reasons") ? ".reasons" : ".notes";
    if (notes->type() != Json::Type::kArray) Bad("bad_scores", label, field + key, "が配列ではありません");
    std::string joined;
    for (size_t i = 0; i < notes->size(); ++i) {
      std::string n = TextOf(&(*notes)[i], label, field + key + "[" + std::to_string(i) + "]");
      joined += (joined.empty() ? "" : " ／ ") + n;
    }
    if (!joined.empty()) p.notes[code] = joined;
  }
}

void ReadTotals(const Json& j, const std::string& label, const Instrument& ins, report::CyclePoint& p) {
  int tmin = 0, tmax = 0;
  const Json* subs = ObjectField(j, "subtotals", label, false);
  for (const auto& sub : ins.subscales) {
    tmin += sub.min;
    tmax += sub.max;
    if (subs) p.subtotals[sub.key] = IntOf(subs->get(sub.key), sub.min, sub.max, label, "subtotals." + sub.key);
  }
  p.total = IntOf(j.get("total"), tmin, tmax, label, "total");
  if (const Json* b = j.get("band"); b && !b->is_null()) {
    p.band = TextOf(b, label, "band");
    bool known = false;
    for (const auto& band : ins.bands) known |= band.key == p.band;
    if (!known) Bad("bad_scores", label, "band", "が区分の名前ではありません（" + EscapeControls(p.band, 24) + "）");
  }
  if (const Json* r = j.get("total_range"); r && !r->is_null()) {
    if (r->type() != Json::Type::kArray || r->size() != 2)
      Bad("bad_scores", label, "total_range", "が [下限, 上限] ではありません");
    auto lo = IntOf(&(*r)[0], tmin, tmax, label, "total_range[0]");
    auto hi = IntOf(&(*r)[1], tmin, tmax, label, "total_range[1]");
    if (!lo || !hi || *lo > *hi) Bad("bad_scores", label, "total_range", "が [下限, 上限] ではありません");
    p.total_range = std::make_pair(*lo, *hi);
  }
}

// The folder's own name ("2025"), also for a path written with a trailing '/'.
fs::path FolderName(const fs::path& dir) {
  fs::path d = dir.lexically_normal();
  if (d.filename().empty()) d = d.parent_path();
  return d.filename();
}

// One spelling per folder (symlinks, "..", a trailing '/'), to see loops.
fs::path FolderKey(const fs::path& dir) {
  std::error_code ec;
  fs::path key = fs::weakly_canonical(dir, ec);
  if (ec) key = dir.lexically_normal();
  if (key.filename().empty()) key = key.parent_path();
  return key;
}

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// One link of the chain: run.json and every ok agency's scores.json.
report::PastCycle ReadCycle(const fs::path& dir, const RunIndex& run, const Instrument& ins, PreviousChain& chain) {
  report::PastCycle c;
  c.cycle = run.cycle.empty() ? FolderName(dir).string() : run.cycle;
  c.folder = dir.string();
  for (const auto& [id, ok] : run.agencies) {
    if (!ok) {
      ++c.failed;
      continue;
    }
    fs::path file = dir / id / "scores.json";
    std::string label = (FolderName(dir) / id / "scores.json").string();
    try {
      report::CyclePoint p = ParsePreviousScores(ReadRegularFile(file, kMaxScoresBytes), label, ins);
      p.cycle = c.cycle;
      c.agencies.emplace_back(id, std::move(p));
    } catch (const InputError& e) {
      Problem w = e.problem();
      w.severity = Severity::kWarning;
      w.message = "前回までの結果（" + c.cycle + "）を使えません: " + w.message;
      chain.problems_of[id].push_back(std::move(w));
    }
  }
  return c;
}

Problem LinkProblem(bool first, const fs::path& dir, const std::string& what) {
  std::string msg = "前回の出力フォルダ " + EscapeControls(dir.string(), 200) + " " + what;
  if (first) return Error("previous.missing", dir.string(), msg);
  return Warning("previous.chain_end", dir.string(), msg + "。これより前の年度はたどりません");
}

}  // namespace

RunIndex ParseRunIndex(const std::string& text, const std::string& label) {
  Json j;
  try {
    j = Json::Parse(text);
  } catch (const std::exception&) {
    throw InputError("previous.bad_run", label, label + " は JSON として読めません");
  }
  if (j.type() != Json::Type::kObject) Bad("bad_run", label, "最上位", "がオブジェクトではありません");
  RunIndex r;
  if (const Json* c = j.get("cycle"); c && !c->is_null()) r.cycle = TextOf(c, label, "cycle");
  if (const Json* p = j.get("previous"); p && !p->is_null()) r.previous = TextOf(p, label, "previous");
  const Json* list = j.get("agencies");
  if (!list || list->type() != Json::Type::kArray) Bad("bad_run", label, "agencies", "が配列ではありません");
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& a = (*list)[i];
    std::string field = "agencies[" + std::to_string(i) + "]";
    if (a.type() != Json::Type::kObject) Bad("bad_run", label, field, "がオブジェクトではありません");
    std::string id = TextOf(a.get("id"), label, field + ".id");
    if (!ValidId(id)) Bad("bad_run", label, field + ".id", "が機関の id の形ではありません（" + EscapeControls(id, 24) + "）");
    const Json* st = a.get("status");
    r.agencies.emplace_back(id, st && st->type() == Json::Type::kString && st->as_string() == "ok");
  }
  return r;
}

report::CyclePoint ParsePreviousScores(const std::string& text, const std::string& label, const Instrument& ins) {
  Json j;
  try {
    j = Json::Parse(text);
  } catch (const std::exception&) {
    throw InputError("previous.bad_scores", label, label + " は JSON として読めません");
  }
  if (j.type() != Json::Type::kObject) Bad("bad_scores", label, "最上位", "がオブジェクトではありません");
  report::CyclePoint p;
  ReadItems(*ObjectField(j, "items", label, true), label, ins, p);
  ReadTotals(j, label, ins, p);
  if (p.total && p.band.empty()) Bad("bad_scores", label, "band", "がありません（total があるのに）");
  return p;
}

PreviousChain ReadPreviousChain(const fs::path& first, const Instrument& ins, int max_cycles, const fs::path& self) {
  PreviousChain chain;
  std::set<fs::path> seen;
  if (!self.empty()) seen.insert(FolderKey(self));
  fs::path dir = first;
  std::vector<report::PastCycle> newest_first;
  for (int n = 0; n < max_cycles; ++n) {
    std::error_code ec;
    if (!seen.insert(FolderKey(dir)).second) {
      chain.problems.push_back(Warning("previous.loop", dir.string(),
                                       "前回の出力フォルダのつながりが輪になっています（" +
                                           EscapeControls(dir.string(), 200) + " は既に読みました）。ここで止めます"));
      break;
    }
    RunIndex run;
    std::string label = (FolderName(dir) / "run.json").string();
    try {
      run = ParseRunIndex(ReadRegularFile(dir / "run.json", kMaxRunBytes), label);
    } catch (const InputError& e) {
      bool missing = !fs::exists(dir / "run.json", ec);
      chain.problems.push_back(LinkProblem(n == 0, dir, missing ? "に run.json がありません"
                                                                  : "の run.json を読めません（" + e.problem().message + "）"));
      break;
    }
    newest_first.push_back(ReadCycle(dir, run, ins, chain));
    if (!run.previous) break;
    fs::path next(*run.previous);
    dir = next.is_absolute() ? next : dir / next;
    if (n + 1 == max_cycles)
      chain.problems.push_back(Warning("previous.too_long", dir.string(),
                                       "前回の出力フォルダのつながりが " + std::to_string(max_cycles) +
                                           " 年度を超えます。それより前はたどりません"));
  }
  chain.cycles.assign(newest_first.rbegin(), newest_first.rend());
  return chain;
}

report::History HistoryOf(const PreviousChain& chain, const std::string& id) {
  report::History h;
  for (const auto& c : chain.cycles)
    if (const report::CyclePoint* p = c.Find(id)) h.cycles.push_back(*p);
  return h;
}

std::optional<PreviousScores> PreviousScoresOf(const PreviousChain& chain, const std::string& id,
                                               const Instrument& ins) {
  if (chain.cycles.empty()) return std::nullopt;
  const report::PastCycle& last = chain.cycles.back();
  const report::CyclePoint* p = last.Find(id);
  if (!p) return std::nullopt;
  PreviousScores s;
  s.cycle = last.cycle;
  s.total = p->total;
  s.band = p->band;
  if (p->total_range) s.total_range = std::array<int, 2>{p->total_range->first, p->total_range->second};
  for (const auto& item : ins.items) {  // scale order, as scores.json writes them
    auto it = p->items.find(item.code);
    if (it != p->items.end()) s.items.emplace_back(item.code, it->second);
  }
  return s;
}

}  // namespace fidelity
