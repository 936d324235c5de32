#!/usr/bin/python3
"""Reviewer score sheets filled outside our program, for tests/review/xlsx_review_test.cc.

    /usr/bin/python3 tests/data/workflow/make_fixtures.py build-d/fidelity

1. `fidelity blank --reviewer` makes the blank sheet (blank.xlsx, kept).
2. openpyxl fills it with the content of samples/2026/hamamatsu-01/山田.yaml,
   as a reviewer would: scores and ticks as numbers, one score typed as
   full-width text "３", GOI as はい/いいえ → openpyxl_山田.xlsx (openpyxl
   writes inline strings only).
3. LibreOffice (soffice --headless --convert-to xlsx) re-saves that file →
   libreoffice_山田.xlsx (shared strings, LibreOffice's own styles and
   number formats). Skipped with a message when soffice is missing.
4. Broken copies, one mistake each, for the error tests:
   bad_score.xlsx (II-1 = 7), bad_check.xlsx (II-2-i = "x"),
   unknown_code.xlsx (A column "II-99"), bad_goi.xlsx (G1 = "たぶん"),
   bad_count.xlsx (III-8-count = "多い"), duplicate.xlsx (two II-3 rows),
   error_value.xlsx (II-4 = #N/A).
"""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SHEET = "評価シート"


def rows_by_code(ws):
    out = {}
    for r in range(1, ws.max_row + 1):
        v = ws.cell(r, 1).value
        if v is not None:
            out.setdefault(str(v), r)
    return out


def reason_index(ins_reasons, text):
    return ins_reasons.index(text) + 1 if text in ins_reasons else None


def fill(wb, review, instrument):
    ws = wb[SHEET]
    rows = rows_by_code(ws)
    ws.cell(rows["評価者"], 2).value = review["reviewer"]
    items = {i["code"]: i for i in instrument["items"]}
    for code, v in review.get("items", {}).items():
        r = rows[code]
        if "score" in v:
            ws.cell(r, 3).value = v["score"]
        if "note" in v:
            ws.cell(r, 4).value = v["note"]
        checks = v.get("checks")
        if checks is None:
            continue
        defs = {c["key"]: c for c in items[code].get("checks", [])}
        for key in defs:
            val = checks.get(key, False)
            if isinstance(val, list):
                opts = defs[key].get("reasons", [])
                others = 0
                for k, opt in enumerate(opts, 1):
                    ws.cell(rows[f"{code}-{key}-{k}"], 3).value = 1 if opt in val else 0
                for text in val:
                    if text not in opts:
                        others += 1
                        ws.cell(rows[f"{code}-{key}-他{others}"], 4).value = text
            else:
                ws.cell(rows[f"{code}-{key}"], 3).value = 1 if val else 0
    for code, v in review.get("goi", {}).items():
        ws.cell(rows[code], 3).value = "はい" if v else "いいえ"
    for k, text in enumerate(review.get("strengths", []), 1):
        ws.cell(rows[f"強み-{k}"], 2).value = text
    for k, text in enumerate(review.get("challenges", []), 1):
        ws.cell(rows[f"課題-{k}"], 2).value = text
    # One score typed as full-width text, as Japanese input methods do.
    ws.cell(rows["II-1"], 3).value = "３"


def broken(src, name, change):
    wb = openpyxl.load_workbook(src)
    ws = wb[SHEET]
    change(ws, rows_by_code(ws))
    wb.save(os.path.join(HERE, name))


def main():
    binary = sys.argv[1]
    blank = os.path.join(HERE, "blank.xlsx")
    if os.path.exists(blank):
        os.remove(blank)
    subprocess.run([binary, "blank", "--reviewer", "-o", blank], check=True)
    review = yaml.safe_load(open(os.path.join(ROOT, "samples/2026/hamamatsu-01/山田.yaml"), encoding="utf-8"))
    instrument = yaml.safe_load(open(os.path.join(ROOT, "config/jips25.yaml"), encoding="utf-8"))
    wb = openpyxl.load_workbook(blank)
    fill(wb, review, instrument)
    filled = os.path.join(HERE, "openpyxl_山田.xlsx")
    wb.save(filled)

    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "in.xlsx")
            shutil.copy(filled, src)
            subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                            "--outdir", os.path.join(tmp, "out"), src], check=True,
                           env=dict(os.environ, HOME=tmp))
            shutil.copy(os.path.join(tmp, "out", "in.xlsx"), os.path.join(HERE, "libreoffice_山田.xlsx"))
    else:
        print("soffice not found: libreoffice_山田.xlsx not remade", file=sys.stderr)

    broken(filled, "bad_score.xlsx", lambda ws, r: setattr(ws.cell(r["II-1"], 3), "value", 7))
    broken(filled, "bad_check.xlsx", lambda ws, r: setattr(ws.cell(r["II-2-i"], 3), "value", "x"))
    broken(filled, "unknown_code.xlsx", lambda ws, r: setattr(ws.cell(r["II-3"], 1), "value", "II-99"))
    broken(filled, "bad_goi.xlsx", lambda ws, r: setattr(ws.cell(r["G1"], 3), "value", "たぶん"))
    broken(filled, "bad_count.xlsx", lambda ws, r: setattr(ws.cell(r["III-8-count"], 3), "value", "多い"))
    broken(filled, "duplicate.xlsx", lambda ws, r: setattr(ws.cell(r["II-4"], 1), "value", "II-3"))
    broken(filled, "error_value.xlsx", lambda ws, r: setattr(ws.cell(r["II-4"], 3), "value", "#N/A"))


if __name__ == "__main__":
    main()
