#!/usr/bin/python3
# Makes the broken-agency fixtures of tests/batch/ from the committed sample
# workbook, with openpyxl (Debian: python3-openpyxl). Run from this folder:
#   /usr/bin/python3 make_fixtures.py
import glob
import openpyxl

src = glob.glob("../../../samples/2026/hamamatsu-01/*.xlsx")[0]
wb = openpyxl.load_workbook(src)
del wb["調査票4 利用者一覧"]
wb.save("missing_sheet.xlsx")
