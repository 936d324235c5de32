#include "pipeline/survey/workbook_file.h"

#include <new>

#include "pipeline/core/escape.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/stage_timer.h"
#include "pipeline/crypto/offcrypto.h"
#include "pipeline/survey/reader.h"
#include "pipeline/xlsx/xlsx_reader.h"

namespace fidelity {

bool IsExcelLockFile(const std::filesystem::path& path) { return path.filename().string().rfind("~$", 0) == 0; }

namespace {

Survey Failed(const std::string& label, Problem p) {
  Survey s;
  s.file = label;
  s.problems.push_back(std::move(p));
  return s;
}

}  // namespace

Survey ReadSurveyWorkbook(const std::filesystem::path& path, const std::optional<std::string>& password,
                          const WorkbookLayout& layout) {
  const std::string label = path.filename().string();
  if (IsExcelLockFile(path))
    return Failed(label, Error("xlsx.lock_file", label,
                               "「" + label + "」は Excel がブックを開いている間に作る一時ファイルです。"
                               "先頭の「~$」を除いた本体のファイルを指定してください。"));
  try {
    std::string bytes = ReadFile(path, kMaxWorkbookFileBytes);
    if (LooksLikeOleCompound(bytes)) {
      StageScope t(Stage::kDecrypt);  // shown apart by bench/run_bench.sh
      bytes = DecryptWorkbook(bytes, password.value_or(""), label);
    }
    Workbook wb = ReadXlsx(bytes, label);
    bytes.clear();
    bytes.shrink_to_fit();
    return ReadSurvey(wb, layout, label);
  } catch (const InputError& e) {
    Problem p = e.problem();
    if (p.code == "io.read" || p.code == "io.not_a_file" || p.code == "io.too_large") p.where = label;
    return Failed(label, std::move(p));
  } catch (const std::bad_alloc&) {
    return Failed(label, Error("xlsx.too_large", label, "「" + label + "」を読むにはメモリが足りません。"));
  } catch (const std::exception& e) {
    return Failed(label, Error("internal", label, "「" + label + "」の読み込み中に予期しない失敗がありました（" +
                                                      EscapeControls(e.what(), 200) + "）。"));
  }
}

}  // namespace fidelity
