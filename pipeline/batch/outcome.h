// What processing one agency yields: the files to write (in memory until
// the whole set is ready) or the reason it failed.
#pragma once
#include <map>
#include <string>

#include "pipeline/core/json.h"
#include "pipeline/core/problem.h"

namespace fidelity {

struct AgencyOutcome {
  std::string id, name, type;
  bool ok = false;
  Problems problems;                         // all of them, warnings too
  std::map<std::string, std::string> files;  // file name -> bytes (only when ok)
  Json scores;                               // the scores.json object (only when ok)
  std::string report_password;               // --seal: the PDF's password (never logged)
  double cpu_ms = 0;
};

}  // namespace fidelity
