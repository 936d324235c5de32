// The smaller commands of `fidelity` (run lives in cli.cc). Each returns
// its exit code and prints to stdout/stderr.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fidelity {

// Problems of each workbook grouped by sheet, with cell addresses; 1 when
// any has an error. The password, if any, is read from `password_file`.
int CmdCheck(const std::vector<std::string>& workbooks, const std::optional<std::string>& password_file);
// Refuses an existing file unless `force`, and a folder, before writing.
int CmdBlank(const std::filesystem::path& out, bool force);
int CmdSample(const std::filesystem::path& workbook, uint64_t seed, bool json,
              const std::optional<std::string>& password_file);
int CmdRetention(const std::vector<std::string>& files, const std::filesystem::path& out);

}  // namespace fidelity
