// Charts drawn with PdfDoc: a radar chart with N axes and a horizontal bar
// chart (the cohort summary reuses both).
//
// Example:
//   RadarSpec spec{.labels = {"I-1", "I-2", …}, .max = 5};
//   DrawRadar(doc, cx, cy, 150, spec,
//             {{.values = prev, .color = grey, .filled = false, .dashed = true},
//              {.values = now,  .color = blue, .filled = true}});
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pdf/pdf_doc.h"

namespace fidelity::pdf {

struct RadarSeries {
  std::vector<std::optional<double>> values;  // one per axis; nullopt drawn at the centre
  Color color;
  bool filled = false;
  double fill_opacity = 0.35;
  double line_width = 1.2;
  bool dashed = false;
  std::string legend;
};

struct RadarSpec {
  std::vector<std::string> labels;  // one per axis, clockwise from the top
  double max = 5;                   // the outer ring
  int grid_from = 1;                // rings at grid_from..max (integers)
  bool grid_numbers = true;         // ring values along the first axis
  double label_size = 7;
  Color grid{0.75, 0.75, 0.75};
  Color label{0.2, 0.2, 0.2};
};

// Draws the chart centred at (cx, cy) with the outer ring at `radius`;
// labels sit outside the ring (allow ~label_size * 3 points around it).
// Series are drawn in order (put the outline series last to keep it visible).
void DrawRadar(PdfDoc& doc, double cx, double cy, double radius, const RadarSpec& spec,
               const std::vector<RadarSeries>& series);

// A legend row: a swatch and a label per series, starting at (x, baseline).
// Returns the width used.
double DrawLegend(PdfDoc& doc, double x, double baseline, const std::vector<RadarSeries>& series,
                  double size = 8);

struct BarSpec {
  std::vector<std::string> labels;
  std::vector<std::optional<double>> values;
  std::vector<std::optional<double>> markers;  // e.g. last cycle: a tick on the bar; may be empty
  double min = 0, max = 1;
  std::vector<Color> colors;  // one per bar, or one for all
  Color marker_color{0.2, 0.2, 0.2};
  double label_width = 120;
  double bar_height = 10, gap = 4;
  double text_size = 8;
  std::string value_suffix;
};
// Horizontal bars from the cursor down; returns the height used.
double DrawBars(PdfDoc& doc, double x, double top, double width, const BarSpec& spec);

// A small line chart: one value per x label (nullopt leaves a gap), a grid
// every `step` from min to max with its numbers, and dashed reference lines
// (e.g. band limits) labelled at the right.
struct LineReference {
  double value = 0;
  std::string label;
  Color color{0.5, 0.5, 0.5};
};
struct LineChartSpec {
  std::vector<std::string> x_labels;
  std::vector<std::optional<double>> values;  // one per x label
  double min = 0, max = 1, step = 1;
  std::vector<LineReference> references;
  Color line{0.12, 0.35, 0.6};
  Color grid{0.85, 0.85, 0.85};
  Color text{0.35, 0.35, 0.35};
  double text_size = 9;
  double reference_width = 110;  // room at the right for the reference labels
};
// Draws the chart in the box (x, top, width, height); the x labels sit
// below the box (allow text_size * 2 points).
void DrawLineChart(PdfDoc& doc, double x, double top, double width, double height,
                   const LineChartSpec& spec);

}  // namespace fidelity::pdf
