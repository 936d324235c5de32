// Before a command writes a new file the user named (-o FILE): a folder, an
// existing file (unless --force), a missing or read-only folder are each
// told in Japanese before anything is written, so that no library's English
// and no temporary file is ever left behind.
#pragma once
#include <filesystem>
#include <optional>

#include "pipeline/core/problem.h"

namespace fidelity {

// The problem that stops writing `out` (codes io.out_is_folder, io.exists,
// io.not_a_file, io.no_folder, io.read_only), or nullopt. `force` allows
// replacing an existing regular file. Never throws.
std::optional<Problem> CheckNewOutputFile(const std::filesystem::path& out, bool force);

}  // namespace fidelity
