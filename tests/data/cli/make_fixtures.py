#!/usr/bin/python3
"""Fixtures of tests/cli, made from the round-trip workbook of tests/data/forms
(a clean, realistic agency filled into `fidelity blank`'s form):

  broken.xlsx     — the same workbook with mistakes a coordinator must see
                    (errors in four sheets and one warning); what and where is
                    listed in BROKEN below and checked by tests/cli/check_test.cc.
  protected.xlsx  — the clean workbook encrypted by LibreOffice (ECMA-376
                    Standard, AES-128; ../crypto/encrypt_libreoffice.py) with
                    the password in protected.pw.

Run: /usr/bin/python3 tests/data/cli/make_fixtures.py
Needs python3-openpyxl, libreoffice-calc-nogui and python3-uno.
"""
import datetime as dt
import os
import secrets
import subprocess
import sys

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "forms", "roundtrip", "mishima", "事前調査票.xlsx")

# (sheet, cell, new value): what the test expects to be reported there
BROKEN = [
    ("調査票1 機関の就労率", "C6", 40),                 # B-1 40 > A-1 30: error
    ("調査票3 スタッフ配置", "D6", 90),                 # 週の勤務時間 over 80: error
    ("調査票3 スタッフ配置", "D7", "２０"),             # full-width digits: warning
    ("調査票4 利用者一覧", "C7", 2),                    # 精神障害 must be 0 or 1: error
    ("調査票4 利用者一覧", "E10", dt.date(2026, 10, 5)),  # 登録日 after 記載日 2026/09/30: error
]

wb = openpyxl.load_workbook(src)
for sheet, cell, value in BROKEN:
    wb[sheet][cell].value = value
wb.save(os.path.join(here, "broken.xlsx"))

password = "pw-" + secrets.token_hex(6)
with open(os.path.join(here, "protected.pw"), "w") as f:
    f.write(password + "\n")
subprocess.run([sys.executable, os.path.join(here, "..", "crypto", "encrypt_libreoffice.py"), src,
                os.path.join(here, "protected.xlsx"), password], check=True)
