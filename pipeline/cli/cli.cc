#include "pipeline/cli/cli.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/batch/agency.h"
#include "pipeline/batch/cohort_run.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/batch/resources.h"
#include "pipeline/batch/runner.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/convert.h"
#include "pipeline/cli/init.h"
#include "pipeline/core/escape.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/safe_file.h"

namespace fidelity {
namespace {

const char* kUsage =
    "fidelity — IPSフィデリティ調査のフィードバック作成\n"
    "\n"
    "使い方:\n"
    "  fidelity run CYCLE [-o OUT] [-j N] [--only ID…] [--quiet] [--seal]\n"
    "      cycle.yaml（または それを含むフォルダ）の全機関を採点し、OUT/<id>/ に\n"
    "      report.pdf・scores.json・problems.txt、OUT/ に summary.csv・summary.pdf・run.json を書く\n"
    "  fidelity check WORKBOOK… [--password-file F]   事前調査票の点検（エラーがあれば終了コード 1）\n"
    "  fidelity blank -o FILE.xlsx                     空の事前調査票を作る\n"
    "  fidelity blank --reviewer -o FILE.xlsx          評価者の評価シート（Excel）を作る\n"
    "  fidelity init FOLDER [--update]                 機関のフォルダから cycle.yaml を作る\n"
    "  fidelity convert REVIEW.yaml [-o REVIEW.xlsx]   評価者の YAML を記入済みの評価シートにする\n"
    "  fidelity sample WORKBOOK --seed N [--json] [--password-file F]\n"
    "                                                  記録グループ A/B/C と 3/4/3 ケースの抽出\n"
    "  fidelity retention FILE… -o OUT                 定着状況評価チェックシートのレーダーチャート\n"
    "  fidelity --version | COMMAND --help\n"
    "\n"
    "終了コード: 0 すべて成功（注意あり可）, 1 失敗した機関がある・点検でエラー, 2 使い方や設定の誤り\n";

// A small argument scanner: flags with values, repeatable positionals.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;
  std::vector<std::string> flags;
  std::string error;

  bool has(const std::string& f) const {
    for (const auto& x : flags)
      if (x == f) return true;
    return false;
  }
  std::optional<std::string> value(const std::string& k) const {
    auto it = values.find(k);
    if (it == values.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
  }
};

// `with_value`: options that take a value; `multi`: options that take every
// following non-option word (--only a b c).
Args Scan(int argc, char** argv, int start, const std::vector<std::string>& with_value,
          const std::vector<std::string>& bool_flags, const std::vector<std::string>& multi = {}) {
  Args a;
  auto in = [](const std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
      if (x == s) return true;
    return false;
  };
  for (int i = start; i < argc; ++i) {
    std::string s = argv[i];
    std::string key = s, val;
    bool inline_val = false;
    if (s.rfind("--", 0) == 0 && s.find('=') != std::string::npos) {
      key = s.substr(0, s.find('='));
      val = s.substr(s.find('=') + 1);
      inline_val = true;
    }
    if (in(with_value, key)) {
      if (!inline_val) {
        if (i + 1 >= argc) {
          a.error = key + " には値が必要です";
          return a;
        }
        val = argv[++i];
      }
      a.values[key].push_back(val);
    } else if (in(multi, key)) {
      if (inline_val) a.values[key].push_back(val);
      while (i + 1 < argc && argv[i + 1][0] != '-') a.values[key].push_back(argv[++i]);
      if (a.values[key].empty()) {
        a.error = key + " には値が必要です";
        return a;
      }
    } else if (in(bool_flags, key)) {
      a.flags.push_back(key);
    } else if (s.size() > 1 && s[0] == '-') {
      a.error = "知らないオプションです: " + s;
      return a;
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

int Usage(const std::string& msg) {
  std::fprintf(stderr, "fidelity: %s\n(fidelity --help で使い方を表示)\n", EscapeControls(msg, 300).c_str());
  return 2;
}

bool WantsHelp(int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
  return false;
}

int CmdRun(int argc, char** argv) {
  Args a = Scan(argc, argv, 2, {"-o", "--out", "-j", "--jobs"}, {"--quiet", "-q", "--seal", "--allow-outside-paths"}, {"--only"});
  if (!a.error.empty()) return Usage(a.error);
  if (a.positional.size() != 1) return Usage("run には CYCLE（cycle.yaml かそのフォルダ）を1つ指定してください");
  RunOptions opt;
  std::filesystem::path cycle = a.positional[0];
  if (auto o = a.value("-o") ? a.value("-o") : a.value("--out")) opt.out = *o;
  else opt.out = (std::filesystem::is_directory(cycle) ? cycle : cycle.parent_path()) / "out";
  if (auto j = a.value("-j") ? a.value("-j") : a.value("--jobs")) {
    char* end = nullptr;
    long n = std::strtol(j->c_str(), &end, 10);
    if (!end || *end || n < 1 || n > 256) return Usage("-j には 1〜256 の数を指定してください");
    opt.jobs = static_cast<int>(n);
  }
  if (a.values.count("--only")) opt.only = a.values["--only"];
  opt.quiet = a.has("--quiet") || a.has("-q");
  opt.progress = !opt.quiet && isatty(STDOUT_FILENO);
  opt.seal = a.has("--seal");

  Manifest m;
  std::shared_ptr<const CycleResources> res;
  try {
    res = LoadCycleResources();
    ManifestOptions mopt;
    mopt.allow_outside_paths = a.has("--allow-outside-paths");
    for (const auto& l : res->instrument.limits) mopt.agency_types.push_back(l.agency_type);
    m = LoadManifest(cycle, mopt);
    for (const Problem& n : m.notes) std::fprintf(stderr, "fidelity: %s\n", FormatProblem(n).c_str());
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return 2;
  }
  ProcessOptions popt;
  popt.seal = opt.seal;
  popt.previous_cycle = PreviousCycleName(m);
  // Two phases (cohort_run.h): every agency scored, then each rendered with the region's figures.
  PreviousChain chain;
  if (m.previous) {
    chain = ReadPreviousChain(*m.previous, res->instrument, kMaxPreviousCycles, opt.out);
    for (const Problem& p : chain.problems) std::fprintf(stderr, "fidelity: %s\n", FormatProblem(p).c_str());
    if (HasError(chain.problems)) return 2;
  }
  std::unique_ptr<CyclePlan> plan;
  int jobs = opt.jobs > 0 ? opt.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  opt.prepare = [&](const std::vector<const AgencyEntry*>& todo) {
    plan = ScoreCycle(m, todo, *res, popt, std::move(chain), jobs);
  };
  opt.summaries = [&](const std::vector<AgencyFinal>& finals) {
    std::vector<FinalStatus> st;
    for (const auto& f : finals) st.push_back({f.id, f.ok, f.problems});
    return SummaryFiles(*plan, st, *res);
  };
  auto process = [&](const AgencyEntry& e) { return RenderAgency(*plan, m, e, *res, popt); };
  try {
    return RunCycle(m, opt, process, std::cout, std::cerr);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
    return 2;
  }
}

}  // namespace

namespace {

int RunCommand(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string cmd = argv[1];
  if (cmd == "--version" || cmd == "-V") {
    std::printf("fidelity %s\n", FIDELITY_VERSION);
    return 0;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  static const std::map<std::string, const char*> help = {
      {"run", "fidelity run CYCLE [-o OUT] [-j N] [--only ID…] [--quiet] [--seal] [--allow-outside-paths]\n"
              "  CYCLE: cycle.yaml またはそのフォルダ。OUT の既定は CYCLE/out。\n"
              "  -j N: 同時に処理する機関数（既定: CPU数）。--only: 指定した id だけ処理する。このとき\n"
              "  run.json・summary.csv・summary.pdf はその機関だけの内容になる（全機関の一覧は --only なしで）。\n"
              "  OUT は空か fidelity の出力フォルダであること（入力のあるフォルダは使えない）。\n"
              "  Ctrl-C で中断すると、完成した機関のフォルダは残し、summary は削除する（終了コード 130）。\n"
              "  --quiet: 進捗表示を出さない。--seal: report.pdf を機関ごとのパスワードで暗号化し、\n"
              "  パスワードを OUT/passwords.csv（権限 0600）に書く。\n"
              "  --allow-outside-paths: cycle.yaml のフォルダの外（絶対パス・「..」・外へのリンク）にある\n"
              "  入力ファイルを読むことを許す（既定では読まずに終了コード 2）。\n"},
      {"check", "fidelity check WORKBOOK… [--password-file F]\n"
                "  事前調査票を点検し、問題をシートごとにセル番地つきで表示する。\n"
                "  エラーがあれば終了コード 1。パスワードはファイルから読む（コマンドラインには書かない）。\n"},
      {"blank", "fidelity blank -o FILE.xlsx [--force]\n  機関に送る空の事前調査票（記入方法・入力欄の色・選択肢つき）を作る。\n"
                "  既にあるファイルは上書きしない（--force のときだけ上書き）。\n"
                "fidelity blank --reviewer -o FILE.xlsx [--force]\n"
                "  評価者が記入する評価シート（項目ごとのアンカー・得点とチェックの選択肢・根拠欄・GOI・\n"
                "  ストレングスと課題）を作る。fidelity run は YAML と同じように読む。既にあるファイルは --force でだけ上書き。\n"},
      {"init", "fidelity init FOLDER [--update]\n"
               "  FOLDER の機関ごとのフォルダ（事前調査票・評価シート・合議.*）から FOLDER/cycle.yaml を作る。\n"
               "  機関名と記載日は事前調査票から読む。type と survey_date は「未記入」で書くので埋めてから run する。\n"
               "  既にある cycle.yaml は上書きしない。--update: 新しい機関のフォルダだけを追記する。\n"},
      {"convert", "fidelity convert REVIEW.yaml [-o REVIEW.xlsx] [--force]\n"
                  "  評価者（または合議）の YAML ファイルを記入済みの評価シート（Excel）にする。\n"
                  "  書いたシートを読み直し、採点に使う内容が YAML と同じことを確かめる。\n"},
      {"sample", "fidelity sample WORKBOOK --seed N [--json] [--password-file F]\n"
                 "  調査票4 の各利用者の記録グループ（A/B/C）と、A 3件・B 4件・C 3件の再現できる抽出。\n"},
      {"retention", "fidelity retention FILE… -o OUT\n"
                    "  定着状況評価チェックシート（YAML）ごとに1ページのPDFと OUT/retention.csv を書く。\n"},
  };
  auto h = help.find(cmd);
  if (h == help.end()) return Usage("知らないコマンドです: " + cmd);
  if (WantsHelp(argc, argv)) {
    std::fputs(h->second, stdout);
    return 0;
  }
  if (cmd == "run") return CmdRun(argc, argv);
  if (cmd == "check") {
    Args a = Scan(argc, argv, 2, {"--password-file"}, {});
    if (!a.error.empty()) return Usage(a.error);
    if (a.positional.empty()) return Usage("check には WORKBOOK を1つ以上指定してください");
    return CmdCheck(a.positional, a.value("--password-file"));
  }
  if (cmd == "blank") {
    Args a = Scan(argc, argv, 2, {"-o", "--out"}, {"--reviewer", "--force"});
    if (!a.error.empty()) return Usage(a.error);
    auto o = a.value("-o") ? a.value("-o") : a.value("--out");
    if (!o || !a.positional.empty()) return Usage("blank には -o FILE.xlsx を指定してください");
    if (a.has("--reviewer")) return CmdBlankReviewer(*o, a.has("--force"));
    return CmdBlank(*o, a.has("--force"));
  }
  if (cmd == "init") {
    Args a = Scan(argc, argv, 2, {}, {"--update"});
    if (!a.error.empty()) return Usage(a.error);
    if (a.positional.size() != 1) return Usage("init には FOLDER（機関ごとのフォルダを含むフォルダ）を1つ指定してください");
    return CmdInit(a.positional[0], a.has("--update"));
  }
  if (cmd == "convert") {
    Args a = Scan(argc, argv, 2, {"-o", "--out"}, {"--force"});
    if (!a.error.empty()) return Usage(a.error);
    if (a.positional.size() != 1) return Usage("convert には REVIEW.yaml を1つ指定してください");
    auto o = a.value("-o") ? a.value("-o") : a.value("--out");
    return CmdConvert(a.positional[0], o ? std::optional<std::filesystem::path>(*o) : std::nullopt, a.has("--force"));
  }
  if (cmd == "sample") {
    Args a = Scan(argc, argv, 2, {"--seed", "--password-file"}, {"--json"});
    if (!a.error.empty()) return Usage(a.error);
    if (a.positional.size() != 1) return Usage("sample には WORKBOOK を1つ指定してください");
    auto seed = a.value("--seed");
    if (!seed) return Usage("sample には --seed N を指定してください");
    char* end = nullptr;
    unsigned long long s = std::strtoull(seed->c_str(), &end, 10);
    if (!end || *end || seed->empty() || !std::isdigit(static_cast<unsigned char>((*seed)[0])))  // strtoull takes "-3"
      return Usage("--seed には 0 以上の整数を指定してください");
    return CmdSample(a.positional[0], s, a.has("--json"), a.value("--password-file"));
  }
  if (cmd == "retention") {
    Args a = Scan(argc, argv, 2, {"-o", "--out"}, {});
    if (!a.error.empty()) return Usage(a.error);
    auto o = a.value("-o") ? a.value("-o") : a.value("--out");
    if (!o || a.positional.empty()) return Usage("retention には FILE… と -o OUT を指定してください");
    return CmdRetention(a.positional, *o);
  }
  return Usage("知らないコマンドです: " + cmd);
}

}  // namespace

// The edge of every command: what escapes a command (a file-system error on
// a symlink loop or a name over 255 bytes, memory) is said in Japanese.
int RunCli(int argc, char** argv) {
  try {
    return RunCommand(argc, argv);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s\n", FormatProblem(e.problem()).c_str());
  } catch (const std::filesystem::filesystem_error& e) {
    std::fprintf(stderr, "fidelity: %s\n", EscapeControls(FsErrorText(e)).c_str());
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "fidelity: メモリが足りません\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fidelity: 予期しない失敗です（%s）\n", EscapeControls(e.what(), 300).c_str());
  }
  return 2;
}

}  // namespace fidelity
