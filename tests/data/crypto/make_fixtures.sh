#!/bin/sh
# Regenerates the encrypted-workbook fixtures of tests/crypto. Each one is
# made by a producer independent of our decryptor and checked with another
# independent decryptor (msoffcrypto-tool) before it is kept.
#
# Needs: node + npm (officecrypto-tool and cfb, pinned in package.json; the
# node_modules folder is made in a temporary folder, never committed);
# Debian packages python3-xlsxwriter, python3-msoffcrypto-tool,
# libreoffice-calc-nogui, python3-uno.
#
# Passwords: "fidelity-pw" everywhere, "𠮷田パス1" for the unicode one,
# "fuzz" for fuzz_seed/ (the password the fuzz target tries).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
export NODE_PATH="$work/node_modules"
py=/usr/bin/python3
pw=fidelity-pw
cd "$here"

# The plain twin (xlsxwriter; fixed metadata, so reproducible).
$py make_plain.py plain.xlsx

# officecrypto-tool (npm): Agile AES-256/SHA-512 (its only agile variant),
# and Standard AES-128/SHA-1.
node encrypt_npm.js agile plain.xlsx npm_agile_aes256_sha512.xlsx "$pw"
node encrypt_npm.js agile plain.xlsx npm_agile_unicode_pw.xlsx "𠮷田パス1"
node encrypt_npm.js standard plain.xlsx npm_standard_aes128.xlsx "$pw"

# LibreOffice 7.4: Standard AES-128 (it re-exports the workbook, so its
# plain twin is what msoffcrypto-tool decrypts it to).
$py encrypt_libreoffice.py plain.xlsx lo_standard_aes128.xlsx "$pw"
$py check_msoffcrypto.py lo_standard_aes128.xlsx "$pw" lo_standard_plain.xlsx --write

# Our own small encryptor for the agile variants no tool writes.
node encrypt_agile_params.js plain.xlsx own_agile_aes128_sha1.xlsx "$pw" SHA1 128 100000
node encrypt_agile_params.js plain.xlsx own_agile_aes256_sha256.xlsx "$pw" SHA256 256 100000
# Not checked by msoffcrypto-tool 5.0: it uses the whole decrypted (padded to
# 32 bytes) encryptedKeyValue as the key instead of keyBits/8 = 24 bytes.
node encrypt_agile_params.js plain.xlsx own_agile_aes192_sha384.xlsx "$pw" SHA384 192 100000

for f in npm_agile_aes256_sha512 npm_standard_aes128 own_agile_aes256_sha256; do
  $py check_msoffcrypto.py $f.xlsx "$pw" plain.xlsx
done
$py check_msoffcrypto.py own_agile_aes128_sha1.xlsx "$pw" plain.xlsx --no-hmac
$py check_msoffcrypto.py npm_agile_unicode_pw.xlsx "𠮷田パス1" plain.xlsx
$py check_msoffcrypto.py lo_standard_aes128.xlsx "$pw" lo_standard_plain.xlsx

# Fuzz seeds: a cheap agile file (spinCount 10), a standard one, and a cut one.
mkdir -p fuzz_seed
node encrypt_agile_params.js plain.xlsx fuzz_seed/agile_spin10.xlsx fuzz SHA1 128 10
node encrypt_npm.js standard plain.xlsx fuzz_seed/standard.xlsx fuzz
head -c 3000 fuzz_seed/agile_spin10.xlsx > fuzz_seed/agile_truncated.xlsx
$py check_msoffcrypto.py fuzz_seed/agile_spin10.xlsx fuzz plain.xlsx --no-hmac
$py check_msoffcrypto.py fuzz_seed/standard.xlsx fuzz plain.xlsx
