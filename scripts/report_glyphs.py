#!/usr/bin/python3
"""Writes templates/report_glyphs.txt: the characters every report draws.

The report's fixed wording (headings, table headers, item names, labels)
is the same in every agency's report. Those characters are subset and
compressed once per run (pdf::FontCache::SetSharedCharacters, issue 13) and
each report then subsets only its own other characters (names, notes,
numbers). The list is the intersection of the characters of the given
reports, so it holds only what every one of them drew.

  scripts/report_glyphs.py REPORT.pdf... > templates/report_glyphs.txt

Regenerate after changing templates/report.yaml or config/jips25.yaml
(tests/report/report_glyphs_test.cc fails when a listed character is no
longer drawn by the sample reports); a stale list costs only speed.
"""
import subprocess
import sys


def characters(pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    return {c for c in text if c >= " " and c != "\x7f"}


def main(paths):
    if not paths:
        sys.exit(__doc__)
    common = set.intersection(*(characters(p) for p in paths))
    common.discard(" ")
    chars = "".join(sorted(common))
    print("# The characters every report draws (scripts/report_glyphs.py over %d reports)." % len(paths))
    print("# One font subset of these is made once per run and shared by every report.")
    for i in range(0, len(chars), 40):
        print(chars[i:i + 40])


if __name__ == "__main__":
    main(sys.argv[1:])
