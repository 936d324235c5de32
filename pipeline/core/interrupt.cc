#include "pipeline/core/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>

namespace fidelity {

namespace {

std::atomic<int> g_signal{0};

void OnSignal(int sig) {
  int expected = 0;
  if (g_signal.compare_exchange_strong(expected, sig)) return;
  // A second signal: the user insists. Only async-signal-safe calls here.
  static const char kMsg[] = "\n中断しました（強制終了）\n";
  ssize_t ignored = ::write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
  (void)ignored;
  ::_exit(128 + sig);
}

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // system calls in flight finish; the loop checks the flag
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool Interrupted() { return g_signal.load() != 0; }
int InterruptSignal() { return g_signal.load(); }

}  // namespace fidelity
