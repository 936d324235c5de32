// summary.pdf: the cohort at a glance for the coordinator (SPEC §5.3).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/batch/agency.h"
#include "pipeline/batch/resources.h"
#include "pipeline/instrument/instrument.h"
#include "pipeline/pdf/charts.h"
#include "pipeline/pdf/font_cache.h"
#include "pipeline/pdf/pdf_doc.h"
#include "pipeline/report/report_template.h"
#include "pipeline/survey/layout.h"

namespace fidelity {

namespace {

using pdf::Color;

std::string Fmt(double v) {
  char b[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(b, sizeof b, "%.0f", v);
  else std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// Quantile by linear interpolation between order statistics (type 7).
double Quantile(std::vector<int> v, double q) {
  std::sort(v.begin(), v.end());
  double pos = q * (static_cast<double>(v.size()) - 1);
  size_t lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Color Mix(Color a, Color b, double t) {
  return Color{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

}  // namespace

std::string RenderSummaryPdf(const std::vector<SummaryRow>& rows, const SummarySpec& spec,
                             const CycleResources& res) {
  const auto& T = res.report_template;
  auto band_colour = [&](const std::string& key) {
    auto it = T.bands.find(key);
    return it != T.bands.end() ? it->second : Color{0.6, 0.6, 0.6};
  };
  pdf::PageSetup setup;
  setup.header_left = spec.cycle + " フィデリティ調査 地域のまとめ";
  pdf::PdfDoc doc(*res.fonts, setup);
  doc.SetInfo(spec.cycle + " フィデリティ調査 地域のまとめ", "IPSフィデリティ調査 調整担当",
              "JIPS-25 コホートの要約");
  pdf::TextStyle title{.size = 16, .bold = true};
  pdf::TextStyle h{.size = 12.5, .bold = true};
  pdf::TextStyle body{.size = 9.5};
  pdf::TextStyle small{.size = 8, .color = {0.35, 0.35, 0.35}};

  doc.NewPage();
  doc.Heading(spec.cycle + " フィデリティ調査 地域のまとめ", title, -1, 60);
  int ok = 0, failed = 0, provisional = 0;
  for (const auto& r : rows) {
    if (!r.ok) ++failed;
    else if (r.provisional) ++provisional;
    else ++ok;
  }
  doc.Paragraph("対象 " + std::to_string(rows.size()) + " 機関（確定 " + std::to_string(ok) + "、暫定 " +
                    std::to_string(provisional) + "、処理できなかった機関 " + std::to_string(failed) + "）",
                body);
  doc.Skip(6);

  // 1. Band distribution.
  doc.Heading("フィデリティ区分の分布", h, 0, 120, Color{0.2, 0.4, 0.7});
  {
    pdf::BarSpec bars;
    std::vector<Color> colours;
    for (const auto& b : res.instrument.bands) {
      int n = 0;
      for (const auto& r : rows) n += r.ok && !r.provisional && r.band == b.key;
      bars.labels.push_back(b.label + "（" + std::to_string(b.min) + "–" + std::to_string(b.max) + "）");
      bars.values.push_back(n);
      colours.push_back(band_colour(b.key));
    }
    bars.labels.push_back("暫定（未確定の項目あり）");
    bars.values.push_back(provisional);
    colours.push_back(Color{0.7, 0.7, 0.7});
    bars.labels.push_back("処理できなかった機関");
    bars.values.push_back(failed);
    colours.push_back(Color{0.85, 0.5, 0.5});
    bars.colors = colours;
    bars.min = 0;
    bars.max = std::max<double>(1, static_cast<double>(rows.size()));
    bars.label_width = 190;
    bars.value_suffix = " 機関";
    double used = pdf::DrawBars(doc, doc.left(), doc.y(), doc.content_width(), bars);
    doc.Skip(used + 10);
  }

  // 2. Each agency's total against last cycle.
  doc.Heading("機関ごとの合計点（縦線は前回の合計点）", h, 0, 120, Color{0.2, 0.4, 0.7});
  {
    pdf::BarSpec bars;
    std::vector<Color> colours;
    for (const auto& r : rows) {
      std::string label = r.name.empty() ? r.id : r.name;
      if (!r.ok) {
        bars.labels.push_back(label + "（失敗）");
        bars.values.push_back(std::nullopt);
        bars.markers.push_back(std::nullopt);
        colours.push_back(Color{0.85, 0.5, 0.5});
        continue;
      }
      if (r.total) {
        bars.labels.push_back(label);
        bars.values.push_back(*r.total);
      } else {
        std::string range = r.total_range ? std::to_string(r.total_range->first) + "–" +
                                                std::to_string(r.total_range->second)
                                          : "";
        bars.labels.push_back(label + "（暫定 " + range + "）");
        bars.values.push_back(r.total_range ? std::optional<double>(r.total_range->first) : std::nullopt);
      }
      bars.markers.push_back(r.previous_total ? std::optional<double>(*r.previous_total) : std::nullopt);
      colours.push_back(r.provisional ? Color{0.7, 0.7, 0.7} : band_colour(r.band));
    }
    bars.colors = colours;
    bars.min = 25;
    bars.max = 125;
    bars.label_width = 190;
    bars.value_suffix = " 点";
    // DrawBars draws from a fixed top: split into page-sized chunks.
    const double per = bars.bar_height + bars.gap;
    size_t i = 0;
    while (i < bars.labels.size()) {
      size_t fit = static_cast<size_t>(std::max(1.0, std::floor((doc.remaining() - 4) / per)));
      if (fit < 3 && bars.labels.size() - i > fit) {
        doc.NewPage();
        continue;
      }
      size_t n = std::min(fit, bars.labels.size() - i);
      pdf::BarSpec part = bars;
      auto cut = [&](auto& v) {
        if (v.empty()) return;
        v.assign(v.begin() + static_cast<long>(i), v.begin() + static_cast<long>(i + n));
      };
      cut(part.labels);
      cut(part.values);
      cut(part.markers);
      cut(part.colors);
      double used = pdf::DrawBars(doc, doc.left(), doc.y(), doc.content_width(), part);
      doc.Skip(used + 4);
      i += n;
      if (i < bars.labels.size()) doc.NewPage();
    }
    doc.Skip(8);
  }

  // 3. Items across the cohort: median, spread and a heat map of the scores.
  doc.NewPage();
  doc.Heading("項目ごとの地域の状況", h, 0, 120, Color{0.2, 0.4, 0.7});
  doc.Paragraph("確定したスコアのある機関について、項目ごとの中央値・範囲・四分位範囲と、スコア 1〜5 の機関数を示します。"
                "色が濃いほど多くの機関がそのスコアです。中央値が 3 以下の項目（赤）は、地域全体で取り組む価値のある課題です。",
                small);
  doc.Skip(4);
  std::vector<pdf::TableColumn> cols = {{"項目", 44},      {"名称", 200},          {"中央値", 40, pdf::Align::kCenter},
                                           {"範囲", 40, pdf::Align::kCenter}, {"四分位範囲", 56, pdf::Align::kCenter},
                                           {"1", 26, pdf::Align::kCenter},    {"2", 26, pdf::Align::kCenter},
                                           {"3", 26, pdf::Align::kCenter},    {"4", 26, pdf::Align::kCenter},
                                           {"5", 26, pdf::Align::kCenter}};
  std::vector<pdf::TableRow> table;
  struct Weak {
    double median;
    double mean;
    std::string code;
  };
  std::vector<Weak> weak;
  int agencies_scored = 0;
  for (const auto& r : rows) agencies_scored += r.ok;
  for (size_t k = 0; k < spec.item_codes.size(); ++k) {
    std::vector<int> v;
    int count[6] = {0, 0, 0, 0, 0, 0};
    for (const auto& r : rows)
      if (r.ok && k < r.items.size() && r.items[k]) {
        v.push_back(*r.items[k]);
        if (*r.items[k] >= 1 && *r.items[k] <= 5) ++count[*r.items[k]];
      }
    const std::string& code = spec.item_codes[k];
    auto nm = spec.item_names.find(code);
    std::vector<pdf::TableCell> cells = {code, nm != spec.item_names.end() ? nm->second : ""};
    if (v.empty()) {
      cells.insert(cells.end(), {"—", "—", "—", "", "", "", "", ""});
    } else {
      double med = Quantile(v, 0.5);
      double mean = 0;
      for (int x : v) mean += x;
      mean /= static_cast<double>(v.size());
      weak.push_back({med, mean, code});
      auto [mn, mx] = std::minmax_element(v.begin(), v.end());
      std::optional<Color> med_fill;
      if (med <= 3) med_fill = Color{0.98, 0.82, 0.80};
      cells.push_back(pdf::TableCell(Fmt(med), med_fill, std::nullopt, med <= 3));
      cells.push_back(std::to_string(*mn) + "–" + std::to_string(*mx));
      cells.push_back(Fmt(Quantile(v, 0.25)) + "–" + Fmt(Quantile(v, 0.75)));
      for (int s = 1; s <= 5; ++s) {
        double t = static_cast<double>(count[s]) / static_cast<double>(v.size());
        Color fill = Mix(Color{1, 1, 1}, Color{0.16, 0.38, 0.70}, t);
        Color text = t > 0.55 ? Color{1, 1, 1} : Color{0.15, 0.15, 0.15};
        cells.push_back(pdf::TableCell(count[s] ? std::to_string(count[s]) : "", fill, text));
      }
    }
    table.push_back(pdf::TableRow(cells));
  }
  pdf::TableStyle ts;
  ts.text.size = 8;
  ts.header.size = 8;
  doc.Table(cols, table, ts);
  doc.Skip(10);

  // 4. The region's weakest items.
  std::stable_sort(weak.begin(), weak.end(), [](const Weak& a, const Weak& b) {
    return a.median != b.median ? a.median < b.median : a.mean < b.mean;
  });
  doc.Heading("地域全体で低い項目", h, 0, 80, Color{0.2, 0.4, 0.7});
  if (weak.empty()) {
    doc.Paragraph("確定したスコアのある機関がありません。", body);
  } else {
    for (size_t i = 0; i < weak.size() && i < 5; ++i) {
      auto nm = spec.item_names.find(weak[i].code);
      char b[64];
      std::snprintf(b, sizeof b, "（中央値 %s・平均 %.1f）", Fmt(weak[i].median).c_str(), weak[i].mean);
      doc.Paragraph(weak[i].code + " " + (nm != spec.item_names.end() ? nm->second : "") + b, body, 6, "・");
    }
  }
  return doc.Finish();
}

}  // namespace fidelity
