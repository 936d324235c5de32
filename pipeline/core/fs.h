// The file edge: reading whole files and writing them atomically.
#pragma once
#include <filesystem>
#include <string>

namespace fidelity {

// Reads a whole regular file (core/safe_file.h: opened without blocking and
// checked to be a regular file first). Throws InputError("io.read",
// "io.not_a_file", "io.too_large", path, …) with a Japanese message.
std::string ReadFile(const std::filesystem::path& path, size_t max_bytes = 256u << 20);

// The one atomic writer of the pipeline: writes `bytes` to a temporary file
// named for this process (".NAME.tmp.PID.N") in the same folder, checks
// every write and the close, then renames it over `path`: a reader sees the old file or the new
// one, never half of one, and a failed write (full disk) leaves the old file
// in place. Throws InputError("io.write", path, Japanese reason) on failure
// (the temporary removed). `mode` sets the permissions (0600 for passwords).
void WriteFileAtomic(const std::filesystem::path& path, const std::string& bytes, unsigned mode = 0644);

// Writes `bytes` to a new file `path` (which must not exist) in a folder
// that is itself published whole later (a run's hidden agency folder,
// swapped in with one rename): no temporary and no rename per file. A
// failed write removes the partial file. Throws InputError("io.write").
void WriteNewFile(const std::filesystem::path& path, const std::string& bytes, unsigned mode = 0644);

// Where config/, templates/ and fonts/ live: next to the binary
// (../share/fidelity), else the install prefix, else $FIDELITY_DATA_DIR,
// else the source tree the program was built from (core/data_dir.h).
std::filesystem::path DataDir();

}  // namespace fidelity
