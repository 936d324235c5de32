// ZipWriter (pipeline/xlsx/zip_writer.h): entries read back by libzip and by
// our own reader (ZipPackage) with the right CRCs and methods, stored and
// deflated entries, the same bytes for the same entries, Python's zipfile
// agreeing, and the zip limits refused with InputError.
#include "pipeline/xlsx/zip_writer.h"

#include <gtest/gtest.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <zip.h>

#include <fstream>
#include <map>
#include <random>
#include <stdexcept>

#include "pipeline/core/problem.h"
#include "pipeline/xlsx/zip_package.h"
#include "tests/test_util.h"

namespace fidelity {
namespace {

struct Read {
  std::string data;
  uint32_t crc = 0;
  uint16_t method = 0;
  uint32_t compressed = 0;
};

// Every entry through libzip, in archive order (libzip checks each CRC as
// the entry is read to its end).
std::vector<std::pair<std::string, Read>> ReadWithLibzip(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  EXPECT_NE(src, nullptr);
  zip_t* z = zip_open_from_source(src, ZIP_CHECKCONS | ZIP_RDONLY, &err);
  EXPECT_NE(z, nullptr) << zip_error_strerror(&err);
  std::vector<std::pair<std::string, Read>> out;
  if (!z) return out;
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    EXPECT_EQ(zip_stat_index(z, i, 0, &st), 0);
    Read r;
    r.crc = st.crc;
    r.method = st.comp_method;
    r.compressed = static_cast<uint32_t>(st.comp_size);
    r.data.resize(st.size);
    zip_file_t* f = zip_fopen_index(z, i, 0);
    EXPECT_NE(f, nullptr);
    zip_int64_t got = r.data.empty() ? 0 : zip_fread(f, r.data.data(), r.data.size());
    EXPECT_EQ(got, static_cast<zip_int64_t>(r.data.size())) << st.name;
    char extra;
    EXPECT_EQ(zip_fread(f, &extra, 1), 0) << st.name;  // the end, where the CRC is checked
    EXPECT_EQ(zip_fclose(f), 0) << st.name << ": " << zip_strerror(z);
    out.emplace_back(st.name, std::move(r));
  }
  zip_discard(z);
  return out;
}

uint32_t Crc(std::string_view s) { return static_cast<uint32_t>(libdeflate_crc32(0, s.data(), s.size())); }

std::string RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

std::string Xml(int n) {
  std::string s = "<?xml version=\"1.0\"?><rows>";
  for (int i = 0; i < n; ++i) s += "<row r=\"" + std::to_string(i) + "\"><c>就労支援</c></row>";
  return s + "</rows>";
}

TEST(ZipWriterTest, EntriesReadBackWithTheirCrcsStoredOrDeflated) {
  const std::map<std::string, std::string> entries = {
      {"xl/worksheets/sheet1.xml", Xml(500)},  // compresses well: deflated
      {"random.bin", RandomBytes(5000, 7)},    // incompressible: stored
      {"a.txt", "a"},                           // too small to gain: stored
      {"empty", ""},
      {"日本語/名前.xml", Xml(3)},             // a UTF-8 name
  };
  const std::vector<std::string> order = {"xl/worksheets/sheet1.xml", "random.bin", "a.txt", "empty",
                                          "日本語/名前.xml"};
  ZipWriter w;
  for (const std::string& name : order) w.Add(name, entries.at(name));
  std::string zip = w.Finish();

  auto read = ReadWithLibzip(zip);
  ASSERT_EQ(read.size(), order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const auto& [name, r] = read[i];
    EXPECT_EQ(name, order[i]);
    EXPECT_EQ(r.data, entries.at(name)) << name;
    EXPECT_EQ(r.crc, Crc(entries.at(name))) << name;
  }
  EXPECT_EQ(read[0].second.method, ZIP_CM_DEFLATE);
  EXPECT_LT(read[0].second.compressed, entries.at(order[0]).size() / 5);
  EXPECT_EQ(read[1].second.method, ZIP_CM_STORE);
  EXPECT_EQ(read[1].second.compressed, 5000u);
  EXPECT_EQ(read[2].second.method, ZIP_CM_STORE);
  EXPECT_EQ(read[3].second.method, ZIP_CM_STORE);
  EXPECT_EQ(read[3].second.compressed, 0u);

  // Our own reader (the one that reads the agencies' workbooks).
  ZipPackage pkg(zip, "test.zip", ZipLimits{});
  for (const auto& [name, data] : entries) {
    ASSERT_TRUE(pkg.Has(name)) << name;
    EXPECT_EQ(pkg.Read(name), data) << name;
  }
}

TEST(ZipWriterTest, SameEntriesGiveTheSameBytes) {
  auto make = [](bool swap) {
    ZipWriter w;
    std::vector<std::pair<std::string, std::string>> e = {{"a.xml", Xml(40)}, {"b.bin", RandomBytes(300, 1)}};
    if (swap) std::swap(e[0], e[1]);
    for (auto& [n, d] : e) w.Add(n, d);
    return w.Finish();
  };
  std::string one = make(false);
  EXPECT_EQ(one, make(false));
  EXPECT_NE(one, make(true));  // order is kept
  // The fixed date: 1980-01-01 00:00 in the first local header (time, date).
  ASSERT_GT(one.size(), 14u);
  EXPECT_EQ(one.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(one.substr(10, 4), std::string("\x00\x00\x21\x00", 4));
}

TEST(ZipWriterTest, UnicodeNamesHaveTheUtf8Flag) {
  ZipWriter w;
  w.Add("ascii.txt", "x");
  w.Add("名前.txt", "y");
  std::string zip = w.Finish();
  // General purpose flags of the two local headers.
  size_t second = zip.find(std::string("PK\x03\x04", 4), 4);
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>(zip[7]) & 0x08, 0);
  EXPECT_EQ(static_cast<unsigned char>(zip[second + 7]) & 0x08, 0x08);
}

TEST(ZipWriterTest, PythonZipfileAgrees) {
  test::TempDir dir;
  ZipWriter w;
  w.Add("[Content_Types].xml", Xml(20));
  w.Add("bin", RandomBytes(1000, 3));
  w.Add("名前.xml", Xml(2));
  std::ofstream(dir / "t.zip", std::ios::binary) << w.Finish();
  auto r = test::RunShell("/usr/bin/python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                          "print(z.testzip()); print(\",\".join(i.filename for i in z.infolist()))' " +
                          test::Q(dir / "t.zip"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "None\n[Content_Types].xml,bin,名前.xml\n");
}

TEST(ZipWriterTest, MisuseIsAProgrammingError) {
  ZipWriter w;
  w.Add("a", "1");
  EXPECT_THROW(w.Add("a", "2"), std::invalid_argument);
  EXPECT_THROW(w.Add("", "2"), std::invalid_argument);
  w.Finish();
  EXPECT_THROW(w.Add("b", "3"), std::invalid_argument);
  EXPECT_THROW(ZipWriter(0), std::invalid_argument);
  EXPECT_THROW(ZipWriter(13), std::invalid_argument);
}

TEST(ZipWriterTest, MoreThanFourGibibytesIsRefusedWithoutZip64) {
  // 5 GiB of address space that may not be touched: the writer must refuse
  // before reading a byte.
  const size_t n = size_t{5} << 30;
  void* p = mmap(nullptr, n, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) GTEST_SKIP() << "no 5 GiB of address space";
  ZipWriter w;
  Problem pr = test::ProblemOf([&] { w.Add("huge.bin", std::string_view(static_cast<const char*>(p), n)); });
  munmap(p, n);
  EXPECT_EQ(pr.code, "zip.too_large");
  EXPECT_EQ(pr.where, "huge.bin");
  EXPECT_NE(pr.message.find("4 GiB"), std::string::npos) << pr.message;
  EXPECT_NE(pr.message.find("書き込めません"), std::string::npos) << pr.message;
}

TEST(ZipWriterTest, MoreThan65535EntriesIsRefused) {
  ZipWriter w;
  for (int i = 0; i < 65535; ++i) w.Add(std::to_string(i), "");
  Problem pr = test::ProblemOf([&] { w.Add("one-more", "x"); });
  EXPECT_EQ(pr.code, "zip.too_large");
  std::string zip = w.Finish();
  EXPECT_EQ(ReadWithLibzip(zip).size(), 65535u);
}

}  // namespace
}  // namespace fidelity
