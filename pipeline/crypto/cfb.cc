#include "pipeline/crypto/cfb.h"

#include <algorithm>
#include <cstring>

#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"

namespace fidelity::cfb {
namespace {

constexpr uint32_t kMaxRegSect = 0xFFFFFFFAu;
constexpr uint32_t kEndOfChain = 0xFFFFFFFEu;
constexpr uint32_t kHeaderDifatEntries = 109;
constexpr uint32_t kMiniSectorSize = 64;
constexpr uint32_t kMiniStreamCutoff = 4096;
constexpr uint32_t kDirEntrySize = 128;
constexpr unsigned char kSignature[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

uint64_t CeilDiv(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

bool NameEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x -= 32;
    if (y >= 'a' && y <= 'z') y -= 32;
    if (x != y) return false;
  }
  return true;
}

}  // namespace

CompoundFile::CompoundFile(std::string_view bytes, std::string label)
    : bytes_(bytes), label_(std::move(label)) {
  if (bytes_.size() < 512) {
    if (bytes_.size() >= 8 && std::memcmp(bytes_.data(), kSignature, 8) == 0)
      Fail("ヘッダーの途中でファイルが切れています");
    Fail("OLE 複合ファイルではありません");
  }
  if (std::memcmp(bytes_.data(), kSignature, 8) != 0) Fail("OLE 複合ファイルではありません");
  auto u16 = [&](size_t off) {
    return static_cast<uint16_t>(static_cast<unsigned char>(bytes_[off]) |
                                 static_cast<unsigned char>(bytes_[off + 1]) << 8);
  };
  const uint16_t major = u16(26), byte_order = u16(28), shift = u16(30), mini_shift = u16(32);
  if (byte_order != 0xFFFE) Fail("バイト順の印が不正です");
  if (major == 3 && shift == 9) {
    sector_size_ = 512;
  } else if (major == 4 && shift == 12) {
    sector_size_ = 4096;
  } else {
    Fail("対応していない版またはセクタ長です");
  }
  version_ = major;
  if (mini_shift != 6) Fail("ミニセクタ長が不正です");
  if (ReadU32(56) != kMiniStreamCutoff) Fail("ミニストリームの境界値が不正です");
  if (bytes_.size() < sector_size_) Fail("ヘッダーの途中でファイルが切れています");
  const uint64_t sectors = CeilDiv(bytes_.size() - sector_size_, sector_size_);
  sector_count_ = static_cast<uint32_t>(std::min<uint64_t>(sectors, kMaxRegSect));

  ReadFat();
  ReadDirectory();
  ReadMiniStream();
}

void CompoundFile::Fail(const std::string& detail) const {
  throw InputError("crypto.corrupt", label_,
                   "「" + label_ + "」は壊れていて読めません（OLE 複合ファイル: " + detail + "）。");
}

uint32_t CompoundFile::ReadU32(size_t off) const {
  if (off + 4 > bytes_.size()) Fail("ファイルが途中で切れています");
  const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data() + off);
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

size_t CompoundFile::SectorOffset(uint32_t sector, size_t len) const {
  const uint64_t off = (static_cast<uint64_t>(sector) + 1) * sector_size_;
  if (sector >= sector_count_ || off + len > bytes_.size()) Fail("ファイルが途中で切れています");
  return static_cast<size_t>(off);
}

std::vector<uint32_t> CompoundFile::Chain(const std::vector<uint32_t>& table, uint32_t start,
                                          uint32_t limit, size_t max_count,
                                          const char* what) const {
  std::vector<uint32_t> out;
  std::vector<bool> seen(limit, false);
  uint32_t s = start;
  while (s != kEndOfChain) {
    if (max_count != 0 && out.size() == max_count) break;
    if (s >= limit || s >= table.size())
      Fail(std::string(what) + "のセクタ番号が範囲外です");
    if (seen[s]) Fail(std::string(what) + "のセクタの連鎖がループしています");
    seen[s] = true;
    out.push_back(s);
    s = table[s];
  }
  return out;
}

void CompoundFile::ReadFat() {
  const uint32_t nfat = ReadU32(44);
  if (nfat > sector_count_) Fail("FAT のセクタ数がファイルの大きさを超えています");
  std::vector<uint32_t> fat_sectors;
  fat_sectors.reserve(nfat);
  for (uint32_t i = 0; i < std::min(nfat, kHeaderDifatEntries); ++i) {
    const uint32_t s = ReadU32(76 + 4 * i);
    if (s >= sector_count_) Fail("FAT のセクタ番号が範囲外です");
    fat_sectors.push_back(s);
  }
  // The rest of the FAT's sectors are listed in the DIFAT chain: each DIFAT
  // sector holds (sector_size/4 - 1) numbers and then the next DIFAT sector.
  std::vector<bool> seen(sector_count_, false);
  uint32_t difat = ReadU32(68);
  const uint32_t per = sector_size_ / 4 - 1;
  while (fat_sectors.size() < nfat) {
    if (difat >= sector_count_) Fail("DIFAT が途中で終わっているか、セクタ番号が範囲外です");
    if (seen[difat]) Fail("DIFAT のセクタの連鎖がループしています");
    seen[difat] = true;
    const size_t off = SectorOffset(difat, sector_size_);
    for (uint32_t j = 0; j < per && fat_sectors.size() < nfat; ++j) {
      const uint32_t s = ReadU32(off + 4 * j);
      if (s >= sector_count_) Fail("FAT のセクタ番号が範囲外です");
      fat_sectors.push_back(s);
    }
    difat = ReadU32(off + sector_size_ - 4);
  }
  const uint32_t per_fat = sector_size_ / 4;
  fat_.resize(static_cast<size_t>(nfat) * per_fat);
  for (size_t i = 0; i < fat_sectors.size(); ++i) {
    const size_t off = SectorOffset(fat_sectors[i], sector_size_);
    for (uint32_t j = 0; j < per_fat; ++j) fat_[i * per_fat + j] = ReadU32(off + 4 * j);
  }
}

void CompoundFile::ReadDirectory() {
  const uint32_t limit = static_cast<uint32_t>(std::min<uint64_t>(sector_count_, fat_.size()));
  const std::vector<uint32_t> chain = Chain(fat_, ReadU32(48), limit, 0, "ディレクトリ");
  if (chain.empty()) Fail("ディレクトリがありません");
  const uint32_t per = sector_size_ / kDirEntrySize;
  entries_.reserve(chain.size() * per);
  for (uint32_t sector : chain) {
    const size_t base = SectorOffset(sector, sector_size_);
    for (uint32_t k = 0; k < per; ++k) {
      const size_t o = base + k * kDirEntrySize;
      DirEntry e;
      const uint8_t type = static_cast<uint8_t>(bytes_[o + 66]);
      if (type == 1 || type == 2 || type == 5) {
        e.type = static_cast<EntryType>(type);
        const uint16_t name_len = static_cast<uint16_t>(static_cast<unsigned char>(bytes_[o + 64]) |
                                                        static_cast<unsigned char>(bytes_[o + 65]) << 8);
        if (name_len > 64 || name_len % 2 != 0) Fail("ディレクトリ項目の名前の長さが不正です");
        // UTF-16LE without the terminating NUL.
        const size_t units = name_len >= 2 ? name_len / 2 - 1 : 0;
        for (size_t u = 0; u < units; ++u) {
          char32_t c = static_cast<unsigned char>(bytes_[o + 2 * u]) |
                       static_cast<unsigned char>(bytes_[o + 2 * u + 1]) << 8;
          if (c == 0) break;
          if (c >= 0xD800 && c <= 0xDBFF && u + 1 < units) {
            const char32_t lo = static_cast<unsigned char>(bytes_[o + 2 * u + 2]) |
                                static_cast<unsigned char>(bytes_[o + 2 * u + 3]) << 8;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
              c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
              ++u;
            }
          }
          if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
          AppendUtf8(e.name, c);
        }
        e.left = ReadU32(o + 68);
        e.right = ReadU32(o + 72);
        e.child = ReadU32(o + 76);
        e.start = ReadU32(o + 116);
        e.size = ReadU32(o + 120);
        // Version 3 files may leave garbage in the high half (MS-CFB 2.6.3).
        if (version_ == 4) e.size |= static_cast<uint64_t>(ReadU32(o + 124)) << 32;
      }
      entries_.push_back(std::move(e));
    }
  }
  if (entries_[0].type != EntryType::kRoot) Fail("ルート項目がありません");
}

void CompoundFile::ReadMiniStream() {
  const uint32_t limit = static_cast<uint32_t>(std::min<uint64_t>(sector_count_, fat_.size()));
  const DirEntry& root = entries_[0];
  mini_stream_size_ = root.size;
  if (mini_stream_size_ > bytes_.size()) Fail("ミニストリームの長さがファイルより大きい値です");
  const size_t needed = CeilDiv(mini_stream_size_, sector_size_);
  if (needed > 0) {
    mini_stream_sectors_ = Chain(fat_, root.start, limit, needed, "ミニストリーム");
    if (mini_stream_sectors_.size() < needed) Fail("ミニストリームが途中で終わっています");
  }
  const uint32_t first = ReadU32(60);
  if (ReadU32(64) > sector_count_) Fail("ミニ FAT のセクタ数がファイルの大きさを超えています");
  const std::vector<uint32_t> chain = Chain(fat_, first, limit, 0, "ミニ FAT");
  const uint32_t per = sector_size_ / 4;
  mini_fat_.resize(chain.size() * per);
  for (size_t i = 0; i < chain.size(); ++i) {
    const size_t off = SectorOffset(chain[i], sector_size_);
    for (uint32_t j = 0; j < per; ++j) mini_fat_[i * per + j] = ReadU32(off + 4 * j);
  }
}

std::vector<uint32_t> CompoundFile::Children(uint32_t index) const {
  if (index >= entries_.size()) Fail("ディレクトリ項目の番号が範囲外です");
  const DirEntry& parent = entries_[index];
  if (parent.type != EntryType::kStorage && parent.type != EntryType::kRoot) return {};
  std::vector<uint32_t> out;
  std::vector<bool> seen(entries_.size(), false);
  std::vector<uint32_t> stack = {parent.child};
  while (!stack.empty()) {
    const uint32_t i = stack.back();
    stack.pop_back();
    if (i == kNoStream) continue;
    if (i >= entries_.size()) Fail("ディレクトリ項目の番号が範囲外です");
    if (seen[i] || i == index) Fail("ディレクトリの木がループしています");
    seen[i] = true;
    const DirEntry& e = entries_[i];
    if (e.type == EntryType::kRoot) Fail("ディレクトリの木がループしています");
    if (e.type == EntryType::kUnused) continue;
    out.push_back(i);
    stack.push_back(e.right);
    stack.push_back(e.left);
  }
  return out;
}

const DirEntry* CompoundFile::Find(std::string_view path) const {
  uint32_t cur = 0;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view part = path.substr(pos, slash - pos);
    pos = slash + 1;
    if (part.empty()) continue;
    bool found = false;
    for (uint32_t c : Children(cur)) {
      if (NameEquals(entries_[c].name, part)) {
        cur = c;
        found = true;
        break;
      }
    }
    if (!found) return nullptr;
  }
  return &entries_[cur];
}

std::string CompoundFile::Read(const DirEntry& e, uint64_t max_bytes) const {
  if (e.type != EntryType::kStream) Fail("「" + e.name + "」はストリームではありません");
  if (e.size > bytes_.size()) Fail("ストリームの長さがファイルより大きい値です");
  if (e.size > max_bytes)
    throw InputError("crypto.too_large", label_,
                     "「" + label_ + "」のストリーム「" + e.name + "」が大きすぎます（" +
                         std::to_string(e.size) + " バイト、上限 " + std::to_string(max_bytes) +
                         " バイト）。");
  const size_t size = static_cast<size_t>(e.size);
  std::string out(size, '\0');
  if (size == 0) return out;
  if (size < kMiniStreamCutoff) {
    const uint64_t mini_sectors = CeilDiv(mini_stream_size_, kMiniSectorSize);
    const uint32_t limit = static_cast<uint32_t>(std::min<uint64_t>(mini_sectors, mini_fat_.size()));
    const size_t needed = CeilDiv(size, kMiniSectorSize);
    const std::vector<uint32_t> chain = Chain(mini_fat_, e.start, limit, needed, "ミニストリーム内のストリーム");
    if (chain.size() < needed) Fail("ストリームが途中で終わっています");
    for (size_t i = 0; i < needed; ++i) {
      const size_t len = std::min<size_t>(kMiniSectorSize, size - i * kMiniSectorSize);
      const uint64_t pos = static_cast<uint64_t>(chain[i]) * kMiniSectorSize;
      if (pos + len > mini_stream_size_) Fail("ミニストリームの範囲を越えています");
      const uint32_t sector = mini_stream_sectors_[pos / sector_size_];
      const size_t within = pos % sector_size_;
      const size_t off = SectorOffset(sector, within + len) + within;
      std::memcpy(out.data() + i * kMiniSectorSize, bytes_.data() + off, len);
    }
  } else {
    const uint32_t limit = static_cast<uint32_t>(std::min<uint64_t>(sector_count_, fat_.size()));
    const size_t needed = CeilDiv(size, sector_size_);
    const std::vector<uint32_t> chain = Chain(fat_, e.start, limit, needed, "ストリーム");
    if (chain.size() < needed) Fail("ストリームが途中で終わっています");
    for (size_t i = 0; i < needed; ++i) {
      const size_t len = std::min<size_t>(sector_size_, size - i * sector_size_);
      const size_t off = SectorOffset(chain[i], len);
      std::memcpy(out.data() + i * sector_size_, bytes_.data() + off, len);
    }
  }
  return out;
}

}  // namespace fidelity::cfb
