#include "pipeline/report/review_notes.h"

#include <cstdio>

namespace fidelity::report {
namespace {

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
  return buf;
}

std::string Scores(const ReviewerItem& it) {
  std::string s;
  for (const auto& [name, score] : it.reviewers)
    s += (s.empty() ? "" : "、") + name + " " + std::to_string(score);
  return s;
}

std::string ItemHead(const ReviewerItem& it) {
  return it.code + " " + it.name + ": " + (it.score ? std::to_string(*it.score) : "―");
}

void Section(std::string& out, const std::string& title, const std::vector<std::string>& lines,
             const std::string& none) {
  out += "\n■ " + title + "\n";
  if (lines.empty()) out += "  " + none + "\n";
  for (const std::string& l : lines) out += "  " + l + "\n";
}

}  // namespace

std::string ReviewNotesText(const ReportModel& m, const ReportTemplate& tmpl) {
  const auto& t = tmpl.review_notes;
  const CoordinatorNotes& c = m.coordinator;
  std::string out = Fill(t.at("title"), {{"agency", m.agency.name}, {"id", m.agency.id}}) + "\n";
  if (c.agreement_exact && c.agreement_within_one)
    out += Fill(t.at("agreement"), {{"items", std::to_string(c.agreement_items)},
                                    {"exact", Percent(*c.agreement_exact)},
                                    {"within", Percent(*c.agreement_within_one)}}) + "\n";
  else
    out += t.at("no_agreement") + "\n";
  std::vector<std::string> flagged, overrides, consensus, items;
  for (const ReviewerItem& it : c.items) {
    std::string scores = Scores(it);
    if (it.flagged) flagged.push_back(ItemHead(it) + "（" + scores + "）");
    if (it.overridden)
      overrides.push_back(ItemHead(it) + "（" + t.at("computed") + " " +
                          (it.computed ? std::to_string(*it.computed) : "―") + "）");
    if (it.consensus) consensus.push_back(ItemHead(it) + "（" + scores + "）");
    std::string line = ItemHead(it);
    if (!scores.empty()) line += "（" + scores + "）";
    for (const std::string& n : it.notes) line += "\n      " + n;
    items.push_back(line);
  }
  Section(out, t.at("disagreements"), flagged, t.at("none"));
  Section(out, t.at("overrides"), overrides, t.at("none"));
  Section(out, t.at("consensus"), consensus, t.at("none"));
  std::vector<std::string> problems;
  for (const Problem& p : c.problems)
    problems.push_back(std::string(p.is_error() ? "[エラー] " : "[注意] ") + p.where + ": " + p.message);
  Section(out, Fill(t.at("problems"), {{"count", std::to_string(c.problems.size())}}), problems,
          t.at("none"));
  Section(out, t.at("items"), items, t.at("none"));
  return out;
}

}  // namespace fidelity::report
