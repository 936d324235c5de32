#!/bin/sh
# Makes the reference for tests/report/action_plan_xlsx_test.cc: the XML
# parts of samples/2026 fuji-04's action_plan.xlsx as libxlsxwriter 1.1.4
# wrote them (fidelity built at commit 33b3ead, the last one that wrote the
# workbook with libxlsxwriter), and model.json, the plan's rows read back
# from that workbook, from which the test rebuilds the report model.
# Usage: make_reference.sh FIDELITY_BINARY_AT_33b3ead
set -eu
FID=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp -r "$ROOT/samples" "$TMP/xs"
rm -rf "$TMP/xs/out"
(cd "$TMP/xs" && for y in 2024 2025 2026; do "$FID" run $y -o out/$y --quiet; done)
rm -rf "$HERE/parts"
mkdir -p "$HERE/parts"
unzip -q "$TMP/xs/out/2026/fuji-04/action_plan.xlsx" -d "$HERE/parts"
/usr/bin/python3 - "$TMP/xs/out/2026/fuji-04/action_plan.xlsx" "$HERE/model.json" <<'PY'
import json, re, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
agency, cycle = re.fullmatch(r"行動計画：(.*)（(.*)）", ws["A1"].value).groups()
rows = []
for r in ws.iter_rows(min_row=4, values_only=True):
    item, score, target, step, hint = r[:5]
    priority = item.startswith("【重点】")
    code, name = item.removeprefix("【重点】").split(" ", 1)
    rows.append({"priority": priority, "code": code, "name": name, "score": score,
                 "target": target, "next_step": step or "", "hint": hint or ""})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump({"agency": agency, "cycle": cycle, "rows": rows}, f, ensure_ascii=False, indent=1)
    f.write("\n")
PY
