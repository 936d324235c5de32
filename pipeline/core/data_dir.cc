#include "pipeline/core/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace fidelity {

#ifndef FIDELITY_INSTALL_PREFIX
#define FIDELITY_INSTALL_PREFIX "/usr/local"
#endif

std::vector<std::filesystem::path> DataDirSearchOrder(const DataDirCandidates& c) {
  std::vector<std::filesystem::path> out;
  if (!c.exe.empty()) out.push_back(c.exe.parent_path().parent_path() / "share" / "fidelity");
  if (!c.prefix.empty()) out.push_back(c.prefix / "share" / "fidelity");
  if (!c.env.empty()) out.push_back(c.env);
  if (!c.source_tree.empty()) out.push_back(c.source_tree);
  return out;
}

std::filesystem::path FindDataDir(const DataDirCandidates& c) {
  auto order = DataDirSearchOrder(c);
  for (const auto& dir : order) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / "config" / "jips25.yaml", ec)) return dir;
  }
  return order.empty() ? std::filesystem::path(".") : order.back();
}

DataDirCandidates CurrentDataDirCandidates() {
  DataDirCandidates c;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) c.exe = exe;
  c.prefix = FIDELITY_INSTALL_PREFIX;
  if (const char* d = std::getenv("FIDELITY_DATA_DIR"); d && *d) c.env = d;
  c.source_tree = FIDELITY_DATA_DIR;
  return c;
}

}  // namespace fidelity
