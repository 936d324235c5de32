#!/usr/bin/env bash
# Seeds for the previous-run fuzz target (pipeline/batch/previous_fuzz.cc):
# real outputs of the sample cycles, and hostile variants of them.
# Run from the repo root after scripts/run-samples.sh.
set -euo pipefail
d=tests/data/batch/previous_fuzz_seed
mkdir -p "$d"
cp samples/out/2025/hamamatsu-01/scores.json "$d/scores_ok.json"
cp samples/out/2026/numazu-03/scores.json "$d/scores_provisional.json"
cp samples/out/2026/run.json "$d/run.json"
sed 's/"score": 2/"score": -2147483648/' "$d/scores_ok.json" > "$d/scores_out_of_range.json"
printf '{"items": {"I-1": {"score": 3, "notes": ["\xff\xfe"]}}, "total": null}' > "$d/scores_bad_utf8.json"
printf '{"cycle": "x", "previous": "../y", "agencies": [{"id": "../../etc", "status": "ok"}]}' > "$d/run_bad_id.json"
