// The report template (templates/report.yaml): section order, headings,
// fixed wording, colours, band colours, and the wording of action_plan.xlsx
// and of the coordinator's review_notes.txt. (The institutional-limits note
// has one version: config/jips25.yaml institutional_limits.)
// Data, not code: the renderer only looks keys up.
//
// Parsing checks everything the renderer will ask for, so a template error
// is found when the template is loaded (file:line and the missing key),
// never in the middle of a batch.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/pdf/pdf_doc.h"

namespace fidelity::report {

using pdf::Color;


struct SectionTemplate {
  std::string key;      // cover, summary, priorities, strengths, score_sheet, charts, goi,
                        // changes, trend, challenges, rationale, limits, glossary, problems, plan
  std::string heading;  // may be empty for cover
  bool new_page = false;
  std::map<std::string, std::string> text;  // fixed wording of the section
};

struct ReportTemplate {
  std::string origin;  // file name, for messages
  std::map<std::string, std::string> document;  // title, author, subject, creator, page_number, provisional_mark
  std::map<std::string, double> sizes;          // title, heading, body, table, small
  std::map<std::string, Color> colours;
  std::map<std::string, Color> bands;           // band key -> colour
  std::map<std::string, std::string> sources;   // item source -> label
  std::map<std::string, std::string> action_plan;   // action_plan.xlsx wording
  std::map<std::string, std::string> review_notes;  // the coordinator's sheet wording
  std::vector<SectionTemplate> sections;        // in report order

  // Lookups of keys that parsing guaranteed; throw std::out_of_range for
  // keys no template check covers (a programming error).
  const std::string& Doc(const std::string& key) const { return document.at(key); }
  double Size(const std::string& key) const { return sizes.at(key); }
  Color Colour(const std::string& key) const { return colours.at(key); }
  const SectionTemplate* Section(const std::string& key) const;  // nullptr when not in the order
  const std::string& Text(const std::string& section, const std::string& key) const;
};

// Parses the YAML text. Throws InputError("template.*", "<origin>:<line>",
// message) on a syntax error, an unknown section, a malformed colour or a
// missing key.
ReportTemplate ParseReportTemplate(std::string_view yaml, const std::string& origin);
// Reads and parses a file (InputError("io.read", …) when unreadable).
ReportTemplate LoadReportTemplate(const std::filesystem::path& path);
// DataDir()/templates/report.yaml
ReportTemplate LoadDefaultReportTemplate();

// Replaces {name} placeholders: Fill("{a}点", {{"a", "3"}}) == "3点".
std::string Fill(std::string_view pattern,
                 const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace fidelity::report
