// Sealed packs (`fidelity run --seal`): each report.pdf encrypted with
// AES-256 (PDF 2.0, R6) under its own random password, so the coordinator
// can send the file and the password by separate routes.
#pragma once
#include <string>

namespace fidelity {

// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
// from OpenSSL's CSPRNG. Throws std::runtime_error when it has no entropy.
std::string NewPassword();

// The PDF encrypted with `password` as the user (open) password and a
// second random owner password. Throws std::runtime_error on failure.
std::string SealPdf(const std::string& pdf, const std::string& password);

}  // namespace fidelity
