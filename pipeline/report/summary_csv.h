// summary.csv (SPEC §5.3, issue 11): one row per agency, UTF-8 with BOM and
// CRLF as Excel expects. The same cells fill the 機関 sheet of
// summary.xlsx (summary_xlsx.h): both come from SummaryAgencyTable.
//
// Nothing in it is read by a spreadsheet as something else: a provisional
// range is written 「100〜104」 (never 100-104, which Excel and LibreOffice
// turn into a date), status words are Japanese (templates/summary.yaml),
// and every text cell that begins with = + - @ or a tab/CR is prefixed with
// ' so that no spreadsheet runs it as a formula.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/report/cohort.h"
#include "pipeline/report/summary_template.h"

namespace fidelity::report {

struct SummaryCell {
  std::string text;               // exactly what summary.csv holds
  std::optional<double> number;   // set when the cell is a number (summary.xlsx writes it as one)
  bool signed_number = false;     // shown with + for a rise (変化)
};

// Header row first, then one row per agency in manifest order.
std::vector<std::vector<SummaryCell>> SummaryAgencyTable(const CohortModel& cohort, const SummaryTemplate& t);

std::string SummaryCsv(const CohortModel& cohort, const SummaryTemplate& t);

// RFC 4180 quoting (only when needed).
std::string CsvQuote(const std::string& s);
// The formula-injection guard: ' before = + - @ tab CR.
std::string GuardFormula(const std::string& s);

}  // namespace fidelity::report
