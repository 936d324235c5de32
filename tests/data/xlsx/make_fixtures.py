#!/usr/bin/python3
"""Makes the xlsx reader's fixtures: the same small workbook written by
different producers, so tests can check that each reads the same.

Run from anywhere:  /usr/bin/python3 tests/data/xlsx/make_fixtures.py
Needs Debian's python3-openpyxl and python3-xlsxwriter (run under
/usr/bin/python3), and gnumeric (ssconvert).

  openpyxl.xlsx   openpyxl: inline strings, formulas without cached values
  gnumeric.xlsx   the same workbook opened and saved by Gnumeric's ssconvert
                  (shared strings, formulas with computed values)
  fuzz_seed/*.xlsx  small valid workbooks to seed the fuzzer
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.styles import Font
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))


def fill(wb):
    ws = wb.active
    ws.title = "記載日"
    ws["A1"] = "機関名"
    ws["B1"] = "就労支援センターはままつ"
    ws["A2"] = "記載日"
    ws["B2"] = datetime.datetime(2026, 10, 12)
    ws["B2"].number_format = "yyyy/mm/dd"
    ws["A3"] = "記入者"
    ws["B3"] = "山田 花子"
    ws["A4"] = "和暦"
    ws["B4"] = datetime.datetime(2024, 4, 1)
    ws["B4"].number_format = '[$-411]ggge"年"m"月"d"日"'
    ws["A5"] = "時刻"
    ws["B5"] = datetime.time(9, 30)
    ws["B5"].number_format = "h:mm"

    ws = wb.create_sheet("調査票1 機関の就労率")
    ws["A1"] = "調査票1"  # a title row above the data
    ws["A1"].font = Font(bold=True)
    rows = [
        ("A-1", "過去1年間にIPS支援に登録していた人数", 40),
        ("A-2", "うち精神障害のある人", 37.5),
        ("B-1", "過去1年間に就労した人数（全体）", 20.01),
        ("B-2", "うち一般雇用", 0.6),
        ("B-3", "うち就労継続支援A型・特例子会社", -3),
    ]
    for i, (code, label, value) in enumerate(rows, start=2):
        ws.cell(row=i, column=1, value=code)
        ws.cell(row=i, column=2, value=label)
        ws.cell(row=i, column=3, value=value)
    ws["A7"] = "B-4"
    ws["B7"] = "就労率"
    ws["C7"] = "=C4/C2"
    ws["C7"].number_format = "0%"
    ws["A8"] = "割合"
    ws["C8"] = 0.8
    ws["C8"].number_format = "0%"
    ws["A9"] = "確認済"
    ws["C9"] = True
    ws["D9"] = False
    ws["A10"] = "文字式"
    ws["C10"] = '="IPS"&"支援"'
    ws["A12"] = "空白の後"
    ws["E12"] = "　全角スペース付き　"


def main():
    wb = openpyxl.Workbook()
    fill(wb)
    op = os.path.join(HERE, "openpyxl.xlsx")
    wb.save(op)
    gn = os.path.join(HERE, "gnumeric.xlsx")
    subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", op, gn],
                   check=True, stderr=subprocess.DEVNULL)

    seeds = os.path.join(HERE, "fuzz_seed")
    os.makedirs(seeds, exist_ok=True)
    shutil.copy(op, os.path.join(seeds, "openpyxl.xlsx"))
    shutil.copy(gn, os.path.join(seeds, "gnumeric.xlsx"))
    # xlsxwriter (Python): shared strings, formulas with cached values, dates.
    path = os.path.join(seeds, "xlsxwriter.xlsx")
    xw = xlsxwriter.Workbook(path)
    ws = xw.add_worksheet("調査票4 利用者一覧")
    date = xw.add_format({"num_format": "yyyy/mm/dd"})
    pct = xw.add_format({"num_format": "0.0%"})
    ws.write_row(0, 0, ["No.", "利用者ID", "精神障害", "重い精神疾患", "登録日", "就職日", "現在の状況"])
    for r in range(1, 6):
        ws.write_number(r, 0, r)
        ws.write_string(r, 1, "ID-%03d" % r)
        ws.write_number(r, 2, r % 2)
        ws.write_boolean(r, 3, r % 3 == 0)
        ws.write_datetime(r, 4, datetime.datetime(2025, r, 10), date)
        ws.write_number(r, 5, 0.25 * r, pct)
        ws.write_formula(r, 6, "=A%d*2" % (r + 1), None, 2 * r)
    xw.close()
    # openpyxl, larger: 200 rows of mixed cells without r attributes is not
    # possible in openpyxl, so this one is just a plain table.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "調査票3 スタッフ配置"
    ws.append(["氏名（イニシャル）", "役割", "常勤・非常勤", "週の勤務時間", "就労支援業務の割合%"])
    for r in range(40):
        ws.append(["K.%d" % r, ["ES", "CM", "SV", "AS", "他"][r % 5], "常勤", 40 - r % 7, (r * 13) % 101])
    wb.save(os.path.join(seeds, "openpyxl_table.xlsx"))


if __name__ == "__main__":
    main()
