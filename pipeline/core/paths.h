// Where an input path really leads: the rule that keeps a manifest or a
// check file from reading files outside its own folder (issue 15).
#pragma once
#include <filesystem>

namespace fidelity {

// True when `path`, with every symbolic link and ".." resolved (the parts
// that exist), lies inside `folder` (or is it). An absolute path that leads
// inside counts as inside; a link that leads out does not. False as well
// when the path cannot be resolved (a link loop, a name too long).
bool InsideFolder(const std::filesystem::path& path, const std::filesystem::path& folder);

}  // namespace fidelity
