// The report template (templates/report.yaml): section order, headings,
// fixed wording, colours, band colours, the institutional-limits notes.
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
  std::string key;      // cover, summary, score_sheet, charts, goi, strengths, challenges,
                        // rationale, changes, limits, problems
  std::string heading;  // may be empty for cover
  bool new_page = false;
  std::map<std::string, std::string> text;  // fixed wording of the section
};

struct LimitsNote {
  std::vector<std::string> items;  // item codes the note is about
  std::string text;
};

struct ReportTemplate {
  std::string origin;  // file name, for messages
  std::map<std::string, std::string> document;  // title, author, subject, creator, page_number, provisional_mark
  std::map<std::string, double> sizes;          // title, heading, body, table, small
  std::map<std::string, Color> colours;
  std::map<std::string, Color> bands;           // band key -> colour
  std::map<std::string, std::string> sources;   // item source -> label
  std::map<std::string, LimitsNote> limits;     // agency type -> note
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
