#!/usr/bin/env bash
# The batch benchmark: generates synthetic cycles (real .xlsx written with
# libxlsxwriter, two reviewer files each) and times `fidelity run` on them.
#
#   bench/run_bench.sh [N…]        (default: 100 1000; build/ must exist)
#
# Prints, per N: wall seconds, agencies/s, ms per agency (wall), CPU ms per
# agency (user+sys), and peak RSS (GNU time's "Maximum resident set size").
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
JOBS=${JOBS:-2}
cmake --build "$BUILD" --target fidelity gen_cycle -j"$(nproc)" >/dev/null
sizes=("$@")
((${#sizes[@]})) || sizes=(100 1000)
printf "%-6s %-5s %9s %12s %14s %14s %12s\n" N jobs wall_s agencies/s ms/agency cpu_ms/agency peak_RSS_MB
for n in "${sizes[@]}"; do
  data="$BUILD/bench-data/$n"
  if [[ ! -f "$data/cycle.yaml" ]]; then
    rm -rf "$data"
    "$BUILD/bench/gen_cycle" "$n" "$data" >/dev/null
  fi
  out=$(mktemp -d)
  log=$(mktemp)
  /usr/bin/time -v "$BUILD/fidelity" run "$data" -o "$out" -j "$JOBS" --quiet >/dev/null 2>"$log" || {
    echo "fidelity run failed for N=$n:"; tail -20 "$log"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  user=$(awk -F': ' '/User time \(seconds\)/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time \(seconds\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  ok=$(grep -c '"status": "ok"' "$out/run.json" || true)
  awk -v n="$n" -v j="$JOBS" -v wall="$wall" -v u="$user" -v s="$sys" -v rss="$rss" -v ok="$ok" 'BEGIN {
    k = split(wall, p, ":"); secs = 0; for (i = 1; i <= k; i++) secs = secs * 60 + p[i];
    printf "%-6d %-5d %9.2f %12.1f %14.2f %14.2f %12.1f   (%d ok)\n", n, j, secs, n / secs, secs * 1000 / n,
           (u + s) * 1000 / n, rss / 1024, ok }'
  rm -rf "$out" "$log"
done
