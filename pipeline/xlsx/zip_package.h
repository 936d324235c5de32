// A zip package held in memory (libzip), read under limits that a hostile
// file cannot get around: entry count, declared sizes and compression ratio
// are checked on open, and every part is inflated in chunks that stop as
// soon as its real size passes its declared size or a limit.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fidelity {

struct ZipLimits {
  size_t max_entries = 10000;
  uint64_t max_part_bytes = 64u << 20;
  uint64_t max_total_bytes = 256u << 20;
  uint64_t max_ratio = 200;              // applied to parts above ratio_floor_bytes
  uint64_t ratio_floor_bytes = 1u << 20;
};

class ZipPackage {
 public:
  // `bytes` must outlive the package. `label` names the file in problems.
  // Throws InputError: xlsx.not_zip, xlsx.encrypted, xlsx.truncated,
  // xlsx.corrupt, xlsx.too_large, xlsx.bad_path, xlsx.duplicate_part (two
  // entries with one name, or names differing only in case), xlsx.ods (an
  // OpenDocument spreadsheet).
  ZipPackage(std::string_view bytes, std::string label, const ZipLimits& limits);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // Part names compare without case (OPC) and with '\' read as '/';
  // a leading '/' is ignored.
  bool Has(std::string_view part) const;
  // The whole part. Throws InputError (xlsx.missing_part, xlsx.too_large,
  // xlsx.corrupt).
  std::string Read(std::string_view part);
  const std::string& label() const { return label_; }

 private:
  [[noreturn]] void RefuseTwin(uint64_t first, std::string_view name) const;
  void RefuseOpenDocument();
  struct Zip;
  std::unique_ptr<Zip> zip_;
  std::string label_;
  ZipLimits limits_;
  std::unordered_map<std::string, uint64_t> index_;  // normalised name -> entry index
  uint64_t read_total_ = 0;                           // bytes inflated so far
};

// "/xl\\Worksheets/Sheet1.xml" -> "xl/worksheets/sheet1.xml"
std::string NormalizePartName(std::string_view name);

}  // namespace fidelity
