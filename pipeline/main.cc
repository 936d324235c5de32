// The `fidelity` program: everything lives in the library; see cli/cli.h.
#include "pipeline/cli/cli.h"

int main(int argc, char** argv) { return fidelity::RunCli(argc, argv); }
