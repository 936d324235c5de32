// Text from files (cells, YAML lines, paths) made safe to print or write:
// no terminal escape sequence, no NUL or bell, no invalid UTF-8, and no more
// than a short excerpt of whatever an input held.
#pragma once
#include <string>
#include <string_view>

namespace fidelity {

// Every C0 control character (U+0000–U+001F except none), DEL and the C1
// controls (U+0080–U+009F) become visible escapes ("\x1B", "\n", "\t");
// a byte that is not part of valid UTF-8 becomes "\xHH". When `max_bytes`
// is non-zero the result is cut (at a character boundary) to about that
// many bytes and "…" is appended.
std::string EscapeControls(std::string_view s, size_t max_bytes = 0);

// True when `s` is valid UTF-8 without control characters (EscapeControls
// would return it unchanged).
bool IsPrintable(std::string_view s);

}  // namespace fidelity
