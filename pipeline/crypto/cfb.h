// A small, defensive reader of OLE compound files (MS-CFB), enough to take
// the `EncryptionInfo` and `EncryptedPackage` streams out of a
// password-protected workbook.
//
// Every structure is checked before it is used: sector numbers against the
// file, every sector chain (FAT, DIFAT, mini FAT, directory) against loops,
// stream sizes against the file and the caller's limit, the directory tree
// against cycles. Work and memory are bounded by the size of the file.
//
//   std::string bytes = ReadFile(path);
//   cfb::CompoundFile cf(bytes, "事前調査票.xlsx");   // throws crypto.corrupt
//   if (const cfb::DirEntry* e = cf.Find("EncryptionInfo"))
//     std::string info = cf.Read(*e, 1 << 20);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::cfb {

inline constexpr uint32_t kNoStream = 0xFFFFFFFFu;  // no sibling/child

enum class EntryType : uint8_t { kUnused = 0, kStorage = 1, kStream = 2, kRoot = 5 };

struct DirEntry {
  std::string name;  // UTF-8
  EntryType type = EntryType::kUnused;
  uint32_t left = kNoStream;
  uint32_t right = kNoStream;
  uint32_t child = kNoStream;
  uint32_t start = 0;  // first sector (or mini sector)
  uint64_t size = 0;   // stream size in bytes
};

class CompoundFile {
 public:
  // Parses the header, the FAT (following the DIFAT chain), the mini FAT,
  // the mini stream's sectors and the directory of `bytes`, which must
  // outlive this object. `label` names the file in problems.
  // Throws InputError("crypto.corrupt", label, …) when `bytes` is not a
  // well-formed compound file (version 3 or 4).
  CompoundFile(std::string_view bytes, std::string label);

  int version() const { return version_; }                 // 3 or 4
  uint32_t sector_size() const { return sector_size_; }    // 512 or 4096
  const std::vector<DirEntry>& entries() const { return entries_; }

  // The entry at `path`: stream or storage names separated by '/', from the
  // root ("EncryptionInfo", "\x06DataSpaces/Version"), compared without
  // regard to ASCII case. nullptr when absent.
  // Throws crypto.corrupt when the directory tree is malformed on the way.
  const DirEntry* Find(std::string_view path) const;

  // Indices of the direct children of the storage (or root) at `index`.
  // Throws crypto.corrupt on an index out of range or a cycle.
  std::vector<uint32_t> Children(uint32_t index) const;

  // The bytes of stream `e`. Throws InputError("crypto.too_large", …) when
  // the stream is larger than `max_bytes`, crypto.corrupt when its chain is
  // broken, loops, is too short, or runs past the end of the file.
  std::string Read(const DirEntry& e, uint64_t max_bytes) const;

 private:
  [[noreturn]] void Fail(const std::string& detail) const;
  // Sector number -> file offset; checks that `len` bytes are inside the file.
  size_t SectorOffset(uint32_t sector, size_t len) const;
  uint32_t ReadU32(size_t offset) const;
  // Follows `table` from `start` collecting at most `max_count` sectors
  // (all of them up to ENDOFCHAIN when max_count is 0). `limit` is the number
  // of valid sector numbers. Throws on a loop or an out-of-range number.
  std::vector<uint32_t> Chain(const std::vector<uint32_t>& table, uint32_t start, uint32_t limit,
                              size_t max_count, const char* what) const;
  void ReadFat();
  void ReadDirectory();
  void ReadMiniStream();

  std::string_view bytes_;
  std::string label_;
  int version_ = 0;
  uint32_t sector_size_ = 0;
  uint32_t sector_count_ = 0;  // sectors after the header (the last may be partial)
  std::vector<uint32_t> fat_;
  std::vector<uint32_t> mini_fat_;
  std::vector<uint32_t> mini_stream_sectors_;  // regular sectors holding the mini stream
  uint64_t mini_stream_size_ = 0;
  std::vector<DirEntry> entries_;
};

}  // namespace fidelity::cfb
