// retention.csv: one row per check, for Excel (UTF-8 with BOM, CRLF).
//
//   person,date,I,II,III,IV,V,VI
//   P-0123,2026-10-01,4.0,2.3,4.3,5.0,4.0,5.0
//
// Domain columns follow the checklist; a score has the checklist's
// decimals ("4.0"), an empty domain an empty field. Fields holding , " or
// a line break are quoted (RFC 4180).
#pragma once
#include <string>
#include <vector>

#include "pipeline/retention/check.h"
#include "pipeline/retention/checklist.h"
#include "pipeline/retention/domain_score.h"

namespace fidelity::retention {

struct CsvRow {
  std::string person;
  Date date;
  std::vector<DomainScore> scores;  // in checklist order
};

std::string RetentionCsv(const Checklist& checklist, const std::vector<CsvRow>& rows);

// One CSV field, quoted when needed.
std::string CsvField(const std::string& s);

}  // namespace fidelity::retention
