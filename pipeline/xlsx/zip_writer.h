// A zip archive built in memory (issue 13): what an .xlsx needs and no
// more. Local headers, the central directory and the end record; each entry
// raw-deflated with libdeflate (level 1 by default) unless storing it is
// smaller; CRC-32 by libdeflate; a fixed DOS date and time (1980-01-01
// 00:00), so the same entries in the same order give the same bytes. No
// zip64: an entry, the archive or the entry count past the classic limits
// (4 GiB, 65,535 entries) is refused with InputError (zip.too_large).
// Names are stored as given (UTF-8; flag bit 11 set when a name is not
// ASCII).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace fidelity {

class ZipWriter {
 public:
  // level: libdeflate's 1 (fastest) .. 12.
  explicit ZipWriter(int level = 1);

  // Compresses `data` at once into the archive (the data need not outlive
  // the call). Throws std::invalid_argument for an empty name, a name given
  // twice or an Add after Finish (programming errors); InputError
  // (zip.too_large) past the zip limits.
  void Add(std::string name, std::string_view data);
  // The central directory and the end record; returns the whole archive.
  // The writer is spent afterwards.
  std::string Finish();

 private:
  struct Entry {
    std::string name;
    uint32_t crc = 0;
    uint32_t compressed = 0, size = 0;
    uint32_t offset = 0;  // of the local header
    uint16_t method = 0;  // 0 stored, 8 deflated
    uint16_t flags = 0;
  };
  int level_;
  std::string out_;
  std::vector<Entry> entries_;
  std::unordered_set<std::string> names_;
  bool finished_ = false;
};

}  // namespace fidelity
