// Text helpers: Unicode normalisation (ICU), trimming, UTF-8 checks.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace fidelity {

// NFKC (full-width digits and letters to half-width, etc.). Invalid UTF-8
// is replaced by U+FFFD first.
std::string Nfkc(std::string_view s);
// Trim ASCII and ideographic (U+3000) white space at both ends.
std::string Trim(std::string_view s);
// NFKC, trim, and collapse every run of inner white space to one ASCII
// space: the key for "distinct" job types and companies and header matching.
std::string NormalizeKey(std::string_view s);
bool IsValidUtf8(std::string_view s);
// Decoded code points (invalid bytes become U+FFFD).
std::vector<char32_t> Utf8ToCodepoints(std::string_view s);
// The code point starting at s[i] (U+FFFD for a malformed byte, which is
// then skipped alone), advancing i past it: Utf8ToCodepoints one at a time,
// without allocating. REQUIRES: i < s.size().
char32_t NextCodepointSlow(std::string_view s, size_t& i);  // the multi-byte case
inline char32_t NextCodepoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return NextCodepointSlow(s, i);
}
void AppendUtf8(std::string& out, char32_t cp);
bool StartsWith(std::string_view s, std::string_view prefix);
std::vector<std::string> Split(std::string_view s, char sep);

}  // namespace fidelity
