// The recommendation library (config/recommendations.yaml): how the
// priorities (重点課題) are chosen, the words for ES/CM/SV and their
// glossary, the next step for a score forced by a flag, and one practical
// hint (改善のヒント) per item and target level. Data, not code.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::report {

struct PriorityRule {
  int max_score = 3;   // items scored at most this are candidates
  int count = 3;       // how many are shown as a rule
  int max = 5;         // more when items tie with the last one, up to this
  bool reviewers_first = true;  // items the reviewers' challenges name come first
};

struct Term {
  std::string key;      // ES / CM / SV
  std::string word;     // 就労支援員
  std::string explain;  // one sentence for the glossary
};

struct FlagStep {
  std::string label;  // the state in words
  std::string step;   // what to do about it
};

struct Recommendations {
  std::string origin;
  PriorityRule priorities;
  std::vector<Term> terms;                 // in glossary order
  // Phrases replaced before the terms ("グループSV" is supervision, not the
  // supervisor): phrase -> words, longest first.
  std::vector<std::pair<std::string, std::string>> phrases;
  std::map<std::string, FlagStep> flags;   // flag key -> words
  std::string remove_checks_lead, unmet_checks_lead;
  std::map<std::string, std::map<int, std::string>> hints;  // item -> target (0: default) -> hint

  // The hint for reaching `target` on `item` (the target's own, else the
  // item's default; empty when the library has none).
  std::string Hint(const std::string& item, int target) const;
};

// Throws InputError("recommendations.*", "<origin>:<line>", …) on a syntax
// error or a missing key.
Recommendations ParseRecommendations(std::string_view yaml, const std::string& origin);
Recommendations LoadDefaultRecommendations();  // DataDir()/config/recommendations.yaml

// Replaces the role codes ES, CM and SV standing as words (not inside a
// longer Latin word) with `words` (code -> word).
// `phrases` are replaced first.
std::string ApplyTerms(const std::string& text, const std::map<std::string, std::string>& words,
                       const std::vector<std::pair<std::string, std::string>>& phrases = {});

}  // namespace fidelity::report
