// libFuzzer entry point: any bytes must either read or throw InputError,
// never crash, hang or run out of memory.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/core/problem.h"
#include "pipeline/xlsx/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  fidelity::XlsxLimits limits;
  limits.max_part_bytes = 8 << 20;  // keep each run small under the fuzzer's RSS limit
  limits.max_total_bytes = 32 << 20;
  try {
    fidelity::Workbook wb = fidelity::ReadXlsx(bytes, "fuzz.xlsx", limits);
    size_t cells = 0;
    for (const auto& s : wb.sheets) cells += s.cells.size();
    (void)cells;
  } catch (const fidelity::InputError&) {
  }
  return 0;
}
