// The output folder of `fidelity run` and the rules that keep every input
// safe from it (issue 15 "never lose an input"; docs/safety.md):
//
// - OUT and every OUT/<id> we write carry a stamp file (.fidelity-output).
// - OUT is used only when it is absent, empty, stamped, or holds nothing
//   but what a run writes (an older version's output, adopted).
// - OUT must not be an input, an input's folder, a folder inside an
//   agency's input folder, or last cycle's output (`previous:`); no input
//   may lie inside an OUT/<id> (the swap would replace it).
// - OUT/<id> is replaced only when stamped (or holding nothing but our
//   files): anything else there is refused, never deleted.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "pipeline/batch/manifest.h"
#include "pipeline/core/problem.h"

namespace fidelity {

inline constexpr char kStampName[] = ".fidelity-output";
inline constexpr char kLockName[] = ".fidelity.lock";

// The problem (code "out.*", where = the path, Japanese message) that makes
// OUT unusable for this manifest, or nullopt. Never throws.
std::optional<Problem> CheckOutputFolder(const Manifest& manifest, const std::filesystem::path& out);

// Creates OUT (and its parents) when absent and writes its stamp. Throws
// InputError("out.create", …) in Japanese.
void PrepareOutputFolder(const std::filesystem::path& out);

// True when `dir` may be replaced as an agency's output: it does not exist,
// or it carries our stamp, or it holds nothing but files a run writes.
bool IsOurAgencyFolder(const std::filesystem::path& dir);

// The stamp file's content.
std::string StampText();

}  // namespace fidelity
