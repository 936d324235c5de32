// Where the program's data (config/, templates/, fonts/) lives, so that a
// binary copied or installed anywhere finds it.
//
// The search order (the first folder holding config/jips25.yaml wins):
//   1. next to the binary: <dir of /proc/self/exe>/../share/fidelity
//      (an installed or unpacked package, wherever its root is);
//   2. the install prefix the binary was built for: <prefix>/share/fidelity;
//   3. $FIDELITY_DATA_DIR (a coordinator's own copy of config/templates);
//   4. the source tree the binary was built from (a developer's build).
// When none holds the data, the source tree is returned and the first read
// of a config file reports the missing file with its path.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace fidelity {

struct DataDirCandidates {
  std::filesystem::path exe;          // the running binary ("" when unknown)
  std::filesystem::path prefix;       // CMAKE_INSTALL_PREFIX at build time
  std::string env;                    // $FIDELITY_DATA_DIR ("" when unset)
  std::filesystem::path source_tree;  // CMAKE_SOURCE_DIR at build time
};

// The candidate folders in search order (pure: no file is looked at).
std::vector<std::filesystem::path> DataDirSearchOrder(const DataDirCandidates& c);

// The first candidate that holds config/jips25.yaml, else the last one.
std::filesystem::path FindDataDir(const DataDirCandidates& c);

// The candidates of this process (its binary, the compiled-in prefix and
// source tree, the environment).
DataDirCandidates CurrentDataDirCandidates();

}  // namespace fidelity
