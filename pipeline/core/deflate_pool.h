// libdeflate compressors, one per thread and level, made on first use and
// freed when the thread ends: for every writer that deflates (PDF streams,
// zip entries), so none allocates a compressor per call.
#pragma once

struct libdeflate_compressor;

namespace fidelity {

// The calling thread's compressor for `level` (1–12). Throws
// std::runtime_error for a level out of range, std::bad_alloc when
// libdeflate cannot allocate one.
libdeflate_compressor* ThreadCompressor(int level);

}  // namespace fidelity
