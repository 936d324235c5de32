// Where things are in a pre-survey workbook: the layout read from
// config/workbook_layout.yaml (SPEC §2.2). Code holds the mechanism
// (survey/reader.h); sheet names, labels, header texts, codes, accepted
// values and ranges are data here, so another layout is a config change.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/core/problem.h"
#include "pipeline/core/rational.h"

namespace fidelity {

struct ColumnSpec {
  std::vector<std::string> headers;    // accepted header texts; the first is shown in messages
  bool optional = false;               // the table can be read without it
  bool index = false;                  // a row-number column: ignored when deciding a row is blank
  std::optional<Rational> min, max;    // inclusive bounds for number columns
};

struct TableLayout {
  std::string sheet;
  // Keys are fixed by the reader (e.g. "start", "job_type" for 調査票2).
  std::map<std::string, ColumnSpec> columns;
  // A row whose first non-empty table cell starts with one of these ends the table.
  std::vector<std::string> end_markers;
};

struct WorkbookLayout {
  std::string label;  // where it was loaded from, for messages

  // Sections that must exist: "cover", "rates", "jobs", "staff", "users", "records".
  std::vector<std::string> required;

  struct Cover {
    std::string sheet;
    int label_column = 1;
    std::string agency_label, date_label, writer_label;
  } cover;

  struct Bound {
    std::vector<std::string> sum;  // count keys
    std::string max;               // count key
    Severity severity = Severity::kError;
    std::string problem;           // problem code
  };
  struct Rate {
    std::string code;              // "B-7"
    std::string num, den;          // count keys
  };
  struct Rates {
    std::string sheet;
    int code_column = 1, value_column = 3;
    std::vector<std::pair<std::string, std::string>> counts;  // model key, code in the sheet
    std::vector<Bound> bounds;
    std::vector<Rate> rates;
  } rates;

  struct Jobs {
    TableLayout table;
    int max_rows = 15;
    std::vector<std::string> employment_types;
    std::string self_employed;
  } jobs;

  struct Staff {
    TableLayout table;
    std::vector<std::pair<std::string, std::vector<std::string>>> roles;  // code, spellings
    std::string es_role;
    std::vector<std::string> es_blank_warning;  // column keys
  } staff;

  struct Users {
    TableLayout table;
    std::vector<std::string> statuses;
    std::string working_status;  // 就労中: "working" for the record groups (SPEC §3.3)
    std::string left_status;     // 離職: with a blank 就職日 this is a warning
  } users;

  struct Records {
    std::string sheet;
    std::string block_prefix;
    int code_column = 1, value_column = 3;
    std::vector<std::string> i3;      // exactly 6
    std::vector<std::string> iii4, iii5, iii12i;
    std::vector<std::pair<std::string, std::string>> iii11;  // model key ("1a"), code
    // III-8/III-9: the reviewers' counts (重複ケースを除く); item code ("III-8"), row code ("III-8-n").
    std::vector<std::pair<std::string, std::string>> counts;
  } records;
};

// Parses a layout from YAML text. `label` names the source in messages
// ("config/workbook_layout.yaml"). Throws InputError("layout.invalid",
// "label:LINE", …) on YAML errors, missing or unknown keys, a table
// without the columns the reader needs, or bad values.
WorkbookLayout LoadLayout(const std::string& yaml_text, const std::string& label);

// The shipped layout: DataDir()/config/workbook_layout.yaml. Throws
// InputError when it cannot be read or parsed.
WorkbookLayout DefaultLayout();

// "A" -> 1, "AB" -> 28, "3" -> 3; 0 when malformed.
int ColumnIndex(const std::string& text);

}  // namespace fidelity
