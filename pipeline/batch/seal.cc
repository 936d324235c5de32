#include "pipeline/batch/seal.h"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr only, no deprecation warning

#include <openssl/rand.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>

namespace fidelity {

std::string NewPassword() {
  static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";  // 56
  const size_t n = sizeof kAlphabet - 1;
  std::string out;
  while (out.size() < 16) {
    unsigned char buf[32];
    if (RAND_bytes(buf, sizeof buf) != 1) throw std::runtime_error("no random bytes for a password");
    for (unsigned char b : buf) {
      if (b >= 256 - 256 % n) continue;  // no modulo bias
      out += kAlphabet[b % n];
      if (out.size() == 16) break;
    }
  }
  return out;
}

std::string SealPdf(const std::string& pdf, const std::string& password) {
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("report.pdf", pdf.data(), pdf.size());
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setR6EncryptionParameters(password.c_str(), NewPassword().c_str(), true, true, true, true, true, true,
                              qpdf_r3p_full, true);
  w.write();
  Buffer* b = w.getBuffer();
  std::string out(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
  delete b;
  return out;
}

}  // namespace fidelity
