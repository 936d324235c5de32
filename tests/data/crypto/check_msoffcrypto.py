"""Checks an encrypted fixture with Debian's msoffcrypto-tool, an independent
decryptor: decrypts it (verifying the agile HMAC) and compares the result
with the expected plain workbook, or writes it when no twin is given.

    /usr/bin/python3 check_msoffcrypto.py ENCRYPTED PASSWORD PLAIN [--write] [--no-hmac]

--no-hmac: msoffcrypto-tool 5.0 compares the HMAC without cutting the
decrypted (block-padded) key and value to the hash size, so it can verify
only hashes whose size is a multiple of 16 bytes (not SHA-1's 20)."""
import io
import sys

import msoffcrypto

enc, password, plain = sys.argv[1:4]
with open(enc, "rb") as f:
    office = msoffcrypto.OfficeFile(f)
    office.load_key(password=password)
    out = io.BytesIO()
    office.decrypt(out, verify_integrity=office.type == "agile" and "--no-hmac" not in sys.argv)
if "--write" in sys.argv:
    with open(plain, "wb") as f:
        f.write(out.getvalue())
elif out.getvalue() != open(plain, "rb").read():
    raise SystemExit(f"{enc}: msoffcrypto-tool's decryption differs from {plain}")
print(f"ok {enc} ({office.type})")
