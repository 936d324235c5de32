#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and
# fuzzes each for FUZZ_SECONDS (default 60) on a scratch copy of its seed
# corpus. Prints what each run found; exits non-zero when any target crashed,
# leaked, timed out or ran out of memory (the reproducer is kept in
# build-fuzz/findings/<target>/ and its path printed).
#
#   scripts/fuzz.sh                     # every target, 60 s each
#   FUZZ_SECONDS=300 scripts/fuzz.sh review_fuzz
#   FUZZ_FLAGS="-jobs=2 -workers=2" …   # extra libFuzzer flags (appended)
#
# Needs: clang (clang-14) and libclang-rt-14-dev (libFuzzer's runtime), plus
# the project's build dependencies: scripts/deps.sh installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_BUILD_JOBS:-1}
build=${FUZZ_BUILD_DIR:-build-fuzz}
declare -A seeds=(
  [xlsx_fuzz]=tests/data/xlsx/fuzz_seed
  [offcrypto_fuzz]=tests/data/crypto/fuzz_seed
  [review_fuzz]=tests/data/review/fuzz_seed
)
declare -A max_len=([xlsx_fuzz]=262144 [offcrypto_fuzz]=65536 [review_fuzz]=8192)
targets=("$@")
((${#targets[@]})) || targets=(xlsx_fuzz offcrypto_fuzz review_fuzz)

scripts/deps.sh clang libclang-rt-14-dev
CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFIDELITY_FUZZ=ON -DFIDELITY_TESTS=ON -DFIDELITY_BENCH=OFF >/dev/null
for t in "${targets[@]}"; do
  cmake --build "$build" -j"$jobs" --target "fuzz_$t" >/dev/null
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t" findings="$build/findings/$t"
  rm -rf "$corpus"; mkdir -p "$corpus" "$findings"
  cp "${seeds[$t]}"/* "$corpus/"
  log="$build/findings/$t.log"
  echo "== $t: ${seconds}s from ${seeds[$t]} ($(ls "$corpus" | wc -l) seeds)"
  set +e
  (cd "$root/$build" && "./tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="${max_len[$t]}" -print_final_stats=1 -artifact_prefix="$root/$findings/" \
      ${FUZZ_FLAGS:-} "$root/$corpus") >"$log" 2>&1
  rc=$?
  set -e
  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  echo "   corpus: $(ls "$corpus" | wc -l) inputs"
  if ((rc != 0)); then
    failed=1
    echo "!! $t FAILED (exit $rc); log: $log"
    grep -E '^(==[0-9]+== ?ERROR|SUMMARY|.*runtime error|.*Test unit written to)' "$log" | head -20 || true
    ls -1 "$findings" | sed "s|^|   artifact: $findings/|"
  else
    echo "   no crash"
  fi
done
exit $failed
