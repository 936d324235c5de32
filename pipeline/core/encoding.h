// The text encoding of a hand-written input (cycle.yaml, reviewer files,
// retention files, config and templates): every reader gets UTF-8.
//
// Decision (docs/input-contract.md): UTF-8 with or without a BOM is read as
// it is. UTF-16 with a BOM and Shift_JIS/CP932 (Windows メモ帳, older Excel
// habits) are converted with ICU, strictly (a byte sequence the encoding
// does not have stops the conversion), and a warning says so. Anything else
// (UTF-16 without a BOM, UTF-32, bytes no encoding above explains) is refused
// with a message that asks for UTF-8. The result is always valid UTF-8.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/problem.h"

namespace fidelity {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kShiftJis };

struct DecodedText {
  std::string utf8;              // the text, BOM removed, valid UTF-8
  TextEncoding encoding = TextEncoding::kUtf8;
  std::optional<Problem> note;   // a warning when the text was converted
};

// Decodes `bytes` as described above. `label` names the file in messages,
// `code_prefix` starts the problem codes (`<prefix>.encoding`). Throws
// InputError(<prefix>.encoding, label, …) when the bytes are refused.
DecodedText DecodeText(std::string_view bytes, const std::string& label, const std::string& code_prefix);

// "UTF-8", "UTF-16", "Shift_JIS" … for messages.
const char* EncodingName(TextEncoding e);

}  // namespace fidelity
