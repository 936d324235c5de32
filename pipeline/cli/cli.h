// Command-line front end: `fidelity run|check|blank|sample|retention`.
#pragma once

namespace fidelity {

// Parses arguments, runs one command, returns the exit code (SPEC §7):
// 0 ok, 1 some agency failed / check found errors, 2 bad usage or config.
int RunCli(int argc, char** argv);

}  // namespace fidelity
