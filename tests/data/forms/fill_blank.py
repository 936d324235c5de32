#!/usr/bin/python3
"""Fills a blank form made by `fidelity blank` as an agency (and the
reviewers, for 計算シート2) would, and computes what the pipeline must make
of it, by SPEC §3.1, §3.2, §3.5 — independently of the C++ code.

Usage (run once; the outputs are committed beside this script):

    fidelity blank -o /tmp/blank.xlsx
    /usr/bin/python3 tests/data/forms/fill_blank.py /tmp/blank.xlsx \
        tests/data/forms/roundtrip/mishima/事前調査票.xlsx tests/data/forms/roundtrip/expected.json
    cd tests/data/forms/roundtrip && soffice --headless --convert-to xlsx --outdir /tmp/lo mishima/事前調査票.xlsx \
        && cp /tmp/lo/事前調査票.xlsx mishima-lo/事前調査票.xlsx      # LibreOffice re-save of the same data

The form is filled the way a person would: fields are found by their label
in column A, tables by their header texts, 計算シート2 rows by the code in
column A — no fixed cell addresses. Dates go in as real dates into the
form's yyyy/mm/dd cells (one typed as text 2026/4/3, which SPEC accepts).
"""
import datetime as dt
import json
import sys
import unicodedata
from fractions import Fraction

import openpyxl

D = dt.date
RECORD_DATE = D(2026, 9, 30)

RATES = {"A-1": 30, "A-2": 27, "B-1": 12, "B-2": 10, "B-3": 1}

# 調査票2: newest first. (就職日, 職種, 企業名, 雇用形態)
JOBS = [
    (D(2026, 9, 1), "清掃", "株式会社 みなとビルサービス", "障害者求人"),
    (D(2026, 8, 18), "データ入力", "三島信用金庫", "一般求人"),
    (D(2026, 7, 6), "調理補助", "レストランさくら", "一般求人"),
    (D(2026, 6, 1), "品出し", "スーパーマルイチ", "障害者求人"),
    (D(2026, 5, 12), "清掃", "株式会社　みなとビルサービス", "一般求人"),  # full-width space: the same company
    (D(2026, 4, 20), "介護助手", "特別養護老人ホームふじみ", "一般求人"),
    (D(2026, 2, 2), "事務補助", "三島市役所", "一般求人"),
    (D(2025, 12, 1), "イラスト制作", "（本人）", "自営"),
    (D(2025, 11, 10), "倉庫作業", "東海ロジスティクス", "派遣"),
    (D(2025, 10, 20), "品出し", "ドラッグストアいずみ", "就労継続A型"),
]

# 調査票3: 氏名（イニシャル）, 役割, 常勤・非常勤, D hours, E %, F %, G %, H %, I count
STAFF = [
    ("T.K", "ES", "常勤", 40, 90, 100, 5, 60, 12),
    ("M.S", "ES", "常勤", 38, 80, 90, 10, 50, 10),
    ("Y.O", "ES", "非常勤", 20, 100, 100, 0, 70, 6),
    ("H.N", "CM", "常勤", 40, 10, 100, 80, 30, 25),
    ("A.I", "SV", "常勤", 40, 50, 100, 20, 20, 0),
    ("R.F", "AS", "非常勤", 20, 30, 100, 40, 10, 0),
]


def users():
    """30 rows: 利用者ID, 精神障害, 重い精神疾患, 登録日, 就職日, 現在の状況."""
    rows = []
    for k in range(30):
        uid = "U%03d" % (101 + k)
        mental = 0 if k in (4, 17, 26) else 1            # 27 of 30
        severe = 1 if k < 20 else 0                      # 20 of 30 = 66.7 %: under 70 %
        reg = D(2025, 10, 1) + dt.timedelta(days=11 * k)  # 2025-10-01 … 2026-09-08
        employed, status = None, "求職中"
        if k % 3 == 0 and reg + dt.timedelta(days=40) <= RECORD_DATE:
            employed, status = reg + dt.timedelta(days=40), "就労中"
        if k in (9, 21):
            status = "離職"
        if k in (13, 28):
            status = "休止"
        rows.append((uid, mental, severe, reg, employed, status))
    return rows


USERS = users()

# 計算シート2 (the reviewers, from the sampled case records)
I3 = [1, 1, 1, 1, 1, 0]
III4 = [  # (登録日, 初回の接触日 or None)
    (D(2026, 6, 1), D(2026, 6, 20)),
    (D(2026, 5, 10), D(2026, 6, 30)),
    (D(2026, 7, 1), D(2026, 7, 15)),
    (D(2026, 3, 2), D(2026, 4, 20)),
    (D(2026, 8, 1), None),  # no contact yet: counts the days to 記載日
    (D(2026, 4, 1), D(2026, 5, 8)),
    (D(2026, 2, 16), D(2026, 3, 5)),
]
III5 = [1, 1, 1, 0, 1, 1, 1, 1, 0, 1]
III11 = {"1a", "1b", "1c", "1e", "2a", "2b", "2e", "3a", "3b", "3h", "4b", "4e", "4f", "4i", "4j", "4l"}
III12I = [(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 0)]


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).split())


def label_row(ws, label):
    for row in ws.iter_rows(min_col=1, max_col=1):
        c = row[0]
        if isinstance(c.value, str) and norm(c.value) == label:
            return c.row
    raise SystemExit("label not found: " + label)


def header(ws, texts):
    """(header row, {text: column}) of the first row holding all `texts`."""
    for row in ws.iter_rows():
        found = {norm(c.value): c.column for c in row if isinstance(c.value, str)}
        if all(t in found for t in texts):
            return row[0].row, {t: found[t] for t in texts}
    raise SystemExit("header not found: %s" % texts)


def fill(blank, out):
    wb = openpyxl.load_workbook(blank)
    ws = wb["記載日"]
    ws.cell(label_row(ws, "機関名"), 2).value = "就労支援センターみしま"
    ws.cell(label_row(ws, "記載日"), 2).value = RECORD_DATE
    ws.cell(label_row(ws, "記入者"), 2).value = "田中 一郎"

    ws = wb["調査票1 機関の就労率"]
    for code, v in RATES.items():
        ws.cell(label_row(ws, code), 3).value = v

    ws = wb["調査票2 直近の就労者リスト"]
    h, col = header(ws, ["就職日", "職種", "企業名", "雇用形態"])
    for i, (start, job, company, kind) in enumerate(JOBS):
        r = h + 1 + i
        ws.cell(r, col["就職日"]).value = start
        ws.cell(r, col["職種"]).value = job
        ws.cell(r, col["企業名"]).value = company
        ws.cell(r, col["雇用形態"]).value = kind

    ws = wb["調査票3 スタッフ配置"]
    names = ["氏名（イニシャル）", "役割", "常勤・非常勤", "週の勤務時間", "就労支援業務の割合%",
             "そのうち精神障害のある人への支援の割合%", "生活支援業務の割合%", "オフィス外で働く割合%", "担当利用者数"]
    h, col = header(ws, [norm(n) for n in names])
    for i, row in enumerate(STAFF):
        for n, v in zip(names, row):
            ws.cell(h + 1 + i, col[norm(n)]).value = v

    ws = wb["調査票4 利用者一覧"]
    names = ["利用者ID", "精神障害", "重い精神疾患", "登録日", "就職日", "現在の状況"]
    h, col = header(ws, names)
    for i, u in enumerate(USERS):
        for n, v in zip(names, u):
            if v is not None:
                ws.cell(h + 1 + i, col[n]).value = v
    # One date typed as text, as people do (SPEC: YYYY/M/D text is a date, no warning).
    ws.cell(h + 1 + 3, col["登録日"]).value = "%d/%d/%d" % (USERS[3][3].year, USERS[3][3].month, USERS[3][3].day)

    ws = wb["計算シート2 支援記録等"]
    rows = {c.value: c.row for (c,) in ws.iter_rows(min_col=1, max_col=1) if isinstance(c.value, str)}
    roman = ["i", "ii", "iii", "iv", "v", "vi"]
    for k, v in enumerate(I3):
        ws.cell(rows["I-3-" + roman[k]], 3).value = v
    for k, (reg, contact) in enumerate(III4):
        ws.cell(rows["III-4-%d" % (k + 1)], 3).value = reg
        if contact:
            ws.cell(rows["III-4-%d" % (k + 1)], 4).value = contact
    for k, v in enumerate(III5):
        ws.cell(rows["III-5-%d" % (k + 1)], 3).value = v
    for box in ["1a", "1b", "1c", "1d", "1e", "1f", "2a", "2b", "2c", "2d", "2e", "2f"] + \
               ["3" + x for x in "abcdefghij"] + ["4" + x for x in "abcdefghijklm"]:
        ws.cell(rows["III-11-" + box], 3).value = 1 if box in III11 else 0
    for k, cols in enumerate(III12I):
        for j, v in enumerate(cols):
            ws.cell(rows["III-12-i-%d" % (k + 1)], 3 + j).value = v
    wb.save(out)


def band(x, edges):
    """Score 1..5 for x against ascending lower edges of 2, 3, 4, 5 ([a, b) bands)."""
    s = 1
    for k, e in enumerate(edges):
        if x >= e:
            s = k + 2
    return s


def expected():
    F = Fraction
    es = [s for s in STAFF if s[1] == "ES"]
    fte = sum(F(d, 35) * F(e, 100) * F(f, 100) for (_, _, _, d, e, f, _, _, _) in es)
    sum_d = sum(F(s[3]) for s in es)
    caseload = F(len(USERS)) / fte
    i1 = 5 if caseload <= 20 else 4 if caseload <= 25 else 3 if caseload <= 30 else 2 if caseload <= 40 else 1
    i2v = sum(F(d) * F(e, 100) * F(f, 100) for (_, _, _, d, e, f, _, _, _) in es) / sum_d * 100
    i13v = sum(F(d) * F(h, 100) for (_, _, _, d, _, _, _, h, _) in es) / sum_d * 100
    jobs_n = len(JOBS)
    i8v = F(len({norm(j[1]) for j in JOBS}), jobs_n) * 100
    non_self = [j for j in JOBS if j[3] != "自営"]
    i9v = F(len({norm(j[2]) for j in non_self}), len(non_self)) * 100
    b7 = F(RATES["B-2"], RATES["B-1"]) * 100
    items = {
        "I-1": {"score": i1, "value": float(round(caseload, 2))},
        "I-2": {"score": band(i2v, [60, 75, 90, 96]), "value": float(round(i2v, 2))},
        "III-8": {"score": band(i8v, [50, 60, 70, 85]) if jobs_n >= 5 else 1, "value": float(round(i8v, 2))},
        "III-9": {"score": band(i9v, [50, 60, 70, 85]) if jobs_n >= 5 else 1, "value": float(round(i9v, 2))},
        "III-10": {"score": band(b7, [65, 75, 85, 95]) if RATES["B-1"] - RATES["B-3"] >= 5 else 1,
                   "value": float(round(b7, 2))},
        "III-13": {"score": band(i13v, [30, 40, 50, 65]), "value": float(round(i13v, 2))},
    }
    n3 = sum(I3)
    items["I-3"] = {"score": {6: 5, 5: 4, 4: 3}[n3]}
    days = [((c or RECORD_DATE) - r).days for r, c in III4]
    months = F(sum(days), len(days)) / 30
    items["III-4"] = {"score": 5 if months < 1 else 4 if months < 2 else 3 if months < 5 else 2 if months < 9 else 1}
    share = F(sum(III5), len(III5)) * 100
    items["III-5"] = {"score": band(share, [25, 50, 75, 90])}
    met = [sum(1 for b in III11 if b[0] == str(k)) >= need for k, need in ((1, 3), (2, 3), (3, 4), (4, 5))]
    items["III-11"] = {"score": sum(met) + 1}
    iii12_i = len(III12I) > 0 and all(all(c == 1 for c in cols) for cols in III12I)
    goi = {
        "G3": F(sum(u[1] for u in USERS), len(USERS)) >= F(70, 100),
        "G4": sum(1 for s in STAFF if s[1] == "ES" and s[3] >= 35 and s[4] >= 70) >= 2,
        "G5": sum(1 for s in STAFF if s[1] == "CM" and s[3] >= 35 and s[6] >= 70) >= 1,
        "G10": sum(F(s[3], 35) for s in STAFF if s[1] == "AS") >= 1,
    }
    ii7_iii = F(sum(u[2] for u in USERS), len(USERS)) >= F(70, 100)
    return {
        "comment": "Computed by fill_blank.py from the data it wrote, by SPEC §3.1/§3.2/§3.5; values rounded to 2 places",
        "record_date": RECORD_DATE.isoformat(),
        "agency_name": "就労支援センターみしま",
        "users": len(USERS),
        "working_users": sum(1 for u in USERS if u[4]),
        "items": items,
        "iii12_i_from_records": iii12_i,
        "ii7_iii_from_workbook": ii7_iii,
        "goi_from_workbook": goi,
        "detail": {"es_fte": str(fte), "iii4_days": days, "iii4_months": str(months), "iii11_boxes_met": met},
    }


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    fill(sys.argv[1], sys.argv[2])
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        json.dump(expected(), f, ensure_ascii=False, indent=1)
        f.write("\n")
