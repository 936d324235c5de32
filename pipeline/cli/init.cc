#include "pipeline/cli/init.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "pipeline/batch/manifest_blanks.h"
#include "pipeline/core/fs.h"
#include "pipeline/core/text.h"
#include "pipeline/core/yaml.h"
#include "pipeline/crypto/offcrypto.h"
#include "pipeline/review/load_review.h"
#include "pipeline/review/sheet_layout.h"
#include "pipeline/survey/layout.h"
#include "pipeline/survey/reader.h"
#include "pipeline/xlsx/xlsx_reader.h"

namespace fs = std::filesystem;

namespace fidelity {
namespace {

// templates/init_cycle.yaml: key -> text.
class Wording {
 public:
  Wording() {
    auto path = DataDir() / "templates" / "init_cycle.yaml";
    YAML::Node n;
    try {
      n = ReadYamlFile(path, path.filename().string(), {"config"}).root;  // the one strict loader
    } catch (const YAML::Exception& e) {
      throw InputError("config.init", path.filename().string(), "YAML として読めません");
    }
    for (auto it = n.begin(); it != n.end(); ++it) text_[it->first.Scalar()] = it->second.Scalar();
  }
  std::string operator()(const std::string& key, const std::string& k1 = "", const std::string& v1 = "") const {
    auto it = text_.find(key);
    std::string s = it == text_.end() ? "" : it->second;
    if (!k1.empty())
      for (size_t at; (at = s.find(k1)) != std::string::npos;) s.replace(at, k1.size(), v1);
    return s;
  }

 private:
  std::map<std::string, std::string> text_;
};

// A YAML double-quoted scalar.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool IsConsensus(const fs::path& file) { return Nfkc(file.stem().string()).find("合議") != std::string::npos; }

bool IsPasswordFile(const fs::path& file) {
  std::string stem = Lower(Nfkc(file.stem().string()));
  return Lower(file.extension().string()) == ".txt" &&
         (stem.find("password") != std::string::npos || stem.find("パスワード") != std::string::npos);
}

void AddReviewFile(const fs::path& file, const std::string& rel, InitAgency& a) {
  if (IsConsensus(file)) a.consensus = rel;
  else a.reviews.push_back(rel);
}

// One .xlsx/.xlsm: a reviewer score sheet, or (the rest) a pre-survey
// workbook whose name and 記載日 are read when it opens without a password.
void ClassifyWorkbook(const fs::path& file, const std::string& rel, const std::string& sheet_name,
                      const WorkbookLayout& layout, InitAgency& a, Problems* notes) {
  std::string bytes;
  try {
    bytes = ReadFile(file, 64u << 20);
  } catch (const InputError& e) {
    notes->push_back(Warning("init.unreadable", rel, e.problem().message));
    return;
  }
  bool encrypted = LooksLikeOleCompound(bytes);
  std::optional<Workbook> wb;
  if (!encrypted) {
    try {
      wb = ReadXlsx(bytes, file.filename().string());
    } catch (const InputError& e) {
      notes->push_back(Warning("init.unreadable", rel, e.problem().message));
    }
  }
  if (wb && wb->find(sheet_name)) {
    AddReviewFile(file, rel, a);
    return;
  }
  if (!a.workbook.empty()) {
    a.other_workbooks.push_back(rel);
    return;
  }
  a.workbook = rel;
  a.encrypted = encrypted;
  if (!wb) return;
  Survey s = ReadSurvey(*wb, layout, file.filename().string());
  if (!Trim(s.agency_name).empty()) a.name = Trim(s.agency_name);
  if (s.record_date) a.record_date = s.record_date->Iso();
}

InitAgency ScanAgency(const fs::path& dir, const std::string& sheet_name, const WorkbookLayout& layout,
                      Problems* notes) {
  InitAgency a;
  a.folder = dir.filename().string();
  a.id = a.folder;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.' && e.path().filename().string()[0] != '~')
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string rel = a.folder + "/" + f.filename().string();
    std::string ext = Lower(f.extension().string());
    if (ext == ".xlsx" || ext == ".xlsm") ClassifyWorkbook(f, rel, sheet_name, layout, a, notes);
    else if (ext == ".yaml" || ext == ".yml") AddReviewFile(f, rel, a);
    else if (IsPasswordFile(f)) a.password_file = rel;
  }
  if (a.name.empty()) a.name = a.folder, a.name_from_folder = true;
  return a;
}

}  // namespace

std::string SuggestId(const std::string& folder) {
  std::string id;
  for (char c : Lower(Nfkc(folder))) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (ok) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

std::vector<InitAgency> ScanCycleFolder(const fs::path& folder, Problems* notes) {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(folder)) {
    std::string n = e.path().filename().string();
    if (e.is_directory() && n[0] != '.' && n != "out") dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  std::string sheet = LoadReviewerSheetLayout().sheet;
  WorkbookLayout layout = DefaultLayout();
  std::vector<InitAgency> out;
  std::set<std::string> ids;
  int unnamed = 0;
  for (const auto& d : dirs) {
    InitAgency a = ScanAgency(d, sheet, layout, notes);
    if (SuggestId(a.folder) != a.folder || ids.count(a.id)) {
      std::string s = SuggestId(a.folder);
      char buf[32];
      while (s.empty() || ids.count(s)) std::snprintf(buf, sizeof buf, "agency-%02d", ++unnamed), s = buf;
      notes->push_back(Warning("init.id", a.folder,
                               "フォルダ名「" + a.folder + "」は id（半角英小文字・数字・ハイフン）に使えないため、id「" + s +
                                   "」としました。フォルダ名を " + s + " に変えるか、cycle.yaml の id を書き直してください"));
      a.id = s;
      a.id_suggested = true;
    }
    ids.insert(a.id);
    if (a.workbook.empty())
      notes->push_back(Warning("init.no_workbook", a.folder, "事前調査票（.xlsx）が見つかりません"));
    if (!a.other_workbooks.empty())
      notes->push_back(Warning("init.many_workbooks", a.folder,
                               "事前調査票らしいファイルが複数あります。" + a.workbook + " を使います"));
    if (a.reviews.empty() && a.consensus.empty())
      notes->push_back(Warning("init.no_reviews", a.folder, "評価者のファイル（YAML または 評価シート.xlsx）がありません"));
    out.push_back(std::move(a));
  }
  return out;
}

std::string AgencyEntriesYaml(const std::vector<InitAgency>& agencies) {
  Wording W;
  std::string blank = kInitBlank, s;
  for (const auto& a : agencies) {
    s += "\n  - id: " + a.id + "\n";
    if (a.id_suggested) s += "    " + W("id_renamed", "{folder}", a.folder) + "\n";
    s += "    name: " + Quote(a.name) + "  " + W(a.name_from_folder ? "name_from_folder" : "name_comment") + "\n";
    s += "    type: " + blank + "  " + W("type_comment") + "\n";
    s += "    survey_date: " + blank + "  " + W("survey_date_comment") + "\n";
    s += "    " + (a.record_date.empty() ? W("record_date_missing") : W("record_date_comment", "{date}", a.record_date)) +
         "\n";
    if (a.workbook.empty()) s += "    workbook: " + blank + "  " + W("workbook_missing") + "\n";
    else s += "    workbook: " + Quote(a.workbook) + "  " + W("workbook_comment") + "\n";
    if (!a.other_workbooks.empty()) {
      std::string list;
      for (const auto& o : a.other_workbooks) list += (list.empty() ? "" : ", ") + o;
      s += "    " + W("workbook_others", "{files}", list) + "\n";
    }
    if (!a.password_file.empty()) s += "    password_file: " + Quote(a.password_file) + "  " + W("password_file_comment") + "\n";
    else if (a.encrypted) s += "    # password_file: secrets/" + a.id + ".txt  " + W("password_comment") + "\n";
    if (a.reviews.empty()) {
      s += "    reviews: []  " + W("reviews_missing") + "\n";
    } else {
      s += "    reviews:  " + W("reviews_comment") + "\n";
      for (const auto& r : a.reviews) s += "      - " + Quote(r) + "\n";
    }
    if (!a.consensus.empty()) s += "    consensus: " + Quote(a.consensus) + "  " + W("consensus_comment") + "\n";
  }
  return s;
}

std::string CycleYaml(const fs::path& folder, const std::vector<InitAgency>& agencies) {
  Wording W;
  std::string name = fs::absolute(folder).lexically_normal().filename().string();
  if (name.empty()) name = fs::absolute(folder).lexically_normal().parent_path().filename().string();
  bool year = name.size() == 4 && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::string s = W("header", "{folder}", folder.string());
  s += W("cycle_comment") + "\n";
  s += "cycle: " + Quote(year ? name + "年度" : name) + "\n";
  s += W("previous_comment");
  s += W("agencies_comment") + "\n";
  s += "agencies:\n";
  s += AgencyEntriesYaml(agencies);
  return s;
}

namespace {

// The folders an existing cycle.yaml already uses (first component of each
// path) and its ids; nullopt (and a message) when it cannot be read.
bool ExistingAgencies(const std::string& text, std::set<std::string>* folders, std::set<std::string>* ids,
                      size_t* count) {
  YAML::Node root;
  try {
    root = ParseYamlText(text, "cycle.yaml", {"manifest"}).root;  // the one strict loader
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s: YAML として読めないため追記できません（%s）\n", e.problem().where.c_str(),
                 e.problem().message.c_str());
    return false;
  }
  YAML::Node list = root.IsMap() ? root["agencies"] : YAML::Node();
  *count = list && list.IsSequence() ? list.size() : 0;
  if (!list || !list.IsSequence()) return true;
  auto folder_of = [&](const YAML::Node& p) {
    if (p && p.IsScalar()) folders->insert(fs::path(p.Scalar()).begin()->string());
  };
  for (const auto& a : list) {
    if (!a.IsMap()) continue;
    if (a["id"] && a["id"].IsScalar()) ids->insert(a["id"].Scalar());
    folder_of(a["workbook"]);
    folder_of(a["consensus"]);
    if (a["reviews"] && a["reviews"].IsSequence())
      for (const auto& r : a["reviews"]) folder_of(r);
  }
  return true;
}

void PrintNotes(const Problems& notes) {
  for (const auto& p : notes) std::fprintf(stderr, "注意 %s: %s\n", p.where.c_str(), p.message.c_str());
}

int Update(const fs::path& folder, const fs::path& file, std::vector<InitAgency> scanned, const Problems& notes) {
  std::string text = ReadFile(file, 4u << 20);
  std::set<std::string> folders, ids;
  size_t before = 0;
  if (!ExistingAgencies(text, &folders, &ids, &before)) return 2;
  std::vector<InitAgency> fresh;
  for (auto& a : scanned) {
    if (folders.count(a.folder) || ids.count(a.id)) continue;
    fresh.push_back(std::move(a));
  }
  PrintNotes(notes);
  if (fresh.empty()) {
    std::printf("%s: 新しい機関のフォルダはありません（変更なし）\n", file.string().c_str());
    return 0;
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  std::string added = text + AgencyEntriesYaml(fresh);
  std::set<std::string> f2, i2;
  size_t after = 0;
  if (!ExistingAgencies(added, &f2, &i2, &after) || after != before + fresh.size()) {
    std::fprintf(stderr, "fidelity: %s: agencies: の一覧がファイルの最後にないため追記できません。"
                         "agencies: を最後に移してから もう一度実行してください\n", file.string().c_str());
    return 2;
  }
  WriteFileAtomic(file, added);
  std::printf("%s に %zu 機関を追記しました:", file.string().c_str(), fresh.size());
  for (const auto& a : fresh) std::printf(" %s", a.id.c_str());
  std::printf("\n「未記入」の欄（type・survey_date）を埋めてから fidelity run %s を実行してください\n",
              folder.string().c_str());
  return 0;
}

}  // namespace

int CmdInit(const fs::path& folder, bool update) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    std::fprintf(stderr, "fidelity: %s はフォルダではありません\n", folder.string().c_str());
    return 2;
  }
  fs::path file = folder / "cycle.yaml";
  bool exists = fs::exists(file, ec);
  if (exists && !update) {
    std::fprintf(stderr, "fidelity: %s は既にあります（上書きしません）。新しい機関のフォルダを追記するには "
                         "fidelity init %s --update\n", file.string().c_str(), folder.string().c_str());
    return 1;
  }
  try {
    Problems notes;
    std::vector<InitAgency> agencies = ScanCycleFolder(folder, &notes);
    if (exists) return Update(folder, file, std::move(agencies), notes);
    PrintNotes(notes);
    if (agencies.empty()) {
      std::fprintf(stderr, "fidelity: %s に機関のフォルダがありません（機関ごとに1つのフォルダに"
                           "事前調査票と評価シートを入れてください）\n", folder.string().c_str());
      return 2;
    }
    WriteFileAtomic(file, CycleYaml(folder, agencies));
    std::printf("%s を書きました（%zu 機関）。\n「未記入」の欄（type・survey_date）を埋めてから fidelity run %s "
                "を実行してください\n", file.string().c_str(), agencies.size(), folder.string().c_str());
  } catch (const InputError& e) {
    std::fprintf(stderr, "fidelity: %s: %s\n", e.problem().where.c_str(), e.problem().message.c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fidelity: %s を書けません（%s）\n", file.string().c_str(), e.what());
    return 2;
  }
  return 0;
}

}  // namespace fidelity
