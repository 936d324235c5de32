#include "pipeline/batch/runner.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "pipeline/batch/progress.h"
#include "pipeline/core/fs.h"

namespace fidelity {
namespace fs = std::filesystem;

namespace {

std::atomic<unsigned> g_tmp_counter{0};

std::string TempName(const std::string& id, const char* kind) {
  return "." + id + "." + kind + "-" + std::to_string(getpid()) + "-" + std::to_string(g_tmp_counter++);
}

void WriteRaw(const fs::path& p, const std::string& bytes) {
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot create " + p.string() + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      throw std::runtime_error("cannot write " + p.string() + ": " + std::strerror(e));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

void WriteAgencyFolder(const fs::path& out, const std::string& id, const std::map<std::string, std::string>& files) {
  fs::create_directories(out);
  fs::path tmp = out / TempName(id, "tmp");
  fs::path final_dir = out / id;
  try {
    fs::create_directory(tmp);
    for (const auto& [name, bytes] : files) WriteRaw(tmp / name, bytes);
    if (fs::exists(final_dir)) {
      // Swap the new folder in with one system call, then drop the old one.
      if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, final_dir.c_str(), RENAME_EXCHANGE) != 0)
        throw std::runtime_error("cannot replace " + final_dir.string() + ": " + std::strerror(errno));
      fs::remove_all(tmp);
    } else {
      fs::rename(tmp, final_dir);
    }
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    throw;
  }
}

void RemoveAgencyFolder(const fs::path& out, const std::string& id) {
  fs::path final_dir = out / id;
  if (!fs::exists(final_dir)) return;
  // Rename first so that no half-deleted folder is ever left under the final name.
  fs::path gone = out / TempName(id, "old");
  fs::rename(final_dir, gone);
  fs::remove_all(gone);
}

void CleanStaleTemporaries(const fs::path& out) {
  std::error_code ec;
  if (!fs::is_directory(out, ec)) return;
  for (const auto& e : fs::directory_iterator(out, ec)) {
    std::string n = e.path().filename().string();
    if (n.size() > 1 && n[0] == '.' && (n.find(".tmp-") != std::string::npos || n.find(".old-") != std::string::npos ||
                                        n.find(".tmp.") != std::string::npos))
      fs::remove_all(e.path(), ec);
  }
}

int RunCycle(const Manifest& manifest, const RunOptions& options, const AgencyProcessor& process, std::ostream& out,
             std::ostream& err, RunTotals* totals_out) {
  // Which agencies.
  std::vector<const AgencyEntry*> todo;
  std::set<std::string> only(options.only.begin(), options.only.end());
  for (const auto& id : options.only) {
    bool known = std::any_of(manifest.agencies.begin(), manifest.agencies.end(),
                             [&](const AgencyEntry& a) { return a.id == id; });
    if (!known) {
      err << "fidelity: --only: 「" << id << "」は cycle.yaml にありません\n";
      return 2;
    }
  }
  for (const auto& a : manifest.agencies)
    if (only.empty() || only.count(a.id)) todo.push_back(&a);

  fs::create_directories(options.out);
  CleanStaleTemporaries(options.out);

  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, std::max<size_t>(1, todo.size()));

  struct Result {
    bool ok = false;
    std::string reason;
    int warnings = 0;
    Problems problems;
    SummaryRow row;
    std::string password;
  };
  std::vector<Result> results(todo.size());
  ProgressBar bar(out, static_cast<int>(todo.size()), options.progress);
  std::atomic<size_t> next{0};
  std::mutex err_mu;

  auto worker = [&]() {
    for (;;) {
      size_t i = next++;
      if (i >= todo.size()) return;
      const AgencyEntry& a = *todo[i];
      AgencyOutcome o = process(a);
      Result& r = results[i];
      if (o.ok) {
        try {
          WriteAgencyFolder(options.out, a.id, o.files);
        } catch (const std::exception& e) {
          o.ok = false;
          o.problems.push_back(Error("io.write", (options.out / a.id).string(),
                                     std::string("出力を書き込めません（") + e.what() + "）"));
        }
      }
      if (!o.ok) {
        try {
          RemoveAgencyFolder(options.out, a.id);
        } catch (const std::exception& e) {
          o.problems.push_back(Error("io.remove", (options.out / a.id).string(),
                                     std::string("前回の出力を削除できません（") + e.what() + "）"));
        }
        std::lock_guard<std::mutex> l(err_mu);
        for (const auto& p : o.problems)
          if (p.is_error()) {
            if (r.reason.empty()) r.reason = p.message + (p.where.empty() ? "" : "（" + p.where + "）");
            err << a.id << ": " << FormatProblem(p) << "\n";
          }
        if (r.reason.empty()) r.reason = "原因不明の失敗";
      }
      r.ok = o.ok;
      if (o.ok) {
        r.row = SummaryRowFromScores(a.id, a.name, a.type, o.scores, options.summary);
        r.password = std::move(o.report_password);
      } else {
        r.row.id = a.id;
        r.row.name = a.name;
        r.row.type = a.type;
        r.row.status = "failed";
        r.row.reason = r.reason;
      }
      for (const auto& p : o.problems) r.warnings += !p.is_error();
      r.problems = std::move(o.problems);
      bar.Tick(!o.ok);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  bar.Finish();

  // run.json
  RunTotals totals;
  totals.total = static_cast<int>(todo.size());
  Json run = Json::Object();
  run.set("cycle", manifest.cycle);
  Json list = Json::Array();
  for (size_t i = 0; i < todo.size(); ++i) {
    const Result& r = results[i];
    (r.ok ? totals.ok : totals.failed)++;
    totals.warnings += r.warnings;
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
  counts.set("total", totals.total);
  counts.set("ok", totals.ok);
  counts.set("failed", totals.failed);
  run.set("counts", counts);
  run.set("agencies", std::move(list));
  WriteFileAtomic(options.out / "run.json", run.Dump());

  bool summary_failed = false;
  std::vector<SummaryRow> rows;
  rows.reserve(results.size());
  std::string passwords = "id,password\n";
  for (auto& r : results) {
    rows.push_back(std::move(r.row));
    if (!r.password.empty()) passwords += rows.back().id + "," + r.password + "\n";
  }
  WriteFileAtomic(options.out / "summary.csv", SummaryCsv(rows, options.summary));
  if (options.render_summary_pdf) {
    try {
      WriteFileAtomic(options.out / "summary.pdf", options.render_summary_pdf(rows, options.summary));
    } catch (const std::exception& e) {
      err << "fidelity: summary.pdf を作れません（" << e.what() << "）\n";
      summary_failed = true;
    }
  }
  if (options.seal) WriteFileAtomic(options.out / "passwords.csv", passwords, 0600);

  totals.wall_seconds = bar.ElapsedSeconds();
  char line[256];
  std::snprintf(line, sizeof line, "%d 機関: 成功 %d, 失敗 %d, 注意 %d 件 (%.1f 秒) → %s\n", totals.total, totals.ok,
                totals.failed, totals.warnings, totals.wall_seconds, options.out.string().c_str());
  out << line << std::flush;
  if (totals_out) *totals_out = totals;
  return totals.failed > 0 || summary_failed ? 1 : 0;
}

}  // namespace fidelity
