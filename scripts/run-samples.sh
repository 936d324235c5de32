#!/usr/bin/env bash
# The main job on the sample cycles: builds if needed, then runs 2024, 2025
# and 2026 in that order (the previous: chain).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
# Oldest first (2024 → 2025 → 2026): each cycle's previous: is the one before,
# so this year's reports show the change and the trend over every cycle.
build/fidelity run samples/2024 -o samples/out/2024 --quiet || true
build/fidelity run samples/2025 -o samples/out/2025 --quiet || true
build/fidelity run samples/2026 -o samples/out/2026 "$@"
