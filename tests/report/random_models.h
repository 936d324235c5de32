// Random report models for the property test (render_property_test.cc):
// seeded and deterministic (std::mt19937 and our own draws, no standard
// distributions, whose output differs between libraries).
#pragma once
#include <random>
#include <string>
#include <vector>

#include "pipeline/report/report_model.h"
#include "tests/report/sample_models.h"

namespace fidelity::report::samples {

class RandomModels {
 public:
  explicit RandomModels(uint32_t seed) : rng_(seed) {}

  ReportModel Next() {
    ReportModel m = Normal();
    m.agency.id = "r" + std::to_string(n_++);
    m.agency.name = Text(0, Pick(4) == 0 ? 160 : 40);
    m.agency.cycle = Pick(3) == 0 ? "2026年度 (region seed " + std::to_string(Below(100000)) + ")"
                                  : Text(0, 20);
    m.agency.type = Pick(3) == 0 ? "医療機関" : Pick(2) ? "地域事業所" : Text(0, 12);
    m.agency.reviewers.clear();
    for (int i = 0, n = Below(5); i < n; ++i) m.agency.reviewers.push_back(Text(1, Pick(5) ? 12 : 60));
    bool prev = Pick(2);
    int total = 0;
    m.missing.clear();
    for (ItemRow& r : m.items) {
      r.score = Pick(8) == 0 ? std::nullopt : std::optional<int>(1 + Below(5));
      r.previous = prev && Pick(6) ? std::optional<int>(1 + Below(5)) : std::nullopt;
      r.flagged = Pick(10) == 0;
      r.overridden = Pick(15) == 0;
      r.value = Pick(3) ? "" : Text(1, 30);
      r.notes.clear();
      for (int i = 0, n = Below(4); i < n; ++i) r.notes.push_back(Text(0, Pick(6) ? 80 : 900));
      if (r.score) total += *r.score;
      else m.missing.push_back(r.code);
    }
    m.provisional = !m.missing.empty();
    if (m.provisional) {
      m.total.reset();
      m.band_key.clear();
      m.band_label.clear();
      m.total_lo = total + static_cast<int>(m.missing.size());
      m.total_hi = total + 5 * static_cast<int>(m.missing.size());
    } else {
      m.total = m.total_lo = m.total_hi = total;
      m.band_key = total >= 115 ? "exemplary" : total >= 100 ? "good" : total >= 74 ? "fair" : "not_supported";
      m.band_label = Text(1, 12);
    }
    for (size_t g = 0; g < m.subscales.size(); ++g) {
      int s = 0, lo = 0, hi = 0;
      bool known = true;
      for (const ItemRow& r : m.items) {
        if (r.subscale != static_cast<int>(g)) continue;
        if (r.score) s += *r.score, lo += *r.score, hi += *r.score;
        else known = false, lo += 1, hi += 5;
      }
      m.subscales[g].score = known ? std::optional<int>(s) : std::nullopt;
      m.subscales[g].lo = lo;
      m.subscales[g].hi = hi;
      m.subscales[g].previous = prev ? std::optional<int>(s) : std::nullopt;
    }
    m.previous_total = prev ? std::optional<int>(25 + Below(101)) : std::nullopt;
    m.previous_cycle = prev ? Text(0, 16) : "";
    m.previous_band_label = prev ? Text(0, 12) : "";
    for (GoiRow& g : m.goi) g.met = Pick(5) == 0 ? std::nullopt : std::optional<bool>(Pick(2));
    m.strengths.clear();
    m.challenges.clear();
    for (int i = 0, n = Below(6); i < n; ++i) m.strengths.push_back({Text(0, Pick(5) ? 60 : 600)});
    for (int i = 0, n = Below(26); i < n; ++i) m.challenges.push_back({Text(0, Pick(5) ? 60 : 600)});
    for (const ItemRow& r : m.items) {
      if (!r.score) continue;
      if (*r.score >= 4) m.strengths.push_back({"", r.code, r.name, r.score, ""});
      else m.challenges.push_back({"", r.code, r.name, r.score, Text(0, 200)});
    }
    for (ListEntry& e : m.challenges) {
      if (e.item_code.empty()) continue;
      e.target = *e.score + 1;
      e.hint = Text(0, Pick(5) ? 60 : 300);
      if (m.priorities.size() < static_cast<size_t>(Below(6))) m.priorities.push_back(e);
    }
    m.glossary.clear();
    for (int i = 0, n = Below(4); i < n; ++i) m.glossary.push_back({Text(1, 20), Text(0, 120)});
    m.region.shown = Pick(2);
    for (const ItemRow& r : m.items)
      if (m.region.shown && Pick(6) == false) m.region.item_median[r.code] = 1 + Below(9) / 2.0;
    m.history.cycles.clear();
    for (int i = 0, n = Below(4); i < n; ++i) {
      CyclePoint c;
      c.cycle = Text(0, 16);
      if (Pick(3) == false) c.total = 25 + Below(101);
      c.subtotals["staffing"] = 3 + Below(13);
      for (const ItemRow& r : m.items)
        if (Pick(2)) c.items[r.code] = 1 + Below(5);
      c.notes["I-1"] = Text(0, 200);
      m.history.cycles.push_back(c);
    }
    m.changes.clear();
    for (const ItemRow& r : m.items)
      if (r.score && r.previous && *r.score != *r.previous)
        m.changes.push_back({r.code, r.name, *r.previous, *r.score});
    m.problems.clear();
    for (int i = 0, n = Pick(4) == 0 ? Below(60) : Below(4); i < n; ++i)
      m.problems.push_back(Warning("random.problem", Text(0, 30), Text(0, Pick(4) ? 60 : 400)));
    return m;
  }

 private:
  int Below(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  bool Pick(int n) { return Below(n) != 0 ? false : true; }
  // Text of min..max characters from a mix of scripts, with the odd
  // character the font lacks, outside the BMP or a control character.
  std::string Text(int min, int max) {
    static const std::u32string pool =
        U"就労支援スペシャリストケアマネジャー生活医療機関地域事業所の評価調査員合計点（）「」、。・"
        U"abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 ()[]-_/.,:;!?%&'\"#=+"
        U"ぁあいうえおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱ"
        U"一丁七万丈三上下不与丑且丕世丘丙両並中丸丹主乃久之乍乎乏乗乙九乞也乱乳乾亀了予争事二互五井"
        U"ｱｲｳｴｵ①②③㈱〜―…→←↑↓★☆○●◎□■△▲▽▼※〒〓♪\u3000";
    static const char32_t odd[] = {U'\U00020BB7', U'\U0001F600', U'\t', U'\n', U'\x7F', U'\uFFFD',
                                   U'\u0301', U'\u200B', U'\uE000'};
    int len = min + Below(max - min + 1);
    std::string out;
    for (int i = 0; i < len; ++i) {
      char32_t c = Pick(50) ? odd[Below(sizeof odd / sizeof odd[0])] : pool[Below(static_cast<int>(pool.size()))];
      AppendUtf8(out, c);
    }
    return out;
  }

  std::mt19937 rng_;
  int n_ = 0;
};

}  // namespace fidelity::report::samples
