#include "pipeline/cli/convert.h"

#include <cstdio>

#include "pipeline/core/fs.h"
#include "pipeline/forms/reviewer_sheet.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/review/load_review.h"
#include "pipeline/review/sheet_layout.h"

namespace fs = std::filesystem;

namespace fidelity {
namespace {

int Ticks(const ReviewerItem& ri, const std::string& key) {
  auto it = ri.checks.find(key);
  return it == ri.checks.end() ? 0 : it->second;
}

std::string ItemDifference(const ReviewerItem& a, const ReviewerItem& b) {
  const std::string& c = a.code;
  if (a.score != b.score) return "項目 " + c + " の得点";
  if (a.note != b.note) return "項目 " + c + " の根拠・メモ";
  if (a.has_checks != b.has_checks) return "項目 " + c + " のチェックの有無";
  if (a.flags != b.flags) return "項目 " + c + " のフラグ";
  if (a.count != b.count) return "項目 " + c + " の数";
  for (const auto* m : {&a.checks, &b.checks})
    for (const auto& [key, n] : *m)
      if (Ticks(a, key) != Ticks(b, key)) return "項目 " + c + " のチェック " + key;
  return "";
}

bool Empty(const ReviewerItem& r) {
  return !r.score && r.note.empty() && !r.has_checks && r.flags.empty() && !r.count;
}

}  // namespace

std::string ScoringDifference(const ReviewerFile& a, const ReviewerFile& b) {
  if (a.reviewer != b.reviewer) return "評価者名";
  for (const auto* x : {&a, &b}) {
    const ReviewerFile* y = x == &a ? &b : &a;
    for (const auto& [code, ri] : x->items) {
      const ReviewerItem* other = y->Find(code);
      if (!other) {
        if (!Empty(ri)) return "項目 " + code;
        continue;
      }
      if (auto d = ItemDifference(ri, *other); !d.empty()) return d;
    }
  }
  if (a.goi != b.goi) return "GOI";
  if (a.strengths != b.strengths) return "ストレングス";
  if (a.challenges != b.challenges) return "課題";
  return "";
}

int CmdConvert(const fs::path& in, const std::optional<fs::path>& out_opt, bool force) {
  fs::path out = out_opt ? *out_opt : fs::path(in).replace_extension(".xlsx");
  if (IsReviewerSheetPath(in)) {
    std::fprintf(stderr, "fidelity: %s は既に評価シート（Excel）です。YAML の評価者ファイルを指定してください\n",
                 in.string().c_str());
    return 2;
  }
  std::error_code ec;
  if (!force && fs::exists(out, ec)) {
    std::fprintf(stderr, "fidelity: %s は既にあります（上書きしません。上書きするには --force）\n", out.string().c_str());
    return 1;
  }
  try {
    Instrument ins = LoadInstrumentFile(DefaultInstrumentPath());
    ReviewerSheetLayout layout = LoadReviewerSheetLayout();
    ReviewerFile yaml = LoadReviewFile(in, ins);
    WriteReviewerSheet(ins, layout, &yaml, out);
    ReviewerFile back = LoadReviewFile(out, ins);
    if (std::string d = ScoringDifference(yaml, back); !d.empty()) {
      fs::remove(out, ec);
      std::fprintf(stderr, "fidelity: %s: 変換した評価シートを読み直すと %s が元の YAML と違います（書いたファイルは消しました）\n",
                   in.string().c_str(), d.c_str());
      return 1;
    }
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s: %s\n", e.problem().where.c_str(), e.problem().message.c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fidelity: %s を書けません（%s）\n", out.string().c_str(), e.what());
    return 1;
  }
  std::printf("%s を %s に変換しました\n", in.string().c_str(), out.string().c_str());
  return 0;
}

int CmdBlankReviewer(const fs::path& out, bool force) {
  std::error_code ec;
  if (!force && fs::exists(out, ec)) {
    std::fprintf(stderr, "fidelity: %s は既にあります（上書きしません。上書きするには --force）\n", out.string().c_str());
    return 1;
  }
  try {
    WriteReviewerSheet(LoadInstrumentFile(DefaultInstrumentPath()), LoadReviewerSheetLayout(), nullptr, out);
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s: %s\n", e.problem().where.c_str(), e.problem().message.c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fidelity: %s を書けません（%s）\n", out.string().c_str(), e.what());
    return 1;
  }
  std::printf("%s（評価シート）を作りました\n", out.string().c_str());
  return 0;
}

}  // namespace fidelity
