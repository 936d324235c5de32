// What a page of a PdfDoc holds: the drawing operations recorded by
// PdfDoc (text, paths, circles) in page coordinates (points from the
// top-left corner, y downwards), written into a content stream by
// content_stream.h when the document is finished.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace fidelity::pdf {

struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

struct TextOp {
  double x, y, size;  // y: the baseline
  Color color;
  bool bold;
  std::string text;  // UTF-8, only characters the font has
};

struct PathOp {
  std::vector<std::pair<double, double>> points;
  bool closed = false;
  std::optional<Color> fill, stroke;
  double fill_opacity = 1, line_width = 0.5;
  bool dashed = false;
};

struct CircleOp {
  double cx, cy, r;
  std::optional<Color> fill, stroke;
  double line_width;
};

using DrawOp = std::variant<TextOp, PathOp, CircleOp>;

}  // namespace fidelity::pdf
