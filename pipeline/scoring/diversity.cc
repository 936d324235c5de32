#include "pipeline/scoring/diversity.h"

#include <algorithm>
#include <map>
#include <set>

#include "pipeline/core/text.h"

namespace fidelity {
namespace {

const Rational kHundred(100);

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool IsBracketOrSpace(char32_t c) {
  static const std::u32string kDrop = U"()[]{}<>「」『』【】〔〕〈〉《》［］｛｝＜＞ 　\t";
  return kDrop.find(c) != std::u32string::npos || c == 0x3000;
}

size_t Length(const std::string& utf8) { return Utf8ToCodepoints(utf8).size(); }

// Groups of distinct keys where a key of at least 2 characters is contained
// in another; each group as the first row of each key, in sheet order.
std::vector<std::vector<const JobRow*>> NearDuplicates(const std::vector<std::string>& keys,
                                                        const std::map<std::string, const JobRow*>& first_row) {
  std::vector<std::vector<const JobRow*>> out;
  std::set<std::string> used;
  for (const auto& a : keys) {
    if (used.count(a) || Length(a) < 2) continue;
    std::vector<std::string> group{a};
    for (const auto& b : keys)
      if (b != a && !used.count(b) && (b.find(a) != std::string::npos || (Length(b) >= 2 && a.find(b) != std::string::npos)))
        group.push_back(b);
    if (group.size() < 2) continue;
    std::vector<const JobRow*> rows;
    for (const auto& k : group) {
      used.insert(k);
      rows.push_back(first_row.at(k));
    }
    std::sort(rows.begin(), rows.end(), [](const JobRow* x, const JobRow* y) { return x->row < y->row; });
    out.push_back(std::move(rows));
  }
  return out;
}

Problem NearDuplicateHint(const Item& item, const std::vector<const JobRow*>& rows, bool employers) {
  std::string list;
  for (const JobRow* j : rows) {
    const std::string& where = employers ? j->company_where : j->job_type_where;
    list += (list.empty() ? "" : "、") + std::string("「") + (employers ? j->company : j->job_type) + "」（" +
            where.substr(where.find('!') == std::string::npos ? 0 : where.find('!') + 1) + "）";
  }
  const std::string what = employers ? "企業" : "職種";
  Problem p = Warning("scoring.near_duplicate", employers ? rows.front()->company_where : rows.front()->job_type_where,
                      item.code + ": " + list + "は同じ" + what + "かもしれません。自動の数ではすべて別の" + what +
                          "として数えています。評価者が同じと判断したら、" + item.code + " の count に「" +
                          item.reviewer_count + "」を書いてください");
  p.coordinator_only = true;
  return p;
}

}  // namespace

std::string DiversityKey(const std::string& text, const std::vector<std::string>& corporate_forms) {
  std::string s = AsciiUpper(Nfkc(text));
  std::vector<std::string> forms;
  for (const auto& f : corporate_forms) forms.push_back(AsciiUpper(Nfkc(f)));
  std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& f : forms) {
    if (f.empty()) continue;
    for (size_t at = s.find(f); at != std::string::npos; at = s.find(f, at)) s.erase(at, f.size());
  }
  std::string out;
  for (char32_t c : Utf8ToCodepoints(s))
    if (!IsBracketOrSpace(c)) AppendUtf8(out, c);
  return out;
}

DiversityCount CountDiversity(const Survey& s, const Instrument& ins, bool employers) {
  DiversityCount d;
  d.rows = static_cast<int>(s.jobs.size());
  std::set<std::string> self;
  for (const auto& e : ins.self_employed) self.insert(NormalizeKey(e));
  static const std::vector<std::string> kNone;
  const std::vector<std::string>& forms = employers ? ins.corporate_forms : kNone;
  std::map<std::string, const JobRow*> first_row;
  std::vector<std::string> keys;  // distinct, in sheet order
  for (const auto& j : s.jobs) {
    if (employers && self.count(NormalizeKey(j.employment_type))) continue;
    ++d.counted;
    std::string key = DiversityKey(employers ? j.company : j.job_type, forms);
    if (key.empty() || first_row.count(key)) continue;
    first_row[key] = &j;
    keys.push_back(key);
  }
  d.distinct = static_cast<int>(keys.size());
  d.near_duplicates = NearDuplicates(keys, first_row);
  return d;
}

Computed ScoreDiversity(const Item& item, const Survey& s, const Instrument& ins, bool employers,
                        std::optional<int> reviewer_count) {
  DiversityCount d = CountDiversity(s, ins, employers);
  Computed c;
  if (!reviewer_count)
    for (const auto& rows : d.near_duplicates) c.problems.push_back(NearDuplicateHint(item, rows, employers));
  const int distinct = reviewer_count ? *reviewer_count : d.distinct;
  if (d.counted > 0) c.value = Rational(distinct) * kHundred / Rational(d.counted);
  if (Rational(d.rows) < item.params.at("min_rows")) {
    c.score = ins.score_min;  // the rule, not a problem
    return c;
  }
  if (d.counted == 0) {
    c.score = ins.score_min;
    c.problems.push_back(Warning("scoring.all_self_employed", s.file,
                                 item.code + ": 調査票2の就労先がすべて自営のため" + std::to_string(ins.score_min) +
                                     "点としました"));
    return c;
  }
  c.score = item.bands.Lookup(*c.value);
  return c;
}

}  // namespace fidelity
