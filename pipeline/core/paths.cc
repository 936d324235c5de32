#include "pipeline/core/paths.h"

#include <system_error>

namespace fidelity {

bool InsideFolder(const std::filesystem::path& path, const std::filesystem::path& folder_in) {
  std::error_code ec;
  std::filesystem::path folder = folder_in.empty() ? std::filesystem::path(".") : folder_in;
  std::filesystem::path f = std::filesystem::weakly_canonical(std::filesystem::absolute(folder, ec), ec);
  if (ec) return false;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (ec) return false;
  auto fi = f.begin(), pi = p.begin();
  for (; fi != f.end(); ++fi, ++pi) {
    if (fi->empty()) continue;  // a trailing separator
    if (pi == p.end() || *pi != *fi) return false;
  }
  return true;
}

}  // namespace fidelity
