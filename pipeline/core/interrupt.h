// Ctrl-C (SIGINT) and SIGTERM during a long command: the first one sets a
// flag that the work loop checks between units of work (so what is being
// written is finished or dropped whole, never left half done); a second one
// ends the process at once (hidden temporaries may stay; the next run
// removes them).
#pragma once

namespace fidelity {

// Installs the handlers (idempotent). Returns nothing; never throws.
void InstallInterruptHandlers();
// True once SIGINT or SIGTERM arrived after InstallInterruptHandlers.
bool Interrupted();
// The signal that arrived (SIGINT, SIGTERM), 0 when none.
int InterruptSignal();

}  // namespace fidelity
