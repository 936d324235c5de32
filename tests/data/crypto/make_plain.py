"""Writes plain.xlsx: the small unencrypted workbook that every encrypted
fixture in this folder is made from (run by make_fixtures.sh)."""
import datetime
import sys

import xlsxwriter

wb = xlsxwriter.Workbook(sys.argv[1])
# Fixed metadata so the file is reproducible.
wb.set_properties({"created": datetime.datetime(2026, 10, 12, 9, 0, 0)})
ws = wb.add_worksheet("フェイスシート")
date = wb.add_format({"num_format": "yyyy/mm/dd"})
ws.write("A1", "事業所名")
ws.write("B1", "就労支援センターはままつ")
ws.write("A2", "記載日")
ws.write_datetime("B2", datetime.datetime(2026, 10, 12), date)
ws.write("A3", "A-1")
ws.write_number("B3", 42)
ws.write("A4", "B-4")
ws.write_number("B4", 0.6)
# Enough text that the package spans several 4096-byte segments.
for r in range(5, 80):
    ws.write(r, 0, f"行{r}")
    ws.write(r, 1, f"就労支援の記録 {r * 37 % 101} 件目のメモ")
wb.close()
