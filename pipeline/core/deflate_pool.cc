#include "pipeline/core/deflate_pool.h"

#include <libdeflate.h>

#include <array>
#include <new>
#include <stdexcept>

namespace fidelity {
namespace {

struct Compressors {
  std::array<libdeflate_compressor*, 13> by_level{};
  ~Compressors() {
    for (libdeflate_compressor* c : by_level)
      if (c) libdeflate_free_compressor(c);
  }
};
thread_local Compressors t_compressors;

}  // namespace

libdeflate_compressor* ThreadCompressor(int level) {
  if (level < 1 || level > 12) throw std::runtime_error("deflate level out of range: " + std::to_string(level));
  libdeflate_compressor*& c = t_compressors.by_level[static_cast<size_t>(level)];
  if (!c) c = libdeflate_alloc_compressor(level);
  if (!c) throw std::bad_alloc();
  return c;
}

}  // namespace fidelity
