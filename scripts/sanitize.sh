#!/usr/bin/env bash
# Builds everything with gcc's AddressSanitizer + UndefinedBehaviorSanitizer
# (-DFIDELITY_SANITIZE=ON) into build-asan/ and runs the whole ctest suite
# there. Any sanitizer report fails the test that triggered it.
#
#   scripts/sanitize.sh            # SANITIZE_JOBS=N to build/test with N jobs (default: all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${SANITIZE_JOBS:-$(nproc)}
build=${SANITIZE_BUILD_DIR:-build-asan}
scripts/deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIDELITY_SANITIZE=ON -DFIDELITY_BENCH=OFF >/dev/null
cmake --build "$build" -j"$jobs"
# halt_on_error: the first report ends the process; detect_leaks: LeakSanitizer
# too; exitcode=86: a report is never mistaken for an expected exit status
# (the end-to-end tests run the real `fidelity` and expect 1 or 2 from it).
# Child `fidelity` processes inherit these.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:exitcode=86}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:exitcode=86}
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 600
