#!/usr/bin/python3
"""Writes the survey fixtures: one agency's complete pre-survey workbook
(SPEC §2.2), the SAME data written by several producers.

  survey_openpyxl.xlsx      openpyxl: date cells (yyyy/mm/dd), inline strings,
                            formulas without cached values
  survey_openpyxl1904.xlsx  openpyxl with the 1904 date system
  survey_xlsxwriter.xlsx    xlsxwriter: text dates (YYYY/MM/DD and YYYY/M/D),
                            percent-formatted E–H in 調査票3 (0.9 = 90 %),
                            columns of 調査票3 and 調査票4 in another order
  survey_libreoffice.xlsx   LibreOffice re-save of survey_openpyxl.xlsx
  survey_gnumeric.xlsx      Gnumeric (ssconvert) re-save of survey_xlsxwriter.xlsx

Run from anywhere:  /usr/bin/python3 tests/data/survey/make_fixtures.py
Needs: python3-openpyxl python3-xlsxwriter libreoffice-calc-nogui gnumeric.
The IDs are made up (U01…U20); no real person is in these files.
"""
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date

RECORD_DATE = D(2026, 9, 30)
AGENCY = "就労支援センターはままつ"
WRITER = "鈴木 一郎"

COUNTS = [  # code, description, value
    ("A-1", "過去1年間にIPS支援に登録していた人数", 20),
    ("A-2", "うち精神障害のある人", 18),
    ("B-1", "過去1年間に就労した人数（全体）", 9),
    ("B-2", "うち一般雇用", 7),
    ("B-3", "うち就労継続支援A型・特例子会社", 1),
]
RATES = [  # code, description, numerator row, denominator row (rows of COUNTS on the sheet)
    ("B-4", "就労率（B-1 ÷ A-1）", "C6", "C4"),
    ("B-5", "一般雇用率（B-2 ÷ A-1）", "C7", "C4"),
    ("B-6", "A型・特例子会社の率（B-3 ÷ A-1）", "C8", "C4"),
    ("B-7", "就労者のうち一般雇用（B-2 ÷ B-1）", "C7", "C6"),
    ("B-8", "精神障害のある人の率（A-2 ÷ A-1）", "C5", "C4"),
    ("B-9", "就労者のうちA型・特例子会社（B-3 ÷ B-1）", "C8", "C6"),
]

JOBS = [  # 就職日, 職種, 企業名, 雇用形態 (newest first)
    (D(2026, 9, 1), "清掃", "株式会社浜松クリーン", "障害者求人"),
    (D(2026, 7, 15), "データ入力", "有限会社遠州データ", "一般求人"),
    (D(2026, 6, 1), "調理補助", "浜名湖フーズ株式会社", "一般求人"),
    (D(2026, 4, 10), "品出し", "スーパーはまな", "障害者求人"),
    (D(2026, 2, 20), "事務補助", "浜松ビジネスサポート株式会社", "特例子会社"),
    (D(2025, 12, 1), "軽作業", "遠州ロジスティクス株式会社", "派遣"),
    (D(2025, 11, 5), "ウェブデザイン", "（本人）", "自営"),
    (D(2025, 10, 20), "清掃", "ホテル浜名", "一般求人"),
]

STAFF_HEADERS = ["氏名（イニシャル）", "役割", "常勤・非常勤", "週の勤務時間", "就労支援業務の割合%",
                 "そのうち精神障害のある人への支援の割合%", "生活支援業務の割合%", "オフィス外で働く割合%", "担当利用者数"]
STAFF = [  # A–I
    ("Y.S", "ES", "常勤", 40, 90, 100, 5, 70, 12),
    ("K.T", "ES", "常勤", 37.5, 80, 100, 10, 60, 10),
    ("M.A", "ES", "非常勤", 20, 100, 90, 0, 45, 6),
    ("H.N", "CM", "常勤", 40, 10, 100, 80, 30, 15),
    ("R.I", "SV", "常勤", 40, 50, 100, 20, 20, 0),
    ("E.O", "AS", "非常勤", 20, 0, 0, 0, 0, 0),
]

USER_HEADERS = ["No.", "利用者ID", "精神障害", "重い精神疾患", "登録日", "就職日", "現在の状況"]
USERS = [  # 利用者ID, 精神障害, 重い精神疾患, 登録日, 就職日, 現在の状況   (group with R = 2026-09-30)
    ("U01", 1, 1, D(2025, 10, 1), None, "求職中"),            # A
    ("U02", 1, 1, D(2025, 11, 15), None, "求職中"),           # A
    ("U03", 1, 0, D(2026, 1, 10), None, "求職中"),            # A
    ("U04", 1, 1, D(2026, 3, 1), None, "休止"),               # A
    ("U05", 1, 1, D(2026, 6, 30), None, "求職中"),            # A (登録日 = R-3m, edge)
    ("U06", 1, 1, D(2026, 8, 1), None, "求職中"),             # - (registered < 3 months ago)
    ("U07", 1, 0, D(2025, 4, 1), None, "求職中"),             # - (registered > 12 months ago)
    ("U08", 1, 1, D(2025, 12, 1), D(2026, 4, 10), "就労中"),  # B
    ("U09", 1, 1, D(2026, 1, 15), D(2026, 6, 1), "就労中"),   # B
    ("U10", 1, 1, D(2026, 2, 1), D(2026, 7, 15), "就労中"),   # B
    ("U11", 1, 0, D(2026, 5, 1), D(2026, 9, 1), "就労中"),    # B
    ("U12", 1, 1, D(2025, 9, 30), D(2026, 3, 30), "就労中"),  # B (both edges)
    ("U13", 1, 1, D(2025, 6, 1), D(2026, 2, 20), "就労中"),   # C
    ("U14", 1, 1, D(2025, 5, 10), D(2025, 12, 1), "就労中"),  # C
    ("U15", 1, 0, D(2025, 3, 1), D(2025, 11, 5), "就労中"),   # C
    ("U16", 1, 1, D(2025, 8, 1), D(2025, 10, 20), "離職"),    # C (working = 就職日 present)
    ("U17", 1, 1, D(2024, 10, 1), D(2025, 5, 1), "就労中"),   # - (employed > 12 months ago)
    ("U18", 1, 0, D(2026, 7, 20), None, "求職中"),            # - (registered < 3 months ago)
    ("U19", 0, 0, D(2025, 10, 15), None, "求職中"),           # A
    ("U20", 0, 0, D(2026, 4, 1), None, "求職中"),             # A
]

# 計算シート2: blocks of (title, header row, rows of (code, label, values...))
I3 = [("I-3-i", "インテーク", 1), ("I-3-ii", "アセスメント", 1), ("I-3-iii", "就職活動の支援", 1),
      ("I-3-iv", "職場開拓", 1), ("I-3-v", "継続支援", 0), ("I-3-vi", "卒業", 1)]
III4 = [("III-4-1", "ケース1", D(2025, 10, 1), D(2025, 10, 20)),
        ("III-4-2", "ケース2", D(2025, 11, 15), D(2026, 1, 5)),
        ("III-4-3", "ケース3", D(2026, 1, 10), None),   # no contact yet
        ("III-4-4", "ケース4", D(2025, 12, 1), D(2025, 12, 10)),
        ("III-4-5", "ケース5", D(2026, 1, 15), D(2026, 2, 1)),
        ("III-4-6", "ケース6", D(2026, 2, 1), D(2026, 2, 20)),
        ("III-4-7", "ケース7", None, None)]              # not a case
III5 = [1, 1, 0, 1, 1, 1, 1, 0, 1, None]
III11_BOXES = {"1": "abcdef", "2": "abcdef", "3": "abcdefghij", "4": "abcdefghijklm"}
III11_ONES = set("1a 1b 1d 2a 2b 2c 2e 3a 3b 3c 3e 3g 4a 4b 4c 4f 4h 4k".split())
III11_ZEROS = set("1c 2d 3d 4d 4e".split())   # the rest stays blank
III12 = [("III-12-i-1", "ケース1", (1, 1, 1)), ("III-12-i-2", "ケース2", (1, 1, 0)),
         ("III-12-i-3", "ケース3", (1, None, 1)), ("III-12-i-4", "ケース4", (None, None, None))]


def records_rows():
    """Yields (row, [cells]) for 計算シート2, cells being str/int/date/None."""
    r = 1
    yield r, ["計算シート2 支援記録等（調査員が支援記録から入力）"]
    r = 3
    yield r, ["【I-3 就労支援スペシャリストの提供するサービス】"]
    yield r + 1, ["コード", "項目", "0/1"]
    r += 2
    for code, label, v in I3:
        yield r, [code, label, v]
        r += 1
    r += 1
    yield r, ["【III-4 一般雇用のための迅速な求職活動】"]
    yield r + 1, ["コード", "項目", "登録日", "初回の雇用担当窓口との接触日"]
    r += 2
    for code, label, reg, contact in III4:
        yield r, [code, label, reg, contact]
        r += 1
    r += 1
    yield r, ["【III-5 個別化された求職活動】"]
    r += 1
    for i, v in enumerate(III5, 1):
        yield r, ["III-5-%d" % i, "ケース%d" % i, v]
        r += 1
    r += 1
    yield r, ["【III-11 個別化された継続支援】"]
    r += 1
    for big, letters in III11_BOXES.items():
        for ch in letters:
            key = big + ch
            v = 1 if key in III11_ONES else 0 if key in III11_ZEROS else None
            yield r, ["III-11-" + key, "小項目 " + key, v]
            r += 1
    r += 1
    yield r, ["【III-12-i 就職前後の対面コンタクト】"]
    yield r + 1, ["コード", "項目", "就職前1週間以内", "就職後3日以内", "最初の1か月毎週"]
    r += 2
    for code, label, vals in III12:
        yield r, [code, label] + list(vals)
        r += 1
    r += 1
    yield r, ["※ 灰色のセルに入力してください。空欄は未入力として扱います。"]


def slash(d, short=False):
    return "%d/%d/%d" % (d.year, d.month, d.day) if short else d.strftime("%Y/%m/%d")


# ---------------------------------------------------------------- openpyxl
def write_openpyxl(path, epoch1904=False):
    wb = openpyxl.Workbook()
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    DATE = "yyyy/mm/dd"

    def put(ws, ref, v, fmt=None):
        ws[ref] = v
        if isinstance(v, (dt.date, dt.datetime)):
            ws[ref].number_format = DATE
        elif fmt:
            ws[ref].number_format = fmt

    ws = wb.active
    ws.title = "記載日"
    put(ws, "A1", "事前調査票（日本版援助付き雇用フィデリティ評価）")
    put(ws, "A3", "機関名"); put(ws, "B3", AGENCY)
    put(ws, "A4", "記載日"); put(ws, "C4", RECORD_DATE)   # value not next to the label
    put(ws, "A5", "記入者"); put(ws, "B5", WRITER)
    put(ws, "A7", "※ 記載日は「過去1年間」を数える基準日です。")

    ws = wb.create_sheet("調査票1 機関の就労率")
    put(ws, "A1", "調査票1 機関の就労率")
    put(ws, "A3", "コード"); put(ws, "B3", "項目"); put(ws, "C3", "人数・割合")
    for i, (code, desc, v) in enumerate(COUNTS):
        put(ws, "A%d" % (4 + i), code); put(ws, "B%d" % (4 + i), desc); put(ws, "C%d" % (4 + i), v)
    for i, (code, desc, num, den) in enumerate(RATES):
        r = 9 + i
        put(ws, "A%d" % r, code); put(ws, "B%d" % r, desc)
        put(ws, "C%d" % r, "=IF(%s=0,0,%s/%s)" % (den, num, den), "0%")

    ws = wb.create_sheet("調査票2 直近の就労者リスト")
    put(ws, "A1", "調査票2 直近の就労者リスト（新しい順に15人まで）")
    put(ws, "A2", "B-1 就労した人数"); put(ws, "C2", "='調査票1 機関の就労率'!C6")
    for c, h in zip("ABCDE", ["No.", "就職日", "職種", "企業名", "雇用形態"]):
        put(ws, "%s4" % c, h)
    for i in range(15):  # the blank form comes numbered 1..15
        put(ws, "A%d" % (5 + i), i + 1)
    for i, (d, job, comp, kind) in enumerate(JOBS):
        r = 5 + i
        put(ws, "B%d" % r, d); put(ws, "C%d" % r, job); put(ws, "D%d" % r, comp); put(ws, "E%d" % r, kind)

    ws = wb.create_sheet("調査票3 スタッフ配置")
    put(ws, "A1", "調査票3 スタッフ配置")
    put(ws, "A2", "※ 割合は 0〜100 の数字で記入してください")
    for c, h in zip("ABCDEFGHI", STAFF_HEADERS):
        put(ws, "%s3" % c, h)
    for i, row in enumerate(STAFF):
        for c, v in zip("ABCDEFGHI", row):
            put(ws, "%s%d" % (c, 4 + i), v)

    ws = wb.create_sheet("調査票4 利用者一覧")
    put(ws, "A1", "調査票4 利用者一覧（過去1年間にサービスを利用した人）")
    put(ws, "A2", "記載日"); put(ws, "C2", "=記載日!C4", DATE)
    put(ws, "A3", "合計"); put(ws, "C3", "=SUM(C6:C25)"); put(ws, "D3", "=SUM(D6:D25)")
    for c, h in zip("ABCDEFG", USER_HEADERS):
        put(ws, "%s5" % c, h)
    put(ws, "I5", "X・Y・Z（自動）")
    for i, (uid, m, sv, reg, emp, st) in enumerate(USERS):
        r = 6 + i
        put(ws, "A%d" % r, i + 1); put(ws, "B%d" % r, uid); put(ws, "C%d" % r, m); put(ws, "D%d" % r, sv)
        put(ws, "E%d" % r, reg)
        if emp:
            put(ws, "F%d" % r, emp)
        put(ws, "G%d" % r, st)
        put(ws, "I%d" % r, '=IF(F%d="","未就労","就労")' % r)

    ws = wb.create_sheet("計算シート2 支援記録等")
    for r, cells in records_rows():
        for c, v in zip("ABCDEFG", cells):
            if v is not None:
                put(ws, "%s%d" % (c, r), v)
    wb.save(path)


# ---------------------------------------------------------------- xlsxwriter
def write_xlsxwriter(path):
    wb = xlsxwriter.Workbook(path)
    pct = wb.add_format({"num_format": "0%"})
    shade = wb.add_format({"bg_color": "#DDDDDD"})

    def text_date(d, i=0):  # mix YYYY/MM/DD and YYYY/M/D
        return slash(d, short=(i % 3 == 1))

    ws = wb.add_worksheet("記載日")
    ws.write("A1", "事前調査票（日本版援助付き雇用フィデリティ評価）")
    ws.write("A3", "機関名"); ws.write("B3", AGENCY)
    ws.write("A4", "記載日"); ws.write("C4", slash(RECORD_DATE), shade)
    ws.write("A5", "記入者"); ws.write("B5", WRITER)
    ws.write("A7", "※ 記載日は「過去1年間」を数える基準日です。")

    ws = wb.add_worksheet("調査票1 機関の就労率")
    ws.write("A1", "調査票1 機関の就労率")
    ws.write_row("A3", ["コード", "項目", "人数・割合"])
    for i, (code, desc, v) in enumerate(COUNTS):
        ws.write_row(3 + i, 0, [code, desc, v])
    vals = dict((c, v) for c, _, v in COUNTS)
    cellv = {"C4": vals["A-1"], "C5": vals["A-2"], "C6": vals["B-1"], "C7": vals["B-2"], "C8": vals["B-3"]}
    for i, (code, desc, num, den) in enumerate(RATES):
        ws.write_row(8 + i, 0, [code, desc])
        ws.write_formula(8 + i, 2, "=IF(%s=0,0,%s/%s)" % (den, num, den), pct, cellv[num] / cellv[den])

    ws = wb.add_worksheet("調査票2 直近の就労者リスト")
    ws.write("A1", "調査票2 直近の就労者リスト（新しい順に15人まで）")
    ws.write("A2", "B-1 就労した人数"); ws.write_formula("C2", "='調査票1 機関の就労率'!C6", None, vals["B-1"])
    ws.write_row("A4", ["No.", "就職日", "職種", "企業名", "雇用形態"])
    for i in range(15):
        ws.write_number(4 + i, 0, i + 1)
    for i, (d, job, comp, kind) in enumerate(JOBS):
        ws.write_row(4 + i, 1, [text_date(d, i), job, comp, kind])

    # 調査票3 with its columns in another order (headers are matched by text).
    order = [1, 0, 3, 4, 5, 6, 7, 2, 8]   # 役割, 氏名, D..H, 常勤・非常勤, I
    ws = wb.add_worksheet("調査票3 スタッフ配置")
    ws.write("A1", "調査票3 スタッフ配置")
    ws.write("A2", "※ 割合は 0〜100 の数字で記入してください")
    ws.write_row("A3", [STAFF_HEADERS[k] for k in order])
    for i, row in enumerate(STAFF):
        for j, k in enumerate(order):
            v = row[k]
            if 4 <= k <= 7:   # E–H as fractions in percent-formatted cells
                ws.write_number(3 + i, j, v / 100, pct)
            else:
                ws.write(3 + i, j, v)

    # 調査票4: columns reordered, dates as text.
    uorder = [0, 1, 4, 5, 2, 3, 6]   # No., ID, 登録日, 就職日, 精神障害, 重い精神疾患, 現在の状況
    ws = wb.add_worksheet("調査票4 利用者一覧")
    ws.write("A1", "調査票4 利用者一覧（過去1年間にサービスを利用した人）")
    ws.write("A2", "記載日"); ws.write("C2", slash(RECORD_DATE))
    ws.write("A3", "合計")
    ws.write_formula("E3", "=SUM(E6:E25)", None, sum(u[1] for u in USERS))
    ws.write_formula("F3", "=SUM(F6:F25)", None, sum(u[2] for u in USERS))
    ws.write_row("A5", [USER_HEADERS[k] for k in uorder])
    for i, (uid, m, sv, reg, emp, st) in enumerate(USERS):
        full = [i + 1, uid, m, sv, text_date(reg, i), text_date(emp, i + 1) if emp else None, st]
        for j, k in enumerate(uorder):
            if full[k] is not None:
                ws.write(5 + i, j, full[k])

    ws = wb.add_worksheet("計算シート2 支援記録等")
    for r, cells in records_rows():
        for c, v in enumerate(cells):
            if v is None:
                continue
            if isinstance(v, dt.date):
                v = text_date(v, r)
            ws.write(r - 1, c, v)
    wb.close()


def convert(tool, src, dst):
    out = tempfile.mkdtemp()
    try:
        if tool == "soffice":
            # Copy under a plain name: soffice names its output after the input.
            tmp_in = os.path.join(out, "in", "book.xlsx")
            os.makedirs(os.path.dirname(tmp_in))
            shutil.copy(src, tmp_in)
            subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(out, "profile"),
                            "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, tmp_in],
                           check=True, stdout=subprocess.DEVNULL)
            shutil.move(os.path.join(out, "book.xlsx"), dst)
        else:
            subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", src, dst], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main():
    p = lambda name: os.path.join(HERE, name)
    write_openpyxl(p("survey_openpyxl.xlsx"))
    write_openpyxl(p("survey_openpyxl1904.xlsx"), epoch1904=True)
    write_xlsxwriter(p("survey_xlsxwriter.xlsx"))
    convert("soffice", p("survey_openpyxl.xlsx"), p("survey_libreoffice.xlsx"))
    convert("ssconvert", p("survey_xlsxwriter.xlsx"), p("survey_gnumeric.xlsx"))
    print("wrote fixtures in", HERE)


if __name__ == "__main__":
    sys.exit(main())
