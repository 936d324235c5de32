#include "pipeline/core/output_file.h"

#include <unistd.h>

#include <cerrno>

#include "pipeline/core/safe_file.h"

namespace fidelity {
namespace fs = std::filesystem;

std::optional<Problem> CheckNewOutputFile(const fs::path& out, bool force) {
  const std::string where = out.string();
  std::error_code ec;
  fs::file_status st = fs::status(out, ec);
  if (ec && ec.value() != ENOENT) return Error("io.write", where, "書き込めません（" + ErrnoText(ec.value(), true) + "）");
  if (fs::is_directory(st))
    return Error("io.out_is_folder", where,
                 "フォルダです。-o には作るファイルの名前を指定してください（例: " + (out / "事前調査票.xlsx").string() + "）");
  if (fs::exists(st) && !fs::is_regular_file(st))
    return Error("io.not_a_file", where, "通常のファイルではないため書き込みません");
  if (fs::exists(st) && !force)
    return Error("io.exists", where, "すでにあります。記入済みのファイルを失わないよう上書きしません（上書きするには --force）");
  fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::file_status ds = fs::status(dir, ec);
  if (!fs::exists(ds)) return Error("io.no_folder", where, "保存先のフォルダ「" + dir.string() + "」がありません");
  if (!fs::is_directory(ds)) return Error("io.no_folder", where, "保存先「" + dir.string() + "」がフォルダではありません");
  if (::access(dir.c_str(), W_OK) != 0)
    return Error("io.read_only", where, "保存先のフォルダ「" + dir.string() + "」に書き込めません（" + ErrnoText(errno, true) + "）");
  return std::nullopt;
}

}  // namespace fidelity
