// The pre-survey workbook as data (SPEC §2.2): what the agency reported,
// with every cell's place kept for messages. Built by ReadSurvey
// (survey/reader.h) from a raw Workbook and the layout in config/; scoring
// reads only this.
//
// Privacy: UserRow holds 利用者ID and dates of real people. Nothing here may
// be printed in a report, a JSON file or a problem message; use counts.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/date.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/rational.h"

namespace fidelity {

// A value with the place it came from ("調査票3 スタッフ配置!D7").
template <typename T>
struct Placed {
  std::optional<T> value;  // nullopt: blank (or unreadable: a problem says so)
  std::string where;
  bool has() const { return value.has_value(); }
};

struct JobRow {  // 調査票2
  int row = 0;
  std::optional<Date> start;       // 就職日
  std::string job_type;            // 職種 (as written, trimmed; compare with NormalizeKey)
  std::string company;             // 企業名
  std::string employment_type;     // 雇用形態 (the layout's spelling when recognised, else as written)
  bool self_employed = false;      // 雇用形態 is the layout's self-employed value (自営)
  std::string job_type_where;      // its cells, for messages ("調査票2 直近の就労者リスト!C5")
  std::string company_where;
};

struct StaffRow {  // 調査票3, columns A–I
  int row = 0;
  std::string initials;  // A
  std::string role;      // B: ES / CM / SV / AS / 他 (canonical code from the layout; "" when unknown)
  std::string status;    // C: 常勤・非常勤
  Rational hours;        // D (blank = 0)
  Rational employment_pct;  // E 0–100 (a percent-formatted 0.8 is read as 80)
  Rational mental_pct;      // F
  Rational life_pct;        // G
  Rational outside_pct;     // H
  Rational caseload;        // I
};

struct UserRow {  // 調査票4, columns A–G; never printed in any output
  int row = 0;
  std::string id;                    // B 利用者ID
  std::optional<int> mental;         // C 1/0 (nullopt: blank or invalid)
  std::optional<int> severe;         // D 1/0
  std::optional<Date> registered;    // E 登録日
  std::optional<Date> employed;      // F 就職日
  std::string status;                // G 就労中 / 求職中 / 離職 / 休止 (the layout's spelling when recognised)
  // What G says about work: true = the layout's working status (就労中),
  // false = another recognised status (求職中 / 離職 / 休止), nullopt = G blank
  // or not one of the choices (then 就職日 decides, with a warning).
  std::optional<bool> status_working;
  // "Working" = 現在就労中 (SPEC §3.3, seed 003 §1.1): G decides; only when G
  // says nothing, a 就職日 counts as working. A person who found a job and
  // left (離職) is not working.
  bool working() const { return status_working ? *status_working : employed.has_value(); }
};

// 計算シート2: what the reviewers entered from the sampled case records.
struct RecordSheet {
  std::array<std::optional<int>, 6> i3{};  // I-3-i … I-3-vi (0/1; nullopt = blank)
  bool i3_block_present = false;           // at least one I-3 row exists in the sheet
  struct ContactCase {
    std::string code;               // "III-4-3"
    std::string where;              // the row's place, for messages ("計算シート2 支援記録等!C14")
    Date registered;
    std::optional<Date> contact;    // nullopt: no contact yet
  };
  std::vector<ContactCase> iii4;    // only rows with 登録日 filled
  std::vector<int> iii5;            // filled cases only, 0/1
  // III-11 small boxes: "1a".."1f", "2a".."2f", "3a".."3j", "4a".."4m" -> 0/1 (absent = blank = 0)
  std::map<std::string, int> iii11;
  struct FollowCase {
    std::string code;               // "III-12-i-2"
    std::array<int, 3> cols{};      // blank within a case counts 0
  };
  std::vector<FollowCase> iii12i;   // rows with any of the three filled
  // III-8/III-9: the reviewers' count of distinct job types / employers
  // (重複ケースを除く), by item code; absent when blank. Where: its cell.
  std::map<std::string, int> counts;
  std::map<std::string, std::string> count_where;
  bool present = false;             // the sheet exists
};

struct Survey {
  std::string file;                 // the workbook's name, for messages
  std::string agency_name;          // 記載日!機関名
  std::optional<Date> record_date;  // 記載日!記載日: the reference date R
  std::string record_date_where;    // its cell ("記載日!B3"), or the sheet when absent
  std::string writer;               // 記入者
  // 調査票1: "A-1", "A-2", "B-1", "B-2", "B-3"
  std::map<std::string, Placed<Rational>> counts;
  std::vector<JobRow> jobs;     // 調査票2, at most the first 15
  int jobs_listed = 0;          // rows in the table before the cut at 15
  std::vector<StaffRow> staff;  // 調査票3
  std::vector<UserRow> users;   // 調査票4
  RecordSheet records;          // 計算シート2
  // The sheets' names as found in the workbook, by role: "cover", "rates",
  // "jobs", "staff", "users", "records" (absent when the sheet is missing).
  // For messages such as "調査票3 スタッフ配置" or "調査票4 利用者一覧!E12".
  std::map<std::string, std::string> sheet_names;
  Problems problems;            // everything found while reading and checking
};

}  // namespace fidelity
