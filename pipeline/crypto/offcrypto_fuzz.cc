// libFuzzer entry point for the compound-file reader and the decryptor.
// Seeds: tests/data/crypto/fuzz_seed/ (encrypted with the password "fuzz";
// agile_spin10.xlsx keeps spinCount at 10 so that mutated inputs get past
// the password check quickly).
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//     pipeline/crypto/offcrypto_fuzz.cc pipeline/crypto/{cfb,offcrypto}.cc \
//     pipeline/core/{problem,text}.cc -lcrypto -lpugixml -licuuc -o offcrypto_fuzz
//   ./offcrypto_fuzz -max_len=65536 tests/data/crypto/fuzz_seed
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/core/problem.h"
#include "pipeline/crypto/offcrypto.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  fidelity::DecryptLimits limits;
  limits.max_spin_count = 1000;          // keep each run in milliseconds
  limits.max_package_bytes = 1u << 20;
  try {
    const std::string plain = fidelity::DecryptWorkbook(bytes, "fuzz", "fuzz.xlsx", limits);
    if (plain.size() > limits.max_package_bytes) __builtin_trap();
  } catch (const fidelity::InputError&) {
  }
  return 0;
}
