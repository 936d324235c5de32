#include "pipeline/scoring/score_agency.h"

#include <algorithm>
#include <set>

#include "pipeline/scoring/checklist.h"
#include "pipeline/scoring/computed_items.h"
#include "pipeline/scoring/consensus.h"
#include "pipeline/scoring/diversity.h"

namespace fidelity {

const char* ScoreSourceName(ScoreSource s) {
  switch (s) {
    case ScoreSource::kWorkbook: return "workbook";
    case ScoreSource::kRecords: return "records";
    case ScoreSource::kChecklist: return "checklist";
    case ScoreSource::kReviewers: return "reviewers";
    case ScoreSource::kOverride: return "override";
  }
  return "reviewers";
}

const ItemScore* AgencyScores::Find(const std::string& code) const {
  for (const auto& i : items)
    if (i.code == code) return &i;
  return nullptr;
}
const SubtotalScore* AgencyScores::Subtotal(const std::string& key) const {
  for (const auto& s : subtotals)
    if (s.key == key) return &s;
  return nullptr;
}
std::optional<int> PreviousScores::Item(const std::string& code) const {
  for (const auto& [c, v] : items)
    if (c == code) return v;
  return std::nullopt;
}

namespace {

std::string S(int n) { return std::to_string(n); }

// One file's score for one item.
struct FileScore {
  std::optional<int> score;
  bool from_checks = false;
  std::string ticks;
};

class Scorer {
 public:
  Scorer(const Survey& survey, const std::vector<ReviewerFile>& reviewers, const ReviewerFile* consensus,
         const Instrument& ins)
      : survey_(survey), reviewers_(reviewers), consensus_(consensus), ins_(ins) {}

  AgencyScores Run(const PreviousScores* previous) {
    AgencyScores out;
    out.problems = survey_.problems;
    for (const auto& r : reviewers_) out.problems.insert(out.problems.end(), r.problems.begin(), r.problems.end());
    if (consensus_) out.problems.insert(out.problems.end(), consensus_->problems.begin(), consensus_->problems.end());
    Names();
    out.reviewer_names = names_;

    std::vector<std::vector<int>> per_item;
    for (const auto& item : ins_.items) {
      std::vector<int> given;
      out.items.push_back(ScoreItem(item, given));
      per_item.push_back(std::move(given));
    }
    out.agreement = ComputeAgreement(per_item);
    Totals(out);
    Goi(out);
    Lists(out);
    if (previous) out.previous = *previous;
    out.problems.insert(out.problems.end(), own_.begin(), own_.end());
    return out;
  }

 private:
  // Unique display names, in file order.
  void Names() {
    std::set<std::string> seen;
    for (const auto& r : reviewers_) {
      std::string name = r.reviewer;
      for (int k = 2; seen.count(name); ++k) name = r.reviewer + "（" + S(k) + "）";
      if (name != r.reviewer)
        own_.push_back(Warning("scoring.duplicate_reviewer", r.file,
                               "評価者名「" + r.reviewer + "」が複数のファイルにあるため「" + name + "」としました"));
      seen.insert(name);
      names_.push_back(name);
    }
    if (consensus_) consensus_name_ = consensus_->reviewer;
  }

  FileScore Effective(const Item& item, const ReviewerFile& file, const std::map<std::string, int>& computed_ticks) {
    FileScore fs;
    const ReviewerItem* ri = file.Find(item.code);
    if (!ri) return fs;
    std::optional<int> derived;
    bool any_flag = false;
    for (const auto& [k, v] : ri->flags) any_flag = any_flag || v;
    if (item.source == ItemSource::kChecklist && (ri->has_checks || any_flag)) {
      std::map<std::string, int> ticks = ri->checks;
      for (const auto& [k, v] : computed_ticks) ticks[k] = v;
      derived = ScoreChecklist(item, ticks, ri->flags);
      fs.ticks = TickedKeys(item, ticks, ri->flags);
    }
    if (ri->score) {
      if (derived && *derived != *ri->score)
        own_.push_back(Warning("scoring.score_checks_differ", file.Where(ri->score_line ? ri->score_line : ri->line),
                               item.code + ": score " + S(*ri->score) + " とチェックから求めた得点 " + S(*derived) +
                                   " が違うため、score を使います"));
      fs.score = ri->score;
    } else if (derived) {
      fs.score = derived;
      fs.from_checks = true;
    }
    return fs;
  }

  ItemScore ScoreItem(const Item& item, std::vector<int>& given) {
    ItemScore s;
    s.code = item.code;
    std::map<std::string, int> computed_ticks;
    if (item.source == ItemSource::kChecklist) computed_ticks = ComputedTicks(item, survey_, ins_);

    std::vector<FileScore> fs;
    std::vector<std::optional<int>> rv;
    for (size_t k = 0; k < reviewers_.size(); ++k) {
      fs.push_back(Effective(item, reviewers_[k], computed_ticks));
      rv.push_back(fs.back().score);
      if (fs.back().score) {
        s.reviewers.emplace_back(names_[k], *fs.back().score);
        given.push_back(*fs.back().score);
      }
    }
    FileScore cs;
    if (consensus_) cs = Effective(item, *consensus_, computed_ticks);
    s.consensus = cs.score;
    if (consensus_)
      if (const ReviewerItem* ri = consensus_->Find(item.code); ri && !ri->note.empty())
      {
        s.notes.push_back(consensus_name_ + ": " + ri->note);
        s.note_texts.push_back(ri->note);
        s.consensus_note = true;
      }
    for (size_t k = 0; k < reviewers_.size(); ++k)
      if (const ReviewerItem* ri = reviewers_[k].Find(item.code); ri && !ri->note.empty()) {
        s.notes.push_back(names_[k] + ": " + ri->note);
        if (std::find(s.note_texts.begin(), s.note_texts.end(), ri->note) == s.note_texts.end())
          s.note_texts.push_back(ri->note);
      }
    s.flag = ReviewersDiffer(given);

    Resolution<int> res = Resolve(cs.score, rv);
    bool explained = false;  // a problem already says why the item is missing

    if (item.is_computed()) {
      bool counts_unresolved = false;
      Computed c = item.reviewer_count.empty() ? ScoreComputedItem(item, survey_, ins_)
                                               : WithReviewerCount(item, s, &counts_unresolved);
      own_.insert(own_.end(), c.problems.begin(), c.problems.end());
      explained = !c.problems.empty();
      s.value = c.value;
      if (c.needs_reviewers) {
        s.source = ScoreSource::kReviewers;
        if (res.value) {
          const auto& allowed = item.interview_scores;
          if (!allowed.empty() && survey_.records.present &&
              std::find(allowed.begin(), allowed.end(), *res.value) == allowed.end()) {
            own_.push_back(Warning("scoring.interview_score", WhereOf(item, res.from),
                                   item.code + ": 計算シート2で確認できたサービスが" + S(item.scores_by_count.scores.begin()->first) +
                                       "つ未満のため、得点は" + Join(allowed) + "のいずれかです（" + S(*res.value) +
                                       "）。この項目は未確定です"));
            explained = true;
          } else {
            s.score = res.value;
          }
        } else if (!res.disagreement && !item.interview_scores.empty() && survey_.records.present) {
          own_.push_back(Warning("scoring.needs_interview", survey_.file,
                                 item.code + ": 計算シート2で確認できたサービスが" +
                                     S(item.scores_by_count.scores.begin()->first) + "つ未満（または空欄）のため、" +
                                     "インタビューによる評価者の得点（" + Join(item.interview_scores) + "）が必要です"));
          explained = true;
        }
      } else {
        s.source = s.reviewer_count ? ScoreSource::kReviewers
                   : item.source == ItemSource::kWorkbook ? ScoreSource::kWorkbook
                                                          : ScoreSource::kRecords;
        s.score = counts_unresolved ? std::nullopt : c.score;
        s.computed_score = c.score;
        Override(item, s);
        res.disagreement = false;  // the reviewers' spread does not make a computed item missing
      }
    } else {
      s.score = res.value;
      bool from_checks = false;
      std::string ticks;
      if (res.from == -2) {
        from_checks = cs.from_checks;
        ticks = cs.ticks;
      } else if (res.from >= 0) {
        from_checks = fs[res.from].from_checks;
        ticks = fs[res.from].ticks;
      }
      s.source = from_checks ? ScoreSource::kChecklist : ScoreSource::kReviewers;
      if (from_checks) s.value_text = ticks;
    }

    if (!s.score && !explained) {
      if (res.disagreement) {
        std::string list;
        for (const auto& [name, v] : s.reviewers) list += (list.empty() ? "" : "、") + name + " " + S(v);
        own_.push_back(Warning("scoring.unresolved", reviewers_.empty() ? survey_.file : WhereOf(item, 0),
                               item.code + ": 評価者の得点が一致せず（" + list + "）、合議の得点もないため未確定です"));
      } else {
        own_.push_back(Warning("scoring.no_score", consensus_ ? consensus_->file : (reviewers_.empty() ? survey_.file : reviewers_[0].file),
                               item.code + ": どの評価者ファイルにも得点がないため未確定です"));
      }
    }
    return s;
  }

  // III-8/III-9: the reviewers' `count` (the consensus file's, else the only
  // one, else the common one; with none in any file, 計算シート2's) replaces
  // the automatic count; counts that differ with no consensus leave the item
  // missing, like scores.
  Computed WithReviewerCount(const Item& item, ItemScore& s, bool* unresolved) {
    const bool employers = item.quantity == "employer_diversity";
    std::optional<int> cc;
    if (consensus_)
      if (const ReviewerItem* ri = consensus_->Find(item.code)) cc = ri->count;
    std::vector<std::optional<int>> rc;
    for (const auto& r : reviewers_) {
      const ReviewerItem* ri = r.Find(item.code);
      rc.push_back(ri ? ri->count : std::nullopt);
    }
    Resolution<int> res = Resolve(cc, rc);
    Computed automatic = ScoreDiversity(item, survey_, ins_, employers, std::nullopt);
    if (res.disagreement) {
      std::string list;
      for (size_t k = 0; k < rc.size(); ++k)
        if (rc[k]) list += (list.empty() ? "" : "、") + names_[k] + " " + S(*rc[k]);
      automatic.problems.push_back(Warning("scoring.count_unresolved", WhereOf(item, 0),
                                           item.code + ": 評価者の「" + item.reviewer_count + "」が一致せず（" + list +
                                               "）、合議ファイルにもないため未確定です"));
      *unresolved = true;
      return automatic;
    }
    if (!res.value) {  // no file gave a count: 計算シート2's, when the reviewers entered one there
      auto it = survey_.records.counts.find(item.code);
      if (it == survey_.records.counts.end()) return automatic;
      res.value = it->second;
      res.from = -3;
    }
    const int counted = CountDiversity(survey_, ins_, employers).counted;
    if (*res.value > counted) {
      automatic.problems.push_back(Warning("scoring.count_exceeds_rows", WhereOf(item, res.from),
                                           item.code + ": count " + S(*res.value) + " が調査票2の対象の行数（" +
                                               S(counted) + "）より多いため、自動で数えた数を使います"));
      return automatic;
    }
    s.reviewer_count = res.value;
    s.automatic_score = automatic.score;
    return ScoreDiversity(item, survey_, ins_, employers, res.value);
  }

  static std::string Join(const std::vector<int>& v) {
    std::string out;
    for (int x : v) out += (out.empty() ? "" : "か") + S(x);
    return out;
  }

  // file:line of the item in the deciding file (from: -2 consensus, k reviewer).
  std::string WhereOf(const Item& item, int from) const {
    if (from == -3) {  // 計算シート2's count
      auto it = survey_.records.count_where.find(item.code);
      return it == survey_.records.count_where.end() ? survey_.file : it->second;
    }
    const ReviewerFile* f = from == -2 ? consensus_ : (from >= 0 && from < static_cast<int>(reviewers_.size()) ? &reviewers_[from] : nullptr);
    if (!f) return survey_.file;
    const ReviewerItem* ri = f->Find(item.code);
    return f->Where(ri ? ri->line : 0);
  }

  // A computed item: a score with a note replaces the computed score.
  void Override(const Item& item, ItemScore& s) {
    auto with_note = [&](const ReviewerFile& f) -> std::optional<int> {
      const ReviewerItem* ri = f.Find(item.code);
      if (ri && ri->score && !ri->note.empty()) return ri->score;
      return std::nullopt;
    };
    auto warn_without_note = [&](const ReviewerFile& f) {
      const ReviewerItem* ri = f.Find(item.code);
      if (ri && ri->score && ri->note.empty() && s.computed_score && *ri->score != *s.computed_score)
        own_.push_back(Warning("scoring.override_without_note", f.Where(ri->score_line ? ri->score_line : ri->line),
                               item.code + ": 計算した得点（" + S(*s.computed_score) + "）と違う score " + S(*ri->score) +
                                   " には note（理由）がないため、計算した得点を使います"));
    };
    std::optional<int> ov;
    if (consensus_) {
      ov = with_note(*consensus_);
      warn_without_note(*consensus_);
    }
    std::vector<std::optional<int>> ovs;
    for (const auto& r : reviewers_) {
      ovs.push_back(with_note(r));
      warn_without_note(r);
    }
    if (!ov) {
      Resolution<int> r = Resolve(std::optional<int>(), ovs);
      if (r.disagreement)
        own_.push_back(Warning("scoring.override_disagree", WhereOf(item, 0),
                               item.code + ": 評価者による修正の得点が一致しないため、計算した得点を使います"));
      ov = r.value;
    }
    if (ov && s.computed_score && *ov != *s.computed_score) {
      s.score = ov;
      s.source = ScoreSource::kOverride;
      s.overridden = true;
    }  // nothing computed (no user row): the item stays missing, the error says why
  }

  void Totals(AgencyScores& out) {
    int sum = 0, missing = 0;
    for (const auto& sub : ins_.subscales) {
      SubtotalScore st;
      st.key = sub.key;
      int ssum = 0, smiss = 0;
      for (const auto& code : sub.items) {
        const ItemScore* is = out.Find(code);
        if (is && is->score) ssum += *is->score;
        else ++smiss;
      }
      if (smiss == 0) st.value = ssum;
      st.range = {ssum + smiss * ins_.score_min, ssum + smiss * ins_.score_max};
      out.subtotals.push_back(st);
    }
    for (const auto& is : out.items) {
      if (is.score) sum += *is.score;
      else {
        ++missing;
        out.missing.push_back(is.code);
      }
    }
    out.total_range = {sum + missing * ins_.score_min, sum + missing * ins_.score_max};
    out.provisional = missing > 0;
    if (!out.provisional) {
      out.total = sum;
      if (const TotalBand* b = ins_.BandFor(sum)) {
        out.band = b->key;
        out.band_label = b->label;
      }
    }
  }

  void Goi(AgencyScores& out) {
    for (const auto& g : ins_.goi) {
      GoiScore gs;
      gs.code = g.code;
      std::vector<std::optional<bool>> rv;
      for (size_t k = 0; k < reviewers_.size(); ++k) {
        auto it = reviewers_[k].goi.find(g.code);
        std::optional<bool> v = it == reviewers_[k].goi.end() ? std::nullopt : it->second;
        rv.push_back(v);
        if (it != reviewers_[k].goi.end()) gs.reviewers.emplace_back(names_[k], v);
      }
      if (g.computed) {
        gs.computed = true;
        gs.value = ScoreComputedGoi(g, survey_, ins_);
      } else {
        std::optional<bool> cv;
        if (consensus_) {
          auto it = consensus_->goi.find(g.code);
          if (it != consensus_->goi.end()) cv = it->second;
        }
        Resolution<bool> r = Resolve(cv, rv);
        gs.value = r.value;
        if (!gs.value)
          own_.push_back(Warning("scoring.goi_unresolved", survey_.file,
                                 g.code + ": " +
                                     (r.disagreement ? std::string("評価者の判断が一致せず、合議もないため")
                                                     : std::string("どの評価者ファイルにもないため")) +
                                     "未確定です（GOI合計には数えません）"));
      }
      if (gs.value && *gs.value) ++out.goi_total;
      out.goi.push_back(std::move(gs));
    }
  }

  // Strengths and challenges: the consensus file's lists when it gives
  // them, else the reviewers' lists merged in file order without repeats.
  void Lists(AgencyScores& out) {
    auto merge = [&](auto member) {
      std::vector<std::string> v;
      if (consensus_ && !(consensus_->*member).empty()) return consensus_->*member;
      std::set<std::string> seen;
      for (const auto& r : reviewers_)
        for (const auto& e : r.*member)
          if (seen.insert(e).second) v.push_back(e);
      return v;
    };
    out.strengths = merge(&ReviewerFile::strengths);
    out.challenges = merge(&ReviewerFile::challenges);
  }

  const Survey& survey_;
  const std::vector<ReviewerFile>& reviewers_;
  const ReviewerFile* consensus_;
  const Instrument& ins_;
  std::vector<std::string> names_;
  std::string consensus_name_;
  Problems own_;
};

}  // namespace

AgencyScores ScoreAgency(const Survey& survey, const std::vector<ReviewerFile>& reviewers,
                         const ReviewerFile* consensus, const Instrument& instrument,
                         const PreviousScores* previous, const ConsistencyRules* hints) {
  AgencyScores out = Scorer(survey, reviewers, consensus, instrument).Run(previous);
  if (hints) {
    Problems h = ConsistencyHints(*hints, survey, out, reviewers, consensus, instrument);
    out.problems.insert(out.problems.end(), h.begin(), h.end());
  }
  return out;
}

}  // namespace fidelity
