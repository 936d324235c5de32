// A tiny writer of OLE compound files for the tests: well-formed files of
// version 3 or 4 (with mini stream, storages and, on request, a DIFAT chain),
// plus the layout, so that a test can then break exactly one thing.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fidelity::test {

inline constexpr uint32_t kFreeSect = 0xFFFFFFFFu;
inline constexpr uint32_t kEndOfChain = 0xFFFFFFFEu;
inline constexpr uint32_t kFatSect = 0xFFFFFFFDu;
inline constexpr uint32_t kDifSect = 0xFFFFFFFCu;

struct CfbStream {
  std::string path;  // "Name" or "Storage/Name" (ASCII)
  std::string data;
};

struct BuiltCfb {
  std::string bytes;
  uint32_t sector_size = 512;
  std::vector<uint32_t> fat_sectors;
  std::vector<uint32_t> difat_sectors;
  std::vector<uint32_t> dir_sectors;
  uint32_t minifat_start = kEndOfChain;
  std::map<std::string, uint32_t> start;      // stream path -> first (mini) sector
  std::map<std::string, uint32_t> dir_index;  // path -> directory entry

  size_t SectorOffset(uint32_t s) const { return (static_cast<size_t>(s) + 1) * sector_size; }
  void SetU32(size_t off, uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[off + i] = static_cast<char>(v >> (8 * i));
  }
  uint32_t GetU32(size_t off) const {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(bytes[off + i]);
    return v;
  }
  size_t FatEntryOffset(uint32_t sector) const {
    const uint32_t per = sector_size / 4;
    return SectorOffset(fat_sectors.at(sector / per)) + 4 * (sector % per);
  }
  void SetFat(uint32_t sector, uint32_t next) { SetU32(FatEntryOffset(sector), next); }
  size_t DirEntryOffset(uint32_t index) const {
    const uint32_t per = sector_size / 128;
    return SectorOffset(dir_sectors.at(index / per)) + 128 * (index % per);
  }
};

// Builds a compound file holding `streams` (streams under 4096 bytes go to the
// mini stream). `min_fat_sectors` pads the FAT so that more than 109 FAT
// sectors force a DIFAT chain in a small file.
inline BuiltCfb BuildCfb(int version, const std::vector<CfbStream>& streams,
                         uint32_t min_fat_sectors = 0) {
  BuiltCfb b;
  const uint32_t ss = version == 4 ? 4096 : 512;
  b.sector_size = ss;
  const uint32_t per_fat = ss / 4;
  auto ceil_div = [](uint64_t a, uint64_t c) { return static_cast<uint32_t>((a + c - 1) / c); };

  // Directory entries: root, storages, streams.
  struct Entry {
    std::string name;
    uint8_t type;
    uint32_t left = kFreeSect, right = kFreeSect, child = kFreeSect;
    uint32_t start = kEndOfChain;
    uint64_t size = 0;
  };
  std::vector<Entry> entries = {{"Root Entry", 5}};
  std::map<std::string, uint32_t> storage_index;
  std::map<uint32_t, uint32_t> tail;
  auto attach = [&](uint32_t parent, uint32_t child) {
    if (entries[parent].child == kFreeSect) entries[parent].child = child;
    else entries[tail[parent]].right = child;
    tail[parent] = child;
  };
  std::vector<uint32_t> stream_entry;
  for (const CfbStream& s : streams) {
    uint32_t parent = 0;
    std::string name = s.path;
    const size_t slash = s.path.find('/');
    if (slash != std::string::npos) {
      const std::string storage = s.path.substr(0, slash);
      name = s.path.substr(slash + 1);
      auto it = storage_index.find(storage);
      if (it == storage_index.end()) {
        entries.push_back({storage, 1});
        const uint32_t idx = static_cast<uint32_t>(entries.size() - 1);
        storage_index[storage] = idx;
        b.dir_index[storage] = idx;
        attach(0, idx);
        parent = idx;
      } else {
        parent = it->second;
      }
    }
    entries.push_back({name, 2});
    const uint32_t idx = static_cast<uint32_t>(entries.size() - 1);
    entries[idx].size = s.data.size();
    b.dir_index[s.path] = idx;
    attach(parent, idx);
    stream_entry.push_back(idx);
  }

  // Mini stream and mini FAT.
  std::string mini;
  std::vector<uint32_t> minifat;
  for (size_t i = 0; i < streams.size(); ++i) {
    const std::string& d = streams[i].data;
    if (d.empty() || d.size() >= 4096) continue;
    const uint32_t first = static_cast<uint32_t>(mini.size() / 64);
    const uint32_t n = ceil_div(d.size(), 64);
    for (uint32_t k = 0; k < n; ++k) minifat.push_back(k + 1 < n ? first + k + 1 : kEndOfChain);
    mini += d;
    mini.resize(static_cast<size_t>(first + n) * 64, '\0');
    entries[stream_entry[i]].start = first;
    b.start[streams[i].path] = first;
  }
  const uint32_t n_dir = ceil_div(entries.size() * 128, ss);
  const uint32_t n_minifat = ceil_div(minifat.size() * 4, ss);
  const uint32_t n_mini = ceil_div(mini.size(), ss);
  uint32_t n_big = 0;
  for (const CfbStream& s : streams)
    if (s.data.size() >= 4096) n_big += ceil_div(s.data.size(), ss);
  const uint32_t rest = n_dir + n_minifat + n_mini + n_big;
  uint32_t n_fat = std::max<uint32_t>(min_fat_sectors, 1), n_difat = 0;
  for (;;) {
    n_difat = n_fat > 109 ? ceil_div(n_fat - 109, per_fat - 1) : 0;
    const uint32_t need = ceil_div(n_fat + n_difat + rest, per_fat);
    if (need <= n_fat) break;
    n_fat = need;
  }

  std::vector<uint32_t> fat(static_cast<size_t>(n_fat) * per_fat, kFreeSect);
  uint32_t next = 0;
  auto alloc_chain = [&](uint32_t n) {
    const uint32_t first = next;
    for (uint32_t k = 0; k < n; ++k) fat[first + k] = k + 1 < n ? first + k + 1 : kEndOfChain;
    next += n;
    return n ? first : kEndOfChain;
  };
  for (uint32_t k = 0; k < n_fat; ++k) { b.fat_sectors.push_back(next); fat[next++] = kFatSect; }
  for (uint32_t k = 0; k < n_difat; ++k) { b.difat_sectors.push_back(next); fat[next++] = kDifSect; }
  const uint32_t dir_start = alloc_chain(n_dir);
  for (uint32_t k = 0; k < n_dir; ++k) b.dir_sectors.push_back(dir_start + k);
  b.minifat_start = alloc_chain(n_minifat);
  const uint32_t mini_start = alloc_chain(n_mini);
  entries[0].start = mini_start;
  entries[0].size = mini.size();
  std::vector<std::pair<uint32_t, const std::string*>> big;
  for (size_t i = 0; i < streams.size(); ++i) {
    const std::string& d = streams[i].data;
    if (d.size() < 4096) continue;
    const uint32_t first = alloc_chain(ceil_div(d.size(), ss));
    entries[stream_entry[i]].start = first;
    b.start[streams[i].path] = first;
    big.emplace_back(first, &d);
  }

  b.bytes.assign(static_cast<size_t>(next + 1) * ss, '\0');
  auto put16 = [&](size_t off, uint16_t v) {
    b.bytes[off] = static_cast<char>(v);
    b.bytes[off + 1] = static_cast<char>(v >> 8);
  };
  const unsigned char sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  for (int i = 0; i < 8; ++i) b.bytes[i] = static_cast<char>(sig[i]);
  put16(24, 0x3E);
  put16(26, static_cast<uint16_t>(version));
  put16(28, 0xFFFE);
  put16(30, version == 4 ? 12 : 9);
  put16(32, 6);
  b.SetU32(40, version == 4 ? n_dir : 0);
  b.SetU32(44, n_fat);
  b.SetU32(48, dir_start);
  b.SetU32(56, 4096);
  b.SetU32(60, b.minifat_start);
  b.SetU32(64, n_minifat);
  b.SetU32(68, n_difat ? b.difat_sectors[0] : kEndOfChain);
  b.SetU32(72, n_difat);
  for (uint32_t k = 0; k < 109; ++k) b.SetU32(76 + 4 * k, k < n_fat ? b.fat_sectors[k] : kFreeSect);
  for (uint32_t d = 0; d < n_difat; ++d) {
    const size_t off = b.SectorOffset(b.difat_sectors[d]);
    for (uint32_t k = 0; k < per_fat - 1; ++k) {
      const uint32_t idx = 109 + d * (per_fat - 1) + k;
      b.SetU32(off + 4 * k, idx < n_fat ? b.fat_sectors[idx] : kFreeSect);
    }
    b.SetU32(off + ss - 4, d + 1 < n_difat ? b.difat_sectors[d + 1] : kEndOfChain);
  }
  for (uint32_t k = 0; k < n_fat; ++k)
    for (uint32_t j = 0; j < per_fat; ++j) b.SetU32(b.SectorOffset(b.fat_sectors[k]) + 4 * j, fat[k * per_fat + j]);
  for (size_t i = 0; i < entries.size(); ++i) {
    const size_t o = b.DirEntryOffset(static_cast<uint32_t>(i));
    const Entry& e = entries[i];
    for (size_t c = 0; c < e.name.size() && c < 31; ++c) put16(o + 2 * c, static_cast<unsigned char>(e.name[c]));
    put16(o + 64, static_cast<uint16_t>((std::min<size_t>(e.name.size(), 31) + 1) * 2));
    b.bytes[o + 66] = static_cast<char>(e.type);
    b.bytes[o + 67] = 1;  // black
    b.SetU32(o + 68, e.left);
    b.SetU32(o + 72, e.right);
    b.SetU32(o + 76, e.child);
    b.SetU32(o + 116, e.start);
    b.SetU32(o + 120, static_cast<uint32_t>(e.size));
    b.SetU32(o + 124, static_cast<uint32_t>(e.size >> 32));
  }
  for (size_t i = entries.size(); i < static_cast<size_t>(n_dir) * (ss / 128); ++i) {
    const size_t o = b.DirEntryOffset(static_cast<uint32_t>(i));
    b.SetU32(o + 68, kFreeSect);
    b.SetU32(o + 72, kFreeSect);
    b.SetU32(o + 76, kFreeSect);
  }
  for (size_t k = 0; k < minifat.size(); ++k)
    b.SetU32(b.SectorOffset(b.minifat_start + static_cast<uint32_t>(k / per_fat)) + 4 * (k % per_fat), minifat[k]);
  for (size_t k = 0; k < mini.size(); ++k)
    b.bytes[b.SectorOffset(mini_start + static_cast<uint32_t>(k / ss)) + k % ss] = mini[k];
  for (const auto& [first, data] : big)
    for (size_t k = 0; k < data->size(); ++k)
      b.bytes[b.SectorOffset(first + static_cast<uint32_t>(k / ss)) + k % ss] = (*data)[k];
  // Unused FAT entries of the mini FAT sectors' tail stay FREESECT.
  for (size_t k = minifat.size(); k < static_cast<size_t>(n_minifat) * per_fat; ++k)
    b.SetU32(b.SectorOffset(b.minifat_start + static_cast<uint32_t>(k / per_fat)) + 4 * (k % per_fat), kFreeSect);
  return b;
}

}  // namespace fidelity::test
