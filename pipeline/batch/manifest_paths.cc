// The manifest rules that need the disk: inputs stay inside the cycle folder
// (unless the coordinator allows otherwise), and `previous:` is an earlier
// run of ours. See manifest.h and docs/input-contract.md.
#include <sys/stat.h>

#include "pipeline/batch/manifest.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/json.h"
#include "pipeline/core/paths.h"
#include "pipeline/core/yaml.h"

namespace fidelity {
namespace {

std::string Where(const Manifest& m, int line) { return YamlWhere(m.file.filename().string(), line); }

// A run of ours: OUT/.fidelity-output (the stamp), or a run.json that we
// wrote (a JSON object with the cycle's name).
bool IsRunOfOurs(const std::filesystem::path& dir) {
  struct stat st;
  if (::stat((dir / ".fidelity-output").c_str(), &st) == 0 && S_ISREG(st.st_mode)) return true;
  std::filesystem::path run = dir / "run.json";
  if (::stat(run.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (64 << 20)) return false;
  try {
    Json j = Json::Parse(ReadFile(run, 64u << 20));
    const Json* c = j.get("cycle");
    return c && c->type() == Json::Type::kString && j.get("agencies");
  } catch (const std::exception&) {
    return false;
  }
}

void CheckPrevious(const Manifest& m) {
  const std::filesystem::path& p = *m.previous;
  std::string shown = Excerpt(p.lexically_relative(m.dir).empty() ? p.string() : p.lexically_relative(m.dir).string(), 120);
  struct stat st;
  if (::stat(p.c_str(), &st) != 0)
    throw InputError("manifest.previous", Where(m, m.previous_line),
                     "previous のフォルダ「" + shown + "」がありません。前回の run の出力フォルダ（例: ../out/2025）を"
                     "指定するか、初めての年度なら previous の行を消してください");
  if (!S_ISDIR(st.st_mode))
    throw InputError("manifest.previous", Where(m, m.previous_line),
                     "previous「" + shown + "」はフォルダではありません。前回の run の出力フォルダを指定してください");
  if (!IsRunOfOurs(p))
    throw InputError("manifest.previous", Where(m, m.previous_line),
                     "previous のフォルダ「" + shown + "」に前回の run の結果（run.json）がありません。"
                     "cycle.yaml のあるフォルダではなく、fidelity run の出力フォルダ（例: ../out/2025）を指定してください");
}

}  // namespace

void CheckManifestPaths(const Manifest& m, const ManifestOptions& opt) {
  if (!opt.allow_outside_paths)
    for (const ManifestInput& in : m.inputs)
      if (!InsideFolder(in.path, m.dir))
        throw InputError("manifest.outside_path", Where(m, in.line),
                         in.key + "「" + Excerpt(in.written, 120) +
                             "」は cycle.yaml のフォルダの外を指しています（絶対パス・「..」・外へのリンク）。"
                             "入力ファイルはサイクルのフォルダの中に置いてください。外のファイルを使うときは "
                             "run に --allow-outside-paths を付けてください");
  if (m.previous) CheckPrevious(m);
}

Manifest LoadManifest(const std::filesystem::path& path, const ManifestOptions& opt) {
  std::filesystem::path file = path;
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) file /= "cycle.yaml";
  YamlOptions yopt;
  yopt.code_prefix = "manifest";
  yopt.max_bytes = 4u << 20;
  // A regular file only (never a blocking open of a pipe), at most 4 MiB.
  Manifest m = ParseManifest(ReadYamlBytes(file, file.filename().string(), yopt), file);
  if (!opt.agency_types.empty()) CheckAgencyTypes(m, opt.agency_types);
  CheckManifestPaths(m, opt);
  return m;
}

}  // namespace fidelity
