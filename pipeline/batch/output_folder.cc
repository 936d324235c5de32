#include "pipeline/batch/output_folder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "pipeline/core/fs.h"
#include "pipeline/core/safe_file.h"

namespace fidelity {
namespace fs = std::filesystem;

namespace {

const std::set<std::string>& AgencyFiles() {
  static const std::set<std::string> s = {"report.pdf", "scores.json", "problems.txt", "action_plan.xlsx", kStampName};
  return s;
}
const std::set<std::string>& TopFiles() {
  static const std::set<std::string> s = {"run.json", "summary.csv", "summary.pdf", "summary.xlsx", "passwords.csv",
                                          kStampName, kLockName};
  return s;
}

// A hidden temporary a run leaves when killed (".x.tmp-…", ".x.old-…", ".x.tmp.…").
bool IsOurTemporary(const std::string& n) {
  return n.size() > 1 && n[0] == '.' &&
         (n.find(".tmp-") != std::string::npos || n.find(".old-") != std::string::npos ||
          n.find(".tmp.") != std::string::npos);
}

fs::path Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p).lexically_normal() : c;
}

// `p` equals `dir` or lies below it (both canonical).
bool Within(const fs::path& p, const fs::path& dir) {
  auto [d, pi] = std::mismatch(dir.begin(), dir.end(), p.begin(), p.end());
  return d == dir.end();
}

// The agency whose output folder (`out`/<id>) holds `p`, if any: one walk
// down the path, not one comparison per agency (a 1,000-agency cycle has
// 3,000 inputs).
std::optional<std::string> AgencyFolderOf(const fs::path& p, const fs::path& out,
                                          const std::set<std::string>& ids) {
  auto [o, pi] = std::mismatch(out.begin(), out.end(), p.begin(), p.end());
  if (o != out.end() || pi == p.end()) return std::nullopt;
  std::string first = pi->string();
  if (!ids.count(first)) return std::nullopt;
  return first;
}

bool HoldsOnlyOurs(const fs::path& dir, bool top) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (n == kStampName) return true;
    if (IsOurTemporary(n)) continue;
    if (AgencyFiles().count(n) && !top) continue;
    if (top && TopFiles().count(n)) continue;
    if (top && it->is_directory(ec) && !it->is_symlink(ec) && HoldsOnlyOurs(it->path(), false)) continue;
    return false;
  }
  return !ec;
}

struct Input {
  fs::path path;  // canonical
  std::string what;
};

std::vector<Input> Inputs(const Manifest& m) {
  static const std::map<std::string, std::string> kWhat = {{"workbook", "の事前調査票"},
                                                           {"password_file", "のパスワードファイル"},
                                                           {"reviews", "の評価者ファイル"},
                                                           {"consensus", "の合議ファイル"}};
  std::vector<Input> v;
  v.push_back({Canonical(m.file), "cycle.yaml"});
  for (const ManifestInput& in : m.inputs) {
    auto w = kWhat.find(in.key);
    v.push_back({Canonical(in.path), in.agency + (w != kWhat.end() ? w->second : " の入力ファイル")});
  }
  for (const fs::path& p : m.InputPaths()) v.push_back({Canonical(p), "入力ファイル"});  // any the list above lacks
  return v;
}

Problem OutError(const std::string& code, const fs::path& out, const std::string& msg) {
  return Error("out." + code, out.string(), msg);
}

}  // namespace

std::string StampText() {
  return "このフォルダは fidelity run が作った出力フォルダです（次回の実行で置き換えられます）。\n";
}

std::optional<Problem> CheckOutputFolder(const Manifest& m, const fs::path& out) {
  std::error_code ec;
  fs::file_status st = fs::status(out, ec);
  if (ec && ec.value() != ENOENT)
    return OutError("unusable", out, "出力先を調べられません（" + FsErrorText(ec, out) + "）");
  if (fs::exists(st) && !fs::is_directory(st))
    return OutError("not_a_folder", out, "出力先はフォルダではなくファイルです。-o には出力用のフォルダを指定してください");
  const fs::path o = Canonical(out);
  const fs::path cycle_dir = Canonical(m.dir.empty() ? fs::path(".") : m.dir);
  std::set<std::string> agency_ids;
  for (const auto& a : m.agencies) agency_ids.insert(a.id);
  const std::string hint = "入力を上書きしないよう、別の出力フォルダ（例: " + (m.dir / "out").string() + "）を指定してください";
  for (const Input& in : Inputs(m)) {
    if (in.path == o)
      return OutError("is_input", out, "出力先が入力ファイル（" + in.what + "）そのものです。" + hint);
    fs::path folder = in.path.parent_path();
    if (o == folder || o == cycle_dir)
      return OutError("input_folder", out, "出力先が入力ファイルのあるフォルダ（" + in.what + "「" + in.path.string() +
                                               "」）です。" + hint);
    if (Within(o, folder) && !Within(cycle_dir, folder))
      return OutError("inside_input", out, "出力先が入力フォルダ「" + folder.string() + "」（" + in.what +
                                               "）の中にあります。" + hint);
    if (std::optional<std::string> id = AgencyFolderOf(in.path, o, agency_ids))
      return OutError("would_replace_input", out,
                      "出力先の機関フォルダ「" + (out / *id).string() + "」に入力ファイル（" + in.what + "「" +
                          in.path.string() + "」）があり、置き換えると失われます。" + hint);
  }
  if (m.previous) {
    fs::path prev = Canonical(*m.previous);
    if (Within(o, prev) || Within(prev, o))
      return OutError("is_previous", out, "出力先が前回の出力（previous:「" + m.previous->string() +
                                              "」）と重なっています。前回の結果を上書きしないよう、別のフォルダを指定してください");
  }
  if (fs::is_directory(st) && !fs::exists(out / kStampName, ec) && !HoldsOnlyOurs(out, true))
    return OutError("not_ours", out,
                    "出力先は fidelity の出力フォルダではなく、空でもありません。中のファイルを消さないよう、"
                    "空のフォルダか新しい名前のフォルダを指定してください");
  return std::nullopt;
}

void PrepareOutputFolder(const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw InputError("out.create", out.string(), "出力フォルダを作れません（" + ErrnoText(ec.value(), true) + "）");
  if (!fs::exists(out / kStampName, ec)) {
    try {
      WriteFileAtomic(out / kStampName, StampText());
    } catch (const InputError& e) {
      throw InputError("out.create", out.string(), "出力フォルダに" + e.problem().message);
    }
  }
}

bool IsOurAgencyFolder(const fs::path& dir) {
  std::error_code ec;
  fs::file_status st = fs::symlink_status(dir, ec);
  if (!fs::exists(st)) return true;
  if (!fs::is_directory(st)) return false;  // a file or a link under our name: not ours
  return fs::exists(dir / kStampName, ec) || HoldsOnlyOurs(dir, false);
}

}  // namespace fidelity
