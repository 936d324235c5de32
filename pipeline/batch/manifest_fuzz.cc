// libFuzzer entry point for the manifest loader (cycle.yaml, SPEC §2.1/§5.4):
// any bytes — any encoding, any structure — must either parse or throw
// InputError, never crash, hang or leak another exception; a parsed manifest
// holds only ids the rules allow and valid UTF-8.
// Seeds: tests/data/manifest/fuzz_seed/. Build and run with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/batch/manifest.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    fidelity::Manifest m = fidelity::ParseManifest(text, "/fuzz/cycle/cycle.yaml");
    for (const auto& a : m.agencies) {
      if (a.id.empty() || a.id.size() > fidelity::kMaxAgencyIdChars) std::abort();
      if (!fidelity::IsValidUtf8(a.name) || !fidelity::IsValidUtf8(m.cycle)) std::abort();
    }
  } catch (const fidelity::InputError& e) {
    if (!fidelity::IsValidUtf8(e.problem().message)) std::abort();
  }
  return 0;
}
