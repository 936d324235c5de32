#include "pipeline/crypto/offcrypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <pugixml.hpp>

#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"
#include "pipeline/crypto/cfb.h"

namespace fidelity {
namespace {

// Block keys of MS-OFFCRYPTO 2.3.4.11–2.3.4.14.
constexpr unsigned char kBlockVerifierInput[8] = {0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79};
constexpr unsigned char kBlockVerifierValue[8] = {0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e};
constexpr unsigned char kBlockKeyValue[8] = {0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6};
constexpr unsigned char kBlockHmacKey[8] = {0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6};
constexpr unsigned char kBlockHmacValue[8] = {0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33};
constexpr size_t kSegment = 4096;          // agile package segment
constexpr uint64_t kMaxInfoBytes = 1u << 20;  // the EncryptionInfo stream
constexpr uint32_t kStandardSpinCount = 50000;

std::string_view Bytes(const unsigned char (&b)[8]) {
  return {reinterpret_cast<const char*>(b), 8};
}

std::string Le32(uint32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(v >> (8 * i));
  return s;
}

uint32_t ReadLe32(std::string_view s, size_t off) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[off + i]);
  return v;
}

uint64_t ReadLe64(std::string_view s, size_t off) {
  return ReadLe32(s, off) | static_cast<uint64_t>(ReadLe32(s, off + 4)) << 32;
}

std::string Utf16le(const std::string& utf8) {
  std::string out;
  for (char32_t c : Utf8ToCodepoints(utf8)) {
    auto put = [&](uint32_t u) {
      out.push_back(static_cast<char>(u & 0xFF));
      out.push_back(static_cast<char>(u >> 8));
    };
    if (c >= 0x10000) {
      put(0xD800 + ((c - 0x10000) >> 10));
      put(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      put(c);
    }
  }
  return out;
}

// Resizes to `n` bytes: truncated, or padded with 0x36 (MS-OFFCRYPTO 2.3.4.11).
std::string FitTo(std::string s, size_t n) {
  s.resize(n, '\x36');
  return s;
}

bool SameBytes(std::string_view a, std::string_view b, size_t n) {
  return a.size() >= n && b.size() >= n && CRYPTO_memcmp(a.data(), b.data(), n) == 0;
}

struct MdCtxFree {
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
};
struct MacFree {
  void operator()(EVP_MAC* p) const { EVP_MAC_free(p); }
};
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* p) const { EVP_MAC_CTX_free(p); }
};

// Throws the problems of one file; the password is never passed in here.
class Reporter {
 public:
  explicit Reporter(const std::string& label) : label_(label) {}
  [[noreturn]] void Throw(const char* code, const std::string& message) const {
    throw InputError(code, label_, "「" + label_ + "」" + message);
  }
  [[noreturn]] void Corrupt(const std::string& detail) const {
    Throw("crypto.corrupt", "は壊れていて読めません（" + detail + "）。");
  }
  [[noreturn]] void Unsupported(const std::string& what) const {
    Throw("crypto.unsupported", "の暗号化方式（" + what +
                                    "）には対応していません。Excel でパスワードを付け直して"
                                    "（既定の AES 暗号化で）保存し直してください。");
  }
  [[noreturn]] void Internal(const char* what) const {
    Throw("crypto.internal", std::string("の復号中に OpenSSL が失敗しました（") + what + "）。");
  }

 private:
  const std::string& label_;
};

class Hasher {
 public:
  Hasher(const EVP_MD* md, const Reporter& r) : md_(md), r_(r), ctx_(EVP_MD_CTX_new()) {
    if (!ctx_) r_.Internal("EVP_MD_CTX_new");
  }
  size_t size() const { return static_cast<size_t>(EVP_MD_get_size(md_)); }
  std::string Hash(std::string_view a, std::string_view b = {}) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestInit_ex2(ctx_.get(), md_, nullptr) != 1 ||
        EVP_DigestUpdate(ctx_.get(), a.data(), a.size()) != 1 ||
        EVP_DigestUpdate(ctx_.get(), b.data(), b.size()) != 1 ||
        EVP_DigestFinal_ex(ctx_.get(), out, &len) != 1)
      r_.Internal("digest");
    return std::string(reinterpret_cast<char*>(out), len);
  }
  // H0 = H(salt + password); Hn = H(LE32(n-1) + Hn-1), `spin` times.
  std::string SpinPassword(std::string_view salt, std::string_view password16, uint32_t spin) {
    std::string h = Hash(salt, password16);
    std::string buf(4 + h.size(), '\0');
    for (uint32_t i = 0; i < spin; ++i) {
      for (int k = 0; k < 4; ++k) buf[k] = static_cast<char>(i >> (8 * k));
      std::memcpy(buf.data() + 4, h.data(), h.size());
      h = Hash(buf);
    }
    return h;
  }

 private:
  const EVP_MD* md_;
  const Reporter& r_;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx_;
};

const EVP_CIPHER* Aes(size_t key_bytes, bool cbc) {
  switch (key_bytes) {
    case 16: return cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb();
    case 24: return cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb();
    case 32: return cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb();
    default: return nullptr;
  }
}

// AES decryption without padding; the key schedule is kept between calls so
// that a package is decrypted segment by segment with a fresh IV each.
class AesDecryptor {
 public:
  AesDecryptor(std::string_view key, bool cbc, const Reporter& r)
      : r_(r), ctx_(EVP_CIPHER_CTX_new()) {
    const EVP_CIPHER* cipher = Aes(key.size(), cbc);
    if (!cipher) r_.Corrupt("鍵の長さが AES に合いません");
    if (!ctx_) r_.Internal("EVP_CIPHER_CTX_new");
    if (EVP_DecryptInit_ex2(ctx_.get(), cipher, reinterpret_cast<const unsigned char*>(key.data()),
                            nullptr, nullptr) != 1)
      r_.Internal("EVP_DecryptInit_ex2");
  }
  // Decrypts `in` (a multiple of 16 bytes) to `out`.
  void Run(std::string_view iv, std::string_view in, char* out) {
    if (in.size() % 16 != 0) r_.Corrupt("暗号文の長さが AES のブロック長の倍数ではありません");
    if (EVP_DecryptInit_ex2(ctx_.get(), nullptr, nullptr,
                            iv.empty() ? nullptr : reinterpret_cast<const unsigned char*>(iv.data()),
                            nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx_.get(), 0) != 1)
      r_.Internal("EVP_DecryptInit_ex2");
    int len = 0, fin = 0;
    if (EVP_DecryptUpdate(ctx_.get(), reinterpret_cast<unsigned char*>(out), &len,
                          reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size())) != 1 ||
        EVP_DecryptFinal_ex(ctx_.get(), reinterpret_cast<unsigned char*>(out) + len, &fin) != 1 ||
        static_cast<size_t>(len + fin) != in.size())
      r_.Internal("EVP_DecryptUpdate");
  }
  std::string Run(std::string_view iv, std::string_view in) {
    std::string out(in.size(), '\0');
    Run(iv, in, out.data());
    return out;
  }

 private:
  const Reporter& r_;
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx_;
};

std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view data, const Reporter& r) {
  std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  if (!mac) r.Internal("EVP_MAC_fetch");
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac.get()));
  if (!ctx) r.Internal("EVP_MAC_CTX_new");
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(EVP_MD_get0_name(md)), 0),
      OSSL_PARAM_construct_end()};
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  if (EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out, &len, sizeof out) != 1)
    r.Internal("HMAC");
  return std::string(reinterpret_cast<char*>(out), len);
}

// ---- the agile descriptor (XML) ----

std::string Base64Decode(std::string_view in, bool* ok) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  bool padding = false;
  *ok = true;
  for (char c : in) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    const int v = value(c);
    if (v < 0 || padding) {
      *ok = false;
      return {};
    }
    acc = acc << 6 | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::string_view LocalName(const char* name) {
  std::string_view n = name;
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view local) {
  for (pugi::xml_node c : parent.children())
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
  return {};
}

struct CipherParams {
  const EVP_MD* md = nullptr;
  std::string hash_name;
  std::string salt;
  uint32_t salt_size = 0;
  uint32_t block_size = 0;
  uint32_t key_bits = 0;
  uint32_t hash_size = 0;
};

struct PasswordKey {
  CipherParams p;
  uint32_t spin_count = 0;
  std::string verifier_input;  // encrypted
  std::string verifier_value;  // encrypted
  std::string key_value;       // encrypted
};

struct AgileInfo {
  CipherParams key_data;
  bool has_integrity = false;
  std::string hmac_key;    // encrypted
  std::string hmac_value;  // encrypted
  PasswordKey password;
};

class AgileParser {
 public:
  AgileParser(const Reporter& r, const DecryptLimits& limits) : r_(r), limits_(limits) {}

  AgileInfo Parse(std::string_view xml) {
    pugi::xml_document doc;
    // pugixml never expands entities other than the five predefined ones,
    // and a DOCTYPE is skipped without being interpreted.
    const pugi::xml_parse_result res =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
    if (!res) r_.Corrupt("暗号化情報の XML が読めません");
    const pugi::xml_node enc = doc.document_element();
    if (LocalName(enc.name()) != "encryption") r_.Corrupt("暗号化情報の XML に encryption 要素がありません");
    AgileInfo info;
    const pugi::xml_node key_data = Child(enc, "keyData");
    if (!key_data) r_.Corrupt("暗号化情報に keyData がありません");
    info.key_data = Params(key_data);
    if (const pugi::xml_node di = Child(enc, "dataIntegrity")) {
      info.has_integrity = true;
      info.hmac_key = B64(di, "encryptedHmacKey");
      info.hmac_value = B64(di, "encryptedHmacValue");
    }
    const pugi::xml_node encryptors = Child(enc, "keyEncryptors");
    pugi::xml_node encrypted_key;
    bool certificate = false;
    for (pugi::xml_node ke : encryptors.children()) {
      if (ke.type() != pugi::node_element || LocalName(ke.name()) != "keyEncryptor") continue;
      const std::string_view uri = ke.attribute("uri").value();
      if (uri == "http://schemas.microsoft.com/office/2006/keyEncryptor/password") {
        encrypted_key = Child(ke, "encryptedKey");
        break;
      }
      certificate = true;
    }
    if (!encrypted_key) {
      if (certificate) r_.Unsupported("証明書による暗号化");
      r_.Corrupt("暗号化情報にパスワード用の encryptedKey がありません");
    }
    PasswordKey& pk = info.password;
    pk.p = Params(encrypted_key);
    pk.spin_count = Number(encrypted_key, "spinCount");
    if (pk.spin_count > 10'000'000)
      r_.Corrupt("spinCount が規格の上限 10,000,000 を超えています");
    if (pk.spin_count > limits_.max_spin_count)  // Office writes 100,000; more would stall a run
      r_.Unsupported("パスワードのハッシュ反復回数 spinCount " + std::to_string(pk.spin_count) + "、上限 " +
                     std::to_string(limits_.max_spin_count));
    pk.verifier_input = B64(encrypted_key, "encryptedVerifierHashInput");
    pk.verifier_value = B64(encrypted_key, "encryptedVerifierHashValue");
    pk.key_value = B64(encrypted_key, "encryptedKeyValue");
    return info;
  }

 private:
  CipherParams Params(pugi::xml_node n) {
    CipherParams p;
    const std::string cipher = Text(n, "cipherAlgorithm");
    if (cipher != "AES") r_.Unsupported("暗号 " + cipher);
    const std::string chaining = Text(n, "cipherChaining");
    if (chaining != "ChainingModeCBC") r_.Unsupported("連鎖モード " + chaining);
    std::string hash;
    for (char c : Text(n, "hashAlgorithm"))
      if (c != '-') hash.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    if (hash == "SHA1") p.md = EVP_sha1();
    else if (hash == "SHA256") p.md = EVP_sha256();
    else if (hash == "SHA384") p.md = EVP_sha384();
    else if (hash == "SHA512") p.md = EVP_sha512();
    else r_.Unsupported("ハッシュ " + hash);
    p.hash_name = hash;
    p.key_bits = Number(n, "keyBits");
    if (p.key_bits != 128 && p.key_bits != 192 && p.key_bits != 256)
      r_.Unsupported("鍵長 " + std::to_string(p.key_bits) + " ビット");
    p.block_size = Number(n, "blockSize");
    if (p.block_size != 16) r_.Corrupt("AES の blockSize が 16 ではありません");
    p.hash_size = Number(n, "hashSize");
    if (p.hash_size != static_cast<uint32_t>(EVP_MD_get_size(p.md)))
      r_.Corrupt("hashSize がハッシュ関数に合いません");
    p.salt = B64(n, "saltValue");
    p.salt_size = Number(n, "saltSize");
    if (p.salt_size < 1 || p.salt_size > 65536 || p.salt.size() != p.salt_size)
      r_.Corrupt("saltSize と saltValue が合いません");
    return p;
  }
  std::string Text(pugi::xml_node n, const char* name) {
    const pugi::xml_attribute a = n.attribute(name);
    if (!a) r_.Corrupt(std::string("暗号化情報に ") + name + " がありません");
    return a.value();
  }
  uint32_t Number(pugi::xml_node n, const char* name) {
    const std::string s = Text(n, name);
    uint64_t v = 0;
    if (s.empty() || s.size() > 10) r_.Corrupt(std::string("暗号化情報の ") + name + " が数値ではありません");
    for (char c : s) {
      if (c < '0' || c > '9') r_.Corrupt(std::string("暗号化情報の ") + name + " が数値ではありません");
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    if (v > 0xFFFFFFFFu) r_.Corrupt(std::string("暗号化情報の ") + name + " が大きすぎます");
    return static_cast<uint32_t>(v);
  }
  std::string B64(pugi::xml_node n, const char* name) {
    bool ok = false;
    std::string out = Base64Decode(Text(n, name), &ok);
    if (!ok || out.empty()) r_.Corrupt(std::string("暗号化情報の ") + name + " が Base64 ではありません");
    return out;
  }

  const Reporter& r_;
  const DecryptLimits& limits_;
};

// ---- the standard header (binary) ----

struct StandardInfo {
  uint32_t key_bytes = 16;
  std::string salt;
  std::string verifier;       // encrypted, 16 bytes
  std::string verifier_hash;  // encrypted, 32 bytes
};

StandardInfo ParseStandard(std::string_view info, const Reporter& r) {
  constexpr uint32_t kCryptoApi = 0x04, kExternal = 0x10, kAes = 0x20;
  if (info.size() < 12) r.Corrupt("EncryptionInfo が短すぎます");
  const uint32_t flags = ReadLe32(info, 4);
  const uint32_t header_size = ReadLe32(info, 8);
  if (flags & kExternal) r.Unsupported("拡張暗号化（extensible encryption）");
  if (header_size < 32 || header_size > info.size() - 12) r.Corrupt("EncryptionInfo のヘッダー長が不正です");
  const uint32_t alg_id = ReadLe32(info, 12 + 8);
  const uint32_t alg_hash = ReadLe32(info, 12 + 12);
  const uint32_t key_size = ReadLe32(info, 12 + 16);
  if (alg_id == 0x6801 || (alg_id == 0 && !(flags & kAes))) r.Unsupported("RC4");
  if (!(flags & kCryptoApi) || !(flags & kAes)) r.Unsupported("AES 以外の標準暗号化");
  StandardInfo s;
  switch (alg_id) {
    case 0:
    case 0x660E: s.key_bytes = 16; break;
    case 0x660F: s.key_bytes = 24; break;
    case 0x6610: s.key_bytes = 32; break;
    default: r.Unsupported("AlgID 0x" + [&] {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04X", alg_id);
      return std::string(buf);
    }());
  }
  if (alg_hash != 0 && alg_hash != 0x8004) r.Unsupported("SHA-1 以外のハッシュ");
  if (key_size != s.key_bytes * 8 && !(alg_id == 0 && key_size == 0))
    r.Corrupt("鍵長が暗号アルゴリズムに合いません");
  const size_t v = 12 + static_cast<size_t>(header_size);
  if (info.size() < v + 72) r.Corrupt("EncryptionInfo の検証子が途中で切れています");
  if (ReadLe32(info, v) != 16) r.Corrupt("ソルト長が 16 ではありません");
  if (ReadLe32(info, v + 36) != 20) r.Corrupt("検証子のハッシュ長が 20 ではありません");
  s.salt = std::string(info.substr(v + 4, 16));
  s.verifier = std::string(info.substr(v + 20, 16));
  s.verifier_hash = std::string(info.substr(v + 40, 32));
  return s;
}

// MS-OFFCRYPTO 2.3.4.7.
std::string StandardKey(const StandardInfo& s, const std::string& password16, const Reporter& r) {
  Hasher sha1(EVP_sha1(), r);
  const std::string h = sha1.Hash(sha1.SpinPassword(s.salt, password16, kStandardSpinCount), Le32(0));
  std::string buf1(64, '\x36'), buf2(64, '\x5c');
  for (size_t i = 0; i < h.size(); ++i) {
    buf1[i] = static_cast<char>(buf1[i] ^ h[i]);
    buf2[i] = static_cast<char>(buf2[i] ^ h[i]);
  }
  return (sha1.Hash(buf1) + sha1.Hash(buf2)).substr(0, s.key_bytes);
}

// The 8-byte StreamSize, checked against the data that follows and the limit.
uint64_t PackageSize(std::string_view pkg, const DecryptLimits& limits, const Reporter& r) {
  if (pkg.size() < 8) r.Corrupt("EncryptedPackage が短すぎます");
  const uint64_t size = ReadLe64(pkg, 0);
  if (size > limits.max_package_bytes)
    r.Throw("crypto.too_large", "の暗号化されたブックが大きすぎます（" + std::to_string(size >> 20) +
                                    " MB、上限 " + std::to_string(limits.max_package_bytes >> 20) + " MB）。");
  if ((size + 15) / 16 * 16 > pkg.size() - 8) r.Corrupt("暗号化されたパッケージが途中で切れています");
  return size;
}

std::string DecryptStandard(const StandardInfo& s, const std::string& pkg, const std::string& password,
                            const DecryptLimits& limits, const Reporter& r) {
  std::string password16 = Utf16le(password);
  const std::string key = StandardKey(s, password16, r);
  OPENSSL_cleanse(password16.data(), password16.size());
  AesDecryptor aes(key, /*cbc=*/false, r);
  const std::string verifier = aes.Run({}, s.verifier);
  const std::string verifier_hash = aes.Run({}, s.verifier_hash);
  Hasher sha1(EVP_sha1(), r);
  if (!SameBytes(sha1.Hash(verifier), verifier_hash, 20))
    r.Throw("crypto.wrong_password", "のパスワードが違います。password_file または password_env の内容を確かめてください。");
  const uint64_t size = PackageSize(pkg, limits, r);
  const size_t padded = static_cast<size_t>((size + 15) / 16 * 16);
  std::string out(padded, '\0');
  aes.Run({}, std::string_view(pkg).substr(8, padded), out.data());
  out.resize(static_cast<size_t>(size));
  return out;
}

std::string DecryptAgile(const AgileInfo& info, const std::string& pkg, const std::string& password,
                         const DecryptLimits& limits, const Reporter& r) {
  // The password key encryptor: verify the password, then unwrap the package key.
  const PasswordKey& pk = info.password;
  Hasher ph(pk.p.md, r);
  std::string password16 = Utf16le(password);
  const std::string hn = ph.SpinPassword(pk.p.salt, password16, pk.spin_count);
  OPENSSL_cleanse(password16.data(), password16.size());
  const size_t kek_bytes = pk.p.key_bits / 8;
  auto kek = [&](const unsigned char (&block)[8]) { return FitTo(ph.Hash(hn, Bytes(block)), kek_bytes); };
  const std::string iv = FitTo(pk.p.salt, pk.p.block_size);
  const std::string input = AesDecryptor(kek(kBlockVerifierInput), true, r).Run(iv, pk.verifier_input);
  const std::string value = AesDecryptor(kek(kBlockVerifierValue), true, r).Run(iv, pk.verifier_value);
  if (input.size() < pk.p.salt_size) r.Corrupt("encryptedVerifierHashInput が短すぎます");
  if (!SameBytes(ph.Hash(std::string_view(input).substr(0, pk.p.salt_size)), value, pk.p.hash_size))
    r.Throw("crypto.wrong_password", "のパスワードが違います。password_file または password_env の内容を確かめてください。");
  const CipherParams& kd = info.key_data;
  const size_t key_bytes = kd.key_bits / 8;
  std::string key = AesDecryptor(kek(kBlockKeyValue), true, r).Run(iv, pk.key_value);
  if (key.size() < key_bytes) r.Corrupt("encryptedKeyValue が短すぎます");
  key.resize(key_bytes);

  Hasher kh(kd.md, r);
  auto block_iv = [&](std::string_view block) { return FitTo(kh.Hash(kd.salt, block), kd.block_size); };
  AesDecryptor aes(key, true, r);
  if (info.has_integrity) {
    // MS-OFFCRYPTO 2.3.4.14: HMAC over the whole EncryptedPackage stream.
    const std::string hmac_key = aes.Run(block_iv(Bytes(kBlockHmacKey)), info.hmac_key);
    const std::string hmac_value = aes.Run(block_iv(Bytes(kBlockHmacValue)), info.hmac_value);
    if (hmac_key.size() < kd.hash_size || hmac_value.size() < kd.hash_size)
      r.Corrupt("dataIntegrity の値が短すぎます");
    const std::string mac = Hmac(kd.md, std::string_view(hmac_key).substr(0, kd.hash_size), pkg, r);
    if (!SameBytes(mac, hmac_value, kd.hash_size))
      r.Throw("crypto.integrity", "の暗号化データが壊れているか改ざんされています（整合性検査 HMAC が一致しません）。");
  }
  const uint64_t size = PackageSize(pkg, limits, r);
  const size_t padded = static_cast<size_t>((size + 15) / 16 * 16);
  std::string out(padded, '\0');
  const std::string_view data = std::string_view(pkg).substr(8, padded);
  for (size_t off = 0, i = 0; off < padded; off += kSegment, ++i) {
    const size_t len = std::min(kSegment, padded - off);
    aes.Run(block_iv(Le32(static_cast<uint32_t>(i))), data.substr(off, len), out.data() + off);
  }
  out.resize(static_cast<size_t>(size));
  return out;
}

}  // namespace

bool LooksLikeOleCompound(std::string_view bytes) {
  static constexpr char kSig[8] = {'\xD0', '\xCF', '\x11', '\xE0', '\xA1', '\xB1', '\x1A', '\xE1'};
  return bytes.size() >= 8 && std::memcmp(bytes.data(), kSig, 8) == 0;
}

std::string DecryptWorkbook(const std::string& bytes, const std::string& password, const std::string& label) {
  return DecryptWorkbook(bytes, password, label, DecryptLimits{});
}

std::string DecryptWorkbook(const std::string& bytes, const std::string& password, const std::string& label,
                            const DecryptLimits& limits) {
  const Reporter r(label);
  if (!LooksLikeOleCompound(bytes)) r.Corrupt("パスワード付きのブック（OLE 複合ファイル）ではありません");
  const cfb::CompoundFile cf(bytes, label);
  const cfb::DirEntry* info_entry = cf.Find("EncryptionInfo");
  const cfb::DirEntry* package_entry = cf.Find("EncryptedPackage");
  if (!info_entry || !package_entry) {
    if (cf.Find("Workbook") || cf.Find("Book"))  // a legacy .xls, not an encrypted .xlsx
      r.Throw("xlsx.legacy_xls",
              "は古い Excel 97-2003 形式（.xls）のファイルです。Excel で開き、「ファイルの種類」を"
              "「Excel ブック (*.xlsx)」にして保存し直してください（パスワードの問題ではありません）。");
    r.Throw("xlsx.not_xlsx",
            "は Excel のブック（.xlsx）ではありません（Word などの古い Office 形式のファイルのようです）。"
            "記入済みの事前調査票（.xlsx）を指定してください。");
  }
  if (info_entry->type != cfb::EntryType::kStream || package_entry->type != cfb::EntryType::kStream)
    r.Corrupt("EncryptionInfo または EncryptedPackage がストリームではありません");
  const std::string info = cf.Read(*info_entry, kMaxInfoBytes);
  if (info.size() < 8) r.Corrupt("EncryptionInfo が短すぎます");
  const uint32_t major = ReadLe32(info, 0) & 0xFFFF, minor = ReadLe32(info, 0) >> 16;

  AgileInfo agile;
  StandardInfo standard;
  const bool is_agile = major == 4 && minor == 4;
  if (is_agile) {
    agile = AgileParser(r, limits).Parse(std::string_view(info).substr(8));
  } else if (minor == 2 && major >= 2 && major <= 4) {
    standard = ParseStandard(info, r);
  } else if (minor == 3 && (major == 3 || major == 4)) {
    r.Unsupported("拡張暗号化（extensible encryption）");
  } else {
    r.Unsupported("EncryptionInfo の版 " + std::to_string(major) + "." + std::to_string(minor));
  }
  if (password.empty())
    r.Throw("crypto.no_password",
            "はパスワードで保護されています。cycle.yaml に password_file か password_env を指定してください。");
  // The stream carries the 8-byte size and at most one segment of padding.
  const std::string pkg = cf.Read(*package_entry, limits.max_package_bytes + 8 + kSegment);
  return is_agile ? DecryptAgile(agile, pkg, password, limits, r)
                  : DecryptStandard(standard, pkg, password, limits, r);
}

}  // namespace fidelity
