#include "pipeline/core/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "pipeline/core/problem.h"

namespace fidelity {

std::string ReadFile(const std::filesystem::path& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("io.read", path.string(), "ファイルを開けません（" + std::string(std::strerror(errno)) + "）");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) throw InputError("io.read", path.string(), "ファイルを読めません");
  if (static_cast<size_t>(size) > max_bytes)
    throw InputError("io.too_large", path.string(),
                     "ファイルが大きすぎます（" + std::to_string(size) + " バイト）");
  in.seekg(0);
  std::string data(static_cast<size_t>(size), '\0');
  in.read(data.data(), size);
  if (!in) throw InputError("io.read", path.string(), "ファイルを最後まで読めません");
  return data;
}

void WriteFileAtomic(const std::filesystem::path& path, const std::string& bytes, unsigned mode) {
  static std::atomic<unsigned> counter{0};
  auto dir = path.parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir);
  std::string tmp = (dir / ("." + path.filename().string() + ".tmp." + std::to_string(getpid()) + "." +
                            std::to_string(counter++)))
                        .string();
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw std::runtime_error("cannot create " + tmp + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(e));
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, mode);
  if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(e));
  }
}

std::filesystem::path DataDir() {
  if (const char* d = std::getenv("FIDELITY_DATA_DIR"); d && *d) return d;
  return FIDELITY_DATA_DIR;
}

}  // namespace fidelity
