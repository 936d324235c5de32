#!/bin/sh
# Makes the manifest fuzz seeds (tests/data/manifest/fuzz_seed/): the two
# sample manifests and one file per rule of docs/input-contract.md.
set -e
cd "$(dirname "$0")/fuzz_seed"
top=../../../..
cp $top/samples/2026/cycle.yaml sample_2026.yaml
cp $top/samples/2025/cycle.yaml sample_2025.yaml
printf 'cycle: x\nagencies:\n  - id: a\n    name: n\n    type: t\n    workbook: a/w.xlsx\n    reviews: [a/r.yaml, a/r.yaml]\n    terms: {ES: 就労支援員, CM: 相談員, SV: 主任}\n' > duplicate_file.yaml
printf 'cycle: x\nagencies: []\nagencies: []\n' > duplicate_key.yaml
printf 'cycle: x\n---\ncycle: y\n' > two_documents.yaml
printf 'cycle: x\nagencies:\n\t- id: a\n' > tab.yaml
printf 'cycle: x\nagencies:\n  - id: a\n    name：b\n' > fullwidth_colon.yaml
printf 'cycle: 2026\224\116\223\170\nagencies:\n  - {id: a, name: \217\101\230\112, type: t, workbook: w.xlsx}\n' > shift_jis.yaml
printf '\377\376c\000y\000c\000l\000e\000:\000 \000x\000\n\000' > utf16.yaml
printf 'a: &x 1\nb: *x\n' > alias.yaml
printf 'cycle: x\nprevios: y\nagencies:\n  - id: a\n    consenus: c.yaml\n' > unknown_keys.yaml
{ printf 'cycle: x\nagencies:\n  - id: '; head -c 27000 /dev/zero | tr '\0' a; printf '\n'; } > long_id.yaml
