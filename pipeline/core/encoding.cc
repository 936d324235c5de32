#include "pipeline/core/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>

#include "pipeline/core/text.h"

namespace fidelity {
namespace {

bool HasPrefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Strict conversion with ICU: nullopt when a byte sequence is not in `codepage`.
std::optional<std::string> Convert(std::string_view bytes, const char* codepage) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(codepage, &err), ucnv_close);
  if (U_FAILURE(err)) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  std::u16string wide(bytes.size() + 1, u'\0');  // one byte never gives more than one UTF-16 unit
  int32_t n = ucnv_toUChars(conv.get(), wide.data(), static_cast<int32_t>(wide.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err) || n < 0) return std::nullopt;
  std::string out;
  icu::UnicodeString(wide.data(), n).toUTF8String(out);
  if (!IsValidUtf8(out)) return std::nullopt;  // a lone surrogate from UTF-16
  return out;
}

// Text saved as UTF-16 without a BOM shows NUL bytes in every other place.
bool LooksLikeBomlessUtf16(std::string_view b) {
  size_t nul = 0;
  for (char c : b.substr(0, 4096)) nul += c == '\0';
  return nul > 0 && nul * 4 >= std::min<size_t>(b.size(), 4096);
}

[[noreturn]] void Refuse(const std::string& label, const std::string& prefix, const std::string& msg) {
  throw InputError(prefix + ".encoding", label, msg);
}

DecodedText Converted(std::string utf8, TextEncoding enc, const std::string& label, const std::string& prefix) {
  DecodedText d;
  d.utf8 = std::move(utf8);
  d.encoding = enc;
  d.note = Warning(prefix + ".encoding_converted", label,
                   std::string("文字コードが ") + EncodingName(enc) +
                       " のようです。UTF-8 に変換して読みました（UTF-8 で保存し直すことをおすすめします）");
  return d;
}

}  // namespace

const char* EncodingName(TextEncoding e) {
  switch (e) {
    case TextEncoding::kUtf8: return "UTF-8";
    case TextEncoding::kUtf8Bom: return "UTF-8（BOM付き）";
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be: return "UTF-16";
    case TextEncoding::kShiftJis: return "Shift_JIS";
  }
  return "?";
}

DecodedText DecodeText(std::string_view bytes, const std::string& label, const std::string& prefix) {
  static const std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (HasPrefix(bytes, std::string_view("\xFF\xFE\0\0", 4)) || HasPrefix(bytes, std::string_view("\0\0\xFE\xFF", 4)))
    Refuse(label, prefix, "文字コードが UTF-32 のようです。UTF-8 で保存し直してください");
  if (HasPrefix(bytes, kUtf8Bom)) {
    std::string_view rest = bytes.substr(kUtf8Bom.size());
    if (!IsValidUtf8(rest))
      Refuse(label, prefix, "UTF-8（BOM付き）として読めない文字が含まれています。UTF-8 で保存し直してください");
    return DecodedText{std::string(rest), TextEncoding::kUtf8Bom, std::nullopt};
  }
  if (HasPrefix(bytes, "\xFF\xFE") || HasPrefix(bytes, "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    auto text = Convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
    if (!text) Refuse(label, prefix, "UTF-16 として読めない文字が含まれています。UTF-8 で保存し直してください");
    return Converted(std::move(*text), le ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be, label, prefix);
  }
  if (LooksLikeBomlessUtf16(bytes))
    Refuse(label, prefix, "文字コードが UTF-16（BOMなし）のようです。UTF-8 で保存し直してください");
  if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::kUtf8, std::nullopt};
  if (auto text = Convert(bytes, "windows-31j"))
    return Converted(std::move(*text), TextEncoding::kShiftJis, label, prefix);
  Refuse(label, prefix, "文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください");
}

}  // namespace fidelity
