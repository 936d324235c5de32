#include "pipeline/crypto/offcrypto.h"

#include <gtest/gtest.h>

#include <chrono>

#include "pipeline/core/problem.h"
#include "pipeline/crypto/cfb.h"
#include "tests/crypto/cfb_builder.h"
#include "tests/test_util.h"

// Fixtures: tests/data/crypto/make_fixtures.sh (officecrypto-tool, LibreOffice,
// and our own small Node encryptor for the AES-128/192 agile variants).
namespace fidelity {
namespace {

constexpr char kPassword[] = "fidelity-pw";

std::string Fixture(const std::string& name) { return test::Slurp(test::DataPath("crypto/" + name)); }

using test::ProblemOf;

// The two streams of an encrypted file, to rebuild it with changes.
struct Streams {
  std::string info;
  std::string package;
};
Streams StreamsOf(const std::string& bytes) {
  cfb::CompoundFile cf(bytes, "t");
  return {cf.Read(*cf.Find("EncryptionInfo"), 1u << 20), cf.Read(*cf.Find("EncryptedPackage"), 1u << 30)};
}
std::string Rebuild(const Streams& s, int version = 3) {
  return test::BuildCfb(version, {{"EncryptionInfo", s.info}, {"EncryptedPackage", s.package}}).bytes;
}

TEST(Offcrypto, LooksLikeOleCompound) {
  EXPECT_TRUE(LooksLikeOleCompound(Fixture("npm_agile_aes256_sha512.xlsx")));
  EXPECT_FALSE(LooksLikeOleCompound(Fixture("plain.xlsx")));
  EXPECT_FALSE(LooksLikeOleCompound("\xD0\xCF\x11\xE0"));
  EXPECT_FALSE(LooksLikeOleCompound(""));
}

struct Case {
  const char* file;
  const char* plain;
  const char* password;
};

class Decrypts : public ::testing::TestWithParam<Case> {};

TEST_P(Decrypts, ToThePlainTwinByteForByte) {
  const Case& c = GetParam();
  const std::string plain = Fixture(c.plain);
  const std::string out = DecryptWorkbook(Fixture(c.file), c.password, c.file);
  ASSERT_EQ(out.size(), plain.size());
  EXPECT_TRUE(out == plain);
  EXPECT_EQ(out.substr(0, 2), "PK");
}

INSTANTIATE_TEST_SUITE_P(
    Producers, Decrypts,
    ::testing::Values(
        Case{"npm_agile_aes256_sha512.xlsx", "plain.xlsx", kPassword},      // officecrypto-tool
        Case{"npm_agile_unicode_pw.xlsx", "plain.xlsx", "𠮷田パス1"},      // non-BMP password
        Case{"npm_standard_aes128.xlsx", "plain.xlsx", kPassword},          // officecrypto-tool
        Case{"lo_standard_aes128.xlsx", "lo_standard_plain.xlsx", kPassword},  // LibreOffice 7.4
        Case{"own_agile_aes128_sha1.xlsx", "plain.xlsx", kPassword},
        Case{"own_agile_aes192_sha384.xlsx", "plain.xlsx", kPassword},
        Case{"own_agile_aes256_sha256.xlsx", "plain.xlsx", kPassword}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string n = info.param.file;
      n = n.substr(0, n.find('.'));
      return n;
    });

TEST(Offcrypto, Version4ContainerWithTheSameStreams) {
  const std::string v4 = Rebuild(StreamsOf(Fixture("npm_agile_aes256_sha512.xlsx")), 4);
  EXPECT_EQ(DecryptWorkbook(v4, kPassword, "v4.xlsx"), Fixture("plain.xlsx"));
}

TEST(Offcrypto, WrongPassword) {
  for (const char* file : {"npm_agile_aes256_sha512.xlsx", "npm_standard_aes128.xlsx",
                           "lo_standard_aes128.xlsx", "own_agile_aes128_sha1.xlsx"}) {
    const Problem p = ProblemOf([&] { DecryptWorkbook(Fixture(file), "Sekret-Wrong-42", "事前調査票.xlsx"); });
    EXPECT_EQ(p.code, "crypto.wrong_password") << file;
    EXPECT_EQ(p.where, "事前調査票.xlsx");
    EXPECT_NE(p.message.find("パスワードが違います"), std::string::npos) << p.message;
    EXPECT_EQ(p.message.find("Sekret-Wrong-42"), std::string::npos);
  }
  // Case and the unicode form matter: the key is derived from UTF-16LE.
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Fixture("npm_agile_aes256_sha512.xlsx"), "Fidelity-pw", "x"); }).code,
            "crypto.wrong_password");
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Fixture("npm_agile_unicode_pw.xlsx"), "𠮷田ﾊﾟｽ1", "x"); }).code,
            "crypto.wrong_password");
}

TEST(Offcrypto, NoPassword) {
  for (const char* file : {"npm_agile_aes256_sha512.xlsx", "lo_standard_aes128.xlsx"}) {
    const Problem p = ProblemOf([&] { DecryptWorkbook(Fixture(file), "", "hamamatsu-01/事前調査票.xlsx"); });
    EXPECT_EQ(p.code, "crypto.no_password") << file;
    EXPECT_EQ(p.where, "hamamatsu-01/事前調査票.xlsx");
    EXPECT_NE(p.message.find("パスワードで保護されています。cycle.yaml に password_file か password_env を指定してください"),
              std::string::npos)
        << p.message;
  }
}

TEST(Offcrypto, FlippedByteInThePackageFailsTheHmac) {
  const Streams s = StreamsOf(Fixture("npm_agile_aes256_sha512.xlsx"));
  for (size_t at : {size_t{0}, size_t{8}, size_t{100}, s.package.size() / 2, s.package.size() - 1}) {
    Streams bad = s;
    bad.package[at] = static_cast<char>(bad.package[at] ^ 0x01);
    const Problem p = ProblemOf([&] { DecryptWorkbook(Rebuild(bad), kPassword, "t.xlsx"); });
    EXPECT_EQ(p.code, "crypto.integrity") << at;
  }
  // The untouched streams in our own container still decrypt.
  EXPECT_EQ(DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"), Fixture("plain.xlsx"));
}

TEST(Offcrypto, TamperedHmacValueInTheDescriptor) {
  Streams s = StreamsOf(Fixture("own_agile_aes128_sha1.xlsx"));
  const size_t at = s.info.find("encryptedHmacValue=\"") + 20;
  s.info[at] = s.info[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); }).code, "crypto.integrity");
}

TEST(Offcrypto, TruncatedFiles) {
  const std::string full = Fixture("npm_agile_aes256_sha512.xlsx");
  for (size_t cut : {size_t{10}, size_t{511}, size_t{600}, size_t{3000}, full.size() / 2, full.size() - 512}) {
    const Problem p = ProblemOf([&] { DecryptWorkbook(full.substr(0, cut), kPassword, "t.xlsx"); });
    EXPECT_EQ(p.code, "crypto.corrupt") << cut;
  }
  // A package stream shorter than its own size field.
  Streams s = StreamsOf(Fixture("npm_standard_aes128.xlsx"));
  s.package.resize(s.package.size() - 64);
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); }).code, "crypto.corrupt");
}

TEST(Offcrypto, NotACompoundFile) {
  const Problem p = ProblemOf([&] { DecryptWorkbook(Fixture("plain.xlsx"), kPassword, "事前調査票.xlsx"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("「事前調査票.xlsx」"), std::string::npos) << p.message;
}

TEST(Offcrypto, LoopingFatInAnEncryptedFile) {
  const Streams s = StreamsOf(Fixture("npm_agile_aes256_sha512.xlsx"));
  test::BuiltCfb b = test::BuildCfb(3, {{"EncryptionInfo", s.info}, {"EncryptedPackage", s.package}});
  const uint32_t first = b.start.at("EncryptedPackage");
  b.SetFat(first + 4, first);
  const auto t0 = std::chrono::steady_clock::now();
  const Problem p = ProblemOf([&] { DecryptWorkbook(b.bytes, kPassword, "t.xlsx"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("ループ"), std::string::npos) << p.message;
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
}

TEST(Offcrypto, CompoundFileWithoutEncryption) {
  const std::string xls = test::BuildCfb(3, {{"Workbook", std::string(5000, 'x')}}).bytes;
  // A legacy .xls is named for what it is, not as an encryption we lack (issue 11).
  Problem p = ProblemOf([&] { DecryptWorkbook(xls, kPassword, "old.xls"); });
  EXPECT_EQ(p.code, "xlsx.legacy_xls");
  EXPECT_NE(p.message.find("Excel 97-2003 形式（.xls）"), std::string::npos) << p.message;
  EXPECT_EQ(p.message.find("暗号化"), std::string::npos) << p.message;
  const std::string other = test::BuildCfb(3, {{"Something", "x"}}).bytes;
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(other, kPassword, "t"); }).code, "xlsx.not_xlsx");
}

TEST(Offcrypto, UnsupportedSchemes) {
  const Streams standard = StreamsOf(Fixture("npm_standard_aes128.xlsx"));
  {  // RC4 CryptoAPI: AlgID 0x6801, fAES clear.
    Streams s = standard;
    test::BuiltCfb tmp;
    tmp.bytes = s.info;
    tmp.SetU32(4, 0x04);
    tmp.SetU32(12 + 8, 0x6801);
    s.info = tmp.bytes;
    EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t"); }).code, "crypto.unsupported");
  }
  {  // Extensible encryption (version 4.3).
    Streams s = standard;
    s.info[2] = 3;
    EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t"); }).code, "crypto.unsupported");
  }
  {  // Agile with a cipher other than AES; checked before the password.
    Streams s = StreamsOf(Fixture("own_agile_aes128_sha1.xlsx"));
    const size_t at = s.info.find("cipherAlgorithm=\"AES\"");
    s.info.replace(at, 21, "cipherAlgorithm=\"DES\"");
    EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), "", "t"); }).code, "crypto.unsupported");
  }
  {  // Agile with only a certificate key encryptor.
    Streams s = StreamsOf(Fixture("own_agile_aes128_sha1.xlsx"));
    const std::string from = "keyEncryptor/password\">";
    const size_t at = s.info.find(from);
    s.info.replace(at, from.size(), "keyEncryptor/certificate\">");
    EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t"); }).code, "crypto.unsupported");
  }
}

TEST(Offcrypto, SpinCountIsBounded) {
  Streams s = StreamsOf(Fixture("npm_agile_aes256_sha512.xlsx"));
  const std::string from = "spinCount=\"100000\"";
  s.info.replace(s.info.find(from), from.size(), "spinCount=\"4000000000\"");
  const auto t0 = std::chrono::steady_clock::now();
  const Problem p = ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("spinCount"), std::string::npos) << p.message;
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
  // Within the standard but past what a run affords (Office writes 100,000):
  // refused at once as unsupported, with what to do.
  s = StreamsOf(Fixture("npm_agile_aes256_sha512.xlsx"));
  s.info.replace(s.info.find(from), from.size(), "spinCount=\"10000000\"");
  const auto t1 = std::chrono::steady_clock::now();
  const Problem big = ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); });
  EXPECT_EQ(big.code, "crypto.unsupported");
  EXPECT_NE(big.message.find("付け直して"), std::string::npos) << big.message;
  EXPECT_LT(std::chrono::steady_clock::now() - t1, std::chrono::seconds(1));
  // The caller may bound it further.
  DecryptLimits limits;
  limits.max_spin_count = 1000;
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Fixture("npm_agile_aes256_sha512.xlsx"), kPassword, "t", limits); }).code,
            "crypto.unsupported");
}

TEST(Offcrypto, PackageSizeIsBounded) {
  DecryptLimits limits;
  limits.max_package_bytes = 4096;  // the plain twin is 6772 bytes
  for (const char* file : {"npm_agile_aes256_sha512.xlsx", "npm_standard_aes128.xlsx"}) {
    const Problem p = ProblemOf([&] { DecryptWorkbook(Fixture(file), kPassword, "t.xlsx", limits); });
    EXPECT_EQ(p.code, "crypto.too_large") << file;
  }
  // A size field claiming more than 256 MB.
  Streams s = StreamsOf(Fixture("npm_standard_aes128.xlsx"));
  s.package[4] = 0x01;  // + 4 GiB
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); }).code, "crypto.too_large");
}

TEST(Offcrypto, MalformedDescriptors) {
  const Streams good = StreamsOf(Fixture("own_agile_aes128_sha1.xlsx"));
  auto code_with = [&](const std::string& from, const std::string& to) {
    Streams s = good;
    const size_t at = s.info.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    s.info.replace(at, from.size(), to);
    return ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); }).code;
  };
  EXPECT_EQ(code_with("<keyData ", "<keyDatum "), "crypto.corrupt");
  EXPECT_EQ(code_with("spinCount=\"", "spinCount=\"x"), "crypto.corrupt");
  EXPECT_EQ(code_with("encryptedKeyValue=\"", "encryptedKeyValue=\"!"), "crypto.corrupt");
  EXPECT_EQ(code_with("hashSize=\"20\"", "hashSize=\"64\""), "crypto.corrupt");
  EXPECT_EQ(code_with("blockSize=\"16\"", "blockSize=\"8\""), "crypto.corrupt");
  EXPECT_EQ(code_with("</encryption>", ""), "crypto.corrupt");  // not well-formed
  Streams s = good;
  s.info.resize(6);
  EXPECT_EQ(ProblemOf([&] { DecryptWorkbook(Rebuild(s), kPassword, "t.xlsx"); }).code, "crypto.corrupt");
}

}  // namespace
}  // namespace fidelity
