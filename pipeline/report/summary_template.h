// The summary template (templates/summary.yaml): the wording, colours,
// sizes and thresholds of summary.pdf, summary.csv and summary.xlsx. The
// writers only look keys up; loading checks that every key they ask for
// is there, so a template error is found before a cycle runs.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "pipeline/pdf/pdf_doc.h"

namespace fidelity::report {

struct SummaryTemplate {
  std::string origin;
  std::map<std::string, int> thresholds;         // region_minimum, weak_median, weakest_count
  std::map<std::string, double> sizes;           // title, heading, body, table, small
  std::map<std::string, pdf::Color> colours;
  std::map<std::string, pdf::Color> bands;       // band key -> colour
  std::map<std::string, std::string> document;   // title, author, subject, page_number
  std::map<std::string, std::string> text;       // every sentence and heading
  std::map<std::string, std::string> csv;        // fixed column headers, the range form
  std::map<std::string, std::string> status;     // scored / provisional / failed

  // Lookups of keys parsing guaranteed (std::out_of_range otherwise).
  const std::string& Text(const std::string& key) const { return text.at(key); }
  const std::string& Csv(const std::string& key) const { return csv.at(key); }
  const std::string& Status(const std::string& key) const { return status.at(key); }
  pdf::Color Colour(const std::string& key) const { return colours.at(key); }
  double Size(const std::string& key) const { return sizes.at(key); }
  int Threshold(const std::string& key) const { return thresholds.at(key); }
  pdf::Color Band(const std::string& key) const;  // grey for an unknown key
};

// Parses the YAML text. Throws InputError("template.*", "<origin>:<line>", …)
// for a missing or unknown key, a malformed colour, a non-number size.
SummaryTemplate ParseSummaryTemplate(std::string_view yaml, const std::string& origin);
// DataDir()/templates/summary.yaml
SummaryTemplate LoadDefaultSummaryTemplate();

}  // namespace fidelity::report
