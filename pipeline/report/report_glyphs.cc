#include "pipeline/report/report_glyphs.h"

#include <algorithm>

#include "pipeline/core/fs.h"
#include "pipeline/core/text.h"

namespace fidelity::report {

std::vector<char32_t> ParseReportGlyphs(std::string_view text) {
  std::vector<char32_t> cps;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line[0] != '#')
      for (size_t i = 0; i < line.size();) {
        char32_t c = NextCodepoint(line, i);
        if (c > 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != 0xFFFD) cps.push_back(c);
      }
    start = end + 1;
  }
  std::sort(cps.begin(), cps.end());
  cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
  return cps;
}

std::vector<char32_t> LoadReportGlyphs() {
  try {
    return ParseReportGlyphs(ReadFile(DataDir() / "templates" / "report_glyphs.txt", 64 * 1024));
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace fidelity::report
