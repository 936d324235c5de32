// A per-stage CPU timer for the benchmark (issue 13), off unless asked for.
//
// Set FIDELITY_STAGE_TIMES=<file> and every StageScope adds the thread CPU
// time spent inside it to its stage; at exit the totals are appended to
// <file> as one line "stage-cpu-ms read=… score=… render=… compress=…
// write=… decrypt=… agencies=…". Scopes nest: time is charged to the
// innermost open stage only (compressing inside rendering counts as
// compress), so the stages add up to the timed CPU. When the variable is
// unset a scope costs one load of a cached flag.
//
// Example:
//   { StageScope s(Stage::kRead); survey = ReadSurveyWorkbook(...); }
#pragma once

namespace fidelity {

enum class Stage { kRead, kScore, kRender, kCompress, kWrite, kDecrypt, kCount };

// True when FIDELITY_STAGE_TIMES names a file (read once per process).
bool StageTimingEnabled();

class StageScope {
 public:
  explicit StageScope(Stage stage);
  ~StageScope();
  StageScope(const StageScope&) = delete;
  StageScope& operator=(const StageScope&) = delete;

 private:
  bool on_;
};

// Counts one agency for the per-agency figures of the report line.
void CountStageAgency();

}  // namespace fidelity
