#include "pipeline/cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>

#include "pipeline/batch/agency.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/problem.h"
#include "pipeline/forms/workbook_writer.h"
#include "pipeline/retention/retention_command.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/sampling.h"

namespace fidelity {
namespace {

// The password of a --password-file: its first line, without the line end.
std::optional<std::string> PasswordFromFile(const std::optional<std::string>& file) {
  if (!file) return std::nullopt;
  std::string s = ReadFile(*file, 4096);
  auto nl = s.find_first_of("\r\n");
  if (nl != std::string::npos) s.resize(nl);
  return s;
}

}  // namespace

int CmdCheck(const std::vector<std::string>& workbooks, const std::optional<std::string>& password_file) {
  std::shared_ptr<const CycleResources> res;
  std::optional<std::string> password;
  try {
    res = LoadCycleResources();
    password = PasswordFromFile(password_file);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return 2;
  }
  bool any_error = false;
  for (const auto& wb : workbooks) {
    Survey s = ReadSurveyFile(wb, password, *res);
    int errors = 0, warnings = 0;
    // Grouped by sheet ("sheet!cell"), in the order first met; file-level problems first.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Problem*>> by_sheet;
    for (const auto& p : s.problems) {
      (p.is_error() ? errors : warnings)++;
      auto bang = p.where.find('!');
      std::string sheet = bang == std::string::npos ? "" : p.where.substr(0, bang);
      if (!by_sheet.count(sheet)) order.push_back(sheet);
      by_sheet[sheet].push_back(&p);
    }
    std::printf("%s: エラー %d 件, 注意 %d 件\n", wb.c_str(), errors, warnings);
    std::stable_sort(order.begin(), order.end(), [](const std::string& a, const std::string& b) {
      return a.empty() && !b.empty();
    });
    for (const auto& sheet : order) {
      std::printf("  [%s]\n", sheet.empty() ? "ファイル" : sheet.c_str());
      for (const Problem* p : by_sheet[sheet]) {
        auto bang = p->where.find('!');
        std::string cell = bang == std::string::npos ? p->where : p->where.substr(bang + 1);
        std::printf("    %s %s: %s (%s)\n", p->is_error() ? "エラー" : "注意", cell.c_str(), p->message.c_str(),
                    p->code.c_str());
      }
    }
    any_error = any_error || errors > 0;
  }
  return any_error ? 1 : 0;
}

int CmdBlank(const std::filesystem::path& out) {
  try {
    WritePreSurveyWorkbook(DefaultLayout(), nullptr, out);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fidelity: %s を書けません: %s\n", out.string().c_str(), e.what());
    return 1;
  }
  std::printf("%s を作りました\n", out.string().c_str());
  return 0;
}

int CmdSample(const std::filesystem::path& workbook, uint64_t seed, bool json,
              const std::optional<std::string>& password_file) {
  std::shared_ptr<const CycleResources> res;
  std::optional<std::string> password;
  try {
    res = LoadCycleResources();
    password = PasswordFromFile(password_file);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return 2;
  }
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
