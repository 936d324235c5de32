// Decryption of password-protected OOXML workbooks (MS-OFFCRYPTO), with
// OpenSSL 3 EVP.
//
// A workbook saved with a password is not a zip but an OLE compound file
// holding two streams: `EncryptionInfo` (how it was encrypted) and
// `EncryptedPackage` (the encrypted .xlsx zip). Supported:
//   - Agile encryption (version 4.4; Excel 2010 and later, LibreOffice):
//     AES-128/192/256 in CBC mode, SHA-1/SHA-256/SHA-384/SHA-512, password
//     key encryptor; the data-integrity HMAC is verified when present.
//   - Standard encryption (version 2.2/3.2/4.2; Excel 2007): AES in ECB mode
//     with SHA-1 key derivation (no integrity check exists in this scheme).
// Not supported: RC4 / RC4 CryptoAPI, extensible encryption, certificate
// key encryptors, and the legacy binary .xls format.
//
// Problems (InputError, `where` = label; the password never appears in any
// message):
//   crypto.no_password     the file is encrypted and `password` is empty
//   crypto.wrong_password  the password verifier does not match
//   crypto.integrity       the HMAC of the encrypted package does not match
//   crypto.unsupported     an encryption scheme or algorithm listed above
//   crypto.too_large       the package is larger than the limit (256 MB)
//   crypto.corrupt         not a compound file, truncated, malformed
//   xlsx.legacy_xls        a compound file holding an Excel 97-2003 workbook (.xls), not an encrypted .xlsx
//   xlsx.not_xlsx          a compound file of another kind (an old Word file …)
//                          container or descriptor, spinCount > 10,000,000
//   crypto.internal        OpenSSL itself failed (should not happen)
//
//   std::string bytes = ReadFile(path);
//   if (LooksLikeOleCompound(bytes))
//     bytes = DecryptWorkbook(bytes, password, "事前調査票.xlsx");  // a zip now
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fidelity {

// True when `bytes` starts with the compound-file signature D0 CF 11 E0 A1 B1 1A E1.
bool LooksLikeOleCompound(std::string_view bytes);

// Bounds on the work a hostile file can demand.
struct DecryptLimits {
  // Office and LibreOffice write 100,000; MS-OFFCRYPTO allows 10,000,000,
  // which costs seconds of CPU per workbook: above this, crypto.unsupported.
  uint32_t max_spin_count = 1'000'000;
  uint64_t max_package_bytes = 256u << 20;  // the decrypted .xlsx
};

// Decrypts an encrypted OOXML package to the plain .xlsx zip bytes.
// `password` is UTF-8 (it is hashed as UTF-16LE, as Office does). `label`
// names the file in problems. Throws InputError with the codes above.
std::string DecryptWorkbook(const std::string& bytes, const std::string& password,
                            const std::string& label);
std::string DecryptWorkbook(const std::string& bytes, const std::string& password,
                            const std::string& label, const DecryptLimits& limits);

}  // namespace fidelity
