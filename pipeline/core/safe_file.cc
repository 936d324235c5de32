#include "pipeline/core/safe_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pipeline/core/problem.h"

namespace fidelity {

namespace {

// What a non-regular file is, for the message.
std::string KindOf(mode_t m) {
  if (S_ISDIR(m)) return "フォルダ";
  if (S_ISFIFO(m)) return "名前付きパイプ（FIFO）";
  if (S_ISSOCK(m)) return "ソケット";
  if (S_ISCHR(m) || S_ISBLK(m)) return "デバイスファイル";
  return "特殊なファイル";
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  int release() {
    int f = fd;
    fd = -1;
    return f;
  }
};

}  // namespace

std::string ErrnoText(int err, bool writing) {
  switch (err) {
    case ENOENT: return "ファイルまたはフォルダがありません";
    case EACCES:
    case EPERM: return writing ? "書き込む権限がありません" : "読み取る権限がありません";
    case EROFS: return "読み取り専用の場所です";
    case ENOSPC: return "ディスクの空きがありません";
    case EDQUOT: return "ディスクの割り当て（クォータ）を超えました";
    case ELOOP: return "シンボリックリンクが循環しています（またはたどる段数が多すぎます）";
    case ENAMETOOLONG: return "名前が長すぎます（ファイル名は 255 バイトまで）";
    case ENOTDIR: return "途中の名前がフォルダではありません";
    case EISDIR: return "ファイルではなくフォルダです";
    case EEXIST: return "同じ名前のものがすでにあります";
    case ENOTEMPTY: return "フォルダが空ではありません";
    case EIO: return "読み書きの途中で装置のエラーが起きました";
    case EMFILE:
    case ENFILE: return "同時に開けるファイルの数を超えました";
    case ENOMEM: return "メモリが足りません";
    case EXDEV: return "別のディスク（ファイルシステム）をまたいで移動できません";
    case EBUSY: return "使用中です";
    case EFBIG: return "ファイルが大きすぎます";
    default: return "システムのエラー（errno " + std::to_string(err) + "）";
  }
}

std::string FsErrorText(const std::error_code& ec, const std::filesystem::path& p) {
  bool writing = false;
  std::string s = p.empty() ? std::string() : "「" + p.string() + "」: ";
  if (ec.category() == std::generic_category() || ec.category() == std::system_category())
    return s + ErrnoText(ec.value(), writing);
  return s + "ファイル操作に失敗しました";
}

std::string FsErrorText(const std::filesystem::filesystem_error& e) { return FsErrorText(e.code(), e.path1()); }

int OpenRegularFile(const std::filesystem::path& path, const std::string& code_prefix) {
  const std::string where = path.string();
  // O_NONBLOCK: opening a FIFO with no writer (or a device) returns at once.
  Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (f.fd < 0) {
    int e = errno;
    if (e == ENXIO)  // a socket or an unconnected device
      throw InputError(code_prefix + ".not_a_file", where, "通常のファイルではありません（ソケットかデバイス）。読み込みません");
    if (e == ENOENT) throw InputError(code_prefix + ".read", where, "ファイルがありません");
    throw InputError(code_prefix + ".read", where, "ファイルを開けません（" + ErrnoText(e) + "）");
  }
  struct stat st;
  if (::fstat(f.fd, &st) != 0)
    throw InputError(code_prefix + ".read", where, "ファイルを開けません（" + ErrnoText(errno) + "）");
  if (!S_ISREG(st.st_mode)) {
    std::string kind = KindOf(st.st_mode);
    std::string hint = S_ISDIR(st.st_mode) ? "。中のファイルを指定してください" : "。読み込みません";
    throw InputError(code_prefix + ".not_a_file", where, "ファイルではなく" + kind + "です" + hint);
  }
  int flags = ::fcntl(f.fd, F_GETFL);
  if (flags >= 0) ::fcntl(f.fd, F_SETFL, flags & ~O_NONBLOCK);
  return f.release();
}

std::string ReadRegularFile(const std::filesystem::path& path, size_t max_bytes) {
  const std::string where = path.string();
  Fd f{OpenRegularFile(path)};
  struct stat st;
  if (::fstat(f.fd, &st) != 0)
    throw InputError("io.read", where, "ファイルを読めません（" + ErrnoText(errno) + "）");
  if (static_cast<uint64_t>(st.st_size) > max_bytes)
    throw InputError("io.too_large", where,
                     "ファイルが大きすぎます（" + std::to_string(st.st_size) + " バイト、上限 " +
                         std::to_string(max_bytes) + " バイト）");
  std::string data;
  data.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  for (;;) {
    if (got == data.size()) {
      if (data.size() >= max_bytes + 1) break;
      data.resize(std::min(max_bytes + 1, data.size() + 65536));  // the file grew while we read
    }
    ssize_t n = ::read(f.fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError("io.read", where, "ファイルを最後まで読めません（" + ErrnoText(errno) + "）");
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  data.resize(got);
  if (got > max_bytes)
    throw InputError("io.too_large", where,
                     "ファイルが大きすぎます（上限 " + std::to_string(max_bytes) + " バイト）");
  return data;
}

}  // namespace fidelity
