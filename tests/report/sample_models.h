// Report models filled in by hand (no scoring code): a normal agency, a
// provisional one, and one with very long texts. Used by the report tests
// and bench/report_bench.cc.
#pragma once
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/report/report_model.h"

namespace fidelity::report::samples {

struct ItemDef {
  const char* code;
  const char* name;
  int subscale;
};

inline const std::vector<ItemDef>& Items() {
  static const std::vector<ItemDef> items = {
      {"I-1", "ケースロードの大きさ", 0},
      {"I-2", "就労支援スペシャリスト", 0},
      {"I-3", "就労支援スペシャリストの提供するサービス", 0},
      {"II-1", "精神保健支援と就労支援の統合（組織構造）", 1},
      {"II-2", "精神保健支援と就労支援の統合（連携の質）", 1},
      {"II-3", "就労支援スペシャリストと職業リハビリテーションにおける支援スタッフとの連携", 1},
      {"II-4", "就労支援ユニット（就労支援スペシャリストのチーム）", 1},
      {"II-5", "就労支援ユニットのスーパーバイザーの役割", 1},
      {"II-6", "除外基準なし", 1},
      {"II-7", "機関が一丸となって利用者の一般雇用実現に重点的に取り組む", 1},
      {"II-8", "経営陣が援助付き雇用を支援する", 1},
      {"III-1", "社会保障に関する個別相談を提供する", 2},
      {"III-2", "障害の開示", 2},
      {"III-3", "継続的な職業的アセスメント", 2},
      {"III-4", "一般雇用のための迅速な求職活動", 2},
      {"III-5", "個別化された求職活動", 2},
      {"III-6", "職場開拓―頻繁な雇用担当窓口とのコンタクト", 2},
      {"III-7", "職場開拓―雇用主（企業担当者）とのコンタクトの質", 2},
      {"III-8", "職場開拓の多様性", 2},
      {"III-9", "雇用主の多様性", 2},
      {"III-10", "一般雇用", 2},
      {"III-11", "個別化された継続支援", 2},
      {"III-12", "期限のない継続支援", 2},
      {"III-13", "地域ベースのサービス", 2},
      {"III-14", "コンタクトが取れなくなった利用者へのアプローチ", 2},
  };
  return items;
}

// A plausible anchor text for "score + 1" (the instrument config holds the
// real ones; these only need to be long and Japanese).
inline std::string NextAnchor(const std::string& code, int next) {
  return code + "で" + std::to_string(next) +
         "点の基準：就労支援スペシャリストとケアマネジャーが利用者の就労支援に関連して、対面で定期的にミーティングを行い、その内容を記録に残している。";
}

inline ReportModel Normal() {
  ReportModel m;
  m.agency = {"hamamatsu-01", "就労支援センターはままつ", "地域事業所", "2026年10月12日",
              "2026年10月1日", "2026年度", {"山田 花子", "佐藤 次郎"}};
  m.subscales = {{"staffing", "スタッフ配置", 3, 0, 0, 0, 11},
                 {"organization", "組織", 8, 0, 0, 0, 26},
                 {"services", "サービス", 14, 0, 0, 0, 50}};
  const int scores[25] = {4, 5, 3, 2, 2, 4, 3, 4, 5, 3, 4, 3, 4, 3, 5, 4, 3, 4, 5, 5, 4, 4, 3, 3, 4};
  const int prev[25] = {3, 5, 3, 2, 1, 4, 3, 3, 5, 3, 3, 3, 4, 3, 4, 4, 3, 3, 5, 4, 4, 4, 3, 2, 4};
  const char* sources[25] = {"workbook", "workbook", "records", "reviewers", "checklist",
                             "reviewers", "reviewers", "checklist", "checklist", "checklist",
                             "checklist", "checklist", "checklist", "reviewers", "records",
                             "records", "reviewers", "checklist", "workbook", "workbook",
                             "workbook", "records", "checklist", "workbook", "checklist"};
  int sub[3] = {0, 0, 0}, total = 0;
  for (size_t i = 0; i < Items().size(); ++i) {
    const ItemDef& d = Items()[i];
    ItemRow r;
    r.code = d.code;
    r.name = d.name;
    r.subscale = d.subscale;
    r.score = scores[i];
    r.previous = prev[i];
    r.source = sources[i];
    sub[d.subscale] += scores[i];
    total += scores[i];
    m.items.push_back(r);
  }
  m.items[0].value = "ES 1人あたり 22.5人";
  m.items[0].notes = {"山田 花子: 常勤換算2.0人で45人を担当"};
  m.items[3].notes = {"山田 花子: ケアマネジャーとESの対面ミーティングは月1回程度",
                      "佐藤 次郎: 法人内の相談支援事業所と月例会議あり"};
  m.items[13].overridden = true;
  m.items[13].source = "override";
  m.items[13].notes = {"合議: 記録上は初回接触が遅いが、登録前から企業実習の調整をしていたため3点とした"};
  m.items[6].flagged = true;
  m.items[6].notes = {"山田 花子: 2点", "佐藤 次郎: 4点（スーパービジョンの実施をどう見るかで分かれた）"};
  for (int g = 0; g < 3; ++g) m.subscales[g].score = m.subscales[g].lo = m.subscales[g].hi = sub[g];
  m.subscales[0].previous = 11;
  m.subscales[1].previous = 26;
  m.subscales[2].previous = 50;
  m.total = total;
  m.total_lo = m.total_hi = total;
  m.band_key = "fair";
  m.band_label = "一定のフィデリティ";
  m.previous_total = 87;
  m.previous_band_label = "一定のフィデリティ";
  m.previous_cycle = "2025年度";
  const char* goi_names[10] = {
      "IPS型就労支援8つの原則の周知", "リハビリ志向・ストレングス志向の明文化された理念",
      "IPSを必要としている対象へのサービス（70%以上が精神障害）", "ESの就労支援業務への専従性",
      "ケアマネジャーの生活支援業務への専従性", "全ての利用者の個別の支援記録",
      "アウトカムモニタリングの実施", "フィデリティ調査の実施", "研修を受ける体制",
      "個別就労支援のプログラムアシスタント"};
  const int goi[10] = {1, 1, 1, 0, 1, 1, 0, 1, 1, -1};
  int goi_total = 0;
  for (int i = 0; i < 10; ++i) {
    GoiRow g{"G" + std::to_string(i + 1), goi_names[i], std::nullopt};
    if (goi[i] >= 0) g.met = goi[i] == 1;
    goi_total += goi[i] == 1;
    m.goi.push_back(g);
  }
  m.goi_total = goi_total;
  m.agreement_exact = 0.84;
  m.agreement_within_one = 0.96;
  m.strengths.push_back({"スタッフ全員が利用者の希望する仕事を第一に考えて支援している"});
  m.strengths.push_back({"企業との関係づくりに熱心で、雇用主からの信頼が厚い"});
  m.challenges.push_back({"ケアマネジャーとの対面ミーティングを週1回に増やすことを検討する"});
  for (const ItemRow& r : m.items) {
    bool rose = r.previous && *r.score > *r.previous;
    if (*r.score == 5 || rose) {
      ListEntry e{"", r.code, r.name, r.score, ""};
      e.rose = rose;
      m.strengths.push_back(e);
    }
  }
  for (const ItemRow& r : m.items) {
    if (*r.score > 3) continue;
    ListEntry e{"", r.code, r.name, r.score, NextAnchor(r.code, *r.score + 1)};
    e.target = *r.score + 1;
    e.hint = r.code + "の改善のヒント：週1回の短いミーティングを予定表に固定する";
    m.challenges.push_back(e);
  }
  // 重点課題: the two items at 2 and the first at 3 (the default rule).
  for (const ListEntry& e : m.challenges)
    if (e.score == 2) m.priorities.push_back(e);
  for (const ListEntry& e : m.challenges)
    if (e.score == 3 && m.priorities.size() < 3) m.priorities.push_back(e);
  m.glossary = {{"就労支援員", "尺度でいう就労支援スペシャリスト。"},
                {"ケアマネジャー（生活支援の担当者）", "生活を支える担当者です。"}};
  for (const ItemRow& r : m.items)
    if (r.previous && *r.previous != *r.score) m.changes.push_back({r.code, r.name, *r.previous, *r.score});
  m.problems.push_back(Warning("survey.iso_date", "調査票4!E12",
                               "日付が YYYY-MM-DD の形で書かれています（YYYY/MM/DD で記入してください）"));
  m.problems.push_back(Warning("survey.es_blank_hours", "調査票3!D7",
                               "ESの週の勤務時間が空欄のため0として計算しました"));
  return m;
}

inline ReportModel Provisional() {
  ReportModel m = Normal();
  m.agency.id = "iwata-02";
  m.agency.name = "いわた就労支援室";
  m.agency.type = "医療機関";
  m.items[2].score.reset();   // I-3
  m.items[14].score.reset();  // III-4
  m.provisional = true;
  m.total.reset();
  m.band_key.clear();
  m.band_label.clear();
  m.missing = {"I-3", "III-4"};
  int lo = 0, hi = 0;
  for (const ItemRow& r : m.items) {
    lo += r.score ? *r.score : 1;
    hi += r.score ? *r.score : 5;
  }
  m.total_lo = lo;
  m.total_hi = hi;
  m.subscales[0].score.reset();
  m.subscales[0].lo -= 2;
  m.subscales[0].hi += 2;
  m.subscales[2].score.reset();
  m.subscales[2].lo -= 4;
  m.subscales[2].hi += 0;
  m.strengths.erase(std::remove_if(m.strengths.begin(), m.strengths.end(),
                                   [](const ListEntry& e) { return e.item_code == "III-4"; }),
                    m.strengths.end());
  m.challenges.erase(std::remove_if(m.challenges.begin(), m.challenges.end(),
                                    [](const ListEntry& e) { return e.item_code == "I-3"; }),
                     m.challenges.end());
  m.changes.clear();
  for (const ItemRow& r : m.items)
    if (r.score && r.previous && *r.previous != *r.score)
      m.changes.push_back({r.code, r.name, *r.previous, *r.score});
  return m;
}

// Long names and long reviewer texts everywhere, and no previous cycle.
inline ReportModel LongText() {
  ReportModel m = Normal();
  m.agency.id = "long-03";
  m.agency.name =
      "社会福祉法人ながいなまえのほうじん　障害者就業・生活支援センター「ひかりとかぜとみらいのはたらくをささえるいえ」浜松市中央区分室（旧・浜北支援ステーション）";
  m.agency.reviewers = {"山田 花子", "佐藤 次郎", "鈴木 三郎（オブザーバー）", "高橋 四郎"};
  m.previous_total.reset();
  m.previous_cycle.clear();
  for (ItemRow& r : m.items) r.previous.reset();
  for (SubscaleRow& s : m.subscales) s.previous.reset();
  m.changes.clear();
  std::string para =
      "事業所では、利用者が登録した直後から就労支援スペシャリストが本人の希望を丁寧に聞き取り、"
      "ハローワーク（職業安定所）や地域の企業と連絡をとって、実際の職場を見学する機会をつくっている。"
      "一方で、ケアマネジャーとの情報共有は主に電話と記録の回覧で行われており、対面でのミーティングは月に1回程度にとどまっている。"
      "「定期的な対面の場」を設けることで、医療的な側面を考慮した生活支援と就労支援が一体となり、"
      "利用者の就労継続にもつながると考えられる。URLの例: https://example.org/ips/fidelity/report/2026/very-long-path-segment-without-breaks";
  std::string long_para;
  for (int i = 0; i < 6; ++i) long_para += para;
  m.items[3].notes = {"山田 花子: " + long_para, "佐藤 次郎: " + para};
  m.items[5].name += "（ハローワーク・障害者就業・生活支援センター・地域障害者職業センターとの連携を含む）";
  m.strengths.insert(m.strengths.begin(), {para});
  m.challenges.insert(m.challenges.begin(), {long_para});
  for (int i = 0; i < 12; ++i)
    m.problems.push_back(Warning("survey.long", "調査票4!F" + std::to_string(10 + i),
                                 "就職日が登録日より前になっています。" + para.substr(0, 120)));
  return m;
}

}  // namespace fidelity::report::samples
