#!/usr/bin/python3
"""Writes the sample cycles' pre-survey workbooks and samples/EXPECTED.md.

    /usr/bin/python3 samples/make_samples.py        (from the repo root or anywhere)
    /usr/bin/python3 samples/make_samples.py --check samples/out
        also compares samples/out/<cycle>/<id>/scores.json with the expectations

Needs openpyxl and PyYAML (Debian: python3-openpyxl, python3-yaml).

For each agency of samples/2024, samples/2025 and samples/2026 it writes
<cycle>/<id>/事前調査票.xlsx in the layout of config/workbook_layout.yaml
(sheet names, labels and header texts copied from there), with numbers
picked so that the computed items land where the sample wants them. Random
parts (dates, 0/1 flags) come from a fixed seed per agency, and document
times and zip entry times are fixed, so a rerun gives the same bytes.

It then computes every item the pipeline computes (SPEC §3.1, §3.2, §3.5)
with exact fractions, reads the reviewer files already in samples/ (they are
written by hand), resolves them by SPEC §3.4/§3.7 and writes the expected
scores, totals and bands to samples/EXPECTED.md. Reviewer ticks for checks
the pipeline computes (II-7 iii, III-12 i) are kept equal to the computed
value in the sample files, so the expectations do not depend on how a
reviewer's own score is derived there.
"""
import copy
import datetime as dt
import os
import random
import sys
import unicodedata
import zipfile
import zlib
from fractions import Fraction as F

import openpyxl
import yaml
from openpyxl.styles import Font, PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date

# Sheet names, labels and headers, as in config/workbook_layout.yaml.
S_COVER = "記載日"
S_RATES = "調査票1 機関の就労率"
S_JOBS = "調査票2 直近の就労者リスト"
S_STAFF = "調査票3 スタッフ配置"
S_USERS = "調査票4 利用者一覧"
S_REC = "計算シート2 支援記録等"
JOB_HEAD = ["No.", "就職日", "職種", "企業名", "雇用形態"]
STAFF_HEAD = ["氏名（イニシャル）", "役割", "常勤・非常勤", "週の勤務時間", "就労支援業務の割合%",
              "そのうち精神障害のある人への支援の割合%", "生活支援業務の割合%", "オフィス外で働く割合%", "担当利用者数"]
USER_HEAD = ["No.", "利用者ID", "精神障害", "重い精神疾患", "登録日", "就職日", "現在の状況"]
GENERAL = {"一般求人", "障害者求人", "自営", "派遣"}       # B-2 (一般雇用)
SHELTERED = {"就労継続A型", "特例子会社"}                  # B-3
III11_BOXES = {"1": ("abcdef", 3), "2": ("abcdef", 3), "3": ("abcdefghij", 4), "4": ("abcdefghijklm", 5)}

DATE_FMT = "yyyy/mm/dd"
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


# --------------------------------------------------------------------------
# The agencies. Staff rows: (initials, role, 常勤・非常勤, D hours, E %, F %,
# G %, H %, I caseload). Jobs: (職種, 企業名, 雇用形態), newest first, one per
# user employed in the past year (B-1). Records: 計算シート2.
# --------------------------------------------------------------------------

AGENCIES = {
    "2025": [
        dict(
            id="hamamatsu-01", name="就労支援センターはままつ", type="地域事業所",
            record_date=D(2025, 9, 1), survey_date="2025-10-14", writer="管理者 村松",
            reviews=["山田", "佐藤"], consensus=True,
            users=52, mental=0.92, severe=0.75, earlier_working=3,
            staff=[
                ("K.S", "SV", "常勤", 40, 50, 100, 10, 30, 6),
                ("M.T", "ES", "常勤", 38, 90, 95, 5, 50, 26),
                ("Y.N", "ES", "非常勤", 32, 85, 100, 5, 45, 20),
                ("R.K", "CM", "常勤", 38, 10, 100, 80, 30, 24),
                ("E.F", "AS", "非常勤", 16, 100, 100, 0, 0, 0),
                ("T.M", "他", "常勤", 40, 20, 100, 10, 10, 0),
            ],
            jobs=[
                ("品出し", "スーパーはまなす 浜北店", "障害者求人"),
                ("清掃", "遠州ビルサービス株式会社", "一般求人"),
                ("データ入力", "株式会社浜松精機", "障害者求人"),
                ("品出し", "スーパーはまなす 浜北店", "一般求人"),
                ("軽作業", "ふれあいワークス株式会社", "特例子会社"),
                ("調理補助", "レストラン葵", "一般求人"),
                ("清掃", "ホテル舘山寺ガーデン", "障害者求人"),
                ("事務補助", "浜松中央信用金庫", "障害者求人"),
                ("軽作業", "ふれあいワークス株式会社", "特例子会社"),
                ("部品検査", "株式会社天竜製作所", "派遣"),
                ("品出し", "ドラッグストアみどり 曳馬店", "一般求人"),
            ],
            records=dict(
                i3=[1, 1, 1, 1, 1, 0],
                iii4=[55, 80, None, 60, 45, 70, 90],   # days from 登録日 to first contact (None: none yet)
                iii5=[1, 1, 0, 1, 1, 0, 1, 0, 1, 0],
                iii11={"1": "abe", "2": "abe", "3": "abh", "4": "efhk"},
                iii12i=[(1, 1, 1), (1, 1, None), (1, 1, 1), (1, 0, 1)],
            ),
        ),
        dict(
            id="shizuoka-02", name="静岡みなと病院 就労支援室", type="医療機関",
            record_date=D(2025, 8, 29), survey_date="2025-10-21", writer="PSW 望月",
            reviews=["鈴木", "高橋"], consensus=False,
            users=48, mental=1.0, severe=0.85, earlier_working=2,
            staff=[
                ("H.M", "SV", "常勤", 38, 20, 100, 30, 10, 5),
                ("S.O", "ES", "常勤", 38, 80, 100, 10, 30, 24),
                ("K.A", "ES", "常勤", 38, 50, 95, 30, 20, 18),
                ("N.I", "CM", "常勤", 38, 5, 100, 70, 20, 30),
                ("T.S", "他", "非常勤", 20, 10, 100, 20, 0, 0),
            ],
            jobs=[
                ("清掃", "駿河ビルメンテナンス株式会社", "障害者求人"),
                ("品出し", "フレッシュマート駿河 大岩店", "障害者求人"),
                ("軽作業", "就労継続支援A型事業所 ひまわり工房", "就労継続A型"),
                ("調理補助", "しずおか給食センター株式会社", "一般求人"),
                ("データ入力", "静岡みなとサポート株式会社", "特例子会社"),
                ("清掃", "駿河ビルメンテナンス株式会社", "障害者求人"),
                ("介護補助", "特別養護老人ホーム 清水の里", "障害者求人"),
                ("品出し", "フレッシュマート駿河 大岩店", "一般求人"),
            ],
            records=dict(
                i3=[1, 1, 1, 1, 0, 0],
                iii4=[120, None, 150, 60, 75, 90, 45],
                iii5=[1, 0, 1, 0, 1, 1, 0, 1, 0, 0],
                iii11={"1": "abe", "2": "ab", "3": "ab", "4": "ek"},
                iii12i=[(1, 0, 1), (1, 1, 0), (0, 1, 1), (1, 1, 1)],
            ),
        ),
    ],
    "2026": [
        dict(
            id="hamamatsu-01", name="就労支援センターはままつ", type="地域事業所",
            record_date=D(2026, 9, 1), survey_date="2026-10-12", writer="管理者 村松",
            reviews=["山田", "佐藤"], consensus=True,
            users=58, mental=0.93, severe=0.78, earlier_working=4,
            staff=[
                ("K.S", "SV", "常勤", 40, 60, 100, 10, 30, 5),
                ("M.T", "ES", "常勤", 38, 95, 100, 0, 70, 20),
                ("Y.N", "ES", "常勤", 38, 95, 100, 0, 65, 20),
                ("A.O", "ES", "非常勤", 30, 90, 100, 5, 55, 13),
                ("R.K", "CM", "常勤", 38, 10, 100, 80, 40, 25),
                ("E.F", "AS", "非常勤", 20, 100, 100, 0, 0, 0),
                ("T.M", "他", "常勤", 40, 20, 100, 10, 10, 0),
            ],
            jobs=[
                ("介護補助", "デイサービス 和合の家", "障害者求人"),
                ("品出し", "スーパーはまなす 浜北店", "一般求人"),
                ("データ入力", "株式会社浜松精機", "障害者求人"),
                ("ハンドメイド雑貨の製作販売", "自営", "自営"),
                ("調理補助", "レストラン葵", "一般求人"),
                ("清掃", "ホテル舘山寺ガーデン", "障害者求人"),
                ("配送助手", "遠州ロジスティクス株式会社", "派遣"),
                ("軽作業", "ふれあいワークス株式会社", "特例子会社"),
                ("事務補助", "浜松中央信用金庫", "障害者求人"),
                ("品出し", "ドラッグストアみどり 曳馬店", "一般求人"),
                ("保育補助", "社会福祉法人ひかり 佐鳴台保育園", "一般求人"),
                ("部品検査", "株式会社天竜製作所", "障害者求人"),
                ("清掃", "遠州ビルサービス株式会社", "一般求人"),
                ("図書整理", "浜松市立中央図書館（指定管理 株式会社ブックリンク）", "一般求人"),
                ("農作業", "浜名湖ファーム株式会社", "一般求人"),
            ],
            records=dict(
                i3=[1, 1, 1, 1, 1, 1],
                iii4=[20, 35, 48, 30, 25, 41, 52],
                iii5=[1, 1, 1, 0, 1, 1, 1, 1, 0, 1],
                iii11={"1": "abce", "2": "abde", "3": "abeh", "4": "efhk"},
                iii12i=[(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1)],
            ),
        ),
        dict(
            id="shizuoka-02", name="静岡みなと病院 就労支援室", type="医療機関",
            record_date=D(2026, 8, 31), survey_date="2026-10-20", writer="PSW 望月",
            reviews=["鈴木", "高橋"], consensus=False,
            users=60, mental=1.0, severe=0.85, earlier_working=3,
            staff=[
                ("H.M", "SV", "常勤", 38, 20, 100, 30, 10, 5),
                ("S.O", "ES", "常勤", 38, 80, 100, 10, 35, 24),
                ("K.A", "ES", "常勤", 38, 50, 95, 30, 25, 18),
                ("R.U", "ES", "非常勤", 20, 90, 100, 0, 40, 12),
                ("N.I", "CM", "常勤", 38, 5, 100, 70, 20, 30),
                ("T.S", "他", "非常勤", 20, 10, 100, 20, 0, 0),
            ],
            jobs=[
                ("清掃", "駿河ビルメンテナンス株式会社", "障害者求人"),
                ("品出し", "フレッシュマート駿河 大岩店", "障害者求人"),
                ("ビル清掃", "清水港ビルサービス株式会社", "一般求人"),
                ("調理補助", "しずおか給食センター株式会社", "一般求人"),
                ("軽作業", "就労継続支援A型事業所 ひまわり工房", "就労継続A型"),
                ("データ入力", "静岡みなとサポート株式会社", "特例子会社"),
                ("清掃スタッフ", "駿河ビルメンテナンス株式会社", "障害者求人"),
                ("介護補助", "特別養護老人ホーム 清水の里", "障害者求人"),
                ("品出し", "ドラッグストアみどり 静岡駅南店", "一般求人"),
                ("軽作業", "株式会社駿府パック", "障害者求人"),
            ],
            # Deliberate warnings (SPEC §2.2, §4): a 和暦 date in 調査票2, a
            # YYYY-MM-DD date in 調査票4, full-width digits in 調査票3.
            quirks=dict(jobs_wareki_row=3, users_iso_row=5, staff_fullwidth="R.U"),
            records=dict(
                i3=[1, 1, 1, 1, 1, 0],
                iii4=[60, 75, 90, 45, 80, 70, 65],
                iii5=[1, 1, 0, 1, 0, 1, 1, None, 0, 1],
                iii11={"1": "abe", "2": "abde", "3": "abe", "4": "cek"},
                iii12i=[(1, 1, 1), (1, 0, 1), (1, 1, 1), (1, 1, 0)],
            ),
        ),
        dict(
            id="numazu-03", name="ぬまづ就労サポートセンター", type="地域事業所",
            record_date=D(2026, 9, 15), survey_date="2026-10-27", writer="サービス管理責任者 勝又",
            reviews=["山田", "伊藤"], consensus=False,
            users=40, mental=0.9, severe=0.75, earlier_working=3,
            percent_cells=True,     # 調査票3 E–H written as 0.9 with a percent format
            staff=[
                ("Y.K", "SV", "常勤", 38, 40, 100, 10, 30, 4),
                ("A.S", "ES", "常勤", 38, 90, 100, 5, 55, 20),
                ("M.W", "ES", "常勤", 35, 85, 100, 10, 50, 16),
                ("T.H", "CM", "非常勤", 30, 10, 100, 80, 30, 22),
                ("C.N", "AS", "常勤", 38, 100, 100, 0, 10, 0),
            ],
            jobs=[
                ("水産加工", "沼津港フーズ株式会社", "障害者求人"),
                ("品出し", "スーパーかのがわ 大岡店", "一般求人"),
                ("清掃", "株式会社千本クリーン", "障害者求人"),
                ("介護補助", "介護老人保健施設 香貫苑", "一般求人"),
                ("データ入力", "株式会社ぬまづ情報サービス", "障害者求人"),
                ("品出し", "ホームセンターふじみ 沼津店", "一般求人"),
                ("調理補助", "沼津港フーズ株式会社", "一般求人"),
                ("倉庫内作業", "駿東ロジ株式会社", "派遣"),
                ("軽作業", "株式会社三園精工", "障害者求人"),
            ],
            records=dict(
                i3=[1, 1, 1, 1, 1, 1],
                iii4=[25, 40, 55, 30, 45, 50, 35],
                iii5=[1, 1, 1, 1, 1, 1, 0, 1, 1, 1],
                iii11={"1": "abde", "2": "abe", "3": "abgh", "4": "cefk"},
                iii12i=[(1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1)],
            ),
        ),
        dict(
            id="fuji-04", name="富士みどり病院 精神科デイケア就労支援", type="医療機関",
            record_date=D(2026, 9, 30), survey_date="2026-11-05", writer="精神保健福祉士 渡辺",
            reviews=["佐藤", "高橋"], consensus=True,
            users=45, mental=0.96, severe=0.8, earlier_working=2,
            staff=[
                ("S.W", "ES", "常勤", 38, 40, 90, 50, 15, 30),
                ("M.F", "ES", "非常勤", 20, 50, 100, 20, 20, 15),
                ("K.O", "SV", "常勤", 38, 5, 100, 20, 0, 0),
                ("H.T", "他", "常勤", 38, 10, 100, 20, 5, 0),
            ],
            jobs=[
                ("軽作業", "就労継続支援A型事業所 ふじワークス", "就労継続A型"),
                ("清掃", "富士見ビル管理株式会社", "障害者求人"),
                ("軽作業", "就労継続支援A型事業所 ふじワークス", "就労継続A型"),
                ("製紙工場の検品", "岳南製紙株式会社", "障害者求人"),
                ("軽作業", "富士グリーンサポート株式会社", "特例子会社"),
                ("清掃", "富士見ビル管理株式会社", "一般求人"),
                ("軽作業", "就労継続支援A型事業所 ふじワークス", "就労継続A型"),
                ("品出し", "スーパーたごのうら 吉原店", "障害者求人"),
            ],
            records=dict(
                i3=[1, 1, 1, 0, 0, 0],
                iii4=[None, 200, None, 120, 140, 100, 130],
                iii5=[0, 1, 0, 0, 0, 1, 0, 0, 0, 0],
                iii11={"1": "ab", "2": "abe", "3": "ab", "4": "ce"},
                iii12i=[(0, 1, 0), (1, 1, 0), None, None],
            ),
        ),
    ],
}


# --------------------------------------------------------------------------
# Dates and the record-review groups (SPEC §3.3)
# --------------------------------------------------------------------------

# 2024: the first cycle of the chain (2024 → 2025 → 2026). The same two
# agencies a year earlier: fewer users, one ES fewer hours, weaker records.
def _earlier(a, **changes):
    b = copy.deepcopy(a)
    b.update(changes)
    return b


_H25, _S25 = AGENCIES["2025"]
AGENCIES = {"2024": [
    _earlier(_H25, record_date=D(2024, 9, 2), survey_date="2024-10-15", users=46, earlier_working=2,
             staff=[s if s[0] != "Y.N" else ("Y.N", "ES", "非常勤", 24, 80, 100, 5, 40, 16) for s in _H25["staff"]],
             jobs=_H25["jobs"][:9],
             records=dict(i3=[1, 1, 1, 1, 0, 0], iii4=[70, 95, None, 60, 45, 70, 90],
                          iii5=[1, 0, 0, 1, 1, 0, 1, 0, 0, 0], iii11={"1": "ab", "2": "abe", "3": "ab", "4": "efhk"},
                          iii12i=[(1, 1, 0), (1, 0, None), (1, 1, 1), (0, 0, 1)])),
    _earlier(_S25, record_date=D(2024, 8, 30), survey_date="2024-10-22", users=44, earlier_working=2,
             jobs=_S25["jobs"][:8],
             records=dict(i3=[1, 1, 1, 1, 0, 0], iii4=[150, None, 170, 60, 75, 90, 45],
                          iii5=[1, 0, 0, 0, 1, 1, 0, 1, 0, 0], iii11={"1": "ab", "2": "ab", "3": "ab", "4": "ek"},
                          iii12i=[(1, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 1)])),
], **AGENCIES}


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][m - 1]
    return D(y, m, min(d.day, last))


def working(u):
    """SPEC §3.3: 現在の状況 就労中; only a blank 現在の状況 falls back to a 就職日."""
    return u["status"] == "就労中" if u.get("status") else u["job"] is not None


def group_of(u, R):
    r12, r6, r3 = add_months(R, -12), add_months(R, -6), add_months(R, -3)
    if not working(u):
        return "A" if r12 <= u["reg"] <= r3 else None
    if u["reg"] >= r12 and u["job"] >= r6:
        return "B"
    if r12 <= u["job"] < r6:
        return "C"
    return None


def wareki(d):
    return f"R{d.year - 2018}.{d.month}.{d.day}"


# --------------------------------------------------------------------------
# Data generation
# --------------------------------------------------------------------------

def make_users(a, rng):
    """One row per person served in the past year: employed-in-the-past-year
    users first get their job dates (spread over the year), then everyone gets
    a registration date; IDs follow registration order."""
    R = a["record_date"]
    k = len(a["jobs"])
    users = []
    # jobs spread over the past year, newest first, distinct days
    span = (R - add_months(R, -12)).days
    days = sorted({int(5 + (span - 12) * (i + rng.random() * 0.6) / k) for i in range(k)})
    assert len(days) == k, "job days collide"
    for i, off in enumerate(days):  # newest first
        job = R - dt.timedelta(days=off)
        reg = job - dt.timedelta(days=rng.randint(25, 200))
        status = "就労中"
        users.append(dict(job=job, reg=reg, status=status, jobrow=a["jobs"][i]))
    if k >= 6:
        users[k // 2]["status"] = "離職"      # worked this year, then left
    for _ in range(a["earlier_working"]):
        job = R - dt.timedelta(days=rng.randint(380, 600))
        users.append(dict(job=job, reg=job - dt.timedelta(days=rng.randint(40, 200)), status="就労中", jobrow=None))
    rest = a["users"] - len(users)
    for i in range(rest):
        if i % 2 == 0:   # inside group A's window, so the sample has enough cases
            lo, hi = (R - add_months(R, -3)).days, (R - add_months(R, -12)).days
        else:
            lo, hi = 10, 720
        reg = R - dt.timedelta(days=rng.randint(lo, hi))
        status = "休止" if rng.random() < 0.12 else "求職中"
        users.append(dict(job=None, reg=reg, status=status, jobrow=None))
    users.sort(key=lambda u: (u["reg"], u["job"] or D(9999, 1, 1)))
    n = len(users)
    n_mental = round(n * a["mental"])
    n_severe = round(n * a["severe"])
    idx = list(range(n))
    rng.shuffle(idx)
    mental = set(idx[:n_mental])
    severe = set(idx[:n_severe])          # severe ⊂ mental
    for i, u in enumerate(users):
        u["id"] = f"U-{i + 1:03d}"
        u["mental"] = 1 if i in mental else 0
        u["severe"] = 1 if i in severe else 0
    return users


def draw_record_cases(a, users, rng):
    """III-4 cases: 3 from group A, 4 from group B (the sample of §3.3)."""
    R = a["record_date"]
    groups = {g: [u for u in users if group_of(u, R) == g] for g in "ABC"}
    offs = a["records"]["iii4"]
    cases = [None] * len(offs)
    for grp, first, want in (("A", 0, offs[:3]), ("B", 3, offs[3:])):
        pool = list(groups[grp])
        rng.shuffle(pool)
        room = lambda u: ((u["job"] or R) - u["reg"]).days   # first contact before the job (or 記載日)
        # longest wait first, each taking the user with the least room that fits
        for k, off in sorted(enumerate(want), key=lambda kv: -(kv[1] or 0)):
            fits = [u for u in pool if off is None or room(u) >= off]
            if not fits:
                sys.exit(f"{a['id']}: no group {grp} user with a first contact {off} days after 登録日")
            u = fits[0] if off is None else min(fits, key=room)
            pool.remove(u)
            cases[first + k] = (u["reg"], None if off is None else u["reg"] + dt.timedelta(days=off))
    for reg, contact in cases:
        assert contact is None or contact <= R
    return cases, {g: len(v) for g, v in groups.items()}


# --------------------------------------------------------------------------
# Workbook writing
# --------------------------------------------------------------------------

def title(ws, text):
    ws["A1"] = text
    ws["A1"].font = TITLE


def header(ws, row, texts):
    for c, t in enumerate(texts, 1):
        cell = ws.cell(row=row, column=c, value=t)
        cell.font = BOLD
        cell.fill = HEAD_FILL


def put_date(ws, row, col, d):
    cell = ws.cell(row=row, column=col, value=d)
    cell.number_format = DATE_FMT
    return cell


def write_workbook(a, users, cases, path, rates):
    q = a.get("quirks", {})
    wb = openpyxl.Workbook()
    wb.properties.creator = "samples/make_samples.py"
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    # 記載日
    ws = wb.active
    ws.title = S_COVER
    title(ws, "IPSフィデリティ調査 事前調査票")
    ws["A3"], ws["B3"] = "機関名", a["name"]
    ws["A4"] = "記載日"
    put_date(ws, 4, 2, a["record_date"]).fill = INPUT_FILL
    ws["A5"], ws["B5"] = "記入者", a["writer"]
    ws["A7"] = "※「過去1年間」はすべて記載日から数えます。"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 40

    # 調査票1
    ws = wb.create_sheet(S_RATES)
    title(ws, "調査票1 機関の就労率（過去1年間）")
    header(ws, 3, ["コード", "項目", "人数・割合"])
    desc = {
        "A-1": "過去1年間にIPS支援に登録していた人数", "A-2": "うち精神障害のある人",
        "B-1": "過去1年間に就労した人数（全体）", "B-2": "うち一般雇用",
        "B-3": "うち就労継続支援A型・特例子会社",
        "B-4": "就労率（B-1 ÷ A-1）", "B-5": "一般雇用率（B-2 ÷ A-1）",
        "B-6": "A型・特例子会社の率（B-3 ÷ A-1）", "B-7": "就労者のうち一般雇用の割合（B-2 ÷ B-1）",
        "B-8": "精神障害のある人の割合（A-2 ÷ A-1）", "B-9": "就労者のうちA型・特例子会社の割合（B-3 ÷ B-1）",
    }
    rowof = {}
    r = 4
    for code in ["A-1", "A-2", "B-1", "B-2", "B-3"]:
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=desc[code])
        ws.cell(row=r, column=3, value=rates[code]).fill = INPUT_FILL
        rowof[code] = r
        r += 1
    formulas = {"B-4": ("B-1", "A-1"), "B-5": ("B-2", "A-1"), "B-6": ("B-3", "A-1"),
                "B-7": ("B-2", "B-1"), "B-8": ("A-2", "A-1"), "B-9": ("B-3", "B-1")}
    for code, (num, den) in formulas.items():
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=desc[code])
        c = ws.cell(row=r, column=3, value=f'=IF(C{rowof[den]}=0,"",C{rowof[num]}/C{rowof[den]})')
        c.number_format = "0.0%"
        r += 1
    ws.column_dimensions["B"].width = 46

    # 調査票2
    ws = wb.create_sheet(S_JOBS)
    title(ws, "調査票2 直近の就労者リスト（新しい順に最大15人）")
    header(ws, 3, JOB_HEAD)
    employed = sorted([u for u in users if u["jobrow"]], key=lambda u: u["job"], reverse=True)
    for i, u in enumerate(employed[:15]):
        row = 4 + i
        ws.cell(row=row, column=1, value=i + 1)
        if q.get("jobs_wareki_row") == i + 1:
            ws.cell(row=row, column=2, value=wareki(u["job"]))
        else:
            put_date(ws, row, 2, u["job"])
        jt, co, et = u["jobrow"]
        ws.cell(row=row, column=3, value=jt)
        ws.cell(row=row, column=4, value=co)
        ws.cell(row=row, column=5, value=et)
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 22
    ws.column_dimensions["D"].width = 44
    ws.column_dimensions["E"].width = 12

    # 調査票3
    ws = wb.create_sheet(S_STAFF)
    title(ws, "調査票3 スタッフ配置")
    ws["A2"] = "割合（%）は 0〜100 で入力。週の勤務時間は 0〜80。"
    header(ws, 3, STAFF_HEAD)
    for i, s in enumerate(a["staff"]):
        row = 4 + i
        for c, v in enumerate(s, 1):
            if c == 4 and q.get("staff_fullwidth") == s[0]:
                v = str(v).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
            cell = ws.cell(row=row, column=c, value=v)
            if a.get("percent_cells") and 5 <= c <= 8:
                cell.value = v / 100
                cell.number_format = "0%"
    for col, w in zip("ABCDEFGHI", [16, 8, 12, 12, 14, 18, 14, 14, 12]):
        ws.column_dimensions[col].width = w

    # 調査票4
    ws = wb.create_sheet(S_USERS)
    title(ws, "調査票4 利用者一覧（過去1年間にサービスを利用した人）")
    ws["A2"], ws["B2"] = "合計", len(users)
    ws["C2"] = sum(u["mental"] for u in users)
    ws["D2"] = sum(u["severe"] for u in users)
    ws["A3"] = "精神障害・重い精神疾患は 1（あり）か 0（なし）。就労していない人の就職日は空欄。"
    header(ws, 4, USER_HEAD)
    for i, u in enumerate(users):
        row = 5 + i
        ws.cell(row=row, column=1, value=i + 1)
        ws.cell(row=row, column=2, value=u["id"])
        ws.cell(row=row, column=3, value=u["mental"])
        ws.cell(row=row, column=4, value=u["severe"])
        if q.get("users_iso_row") == i + 1:
            ws.cell(row=row, column=5, value=u["reg"].isoformat())
        else:
            put_date(ws, row, 5, u["reg"])
        if u["job"]:
            put_date(ws, row, 6, u["job"])
        ws.cell(row=row, column=7, value=u["status"])
    for col, w in zip("ABCDEFG", [6, 10, 10, 12, 12, 12, 12]):
        ws.column_dimensions[col].width = w

    # 計算シート2
    rec = a["records"]
    ws = wb.create_sheet(S_REC)
    title(ws, "計算シート2 支援記録等（調査員が記入）")
    r = 3

    def block(text, cols=()):
        nonlocal r
        ws.cell(row=r, column=1, value=text).font = BOLD
        r += 1
        if cols:
            for c, t in enumerate(cols, 2):
                ws.cell(row=r, column=c, value=t).font = BOLD
            r += 1

    def line(code, label, values):
        nonlocal r
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=label)
        for j, v in enumerate(values):
            if v is None:
                continue
            if isinstance(v, dt.date):
                put_date(ws, r, 3 + j, v)
            else:
                ws.cell(row=r, column=3 + j, value=v)
        r += 1

    i3_labels = ["インテーク", "アセスメント", "就職活動の支援", "職場開拓", "就職後の継続支援", "卒業・転職等の支援"]
    block("【I-3 就労支援スペシャリストの提供するサービス】該当すれば 1", ["項目", "実施"])
    for k, (v, lab) in enumerate(zip(rec["i3"], i3_labels)):
        line(f"I-3-{['i', 'ii', 'iii', 'iv', 'v', 'vi'][k]}", lab, [v])
    r += 1
    block("【III-4 一般雇用のための迅速な求職活動】C: 登録日 / D: 初回の雇用担当窓口との接触日", ["ケース", "登録日", "初回接触日"])
    for k, (reg, contact) in enumerate(cases):
        line(f"III-4-{k + 1}", f"ケース{k + 1}", [reg, contact])
    r += 1
    block("【III-5 個別化された求職活動】プランがアセスメントに基づいていれば 1", ["ケース", "該当"])
    for k, v in enumerate(rec["iii5"]):
        line(f"III-5-{k + 1}", f"ケース{k + 1}", [v])
    r += 1
    box_titles = {"1": "様々な場所で", "2": "様々な人へ", "3": "様々な人から", "4": "様々なサービス"}
    for big, (letters, _) in III11_BOXES.items():
        block(f"【III-11-{big} 個別化された継続支援：{box_titles[big]}】記録にあれば 1", ["小項目", "あり"])
        for ch in letters:
            line(f"III-11-{big}{ch}", ch, [1 if ch in rec["iii11"][big] else 0])
        r += 1
    block("【III-12-i 期限のない継続支援】C: 就職前1週間以内 / D: 就職後3日以内 / E: 最初の1か月毎週",
          ["ケース", "就職前1週間", "就職後3日", "1か月毎週"])
    for k, row in enumerate(rec["iii12i"]):
        line(f"III-12-i-{k + 1}", f"ケース{k + 1}", list(row) if row else [])
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 18
    for col in "CDE":
        ws.column_dimensions[col].width = 13

    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)
    fix_zip_times(path)


def fix_zip_times(path):
    """Rewrites the package with fixed entry times, so a rerun gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# --------------------------------------------------------------------------
# Expected scores (SPEC §3)
# --------------------------------------------------------------------------

def band(value, bands):
    """bands: list of (score, lo, hi) with [lo, hi); None = open."""
    for score, lo, hi in bands:
        if (lo is None or value >= lo) and (hi is None or value < hi):
            return score
    raise ValueError(value)


PCT5 = [(1, 0, 50), (2, 50, 60), (3, 60, 70), (4, 70, 85), (5, 85, None)]


def nfkc(s):
    return " ".join(unicodedata.normalize("NFKC", s).split())


def computed_items(a, users, cases):
    R = a["record_date"]
    out, values = {}, {}
    es = [s for s in a["staff"] if s[1] == "ES"]
    fte = sum(F(s[3]) / 35 * F(s[4], 100) * F(s[5], 100) for s in es)
    hours = sum(F(s[3]) for s in es)
    caseload = F(len(users)) / fte
    values["I-1"] = caseload
    out["I-1"] = 5 if caseload <= 20 else 4 if caseload <= 25 else 3 if caseload <= 30 else 2 if caseload <= 40 else 1
    share = sum(F(s[3]) * F(s[4]) * F(s[5], 100) for s in es) / hours
    values["I-2"] = share
    out["I-2"] = band(share, [(1, 0, 60), (2, 60, 75), (3, 75, 90), (4, 90, 96), (5, 96, None)])
    jobs = sorted([u for u in users if u["jobrow"]], key=lambda u: u["job"], reverse=True)[:15]
    rows = [u["jobrow"] for u in jobs]
    types = {nfkc(j[0]) for j in rows}
    values["III-8"] = F(100 * len(types), len(rows))
    out["III-8"] = 1 if len(rows) < 5 else band(values["III-8"], PCT5)
    non_self = [j for j in rows if j[2] != "自営"]
    comps = {nfkc(j[1]) for j in non_self}
    values["III-9"] = F(100 * len(comps), len(non_self))
    out["III-9"] = 1 if len(rows) < 5 else band(values["III-9"], PCT5)
    b1 = len([u for u in users if u["jobrow"]])
    b2 = len([u for u in users if u["jobrow"] and u["jobrow"][2] in GENERAL])
    b3 = len([u for u in users if u["jobrow"] and u["jobrow"][2] in SHELTERED])
    values["III-10"] = F(100 * b2, b1)
    out["III-10"] = 1 if b1 - b3 < 5 else band(values["III-10"], [(1, 0, 65), (2, 65, 75), (3, 75, 85), (4, 85, 95), (5, 95, None)])
    comm = sum(F(s[3]) * F(s[7]) for s in es) / hours
    values["III-13"] = comm
    out["III-13"] = band(comm, [(1, 0, 30), (2, 30, 40), (3, 40, 50), (4, 50, 65), (5, 65, None)])
    rec = a["records"]
    n3 = sum(rec["i3"])
    values["I-3"] = n3
    out["I-3"] = {6: 5, 5: 4, 4: 3}.get(n3)            # None: the reviewers' 1 or 2
    days = [((c if c else R) - reg).days for reg, c in cases]
    months = F(sum(days), len(days)) / 30
    values["III-4"] = months
    # SPEC §3.2: ≤ 1 month (30 days, the standard's 「30日以内」) → 5, (1, 2) → 4
    out["III-4"] = 5 if months <= 1 else band(months, [(4, 1, 2), (3, 2, 5), (2, 5, 9), (1, 9, None)])
    filled = [v for v in rec["iii5"] if v is not None]
    values["III-5"] = F(100 * sum(filled), len(filled))
    out["III-5"] = band(values["III-5"], [(1, 0, 25), (2, 25, 50), (3, 50, 75), (4, 75, 90), (5, 90, None)])
    met = sum(1 for big, (_, need) in III11_BOXES.items() if len(rec["iii11"][big]) >= need)
    values["III-11"] = met
    out["III-11"] = met + 1
    cases12 = [c for c in rec["iii12i"] if c and any(v is not None for v in c)]
    values["III-12-i"] = bool(cases12) and all(all(v == 1 for v in c) for c in cases12)
    # II-7 iii, GOI from the workbook
    n = len(users)
    values["II-7-iii"] = F(100 * sum(u["severe"] for u in users), n) >= 70
    goi = {
        "G3": F(100 * sum(u["mental"] for u in users), n) >= 70,
        "G4": sum(1 for s in es if s[3] >= 35 and s[4] >= 70) >= 2,
        "G5": sum(1 for s in a["staff"] if s[1] == "CM" and s[3] >= 35 and s[6] >= 70) >= 1,
        "G10": sum(F(s[3]) for s in a["staff"] if s[1] == "AS") / 35 >= 1,
    }
    rates = {"A-1": n, "A-2": sum(u["mental"] for u in users), "B-1": b1, "B-2": b2, "B-3": b3}
    return out, values, goi, rates


def count(checks, keys):
    return sum(1 for k in keys if checks.get(k))


def derive(code, entry, comp_vals):
    """A reviewer entry's score (SPEC §3.4); None when it gives none."""
    if entry is None:
        return None
    if "score" in entry:
        return entry["score"]
    if "checks" not in entry:
        return None
    c = dict(entry["checks"])
    flags = {k: entry.get(k, c.get(k)) for k in ("no_cm", "rarely_meets_employers")}
    if code in ("II-2", "III-2"):
        if code == "II-2" and flags["no_cm"]:
            return 1
        return count(c, "i ii iii iv".split()) + 1
    if code in ("II-5", "II-7", "II-8"):
        if code == "II-7":
            c["iii"] = comp_vals["II-7-iii"]
        n = count(c, "i ii iii iv v".split())
        return 1 if n <= 1 else n
    if code == "II-6":
        if c.get("a"):
            return 1
        n = 0
        for k in "bc":
            v = c.get(k)
            n += len(v) if isinstance(v, list) else (1 if v else 0)
        n += count(c, ["d", "e"])
        return 2 if n >= 3 else {2: 3, 1: 4, 0: 5}[n]
    if code == "III-1":
        return count(c, "abcd") + 1
    if code == "III-7":
        return 1 if flags["rarely_meets_employers"] else count(c, "i ii iii iv".split()) + 1
    if code == "III-12":
        c["i"] = comp_vals["III-12-i"]
        return count(c, "i ii iii iv".split()) + 1
    if code == "III-14":
        has = lambda *ks: all(c.get(k) for k in ks)
        if has("i", "ii", "iii", "iv", "v"):
            return 5
        if has("i", "ii", "iii") and (c.get("iv") or c.get("v")):
            return 4
        if has("i", "ii", "iii"):
            return 3
        if has("i", "ii"):
            return 2
        return 1
    raise ValueError(code)


ITEMS = (["I-1", "I-2", "I-3"] + [f"II-{i}" for i in range(1, 9)] + [f"III-{i}" for i in range(1, 15)])
SUBSCALES = [("staffing", ITEMS[:3]), ("organization", ITEMS[3:11]), ("services", ITEMS[11:])]
COMPUTED = {"I-1", "I-2", "III-8", "III-9", "III-10", "III-13", "III-4", "III-5", "III-11"}
GOI_REV = ["G1", "G2", "G6", "G7", "G8", "G9"]


def load_review(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def expected(a, cycle_dir, comp, vals, goi_wb):
    files = [load_review(os.path.join(cycle_dir, a["id"], f"{r}.yaml")) for r in a["reviews"]]
    cons_path = os.path.join(cycle_dir, a["id"], "合議.yaml")
    cons = load_review(cons_path) if a["consensus"] else None
    names = [f.get("reviewer") for f in files]
    final, source, per_rev, flags = {}, {}, {}, {}
    for code in ITEMS:
        scores = {}
        overrides = {}
        for name, f in zip(names, files):
            e = (f.get("items") or {}).get(code)
            s = derive(code, e, vals)
            if s is not None:
                scores[name] = s
                if code in COMPUTED or (code == "I-3" and comp["I-3"] is not None):
                    if "score" in e and e.get("note"):
                        overrides[name] = e["score"]
        per_rev[code] = scores
        flags[code] = len(scores) >= 2 and max(scores.values()) - min(scores.values()) >= 2
        ce = (cons.get("items") or {}).get(code) if cons else None
        cs = derive(code, ce, vals)
        computed = comp.get(code) if code in comp else None
        if code in COMPUTED or (code == "I-3" and comp["I-3"] is not None):
            if ce is not None and "score" in ce and ce.get("note"):
                final[code], source[code] = ce["score"], "override"
            elif overrides and len(set(overrides.values())) == 1:
                final[code], source[code] = next(iter(overrides.values())), "override"
            else:
                final[code] = computed
                source[code] = "records" if code in ("I-3", "III-4", "III-5", "III-11") else "workbook"
            continue
        src = "checklist" if code not in ("II-1", "II-3", "II-4", "III-3", "III-6", "I-3") else "reviewers"
        if cs is not None:
            final[code], source[code] = cs, src
        elif len(scores) == 1:
            final[code], source[code] = next(iter(scores.values())), src
        elif scores and len(set(scores.values())) == 1:
            final[code], source[code] = next(iter(scores.values())), src
        else:
            final[code], source[code] = None, src
        if code == "I-3" and final[code] not in (None, 1, 2):
            final[code] = None
    missing = [c for c in ITEMS if final[c] is None]
    subtotals, ranges = {}, {}
    for key, items in SUBSCALES:
        if any(final[c] is None for c in items):
            subtotals[key] = None
            known = sum(final[c] for c in items if final[c] is not None)
            nmiss = sum(1 for c in items if final[c] is None)
            ranges[key] = (known + nmiss, known + 5 * nmiss)
        else:
            subtotals[key] = sum(final[c] for c in items)
    if missing:
        known = sum(final[c] for c in ITEMS if final[c] is not None)
        total, bandkey = None, None
        total_range = (known + len(missing), known + 5 * len(missing))
    else:
        total = sum(final.values())
        total_range = None
        bandkey = ("exemplary" if total >= 115 else "good" if total >= 100 else "fair" if total >= 74 else "not_supported")
    # GOI
    goi = {}
    for g in ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10"]:
        if g in goi_wb:
            goi[g] = goi_wb[g]
            continue
        if cons and g in (cons.get("goi") or {}):
            goi[g] = cons["goi"][g]
            continue
        vs = [f.get("goi", {}).get(g) for f in files if g in (f.get("goi") or {})]
        goi[g] = vs[0] if vs and all(v == vs[0] for v in vs) else None
    goi_total = sum(1 for v in goi.values() if v)
    # agreement over items scored by two or more reviewer files
    both = [c for c in ITEMS if len(per_rev[c]) >= 2]
    if both:
        exact = F(sum(1 for c in both if len(set(per_rev[c].values())) == 1), len(both))
        within = F(sum(1 for c in both if max(per_rev[c].values()) - min(per_rev[c].values()) <= 1), len(both))
    else:
        exact = within = None
    return dict(final=final, source=source, per_rev=per_rev, flags=flags, missing=missing,
                subtotals=subtotals, ranges=ranges, total=total, total_range=total_range, band=bandkey,
                goi=goi, goi_total=goi_total, exact=exact, within=within, names=names, n_both=len(both))


# --------------------------------------------------------------------------

DESCRIPTIONS = {
    ("2024", "hamamatsu-01"): "連鎖の最初の年度（previous なし）。2025年度より利用者が少なく、非常勤ESの勤務時間が短い。支援記録（計算シート2）も弱い。",
    ("2024", "shizuoka-02"): "連鎖の最初の年度。2025年度と同じ体制で、就職者が少なく、初回の雇用主との接触が遅い。",
    ("2025", "hamamatsu-01"): "地域事業所。ESは常勤1・非常勤1でケースロードが大きい（I-1 = 2）。CMとの対面ミーティングは月1回。二人の評価者の違いは合議.yamlで解決。",
    ("2025", "shizuoka-02"): "医療機関（病院の就労支援室）。ESが外来業務を兼ね、オフィス外の支援が少ない（III-13 = 1）。記載日 2025/08/29。評価者二人の得点は全項目で一致。III-10 は 75 % ちょうど（帯の下端）。",
    ("2026", "hamamatsu-01"): "地域事業所、良好なフィデリティ。非常勤ESを1人増やしケースロードが改善。評価者（山田・佐藤）の違いは合議.yamlで解決（II-1、II-2、III-3、GOI G7）。",
    ("2026", "shizuoka-02"): "医療機関、一定のフィデリティ。警告が3つ（調査票2の和暦の就職日、調査票4の 2026-04-01 形式の登録日、調査票3の全角数字）でエラーはなし。III-8 は職種の表記ゆれ（清掃・ビル清掃・清掃スタッフ）を評価者二人がノート付きで 3 に上書き。記載日 2026/08/31（6か月前は 2026/02/28 に丸める）。",
    ("2026", "numazu-03"): "地域事業所。II-1 で評価者の得点が 3 と 5 に分かれ、合議ファイルがないため未決（暫定・flag）。調査票3 の割合は 0.9 などの%書式セル。",
    ("2026", "fuji-04"): "医療機関、援助付き雇用とはいえない水準。ESがケアマネジャーを兼ねる（II-2 no_cm）、雇用主とほとんど会わない（III-7 rarely_meets_employers）、I-3 は計算シート2 が3項目のみで評価者が 2 をノート付きで記入。ノートと良いところ・課題の文章が長い（PDF の折り返し確認用）。III-10 は B-1 − B-3 < 5 で 1。",
}


def fmt(v):
    if isinstance(v, F):
        return f"{float(v):.2f}"
    return str(v)


def check(out_root, results):
    """Compares OUT/<cycle>/<id>/scores.json with the expectations; returns the number of differences."""
    import json
    bad = 0
    for (cycle, aid), ex in results.items():
        path = os.path.join(out_root, cycle, aid, "scores.json")
        if not os.path.exists(path):
            print(f"{cycle}/{aid}: no {path}")
            bad += 1
            continue
        with open(path, encoding="utf-8") as f:
            got = json.load(f)
        diffs = []
        for c in ITEMS:
            g = (got.get("items", {}).get(c) or {}).get("score")
            if g != ex["final"][c]:
                diffs.append(f"{c}: got {g}, expected {ex['final'][c]}")
            gs = (got.get("items", {}).get(c) or {}).get("source")
            if gs != ex["source"][c]:
                diffs.append(f"{c} source: got {gs}, expected {ex['source'][c]}")
        if got.get("total") != ex["total"]:
            diffs.append(f"total: got {got.get('total')}, expected {ex['total']}")
        if got.get("band") != ex["band"]:
            diffs.append(f"band: got {got.get('band')}, expected {ex['band']}")
        if ex["total_range"] and got.get("total_range") != list(ex["total_range"]):
            diffs.append(f"total_range: got {got.get('total_range')}, expected {list(ex['total_range'])}")
        if got.get("missing") != ex["missing"]:
            diffs.append(f"missing: got {got.get('missing')}, expected {ex['missing']}")
        if got.get("goi_total") != ex["goi_total"]:
            diffs.append(f"goi_total: got {got.get('goi_total')}, expected {ex['goi_total']}")
        for g, v in ex["goi"].items():
            if got.get("goi", {}).get(g) != v:
                diffs.append(f"{g}: got {got.get('goi', {}).get(g)}, expected {v}")
        agr = got.get("agreement") or {}
        for key, v in (("exact", ex["exact"]), ("within_one", ex["within"])):
            if v is not None and (agr.get(key) is None or abs(agr[key] - float(v)) > 0.00005):
                diffs.append(f"agreement.{key}: got {agr.get(key)}, expected {float(v):.4f}")
        flags = [c for c in ITEMS if (got.get("items", {}).get(c) or {}).get("flag")]
        if flags != [c for c in ITEMS if ex["flags"][c]]:
            diffs.append(f"flags: got {flags}, expected {[c for c in ITEMS if ex['flags'][c]]}")
        errors = [p for p in got.get("problems", []) if p.get("severity") == "error"]
        if errors:
            diffs.append(f"errors: {errors}")
        warnings = sorted(p.get("code") for p in got.get("problems", []) if p.get("severity") == "warning")
        print(f"{cycle}/{aid}: {'OK' if not diffs else 'DIFFERS'} (warnings: {', '.join(warnings) or 'none'})")
        for d in diffs:
            print("    " + d)
        bad += len(diffs)
    return bad


def main():
    check_root = None
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check_root = sys.argv[2]
    elif len(sys.argv) != 1:
        sys.exit("usage: make_samples.py [--check OUT]   (OUT holds 2024/, 2025/ and 2026/ run outputs)")
    results = {}
    md = ["# 期待される得点（samples/make_samples.py が計算）", "",
          "`samples/make_samples.py` が SPEC §3 の規則で計算した値です。"
          " 計算項目は事前調査票と計算シート2 から、それ以外は評価者ファイル（と合議.yaml）から求めています。"
          " `fidelity run` の scores.json と突き合わせるためのものです。", ""]
    for cycle in ("2024", "2025", "2026"):
        cdir = os.path.join(HERE, cycle)
        md += [f"## {cycle}年度（samples/{cycle}）", ""]
        for a in AGENCIES[cycle]:
            rng = random.Random(zlib.crc32(f"{cycle}/{a['id']}".encode()))
            users = make_users(a, rng)
            cases, groups = draw_record_cases(a, users, rng)
            comp, vals, goi_wb, rates = computed_items(a, users, cases)
            rates = dict(rates)
            write_workbook(a, users, cases, os.path.join(cdir, a["id"], "事前調査票.xlsx"), rates)
            ex = expected(a, cdir, comp, vals, goi_wb)
            results[(cycle, a["id"])] = ex
            keys = ["I-1", "I-2", "III-8", "III-9", "III-10", "III-13", "I-3", "III-4", "III-5", "III-11"]
            line = " ".join(f"{k}={comp[k]}" for k in keys) + f" III-12-i={'met' if vals['III-12-i'] else 'not met'}"
            tot = ex["total"] if ex["total"] is not None else f"provisional {ex['total_range']}"
            print(f"{cycle}/{a['id']}: {line}")
            print(f"    total={tot} band={ex['band']} subtotals={ex['subtotals']} goi={ex['goi_total']} "
                  f"agreement={fmt(ex['exact']) if ex['exact'] is not None else None}/{fmt(ex['within']) if ex['within'] is not None else None} "
                  f"groups={groups} missing={ex['missing']}")
            md += [f"### {a['id']} {a['name']}（{a['type']}）", "",
                   DESCRIPTIONS[(cycle, a["id"])], "",
                   f"- 記載日 {a['record_date'].strftime('%Y/%m/%d')}、調査日 {a['survey_date']}、評価者 {'・'.join(ex['names'])}"
                   + ("、合議.yaml あり" if a["consensus"] else "、合議ファイルなし"),
                   f"- 調査票1: A-1 {rates['A-1']}, A-2 {rates['A-2']}, B-1 {rates['B-1']}, B-2 {rates['B-2']}, B-3 {rates['B-3']}；"
                   f"調査票2 {min(15, rates['B-1'])} 行；調査票3 {len(a['staff'])} 人（ES {sum(1 for s in a['staff'] if s[1] == 'ES')}）；"
                   f"調査票4 {rates['A-1']} 人（記録レビューの群 A {groups['A']}・B {groups['B']}・C {groups['C']}）", "",
                   "| 計算項目 | 量 | 得点 |", "|---|---|---|"]
            qty = {"I-1": f"{fmt(vals['I-1'])} 人/FTE", "I-2": f"{fmt(vals['I-2'])} %", "III-8": f"{fmt(vals['III-8'])} %",
                   "III-9": f"{fmt(vals['III-9'])} %", "III-10": f"{fmt(vals['III-10'])} %", "III-13": f"{fmt(vals['III-13'])} %",
                   "I-3": f"{vals['I-3']} / 6 項目", "III-4": f"{fmt(vals['III-4'])} か月", "III-5": f"{fmt(vals['III-5'])} %",
                   "III-11": f"{vals['III-11']} / 4 大項目"}
            for k in keys:
                s = comp[k] if comp[k] is not None else "評価者（1 か 2）"
                md.append(f"| {k} | {qty[k]} | {s} |")
            md.append(f"| III-12-i | 計算シート2 | {'満たす' if vals['III-12-i'] else '満たさない'} |")
            md.append(f"| II-7 iii | 重い精神疾患 ≥ 70 % | {'満たす' if vals['II-7-iii'] else '満たさない'} |")
            md += ["", "| 項目 | " + " | ".join(ex["names"]) + " | 最終 | source |", "|---|" + "---|" * (len(ex["names"]) + 2)]
            for c in ITEMS:
                revs = [str(ex["per_rev"][c].get(n, "")) for n in ex["names"]]
                fin = ex["final"][c] if ex["final"][c] is not None else "未決"
                flag = " ⚑" if ex["flags"][c] else ""
                md.append(f"| {c} | " + " | ".join(revs) + f" | {fin}{flag} | {ex['source'][c]} |")
            md.append("")
            if ex["total"] is not None:
                md.append(f"- 小計 スタッフ配置 {ex['subtotals']['staffing']}、組織 {ex['subtotals']['organization']}、"
                          f"サービス {ex['subtotals']['services']}；**合計 {ex['total']}（{ex['band']}）**")
            else:
                md.append(f"- **暫定**：未決 {', '.join(ex['missing'])}；合計の範囲 {list(ex['total_range'])}；"
                          f"小計 {ex['subtotals']}、範囲 { {k: list(v) for k, v in ex['ranges'].items()} }")
            gtxt = ", ".join(f"{g} {'○' if v else ('×' if v is False else '—')}" for g, v in ex["goi"].items())
            md.append(f"- GOI {ex['goi_total']} / 10（{gtxt}）")
            if ex["exact"] is not None:
                md.append(f"- 評価者の一致（{ex['n_both']} 項目）: exact {fmt(ex['exact'])}, within_one {fmt(ex['within'])}")
            md.append("")
    with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    if check_root:
        print()
        sys.exit(1 if check(check_root, results) else 0)


if __name__ == "__main__":
    main()
