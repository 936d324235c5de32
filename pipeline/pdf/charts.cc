#include "pipeline/pdf/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fidelity::pdf {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::pair<double, double> Point(double cx, double cy, double r, size_t i, size_t n) {
  double a = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
  return {cx + r * std::cos(a), cy + r * std::sin(a)};
}

std::string Number(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

void DrawRadar(PdfDoc& doc, double cx, double cy, double radius, const RadarSpec& spec,
               const std::vector<RadarSeries>& series) {
  const size_t n = spec.labels.size();
  if (n < 3 || spec.max <= 0) return;
  TextStyle label{.size = spec.label_size, .color = spec.label};
  // Grid rings and axes.
  for (int level = spec.grid_from; level <= static_cast<int>(spec.max); ++level) {
    std::vector<std::pair<double, double>> ring;
    for (size_t i = 0; i < n; ++i) ring.push_back(Point(cx, cy, radius * level / spec.max, i, n));
    doc.Polygon(ring, std::nullopt, 1, spec.grid, level == static_cast<int>(spec.max) ? 0.8 : 0.4);
  }
  for (size_t i = 0; i < n; ++i) {
    auto [x, y] = Point(cx, cy, radius, i, n);
    doc.Line(cx, cy, x, y, spec.grid, 0.4);
  }
  // Series.
  for (const RadarSeries& s : series) {
    std::vector<std::pair<double, double>> pts;
    for (size_t i = 0; i < n; ++i) {
      double v = i < s.values.size() && s.values[i] ? std::clamp(*s.values[i], 0.0, spec.max) : 0;
      pts.push_back(Point(cx, cy, radius * v / spec.max, i, n));
    }
    doc.Polygon(pts, s.filled ? std::optional<Color>(s.color) : std::nullopt, s.fill_opacity,
                s.color, s.line_width, s.dashed);
    if (s.filled)
      for (const auto& [x, y] : pts) doc.Circle(x, y, 1.4, s.color, std::nullopt);
  }
  // Ring numbers along the first axis, labels outside.
  if (spec.grid_numbers) {
    TextStyle num{.size = spec.label_size - 1, .color = {0.45, 0.45, 0.45}};
    for (int level = spec.grid_from; level <= static_cast<int>(spec.max); ++level) {
      double r = radius * level / spec.max;
      doc.Text(cx + 2, cy - r + num.size * 0.9 + 1, Number(level), num);
    }
  }
  const double gap = spec.label_size * 0.6;
  for (size_t i = 0; i < n; ++i) {
    double a = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
    double ca = std::cos(a), sa = std::sin(a);
    auto [x, y] = Point(cx, cy, radius + gap, i, n);
    Align align = std::fabs(ca) < 0.2 ? Align::kCenter : (ca > 0 ? Align::kLeft : Align::kRight);
    // Vertical placement: above the ring at the top, below at the bottom.
    double base = y + spec.label_size * 0.35 + sa * spec.label_size * 0.55;
    doc.Text(x, base, spec.labels[i], label, align);
  }
}

double DrawLegend(PdfDoc& doc, double x, double baseline, const std::vector<RadarSeries>& series,
                  double size) {
  double x0 = x;
  TextStyle ts{.size = size};
  for (const RadarSeries& s : series) {
    if (s.legend.empty()) continue;
    double top = baseline - size * 0.8;
    if (s.filled) {
      doc.Rect(x, top, size * 1.6, size * 0.8, s.color, s.color, 0.5);
    } else {
      doc.Line(x, top + size * 0.4, x + size * 1.6, top + size * 0.4, s.color, s.line_width,
               s.dashed);
    }
    x += size * 2.1;
    doc.Text(x, baseline, s.legend, ts);
    x += doc.TextWidth(s.legend, size) + size * 1.5;
  }
  return x - x0;
}

double DrawBars(PdfDoc& doc, double x, double top, double width, const BarSpec& spec) {
  TextStyle ts{.size = spec.text_size};
  double bar_x = x + spec.label_width;
  double bar_w = std::max(10.0, width - spec.label_width - spec.text_size * 4);
  double y = top;
  double span = spec.max - spec.min;
  if (span <= 0) return 0;
  auto pos = [&](double v) { return bar_x + bar_w * (std::clamp(v, spec.min, spec.max) - spec.min) / span; };
  for (size_t i = 0; i < spec.labels.size(); ++i) {
    double base = y + spec.bar_height * 0.5 + spec.text_size * 0.35;
    // Labels never run into the bars: cut to the label column.
    std::vector<std::string> l = doc.Wrap(spec.labels[i], spec.text_size, spec.label_width - 4);
    doc.Text(x, base, l.empty() ? "" : (l.size() > 1 ? l[0] + "…" : l[0]), ts);
    doc.Rect(bar_x, y, bar_w, spec.bar_height, Color{0.95, 0.95, 0.95}, std::nullopt);
    std::optional<double> v = i < spec.values.size() ? spec.values[i] : std::nullopt;
    if (v) {
      Color c = spec.colors.empty() ? Color{0.2, 0.45, 0.7}
                                    : spec.colors[spec.colors.size() == 1 ? 0 : i % spec.colors.size()];
      doc.Rect(bar_x, y, pos(*v) - bar_x, spec.bar_height, c, std::nullopt);
      doc.Text(bar_x + bar_w + 3, base, Number(*v) + spec.value_suffix, ts);
    }
    if (i < spec.markers.size() && spec.markers[i]) {
      double mx = pos(*spec.markers[i]);
      doc.Line(mx, y - 1.5, mx, y + spec.bar_height + 1.5, spec.marker_color, 1.2);
    }
    y += spec.bar_height + spec.gap;
  }
  return y - top;
}

void DrawLineChart(PdfDoc& doc, double x, double top, double width, double height,
                   const LineChartSpec& spec) {
  const size_t n = spec.x_labels.size();
  if (n == 0 || spec.max <= spec.min || spec.step <= 0) return;
  const double axis_x = x + spec.text_size * 3, axis_r = x + width - spec.reference_width;
  const double bottom = top + height, inset = std::min(30.0, (axis_r - axis_x) / 4);
  auto py = [&](double v) { return bottom - height * (std::clamp(v, spec.min, spec.max) - spec.min) / (spec.max - spec.min); };
  auto px = [&](size_t i) {
    return n == 1 ? (axis_x + axis_r) / 2 : axis_x + inset + (axis_r - axis_x - 2 * inset) * i / (n - 1.0);
  };
  TextStyle tick{.size = spec.text_size, .color = spec.text};
  for (double v = spec.min; v <= spec.max + 1e-9; v += spec.step) {
    doc.Line(axis_x, py(v), axis_r, py(v), spec.grid, 0.4);
    doc.Text(axis_x - 4, py(v) + spec.text_size / 3, Number(v), tick, Align::kRight);
  }
  for (const LineReference& r : spec.references) {
    doc.Line(axis_x, py(r.value), axis_r, py(r.value), r.color, 0.8, true);
    doc.Text(axis_r + 4, py(r.value) + spec.text_size / 3, r.label, {.size = spec.text_size, .color = r.color});
  }
  std::vector<std::pair<double, double>> pts;
  for (size_t i = 0; i < n; ++i) {
    doc.Text(px(i), bottom + spec.text_size * 1.5, spec.x_labels[i], tick, Align::kCenter);
    if (i < spec.values.size() && spec.values[i]) pts.push_back({px(i), py(*spec.values[i])});
  }
  for (size_t i = 1; i < pts.size(); ++i)
    doc.Line(pts[i - 1].first, pts[i - 1].second, pts[i].first, pts[i].second, spec.line, 1.6);
  for (size_t i = 0, k = 0; i < n; ++i) {
    if (i >= spec.values.size() || !spec.values[i]) continue;
    doc.Circle(pts[k].first, pts[k].second, 2.6, spec.line, std::nullopt);
    doc.Text(pts[k].first, pts[k].second - 6, Number(*spec.values[i]), {.size = spec.text_size, .color = spec.line},
             Align::kCenter);
    ++k;
  }
}

}  // namespace fidelity::pdf
