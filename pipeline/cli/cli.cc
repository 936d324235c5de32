#include "pipeline/cli/cli.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace fidelity {

int RunCli(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("fidelity %s\n", FIDELITY_VERSION);
    return 0;
  }
  std::fprintf(stderr, "usage: fidelity run|check|blank|sample|retention … (--help)\n");
  return 2;
}

}  // namespace fidelity
