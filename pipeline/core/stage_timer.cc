#include "pipeline/core/stage_timer.h"

#include <time.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace fidelity {
namespace {

constexpr int kStages = static_cast<int>(Stage::kCount);
constexpr const char* kNames[kStages] = {"read", "score", "render", "compress", "write", "decrypt"};

std::atomic<long long> g_ns[kStages];
std::atomic<long long> g_agencies{0};

long long ThreadCpuNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

// The open scopes of this thread (innermost last) and when the innermost
// last started or resumed being charged.
struct ThreadStages {
  Stage open[16];
  int depth = 0;
  long long since = 0;
};
thread_local ThreadStages t_stages;

void Charge(long long now) {
  ThreadStages& t = t_stages;
  if (t.depth > 0 && t.depth <= 16)
    g_ns[static_cast<int>(t.open[t.depth - 1])].fetch_add(now - t.since, std::memory_order_relaxed);
  t.since = now;
}

void WriteTotals() {
  const char* file = std::getenv("FIDELITY_STAGE_TIMES");
  if (!file || !*file) return;
  std::string line = "stage-cpu-ms";
  char buf[64];
  for (int i = 0; i < kStages; ++i) {
    std::snprintf(buf, sizeof buf, " %s=%.1f", kNames[i], g_ns[i].load() / 1e6);
    line += buf;
  }
  line += " agencies=" + std::to_string(g_agencies.load()) + "\n";
  if (FILE* f = std::fopen(file, "a")) {
    std::fputs(line.c_str(), f);
    std::fclose(f);
  }
}

bool ReadFlag() {
  const char* v = std::getenv("FIDELITY_STAGE_TIMES");
  if (!v || !*v) return false;
  std::atexit(WriteTotals);
  return true;
}

}  // namespace

bool StageTimingEnabled() {
  static const bool on = ReadFlag();
  return on;
}

StageScope::StageScope(Stage stage) : on_(StageTimingEnabled()) {
  if (!on_) return;
  Charge(ThreadCpuNs());
  ThreadStages& t = t_stages;
  if (t.depth < 16) t.open[t.depth] = stage;
  ++t.depth;
}

StageScope::~StageScope() {
  if (!on_) return;
  Charge(ThreadCpuNs());
  --t_stages.depth;
}

void CountStageAgency() {
  if (StageTimingEnabled()) g_agencies.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace fidelity
