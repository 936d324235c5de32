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

#include "pipeline/core/data_dir.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/safe_file.h"

namespace fidelity {

std::string ReadFile(const std::filesystem::path& path, size_t max_bytes) {
  return ReadRegularFile(path, max_bytes);
}

namespace {

[[noreturn]] void WriteFailed(const std::filesystem::path& path, int err, const std::string& tmp = "") {
  if (!tmp.empty()) ::unlink(tmp.c_str());
  throw InputError("io.write", path.string(), "書き込めません（" + ErrnoText(err, true) + "）");
}

// Creates `file` (O_EXCL), writes every byte, checks the close; on any
// failure removes `file` and throws for `shown` (the path the user knows).
void WriteAll(const std::string& file, const std::string& bytes, unsigned mode,
              const std::filesystem::path& shown) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) WriteFailed(shown, errno);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      WriteFailed(shown, e, file);
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, mode);
  // A full disk says so in write() (blocks are reserved there) or, on some
  // file systems, only in close(): both are checked.
  if (::close(fd) != 0) WriteFailed(shown, errno, file);
}

}  // namespace

void WriteFileAtomic(const std::filesystem::path& path, const std::string& bytes, unsigned mode) {
  static std::atomic<unsigned> counter{0};
  auto dir = path.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) WriteFailed(path, ec.value());
  }
  // Named per process and per call: two runs never touch each other's.
  std::string tmp = (dir / ("." + path.filename().string() + ".tmp." + std::to_string(getpid()) + "." +
                            std::to_string(counter++)))
                        .string();
  WriteAll(tmp, bytes, mode, path);
  if (::rename(tmp.c_str(), path.c_str()) != 0) WriteFailed(path, errno, tmp);
}

void WriteNewFile(const std::filesystem::path& path, const std::string& bytes, unsigned mode) {
  WriteAll(path.string(), bytes, mode, path);
}

std::filesystem::path DataDir() { return FindDataDir(CurrentDataDirCandidates()); }

}  // namespace fidelity
