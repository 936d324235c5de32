#!/usr/bin/env bash
# Builds (installing what is missing) and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
