#!/bin/sh
# Makes the bad reviewer files of tests/hostile/ from the committed sample
# reviewer file samples/2026/hamamatsu-01/山田.yaml, one defect each, at a
# known line (asserted by tests/hostile/corpus_test.cc). Run: sh make_reviews.sh
set -eu
cd "$(dirname "$0")"
src=../../../../samples/2026/hamamatsu-01/山田.yaml
# Line 3 is "  II-1: {score: 3, note: …}" in the sample.
sed -n 3p "$src" | grep -q '^  II-1: {score: 3, note: ' || { echo "sample changed" >&2; exit 1; }
sed '3i\  II-99: {score: 3}' "$src" > unknown_item.yaml          # line 3: unknown item code
sed '3s/score: 3,/score: 7,/' "$src" > score_7.yaml                # line 3: score outside 1-5
sed '4s/^  /\t/' "$src" > tab_indent.yaml                          # line 4: a tab in the indentation
sed '3s/}$//' "$src" > syntax_error.yaml                           # line 3: unclosed flow mapping
sed '3a\  II-1: {score: 4}' "$src" > duplicate_key.yaml            # line 4: II-1 again
