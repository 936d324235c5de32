#!/usr/bin/env bash
# The Debian package, checked the way a coordinator would use it:
#   1. the committed source (git archive HEAD, or SRC=folder) in a clean
#      build folder, Release, no tests: cmake, make fidelity, cpack -G DEB;
#   2. the .deb unpacked with dpkg-deb -x into a temporary root (not
#      installed), its Depends and file list shown;
#   3. its binary run from another directory, with FIDELITY_DATA_DIR unset
#      and the source tree out of reach, on a copy of samples/: every cycle,
#      oldest first, every agency's report.pdf, scores.json and problems.txt and the
#      summary made; the reports' text read back with pdftotext.
# Needs dpkg-dev (dpkg-shlibdeps fills Depends). Usage:
#   scripts/deb-check.sh [WORKDIR]     (default: a new folder under /tmp)
#   DEB=fidelity_0.1.0_amd64.deb scripts/deb-check.sh   (steps 2 and 3 only)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d /tmp/fidelity-deb.XXXXXX)}"
mkdir -p "$work"
command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-dev が必要です: apt-get install -y dpkg-dev" >&2; exit 2; }

if [[ -n "${DEB:-}" ]]; then  # DEB=path: check an already built package
  deb="$DEB"
else
src="${SRC:-}"
if [[ -z "$src" ]]; then
  src="$work/src"
  rm -rf "$src" && mkdir -p "$src"
  git -C "$top" archive HEAD | tar -x -C "$src"
fi
build="$work/build"
rm -rf "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DFIDELITY_TESTS=OFF -DFIDELITY_BENCH=OFF >/dev/null
make -C "$build" -j"${JOBS:-1}" fidelity >/dev/null
(cd "$build" && cpack -G DEB >/dev/null)
# The binary remembers its source tree as a last resort: remove it, so that
# only the package's own data (../share/fidelity next to the binary) is there.
[[ -n "${SRC:-}" ]] || rm -rf "$src"
deb="$(ls "$build"/fidelity_*_amd64.deb)"
fi
echo "package: $deb ($(du -k "$deb" | cut -f1) KB)"
dpkg-deb -f "$deb" Package Version Architecture Depends

root="$work/root"
rm -rf "$root" && mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/fidelity usr/share/fidelity/config/jips25.yaml usr/share/fidelity/templates/report.yaml \
         usr/share/fidelity/templates/reviewer_sheet.yaml usr/share/fidelity/fonts/BIZUDGothic-Regular.ttf \
         usr/share/doc/fidelity/LICENSE-BIZUDGothic.txt; do
  [[ -e "$root/$f" ]] || { echo "missing in the package: /$f" >&2; exit 1; }
done

# Run it elsewhere: the source tree hidden behind a copy of the samples.
run="$work/run"
rm -rf "$run" && mkdir -p "$run"
cp -r "$top/samples/"20[0-9][0-9] "$run/"
mkdir -p "$run/out"
cd "$run"
unset FIDELITY_DATA_DIR
bin="$root/usr/bin/fidelity"
"$bin" --version
# Oldest first, as scripts/run-samples.sh: each cycle's previous: is the one before.
for year in $(ls -d 20[0-9][0-9] | sort); do
  "$bin" run "$year" -o "out/$year" --quiet
done
[[ -s out/2026/run.json ]] || { echo "the 2026 run made no run.json" >&2; exit 1; }
"$bin" blank --reviewer -o 評価シート.xlsx >/dev/null
fail=0
for id in $(ls -d 2026/*/ | xargs -n1 basename); do
  for f in report.pdf scores.json problems.txt; do
    [[ -s "out/2026/$id/$f" ]] || { echo "missing: out/2026/$id/$f" >&2; fail=1; }
  done
  text="$(pdftotext "out/2026/$id/report.pdf" -)"   # (not piped into grep -q: pipefail and SIGPIPE)
  [[ "$text" == *フィデリティ* ]] || { echo "no text in $id/report.pdf" >&2; fail=1; }
done
for f in summary.csv summary.pdf run.json; do
  [[ -s "out/2026/$f" ]] || { echo "missing: out/2026/$f" >&2; fail=1; }
done
[[ $fail == 0 ]] || exit 1
echo "OK: $(ls -d out/2026/*/ | wc -l) agencies reported by the unpacked package, run from $run"
