#include "pipeline/cli/commands.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <map>

#include "pipeline/batch/agency.h"
#include "pipeline/batch/resources.h"
#include "pipeline/core/escape.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/output_file.h"
#include "pipeline/core/safe_file.h"
#include "pipeline/core/problem.h"
#include "pipeline/forms/workbook_writer.h"
#include "pipeline/retention/retention_command.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/sampling.h"
#include "pipeline/survey/workbook_file.h"

namespace fidelity {
namespace {

// The password of a --password-file: its first line, without the line end.
// What `check` and `sample` share: the run's resources and the password
// from --password-file. Prints the problem and returns false when either
// cannot be had (the command then exits 2).
bool LoadForWorkbookCommand(const std::optional<std::string>& password_file,
                            std::shared_ptr<const CycleResources>* res, std::optional<std::string>* password) {
  try {
    *res = LoadCycleResources();
    if (password_file) *password = ReadPasswordFile(*password_file);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return false;
  }
  return true;
}

// Silences this process's stderr (fd 2) while alive: for libraries that
// print English to it (libxlsxwriter's "[ERROR] workbook_close()").
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

}  // namespace

namespace {

bool IsWorkbookName(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xlsx" || ext == ".xlsm";
}

// The files `check` reads: a folder stands for the workbooks in it (sorted);
// Excel's lock files "~$…" are skipped with a note. False when nothing is left.
bool ExpandWorkbooks(const std::vector<std::string>& args, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  for (const auto& a : args) {
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      if (IsExcelLockFile(a))
        std::printf("%s: Excel が開いている間に作る一時ファイル（~$…）のため点検しません\n", EscapeControls(a).c_str());
      else
        files->push_back(a);
      continue;
    }
    std::vector<std::string> found;
    for (fs::directory_iterator it(a, ec), end; !ec && it != end; it.increment(ec)) {
      if (!IsWorkbookName(it->path())) continue;
      if (IsExcelLockFile(it->path()))
        std::printf("%s: Excel が開いている間に作る一時ファイル（~$…）のため点検しません\n",
                    EscapeControls(it->path().string()).c_str());
      else
        found.push_back(it->path().string());
    }
    if (ec) std::fprintf(stderr, "fidelity: %s\n", EscapeControls(FsErrorText(ec, a)).c_str());
    else if (found.empty()) std::fprintf(stderr, "fidelity: フォルダ「%s」に事前調査票（.xlsx）がありません\n", EscapeControls(a).c_str());
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  if (files->empty()) std::fprintf(stderr, "fidelity: 点検する事前調査票がありません\n");
  return !files->empty();
}

}  // namespace

int CmdCheck(const std::vector<std::string>& args, const std::optional<std::string>& password_file) {
  std::vector<std::string> workbooks;
  if (!ExpandWorkbooks(args, &workbooks)) return 2;
  std::shared_ptr<const CycleResources> res;
  std::optional<std::string> password;
  if (!LoadForWorkbookCommand(password_file, &res, &password)) return 2;
  // The sheets a problem may name without a cell (a missing label, an empty table).
  const WorkbookLayout& L = res->layout;
  const std::vector<std::string> sheets = {L.cover.sheet, L.rates.sheet, L.jobs.table.sheet,
                                           L.staff.table.sheet, L.users.table.sheet, L.records.sheet};
  bool any_error = false;
  int files_with_errors = 0;
  for (const auto& wb : workbooks) {
    Survey s = ReadSurveyFile(wb, password, *res);
    int errors = 0, warnings = 0;
    // Grouped by sheet ("sheet!cell", or a sheet's name alone), in the order
    // first met; problems of the whole file first.
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::pair<std::string, const Problem*>>> by_sheet;  // sheet -> (cell, problem)
    for (const auto& p : s.problems) {
      (p.is_error() ? errors : warnings)++;
      std::string sheet, cell;
      if (auto bang = p.where.find('!'); bang != std::string::npos) {
        sheet = p.where.substr(0, bang);
        cell = p.where.substr(bang + 1);
      } else if (std::find(sheets.begin(), sheets.end(), p.where) != sheets.end()) {
        sheet = p.where;
        cell = "シート全体";
      } else {
        for (const auto& [key, name] : s.sheet_names)
          if (name == p.where) sheet = name, cell = "シート全体";
        if (sheet.empty() && p.where != wb && p.where != s.file) cell = p.where;  // e.g. a part of the zip
      }
      if (!by_sheet.count(sheet)) order.push_back(sheet);
      by_sheet[sheet].emplace_back(cell, &p);
    }
    std::string verdict = errors > 0 ? "エラーがあるため、このままでは採点できません"
                          : warnings > 0 ? "採点できます（注意を確認してください）"
                                         : "問題はありません";
    std::printf("%s: エラー %d 件・注意 %d 件 — %s\n", EscapeControls(wb).c_str(), errors, warnings, verdict.c_str());
    std::stable_sort(order.begin(), order.end(), [](const std::string& a, const std::string& b) {
      return a.empty() && !b.empty();
    });
    for (const auto& sheet : order) {
      std::printf("  ■ %s\n", sheet.empty() ? "ファイル全体" : ("シート「" + EscapeControls(sheet, 200) + "」").c_str());
      for (const auto& [cell, p] : by_sheet[sheet]) {
        Problem safe = SafeProblem(*p);
        std::string place = cell.empty() ? "" : EscapeControls(cell, 300) + ": ";
        std::printf("    %s  %s%s  [%s]\n", p->is_error() ? "エラー" : "注意　", place.c_str(), safe.message.c_str(),
                    safe.code.c_str());
      }
    }
    for (const auto& p : s.problems)
      if (p.code == "crypto.no_password" || p.code == "crypto.wrong_password") {
        std::printf("  → パスワードは --password-file F で、1行目にパスワードだけを書いたファイルとして渡してください\n");
        break;
      }
    any_error = any_error || errors > 0;
    files_with_errors += errors > 0;
  }
  if (workbooks.size() > 1)
    std::printf("%zu ファイルを点検: エラーのあるファイル %d\n", workbooks.size(), files_with_errors);
  return any_error ? 1 : 0;
}

int CmdBlank(const std::filesystem::path& out, bool force) {
  if (auto p = CheckNewOutputFile(out, force)) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(*p).c_str());
    return 2;
  }
  try {
    QuietStderr quiet;  // libxlsxwriter prints "[ERROR] …" lines; ours are below
    WritePreSurveyWorkbook(DefaultLayout(), nullptr, out);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fidelity: %s\n",
                 FormatProblem(Error("io.write", out.string(), "空の事前調査票を書けませんでした（ディスクの空きや権限を確かめてください）")).c_str());
    return 1;
  }
  std::printf("%s を作りました\n", EscapeControls(out.string()).c_str());
  return 0;
}

int CmdSample(const std::filesystem::path& workbook, uint64_t seed, bool json,
              const std::optional<std::string>& password_file) {
  std::shared_ptr<const CycleResources> res;
  std::optional<std::string> password;
  if (!LoadForWorkbookCommand(password_file, &res, &password)) return 2;
  Survey s = ReadSurveyFile(workbook, password, *res);
  // Only problems that make the groups unreliable stop the draw: no file,
  // no 記載日, unreadable dates in 調査票4.
  bool fatal = false;
  for (const auto& p : s.problems)
    if (p.is_error() && (s.users.empty() || !s.record_date || p.where.find('!') == std::string::npos)) fatal = true;
  if (fatal) {
    for (const auto& p : s.problems)
      if (p.is_error()) std::fprintf(stderr, "%s: %s\n", workbook.string().c_str(), FormatProblem(p).c_str());
    return 1;
  }
  try {
    SampleResult r = DrawSample(s, seed);
    if (json) std::fputs(SampleJson(r).Dump().c_str(), stdout);
    else std::fputs(SampleText(r).c_str(), stdout);
    for (const auto& p : r.notes) std::fprintf(stderr, "%s\n", FormatProblem(p).c_str());
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s: %s\n", workbook.string().c_str(), FormatProblem(e.problem()).c_str());
    return 1;
  }
  return 0;
}

int CmdRetention(const std::vector<std::string>& files, const std::filesystem::path& out) {
  return RunRetention(files, out, std::cerr);
}

}  // namespace fidelity
