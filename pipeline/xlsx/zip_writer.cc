#include "pipeline/xlsx/zip_writer.h"

#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "pipeline/core/deflate_pool.h"
#include "pipeline/core/problem.h"

namespace fidelity {
namespace {

constexpr uint64_t kMax32 = 0xFFFFFFFFu;  // a size or offset past this needs zip64
constexpr size_t kMaxEntries = 0xFFFF;
constexpr uint16_t kDosTime = 0;                        // 00:00:00
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint16_t kVersion = 20;                       // 2.0: deflate

void Put16(std::string& s, uint16_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>(v >> 8);
}
void Put32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void Set32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

[[noreturn]] void TooLarge(const std::string& name, const std::string& what) {
  throw InputError("zip.too_large", name, what + "（zip64 には対応していません）");
}

}  // namespace

ZipWriter::ZipWriter(int level) : level_(level) {
  if (level < 1 || level > 12) throw std::invalid_argument("ZipWriter: level out of range");
}

void ZipWriter::Add(std::string name, std::string_view data) {
  if (finished_) throw std::invalid_argument("ZipWriter::Add after Finish");
  if (name.empty() || name.size() > 0xFFFF) throw std::invalid_argument("ZipWriter::Add: bad entry name");
  if (names_.count(name)) throw std::invalid_argument("ZipWriter::Add: entry given twice: " + name);
  if (entries_.size() >= kMaxEntries)
    TooLarge(name, "zip の項目が 65,535 を超えるため書き込めません");
  if (data.size() > kMax32) TooLarge(name, "4 GiB を超える項目は zip に書き込めません");
  if (out_.size() > kMax32) TooLarge(name, "zip 全体が 4 GiB を超えるため書き込めません");

  Entry e;
  e.offset = static_cast<uint32_t>(out_.size());
  e.size = static_cast<uint32_t>(data.size());
  e.crc = static_cast<uint32_t>(libdeflate_crc32(0, data.data(), data.size()));
  e.flags = std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })
                ? (1u << 11)
                : 0;

  // The local header, its sizes and method filled in once known.
  const size_t header = out_.size();
  Put32(out_, 0x04034b50);
  Put16(out_, kVersion);
  Put16(out_, e.flags);
  Put16(out_, 0);  // method, below
  Put16(out_, kDosTime);
  Put16(out_, kDosDate);
  Put32(out_, e.crc);
  Put32(out_, 0);  // compressed size, below
  Put32(out_, e.size);
  Put16(out_, static_cast<uint16_t>(name.size()));
  Put16(out_, 0);  // extra field
  out_ += name;

  // Deflate straight into the archive; store instead when that is not smaller.
  const size_t at = out_.size();
  size_t n = 0;
  if (!data.empty()) {
    libdeflate_compressor* c = ThreadCompressor(level_);
    out_.resize(at + libdeflate_deflate_compress_bound(c, data.size()));
    n = libdeflate_deflate_compress(c, data.data(), data.size(), out_.data() + at, out_.size() - at);
    if (n >= data.size()) n = 0;  // no smaller: stored
  }
  if (n > 0) {
    e.method = 8;
    out_.resize(at + n);
  } else {
    e.method = 0;
    out_.resize(at);
    out_.append(data.data(), data.size());
  }
  e.compressed = static_cast<uint32_t>(out_.size() - at);
  if (out_.size() > kMax32) TooLarge(name, "zip 全体が 4 GiB を超えるため書き込めません");
  out_[header + 8] = static_cast<char>(e.method);
  Set32(out_, header + 18, e.compressed);
  names_.insert(name);
  e.name = std::move(name);
  entries_.push_back(std::move(e));
}

std::string ZipWriter::Finish() {
  if (finished_) throw std::invalid_argument("ZipWriter::Finish twice");
  finished_ = true;
  const uint64_t cd_offset = out_.size();
  size_t cd_bytes = 0;
  for (const Entry& e : entries_) cd_bytes += 46 + e.name.size();
  if (cd_offset + cd_bytes + 22 > kMax32)
    TooLarge(entries_.empty() ? std::string() : entries_.back().name, "zip 全体が 4 GiB を超えるため書き込めません");
  out_.reserve(out_.size() + cd_bytes + 22);
  for (const Entry& e : entries_) {
    Put32(out_, 0x02014b50);
    Put16(out_, (3 << 8) | kVersion);  // made by: Unix, 2.0 (so the mode below is read)
    Put16(out_, kVersion);
    Put16(out_, e.flags);
    Put16(out_, e.method);
    Put16(out_, kDosTime);
    Put16(out_, kDosDate);
    Put32(out_, e.crc);
    Put32(out_, e.compressed);
    Put32(out_, e.size);
    Put16(out_, static_cast<uint16_t>(e.name.size()));
    Put16(out_, 0);  // extra field
    Put16(out_, 0);  // comment
    Put16(out_, 0);  // disk
    Put16(out_, 0);  // internal attributes
    Put32(out_, 0100644u << 16);  // external attributes: a regular file, rw-r--r--
    Put32(out_, e.offset);
    out_ += e.name;
  }
  Put32(out_, 0x06054b50);
  Put16(out_, 0);  // this disk
  Put16(out_, 0);  // the central directory's disk
  Put16(out_, static_cast<uint16_t>(entries_.size()));
  Put16(out_, static_cast<uint16_t>(entries_.size()));
  Put32(out_, static_cast<uint32_t>(cd_bytes));
  Put32(out_, static_cast<uint32_t>(cd_offset));
  Put16(out_, 0);  // comment
  entries_.clear();
  names_.clear();
  return std::move(out_);
}

}  // namespace fidelity
