#include "pipeline/retention/retention_csv.h"

namespace fidelity::retention {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string RetentionCsv(const Checklist& checklist, const std::vector<CsvRow>& rows) {
  std::string out = "\xEF\xBB\xBF" "person,date";
  for (const auto& d : checklist.domains) out += "," + CsvField(d.code);
  out += "\r\n";
  for (const auto& row : rows) {
    out += CsvField(row.person) + "," + row.date.Iso();
    for (const auto& s : row.scores) out += "," + (s.score ? FormatScaled(*s.score) : std::string());
    out += "\r\n";
  }
  return out;
}

}  // namespace fidelity::retention
