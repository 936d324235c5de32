// One filled-in checklist (a "check"): who, when, by whom, the ratings.
//
//   person: P-0123            # a pseudonym; names the output PDF
//   date: 2026-10-01          # YYYY-MM-DD (YYYY/MM/DD also accepted)
//   rater: 鈴木               # optional (a warning when missing)
//   ratings: {I-1: 4, …}      # item code -> integer in the checklist's scale;
//                             # an item left out or blank (`I-2:`) is unrated
//   previous: P-0123_2026-04-01.yaml   # optional, relative to this file
//
// The file is hand-written, so every problem in it is an error that names
// file:line: YAML syntax, duplicate key (top level or ratings), unknown
// key, unknown item code, a rating that is not a plain integer or is out
// of the scale, missing or bad person / date.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/date.h"
#include "pipeline/core/problem.h"
#include "pipeline/retention/checklist.h"

namespace fidelity::retention {

struct Check {
  std::string file;    // as given, for messages
  std::string person;  // safe as a file name part (see ParseCheck)
  Date date;
  std::string rater;                 // may be empty
  std::map<std::string, int> ratings;  // checklist item code (canonical) -> rating
  std::string previous;              // as written; empty when none
  std::string previous_where;        // "file:line" of `previous:`

  // The rating of an item, or nullopt when unrated.
  std::optional<int> Rating(const std::string& code) const {
    auto it = ratings.find(code);
    if (it == ratings.end()) return std::nullopt;
    return it->second;
  }
};

struct ParsedCheck {
  std::optional<Check> check;  // set when `problems` holds no error
  Problems problems;           // errors and warnings, each with file:line
};

// Parses the text of one check file; `file` names it in problems. Pure: no
// file access (the previous check is read by the caller).
ParsedCheck ParseCheck(std::string_view text, const std::string& file, const Checklist& checklist);

// True when `person` can name a file: non-empty, at most 64 bytes, no
// white space, control character or any of / \ : * ? " < > |, and not
// starting with '.' (hidden file) or = + - @ (a formula in Excel's CSV).
bool IsSafePerson(std::string_view person);

}  // namespace fidelity::retention
