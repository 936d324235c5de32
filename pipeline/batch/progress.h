// The terminal progress bar of `fidelity run`.
#pragma once
#include <chrono>
#include <mutex>
#include <ostream>

namespace fidelity {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, int total, bool enabled);
  // Called by workers after each agency.
  void Tick(bool failed);
  // Clears the bar line (before the summary line is printed).
  void Finish();
  double ElapsedSeconds() const;

 private:
  void Draw();  // REQUIRES: mu_ held
  std::ostream& out_;
  int total_;
  bool enabled_;
  int done_ = 0, failed_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mu_;
};

}  // namespace fidelity
