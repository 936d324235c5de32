// The cohort summary (SPEC §5.3): one compact row per agency, kept for the
// whole run (everything else is dropped as soon as an agency is written),
// and the summary.csv writer.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/json.h"

namespace fidelity {

struct SummaryRow {
  std::string id, name, type;
  bool ok = false;
  std::string status;  // "ok" / "failed"
  std::string reason;  // first error, for failed rows
  int warnings = 0;
  std::vector<std::optional<int>> items;  // in the order of SummarySpec::item_codes
  // staffing, organization, services: the subtotal, or its range when provisional
  std::vector<std::optional<int>> subtotals;
  std::vector<std::optional<std::pair<int, int>>> subtotal_ranges;
  std::optional<int> total;
  std::optional<std::pair<int, int>> total_range;
  std::string band;  // key, e.g. "fair"; empty when provisional
  bool provisional = false;
  std::optional<int> goi_total;
  std::optional<int> previous_total;
  std::optional<double> exact, within_one;
};

struct SummarySpec {
  std::string cycle;
  std::vector<std::string> item_codes;                 // I-1 … III-14
  std::vector<std::string> subscale_keys{"staffing", "organization", "services"};
  std::map<std::string, std::string> band_labels;      // "fair" -> "一定のフィデリティ"
  std::map<std::string, std::string> item_names;       // "I-1" -> "ケースロード"
};

// Reads what the summary needs out of a scores.json object (SPEC §5.1).
SummaryRow SummaryRowFromScores(const std::string& id, const std::string& name, const std::string& type,
                                const Json& scores, const SummarySpec& spec);

// UTF-8 with BOM, CRLF line ends (what Excel expects), header in Japanese,
// one row per agency in manifest order, failed ones with their status.
std::string SummaryCsv(const std::vector<SummaryRow>& rows, const SummarySpec& spec);

// Quotes a CSV field when needed (RFC 4180).
std::string CsvField(const std::string& s);

}  // namespace fidelity
