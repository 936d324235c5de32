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

namespace {

// `person:` — a pseudonym that must be usable as a file name part.
void ReadPerson(const YAML::Node& value, const std::string& at, Check& c, Problems& ps) {
  std::string p = value.IsScalar() ? Trim(value.Scalar()) : "";
  if (IsBlank(value) || p.empty()) {
    ps.push_back(Error(Code("missing_person"), at, "person（本人の仮名）が空です"));
  } else if (!IsSafePerson(p)) {
    ps.push_back(Error(Code("bad_person"), at,
                       "person「" + p + "」はファイル名に使えない文字を含みます（空白や / \\ : * ? \" < > | と、先頭の . = + - @ は使えません。64バイトまで）"));
  } else {
    c.person = p;
  }
}

// `date:` — a Western-calendar date.
void ReadDate(const YAML::Node& value, const std::string& at, Check& c, Problems& ps) {
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
}

// `rater:` — optional text.
void ReadRater(const YAML::Node& value, const std::string& at, Check& c, Problems& ps) {
  if (IsBlank(value)) return;
  if (value.IsScalar()) c.rater = Trim(value.Scalar());
  else ps.push_back(Error(Code("bad_rater"), at, "rater（評価者）は文字列で書いてください"));
}

// `previous:` — optional file name of the previous check.
void ReadPrevious(const YAML::Node& value, const std::string& at, Check& c, Problems& ps) {
  if (IsBlank(value)) return;
  if (value.IsScalar() && !Trim(value.Scalar()).empty()) {
    c.previous = Trim(value.Scalar());
    c.previous_where = at;
  } else {
    ps.push_back(Error(Code("bad_previous"), at, "previous は前回のチェックのファイル名にしてください"));
  }
}

// `ratings:` — item code -> integer in the checklist's scale; blank means unrated.
void ReadRatings(const YAML::Node& value, const std::string& at, const std::string& file,
                 const Checklist& checklist, Check& c, Problems& ps) {
  if (IsBlank(value)) return;  // `ratings:` with nothing: all unrated
  if (!value.IsMap()) {
    ps.push_back(Error(Code("bad_ratings"), at, "ratings は「項目コード: 評価」のマップで書いてください"));
    return;
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
}

void ReportUnknownKey(const std::string& k, const std::string& at, Problems& ps) {
  std::string near = NearestKey(k, {"person", "date", "rater", "ratings", "previous"});
  ps.push_back(Error(Code("unknown_key"), at,
                     "不明なキー「" + Excerpt(k) + "」です（" +
                         (near.empty() ? std::string("person, date, rater, ratings, previous のいずれか")
                                       : near + " のことですか？") +
                         "）"));
}

// Which top-level keys were seen (even when their values were bad).
struct SeenKeys {
  bool person = false, date = false, ratings = false;
};

// Problems about the file as a whole: missing keys, no rater, nothing rated.
void AddWholeFileProblems(const std::string& file, const SeenKeys& seen, const Check& c, Problems& ps) {
  const std::string top = file + ":1";
  if (!seen.person) ps.push_back(Error(Code("missing_person"), top, "person（本人の仮名）がありません"));
  if (!seen.date) ps.push_back(Error(Code("missing_date"), top, "date（チェックの日付）がありません"));
  if (!seen.ratings) ps.push_back(Error(Code("missing_ratings"), top, "ratings（評価）がありません"));
  if (c.rater.empty()) ps.push_back(Warning(Code("missing_rater"), top, "rater（評価者）が書かれていません"));
  if (seen.ratings && c.ratings.empty() && !HasError(ps))
    ps.push_back(Warning(Code("no_ratings"), top, "評価された項目がありません（全領域が空になります）"));
}

}  // namespace

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
  SeenKeys seen;
  for (auto it = root.begin(); it != root.end(); ++it) {
    const YAML::Node key = it->first;  // a copy: yaml-cpp iterators yield temporaries
    const YAML::Node value = it->second;
    const std::string k = key.IsScalar() ? key.Scalar() : "";
    const std::string at = Where(file, key);
    if (k == "person") {
      seen.person = true;
      ReadPerson(value, at, c, ps);
    } else if (k == "date") {
      seen.date = true;
      ReadDate(value, at, c, ps);
    } else if (k == "rater") {
      ReadRater(value, at, c, ps);
    } else if (k == "previous") {
      ReadPrevious(value, at, c, ps);
    } else if (k == "ratings") {
      seen.ratings = true;
      ReadRatings(value, at, file, checklist, c, ps);
    } else {
      ReportUnknownKey(k, at, ps);
    }
  }
  AddWholeFileProblems(file, seen, c, ps);
  if (!HasError(ps)) out.check = std::move(c);
  return out;
}

}  // namespace fidelity::retention
