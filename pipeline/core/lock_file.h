// A lock file holding the owner's pid, so that two commands never work in
// one folder at once (`fidelity run` takes OUT/.fidelity.lock).
//
// Taken when the file is absent, or present but stale: nobody holds its
// flock and the pid written in it is not a living process (a run killed by
// SIGKILL or a power cut). Refused when another process holds it.
#pragma once
#include <filesystem>
#include <string>

namespace fidelity {

class LockFile {
 public:
  // Tries to take `path`. Never throws; ok() says whether it was taken, and
  // otherwise message() says why in Japanese (the other pid, or the error).
  explicit LockFile(std::filesystem::path path);
  ~LockFile();  // removes the file when it was taken
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  const std::string& message() const { return message_; }
  // When refused because another process holds it: its pid (-1 when the
  // file names none); 0 when the lock could not be taken for another reason.
  long holder() const { return holder_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  long holder_ = 0;
  std::string message_;
};

}  // namespace fidelity
