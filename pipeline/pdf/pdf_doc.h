// A small drawing layer for Japanese PDF documents (report.pdf, the cohort
// summary.pdf, the retention checklist page).
//
// PdfDoc records what is drawn (text, lines, boxes, polygons) page by page,
// measuring text with the shared FontCache; Finish() then knows every
// character used, subsets the font once and writes the PDF (pdf_file.h:
// one embedded font subset with a ToUnicode CMap, Japanese metadata,
// bookmarks, a fixed /ID). The result is deterministic: same drawing calls,
// same bytes.
//
// Coordinates are points (1/72 inch) from the top-left corner of the page,
// y growing downwards. Text positions name the baseline.
//
// Characters the font lacks (or outside the BMP) are drawn as 〓 and
// listed in missing_glyphs(), never dropped silently.
//
// Example:
//   PdfDoc doc(fonts, PageSetup{});
//   doc.NewPage();
//   doc.Heading("スコアシート", {.size = 14}, /*outline_level=*/0);
//   doc.Paragraph("長い文章は幅で折り返されます。", {.size = 10});
//   std::string bytes = doc.Finish();
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pipeline/pdf/draw_ops.h"
#include "pipeline/pdf/font_cache.h"

namespace fidelity::pdf {
// "#RRGGBB" -> Color; nullopt when malformed.
std::optional<Color> ParseColor(std::string_view hex);

constexpr double kMm = 72.0 / 25.4;  // points per millimetre

struct PageSetup {
  double width = 595.276, height = 841.89;  // A4 portrait
  double margin_left = 15 * kMm, margin_right = 15 * kMm;
  double margin_top = 18 * kMm, margin_bottom = 18 * kMm;
  // Drawn on every page at Finish(): "{page}" and "{pages}" are replaced.
  std::string page_number_format = "{page} / {pages}";
  std::string header_left;   // e.g. the agency name
  std::string header_right;  // e.g. 【暫定】
  Color header_color{0.35, 0.35, 0.35};
  Color header_right_color{0.75, 0.1, 0.1};
  double header_size = 8;
};

struct TextStyle {
  double size = 10;
  Color color{0.13, 0.13, 0.13};
  bool bold = false;       // drawn with a thin outline (one font only)
  double leading = 1.45;   // line height = size * leading
};

enum class Align { kLeft, kCenter, kRight };

struct TableColumn {
  std::string header;
  double width = 0;  // points
  Align align = Align::kLeft;
};

struct TableCell {
  TableCell(std::string t = {}, std::optional<Color> f = std::nullopt,
            std::optional<Color> c = std::nullopt, bool b = false)
      : text(std::move(t)), fill(f), color(c), bold(b) {}
  TableCell(const char* t) : TableCell(std::string(t)) {}
  std::string text;
  std::optional<Color> fill;
  std::optional<Color> color;  // text colour
  bool bold = false;
};

struct TableRow {
  TableRow(std::vector<TableCell> c = {}, std::optional<Color> f = std::nullopt, bool s = false,
           bool k = false)
      : cells(std::move(c)), fill(f), span(s), keep_with_next(k) {}
  std::vector<TableCell> cells;  // one per column, or one spanning all
  std::optional<Color> fill;     // row background
  bool span = false;             // the first cell spans every column
  bool keep_with_next = false;   // do not end a page after this row (group headers)
};

struct TableStyle {
  TextStyle text{.size = 9};
  TextStyle header{.size = 9, .bold = true};
  Color header_fill{0.87, 0.92, 0.97};
  Color border{0.6, 0.6, 0.6};
  double padding = 3;
  double border_width = 0.5;
  bool show_header = true;  // false: no header row (key/value tables, boxes)
};

struct MissingGlyph {
  char32_t codepoint;
  std::string context;  // the text it was found in (first 40 characters)
};

struct OutlineEntry {
  std::string title;
  int level = 0;  // 0: top level, 1: child of the previous level-0 entry
  int page = 0;
  double y = 0;
};

class PdfDoc {
 public:
  PdfDoc(const FontCache& fonts, PageSetup setup);

  // ---- pages and the flow cursor ----
  void NewPage();
  int page_count() const { return static_cast<int>(pages_.size()); }
  int page() const { return page_count() - 1; }
  const PageSetup& setup() const { return setup_; }
  double left() const { return setup_.margin_left; }
  double right() const { return setup_.width - setup_.margin_right; }
  double content_width() const { return right() - left(); }
  double top() const { return setup_.margin_top; }
  double bottom() const { return setup_.height - setup_.margin_bottom; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  void Skip(double dy) { y_ += dy; }
  double remaining() const { return bottom() - y_; }
  // Starts a new page unless `height` fits below the cursor. Returns true
  // when it started one.
  bool EnsureSpace(double height);

  // ---- measuring ----
  double TextWidth(std::string_view utf8, double size) const;
  // Wrapped lines (kinsoku rules, see line_break.h) for a box `width` wide.
  std::vector<std::string> Wrap(std::string_view utf8, double size, double width) const;

  // ---- drawing at a position on the current page ----
  void Text(double x, double baseline, std::string_view utf8, const TextStyle& style,
            Align align = Align::kLeft);
  // Wrapped text in a box of `width` from `top`; no page breaks. Returns
  // the height used.
  double TextBox(double x, double top, double width, std::string_view utf8,
                 const TextStyle& style, Align align = Align::kLeft);
  void Line(double x1, double y1, double x2, double y2, Color color, double width = 0.5,
            bool dashed = false);
  void Rect(double x, double y, double w, double h, std::optional<Color> fill,
            std::optional<Color> stroke, double line_width = 0.5);
  // A closed polygon; fill_opacity < 1 blends with what is below.
  void Polygon(const std::vector<std::pair<double, double>>& points, std::optional<Color> fill,
               double fill_opacity, std::optional<Color> stroke, double line_width = 1,
               bool dashed = false);
  void Circle(double cx, double cy, double r, std::optional<Color> fill,
              std::optional<Color> stroke, double line_width = 0.5);

  // ---- flowing content (page breaks as needed) ----
  // A heading at the cursor, kept with at least `keep` points of what
  // follows; adds a bookmark when outline_level >= 0.
  void Heading(std::string_view utf8, const TextStyle& style, int outline_level = 0,
               double keep = 60, std::optional<Color> rule = std::nullopt);
  // Wrapped text at the cursor, line by line across pages. `indent` from
  // the left margin; `hanging` is the prefix (e.g. "・") drawn before the
  // first line, the other lines aligned after it.
  void Paragraph(std::string_view utf8, const TextStyle& style, double indent = 0,
                 std::string_view hanging = {});
  // A table at the cursor; the header row is repeated on every page; a row
  // taller than the space left moves to the next page, and a row taller
  // than a page continues on the next one.
  void Table(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows,
             const TableStyle& style);

  // ---- document ----
  // A bookmark to the current page at the cursor.
  void AddOutline(std::string title, int level);
  void SetInfo(std::string title, std::string author, std::string subject = {},
               std::string keywords = {}, std::string creator = {});
  // Builds the PDF. Call once. Throws std::runtime_error when the font
  // cannot be subset.
  std::string Finish();

  const std::vector<MissingGlyph>& missing_glyphs() const { return missing_; }
  const std::vector<OutlineEntry>& outline() const { return outline_; }

 private:
  using Op = DrawOp;

  bool Drawable(std::string_view utf8) const;
  std::string Clean(std::string_view utf8);
  void TextOn(int page, double x, double baseline, std::string_view utf8, const TextStyle& style,
              Align align);  // replaces missing glyphs, records them
  double LineHeight(const TextStyle& s) const { return s.size * s.leading; }
  void DrawTableHeader(const std::vector<TableColumn>& columns, const TableStyle& style,
                       double header_h);
  double HeaderHeight(const std::vector<TableColumn>& columns, const TableStyle& style) const;

  // Finish() in steps (pdf_doc.cc).
  void DrawRunningHeaders();
  std::vector<char32_t> UsedCodepoints() const;

  const FontCache& fonts_;
  PageSetup setup_;
  std::vector<std::vector<Op>> pages_;
  std::vector<OutlineEntry> outline_;
  std::vector<MissingGlyph> missing_;
  double y_ = 0;
  std::string title_, author_, subject_, keywords_, creator_;
  bool finished_ = false;
};

}  // namespace fidelity::pdf
