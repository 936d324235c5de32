#include "pipeline/pdf/content_stream.h"

#include <cmath>
#include <stdexcept>

#include "pipeline/core/text.h"
#include "pipeline/pdf/pdf_objects.h"

namespace fidelity::pdf {
namespace {

// Bezier control distance for a quarter circle.
constexpr double kArc = 0.5522847498;

class ContentWriter {
 public:
  ContentWriter(double page_height, const GlyphCoder& coder, std::set<int>& opacities)
      : H_(page_height), coder_(coder), opacities_(opacities) {
    out_.reserve(16 * 1024);
  }

  std::string Write(const std::vector<DrawOp>& ops) {
    for (const DrawOp& op : ops) {
      if (const auto* t = std::get_if<TextOp>(&op)) {
        if (!in_text_) out_ += "BT\n";
        in_text_ = true;
        DrawText(*t);
        continue;
      }
      EndText();
      if (const auto* c = std::get_if<CircleOp>(&op)) {
        DrawCircle(*c);
      } else {
        DrawPath(std::get<PathOp>(op));
      }
    }
    EndText();
    return std::move(out_);
  }

 private:
  static constexpr Color kUnset{-1, -1, -1};

  void EndText() {
    if (in_text_) out_ += "ET\n";
    in_text_ = false;
  }
  void Num(double v, int decimals = 2) {
    AppendNumber(out_, v, decimals);
    out_ += ' ';
  }
  void Point(double x, double y) {
    Num(x);
    Num(H_ - y);
  }
  void SetColor(Color& current, Color c, const char* op) {
    if (current == c) return;
    current = c;
    Num(c.r, 3);
    Num(c.g, 3);
    Num(c.b, 3);
    out_ += op;
    out_ += '\n';
  }
  void FillColor(Color c) { SetColor(fill_, c, "rg"); }
  void StrokeColor(Color c) { SetColor(stroke_, c, "RG"); }
  void LineWidth(double w) {
    if (line_width_ == w) return;
    line_width_ = w;
    Num(w, 3);
    out_ += "w\n";
  }

  // Font and size; written only when either changes.
  void Font(int font, double size) {
    if (font_ == font && size_ == size) return;
    font_ = font;
    size_ = size;
    out_ += "/F";
    AppendInt(out_, font + 1);
    out_ += ' ';
    Num(size);
    out_ += "Tf\n";
  }

  void DrawText(const TextOp& t) {
    FillColor(t.color);
    if (t.bold != bold_) {
      bold_ = t.bold;
      out_ += t.bold ? "2 Tr\n" : "0 Tr\n";  // fill then stroke: a thin outline
    }
    if (t.bold) {
      StrokeColor(t.color);
      LineWidth(t.size * 0.035);
    }
    out_ += "1 0 0 1 ";
    Point(t.x, t.y);
    out_ += "Tm\n";
    // One string per run of characters in the same font; each Tj moves the
    // text position by the glyphs' widths, so the runs join up.
    int run_font = -1;
    for (size_t i = 0; i < t.text.size();) {
      GlyphCoder::Glyph g = coder_(NextCodepoint(t.text, i));
      if (g.font < 0) throw std::logic_error("GlyphCoder: a character in no font");
      if (g.font != run_font) {
        if (run_font >= 0) out_ += ") Tj\n";
        Font(g.font, t.size);
        out_ += '(';
        run_font = g.font;
      }
      AppendCode(out_, g.gid);
    }
    if (run_font >= 0) out_ += ") Tj\n";
  }

  void DrawCircle(const CircleOp& c) {
    if (c.fill) FillColor(*c.fill);
    if (c.stroke) {
      StrokeColor(*c.stroke);
      LineWidth(c.line_width);
    }
    const double x = c.cx, y = H_ - c.cy, r = c.r, k = r * kArc;
    auto pt = [&](double px, double py) {
      Num(px);
      Num(py);
    };
    pt(x - r, y);
    out_ += "m\n";
    pt(x - r, y + k), pt(x - k, y + r), pt(x, y + r);
    out_ += "c\n";
    pt(x + k, y + r), pt(x + r, y + k), pt(x + r, y);
    out_ += "c\n";
    pt(x + r, y - k), pt(x + k, y - r), pt(x, y - r);
    out_ += "c\n";
    pt(x - k, y - r), pt(x - r, y - k), pt(x - r, y);
    out_ += "c\n";
    out_ += c.fill && c.stroke ? "B\n" : c.fill ? "f\n" : "S\n";
  }

  void Trace(const PathOp& path) {
    if (path.dashed) out_ += "[3 2] 0 d\n";
    Point(path.points[0].first, path.points[0].second);
    out_ += "m\n";
    for (size_t i = 1; i < path.points.size(); ++i) {
      Point(path.points[i].first, path.points[i].second);
      out_ += "l\n";
    }
    if (path.closed) out_ += "h\n";
  }

  void DrawPath(const PathOp& path) {
    if ((!path.fill && !path.stroke) || path.points.empty()) return;
    const bool translucent = path.fill && path.fill_opacity < 0.999;
    if (translucent) {
      int key = static_cast<int>(std::lround(path.fill_opacity * 1000));
      opacities_.insert(key);
      out_ += "q " + OpacityStateName(key) + " gs\n";
    }
    if (path.fill) FillColor(*path.fill);
    if (path.stroke && !translucent) {
      StrokeColor(*path.stroke);
      LineWidth(path.line_width);
    }
    Trace(path);
    out_ += path.fill && path.stroke && !translucent ? "B\n" : path.fill ? "f\n" : "S\n";
    if (translucent) {
      out_ += "Q\n";  // back to the colours before q
      fill_ = stroke_ = kUnset;
      line_width_ = -1;
      if (path.stroke) {  // the outline on top, opaque
        StrokeColor(*path.stroke);
        LineWidth(path.line_width);
        Trace(path);
        if (!path.closed) out_ += "h\n";
        out_ += "S\n";
      }
    }
    if (path.dashed) out_ += "[] 0 d\n";
  }

  const double H_;
  const GlyphCoder& coder_;
  std::set<int>& opacities_;
  std::string out_;
  bool in_text_ = false, bold_ = false;
  double size_ = -1, line_width_ = -1;
  int font_ = -1;
  Color fill_ = kUnset, stroke_ = kUnset;
};

}  // namespace

GlyphCoder::GlyphCoder(const std::vector<const EmbeddedFont*>& fonts) : table_(0x10000, 0) {
  for (size_t f = fonts.size(); f-- > 0;) {  // the first font wins: written last
    const EmbeddedFont& font = *fonts[f];
    for (size_t i = 0; i < font.codepoints.size() && i < font.gids.size(); ++i)
      if (font.codepoints[i] < 0x10000 && font.gids[i] != 0)
        table_[font.codepoints[i]] = static_cast<uint32_t>(f + 1) << 16 | font.gids[i];
  }
}

void AppendCode(std::string& out, uint16_t gid) {
  for (unsigned char byte : {static_cast<unsigned char>(gid >> 8), static_cast<unsigned char>(gid & 0xFF)}) {
    switch (byte) {
      case '(': case ')': case '\\': out += '\\'; out += static_cast<char>(byte); break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default: out += static_cast<char>(byte);
    }
  }
}

std::string OpacityStateName(int per_mille) { return "/GA" + std::to_string(per_mille); }

std::string PageContent(const std::vector<DrawOp>& ops, double page_height,
                        const GlyphCoder& coder, std::set<int>& opacities) {
  return ContentWriter(page_height, coder, opacities).Write(ops);
}

}  // namespace fidelity::pdf
