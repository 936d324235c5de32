#include "pipeline/pdf/pdf_doc.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "pipeline/core/text.h"
#include "pipeline/pdf/font_embed.h"
#include "pipeline/pdf/line_break.h"
#include "pipeline/pdf/pdf_file.h"

namespace fidelity::pdf {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

// The outline entries as bookmarks (y from the bottom of the page, a
// little above the heading's baseline).
std::vector<PdfBookmark> ToBookmarks(const std::vector<OutlineEntry>& outline,
                                     double page_height) {
  std::vector<PdfBookmark> bookmarks;
  for (const OutlineEntry& o : outline)
    bookmarks.push_back({o.title, o.level, o.page, page_height - o.y + 4});
  return bookmarks;
}

}  // namespace

std::optional<Color> ParseColor(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  int v[6];
  for (int i = 0; i < 6; ++i) {
    v[i] = HexDigit(hex[i + 1]);
    if (v[i] < 0) return std::nullopt;
  }
  return Color{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0,
               (v[4] * 16 + v[5]) / 255.0};
}

PdfDoc::PdfDoc(const FontCache& fonts, PageSetup setup) : fonts_(fonts), setup_(std::move(setup)) {}

void PdfDoc::NewPage() {
  pages_.emplace_back();
  y_ = top();
}

bool PdfDoc::EnsureSpace(double height) {
  if (pages_.empty() || y_ + height > bottom() + 1e-6) {
    NewPage();
    return true;
  }
  return false;
}

double PdfDoc::TextWidth(std::string_view utf8, double size) const {
  long units = 0;
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = NextCodepoint(utf8, i);
    if (c >= 0x20) units += fonts_.Advance(c);
  }
  return units * size / 1000.0;
}

std::vector<std::string> PdfDoc::Wrap(std::string_view utf8, double size, double width) const {
  std::vector<char32_t> cps = Utf8ToCodepoints(utf8);
  std::u32string text(cps.begin(), cps.end());
  return BreakLines(text, width, [&](char32_t c) {
    if (c < 0x20) return 0.0;
    return fonts_.Advance(c) * size / 1000.0;
  });
}

// True when `utf8` can be drawn as it is: valid, no control character or
// tab, every character in the font (the common case: no copy per character).
bool PdfDoc::Drawable(std::string_view utf8) const {
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = NextCodepoint(utf8, i);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFD || !fonts_.HasGlyph(c)) return false;
  }
  return true;
}

std::string PdfDoc::Clean(std::string_view utf8) {
  if (Drawable(utf8)) return std::string(utf8);
  std::string out;
  std::vector<char32_t> cps = Utf8ToCodepoints(utf8);
  for (char32_t c : cps) {
    if (c == U'\t') c = U' ';
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;  // control characters
    if (!fonts_.HasGlyph(c)) {
      std::string context;
      for (size_t i = 0; i < cps.size() && i < 40; ++i) AppendUtf8(context, cps[i]);
      bool seen = std::any_of(missing_.begin(), missing_.end(), [&](const MissingGlyph& m) {
        return m.codepoint == c && m.context == context;
      });
      if (!seen) missing_.push_back({c, context});
      c = fonts_.Replacement();
    }
    AppendUtf8(out, c);
  }
  return out;
}

void PdfDoc::Text(double x, double baseline, std::string_view utf8, const TextStyle& style,
                  Align align) {
  if (pages_.empty()) NewPage();
  TextOn(page(), x, baseline, utf8, style, align);
}

void PdfDoc::TextOn(int page, double x, double baseline, std::string_view utf8,
                    const TextStyle& style, Align align) {
  std::string text = Clean(utf8);
  if (text.empty()) return;
  double w = TextWidth(text, style.size);
  if (align == Align::kCenter) x -= w / 2;
  if (align == Align::kRight) x -= w;
  pages_[page].push_back(TextOp{x, baseline, style.size, style.color, style.bold, std::move(text)});
}

double PdfDoc::TextBox(double x, double top_y, double width, std::string_view utf8,
                       const TextStyle& style, Align align) {
  std::vector<std::string> lines = Wrap(utf8, style.size, width);
  double lh = LineHeight(style);
  double base = top_y + (lh - style.size) / 2 + style.size * 0.86;
  for (size_t i = 0; i < lines.size(); ++i) {
    double lx = x;
    if (align == Align::kCenter) lx = x + width / 2;
    if (align == Align::kRight) lx = x + width;
    Text(lx, base + i * lh, lines[i], style, align);
  }
  return lines.size() * lh;
}

void PdfDoc::Line(double x1, double y1, double x2, double y2, Color color, double width,
                  bool dashed) {
  if (pages_.empty()) NewPage();
  PathOp op;
  op.points = {{x1, y1}, {x2, y2}};
  op.stroke = color;
  op.line_width = width;
  op.dashed = dashed;
  pages_.back().push_back(std::move(op));
}

void PdfDoc::Rect(double x, double y, double w, double h, std::optional<Color> fill,
                  std::optional<Color> stroke, double line_width) {
  Polygon({{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, fill, 1, stroke, line_width);
}

void PdfDoc::Polygon(const std::vector<std::pair<double, double>>& points,
                     std::optional<Color> fill, double fill_opacity, std::optional<Color> stroke,
                     double line_width, bool dashed) {
  if (pages_.empty()) NewPage();
  if (points.size() < 2) return;
  PathOp op;
  op.points = points;
  op.closed = true;
  op.fill = fill;
  op.fill_opacity = std::clamp(fill_opacity, 0.0, 1.0);
  op.stroke = stroke;
  op.line_width = line_width;
  op.dashed = dashed;
  pages_.back().push_back(std::move(op));
}

void PdfDoc::Circle(double cx, double cy, double r, std::optional<Color> fill,
                    std::optional<Color> stroke, double line_width) {
  if (pages_.empty()) NewPage();
  pages_.back().push_back(CircleOp{cx, cy, r, fill, stroke, line_width});
}

void PdfDoc::Heading(std::string_view utf8, const TextStyle& style, int outline_level,
                     double keep, std::optional<Color> rule) {
  std::vector<std::string> lines = Wrap(utf8, style.size, content_width());
  double lh = LineHeight(style);
  EnsureSpace(lines.size() * lh + keep);
  if (outline_level >= 0) AddOutline(std::string(utf8), outline_level);
  double h = TextBox(left(), y_, content_width(), utf8, style);
  y_ += h;
  if (rule) {
    Line(left(), y_ + 1, right(), y_ + 1, *rule, 0.8);
    y_ += 4;
  }
}

void PdfDoc::Paragraph(std::string_view utf8, const TextStyle& style, double indent,
                       std::string_view hanging) {
  if (pages_.empty()) NewPage();
  double hang_w = hanging.empty() ? 0 : TextWidth(hanging, style.size);
  double x = left() + indent + hang_w;
  std::vector<std::string> lines = Wrap(utf8, style.size, right() - x);
  double lh = LineHeight(style);
  for (size_t i = 0; i < lines.size(); ++i) {
    EnsureSpace(lh);
    double base = y_ + (lh - style.size) / 2 + style.size * 0.86;
    if (i == 0 && !hanging.empty()) Text(left() + indent, base, hanging, style);
    Text(x, base, lines[i], style);
    y_ += lh;
  }
}

double PdfDoc::HeaderHeight(const std::vector<TableColumn>& columns,
                            const TableStyle& style) const {
  size_t n = 1;
  for (const TableColumn& c : columns)
    n = std::max(n, Wrap(c.header, style.header.size, c.width - 2 * style.padding).size());
  return n * LineHeight(style.header) + 2 * style.padding;
}

void PdfDoc::DrawTableHeader(const std::vector<TableColumn>& columns, const TableStyle& style,
                             double header_h) {
  if (!style.show_header) return;
  double x = left();
  for (const TableColumn& c : columns) {
    Rect(x, y_, c.width, header_h, style.header_fill, style.border, style.border_width);
    TextBox(x + style.padding, y_ + style.padding, c.width - 2 * style.padding, c.header,
            style.header, c.align);
    x += c.width;
  }
  y_ += header_h;
}

void PdfDoc::Table(const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows,
                   const TableStyle& style) {
  if (pages_.empty()) NewPage();
  const double pad = style.padding;
  const double lh = LineHeight(style.text);
  const double header_h = style.show_header ? HeaderHeight(columns, style) : 0;
  double total_w = 0;
  for (const TableColumn& c : columns) total_w += c.width;

  struct Laid {
    std::vector<std::vector<std::string>> lines;  // per cell
    size_t n = 1;
  };
  auto lay = [&](const TableRow& row) {
    Laid l;
    if (row.span) {
      l.lines.push_back(Wrap(row.cells.empty() ? "" : row.cells[0].text, style.text.size,
                             total_w - 2 * pad));
    } else {
      for (size_t i = 0; i < columns.size(); ++i) {
        const std::string& t = i < row.cells.size() ? row.cells[i].text : std::string();
        l.lines.push_back(Wrap(t, style.text.size, columns[i].width - 2 * pad));
      }
    }
    for (const auto& c : l.lines) l.n = std::max(l.n, c.size());
    return l;
  };
  auto row_height = [&](size_t lines) { return lines * lh + 2 * pad; };

  // Header plus at least the first row (or two lines of it) on this page.
  double first = rows.empty() ? 0 : std::min(row_height(lay(rows[0]).n), row_height(2));
  EnsureSpace(header_h + first);
  DrawTableHeader(columns, style, header_h);
  const double page_body = bottom() - top() - header_h;

  for (size_t r = 0; r < rows.size(); ++r) {
    const TableRow& row = rows[r];
    Laid l = lay(row);
    double h = row_height(l.n);
    double need = h;
    if (row.keep_with_next && r + 1 < rows.size()) need += row_height(lay(rows[r + 1]).n);
    if (y_ + need > bottom() + 1e-6 && (need <= page_body || remaining() < row_height(2))) {
      NewPage();
      DrawTableHeader(columns, style, header_h);
    }
    size_t done = 0;
    while (done < l.n) {
      size_t fit = static_cast<size_t>(std::floor((bottom() - y_ - 2 * pad) / lh + 1e-9));
      if (fit == 0) {
        NewPage();
        DrawTableHeader(columns, style, header_h);
        continue;
      }
      size_t take = std::min(fit, l.n - done);
      double seg_h = row_height(take);
      double x = left();
      size_t ncells = row.span ? 1 : columns.size();
      for (size_t i = 0; i < ncells; ++i) {
        double w = row.span ? total_w : columns[i].width;
        Align align = row.span ? Align::kLeft : columns[i].align;
        const TableCell* cell = i < row.cells.size() ? &row.cells[i] : nullptr;
        std::optional<Color> fill = row.fill;
        if (cell && cell->fill) fill = cell->fill;
        Rect(x, y_, w, seg_h, fill,
             style.border_width > 0 ? std::optional<Color>(style.border) : std::nullopt,
             style.border_width);
        TextStyle ts = style.text;
        if (cell && cell->color) ts.color = *cell->color;
        if (cell && cell->bold) ts.bold = true;
        const std::vector<std::string>& lines = l.lines[i];
        for (size_t k = done; k < done + take && k < lines.size(); ++k) {
          double base = y_ + pad + (k - done) * lh + (lh - ts.size) / 2 + ts.size * 0.86;
          double tx = x + pad;
          if (align == Align::kCenter) tx = x + w / 2;
          if (align == Align::kRight) tx = x + w - pad;
          Text(tx, base, lines[k], ts, align);
        }
        x += w;
      }
      y_ += seg_h;
      done += take;
      if (done < l.n) {
        NewPage();
        DrawTableHeader(columns, style, header_h);
      }
    }
  }
}

void PdfDoc::AddOutline(std::string title, int level) {
  if (pages_.empty()) NewPage();
  outline_.push_back({std::move(title), level, page(), y_});
}

void PdfDoc::SetInfo(std::string title, std::string author, std::string subject,
                     std::string keywords, std::string creator) {
  title_ = std::move(title);
  author_ = std::move(author);
  subject_ = std::move(subject);
  keywords_ = std::move(keywords);
  creator_ = std::move(creator);
}

// Running header and page numbers, now that the page count is known.
void PdfDoc::DrawRunningHeaders() {
  const int n = page_count();
  TextStyle hs{.size = setup_.header_size, .color = setup_.header_color};
  const double head_y = setup_.margin_top * 0.55;
  const double foot_y = setup_.height - setup_.margin_bottom * 0.45;
  std::string header_left = setup_.header_left;
  if (!header_left.empty()) {
    std::vector<std::string> l = Wrap(header_left, hs.size, content_width() * 0.6);
    if (l.size() > 1) header_left = l[0] + "…";
  }
  for (int p = 0; p < n; ++p) {
    if (!header_left.empty()) TextOn(p, left(), head_y, header_left, hs, Align::kLeft);
    if (!setup_.header_right.empty()) {
      TextStyle rs = hs;
      rs.color = setup_.header_right_color;
      rs.size = hs.size + 1;
      rs.bold = true;
      TextOn(p, right(), head_y, setup_.header_right, rs, Align::kRight);
    }
    if (!setup_.page_number_format.empty()) {
      std::string num = ReplaceAll(setup_.page_number_format, "{page}", std::to_string(p + 1));
      num = ReplaceAll(num, "{pages}", std::to_string(n));
      TextOn(p, (left() + right()) / 2, foot_y, num, hs, Align::kCenter);
    }
  }
}

// Every character shown (sorted, once each): the subset and the ToUnicode
// CMap. A bitmap of the BMP, read out in order: no sort, no set.
std::vector<char32_t> PdfDoc::UsedCodepoints() const {
  std::vector<uint64_t> seen(0x10000 / 64, 0);  // a bit per BMP code point
  seen[U' ' / 64] |= uint64_t{1} << (U' ' % 64);
  for (const auto& ops : pages_)
    for (const Op& op : ops)
      if (const auto* t = std::get_if<TextOp>(&op))
        for (size_t i = 0; i < t->text.size();) {
          char32_t c = NextCodepoint(t->text, i);
          if (c < 0x10000) seen[c / 64] |= uint64_t{1} << (c % 64);  // Clean() kept the BMP only
        }
  std::vector<char32_t> cps;
  for (size_t w = 0; w < seen.size(); ++w)
    for (uint64_t bits = seen[w]; bits; bits &= bits - 1)
      cps.push_back(static_cast<char32_t>(w * 64 + __builtin_ctzll(bits)));
  return cps;
}

std::string PdfDoc::Finish() {
  if (finished_) throw std::logic_error("PdfDoc::Finish called twice");
  finished_ = true;
  if (pages_.empty()) NewPage();
  DrawRunningHeaders();
  PdfInfo info{.title = title_, .author = author_, .subject = subject_, .keywords = keywords_,
               .creator = creator_};
  // The process's shared subset first (made once), then one of this
  // document's other characters.
  std::vector<const EmbeddedFont*> fonts;
  const EmbeddedFont* shared = fonts_.shared_font();
  if (shared) fonts.push_back(shared);
  std::vector<char32_t> own = UsedCodepoints();
  if (shared)
    own.erase(std::remove_if(own.begin(), own.end(),
                             [&](char32_t c) {
                               return std::binary_search(shared->codepoints.begin(),
                                                         shared->codepoints.end(), c);
                             }),
              own.end());
  EmbeddedFont document_font;
  if (!own.empty()) {
    document_font = PrepareFont(fonts_, own);
    fonts.push_back(&document_font);
  }
  return WritePdf(pages_, setup_.width, setup_.height, fonts_.metrics(), fonts, info,
                  ToBookmarks(outline_, setup_.height));
}

}  // namespace fidelity::pdf
