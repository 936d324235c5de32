// A whole PDF file from pages of drawing operations: catalog, page tree,
// one shared resource dictionary (the font, the opacity states), document
// information in UTF-16, bookmarks, /Lang. Written directly by our object
// writer (pdf_objects.h): no intermediate document, no second pass.
#pragma once
#include <string>
#include <vector>

#include "pipeline/pdf/draw_ops.h"
#include "pipeline/pdf/embedded_font.h"
#include "pipeline/pdf/font_cache.h"

namespace fidelity::pdf {

struct PdfBookmark {
  std::string title;  // UTF-8
  int level = 0;      // 0: top level; 1: child of the previous level-0 entry
  int page = 0;       // 0-based
  double top = 0;     // PDF user space (from the bottom)
};

struct PdfInfo {
  std::string title, author, subject, keywords, creator;
  std::string lang = "ja-JP";
};

// `fonts` (/F1, /F2 … in this order) together hold every character the
// pages show.
std::string WritePdf(const std::vector<std::vector<DrawOp>>& pages, double width, double height,
                     const FontMetrics& metrics, const std::vector<const EmbeddedFont*>& fonts,
                     const PdfInfo& info, const std::vector<PdfBookmark>& bookmarks);

}  // namespace fidelity::pdf
