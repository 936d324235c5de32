#include "pipeline/batch/progress.h"

#include <cstdio>
#include <string>

namespace fidelity {

ProgressBar::ProgressBar(std::ostream& out, int total, bool enabled)
    : out_(out), total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {
  std::lock_guard<std::mutex> l(mu_);
  if (enabled_) Draw();
}

double ProgressBar::ElapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::Tick(bool failed) {
  std::lock_guard<std::mutex> l(mu_);
  ++done_;
  if (failed) ++failed_;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (done_ == total_ || now - last_draw_ > std::chrono::milliseconds(100)) Draw();
}

void ProgressBar::Draw() {
  last_draw_ = std::chrono::steady_clock::now();
  const int width = 30;
  int filled = total_ > 0 ? done_ * width / total_ : width;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(width - filled), '.');
  double secs = ElapsedSeconds();
  char line[200];
  std::snprintf(line, sizeof line, "\r[%s] %d/%d  失敗 %d  経過 %.1fs  %.1f 機関/s ", bar.c_str(), done_, total_,
                failed_, secs, secs > 0 ? done_ / secs : 0.0);
  out_ << line << std::flush;
}

void ProgressBar::Finish() {
  std::lock_guard<std::mutex> l(mu_);
  if (enabled_) out_ << "\r\033[K" << std::flush;
}

}  // namespace fidelity
