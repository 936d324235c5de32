#include "pipeline/retention/retention_pdf.h"

#include <algorithm>

#include "pipeline/pdf/charts.h"
#include "pipeline/pdf/pdf_doc.h"

namespace fidelity::retention {

namespace {

using pdf::Align;
using pdf::Color;
using pdf::PdfDoc;
using pdf::TableCell;
using pdf::TableColumn;
using pdf::TableRow;
using pdf::TableStyle;
using pdf::TextStyle;

const Color kInk{0.13, 0.13, 0.13};
const Color kMuted{0.42, 0.42, 0.42};
const Color kAccent{0.16, 0.40, 0.68};    // this check
const Color kPrevious{0.45, 0.45, 0.45};  // the previous check
const Color kFocus{0.99, 0.93, 0.84};     // rows of the lowest domains
const Color kGroup{0.93, 0.95, 0.98};

std::string Score(const Checklist& c, const DomainScore& s) {
  return s.score ? FormatScaled(*s.score) : c.Text("empty_score");
}

double AsDouble(const Scaled& s) {
  double scale = 1;
  for (int i = 0; i < s.decimals; ++i) scale *= 10;
  return static_cast<double>(s.value) / scale;  // drawing only
}

// "+0.5", "-0.3", "±0" with the scores' decimals, exact.
std::string Change(const Scaled& now, const Scaled& before) {
  long d = now.value - before.value;
  std::string mag = FormatScaled({d < 0 ? -d : d, now.decimals});
  return (d > 0 ? "+" : d < 0 ? "−" : "±") + mag;
}

std::string RatingText(const Checklist& c, const std::optional<int>& r) {
  if (!r) return c.Text("unrated");
  auto it = c.scale_labels.find(*r);
  return std::to_string(*r) + (it == c.scale_labels.end() ? "" : "（" + it->second + "）");
}

bool IsFocus(const RetentionReport& r, size_t d) {
  return std::any_of(r.focus.begin(), r.focus.end(), [&](const FocusDomain& f) { return f.domain == d; });
}

void Header(PdfDoc& doc, const Checklist& c, const RetentionReport& r) {
  doc.Heading(c.Text("heading"), {.size = 16, .color = kInk, .bold = true}, 0, 0, kAccent);
  doc.Skip(4);
  std::string info = c.Text("person_label") + "：" + r.person + "　　" + c.Text("date_label") + "：" +
                     r.date.Japanese();
  if (!r.rater.empty()) info += "　　" + c.Text("rater_label") + "：" + r.rater;
  if (r.previous_date) info += "　　" + c.Text("previous_date_label") + "：" + r.previous_date->Japanese();
  doc.Skip(doc.TextBox(doc.left(), doc.y(), doc.content_width(), info, {.size = 10, .color = kInk}));
  doc.Skip(6);
}

// Chart on the left, legend and scale on the right. Returns nothing; moves the cursor.
void Chart(PdfDoc& doc, const Checklist& c, const RetentionReport& r) {
  const double radius = 78, label = 8;
  const double block_top = doc.y();
  doc.Text(doc.left(), block_top + 10, c.Text("chart_title"), {.size = 10, .color = kInk, .bold = true});
  const double cx = doc.left() + 130, cy = block_top + 22 + radius + label * 2;

  pdf::RadarSpec spec;
  spec.max = c.scale_max;
  spec.grid_from = std::max(1, c.scale_min);
  spec.label_size = label;
  pdf::RadarSeries now, before;
  now.color = kAccent;
  now.filled = true;
  now.fill_opacity = 0.3;
  now.line_width = 1.4;
  now.legend = c.Text("current_label") + "（" + r.date.Japanese() + "）";
  before.color = kPrevious;
  before.line_width = 1.2;
  before.dashed = true;
  for (size_t i = 0; i < r.scores.size(); ++i) {
    const DomainScore& s = r.scores[i];
    spec.labels.push_back(s.code + " " + Score(c, s));
    now.values.push_back(s.score ? std::optional<double>(AsDouble(*s.score)) : std::nullopt);
    if (r.previous_date)
      before.values.push_back(r.previous_scores[i].score ? std::optional<double>(AsDouble(*r.previous_scores[i].score))
                                                         : std::nullopt);
  }
  std::vector<pdf::RadarSeries> series = {now};
  if (r.previous_date) {
    before.legend = c.Text("previous_label") + "（" + r.previous_date->Japanese() + "）";
    series.push_back(before);  // the outline last, to stay visible
  }
  pdf::DrawRadar(doc, cx, cy, radius, spec, series);

  // Right column: legend, then the scale.
  const double rx = doc.left() + 290, rw = doc.right() - rx;
  double y = block_top + 34;
  for (const auto& s : series) {
    pdf::DrawLegend(doc, rx, y, {s}, 8.5);
    y += 15;
  }
  y += 10;
  doc.Text(rx, y, c.Text("scale_title"), {.size = 9, .color = kInk, .bold = true});
  y += 4;
  for (int v = c.scale_min; v <= c.scale_max; ++v) {
    auto it = c.scale_labels.find(v);
    if (it == c.scale_labels.end()) continue;
    y += doc.TextBox(rx + 6, y, rw - 6, std::to_string(v) + "　" + it->second, {.size = 8.5, .color = kMuted});
  }
  doc.set_y(std::max(y, cy + radius + label * 2.5) + 8);
}

void Summary(PdfDoc& doc, const Checklist& c, const RetentionReport& r) {
  doc.Heading(c.Text("summary_title"), {.size = 11, .color = kInk, .bold = true}, -1, 120);
  doc.Skip(doc.TextBox(doc.left(), doc.y(), doc.content_width(), c.Text("summary_lead"),
                       {.size = 9, .color = kInk}) + 2);
  const bool prev = r.previous_date.has_value();
  const double num = 52, rated = 62;
  double name_w = doc.content_width() - num - rated - (prev ? 2 * num : 0);
  std::vector<TableColumn> cols = {{c.Text("domain_label"), name_w, Align::kLeft},
                                   {c.Text("current_label"), num, Align::kCenter}};
  if (prev) {
    cols.push_back({c.Text("previous_label"), num, Align::kCenter});
    cols.push_back({c.Text("change_label"), num, Align::kCenter});
  }
  cols.push_back({c.Text("rated_label"), rated, Align::kCenter});
  std::vector<TableRow> rows;
  for (size_t i = 0; i < r.scores.size(); ++i) {
    const DomainScore& s = r.scores[i];
    TableRow row;
    row.cells.push_back({c.domains[i].code + ". " + c.domains[i].name});
    row.cells.push_back({Score(c, s), std::nullopt, std::nullopt, true});
    if (prev) {
      const DomainScore& p = r.previous_scores[i];
      row.cells.push_back({Score(c, p), std::nullopt, kPrevious});
      row.cells.push_back({s.score && p.score ? Change(*s.score, *p.score) : "—"});
    }
    row.cells.push_back({std::to_string(s.rated) + " / " + std::to_string(s.items)});
    if (IsFocus(r, i)) row.fill = kFocus;
    rows.push_back(std::move(row));
  }
  doc.Table(cols, rows, TableStyle{.text = {.size = 9}, .header = {.size = 8.5, .bold = true}});
  doc.Skip(10);
}

// Rows of the focus table at a given text size.
std::vector<TableRow> FocusRows(const Checklist& c, const RetentionReport& r) {
  std::vector<TableRow> rows;
  for (const FocusDomain& f : r.focus) {
    const auto& d = c.domains[f.domain];
    TableRow head;
    head.span = true;
    head.keep_with_next = true;
    head.fill = kFocus;
    head.cells.push_back({d.code + ". " + d.name + "　" + c.Text("current_label") + " " + Score(c, r.scores[f.domain]),
                          std::nullopt, std::nullopt, true});
    rows.push_back(std::move(head));
    for (const FocusItem& it : f.items) {
      TableRow row;
      row.cells.push_back({it.code});
      row.cells.push_back({it.text});
      row.cells.push_back({RatingText(c, it.rating), std::nullopt, it.rating ? kInk : kMuted});
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// Height of the focus table at a text size (as PdfDoc::Table lays it out).
double TableHeight(const PdfDoc& doc, const std::vector<TableColumn>& cols, const std::vector<TableRow>& rows,
                   const TableStyle& style) {
  const double pad = style.padding, lh = style.text.size * style.text.leading;
  double h = style.header.size * style.header.leading + 2 * pad;
  for (const TableRow& row : rows) {
    size_t lines = 1;
    if (row.span) {
      lines = doc.Wrap(row.cells[0].text, style.text.size, doc.content_width() - 2 * pad).size();
    } else {
      for (size_t i = 0; i < cols.size(); ++i)
        lines = std::max(lines, doc.Wrap(row.cells[i].text, style.text.size, cols[i].width - 2 * pad).size());
    }
    h += lines * lh + 2 * pad;
  }
  return h;
}

TableStyle FocusStyle(double size) {
  TableStyle style{.text = {.size = size, .leading = 1.35}, .header = {.size = size, .bold = true, .leading = 1.35}};
  style.padding = size >= 8 ? 3 : 2;
  style.header_fill = kGroup;
  return style;
}

// A compact two-column list for when many domains tie (all ratings equal,
// say): group lines and "code text rating" lines, columns balanced, a
// group line never last in a column. Returns false when it does not fit.
bool TwoColumnList(PdfDoc& doc, const Checklist& c, const RetentionReport& r, double room, double size,
                   bool draw) {
  struct Entry {
    bool group;
    std::string code, text, rating;
  };
  std::vector<Entry> entries;
  for (const FocusDomain& f : r.focus) {
    const auto& d = c.domains[f.domain];
    entries.push_back({true, "", d.code + ". " + d.name + "　" + Score(c, r.scores[f.domain]), ""});
    for (const FocusItem& it : f.items)
      entries.push_back({false, it.code, it.text, it.rating ? std::to_string(*it.rating) : c.Text("unrated")});
  }
  const double gap = 12, colw = (doc.content_width() - gap) / 2;
  const double code_w = size * 3.6, rating_w = size * 3.4, text_w = colw - code_w - rating_w;
  const double lh = size * 1.3, pad = 1.5;
  std::vector<double> h;
  double total = 0;
  for (const Entry& e : entries) {
    size_t lines = doc.Wrap(e.text, size, e.group ? colw - 4 : text_w - 2).size();
    h.push_back(lines * lh + 2 * pad);
    total += h.back();
  }
  size_t split = 0;
  double first = 0;
  while (split < entries.size() && first < total / 2) first += h[split++];
  while (split > 0 && entries[split - 1].group) first -= h[--split];
  if (first > room || total - first > room) return false;
  if (!draw) return true;
  const double top = doc.y();
  double y = top, x = doc.left(), used = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i == split) {
      used = y - top;
      y = top;
      x = doc.left() + colw + gap;
    }
    const Entry& e = entries[i];
    if (e.group) {
      doc.Rect(x, y, colw, h[i], kFocus, std::nullopt);
      doc.TextBox(x + 2, y + pad, colw - 4, e.text, {.size = size, .color = kInk, .bold = true, .leading = 1.3});
    } else {
      TextStyle ts{.size = size, .color = kInk, .leading = 1.3};
      doc.TextBox(x, y + pad, code_w, e.code, ts);
      doc.TextBox(x + code_w, y + pad, text_w - 2, e.text, ts);
      ts.color = e.rating == c.Text("unrated") ? kMuted : kInk;
      doc.TextBox(x + code_w + text_w, y + pad, rating_w, e.rating, ts, Align::kRight);
      doc.Line(x, y + h[i], x + colw, y + h[i], Color{0.8, 0.8, 0.8}, 0.3);
    }
    y += h[i];
  }
  doc.set_y(top + std::max(used, y - top) + 4);
  return true;
}

void Focus(PdfDoc& doc, const Checklist& c, const RetentionReport& r, double footer_h) {
  doc.Heading(c.Text("focus_title"), {.size = 11, .color = kInk, .bold = true}, -1, 40);
  if (r.focus.empty()) {
    doc.Skip(doc.TextBox(doc.left(), doc.y(), doc.content_width(), c.Text("focus_none"), {.size = 9, .color = kMuted}));
    return;
  }
  doc.Skip(doc.TextBox(doc.left(), doc.y(), doc.content_width(), c.Text("focus_lead"), {.size = 9, .color = kInk}) + 3);
  const double code_w = 42, rating_w = 140;
  std::vector<TableColumn> cols = {{c.Text("item_label"), code_w, Align::kLeft},
                                   {"", doc.content_width() - code_w - rating_w, Align::kLeft},
                                   {c.Text("rating_label"), rating_w, Align::kLeft}};
  std::vector<TableRow> rows = FocusRows(c, r);
  const double room = doc.remaining() - footer_h;
  // The table at the largest size that fits (9 down to 7.5 pt); else a
  // two-column list (8 down to 5.5 pt); else the table flows on.
  for (double size = 9; size >= 7.5; size -= 0.5)
    if (TableHeight(doc, cols, rows, FocusStyle(size)) <= room) return doc.Table(cols, rows, FocusStyle(size));
  for (double size = 8; size >= 5.5; size -= 0.5)
    if (TwoColumnList(doc, c, r, room, size, false)) {
      TwoColumnList(doc, c, r, room, size, true);
      return;
    }
  doc.Table(cols, rows, FocusStyle(7.5));
}

}  // namespace

RenderedPage RenderRetentionPdf(const Checklist& c, const RetentionReport& r, const pdf::FontCache& fonts) {
  pdf::PageSetup setup;
  setup.page_number_format.clear();  // one page
  setup.margin_top = 14 * pdf::kMm;
  setup.margin_bottom = 12 * pdf::kMm;
  PdfDoc doc(fonts, setup);
  doc.NewPage();
  doc.set_y(doc.top());
  Header(doc, c, r);
  Chart(doc, c, r);
  Summary(doc, c, r);
  const TextStyle foot{.size = 7, .color = kMuted};
  const double footer_h = doc.Wrap(c.Text("footer"), foot.size, doc.content_width()).size() * foot.size * 1.45 + 6;
  Focus(doc, c, r, footer_h);
  // The source line at the foot of the last page.
  doc.TextBox(doc.left(), doc.bottom() - footer_h + 6, doc.content_width(), c.Text("footer"), foot);
  doc.SetInfo(c.title + " " + r.person + " " + r.date.Iso(), r.rater, c.title, r.person, "fidelity");
  RenderedPage out;
  for (const auto& m : doc.missing_glyphs()) out.missing_glyphs.push_back(m.codepoint);
  out.pdf = doc.Finish();
  return out;
}

}  // namespace fidelity::retention
