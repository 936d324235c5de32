#include "pipeline/core/lock_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "pipeline/core/safe_file.h"

namespace fidelity {

namespace {

// The pid written in the file (0 when none can be read).
long ReadPid(int fd) {
  char buf[32] = {};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return 0;
  char* end = nullptr;
  long pid = std::strtol(buf, &end, 10);
  return pid > 0 ? pid : 0;
}

bool Alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

}  // namespace

LockFile::LockFile(std::filesystem::path path) : path_(std::move(path)) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd < 0) {
      message_ = "ロックファイル「" + path_.string() + "」を作れません（" + ErrnoText(errno, true) + "）";
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      message_ = "ロックファイル「" + path_.string() + "」が通常のファイルではありません";
      return;
    }
    long pid = ReadPid(fd);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || (pid != ::getpid() && Alive(pid))) {
      ::close(fd);
      holder_ = pid > 0 ? pid : -1;
      message_ = "出力フォルダは別の fidelity（プロセス " + (pid > 0 ? std::to_string(pid) : std::string("番号不明")) +
                 "）が使用中です。そちらが終わってから実行してください（そのプロセスがもう動いていなければ「" +
                 path_.string() + "」を削除してください）";
      return;
    }
    // Still the file at `path`? (The previous holder may have removed it
    // between our open and our flock.)
    struct stat now;
    if (::stat(path_.c_str(), &now) != 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev) {
      ::close(fd);
      continue;
    }
    std::string mine = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, mine.data(), mine.size(), 0) != static_cast<ssize_t>(mine.size())) {
      message_ = "ロックファイル「" + path_.string() + "」に書き込めません（" + ErrnoText(errno, true) + "）";
      ::close(fd);
      return;
    }
    fd_ = fd;
    return;
  }
  message_ = "ロックファイル「" + path_.string() + "」を取得できません（他の実行と競合しています）";
}

LockFile::~LockFile() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace fidelity
