#include "pipeline/pdf/flate.h"

#include <libdeflate.h>

#include <stdexcept>

#include "pipeline/core/deflate_pool.h"

namespace fidelity::pdf {

std::string FlateCompress(std::string_view data, int level) {
  libdeflate_compressor* c = ThreadCompressor(level);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: compression failed");
  out.resize(n);
  return out;
}

}  // namespace fidelity::pdf
