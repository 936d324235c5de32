// `fidelity init FOLDER [--update]` (issue 14): writes FOLDER/cycle.yaml
// from a folder of agency sub-folders, as coordinators collect them.
//
// Each sub-folder is one agency: its pre-survey workbook (the .xlsx/.xlsm
// that is not a reviewer score sheet), its reviewer files (YAML or Excel
// score sheets) and its consensus file (合議.*). The agency name and the
// reference date (記載日) are read from the workbook where present; type
// and survey_date are written as the marker "未記入", which `run` refuses
// with a message naming them. Wording: templates/init_cycle.yaml.
//
// Never overwrites an existing cycle.yaml; with `update` it appends the
// agencies whose folders are not yet in it and keeps every line the
// coordinator wrote.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/problem.h"

namespace fidelity {

struct InitAgency {
  std::string folder;            // the sub-folder's name
  std::string id;                // the folder name, or a suggested id
  bool id_suggested = false;
  std::string name;              // 記載日!機関名, else the folder name
  bool name_from_folder = false;
  std::string record_date;       // ISO, "" when unread
  std::string workbook;          // relative to FOLDER ("" when none)
  std::vector<std::string> other_workbooks;
  bool encrypted = false;
  std::string password_file;     // a password*.txt / パスワード*.txt in the folder
  std::vector<std::string> reviews;
  std::string consensus;
};

// A valid id from a folder name: ASCII lower case, other characters to
// '-', runs of '-' collapsed; "" when nothing is left (a Japanese name).
std::string SuggestId(const std::string& folder);

// Looks at every sub-folder of `folder` (sorted by name; hidden folders and
// "out" skipped). Notes for the coordinator go to `notes` (warnings with the
// folder or file as place).
std::vector<InitAgency> ScanCycleFolder(const std::filesystem::path& folder, Problems* notes);

// The agency entries as cycle.yaml text (comments included).
std::string AgencyEntriesYaml(const std::vector<InitAgency>& agencies);
// The whole cycle.yaml for `folder`.
std::string CycleYaml(const std::filesystem::path& folder, const std::vector<InitAgency>& agencies);

// The command: 0 written, 1 cycle.yaml exists (without update) or nothing
// to add, 2 bad folder.
int CmdInit(const std::filesystem::path& folder, bool update);

}  // namespace fidelity
