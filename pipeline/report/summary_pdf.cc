#include "pipeline/report/summary_pdf.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/core/text.h"
#include "pipeline/pdf/charts.h"
#include "pipeline/pdf/pdf_doc.h"
#include "pipeline/report/report_template.h"

namespace fidelity::report {
namespace {

using pdf::Color;
using pdf::PdfDoc;
using pdf::TextStyle;

// Numbers as a coordinator writes them: 3, 3.5, 2.25.
std::string Num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  std::string s = b;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

Color Mix(Color a, Color b, double t) {
  return Color{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

struct Ctx {
  const CohortModel& m;
  const SummaryTemplate& t;
  PdfDoc& doc;
  TextStyle body, small, head;
  std::string T(const std::string& key, const std::vector<std::pair<std::string, std::string>>& v = {}) const {
    return Fill(t.Text(key), v);
  }
  void Heading(const std::string& key, double keep = 120) {
    doc.Heading(t.Text(key), head, 0, keep, t.Colour("heading"));
  }
};

// A horizontal axis from lo to hi under [x, x + w] at y, ticks every `step`.
void Axis(Ctx& c, double x, double w, double y, double lo, double hi, double step, const std::string& title) {
  TextStyle tick{.size = 9, .color = c.t.Colour("muted")};
  c.doc.Line(x, y, x + w, y, c.t.Colour("axis"), 0.6);
  for (double v = lo; v <= hi + 1e-9; v += step) {
    double px = x + w * (v - lo) / (hi - lo);
    c.doc.Line(px, y, px, y + 3, c.t.Colour("axis"), 0.6);
    c.doc.Text(px, y + 12, Num(v), tick, pdf::Align::kCenter);
  }
  c.doc.Text(x + w, y + 24, title, tick, pdf::Align::kRight);
}

void Overview(Ctx& c) {
  const auto& m = c.m;
  c.doc.Heading(Fill(c.t.document.at("title"), {{"cycle", m.spec.cycle}}),
                {.size = c.t.Size("title"), .bold = true}, -1, 60);
  c.doc.Paragraph(c.T("overview", {{"all", std::to_string(m.rows.size())},
                                   {"scored", std::to_string(m.scored)},
                                   {"provisional", std::to_string(m.provisional)},
                                   {"failed", std::to_string(m.failed)}}),
                  c.body);
  c.doc.Paragraph(m.region.shown ? c.T("region_shown", {{"n", std::to_string(m.region.agencies)}})
                                 : c.T("region_hidden", {{"n", std::to_string(m.region.agencies)},
                                                         {"min", std::to_string(m.spec.region_minimum)}}),
                  c.body);
  c.doc.Skip(8);
}

void BandsNow(Ctx& c) {
  const auto& m = c.m;
  c.Heading("bands_heading");
  c.doc.Paragraph(c.T("bands_now", {{"cycle", m.spec.cycle}}), {.size = c.t.Size("body"), .bold = true});
  pdf::BarSpec bars;
  const RegionPoint& now = m.trend.back();
  for (size_t b = 0; b < m.spec.bands.size(); ++b) {
    const auto& band = m.spec.bands[b];
    bars.labels.push_back(band.label + "（" + std::to_string(band.min) + "〜" + std::to_string(band.max) + "）");
    bars.values.push_back(now.bands[b]);
    bars.colors.push_back(c.t.Band(band.key));
  }
  bars.labels.push_back(c.T("provisional_label"));
  bars.values.push_back(m.provisional);
  bars.colors.push_back(c.t.Colour("provisional"));
  bars.labels.push_back(c.T("failed_label"));
  bars.values.push_back(m.failed);
  bars.colors.push_back(c.t.Colour("failed"));
  bars.max = std::max<double>(1, static_cast<double>(m.rows.size()));
  bars.label_width = 200;
  bars.text_size = 9;
  bars.bar_height = 11;
  bars.value_suffix = c.T("bands_unit");
  c.doc.Skip(pdf::DrawBars(c.doc, c.doc.left(), c.doc.y(), c.doc.content_width(), bars) + 10);
}

// One stacked bar per cycle: the share of agencies in each band.
void BandsTrend(Ctx& c) {
  const auto& m = c.m;
  double row = 16, label_w = 80;
  c.doc.EnsureSpace(row * static_cast<double>(m.trend.size()) + 50);
  c.doc.Paragraph(c.T("bands_trend"), {.size = c.t.Size("body"), .bold = true});
  double x = c.doc.left() + label_w, w = c.doc.content_width() - label_w, y = c.doc.y();
  TextStyle in{.size = 9, .color = {1, 1, 1}};
  for (const auto& p : m.trend) {
    int all = p.scored + p.provisional + p.failed;
    c.doc.Text(c.doc.left(), y + 11, p.cycle, c.body);
    std::vector<std::pair<int, Color>> parts;
    for (size_t b = 0; b < m.spec.bands.size(); ++b) parts.push_back({p.bands[b], c.t.Band(m.spec.bands[b].key)});
    parts.push_back({p.provisional, c.t.Colour("provisional")});
    parts.push_back({p.failed, c.t.Colour("failed")});
    double px = x;
    for (const auto& [n, col] : parts) {
      if (n == 0 || all == 0) continue;
      double pw = w * n / all;
      c.doc.Rect(px, y, pw, row - 3, col, Color{1, 1, 1});
      if (pw > 14) c.doc.Text(px + pw / 2, y + 10, std::to_string(n), in, pdf::Align::kCenter);
      px += pw;
    }
    y += row;
  }
  // Legend.
  double lx = x;
  y += 4;
  auto legend = [&](const std::string& label, Color col) {
    if (lx + 18 + c.doc.TextWidth(label, 9) > c.doc.right()) {
      lx = x;
      y += 14;
    }
    c.doc.Rect(lx, y, 9, 9, col, std::nullopt);
    c.doc.Text(lx + 12, y + 8, label, {.size = 9});
    lx += 18 + c.doc.TextWidth(label, 9);
  };
  for (const auto& b : m.spec.bands) legend(b.label, c.t.Band(b.key));
  legend(c.t.Status("provisional"), c.t.Colour("provisional"));
  legend(c.t.Status("failed"), c.t.Colour("failed"));
  c.doc.set_y(y + 22);
}

// The region's total per cycle: Q1–Q3 as a band, the median as a line,
// band limits dashed, cycle names as the axis labels.
void Trend(Ctx& c) {
  const auto& m = c.m;
  double h = 150;
  c.Heading("trend_heading", h + 60);
  c.doc.Paragraph(c.T("trend_note", {{"n", std::to_string(m.trend.size())}}), c.small);
  if (m.trend.size() < 2) c.doc.Paragraph(c.T("trend_single"), c.small);
  double axis_x = c.doc.left() + 30, axis_r = c.doc.right() - 120, top = c.doc.y() + 8, bottom = top + h;
  double left = axis_x + 40, right = axis_r - 40;  // the cycles sit inside the grid
  double lo = m.spec.total_min, hi = m.spec.total_max;
  auto py = [&](double v) { return bottom - (bottom - top) * (v - lo) / (hi - lo); };
  size_t n = m.trend.size();
  auto px = [&](size_t i) { return n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1.0); };
  TextStyle tick{.size = 9, .color = c.t.Colour("muted")};
  for (double v = lo; v <= hi; v += 25) {
    c.doc.Line(axis_x, py(v), axis_r, py(v), c.t.Colour("grid"), 0.4);
    c.doc.Text(axis_x - 4, py(v) + 3, Num(v), tick, pdf::Align::kRight);
  }
  for (const auto& b : m.spec.bands) {
    if (b.min <= lo) continue;
    c.doc.Line(axis_x, py(b.min), axis_r, py(b.min), c.t.Band(b.key), 0.9, true);
    c.doc.Text(axis_r + 4, py(b.min) + 3, b.label + " " + std::to_string(b.min), {.size = 9, .color = c.t.Band(b.key)});
  }
  std::vector<std::pair<double, double>> line;
  for (size_t i = 0; i < n; ++i) {
    const RegionPoint& p = m.trend[i];
    c.doc.Text(px(i), bottom + 14, p.cycle, tick, pdf::Align::kCenter);
    if (!p.total) continue;
    c.doc.Rect(px(i) - 7, py(p.total->q3), 14, py(p.total->q1) - py(p.total->q3), c.t.Colour("quartile"), std::nullopt);
    line.push_back({px(i), py(p.total->median)});
    c.doc.Text(px(i) + 10, py(p.total->median) - 4, Num(p.total->median), {.size = 9, .color = c.t.Colour("median")});
  }
  for (size_t i = 1; i < line.size(); ++i)
    c.doc.Line(line[i - 1].first, line[i - 1].second, line[i].first, line[i].second, c.t.Colour("median"), 1.6);
  for (const auto& [x, y] : line) c.doc.Circle(x, y, 2.6, c.t.Colour("median"), std::nullopt);
  c.doc.set_y(bottom + 30);
}

// The agency's name cut to fit before `mark`, which is always shown whole.
std::string Label(Ctx& c, const std::string& name, const std::string& mark, double width, double size) {
  if (c.doc.TextWidth(name + mark, size) <= width) return name + mark;
  std::vector<char32_t> cps = Utf8ToCodepoints(name);
  while (!cps.empty()) {
    cps.pop_back();
    std::string cut;
    for (char32_t cp : cps) AppendUtf8(cut, cp);
    if (c.doc.TextWidth(cut + "…" + mark, size) <= width) return cut + "…" + mark;
  }
  return mark;
}

pdf::BarSpec TotalBars(Ctx& c) {
  pdf::BarSpec bars;
  const double width = 190 - 6;
  for (const auto& r : c.m.rows) {
    std::string label = r.name.empty() ? r.id : r.name;
    bars.markers.push_back(r.previous_total ? std::optional<double>(*r.previous_total) : std::nullopt);
    if (r.status == CohortStatus::kFailed) {
      bars.labels.push_back(Label(c, label, c.T("failed_mark"), width, 9));
      bars.values.push_back(std::nullopt);
      bars.colors.push_back(c.t.Colour("failed"));
    } else if (!r.total) {
      auto [lo, hi] = r.total_range.value_or(std::make_pair(0, 0));
      bars.labels.push_back(
          Label(c, label, c.T("provisional_mark", {{"lo", std::to_string(lo)}, {"hi", std::to_string(hi)}}), width, 9));
      bars.values.push_back(r.total_range ? std::optional<double>(lo) : std::nullopt);
      bars.colors.push_back(c.t.Colour("provisional"));
    } else {
      bars.labels.push_back(Label(c, label, "", width, 9));
      bars.values.push_back(*r.total);
      bars.colors.push_back(c.t.Band(r.band));
    }
  }
  bars.min = 0;
  bars.max = c.m.spec.total_max;
  bars.label_width = 190;
  bars.text_size = 9;
  bars.bar_height = 11;
  bars.gap = 5;
  bars.marker_color = c.t.Colour("marker");
  bars.value_suffix = c.T("points");
  return bars;
}

// Each agency's total on a labelled 0–max axis, page by page.
void Totals(Ctx& c) {
  std::string previous = c.m.trend.size() >= 2 ? c.m.trend[c.m.trend.size() - 2].cycle : "";
  c.Heading("totals_heading", 110);
  c.doc.Paragraph(previous.empty() ? c.T("totals_no_previous") : c.T("totals_note", {{"previous", previous}}), c.small);
  c.doc.Skip(4);
  pdf::BarSpec bars = TotalBars(c);
  const double per = bars.bar_height + bars.gap, axis = 34;
  double bar_x = c.doc.left() + bars.label_width;
  double bar_w = std::max(10.0, c.doc.content_width() - bars.label_width - bars.text_size * 4);
  size_t i = 0;
  while (i < bars.labels.size()) {
    size_t fit = static_cast<size_t>(std::max(0.0, std::floor((c.doc.remaining() - axis) / per)));
    if (fit < 3) {
      c.doc.NewPage();
      continue;
    }
    size_t n = std::min(fit, bars.labels.size() - i);
    pdf::BarSpec part = bars;
    auto cut = [&](auto& v) { v.assign(v.begin() + static_cast<long>(i), v.begin() + static_cast<long>(i + n)); };
    cut(part.labels);
    cut(part.values);
    cut(part.markers);
    cut(part.colors);
    double top = c.doc.y();
    double used = pdf::DrawBars(c.doc, c.doc.left(), top, c.doc.content_width(), part);
    for (const auto& b : c.m.spec.bands)
      if (b.min > c.m.spec.total_min) {  // the limits inside the scale
        double x = bar_x + bar_w * b.min / bars.max;
        c.doc.Line(x, top - 2, x, top + used, c.t.Band(b.key), 0.8, true);
      }
    Axis(c, bar_x, bar_w, top + used + 2, 0, bars.max, 25, c.T("totals_axis"));
    c.doc.set_y(top + used + axis);
    i += n;
  }
}

void Items(Ctx& c) {
  const auto& m = c.m;
  c.doc.NewPage();
  c.Heading("items_heading");
  int weak = c.t.Threshold("weak_median");
  if (m.scored == 0) {
    c.doc.Paragraph(c.T("items_none"), c.body);
    return;
  }
  c.doc.Paragraph(c.T("items_note", {{"n", std::to_string(m.scored)}, {"weak", std::to_string(weak)}}), c.small);
  c.doc.Skip(4);
  using pdf::Align;
  std::vector<pdf::TableColumn> cols = {{c.T("col_code"), 40},   {c.T("col_name"), 204},
                                        {c.T("col_n"), 32, Align::kCenter},
                                        {c.T("col_median"), 40, Align::kCenter},
                                        {c.T("col_iqr"), 52, Align::kCenter},
                                        {c.T("col_range"), 34, Align::kCenter}};
  for (int s = 1; s <= 5; ++s) cols.push_back({std::to_string(s), 21, Align::kCenter});
  std::vector<pdf::TableRow> rows;
  for (const auto& s : m.items) {
    std::vector<pdf::TableCell> cells = {s.code, s.name, std::to_string(s.n)};
    if (!s.q) {
      cells.insert(cells.end(), {"—", "—", "—", "", "", "", "", ""});
    } else {
      bool low = s.q->median <= weak;
      cells.push_back(pdf::TableCell(Num(s.q->median), low ? std::optional<Color>(c.t.Colour("weak")) : std::nullopt,
                                     std::nullopt, low));
      cells.push_back(Num(s.q->q1) + "〜" + Num(s.q->q3));
      cells.push_back(std::to_string(s.min) + "〜" + std::to_string(s.max));
      for (int k = 0; k < 5; ++k) {
        int cnt = s.count[static_cast<size_t>(k)];
        double share = static_cast<double>(cnt) / s.n;
        cells.push_back(pdf::TableCell(cnt ? std::to_string(cnt) : "",
                                       Mix(c.t.Colour("heat_low"), c.t.Colour("heat_high"), share),
                                       share > 0.55 ? Color{1, 1, 1} : c.t.Colour("text")));
      }
    }
    rows.push_back(pdf::TableRow(cells));
  }
  pdf::TableStyle ts;
  ts.text.size = c.t.Size("table");
  ts.header.size = c.t.Size("table");
  c.doc.Table(cols, rows, ts);
  c.doc.Skip(12);
}

void Weakest(Ctx& c) {
  std::vector<const ItemStats*> v;
  for (const auto& s : c.m.items)
    if (s.q) v.push_back(&s);
  std::stable_sort(v.begin(), v.end(), [](const ItemStats* a, const ItemStats* b) {
    return a->q->median != b->q->median ? a->q->median < b->q->median : a->mean < b->mean;
  });
  c.Heading("weakest_heading", 90);
  if (v.empty()) {
    c.doc.Paragraph(c.T("weakest_none"), c.body);
    return;
  }
  size_t count = static_cast<size_t>(c.t.Threshold("weakest_count"));
  for (size_t i = 0; i < v.size() && i < count; ++i)
    c.doc.Paragraph(c.T("weakest_item", {{"code", v[i]->code}, {"name", v[i]->name},
                                         {"median", Num(v[i]->q->median)}, {"mean", Num(std::round(v[i]->mean * 10) / 10)}}),
                    c.body, 6, "・");
  c.doc.Skip(10);
}

void Issues(Ctx& c) {
  c.Heading("issues_heading", 90);
  std::vector<pdf::TableRow> rows;
  for (const auto& r : c.m.rows) {
    if (r.status == CohortStatus::kScored) continue;
    std::string why = r.reason;
    if (r.status == CohortStatus::kProvisional) {
      std::string items;
      for (const auto& code : r.missing) items += (items.empty() ? "" : "、") + code;
      auto [lo, hi] = r.total_range.value_or(std::make_pair(0, 0));
      why = c.T("missing_items", {{"items", items}, {"lo", std::to_string(lo)}, {"hi", std::to_string(hi)}});
    }
    bool failed = r.status == CohortStatus::kFailed;
    rows.push_back(pdf::TableRow({r.id, r.name, c.t.Status(failed ? "failed" : "provisional"), why},
                                 failed ? std::optional<Color>(Mix(c.t.Colour("failed"), {1, 1, 1}, 0.7)) : std::nullopt));
  }
  if (rows.empty()) {
    c.doc.Paragraph(c.T("issues_none"), c.body);
    return;
  }
  c.doc.Paragraph(c.T("issues_note"), c.small);
  c.doc.Skip(4);
  pdf::TableStyle ts;
  ts.text.size = c.t.Size("table");
  ts.header.size = c.t.Size("table");
  c.doc.Table({{c.T("col_id"), 80}, {c.T("col_agency"), 150}, {c.T("col_status"), 56}, {c.T("col_why"), 224}}, rows, ts);
}

}  // namespace

std::string RenderSummaryPdf(const CohortModel& m, const SummaryTemplate& t, const pdf::FontCache& fonts) {
  std::string title = Fill(t.document.at("title"), {{"cycle", m.spec.cycle}});
  pdf::PageSetup setup;
  setup.header_left = title;
  setup.page_number_format = t.document.at("page_number");
  PdfDoc doc(fonts, setup);
  doc.SetInfo(title, t.document.at("author"), t.document.at("subject"));
  Ctx c{m, t, doc, {.size = t.Size("body"), .color = t.Colour("text")},
        {.size = t.Size("small"), .color = t.Colour("muted")}, {.size = t.Size("heading"), .bold = true}};
  doc.NewPage();
  Overview(c);
  BandsNow(c);
  BandsTrend(c);
  Trend(c);
  Totals(c);
  Items(c);
  Weakest(c);
  Issues(c);
  return doc.Finish();
}

}  // namespace fidelity::report
