// The file edge: reading whole files and writing them atomically.
#pragma once
#include <filesystem>
#include <string>

namespace fidelity {

// Reads a whole file. Throws InputError("io.read", path, …) when it cannot,
// or when it is larger than max_bytes ("io.too_large").
std::string ReadFile(const std::filesystem::path& path, size_t max_bytes = 256u << 20);

// Writes `bytes` to a temporary file in the same folder, flushes it, then
// renames it over `path`: a reader sees the old file or the new one, never
// half of one. Throws std::runtime_error on failure (and removes the
// temporary). `mode` sets the permissions (e.g. 0600 for passwords).
void WriteFileAtomic(const std::filesystem::path& path, const std::string& bytes, unsigned mode = 0644);

// Where config/, templates/ and fonts/ live: $FIDELITY_DATA_DIR, else the
// source tree the program was built from.
std::filesystem::path DataDir();

}  // namespace fidelity
