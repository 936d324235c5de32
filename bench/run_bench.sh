#!/usr/bin/env bash
# The batch benchmark of issue 13, in one run:
#
#   bench/run_bench.sh [N_CPU] [N_WALL]     (defaults: 200 1000)
#
#  1. CPU ms per agency: `fidelity run` on an N_CPU-agency cycle with -j 1
#     (user+sys of the whole process / N), with the in-process stage split
#     (pipeline/core/stage_timer.h, FIDELITY_STAGE_TIMES): read, score,
#     render, compress, write (and decrypt, excluded from nothing but shown
#     apart; the synthetic workbooks are not encrypted).
#  2. Wall seconds and peak RSS: the N_WALL-agency cycle with -j 2.
#  3. Report sizes (report.pdf: mean, max) of the N_CPU run.
#
#  4. The same N_CPU run with the output on tmpfs (/dev/shm, when there is
#     one): the CPU of the program itself, without the disk file system's
#     inode allocation (on this machine's ext4 that costs 1.5–3 ms of kernel
#     time per agency, depending on how many files were deleted lately).
#
# Synthetic cycles (real .xlsx written with libxlsxwriter, two reviewer
# files each) are generated once into $BUILD/bench-data/N. BUILD defaults to
# build; the script builds fidelity and gen_cycle there with one job (not
# with NO_BUILD=1).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
N_CPU=${1:-200}
N_WALL=${2:-1000}
[[ -n ${NO_BUILD:-} ]] || make -C "$BUILD" -j1 fidelity gen_cycle >/dev/null

cycle() {  # prints the folder of an N-agency synthetic cycle, generating it once
  local data="$BUILD/bench-data/$1"
  if [[ ! -f "$data/cycle.yaml" ]]; then
    rm -rf "$data"
    "$BUILD/bench/gen_cycle" "$1" "$data" >/dev/null
  fi
  echo "$data"
}

# run N JOBS OUT STAGEFILE → sets wall, cpu, rss_mb, ok
run() {
  local n=$1 jobs=$2 out=$3 stages=$4 log
  log=$(mktemp)
  FIDELITY_STAGE_TIMES="$stages" /usr/bin/time -v "$BUILD/fidelity" run "$(cycle "$n")" -o "$out" -j "$jobs" \
    --quiet >/dev/null 2>"$log" || { echo "fidelity run failed for N=$n:"; tail -20 "$log"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time \(seconds\)/ {u = $2} /System time \(seconds\)/ {s = $2} END {print u + s}' "$log")
  sys=$(awk -F': ' '/System time \(seconds\)/ {print $2}' "$log")
  rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$log")
  ok=$(grep -c '"status": "ok"' "$out/run.json" || true)
  rm -f "$log"
}

cycle "$N_CPU" >/dev/null
cycle "$N_WALL" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run "$N_CPU" 1 "$tmp/cpu" "$tmp/stages"
awk -v n="$N_CPU" -v c="$cpu" -v w="$wall" -v r="$rss_mb" -v ok="$ok" 'BEGIN {
  printf "N=%d -j 1: %.2f CPU ms/agency (user+sys %.2f s, wall %.2f s, peak RSS %s MB, %d ok)\n", n, c * 1000 / n, c, w, r, ok }'
echo "  of which kernel: $(awk -v s="$sys" -v n="$N_CPU" 'BEGIN {printf "%.2f", s * 1000 / n}') ms/agency"
awk -v n="$N_CPU" '{
  printf "  stages, CPU ms/agency:";
  for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] != "agencies") { printf " %s %.2f", kv[1], kv[2] / n; t += kv[2] } }
  printf "  (timed %.2f; the rest is start-up, cohort and summaries)\n", t / n }' "$tmp/stages"
find "$tmp/cpu" -name report.pdf -printf '%s\n' | awk '{ s += $1; if ($1 > m) m = $1; k++ }
  END { if (k) printf "  report.pdf: %d files, mean %.1f KB, max %.1f KB\n", k, s / k / 1024, m / 1024 }'
rm -rf "$tmp/cpu"

if [[ -d /dev/shm && -w /dev/shm ]]; then
  shm=$(mktemp -d /dev/shm/fidelity-bench.XXXXXX)
  run "$N_CPU" 1 "$shm/cpu" "$tmp/stages3"
  rm -rf "$shm"
  awk -v n="$N_CPU" -v c="$cpu" -v s="$sys" 'BEGIN {
    printf "N=%d -j 1, output on tmpfs: %.2f CPU ms/agency (kernel %.2f)\n", n, c * 1000 / n, s * 1000 / n }'
fi

run "$N_WALL" 2 "$tmp/wall" "$tmp/stages2"
awk -v n="$N_WALL" -v c="$cpu" -v w="$wall" -v r="$rss_mb" -v ok="$ok" 'BEGIN {
  printf "N=%d -j 2: %.2f s wall, peak RSS %s MB (CPU %.2f ms/agency, %d ok)\n", n, w, r, c * 1000 / n, ok }'
