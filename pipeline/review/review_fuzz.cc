// libFuzzer entry point for the reviewer-file parser (SPEC §2.3): any bytes
// must either parse or throw InputError, never crash, hang or leak another
// exception. The real instrument (config/) is loaded once.
// Seeds: tests/data/review/fuzz_seed/. Build and run with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/core/problem.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/review/review.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fidelity::Instrument instrument = fidelity::LoadInstrumentFile(fidelity::DefaultInstrumentPath());
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    fidelity::ReviewerFile f = fidelity::ParseReviewerFile(text, "fuzz.yaml", instrument);
    (void)f;
  } catch (const fidelity::InputError&) {
  }
  return 0;
}
