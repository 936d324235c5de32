#include "pipeline/retention/check.h"

#include <string>

#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"
#include "pipeline/retention/yaml_source.h"

namespace fidelity::retention {

namespace {

const char kPrefix[] = "retention";

std::string Code(const char* what) { return std::string(kPrefix) + "." + what; }

std::string CodeKey(std::string_view s) { return NormalizeCode(s); }

}  // namespace

bool IsSafePerson(std::string_view p) {
  if (p.empty() || p.size() > 64 || p.front() == '.') return false;
  // A leading = + - @ would make Excel read the CSV cell as a formula.
  if (std::string_view("=+-@").find(p.front()) != std::string_view::npos) return false;
  for (unsigned char c : p) {
    if (c < 0x20 || c == 0x7f || c == ' ') return false;
    if (std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos) return false;
  }
  // No ideographic space either.
  return std::string_view(p).find("\u3000") == std::string_view::npos;
}

ParsedCheck ParseCheck(std::string_view text, const std::string& file, const Checklist& checklist) {
  ParsedCheck out;
  Problems& ps = out.problems;
  const YAML::Node root = ParseYaml(text, file, kPrefix, ps);
  if (!root.IsDefined()) return out;
  if (!root.IsMap()) {
    ps.push_back(Error(Code("not_a_map"), Where(file, root),
                       "チェックのファイルは person・date・ratings などのマップで書いてください"));
    return out;
  }
  FindDuplicateKeys(root, file, kPrefix, ps);

  Check c;
  c.file = file;
  bool have_person = false, have_date = false, have_ratings = false;
  for (auto it = root.begin(); it != root.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: yaml-cpp iterators yield temporaries
    const YAML::Node value = it->second;
    const std::string k = key.IsScalar() ? key.Scalar() : "";
    const std::string at = Where(file, key);
    if (k == "person") {
      have_person = true;
      std::string p = value.IsScalar() ? Trim(value.Scalar()) : "";
      if (IsBlank(value) || p.empty()) {
        ps.push_back(Error(Code("missing_person"), at, "person（本人の仮名）が空です"));
      } else if (!IsSafePerson(p)) {
        ps.push_back(Error(Code("bad_person"), at,
                           "person「" + p + "」はファイル名に使えない文字を含みます（空白や / \\ : * ? \" < > | と、先頭の . = + - @ は使えません。64バイトまで）"));
      } else {
        c.person = p;
      }
    } else if (k == "date") {
      have_date = true;
      std::optional<ParsedDate> d;
      if (value.IsScalar()) d = ParseDateText(Trim(Nfkc(value.Scalar())));
      if (IsBlank(value)) {
        ps.push_back(Error(Code("missing_date"), at, "date（チェックの日付）が空です"));
      } else if (!d || d->form == DateForm::kWareki) {
        ps.push_back(Error(Code("bad_date"), at,
                           "date「" + (value.IsScalar() ? value.Scalar() : std::string("?")) +
                               "」は日付として読めません（例: 2026-10-01）"));
      } else {
        c.date = d->date;
      }
    } else if (k == "rater") {
      if (!IsBlank(value)) {
        if (value.IsScalar()) c.rater = Trim(value.Scalar());
        else ps.push_back(Error(Code("bad_rater"), at, "rater（評価者）は文字列で書いてください"));
      }
    } else if (k == "previous") {
      if (!IsBlank(value)) {
        if (value.IsScalar() && !Trim(value.Scalar()).empty()) {
          c.previous = Trim(value.Scalar());
          c.previous_where = at;
        } else {
          ps.push_back(Error(Code("bad_previous"), at, "previous は前回のチェックのファイル名にしてください"));
        }
      }
    } else if (k == "ratings") {
      have_ratings = true;
      if (IsBlank(value)) continue;  // `ratings:` with nothing: all unrated
      if (!value.IsMap()) {
        ps.push_back(Error(Code("bad_ratings"), at, "ratings は「項目コード: 評価」のマップで書いてください"));
        continue;
      }
      FindDuplicateKeys(value, file, kPrefix, ps, &CodeKey);
      const std::string range =
          std::to_string(checklist.scale_min) + "〜" + std::to_string(checklist.scale_max);
      for (auto r = value.begin(); r != value.end(); ++r) {
        const std::string rat = Where(file, r->first);
        const std::string code = r->first.IsScalar() ? r->first.Scalar() : "?";
        const ItemRef* ref = r->first.IsScalar() ? checklist.Find(code) : nullptr;
        if (!ref) {
          ps.push_back(Error(Code("unknown_item"), rat,
                             "項目コード「" + code + "」は" + checklist.title + "にありません"));
          continue;
        }
        const std::string& canonical = checklist.item(*ref).code;
        if (IsBlank(r->second)) continue;  // left blank: unrated
        auto v = PlainInteger(r->second);
        if (!v) {
          std::string shown = r->second.IsScalar() ? r->second.Scalar() : "?";
          ps.push_back(Error(Code("not_integer"), rat,
                             canonical + " の評価「" + shown + "」は整数ではありません（" + range + "の整数）"));
        } else if (*v < checklist.scale_min || *v > checklist.scale_max) {
          ps.push_back(Error(Code("out_of_range"), rat,
                             canonical + " の評価 " + std::to_string(*v) + " は範囲外です（" + range + "の整数）"));
        } else {
          c.ratings.emplace(canonical, static_cast<int>(*v));  // first wins; duplicates are errors anyway
        }
      }
    } else {
      std::string near = NearestKey(k, {"person", "date", "rater", "ratings", "previous"});
      ps.push_back(Error(Code("unknown_key"), at,
                         "不明なキー「" + Excerpt(k) + "」です（" +
                             (near.empty() ? std::string("person, date, rater, ratings, previous のいずれか")
                                           : near + " のことですか？") +
                             "）"));
    }
  }
  const std::string top = file + ":1";
  if (!have_person) ps.push_back(Error(Code("missing_person"), top, "person（本人の仮名）がありません"));
  if (!have_date) ps.push_back(Error(Code("missing_date"), top, "date（チェックの日付）がありません"));
  if (!have_ratings) ps.push_back(Error(Code("missing_ratings"), top, "ratings（評価）がありません"));
  if (c.rater.empty()) ps.push_back(Warning(Code("missing_rater"), top, "rater（評価者）が書かれていません"));
  if (have_ratings && c.ratings.empty() && !HasError(ps))
    ps.push_back(Warning(Code("no_ratings"), top, "評価された項目がありません（全領域が空になります）"));
  if (!HasError(ps)) out.check = std::move(c);
  return out;
}

}  // namespace fidelity::retention
