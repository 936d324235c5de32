#include "pipeline/batch/agency.h"
#include "pipeline/batch/resources.h"

#include <time.h>

#include <cstdlib>

#include "pipeline/batch/previous_run.h"
#include "pipeline/batch/seal.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/stage_timer.h"
#include "pipeline/core/text.h"
#include "pipeline/crypto/offcrypto.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/report/action_plan.h"
#include "pipeline/report/build_model.h"
#include "pipeline/report/review_notes.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/report/render_report.h"
#include "pipeline/report/report_glyphs.h"
#include "pipeline/report/report_template.h"
#include "pipeline/review/load_review.h"
#include "pipeline/review/review.h"
#include "pipeline/scoring/score_agency.h"
#include "pipeline/report/scores_json.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/reader.h"
#include "pipeline/survey/workbook_file.h"
#include "pipeline/xlsx/xlsx_reader.h"

namespace fidelity {

namespace {

double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}


std::string ProblemsText(const AgencyEntry& e, const Problems& ps) {
  int errors = 0, warnings = 0;
  for (const auto& p : ps) (p.is_error() ? errors : warnings)++;
  std::string s = "# " + e.name + " (" + e.id + ") — データの問題: エラー " + std::to_string(errors) + " 件, 注意 " +
                  std::to_string(warnings) + " 件\n";
  for (const auto& p : ps) s += FormatProblem(p) + "\n";
  return s;
}

}  // namespace

std::shared_ptr<const CycleResources> LoadCycleResources() {
  auto r = std::make_shared<CycleResources>();
  r->layout = DefaultLayout();
  r->instrument = LoadInstrumentFile(DefaultInstrumentPath());
  r->consistency = LoadConsistencyRules(ReadFile(DefaultConsistencyPath()), "consistency.yaml", r->instrument);
  r->report_template = report::LoadDefaultReportTemplate();
  r->recommendations = report::LoadDefaultRecommendations();
  r->summary_template = report::LoadDefaultSummaryTemplate();
  r->fonts = std::make_unique<pdf::FontCache>(pdf::FontCache::FromDataDir());
  // The report's fixed wording: subset and compressed once for the run.
  r->fonts->SetSharedCharacters(report::LoadReportGlyphs());
  return r;
}

std::string PreviousCycleName(const Manifest& m) {
  if (!m.previous) return "";
  try {
    std::filesystem::path run = *m.previous / "run.json";
    std::error_code ec;
    if (!std::filesystem::exists(run, ec)) return "";
    Json r = Json::Parse(ReadFile(run, 64u << 20));
    if (const Json* c = r.get("cycle"); c && c->type() == Json::Type::kString) return c->as_string();
  } catch (const std::exception&) {
  }
  return "";
}

std::string ReadPasswordFile(const std::filesystem::path& file) {
  std::string s = ReadFile(file, 4096);
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);  // メモ帳's UTF-8 BOM is not part of the password
  auto nl = s.find_first_of("\r\n");
  if (nl != std::string::npos) s.resize(nl);
  if (s.empty())
    throw InputError("crypto.password_file", file.string(),
                     "パスワードファイルが空です（1 行目にパスワードだけを書いてください）");
  return s;
}

std::optional<std::string> AgencyPassword(const AgencyEntry& e) {
  if (e.password_file) return ReadPasswordFile(*e.password_file);
  if (e.password_env) {
    const char* v = std::getenv(e.password_env->c_str());
    if (!v)
      throw InputError("crypto.password_env", "cycle.yaml:" + std::to_string(e.line),
                       "環境変数 " + *e.password_env + " が設定されていません");
    return std::string(v);
  }
  return std::nullopt;
}

Survey ReadSurveyFile(const std::filesystem::path& path, const std::optional<std::string>& password,
                      const CycleResources& res) {
  return ReadSurveyWorkbook(path, password, res.layout);
}

ScoredAgency ScoreEntry(const Manifest& m, const AgencyEntry& e, const CycleResources& res,
                        const ProcessOptions& opt) {
  ScoredAgency out;
  Problems& problems = out.problems;
  try {
    // 1. The workbook.
    std::optional<std::string> password;
    try {
      password = AgencyPassword(e);
    } catch (const InputError& err) {
      problems.push_back(err.problem());
      return out;
    }
    Survey survey = [&] { StageScope t(Stage::kRead); return ReadSurveyFile(e.workbook, password, res); }();
    password.reset();
    // 2. The reviewers' files (every problem in them is an error).
    std::vector<ReviewerFile> reviewers;
    std::optional<ReviewerFile> consensus;
    auto load = [&](const std::filesystem::path& p) -> std::optional<ReviewerFile> {
      try {
        StageScope t(Stage::kRead);
        return LoadReviewFile(p, res.instrument);  // YAML or an Excel score sheet
      } catch (const InputError& err) {
        problems.push_back(err.problem());
        return std::nullopt;
      }
    };
    for (const auto& p : e.reviews)
      if (auto r = load(p)) reviewers.push_back(std::move(*r));
    if (e.consensus) consensus = load(*e.consensus);
    if (e.reviews.empty() && !e.consensus)
      problems.push_back(Error("review.none", "cycle.yaml:" + std::to_string(e.line),
                               "評価者のファイル（reviews）が指定されていません"));
    // Survey problems first, then reviewer-file errors, as the scorer orders them.
    Problems survey_problems = survey.problems;
    if (HasError(survey_problems) || HasError(problems)) {
      survey_problems.insert(survey_problems.end(), problems.begin(), problems.end());
      problems = std::move(survey_problems);
      return out;
    }
    problems.clear();
    // 3. Last cycle, from the validated chain (previous_run.h); a refused
    // earlier scores.json is a warning of this agency.
    std::optional<PreviousScores> previous;
    if (opt.chain) {
      previous = PreviousScoresOf(*opt.chain, e.id, res.instrument);
      if (auto it = opt.chain->problems_of.find(e.id); it != opt.chain->problems_of.end())
        survey.problems.insert(survey.problems.end(), it->second.begin(), it->second.end());
    }
    // 4. Score.
    StageScope score_timer(Stage::kScore);
    out.scores = ScoreAgency(survey, reviewers, consensus ? &*consensus : nullptr, res.instrument,
                             previous ? &*previous : nullptr, &res.consistency);
    out.info.id = e.id;
    out.info.name = e.name;
    out.info.type = e.type;
    if (auto d = ParseDateText(e.survey_date)) out.info.survey_date = d->date;
    out.info.record_date = survey.record_date;
    out.ok = true;
  } catch (const InputError& err) {
    problems.push_back(err.problem());
  } catch (const std::exception& err) {
    problems.push_back(Error("internal", e.id, std::string("処理中に予期しない失敗: ") + err.what()));
  }
  return out;
}

AgencyOutcome RenderEntry(ScoredAgency scored, const Manifest& m, const AgencyEntry& e, const CycleResources& res,
                          const ProcessOptions& opt, const report::RegionFigures& region) {
  double cpu0 = CpuMs();
  AgencyOutcome o;
  o.id = e.id;
  o.name = e.name;
  o.type = e.type;
  if (!scored.ok) {
    o.problems = std::move(scored.problems);
    return o;
  }
  AgencyScores& scores = scored.scores;
  try {
    report::History history = opt.chain ? HistoryOf(*opt.chain, e.id) : report::History{};
    // 5. Render (a character the font lacks adds a warning to the scores' problems).
    if (opt.render_pdf) {
      StageScope render_timer(Stage::kRender);
      report::ReportModel model = report::BuildReportModel(scores, scored.info, res.instrument, m.cycle,
                                                           res.recommendations, e.terms, history, region);
      report::RenderedReport rendered = report::RenderReport(model, res.report_template, *res.fonts);
      scores.problems.insert(scores.problems.end(), rendered.problems.begin(), rendered.problems.end());
      std::string pdf = std::move(rendered.pdf);
      if (opt.seal) {
        o.report_password = NewPassword();
        pdf = SealPdf(pdf, o.report_password);
      }
      o.files["report.pdf"] = std::move(pdf);
      // The agency's editable action plan and the coordinator's sheet (engineer A, issue 17 §4–5).
      o.files["action_plan.xlsx"] = report::ActionPlanXlsx(model, res.report_template);
      model.coordinator.problems = scores.problems;
      o.files["review_notes.txt"] = report::ReviewNotesText(model, res.report_template);
    }
    o.scores = ScoresToJson(scores, scored.info);
    o.scores.set("history", report::HistoryToJson(history));
    o.files["scores.json"] = o.scores.Dump();
    o.problems = scores.problems;
    o.files["problems.txt"] = ProblemsText(e, o.problems);
    o.ok = true;
  } catch (const InputError& err) {
    o.problems.push_back(err.problem());
    o.ok = false;
  } catch (const std::exception& err) {
    o.problems.push_back(Error("internal", e.id, std::string("処理中に予期しない失敗: ") + err.what()));
    o.ok = false;
  }
  if (!o.ok) {
    o.files.clear();
    o.scores = Json();
  }
  o.cpu_ms = CpuMs() - cpu0;
  CountStageAgency();
  return o;
}

AgencyOutcome ProcessAgency(const Manifest& m, const AgencyEntry& e, const CycleResources& res,
                            const ProcessOptions& opt) {
  return RenderEntry(ScoreEntry(m, e, res, opt), m, e, res, opt, report::RegionFigures{});
}

}  // namespace fidelity
