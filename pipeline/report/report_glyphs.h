// templates/report_glyphs.txt: the characters every report draws (made by
// scripts/report_glyphs.py). The batch gives them to the FontCache once per
// run (FontCache::SetSharedCharacters), so that each report subsets and
// compresses only its own other characters (issue 13, docs/speed.md).
#pragma once
#include <filesystem>
#include <string_view>
#include <vector>

namespace fidelity::report {

// The characters of `text`, lines starting with '#' left out (sorted, once
// each, no control characters or spaces).
std::vector<char32_t> ParseReportGlyphs(std::string_view text);

// DataDir()/templates/report_glyphs.txt; empty when the file is missing or
// unreadable (reports are the same then, only slower to make).
std::vector<char32_t> LoadReportGlyphs();

}  // namespace fidelity::report
