#include "pipeline/pdf/flate.h"

#include <libdeflate.h>

#include <array>
#include <stdexcept>

namespace fidelity::pdf {
namespace {

// One compressor per thread and level, freed when the thread ends.
struct Compressors {
  std::array<libdeflate_compressor*, 13> by_level{};
  ~Compressors() {
    for (libdeflate_compressor* c : by_level)
      if (c) libdeflate_free_compressor(c);
  }
  libdeflate_compressor* Get(int level) {
    libdeflate_compressor*& c = by_level.at(static_cast<size_t>(level));
    if (!c) c = libdeflate_alloc_compressor(level);
    if (!c) throw std::runtime_error("libdeflate: no compressor for level " + std::to_string(level));
    return c;
  }
};
thread_local Compressors t_compressors;

}  // namespace

std::string FlateCompress(std::string_view data, int level) {
  if (level < 1 || level > 12) throw std::runtime_error("FlateCompress: level out of range");
  libdeflate_compressor* c = t_compressors.Get(level);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: compression failed");
  out.resize(n);
  return out;
}

}  // namespace fidelity::pdf
