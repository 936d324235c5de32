#include "pipeline/xlsx/zip_package.h"

#include <libdeflate.h>
#include <zip.h>

#include <algorithm>
#include <optional>

#include "pipeline/core/problem.h"

namespace fidelity {

struct ZipPackage::Zip {
  zip_t* za = nullptr;
  ~Zip() {
    if (za) zip_discard(za);
  }
};

namespace {

std::string Quoted(const std::string& label) { return "「" + label + "」"; }

// One libdeflate decompressor per thread (issue 13: several times faster
// than libzip's zlib for the same bytes).
struct Decompressor {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Decompressor() {
    if (d) libdeflate_free_decompressor(d);
  }
};
thread_local Decompressor t_inflate;

// The part at `index` inflated with libdeflate in one call, when it is
// deflated, unencrypted and its header gives both sizes and the CRC (the
// caller has checked the declared size against the limits): exactly `st.size`
// bytes come out or nothing. nullopt: read it the slow way (stored parts,
// unusual headers). Returns "" with *failure set when the data are bad:
// kCorrupt, or kLarger when they inflate past the declared size.
enum InflateFailure { kNone, kCorrupt, kLarger };
std::optional<std::string> InflateWhole(zip_t* za, uint64_t index, const zip_stat_t& st,
                                        InflateFailure* failure) {
  const auto need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                    ZIP_STAT_ENCRYPTION_METHOD;
  if ((st.valid & need) != need || st.comp_method != ZIP_CM_DEFLATE ||
      st.encryption_method != ZIP_EM_NONE || !t_inflate.d ||
      st.comp_size > st.size + st.size / 8 + 1024)  // more than deflate can need: slow way
    return std::nullopt;
  zip_file_t* f = zip_fopen_index(za, index, ZIP_FL_COMPRESSED);
  if (!f) return std::nullopt;
  std::string in(static_cast<size_t>(st.comp_size), '\0');
  zip_int64_t r = zip_fread(f, in.data(), in.size());
  zip_fclose(f);
  std::string out(static_cast<size_t>(st.size), '\0');
  size_t got = 0;
  libdeflate_result res = r != static_cast<zip_int64_t>(in.size())
                              ? LIBDEFLATE_BAD_DATA
                              : libdeflate_deflate_decompress(t_inflate.d, in.data(), in.size(),
                                                              out.data(), out.size(), &got);
  if (res == LIBDEFLATE_INSUFFICIENT_SPACE) {
    *failure = kLarger;
    return std::string();
  }
  if (res != LIBDEFLATE_SUCCESS || got != out.size() ||
      libdeflate_crc32(0, out.data(), out.size()) != st.crc) {
    *failure = kCorrupt;
    return std::string();
  }
  return out;
}

std::string Mib(uint64_t bytes) {
  // "64 MB" (rounded up, so a size past a limit never shows as equal to it)
  // or "1000 バイト" below 1 MB.
  if (bytes < (1u << 20)) return std::to_string(bytes) + " バイト";
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

bool IsBadPath(std::string_view name) {
  if (name.empty()) return false;
  if (name[0] == '/' || name[0] == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // C:...
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

// A truncated zip loses its central directory at the end and then looks
// like no zip at all; its first bytes still say it was one.
bool StartsLikeZip(std::string_view b) {
  return b.size() >= 4 && b[0] == 'P' && b[1] == 'K' &&
         ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8));
}

// libzip's reason in Japanese (its own strings are English).
std::string ZipReason(int code) {
  switch (code) {
    case ZIP_ER_CRC: return "CRC が一致しません";
    case ZIP_ER_COMPNOTSUPP: return "対応していない圧縮方式です";
    case ZIP_ER_INCONS: return "ZIP の目次と中身が一致しません";
    case ZIP_ER_ZLIB: return "圧縮データが壊れています";
    case ZIP_ER_READ:
    case ZIP_ER_EOF:
    case ZIP_ER_SEEK: return "データが途中で終わっています";
    case ZIP_ER_MEMORY: return "メモリが足りません";
    case ZIP_ER_MULTIDISK: return "複数に分割された ZIP です";
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP: return "ZIP のパスワードで保護されています";
    default: return "ZIP のエラー " + std::to_string(code);
  }
}

}  // namespace

std::string NormalizePartName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  size_t lead = out.find_first_not_of('/');
  out.erase(0, lead == std::string::npos ? out.size() : lead);
  return out;
}

ZipPackage::ZipPackage(std::string_view bytes, std::string label, const ZipLimits& limits)
    : zip_(std::make_unique<Zip>()), label_(std::move(label)), limits_(limits) {
  const std::string q = Quoted(label_);
  if (bytes.empty())
    throw InputError("xlsx.not_zip", label_, q + "は空のファイルです（0 バイト）。");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    throw InputError("xlsx.corrupt", label_, q + "を読み込めません（メモリ不足）。");
  }
  zip_->za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!zip_->za) {
    zip_source_free(src);
    int code = zip_error_code_zip(&err);
    std::string why = ZipReason(code);
    zip_error_fini(&err);
    if (code == ZIP_ER_NOZIP && StartsLikeZip(bytes))
      throw InputError("xlsx.truncated", label_,
                       q + "は途中で切れています（ZIP の末尾がありません）。送られてきたファイルが"
                           "最後まで届いているか確認してください。");
    if (code == ZIP_ER_NOZIP)
      throw InputError("xlsx.not_zip", label_,
                       q + "は .xlsx 形式のファイルではありません（ZIP として読めません）。"
                           "Excel で「Excel ブック (*.xlsx)」として保存し直してください。");
    if (code == ZIP_ER_READ || code == ZIP_ER_EOF || code == ZIP_ER_SEEK)
      throw InputError("xlsx.truncated", label_, q + "は途中で切れています（" + why + "）。");
    throw InputError("xlsx.corrupt", label_, q + "は壊れています（ZIP: " + why + "）。");
  }
  zip_error_fini(&err);

  zip_int64_t n = zip_get_num_entries(zip_->za, 0);
  if (n < 0) throw InputError("xlsx.corrupt", label_, q + "は壊れています（ZIP の目次が読めません）。");
  if (static_cast<uint64_t>(n) > limits_.max_entries)
    throw InputError("xlsx.too_large", label_,
                     q + "には " + std::to_string(n) + " 個の部品があり、上限 " +
                         std::to_string(limits_.max_entries) + " 個を超えています。");
  uint64_t total = 0;
  index_.reserve(static_cast<size_t>(n));
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_->za, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) || !st.name)
      throw InputError("xlsx.corrupt", label_, q + "は壊れています（ZIP の項目 " + std::to_string(i) + " が読めません）。");
    std::string_view name = st.name;
    if (IsBadPath(name))
      throw InputError("xlsx.bad_path", label_,
                       q + "に不正な場所を指す部品名があります: " + std::string(name) +
                           "（「..」や絶対パスは使えません）。");
    if (st.valid & ZIP_STAT_SIZE) {
      if (st.size > limits_.max_part_bytes)
        throw InputError("xlsx.too_large", label_,
                         q + "の部品 " + std::string(name) + " は展開すると " + Mib(st.size) +
                             " になり、上限 " + Mib(limits_.max_part_bytes) + " を超えています。");
      total += st.size;
      if (total > limits_.max_total_bytes)
        throw InputError("xlsx.too_large", label_,
                         q + "は展開すると合計 " + Mib(total) + " 以上になり、上限 " +
                             Mib(limits_.max_total_bytes) + " を超えています。");
      if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > limits_.ratio_floor_bytes &&
          st.size / (st.comp_size ? st.comp_size : 1) > limits_.max_ratio)
        throw InputError("xlsx.too_large", label_,
                         q + "の部品 " + std::string(name) + " は圧縮率が異常です（" +
                             std::to_string(st.comp_size) + " バイトが " + std::to_string(st.size) +
                             " バイトに展開されます）。ZIP 爆弾の可能性があるため読み込みません。");
    }
    auto [at, fresh] = index_.emplace(NormalizePartName(name), static_cast<uint64_t>(i));
    if (!fresh) RefuseTwin(at->second, name);
  }
  if (Has("mimetype")) RefuseOpenDocument();
}

// Two entries one reader would take for the same part: readers disagree on
// which one counts (libzip the first, Python's zipfile the last), so the
// workbook could be scored differently; refused.
void ZipPackage::RefuseTwin(uint64_t first, std::string_view name) const {
  const std::string q = Quoted(label_);
  const char* other = zip_get_name(zip_->za, first, 0);
  std::string a = other ? other : "?", b(name);
  if (a == b)
    throw InputError("xlsx.duplicate_part", label_,
                     q + "に同じ名前の部品 " + b + " が2つあります。読み方によって内容が変わるため読み込みません。"
                         "Excel で開いて保存し直してください。");
  throw InputError("xlsx.duplicate_part", label_,
                   q + "に大文字・小文字（または区切り文字）だけが違う部品 " + a + " と " + b +
                       " があります。どちらを読むか決められないため読み込みません。Excel で開いて保存し直してください。");
}

// An OpenDocument spreadsheet (.ods) is a zip too; name it for what it is.
void ZipPackage::RefuseOpenDocument() {
  std::string mime = Read("mimetype");
  if (mime.rfind("application/vnd.oasis.opendocument", 0) != 0) return;
  throw InputError("xlsx.ods", label_,
                   Quoted(label_) + "は OpenDocument 形式（.ods、LibreOffice などの形式）のファイルです。"
                                    "「Excel 2007-365 (.xlsx)」形式で保存し直してください。");
}

ZipPackage::~ZipPackage() = default;

bool ZipPackage::Has(std::string_view part) const { return index_.count(NormalizePartName(part)) > 0; }

std::string ZipPackage::Read(std::string_view part) {
  const std::string q = Quoted(label_);
  const std::string name(part);
  auto it = index_.find(NormalizePartName(part));
  if (it == index_.end())
    throw InputError("xlsx.missing_part", label_, q + "に必要な部品 " + name + " がありません。");
  zip_stat_t st;
  zip_stat_init(&st);
  zip_stat_index(zip_->za, it->second, 0, &st);
  const bool known = (st.valid & ZIP_STAT_SIZE) != 0;
  const uint64_t declared = known ? st.size : limits_.max_part_bytes;
  if (known && declared <= limits_.max_part_bytes && read_total_ + declared <= limits_.max_total_bytes) {
    InflateFailure failure = kNone;
    if (std::optional<std::string> whole = InflateWhole(zip_->za, it->second, st, &failure)) {
      if (failure == kLarger)
        throw InputError("xlsx.too_large", label_,
                         q + "の部品 " + name + " は申告された大きさ（" + std::to_string(declared) +
                             " バイト）を超えて展開されます。ZIP 爆弾の可能性があるため読み込みません。");
      if (failure == kCorrupt)
        throw InputError("xlsx.corrupt", label_,
                         q + "の部品 " + name + " が壊れています（展開できないか、チェックサムが合いません）。");
      read_total_ += whole->size();
      return std::move(*whole);
    }
  }

  zip_file_t* f = zip_fopen_index(zip_->za, it->second, 0);
  if (!f) {
    zip_error_t* e = zip_get_error(zip_->za);
    int code = zip_error_code_zip(e);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      throw InputError("xlsx.encrypted", label_,
                       q + "の部品 " + name + " は ZIP のパスワードで保護されていて読めません。");
    throw InputError("xlsx.corrupt", label_,
                     q + "の部品 " + name + " が読めません（" + ZipReason(code) + "）。");
  }
  struct Closer {
    zip_file_t* f;
    ~Closer() { zip_fclose(f); }
  } closer{f};

  std::string out;
  out.reserve(static_cast<size_t>(std::min<uint64_t>(declared, limits_.max_part_bytes)));
  constexpr size_t kChunk = 64 * 1024;
  uint64_t got = 0;
  for (;;) {
    out.resize(got + kChunk);
    zip_int64_t r = zip_fread(f, out.data() + got, kChunk);
    if (r < 0) {
      zip_error_t* e = zip_file_get_error(f);
      throw InputError("xlsx.corrupt", label_,
                       q + "の部品 " + name + " が壊れています（" + ZipReason(zip_error_code_zip(e)) + "）。");
    }
    if (r == 0) break;
    got += static_cast<uint64_t>(r);
    // Never trust the header: stop as soon as the real bytes say otherwise.
    if (got > limits_.max_part_bytes || read_total_ + got > limits_.max_total_bytes)
      throw InputError("xlsx.too_large", label_,
                       q + "の部品 " + name + " は展開すると上限 " +
                           Mib(std::min(limits_.max_part_bytes, limits_.max_total_bytes)) +
                           " を超えます。ZIP 爆弾の可能性があるため読み込みません。");
    if (known && got > declared)
      throw InputError("xlsx.too_large", label_,
                       q + "の部品 " + name + " は申告された大きさ（" + std::to_string(declared) +
                           " バイト）を超えて展開されます。ZIP 爆弾の可能性があるため読み込みません。");
  }
  out.resize(got);
  read_total_ += got;
  return out;
}

}  // namespace fidelity
