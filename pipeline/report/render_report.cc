#include "pipeline/report/render_report.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/core/text.h"
#include "pipeline/pdf/charts.h"
#include "pipeline/pdf/pdf_doc.h"

namespace fidelity::report {

using namespace pdf;  // the toolkit this renderer draws with
namespace {

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}


std::string Hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

class ReportWriter {
 public:
  ReportWriter(const ReportModel& m, const ReportTemplate& t, const pdf::FontCache& fonts)
      : m_(m), t_(t), doc_(fonts, Setup(m, t)) {
    body_ = TextStyle{.size = t.Size("body"), .color = t.Colour("text"), .leading = 1.38};
    small_ = TextStyle{.size = t.Size("small"), .color = t.Colour("muted"), .leading = 1.35};
    heading_ = TextStyle{.size = t.Size("heading"), .color = t.Colour("heading"), .bold = true,
                         .leading = 1.5};
    sub_ = TextStyle{.size = t.Size("body") + 0.5, .color = t.Colour("heading"), .bold = true};
    table_.text = TextStyle{.size = t.Size("table"), .color = t.Colour("text"), .leading = 1.3};
    table_.header = TextStyle{.size = t.Size("table"), .color = t.Colour("text"), .bold = true,
                              .leading = 1.3};
    table_.header_fill = t.Colour("table_header");
    table_.border = t.Colour("border");
    table_.padding = 2.2;
  }

  std::string Render() {
    doc_.NewPage();
    Title();
    for (const SectionTemplate& s : t_.sections) {
      if (s.new_page && doc_.y() > doc_.top() + 1) doc_.NewPage();
      if (s.key == "cover") Cover(s);
      else if (s.key == "summary") Summary(s);
      else if (s.key == "priorities") Priorities(s);
      else if (s.key == "glossary") Glossary(s);
      else if (s.key == "plan") Plan(s);
      else if (s.key == "trend") Trend(s);
      else if (s.key == "score_sheet") ScoreSheet(s);
      else if (s.key == "charts") Charts(s);
      else if (s.key == "goi") Goi(s);
      else if (s.key == "strengths") Strengths(s);
      else if (s.key == "challenges") Challenges(s);
      else if (s.key == "rationale") Rationale(s);
      else if (s.key == "changes") Changes(s);
      else if (s.key == "limits") Limits(s);
      else if (s.key == "problems") ProblemsSection(s);
    }
    std::string title = t_.Doc("title") + "：" + m_.agency.name;
    if (m_.provisional) title = t_.Doc("provisional_mark") + title;
    doc_.SetInfo(title, t_.Doc("author"), t_.Doc("subject"),
                 Join({m_.agency.id, m_.agency.cycle, m_.agency.type}, ", "), t_.Doc("creator"));
    return doc_.Finish();
  }

  const std::vector<MissingGlyph>& missing() const { return doc_.missing_glyphs(); }

 private:
  static PageSetup Setup(const ReportModel& m, const ReportTemplate& t) {
    PageSetup s;
    s.page_number_format = t.Doc("page_number");
    s.header_left = m.agency.name + (m.agency.cycle.empty() ? "" : "　" + m.agency.cycle);
    if (m.provisional) s.header_right = t.Doc("provisional_mark");
    s.header_right_color = t.Colour("provisional");
    s.header_color = t.Colour("muted");
    return s;
  }

  void Heading(const SectionTemplate& s, double keep = 60) {
    if (s.heading.empty()) return;
    doc_.Skip(4);
    doc_.Heading(s.heading, heading_, 0, keep, t_.Colour("rule"));
    doc_.Skip(2);
  }

  void Title() {
    TextStyle ts{.size = t_.Size("title"), .color = t_.Colour("heading"), .bold = true,
                 .leading = 1.4};
    std::string title = t_.Doc("title");
    if (m_.provisional) {
      TextStyle ps = ts;
      ps.color = t_.Colour("provisional");
      doc_.Skip(doc_.TextBox(doc_.left(), doc_.y(), doc_.content_width(), t_.Doc("provisional_mark"),
                             ps));
    }
    doc_.Skip(doc_.TextBox(doc_.left(), doc_.y(), doc_.content_width(), title, ts));
    doc_.Skip(4);
  }

  void Cover(const SectionTemplate& s) {
    Heading(s);
    // Two label/value pairs per row.
    const double label_w = 100, w = doc_.content_width();
    const double value_w = (w - 2 * label_w) / 2;
    std::vector<TableColumn> cols = {{"", label_w, Align::kLeft},
                                     {"", value_w, Align::kLeft},
                                     {"", label_w, Align::kLeft},
                                     {"", value_w, Align::kLeft}};
    std::vector<std::pair<std::string, std::string>> pairs;
    auto add = [&](const std::string& key, const std::string& value) {
      if (!value.empty()) pairs.push_back({s.text.at(key), value});
    };
    add("type", m_.agency.type);
    add("cycle", m_.agency.cycle);
    add("survey_date", m_.agency.survey_date);
    add("record_date", m_.agency.record_date);
    Color label_fill = t_.Colour("table_header");
    TableStyle st = table_;
    st.show_header = false;
    // The agency and the reviewers may be long: each gets a full-width row.
    std::vector<TableColumn> two = {{"", label_w, Align::kLeft}, {"", w - label_w, Align::kLeft}};
    auto full = [&](const std::string& key, const std::string& value) {
      if (value.empty()) return;
      doc_.Table(two, {TableRow{{{s.text.at(key), label_fill, std::nullopt, true}, {value}}}}, st);
    };
    full("agency", m_.agency.name);
    std::vector<TableRow> rows;
    for (size_t i = 0; i < pairs.size(); i += 2) {
      TableRow row{{{pairs[i].first, label_fill, std::nullopt, true}, {pairs[i].second}}};
      if (i + 1 < pairs.size()) {
        row.cells.push_back({pairs[i + 1].first, label_fill, std::nullopt, true});
        row.cells.push_back({pairs[i + 1].second});
      } else {
        row.cells.push_back({""});
        row.cells.push_back({""});
      }
      rows.push_back(std::move(row));
    }
    if (!rows.empty()) doc_.Table(cols, rows, st);
    full("reviewers", Join(m_.agency.reviewers, "、"));
    if (m_.provisional) {
      doc_.Skip(6);
      std::string note = Fill(s.text.at("provisional_note"), {{"missing", Join(m_.missing, "、")}});
      TextStyle ps = body_;
      ps.color = t_.Colour("provisional");
      Boxed(note, ps, t_.Colour("missing"), t_.Colour("provisional"));
    }
  }

  // A table without a header row.
  void KeyValueTable(const std::vector<TableColumn>& cols, const std::vector<TableRow>& rows) {
    TableStyle st = table_;
    st.show_header = false;
    doc_.Table(cols, rows, st);
  }

  // Wrapped text in a coloured box across the content width; a long text
  // continues on the next page.
  void Boxed(const std::string& text, const TextStyle& style, Color fill, Color border) {
    std::vector<TableColumn> cols = {{"", doc_.content_width(), Align::kLeft}};
    TableStyle st = table_;
    st.show_header = false;
    st.text = style;
    st.padding = 5;
    st.border = border;
    doc_.Table(cols, {TableRow{{{text}}, fill}}, st);
  }

  void Summary(const SectionTemplate& s) {
    Heading(s, 80);
    const double w = doc_.content_width();
    Color band = m_.provisional ? t_.Colour("provisional")
                                : (t_.bands.count(m_.band_key) ? t_.bands.at(m_.band_key)
                                                               : t_.Colour("heading"));
    std::vector<std::string> facts;
    if (m_.provisional && !m_.missing.empty())
      facts.push_back(s.text.at("missing") + ": " + Join(m_.missing, "、"));
    for (const SubscaleRow& sub : m_.subscales) {
      std::string v = sub.score ? std::to_string(*sub.score)
                                : std::to_string(sub.lo) + "〜" + std::to_string(sub.hi);
      facts.push_back(sub.name + ": " + v + " / " + std::to_string(sub.item_count * 5));
    }
    if (m_.previous_total)
      facts.push_back(Fill(s.text.at("previous"), {{"cycle", m_.previous_cycle},
                                                   {"total", std::to_string(*m_.previous_total)},
                                                   {"band", m_.previous_band_label}}));
    if (m_.previous_total && m_.total) {
      int diff = *m_.total - *m_.previous_total;
      facts.push_back(Fill(s.text.at("change"), {{"sign", diff > 0 ? "+" : diff < 0 ? "−" : "±"},
                                                 {"diff", std::to_string(std::abs(diff))}}));
    }
    if (m_.goi_total)
      facts.push_back(Fill(s.text.at("goi_total"), {{"total", std::to_string(*m_.goi_total)}}));

    // Left: the total box on the band colour. Right: the facts.
    const double box_w = w * 0.46, gap = 12, facts_x = doc_.left() + box_w + gap,
                 facts_w = w - box_w - gap;
    TextStyle label{.size = t_.Size("body"), .color = {1, 1, 1}, .bold = true};
    TextStyle big{.size = t_.Size("title") + 2, .color = {1, 1, 1}, .bold = true, .leading = 1.3};
    std::string total = m_.total ? Fill(s.text.at("points"), {{"total", std::to_string(*m_.total)}})
                                 : Fill(s.text.at("range"), {{"lo", std::to_string(m_.total_lo)},
                                                             {"hi", std::to_string(m_.total_hi)}});
    std::string band_text =
        m_.provisional || m_.band_label.empty() ? s.text.at("none") : m_.band_label;
    const double inner = box_w - 16;
    auto height = [&](const std::string& t, const TextStyle& ts, double width) {
      return doc_.Wrap(t, ts.size, width).size() * ts.size * ts.leading;
    };
    double box_h = height(s.text.at("total"), label, inner) + height(total, big, inner) +
                   height(s.text.at("band"), label, inner) + height(band_text, big, inner) + 14;
    double facts_h = 0;
    for (const std::string& f : facts) facts_h += height("・" + f, body_, facts_w);
    double h = std::max(box_h, facts_h);
    doc_.EnsureSpace(h + 6);
    double top = doc_.y();
    doc_.Rect(doc_.left(), top, box_w, box_h, band, std::nullopt);
    double y = top + 6;
    y += doc_.TextBox(doc_.left() + 8, y, inner, s.text.at("total"), label);
    y += doc_.TextBox(doc_.left() + 8, y, inner, total, big);
    y += doc_.TextBox(doc_.left() + 8, y, inner, s.text.at("band"), label);
    doc_.TextBox(doc_.left() + 8, y, inner, band_text, big);
    y = top;
    for (const std::string& f : facts) y += doc_.TextBox(facts_x, y, facts_w, "・" + f, body_);
    doc_.set_y(top + h + 4);
    doc_.Paragraph(s.text.at("bands_note"), small_);
  }

  std::string ScoreText(const ItemRow& it, const SectionTemplate& s) const {
    if (!it.score) return s.text.at("missing_score");
    std::string v = std::to_string(*it.score);
    if (it.overridden) v += s.text.at("override_mark");
    return v;
  }

  std::string RegionMedian(const std::string& code) const {
    auto it = m_.region.item_median.find(code);
    if (it == m_.region.item_median.end()) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", it->second);
    return buf;
  }

  void ScoreSheet(const SectionTemplate& s) {
    Heading(s, 80);
    bool has_prev = std::any_of(m_.items.begin(), m_.items.end(),
                                [](const ItemRow& i) { return i.previous.has_value(); });
    bool region = m_.region.shown;
    const double w = doc_.content_width();
    const double code_w = 40, score_w = 52, prev_w = has_prev ? 34 : 0, reg_w = region ? 58 : 0,
                 src_w = 110;
    std::vector<TableColumn> cols = {{s.text.at("col_code"), code_w, Align::kLeft},
                                     {s.text.at("col_name"),
                                      w - code_w - score_w - prev_w - reg_w - src_w, Align::kLeft},
                                     {s.text.at("col_score"), score_w, Align::kCenter}};
    if (has_prev) cols.push_back({s.text.at("col_previous"), prev_w, Align::kCenter});
    if (region) cols.push_back({s.text.at("col_region"), reg_w, Align::kCenter});
    cols.push_back({s.text.at("col_source"), src_w, Align::kLeft});
    std::vector<TableRow> rows;
    Color group = t_.Colour("group_row");
    auto cells = [&](std::string a, std::string b, std::string c, std::string prev, std::string reg,
                     std::string src) {
      std::vector<TableCell> v = {{std::move(a)}, {std::move(b)}, {std::move(c)}};
      if (has_prev) v.push_back({std::move(prev)});
      if (region) v.push_back({std::move(reg)});
      v.push_back({std::move(src)});
      return v;
    };
    for (size_t g = 0; g < m_.subscales.size(); ++g) {
      const SubscaleRow& sub = m_.subscales[g];
      TableRow head{{{sub.name, std::nullopt, t_.Colour("heading"), true}}, group, true, true};
      rows.push_back(head);
      for (const ItemRow& it : m_.items) {
        if (it.subscale != static_cast<int>(g)) continue;
        std::string src = t_.sources.count(it.source) ? t_.sources.at(it.source) : "";
        if (it.overridden) src = t_.sources.at("override");
        if (!it.value.empty() && it.source != "checklist") src += "（" + it.value + "）";
        TableRow row{cells(it.code, it.name, ScoreText(it, s),
                           it.previous ? std::to_string(*it.previous) : "", RegionMedian(it.code), src)};
        if (!it.score) {
          row.cells[2].fill = t_.Colour("missing");
          row.cells[2].color = t_.Colour("provisional");
        } else {
          row.cells[2].bold = true;
        }
        rows.push_back(std::move(row));
      }
      std::string v = sub.score ? std::to_string(*sub.score) + " / " + std::to_string(sub.item_count * 5)
                                : std::to_string(sub.lo) + "〜" + std::to_string(sub.hi);
      TableRow subtotal{cells("", s.text.at("subtotal"), v,
                              sub.previous ? std::to_string(*sub.previous) : "", "", "")};
      for (TableCell& c : subtotal.cells) c.bold = true;
      if (!sub.score) subtotal.cells[2].color = t_.Colour("provisional");
      rows.push_back(std::move(subtotal));
    }
    std::string total = m_.total ? std::to_string(*m_.total) + " / 125"
                                 : std::to_string(m_.total_lo) + "〜" + std::to_string(m_.total_hi);
    TableRow trow{cells("", s.text.at("total"), total,
                        m_.previous_total ? std::to_string(*m_.previous_total) : "", "",
                        m_.provisional ? t_.Doc("provisional_mark") : m_.band_label),
                  t_.Colour("table_header")};
    for (TableCell& c : trow.cells) c.bold = true;
    if (m_.provisional) trow.cells.back().color = t_.Colour("provisional");
    rows.push_back(std::move(trow));
    TableStyle sheet = table_;
    sheet.text.leading = sheet.header.leading = 1.25;
    sheet.padding = 1.5;
    doc_.Table(cols, rows, sheet);
    doc_.Skip(3);
    doc_.Paragraph(s.text.at("footnote"), small_);
    if (!region) doc_.Paragraph(s.text.at("region_none"), small_);
    else RegionSentence(s);
  }

  // The items where the agency is clearly above or below the region's
  // median (by at least the template's `region_margin` points).
  void RegionSentence(const SectionTemplate& s) {
    const double margin = std::stod(s.text.at("region_margin"));
    std::vector<std::string> above, below;
    for (const ItemRow& it : m_.items) {
      auto med = m_.region.item_median.find(it.code);
      if (!it.score || med == m_.region.item_median.end()) continue;
      if (*it.score - med->second >= margin) above.push_back(it.code);
      if (med->second - *it.score >= margin) below.push_back(it.code);
    }
    if (above.empty() && below.empty()) {
      doc_.Paragraph(s.text.at("region_close"), small_);
      return;
    }
    if (!above.empty()) doc_.Paragraph(Fill(s.text.at("region_above"), {{"list", Join(above, "、")}}), small_);
    if (!below.empty()) doc_.Paragraph(Fill(s.text.at("region_below"), {{"list", Join(below, "、")}}), small_);
  }

  void Charts(const SectionTemplate& s) {
    Heading(s, 250);
    Color cur = t_.Colour("current"), prev = t_.Colour("previous");
    bool has_prev = std::any_of(m_.items.begin(), m_.items.end(),
                                [](const ItemRow& i) { return i.previous.has_value(); });
    RadarSeries now{.values = {}, .color = cur, .filled = true,
                    .legend = s.text.at("legend_current")};
    RadarSeries before{.values = {}, .color = prev, .filled = false, .line_width = 1.2,
                       .dashed = true, .legend = s.text.at("legend_previous")};
    // Left: the 25 items. Right: the 3 subscales (mean item score of the
    // scored items).
    const double w = doc_.content_width();
    const double left_w = w * 0.62, right_x = doc_.left() + left_w;
    const double r = std::min(96.0, left_w / 2 - 36), sr = 52;
    const double title_h = sub_.size * sub_.leading;
    doc_.EnsureSpace(title_h + 2 * r + 60);
    const double top = doc_.y();
    doc_.TextBox(doc_.left(), top, left_w, s.text.at("items_title"), sub_);
    doc_.TextBox(right_x, top, w - left_w, s.text.at("subscales_title"), sub_);

    RadarSpec spec;
    spec.label_size = 7.5;
    spec.grid = t_.Colour("grid");
    for (const ItemRow& it : m_.items) {
      spec.labels.push_back(it.code);
      now.values.push_back(it.score ? std::optional<double>(*it.score) : std::nullopt);
      before.values.push_back(it.previous ? std::optional<double>(*it.previous) : std::nullopt);
    }
    std::vector<RadarSeries> series = {now};
    if (has_prev) series.push_back(before);
    if (m_.region.shown) {
      RadarSeries reg{.values = {}, .color = t_.Colour("region"), .filled = false, .line_width = 1.0,
                      .dashed = false, .legend = s.text.at("legend_region")};
      for (const ItemRow& it : m_.items) {
        auto med = m_.region.item_median.find(it.code);
        reg.values.push_back(med == m_.region.item_median.end() ? std::nullopt
                                                                 : std::optional<double>(med->second));
      }
      series.push_back(reg);
    }
    const double cx = doc_.left() + left_w / 2, cy = top + title_h + r + 16;
    DrawRadar(doc_, cx, cy, r, spec, series);

    RadarSpec sspec;
    sspec.label_size = 7.5;
    sspec.grid = t_.Colour("grid");
    RadarSeries snow = now, sbefore = before;
    snow.values.clear();
    sbefore.values.clear();
    bool sub_prev = false;
    for (size_t g = 0; g < m_.subscales.size(); ++g) {
      int sum = 0, n = 0, psum = 0, pn = 0;
      for (const ItemRow& it : m_.items) {
        if (it.subscale != static_cast<int>(g)) continue;
        if (it.score) sum += *it.score, ++n;
        if (it.previous) psum += *it.previous, ++pn;
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", n ? double(sum) / n : 0.0);
      sspec.labels.push_back(m_.subscales[g].name + " " + buf);
      snow.values.push_back(n ? std::optional<double>(double(sum) / n) : std::nullopt);
      sbefore.values.push_back(pn ? std::optional<double>(double(psum) / pn) : std::nullopt);
      sub_prev = sub_prev || pn > 0;
    }
    std::vector<RadarSeries> sseries = {snow};
    if (sub_prev) sseries.push_back(sbefore);
    const double scx = right_x + (w - left_w) / 2, scy = top + title_h + sr + 24;
    if (sspec.labels.size() >= 3) DrawRadar(doc_, scx, scy, sr, sspec, sseries);
    // Legend and note under the small chart.
    double ly = scy + sr * 0.5 + 30;
    DrawLegend(doc_, right_x + 10, ly, series, t_.Size("small") + 0.5);
    doc_.TextBox(right_x + 10, ly + 8, w - left_w - 10, s.text.at("subscale_note"), small_);
    doc_.set_y(cy + r + 18);
  }

  void Goi(const SectionTemplate& s) {
    Heading(s, 80);
    const double w = doc_.content_width();
    const double crit_w = (w - 34 - 50) * 0.55;
    std::vector<TableColumn> cols = {{s.text.at("col_code"), 34, Align::kLeft},
                                     {s.text.at("col_name"), w - 34 - crit_w - 50, Align::kLeft},
                                     {s.text.at("col_criterion"), crit_w, Align::kLeft},
                                     {s.text.at("col_met"), 50, Align::kCenter}};
    std::vector<TableRow> rows;
    for (const GoiRow& g : m_.goi) {
      TableRow row{{{g.code}, {g.name}, {g.criterion},
                    {g.met ? (*g.met ? s.text.at("yes") : s.text.at("no")) : s.text.at("unresolved")}}};
      if (!g.met) row.cells[3].fill = t_.Colour("missing");
      else if (*g.met) row.cells[3].fill = t_.Colour("strength");
      rows.push_back(std::move(row));
    }
    std::string total = Fill(s.text.at("total"),
                             {{"total", m_.goi_total ? std::to_string(*m_.goi_total) : "―"}});
    TableRow trow{{{total}}, t_.Colour("table_header"), true};
    trow.cells[0].bold = true;
    rows.push_back(std::move(trow));
    doc_.Table(cols, rows, table_);
  }

  std::string ItemLine(const std::string& format, const ListEntry& e) const {
    return Fill(format, {{"code", e.item_code}, {"name", e.item_name},
                         {"score", e.score ? std::to_string(*e.score) : "―"},
                         {"target", e.target ? std::to_string(*e.target) : ""},
                         {"before", e.score ? std::to_string(*e.score - 1) : ""}});
  }

  // An item with its next step and hint, kept together on one page.
  void StepEntry(const SectionTemplate& s, const ListEntry& e, bool with_hint = true) {
    std::string line = ItemLine(s.text.at("item_format"), e);
    std::vector<std::string> more;
    const std::string& crit_key = s.text.count("criterion") ? "criterion" : "next_step";
    if (!e.next_step.empty()) more.push_back(Fill(s.text.at(crit_key), {{"next", e.next_step}}));
    if (with_hint && !e.hint.empty()) more.push_back(Fill(s.text.at("hint"), {{"hint", e.hint}}));
    const double inner = doc_.content_width() - 8 - body_.size;
    double need = body_.size * body_.leading * doc_.Wrap(line, body_.size, inner).size();
    for (const std::string& m : more)
      need += small_.size * small_.leading * doc_.Wrap(m, small_.size, inner).size();
    doc_.EnsureSpace(need + 2);
    TextStyle bold = body_;
    bold.bold = true;
    doc_.Paragraph(line, bold, 8, "・");
    for (const std::string& m : more) doc_.Paragraph(m, small_, 8 + body_.size);
    doc_.Skip(3);
  }

  void Priorities(const SectionTemplate& s) {
    Heading(s, 90);
    if (m_.priorities.empty()) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    doc_.Paragraph(s.text.at("intro"), small_);
    doc_.Skip(3);
    for (const ListEntry& e : m_.priorities) StepEntry(s, e);
  }

  // The reviewers' strengths, each item at 5, then the other items that
  // rose since last cycle on one line.
  void Strengths(const SectionTemplate& s) {
    Heading(s);
    doc_.Paragraph(s.text.at("intro"), small_);
    doc_.Skip(2);
    if (m_.strengths.empty()) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    std::vector<std::string> rose;
    for (const ListEntry& e : m_.strengths) {
      std::vector<std::pair<std::string, std::string>> v = {
          {"code", e.item_code}, {"name", e.item_name},
          {"score", e.score ? std::to_string(*e.score) : ""}, {"before", PreviousOf(e.item_code)}};
      if (e.item_code.empty()) doc_.Paragraph(e.text, body_, 8, "・");
      else if (e.score == 5) doc_.Paragraph(Fill(s.text.at(e.rose ? "rose_format" : "item_format"), v), body_, 8, "・");
      else rose.push_back(Fill(s.text.at("rose_item"), v));
    }
    if (!rose.empty()) {
      std::string list;
      for (const std::string& r : rose) list += (list.empty() ? "" : "、") + r;
      doc_.Paragraph(Fill(s.text.at("rose_summary"), {{"list", list}}), body_, 8, "・");
    }
  }

  std::string PreviousOf(const std::string& code) const {
    for (const ItemRow& r : m_.items)
      if (r.code == code && r.previous) return std::to_string(*r.previous);
    return "";
  }

  bool IsPriority(const ListEntry& e) const {
    return std::any_of(m_.priorities.begin(), m_.priorities.end(),
                       [&](const ListEntry& p) { return p.item_code == e.item_code; });
  }

  void Challenges(const SectionTemplate& s) {
    // The heading keeps its intro, a sub-heading and a first line with it.
    Heading(s, 100);
    std::vector<const ListEntry*> from_reviewers, from_items;
    for (const ListEntry& e : m_.challenges) {
      if (e.item_code.empty()) from_reviewers.push_back(&e);
      else if (!IsPriority(e)) from_items.push_back(&e);
    }
    if (from_reviewers.empty() && from_items.empty()) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    doc_.Paragraph(s.text.at("intro"), small_);
    doc_.Skip(3);
    Color mark = t_.Colour("challenge");
    if (!from_reviewers.empty()) {
      SubHeading(s.text.at("reviewers_label"), mark);
      for (const ListEntry* e : from_reviewers) doc_.Paragraph(e->text, body_, 8, "・");
      doc_.Skip(4);
    }
    if (!from_items.empty()) {
      // Their criteria and hints are in the action plan at the end.
      SubHeading(s.text.at("items_label"), mark);
      std::string list;
      for (const ListEntry* e : from_items)
        list += (list.empty() ? "" : "、") + ItemLine(s.text.at("item_format"), *e);
      // When the plan table leaves some of them out, the line says where
      // their criteria are.
      const std::string& line =
          !SelectPlanRows().rest.empty() && s.text.count("items_line_cut") ? s.text.at("items_line_cut")
                                                                          : s.text.at("items_line");
      doc_.Paragraph(Fill(line, {{"list", list}}), body_, 8);
    }
  }

  void Glossary(const SectionTemplate& s) {
    if (m_.glossary.empty()) return;
    Heading(s);
    doc_.Paragraph(s.text.at("intro"), small_);
    for (const auto& [word, explain] : m_.glossary) doc_.Paragraph(word + "：" + explain, body_, 8, "・");
  }

  // The rows of the plan table: the priorities, then the other items ≤ 3.
  // A weak agency has 20 or more of those; the table then keeps the
  // priorities and the lowest-scored others up to the template's
  // `max_rows` (ties in score-sheet order) and names the rest, whose rows
  // are in action_plan.xlsx like every item's.
  struct PlanRows {
    std::vector<const ListEntry*> shown, rest;  // shown: priorities first; both in score-sheet order
  };
  PlanRows SelectPlanRows() const {
    PlanRows out;
    std::vector<const ListEntry*> others;
    for (const ListEntry& e : m_.priorities) out.shown.push_back(&e);
    for (const ListEntry& e : m_.challenges)
      if (!e.item_code.empty() && !IsPriority(e)) others.push_back(&e);
    size_t max_rows = others.size() + out.shown.size();
    if (const SectionTemplate* plan = t_.Section("plan"); plan && plan->text.count("max_rows"))
      max_rows = static_cast<size_t>(std::max(0, std::stoi(plan->text.at("max_rows"))));
    size_t room = max_rows > out.shown.size() ? max_rows - out.shown.size() : 0;
    if (others.size() <= room) {
      out.shown.insert(out.shown.end(), others.begin(), others.end());
      return out;
    }
    std::vector<size_t> order(others.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto score = [&](size_t i) { return others[i]->score.value_or(0); };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score(a) < score(b); });
    std::vector<bool> keep(others.size(), false);
    for (size_t i = 0; i < room; ++i) keep[order[i]] = true;
    for (size_t i = 0; i < others.size(); ++i) (keep[i] ? out.shown : out.rest).push_back(others[i]);
    return out;
  }

  void Plan(const SectionTemplate& s) {
    PlanRows plan = SelectPlanRows();
    const std::vector<const ListEntry*>& rows_in = plan.shown;
    Heading(s, 120);
    if (rows_in.empty()) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    const bool cut = !plan.rest.empty() && s.text.count("intro_cut");
    doc_.Paragraph(cut ? Fill(s.text.at("intro_cut"), {{"max", std::to_string(rows_in.size())}})
                       : s.text.at("intro"),
                   small_);
    doc_.Skip(3);
    const double w = doc_.content_width();
    const double item_w = 104, owner_w = 46;
    std::vector<TableColumn> cols = {{s.text.at("col_item"), item_w, Align::kLeft},
                                     {s.text.at("col_action"), w - item_w - owner_w, Align::kLeft},
                                     {s.text.at("col_owner"), owner_w, Align::kLeft}};
    std::vector<TableRow> rows;
    for (const ListEntry* e : rows_in) {
      std::string text = Fill(s.text.at("criterion"), {{"next", e->next_step}});
      // Hints for the priorities here; every item's hint is in action_plan.xlsx.
      if (!e->hint.empty() && IsPriority(*e)) text += Fill(s.text.at("hint"), {{"hint", e->hint}});
      TableRow row{{{ItemLine(s.text.at("item_format"), *e)}, {text}, {""}}};
      if (IsPriority(*e)) row.cells[0].fill = t_.Colour("challenge");
      rows.push_back(std::move(row));
    }
    doc_.Table(cols, rows, table_);
    if (!plan.rest.empty() && s.text.count("rest")) {
      std::vector<std::string> codes;
      for (const ListEntry* e : plan.rest) codes.push_back(e->item_code);
      doc_.Skip(3);
      doc_.Paragraph(Fill(s.text.at("rest"), {{"count", std::to_string(codes.size())},
                                              {"list", Join(codes, "、")}}),
                     small_);
    }
  }

  // Earlier cycles (F fills History): totals and subtotals per cycle, then
  // the items that changed by 2 or more with the reviewers' note.
  void Trend(const SectionTemplate& s) {
    if (m_.history.cycles.empty()) return;
    Heading(s, 100);
    doc_.Paragraph(s.text.at("intro"), small_);
    TrendChart();
    const double w = doc_.content_width();
    std::vector<TableColumn> cols = {{s.text.at("col_cycle"), w - 4 * 70, Align::kLeft},
                                     {s.text.at("col_total"), 70, Align::kCenter}};
    for (const SubscaleRow& sub : m_.subscales) cols.push_back({sub.name, 70, Align::kCenter});
    auto opt = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("―"); };
    std::vector<TableRow> rows;
    for (const CyclePoint& c : m_.history.cycles) {
      TableRow row{{{c.cycle}, {opt(c.total)}}};
      for (const SubscaleRow& sub : m_.subscales) {
        auto it = c.subtotals.find(sub.key);
        row.cells.push_back({it == c.subtotals.end() ? "―" : opt(it->second)});
      }
      rows.push_back(std::move(row));
    }
    TableRow now{{{m_.agency.cycle}, {opt(m_.total)}}};
    for (const SubscaleRow& sub : m_.subscales) now.cells.push_back({opt(sub.score)});
    now.fill = t_.Colour("table_header");
    rows.push_back(std::move(now));
    doc_.Table(cols, rows, table_);
    const CyclePoint& last = m_.history.cycles.back();
    std::vector<std::string> changed;
    for (const ItemRow& it : m_.items) {
      auto before = last.items.find(it.code);
      if (!it.score || before == last.items.end() || std::abs(*it.score - before->second) < 2) continue;
      std::string line = Fill(s.text.at("changed_format"), {{"code", it.code},
                                                            {"before", std::to_string(before->second)},
                                                            {"after", std::to_string(*it.score)}});
      // Last cycle's reason and this one's, each said to be which.
      auto labelled = [&](const char* key, const std::string& note) {
        return s.text.count(key) ? Fill(s.text.at(key), {{"note", note}}) : note;
      };
      if (auto n = last.notes.find(it.code); n != last.notes.end())
        line += "　" + labelled("changed_before_note", n->second);
      if (!it.notes.empty()) line += "　" + labelled("changed_now_note", it.notes.front());
      changed.push_back(line);
    }
    if (changed.empty()) return;
    doc_.Skip(3);
    doc_.Paragraph(s.text.at("changed"), sub_);
    for (const std::string& l : changed) doc_.Paragraph(l, body_, 8, "・");
  }

  // The total per cycle as a line on the whole scale, band limits dashed.
  void TrendChart() {
    if (m_.total_max <= m_.total_min) return;
    LineChartSpec spec;
    auto total = [](const std::optional<int>& t) { return t ? std::optional<double>(*t) : std::nullopt; };
    for (const CyclePoint& c : m_.history.cycles) {
      spec.x_labels.push_back(c.cycle);
      spec.values.push_back(total(c.total));
    }
    spec.x_labels.push_back(m_.agency.cycle);
    spec.values.push_back(total(m_.total));
    spec.min = m_.total_min;
    spec.max = m_.total_max;
    spec.step = 25;
    spec.reference_width = 130;
    spec.line = t_.Colour("current");
    for (const BandLimit& b : m_.bands) {
      if (b.min <= m_.total_min) continue;
      Color c = t_.bands.count(b.key) ? t_.bands.at(b.key) : t_.Colour("muted");
      spec.references.push_back({static_cast<double>(b.min), b.label + " " + std::to_string(b.min), c});
    }
    const double h = 100;
    doc_.EnsureSpace(h + 34);
    DrawLineChart(doc_, doc_.left(), doc_.y() + 8, doc_.content_width() * 0.8, h, spec);
    doc_.Skip(h + 34);
  }

  void SubHeading(const std::string& text, Color mark) {
    double lh = sub_.size * sub_.leading;
    doc_.EnsureSpace(lh * 3);
    doc_.Rect(doc_.left(), doc_.y() + 2, 4, lh - 4, mark, t_.Colour("border"), 0.3);
    doc_.TextBox(doc_.left() + 8, doc_.y(), doc_.content_width() - 8, text, sub_);
    doc_.Skip(lh + 1);
  }

  void Rationale(const SectionTemplate& s) {
    Heading(s, 80);
    const double w = doc_.content_width();
    std::vector<TableColumn> cols = {{s.text.at("col_code"), 44, Align::kLeft},
                                     {s.text.at("col_notes"), w - 44, Align::kLeft}};
    std::vector<TableRow> rows;
    doc_.Paragraph(s.text.at("intro"), small_);
    for (const ItemRow& it : m_.items) {
      // The items the agency can still raise (≤ 3), the missing ones and
      // the overridden ones; every note is in the coordinator's sheet.
      if (it.score && *it.score > 3 && !it.overridden) continue;
      std::vector<std::string> parts;
      // Computed values are in the score sheet and the criteria not yet met
      // in the action plan: here only the reviewers' reasons.
      for (const std::string& n : it.notes) parts.push_back(n);
      if (it.overridden) parts.push_back("※" + s.text.at("override_note"));
      if (parts.empty()) continue;
      TableRow row{{{it.code + "\n" + (it.score ? std::to_string(*it.score) : "―")},
                    {it.name + "\n" + Join(parts, "\n")}}};
      if (it.overridden) row.cells[1].fill = t_.Colour("challenge");
      rows.push_back(std::move(row));
    }
    if (rows.empty()) {
      doc_.Paragraph(s.text.at("no_notes"), body_, 4);
      return;
    }
    doc_.Table(cols, rows, table_);
  }

  void Changes(const SectionTemplate& s) {
    Heading(s);
    bool any_prev = m_.previous_total.has_value() ||
                    std::any_of(m_.items.begin(), m_.items.end(),
                                [](const ItemRow& i) { return i.previous.has_value(); });
    if (!any_prev) {
      doc_.Paragraph(s.text.at("first_time"), body_, 4);
      return;
    }
    if (!m_.previous_cycle.empty())
      doc_.Paragraph(Fill(s.text.at("intro"), {{"previous_cycle", m_.previous_cycle}}), small_);
    if (m_.previous_total) {
      std::string after = m_.total ? std::to_string(*m_.total)
                                   : std::to_string(m_.total_lo) + "〜" + std::to_string(m_.total_hi);
      doc_.Paragraph(Fill(s.text.at("total_change"),
                          {{"before", std::to_string(*m_.previous_total)}, {"after", after}}),
                     body_, 4, "・");
    }
    if (std::none_of(m_.changes.begin(), m_.changes.end(), [](const Change& c) { return c.after < c.before; })) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    std::vector<std::string> up, down;
    for (const Change& c : m_.changes)
      (c.after > c.before ? up : down)
          .push_back(Fill(s.text.at("item_format"), {{"code", c.code}, {"name", c.name},
                                                     {"before", std::to_string(c.before)},
                                                     {"after", std::to_string(c.after)}}));
    (void)up;  // the items that rose are listed under the strengths
    if (!down.empty()) doc_.Paragraph(s.text.at("down") + ": " + Join(down, "、"), body_, 4, "・");
  }

  void Limits(const SectionTemplate& s) {
    Heading(s);
    doc_.Paragraph(Fill(s.text.at("intro"), {{"type", m_.agency.type}}), small_);
    doc_.Skip(2);
    const std::string& note = m_.limits_note;
    const std::vector<std::string>& items = m_.limits_items;
    if (note.empty()) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    doc_.Paragraph(note, body_, 4);
    // The affected items with this agency's scores.
    for (const std::string& code : items)
      for (const ItemRow& item : m_.items)
        if (item.code == code)
          doc_.Paragraph(item.code + " " + item.name + "：" +
                             (item.score ? std::to_string(*item.score) + "点" : t_.Text("score_sheet", "missing_score")),
                         body_, 12, "・");
  }

  void ProblemsSection(const SectionTemplate& s) {
    Heading(s);
    if (m_.problems.empty()) {
      doc_.Paragraph(s.text.at("none"), body_, 4);
      return;
    }
    doc_.Paragraph(s.text.at("intro"), small_);
    doc_.Skip(3);
    const double w = doc_.content_width();
    std::vector<TableColumn> cols = {{s.text.at("col_severity"), 44, Align::kCenter},
                                     {s.text.at("col_where"), 120, Align::kLeft},
                                     {s.text.at("col_message"), w - 164, Align::kLeft}};
    std::vector<TableRow> rows;
    for (const Problem& p : m_.problems) {
      TableRow row{{{p.is_error() ? s.text.at("error") : s.text.at("warning")}, {p.where}, {p.message}}};
      row.cells[0].fill = p.is_error() ? t_.Colour("missing") : t_.Colour("challenge");
      rows.push_back(std::move(row));
    }
    doc_.Table(cols, rows, table_);
  }

  const ReportModel& m_;
  const ReportTemplate& t_;
  PdfDoc doc_;
  TextStyle body_, small_, heading_, sub_;
  TableStyle table_;
};

}  // namespace

RenderedReport RenderReport(const ReportModel& model, const ReportTemplate& tmpl,
                            const pdf::FontCache& fonts) {
  ReportWriter w(model, tmpl, fonts);
  RenderedReport out;
  out.pdf = w.Render();
  for (const MissingGlyph& g : w.missing()) {
    std::string ch;
    if (g.codepoint >= 0x20) AppendUtf8(ch, g.codepoint);
    Problem p = Warning("report.missing_glyph", "report.pdf",
                        "フォントにない文字 " + Hex(g.codepoint) + "（" + ch + "）を〓で表示しました: 「" +
                            g.context + "」");
    p.coordinator_only = true;
    out.problems.push_back(std::move(p));
  }
  return out;
}

std::string RenderReportPdf(const ReportModel& model, const ReportTemplate& tmpl,
                            const pdf::FontCache& fonts) {
  return RenderReport(model, tmpl, fonts).pdf;
}

}  // namespace fidelity::report
