#include "pipeline/xlsx/xml_guard.h"

#include <cstring>

#include "pipeline/core/text.h"

namespace fidelity {
namespace {

bool MatchNoCase(std::string_view s, size_t i, const char* word) {
  size_t n = std::strlen(word);
  if (s.size() - i < n) return false;
  for (size_t k = 0; k < n; ++k) {
    char c = s[i + k];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != word[k]) return false;
  }
  return true;
}

size_t FindFrom(std::string_view s, size_t from, std::string_view what) {
  size_t p = s.find(what, from);
  return p == std::string_view::npos ? s.size() : p;
}

}  // namespace

XmlCheck CheckXmlSafety(std::string_view xml, int max_depth, uint64_t max_elements) {
  // 1. Any declaration anywhere, even inside a comment or CDATA: refused.
  for (size_t p = xml.find("<!"); p != std::string_view::npos; p = xml.find("<!", p + 2)) {
    if (MatchNoCase(xml, p + 2, "DOCTYPE") || MatchNoCase(xml, p + 2, "ENTITY") ||
        MatchNoCase(xml, p + 2, "ELEMENT") || MatchNoCase(xml, p + 2, "ATTLIST"))
      return XmlCheck::kDtd;
  }
  // 2. Nesting depth, skipping comments, CDATA, processing instructions and
  // quoted attribute values.
  int depth = 0;
  uint64_t elements = 0;
  size_t i = 0;
  const size_t n = xml.size();
  while (i < n) {
    const void* lt = std::memchr(xml.data() + i, '<', n - i);
    if (!lt) break;
    i = static_cast<const char*>(lt) - xml.data();
    const char next = i + 1 < n ? xml[i + 1] : '\0';
    if (next == '!' && xml.compare(i, 4, "<!--") == 0) {
      i = FindFrom(xml, i + 4, "-->") + 3;
    } else if (next == '!' && xml.compare(i, 9, "<![CDATA[") == 0) {
      i = FindFrom(xml, i + 9, "]]>") + 3;
    } else if (next == '!') {
      return XmlCheck::kDtd;  // some other declaration
    } else if (next == '?') {
      i = FindFrom(xml, i + 2, "?>") + 2;
    } else if (next == '/') {
      --depth;
      i = FindFrom(xml, i + 2, ">") + 1;
    } else {
      size_t j = i + 1;
      char quote = 0;
      for (; j < n; ++j) {
        char c = xml[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
      }
      if (j >= n) break;  // unterminated: the parser will say so
      if (++elements > max_elements) return XmlCheck::kTooManyElements;
      if (xml[j - 1] != '/' && ++depth > max_depth) return XmlCheck::kTooDeep;
      i = j + 1;
    }
  }
  return XmlCheck::kOk;
}

void ToUtf8Xml(std::string& xml) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(xml[i]); };
  if (xml.size() >= 3 && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
    xml.erase(0, 3);
    return;
  }
  if (xml.size() < 2) return;
  bool le, skip_bom = false;
  if (b(0) == 0xFF && b(1) == 0xFE) {
    le = true, skip_bom = true;
  } else if (b(0) == 0xFE && b(1) == 0xFF) {
    le = false, skip_bom = true;
  } else if (b(0) == '<' && b(1) == 0) {
    le = true;
  } else if (b(0) == 0 && b(1) == '<') {
    le = false;
  } else {
    return;
  }
  std::string out;
  out.reserve(xml.size());
  size_t i = skip_bom ? 2 : 0;
  auto unit = [&](size_t k) -> char32_t {
    return le ? (b(k) | (b(k + 1) << 8)) : ((b(k) << 8) | b(k + 1));
  };
  while (i + 1 < xml.size()) {
    char32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < xml.size()) {
      char32_t lo = unit(i);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        u = 0xFFFD;
      }
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      u = 0xFFFD;
    }
    AppendUtf8(out, u);
  }
  xml.swap(out);
}

}  // namespace fidelity
