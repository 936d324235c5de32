#!/bin/sh
# Makes the encrypted twins of the sample workbook for tests/hostile/:
# samples/2026/hamamatsu-01/事前調査票.xlsx encrypted, unchanged inside, by
# the npm package officecrypto-tool (the same pinned producer as
# tests/data/crypto/make_fixtures.sh; node_modules goes to a temporary
# folder, never committed). Password: see kPassword in tests/hostile/corpus_test.cc.
# Needs node + npm. Run from anywhere: sh tests/data/hostile/make_encrypted.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$repo/tests/data/crypto/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
export NODE_PATH="$work/node_modules"
pw='Hostile-Pw-4711'
src="$repo/samples/2026/hamamatsu-01/事前調査票.xlsx"
enc="$repo/tests/data/crypto/encrypt_npm.js"
node "$enc" agile "$src" "$here/encrypted_agile.xlsx" "$pw"
node "$enc" standard "$src" "$here/encrypted_standard.xlsx" "$pw"
