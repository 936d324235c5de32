// libFuzzer entry point for the previous-run reader (issue 15): any bytes
// given as an earlier cycle's scores.json or run.json must either be read
// or throw InputError, never crash, hang or leak another exception.
// Seeds: tests/data/batch/previous_fuzz_seed/. Build and run with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/batch/previous_run.h"
#include "pipeline/core/problem.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fidelity::Instrument instrument = fidelity::LoadInstrumentFile(fidelity::DefaultInstrumentPath());
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    fidelity::report::CyclePoint p = fidelity::ParsePreviousScores(text, "2025/a/scores.json", instrument);
    (void)p;
  } catch (const fidelity::InputError&) {
  }
  try {
    fidelity::RunIndex r = fidelity::ParseRunIndex(text, "2025/run.json");
    (void)r;
  } catch (const fidelity::InputError&) {
  }
  return 0;
}
