// Checks an XML part before any parser sees it: no DTD, no entity
// declarations, bounded nesting. One linear pass, no allocation.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fidelity {

enum class XmlCheck {
  kOk,
  kDtd,      // "<!DOCTYPE" or "<!ENTITY" anywhere (any case), or any other <!X declaration
  kTooDeep,  // elements nested deeper than max_depth
  kTooManyElements,  // more than max_elements start tags (a DOM would not fit in memory)
};

// `xml` must be UTF-8 (see ToUtf8Xml). Malformed markup is not judged here:
// the parser reports it afterwards.
XmlCheck CheckXmlSafety(std::string_view xml, int max_depth, uint64_t max_elements = UINT64_MAX);

// Turns a UTF-16 part (with a byte-order mark, or without one but starting
// "<\0" / "\0<") into UTF-8 in place, so that the checks above see the real
// markup. A UTF-8 BOM is removed. Other bytes are left untouched.
void ToUtf8Xml(std::string& xml);

}  // namespace fidelity
