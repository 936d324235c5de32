#!/usr/bin/env bash
# The main job on the sample cycle: builds if needed, then
#   fidelity run samples/2026 -o samples/out/2026
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
# Last year's output first, so this year's reports show the change.
build/fidelity run samples/2025 -o samples/out/2025 --quiet || true
build/fidelity run samples/2026 -o samples/out/2026 "$@"
