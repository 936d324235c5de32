#include "pipeline/crypto/cfb.h"

#include <gtest/gtest.h>

#include <chrono>

#include "pipeline/core/problem.h"
#include "tests/crypto/cfb_builder.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

using test::BuildCfb;
using test::BuiltCfb;
using test::CfbStream;

std::string Pattern(size_t n, int seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + seed * 7 + i / 251) & 0xFF);
  return s;
}

using test::ProblemOf;

std::string ReadStream(const BuiltCfb& b, const std::string& path) {
  cfb::CompoundFile cf(b.bytes, "t.xlsx");
  const cfb::DirEntry* e = cf.Find(path);
  if (!e) return "<absent>";
  return cf.Read(*e, 1u << 30);
}

TEST(Cfb, ReadsMiniAndRegularStreamsVersion3) {
  const std::string small = Pattern(1000, 1), big = Pattern(10000, 2);
  const BuiltCfb b = BuildCfb(3, {{"Small", small}, {"Big", big}, {"Empty", ""}});
  cfb::CompoundFile cf(b.bytes, "t.xlsx");
  EXPECT_EQ(cf.version(), 3);
  EXPECT_EQ(cf.sector_size(), 512u);
  EXPECT_EQ(cf.Read(*cf.Find("Small"), 1u << 20), small);
  EXPECT_EQ(cf.Read(*cf.Find("Big"), 1u << 20), big);
  EXPECT_EQ(cf.Read(*cf.Find("Empty"), 1u << 20), "");
  EXPECT_EQ(cf.Children(0).size(), 3u);
}

TEST(Cfb, ReadsVersion4) {
  const std::string small = Pattern(4095, 3), big = Pattern(4096 * 3 + 5, 4);
  const BuiltCfb b = BuildCfb(4, {{"EncryptionInfo", small}, {"EncryptedPackage", big}});
  cfb::CompoundFile cf(b.bytes, "t.xlsx");
  EXPECT_EQ(cf.version(), 4);
  EXPECT_EQ(cf.sector_size(), 4096u);
  EXPECT_EQ(cf.Read(*cf.Find("EncryptionInfo"), 1u << 20), small);
  EXPECT_EQ(cf.Read(*cf.Find("EncryptedPackage"), 1u << 20), big);
}

TEST(Cfb, FollowsTheDifatChain) {
  const std::string big = Pattern(5000, 5);
  const BuiltCfb b = BuildCfb(3, {{"Big", big}}, /*min_fat_sectors=*/300);
  ASSERT_EQ(b.difat_sectors.size(), 2u);  // 109 in the header, 127 + 64 in two DIFAT sectors
  EXPECT_EQ(ReadStream(b, "Big"), big);
}

TEST(Cfb, FindsStreamsInStoragesIgnoringAsciiCase) {
  const BuiltCfb b = BuildCfb(3, {{"\x06" "DataSpaces/Version", "v1"}, {"EncryptionInfo", "info"}});
  cfb::CompoundFile cf(b.bytes, "t.xlsx");
  ASSERT_NE(cf.Find("\x06" "DataSpaces/Version"), nullptr);
  EXPECT_EQ(cf.Read(*cf.Find("\x06" "DataSpaces/version"), 100), "v1");
  EXPECT_EQ(cf.Read(*cf.Find("ENCRYPTIONINFO"), 100), "info");
  EXPECT_EQ(cf.Find("Version"), nullptr);  // not at the root
  EXPECT_EQ(cf.Find("EncryptedPackage"), nullptr);
}

TEST(Cfb, RefusesAStreamLargerThanTheCallersLimit) {
  const BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 6)}});
  cfb::CompoundFile cf(b.bytes, "t.xlsx");
  const Problem p = ProblemOf([&] { cf.Read(*cf.Find("Big"), 4999); });
  EXPECT_EQ(p.code, "crypto.too_large");
}

TEST(Cfb, NotACompoundFile) {
  const std::string zip = "PK\x03\x04" + std::string(600, 'x');
  const Problem p = ProblemOf([&] { cfb::CompoundFile cf(zip, "事前調査票.xlsx"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_EQ(p.where, "事前調査票.xlsx");
  EXPECT_NE(p.message.find("「事前調査票.xlsx」"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("OLE 複合ファイルではありません"), std::string::npos) << p.message;
  EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf("", "x"); }).code, "crypto.corrupt");
}

TEST(Cfb, LoopingStreamChain) {
  BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 7)}});
  const uint32_t first = b.start.at("Big");
  b.SetFat(first + 3, first + 1);  // ... -> 3 -> 1 -> 2 -> 3 ...
  const Problem p = ProblemOf([&] { ReadStream(b, "Big"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("ループ"), std::string::npos) << p.message;
}

TEST(Cfb, SelfLoopInTheDirectoryChain) {
  BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 8)}});
  b.SetFat(b.dir_sectors[0], b.dir_sectors[0]);
  const Problem p = ProblemOf([&] { cfb::CompoundFile cf(b.bytes, "t.xlsx"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("ループ"), std::string::npos) << p.message;
}

TEST(Cfb, LoopingMiniFatChain) {
  BuiltCfb b = BuildCfb(3, {{"Small", Pattern(1000, 9)}});
  const uint32_t first = b.start.at("Small");
  b.SetU32(b.SectorOffset(b.minifat_start) + 4 * (first + 5), first);
  const Problem p = ProblemOf([&] { ReadStream(b, "Small"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("ループ"), std::string::npos) << p.message;
}

TEST(Cfb, LoopingDifatChain) {
  BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 10)}}, /*min_fat_sectors=*/300);
  const size_t first = b.SectorOffset(b.difat_sectors[0]);
  b.SetU32(first + 512 - 4, b.difat_sectors[0]);  // the first DIFAT sector points at itself
  const Problem p = ProblemOf([&] { cfb::CompoundFile cf(b.bytes, "t.xlsx"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("ループ"), std::string::npos) << p.message;
}

TEST(Cfb, OutOfRangeSectorNumbers) {
  {
    BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 11)}});
    b.SetU32(b.DirEntryOffset(b.dir_index.at("Big")) + 116, 999999);
    const Problem p = ProblemOf([&] { ReadStream(b, "Big"); });
    EXPECT_EQ(p.code, "crypto.corrupt");
    EXPECT_NE(p.message.find("範囲外"), std::string::npos) << p.message;
  }
  {
    BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 12)}});
    b.SetFat(b.start.at("Big") + 2, 0xFFFFFFFF);  // FREESECT in the middle of a chain
    EXPECT_EQ(ProblemOf([&] { ReadStream(b, "Big"); }).code, "crypto.corrupt");
  }
  {
    BuiltCfb b = BuildCfb(3, {{"Big", Pattern(5000, 13)}});
    b.SetU32(76, 70000);  // the first FAT sector
    EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf(b.bytes, "t.xlsx"); }).code, "crypto.corrupt");
  }
}

TEST(Cfb, StreamSizeLargerThanTheFile) {
  for (int version : {3, 4}) {
    BuiltCfb b = BuildCfb(version, {{"Big", Pattern(5000, 14)}, {"Small", "abc"}});
    const size_t big = b.DirEntryOffset(b.dir_index.at("Big"));
    b.SetU32(big + 120, 0x7FFFFFFF);
    if (version == 4) b.SetU32(big + 124, 0x100);  // ~1 TB
    const Problem p = ProblemOf([&] { ReadStream(b, "Big"); });
    EXPECT_EQ(p.code, "crypto.corrupt") << version;
    // A chain that is simply too short for the size.
    BuiltCfb c = BuildCfb(version, {{"Big", Pattern(5000, 15)}});
    c.SetU32(c.DirEntryOffset(c.dir_index.at("Big")) + 120, 5000 + c.sector_size * 2);
    EXPECT_EQ(ProblemOf([&] { ReadStream(c, "Big"); }).code, "crypto.corrupt") << version;
  }
}

TEST(Cfb, HugeCountsInTheHeaderAreRefusedQuickly) {
  BuiltCfb b = BuildCfb(4, {{"Big", Pattern(5000, 16)}});
  b.SetU32(40, 0xFFFFFFFF);  // directory sectors (v4)
  b.SetU32(44, 0xFFFFFFFF);  // FAT sectors
  b.SetU32(64, 0xFFFFFFFF);  // mini FAT sectors
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf(b.bytes, "t.xlsx"); }).code, "crypto.corrupt");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
}

TEST(Cfb, DirectoryTreeCycles) {
  BuiltCfb b = BuildCfb(3, {{"A", "a"}, {"B", "b"}, {"C", "c"}});
  // A -> B -> C -> A through right siblings.
  b.SetU32(b.DirEntryOffset(b.dir_index.at("C")) + 72, b.dir_index.at("A"));
  cfb::CompoundFile cf(b.bytes, "t.xlsx");
  const Problem p = ProblemOf([&] { cf.Find("Missing"); });
  EXPECT_EQ(p.code, "crypto.corrupt");
  EXPECT_NE(p.message.find("ループ"), std::string::npos) << p.message;
  // A child pointing back at the root.
  BuiltCfb c = BuildCfb(3, {{"S/X", "x"}});
  c.SetU32(c.DirEntryOffset(c.dir_index.at("S/X")) + 72, 0);
  cfb::CompoundFile cf2(c.bytes, "t.xlsx");
  EXPECT_EQ(ProblemOf([&] { cf2.Find("S/Y"); }).code, "crypto.corrupt");
}

TEST(Cfb, TruncatedFiles) {
  const BuiltCfb b = BuildCfb(3, {{"Small", Pattern(700, 17)}, {"Big", Pattern(20000, 18)}});
  for (size_t cut : {0ul, 8ul, 100ul, 511ul, 512ul, 1024ul, 2048ul, b.bytes.size() / 2, b.bytes.size() - 600}) {
    const std::string part = b.bytes.substr(0, cut);
    const Problem p = ProblemOf([&] {
      cfb::CompoundFile cf(part, "t.xlsx");
      cf.Read(*cf.Find("Big"), 1u << 20);
    });
    EXPECT_EQ(p.code, "crypto.corrupt") << cut;
  }
  // Cutting only the unused tail of the last sector loses nothing.
  const std::string tail_cut = b.bytes.substr(0, b.bytes.size() - 100);
  cfb::CompoundFile cf(tail_cut, "t.xlsx");
  EXPECT_EQ(cf.Read(*cf.Find("Big"), 1u << 20), Pattern(20000, 18));
}

TEST(Cfb, BadHeaderFields) {
  auto with = [](size_t off, uint32_t v, int bytes_len) {
    BuiltCfb b = BuildCfb(3, {{"Small", "x"}});
    for (int i = 0; i < bytes_len; ++i) b.bytes[off + i] = static_cast<char>(v >> (8 * i));
    return b.bytes;
  };
  EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf(with(26, 5, 2), "t"); }).code, "crypto.corrupt");   // version
  EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf(with(30, 12, 2), "t"); }).code, "crypto.corrupt");  // v3 with 4096
  EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf(with(28, 0xFEFF, 2), "t"); }).code, "crypto.corrupt");
  EXPECT_EQ(ProblemOf([&] { cfb::CompoundFile cf(with(56, 64, 4), "t"); }).code, "crypto.corrupt");
}

}  // namespace
}  // namespace fidelity
