#include "pipeline/batch/runner.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "pipeline/batch/output_folder.h"
#include "pipeline/batch/progress.h"
#include "pipeline/core/escape.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/interrupt.h"
#include "pipeline/core/lock_file.h"
#include "pipeline/core/safe_file.h"
#include "pipeline/core/stage_timer.h"

namespace fidelity {
namespace fs = std::filesystem;

namespace {

std::atomic<unsigned> g_tmp_counter{0};

// ".<id>.tmp-<pid>-<n>": named per process, so that a second run (refused by
// the lock, or into another OUT) never removes this one's temporaries; the
// id is cut so that the name stays far below the 255-byte limit.
std::string TempName(const std::string& id, const char* kind) {
  return "." + id.substr(0, 64) + "." + kind + "-" + std::to_string(getpid()) + "-" + std::to_string(g_tmp_counter++);
}

// The pid in a temporary's name (0 when it is not one of ours).
long TemporaryPid(const std::string& n) {
  if (n.size() < 2 || n[0] != '.') return 0;
  size_t at = std::string::npos;
  for (const char* k : {".tmp-", ".old-", ".tmp."}) {
    size_t p = n.rfind(k);
    if (p != std::string::npos && (at == std::string::npos || p > at)) at = p;
  }
  if (at == std::string::npos) return 0;
  long pid = 0;
  for (size_t i = at + 5; i < n.size() && n[i] >= '0' && n[i] <= '9'; ++i) pid = pid * 10 + (n[i] - '0');
  return pid;
}

bool Alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

[[noreturn]] void FsFailed(const fs::path& where, const std::string& what, const std::error_code& ec) {
  throw InputError("io.write", where.string(), what + "（" + ErrnoText(ec.value(), true) + "）");
}

struct Result {
  bool ok = false;
  bool done = false;
  std::string reason;
  int warnings = 0;
  Problems problems;
  std::string id;
  std::string password;
};

}  // namespace

void WriteAgencyFolder(const fs::path& out, const std::string& id, const std::map<std::string, std::string>& files) {
  fs::path final_dir = out / id;
  if (!IsOurAgencyFolder(final_dir))
    throw InputError("out.not_ours", final_dir.string(),
                     "出力先の機関フォルダに fidelity が作っていないものがあるため、置き換えません。"
                     "中身を確かめて移動するか、別の出力フォルダを指定してください");
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) FsFailed(out, "出力フォルダを作れません", ec);
  fs::path tmp = out / TempName(id, "tmp");
  try {
    if (!fs::create_directory(tmp, ec) || ec) FsFailed(tmp, "一時フォルダを作れません", ec);
    // The folder is new and hidden, and appears whole with one rename below:
    // its files need no temporary of their own.
    WriteNewFile(tmp / kStampName, StampText());
    for (const auto& [name, bytes] : files) WriteNewFile(tmp / name, bytes);
    if (fs::exists(fs::symlink_status(final_dir, ec))) {
      // Swap the complete new folder in with one system call, then drop the
      // old one: until this rename, last run's folder is untouched.
      if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, final_dir.c_str(), RENAME_EXCHANGE) != 0)
        FsFailed(final_dir, "前回の出力と入れ替えられません", std::error_code(errno, std::generic_category()));
      fs::remove_all(tmp, ec);
    } else {
      fs::rename(tmp, final_dir, ec);
      if (ec) FsFailed(final_dir, "出力フォルダを置けません", ec);
    }
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
}

void RemoveAgencyFolder(const fs::path& out, const std::string& id) {
  fs::path final_dir = out / id;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(final_dir, ec))) return;
  if (!IsOurAgencyFolder(final_dir)) return;  // never delete what we did not make
  // Rename first so that no half-deleted folder is ever left under the final name.
  fs::path gone = out / TempName(id, "old");
  fs::rename(final_dir, gone, ec);
  if (ec) FsFailed(final_dir, "前回の出力を片づけられません", ec);
  fs::remove_all(gone, ec);
}

void CleanStaleTemporaries(const fs::path& out) {
  std::error_code ec;
  if (!fs::is_directory(out, ec)) return;
  for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    long pid = TemporaryPid(n);
    if (pid > 0 && pid != getpid() && !Alive(pid)) {
      std::error_code rm;
      fs::remove_all(it->path(), rm);
    }
  }
}

namespace {

// The agencies to process; false (and a message) when --only names an unknown id.
bool SelectAgencies(const Manifest& m, const RunOptions& o, std::vector<const AgencyEntry*>* todo, std::ostream& err) {
  std::set<std::string> only(o.only.begin(), o.only.end());
  for (const auto& id : o.only) {
    bool known = std::any_of(m.agencies.begin(), m.agencies.end(), [&](const AgencyEntry& a) { return a.id == id; });
    if (!known) {
      err << "fidelity: --only: 「" << EscapeControls(id) << "」は cycle.yaml にありません\n";
      return false;
    }
  }
  for (const auto& a : m.agencies)
    if (only.empty() || only.count(a.id)) todo->push_back(&a);
  return true;
}

// Processes one agency and puts its files in place; fills `r`.
void RunOne(const AgencyEntry& a, const RunOptions& options, const AgencyProcessor& process, Result& r,
            std::mutex& err_mu, std::ostream& err) {
  AgencyOutcome o = process(a);
  if (o.ok) {
    try {
      StageScope t(Stage::kWrite);
      WriteAgencyFolder(options.out, a.id, o.files);
    } catch (const InputError& e) {
      o.ok = false;
      Problem p = e.problem();
      if (p.code == "io.write") p.message += "。前回の出力があればそのまま残しています";
      o.problems.push_back(p);
    } catch (const std::exception& e) {
      o.ok = false;
      o.problems.push_back(Error("io.write", (options.out / a.id).string(), "出力を書き込めません。前回の出力があればそのまま残しています"));
    }
  } else {
    try {
      RemoveAgencyFolder(options.out, a.id);  // a failed agency leaves no stale report behind
    } catch (const InputError& e) {
      o.problems.push_back(e.problem());
    }
  }
  for (auto& p : o.problems) p = SafeProblem(std::move(p));
  if (!o.ok) {
    std::lock_guard<std::mutex> l(err_mu);
    for (const auto& p : o.problems)
      if (p.is_error()) {
        if (r.reason.empty()) r.reason = p.message + (p.where.empty() ? "" : "（" + p.where + "）");
        err << a.id << ": " << FormatProblem(p) << "\n";
      }
    if (r.reason.empty()) r.reason = "原因不明の失敗";
  }
  r.ok = o.ok;
  r.id = a.id;
  if (o.ok) r.password = std::move(o.report_password);
  for (const auto& p : o.problems) r.warnings += !p.is_error();
  r.problems = std::move(o.problems);
  r.done = true;
}

Json RunJson(const Manifest& m, const std::vector<const AgencyEntry*>& todo, const std::vector<Result>& results,
             bool interrupted, RunTotals* totals) {
  Json run = Json::Object();
  run.set("cycle", m.cycle);
  if (interrupted) run.set("interrupted", true);
  Json list = Json::Array();
  for (size_t i = 0; i < todo.size(); ++i) {
    const Result& r = results[i];
    if (!r.done) continue;
    (r.ok ? totals->ok : totals->failed)++;
    totals->warnings += r.warnings;
    Json a = Json::Object();
    a.set("id", todo[i]->id);
    a.set("status", r.ok ? "ok" : "failed");
    Json ps = Json::Array();
    for (const auto& p : r.problems) {
      if (r.ok && !p.is_error()) continue;  // an ok agency's warnings are in its own scores.json
      Json pj = Json::Object();
      pj.set("severity", SeverityName(p.severity));
      pj.set("code", p.code);
      pj.set("where", p.where);
      pj.set("message", p.message);
      ps.push(std::move(pj));
    }
    a.set("warnings", r.warnings);
    a.set("problems", std::move(ps));
    list.push(std::move(a));
  }
  Json counts = Json::Object();
  counts.set("total", totals->total);
  counts.set("ok", totals->ok);
  counts.set("failed", totals->failed);
  if (interrupted) counts.set("not_processed", totals->total - totals->ok - totals->failed);
  run.set("counts", counts);
  run.set("agencies", std::move(list));
  return run;
}

// passwords.csv keeps the rows of agencies this run did not seal again, so
// that it always names the password of the report.pdf on disk.
std::string MergedPasswords(const fs::path& file, const std::vector<Result>& results) {
  std::map<std::string, std::string> rows;
  try {
    std::string old = ReadFile(file, 16u << 20);
    size_t at = 0;
    while (at < old.size()) {
      size_t nl = old.find('\n', at);
      std::string line = old.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      at = nl == std::string::npos ? old.size() : nl + 1;
      size_t comma = line.find(',');
      if (comma != std::string::npos && line != "id,password") rows[line.substr(0, comma)] = line.substr(comma + 1);
    }
  } catch (const InputError&) {
  }
  for (const auto& r : results)
    if (r.done) {
      if (r.password.empty()) rows.erase(r.id);
      else rows[r.id] = r.password;
    }
  std::string s = "id,password\n";
  for (const auto& [id, pw] : rows) s += id + "," + pw + "\n";
  return s;
}

// Writes one summary file; on failure says so, removes the stale one (it
// would describe another run) and returns false.
bool WriteSummaryFile(const fs::path& p, const std::function<std::string()>& make, std::ostream& err,
                      unsigned mode = 0644) {
  try {
    WriteFileAtomic(p, make(), mode);
    return true;
  } catch (const InputError& e) {
    err << "fidelity: " << FormatProblem(e.problem()) << "\n";
  } catch (const std::exception& e) {
    err << "fidelity: " << FormatProblem(Error("io.write", p.string(), "作れません（" + EscapeControls(e.what()) + "）")) << "\n";
  }
  std::error_code ec;
  if (fs::remove(p, ec)) err << "fidelity: 前回の " << p.filename().string() << " は今回の結果と合わないため削除しました\n";
  return false;
}

// run.json, the summaries and the closing line; the exit code.
int FinishRun(const Manifest& manifest, const RunOptions& options, const std::vector<const AgencyEntry*>& todo,
              std::vector<Result>& results, double seconds, std::ostream& out, std::ostream& err,
              RunTotals* totals_out) {
  const bool interrupted = Interrupted();
  RunTotals totals;
  totals.total = static_cast<int>(todo.size());
  Json run = RunJson(manifest, todo, results, interrupted, &totals);
  if (manifest.previous) {  // the chain of cycles (previous_run.h), relative to OUT when it can be
    std::error_code ec;
    fs::path prev = fs::weakly_canonical(*manifest.previous, ec), here = fs::weakly_canonical(options.out, ec);
    fs::path rel = prev.lexically_relative(here);
    run.set("previous", (rel.empty() ? prev : rel).generic_string());
  }
  bool complete = WriteSummaryFile(options.out / "run.json", [&] { return run.Dump(); }, err);
  if (options.seal)
    complete &= WriteSummaryFile(options.out / "passwords.csv",
                                 [&] { return MergedPasswords(options.out / "passwords.csv", results); }, err, 0600);
  totals.wall_seconds = seconds;
  if (interrupted) {
    // The agency folders written so far are complete and kept; a summary of
    // the last run beside them would mix two runs, so it goes.
    std::error_code ec;
    for (const char* f : {"summary.csv", "summary.pdf", "summary.xlsx"}) fs::remove(options.out / f, ec);
    err << "\n中断しました（完了 " << totals.ok + totals.failed << " 機関・未処理 "
        << totals.total - totals.ok - totals.failed
        << " 機関）。完成した機関のフォルダは残し、summary.csv・summary.pdf は今回と前回が混ざらないよう削除しました。"
           "もう一度 run を実行すると全体を作り直します\n";
    if (totals_out) *totals_out = totals;
    return 128 + InterruptSignal();
  }
  if (options.summaries) {
    std::vector<AgencyFinal> finals;
    for (size_t i = 0; i < todo.size(); ++i) finals.push_back({todo[i]->id, results[i].ok, results[i].problems});
    std::map<std::string, std::string> files;
    try {
      files = options.summaries(finals);
    } catch (const std::exception& e) {
      err << "fidelity: " << FormatProblem(Error("summary", options.out.string(),
                                                 "まとめ（summary）を作れません（" + EscapeControls(e.what()) + "）"))
          << "\n";
      complete = false;
    }
    for (const auto& [name, bytes] : files)
      complete &= WriteSummaryFile(options.out / name, [&] { return bytes; }, err);
  }
  char line[256];
  std::snprintf(line, sizeof line, "%d 機関: 成功 %d, 失敗 %d, 注意 %d 件 (%.1f 秒) → ", totals.total, totals.ok,
                totals.failed, totals.warnings, totals.wall_seconds);
  out << line << EscapeControls(options.out.string()) << "\n";
  if (!options.only.empty())
    out << "（--only: run.json・summary.csv・summary.pdf は今回処理した " << totals.total << " 機関だけの内容です）\n";
  out << std::flush;
  if (totals_out) *totals_out = totals;
  return totals.failed > 0 || !complete ? 1 : 0;
}

}  // namespace

int RunCycle(const Manifest& manifest, const RunOptions& options, const AgencyProcessor& process, std::ostream& out,
             std::ostream& err, RunTotals* totals_out) {
  std::vector<const AgencyEntry*> todo;
  if (!SelectAgencies(manifest, options, &todo, err)) return 2;
  if (auto p = CheckOutputFolder(manifest, options.out)) {
    err << "fidelity: " << FormatProblem(*p) << "\n";
    return 2;
  }
  try {
    PrepareOutputFolder(options.out);
  } catch (const InputError& e) {
    err << "fidelity: " << FormatProblem(e.problem()) << "\n";
    return 2;
  }
  LockFile lock(options.out / kLockName);
  if (!lock.ok()) {
    err << "fidelity: " << FormatProblem(Error(lock.holder() ? "out.locked" : "out.lock_failed", options.out.string(),
                                               lock.message()))
        << "\n";
    return 2;
  }
  CleanStaleTemporaries(options.out);
  InstallInterruptHandlers();
  if (options.prepare) options.prepare(todo);

  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, std::max<size_t>(1, todo.size()));
  std::vector<Result> results(todo.size());
  ProgressBar bar(out, static_cast<int>(todo.size()), options.progress);
  std::atomic<size_t> next{0};
  std::mutex err_mu;
  auto worker = [&]() {
    for (;;) {
      if (Interrupted()) return;  // the agency in hand is finished whole; no new one starts
      size_t i = next++;
      if (i >= todo.size()) return;
      RunOne(*todo[i], options, process, results[i], err_mu, err);
      bar.Tick(!results[i].ok);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  bar.Finish();
  return FinishRun(manifest, options, todo, results, bar.ElapsedSeconds(), out, err, totals_out);
}

}  // namespace fidelity
