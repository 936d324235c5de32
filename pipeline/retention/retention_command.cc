#include "pipeline/retention/retention_command.h"

#include <cstdio>
#include <exception>
#include <map>
#include <optional>

#include "pipeline/core/fs.h"
#include "pipeline/core/paths.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/yaml.h"
#include "pipeline/retention/check.h"
#include "pipeline/retention/retention_csv.h"
#include "pipeline/retention/retention_pdf.h"
#include "pipeline/retention/retention_report.h"

namespace fidelity::retention {

namespace {

constexpr size_t kMaxCheckBytes = 1u << 20;  // a check is a few hundred bytes

void Report(std::ostream& err, const Problems& ps) {
  for (const auto& p : ps) err << FormatProblem(p) << "\n";
}

// Reads and parses one check file; problems are appended.
std::optional<Check> ReadCheck(const Checklist& checklist, const std::string& file, Problems& ps) {
  std::string text;
  try {
    text = ReadFile(file, kMaxCheckBytes);
  } catch (const InputError& e) {
    ps.push_back(e.problem());
    return std::nullopt;
  }
  ParsedCheck parsed = ParseCheck(text, file, checklist);
  ps.insert(ps.end(), parsed.problems.begin(), parsed.problems.end());
  return parsed.check;
}

// The previous check of `current`, checked against it. nullopt with an
// error in `ps` when it cannot be used.
std::optional<Check> ReadPrevious(const Checklist& checklist, const Check& current, Problems& ps) {
  std::filesystem::path path = std::filesystem::path(current.file).parent_path() / current.previous;
  if (!InsideFolder(path, std::filesystem::path(current.file).parent_path())) {
    ps.push_back(Error("retention.previous_outside", current.previous_where,
                       "前回のチェック「" + Excerpt(current.previous, 80) +
                           "」は、このファイルと同じフォルダ（またはその下）に置いてください"
                           "（絶対パス・「..」・フォルダの外を指すリンクは読みません）"));
    return std::nullopt;
  }
  Problems own;
  std::optional<Check> prev = ReadCheck(checklist, path.string(), own);
  for (auto& p : own)
    if (p.is_error()) ps.push_back(p);  // its warnings belong to its own run
  if (!prev) {
    ps.push_back(Error("retention.previous_unusable", current.previous_where,
                       "前回のチェック「" + current.previous + "」を使えません（上の問題を確認してください）"));
    return std::nullopt;
  }
  if (prev->person != current.person) {
    ps.push_back(Error("retention.previous_other_person", current.previous_where,
                       "前回のチェック「" + current.previous + "」は別の人（" + prev->person + "）のものです"));
    return std::nullopt;
  }
  if (!(prev->date < current.date)) {
    ps.push_back(Error("retention.previous_not_earlier", current.previous_where,
                       "前回のチェック「" + current.previous + "」の日付（" + prev->date.Iso() +
                           "）が今回（" + current.date.Iso() + "）より前ではありません"));
    return std::nullopt;
  }
  return prev;
}

}  // namespace

int RunRetention(const Checklist& checklist, const pdf::FontCache& fonts,
                 const std::vector<std::string>& files, const std::filesystem::path& out,
                 std::ostream& err) {
  std::vector<CsvRow> rows;
  std::map<std::string, std::string> written;  // output name -> the file it came from
  int failed = 0;
  for (const auto& file : files) {
    Problems ps;
    std::optional<Check> check = ReadCheck(checklist, file, ps);
    std::optional<Check> previous;
    if (check && !check->previous.empty()) {
      previous = ReadPrevious(checklist, *check, ps);
      if (!previous) check.reset();
    }
    std::string name;
    if (check) {
      name = ReportFileName(*check);
      auto [it, fresh] = written.emplace(name, file);
      if (!fresh) {
        ps.push_back(Error("retention.duplicate_check", file + ":1",
                           "同じ人・同じ日付のチェックが「" + it->second + "」にもあります（" + name + "）"));
        check.reset();
      }
    }
    if (check) {
      try {
        RetentionReport report = BuildReport(checklist, *check, previous ? &*previous : nullptr);
        RenderedPage page = RenderRetentionPdf(checklist, report, fonts);
        for (char32_t cp : page.missing_glyphs) {
          char hex[16];
          std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
          ps.push_back(Warning("retention.missing_glyph", file,
                               std::string("フォントにない文字（") + hex + "）を〓で表示しました"));
        }
        WriteFileAtomic(out / name, page.pdf);
        rows.push_back({check->person, check->date, report.scores});
      } catch (const std::exception& e) {
        written.erase(name);
        ps.push_back(Error("retention.write", (out / name).string(), std::string("PDFを書けません: ") + e.what()));
        check.reset();
      }
    }
    Report(err, ps);
    if (!check) ++failed;
  }
  try {
    WriteFileAtomic(out / "retention.csv", RetentionCsv(checklist, rows));
  } catch (const std::exception& e) {
    err << FormatProblem(Error("retention.write", (out / "retention.csv").string(),
                               std::string("CSVを書けません: ") + e.what()))
        << "\n";
    return 1;
  }
  if (failed > 0) {
    err << "retention: " << files.size() << " 件中 " << failed << " 件のチェックを処理できませんでした\n";
    return 1;
  }
  return 0;
}

int RunRetention(const std::vector<std::string>& files, const std::filesystem::path& out, std::ostream& err) {
  std::optional<Checklist> checklist;
  std::optional<pdf::FontCache> fonts;
  try {
    checklist = LoadChecklist(DefaultRetentionConfig());
    fonts.emplace(pdf::FontCache::FromDataDir());
  } catch (const InputError& e) {
    err << FormatProblem(e.problem()) << "\n";
    return 2;
  }
  return RunRetention(*checklist, *fonts, files, out, err);
}

}  // namespace fidelity::retention
