// FlateDecode stream data (the zlib format: 2-byte header, raw deflate,
// Adler-32) made with libdeflate, one compressor per thread and level.
//
// Every stream of a document is compressed exactly once, here, as the
// object writer writes it (pdf_objects.h; issue 13). libdeflate is
// deterministic, so the same input gives the same bytes on every run.
#pragma once
#include <string>
#include <string_view>

namespace fidelity::pdf {

// The level used for report streams. Measured on the sample reports and a
// 200-agency cycle (docs/speed.md): see the table there for size vs CPU.
inline constexpr int kFlateLevel = 1;

// `data` in the zlib format at `level` (1–12). Throws std::runtime_error for
// a level out of range, std::bad_alloc when libdeflate has no compressor.
std::string FlateCompress(std::string_view data, int level = kFlateLevel);


}  // namespace fidelity::pdf
