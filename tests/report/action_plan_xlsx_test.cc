// action_plan.xlsx written in memory (pipeline/report/action_plan.cc, issue
// 13): its XML parts are those libxlsxwriter 1.1.4 wrote, byte for byte —
// against a committed reference (samples/2026 fuji-04, made by
// libxlsxwriter) and against libxlsxwriter itself, run here on edge cases
// and random models (the old writer is kept below as the oracle); text
// libxlsxwriter got wrong is now right; the workbook opens in openpyxl
// (values, drop-downs, frozen panes, print titles) and LibreOffice converts
// it.
#include "pipeline/report/action_plan.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "pipeline/core/fs.h"
#include "pipeline/core/json.h"
#include "pipeline/core/problem.h"
#include "pipeline/core/text.h"  // random_models.h needs AppendUtf8
#include "tests/report/random_models.h"
#include "tests/report/sample_models.h"
#include "tests/test_util.h"

namespace fidelity::report {
namespace {

using Parts = std::map<std::string, std::string>;

Parts Unzip(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_CHECKCONS | ZIP_RDONLY, &err) : nullptr;
  EXPECT_NE(z, nullptr) << zip_error_strerror(&err);
  Parts parts;
  if (!z) return parts;
  for (zip_int64_t i = 0, n = zip_get_num_entries(z, 0); i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(z, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (!data.empty()) EXPECT_EQ(zip_fread(f, data.data(), data.size()), static_cast<zip_int64_t>(data.size()));
    char more;
    EXPECT_EQ(zip_fread(f, &more, 1), 0);
    EXPECT_EQ(zip_fclose(f), 0) << st.name << ": CRC or data error";
    parts[st.name] = std::move(data);
  }
  zip_discard(z);
  return parts;
}

// ---- the old writer (libxlsxwriter), as it was at commit 33b3ead ----
namespace legacy {

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string t;
  while (std::getline(ss, t, ',')) out.push_back(t);
  return out;
}

struct Formats {
  lxw_format *head, *wrap, *center, *title, *priority;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{};
  f.head = workbook_add_format(wb);
  format_set_bold(f.head);
  format_set_bg_color(f.head, 0xDDEBF7);
  format_set_border(f.head, LXW_BORDER_THIN);
  format_set_text_wrap(f.head);
  format_set_align(f.head, LXW_ALIGN_VERTICAL_CENTER);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_border(f.wrap, LXW_BORDER_THIN);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_unlocked(f.wrap);
  f.center = workbook_add_format(wb);
  format_set_border(f.center, LXW_BORDER_THIN);
  format_set_align(f.center, LXW_ALIGN_CENTER);
  format_set_align(f.center, LXW_ALIGN_VERTICAL_TOP);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.priority = workbook_add_format(wb);
  format_set_text_wrap(f.priority);
  format_set_border(f.priority, LXW_BORDER_THIN);
  format_set_align(f.priority, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.priority, 0xFFF2CC);
  return f;
}

void Validations(lxw_worksheet* ws, const std::map<std::string, std::string>& t, int first, int last,
                 std::vector<std::string>& options) {
  lxw_data_validation target = {};
  target.validate = LXW_VALIDATION_TYPE_INTEGER;
  target.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  target.minimum_number = 1;
  target.maximum_number = 5;
  worksheet_data_validation_range(ws, first, 2, last, 2, &target);
  std::vector<char*> list;
  for (std::string& o : options) list.push_back(o.data());
  list.push_back(nullptr);
  lxw_data_validation check = {};
  check.validate = LXW_VALIDATION_TYPE_LIST;
  check.value_list = list.data();
  check.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
  worksheet_data_validation_range(ws, first, 7, last, 7, &check);
  lxw_data_validation due = {};
  due.validate = LXW_VALIDATION_TYPE_DATE;
  due.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
  due.minimum_datetime = {2000, 1, 1, 0, 0, 0};
  std::string prompt = t.at("due_prompt");
  due.input_message = prompt.data();
  worksheet_data_validation_range(ws, first, 6, last, 6, &due);
}

void Sheet(lxw_workbook* wb, const ReportModel& m, const std::map<std::string, std::string>& t) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.at("sheet").c_str());
  Formats f = MakeFormats(wb);
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 2, 2);
  const double widths[8] = {30, 9, 9, 44, 44, 14, 12, 22};
  for (int c = 0; c < 8; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
  std::string title = Fill(t.at("title"), {{"agency", m.agency.name}, {"cycle", m.agency.cycle}});
  worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
  const char* keys[8] = {"col_item", "col_now", "col_target", "col_criterion",
                         "col_action", "col_owner", "col_due", "col_check"};
  for (int c = 0; c < 8; ++c) worksheet_write_string(ws, 2, c, t.at(keys[c]).c_str(), f.head);
  worksheet_freeze_panes(ws, 3, 1);
  int row = 3;
  for (const ListEntry* e : PlanRows(m)) {
    bool priority = std::any_of(m.priorities.begin(), m.priorities.end(),
                                [&](const ListEntry& p) { return p.item_code == e->item_code; });
    std::string item = e->item_code + " " + e->item_name;
    if (priority) item = "【" + t.at("priority_mark") + "】" + item;
    worksheet_write_string(ws, row, 0, item.c_str(), priority ? f.priority : f.wrap);
    if (e->score) worksheet_write_number(ws, row, 1, *e->score, f.center);
    if (e->target) worksheet_write_number(ws, row, 2, *e->target, f.center);
    worksheet_write_string(ws, row, 3, e->next_step.c_str(), f.wrap);
    worksheet_write_string(ws, row, 4, e->hint.c_str(), f.wrap);
    for (int c = 5; c < 8; ++c) worksheet_write_blank(ws, row, c, f.wrap);
    ++row;
  }
  if (row > 3) {
    std::vector<std::string> options = SplitCommas(t.at("check_options"));
    Validations(ws, t, 3, row - 1, options);
  }
}

std::string ActionPlanXlsx(const ReportModel& model, const ReportTemplate& tmpl) {
  test::TempDir dir;
  std::filesystem::path path = dir / "plan.xlsx";
  lxw_workbook_options opt = {};
  std::string tmpdir = dir.path().string();
  opt.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  lxw_doc_properties props = {};
  std::string title = Fill(tmpl.action_plan.at("title"),
                           {{"agency", model.agency.name}, {"cycle", model.agency.cycle}});
  props.title = title.data();
  props.created = 1767225600;
  workbook_set_properties(wb, &props);
  Sheet(wb, model, tmpl.action_plan);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return ReadFile(path);
}

}  // namespace legacy

// The template's action_plan wording as the reference was made with it
// (templates/report.yaml of commit 33b3ead): the tests pin the writer, not
// the wording.
ReportTemplate Template() {
  ReportTemplate t;
  t.origin = "report.yaml";
  t.action_plan = {
      {"sheet", "行動計画"},
      {"title", "行動計画：{agency}（{cycle}）"},
      {"col_item", "項目"},
      {"col_now", "現在の得点"},
      {"col_target", "目標とする得点"},
      {"col_criterion", "次の段階の基準"},
      {"col_action", "取り組み"},
      {"col_owner", "担当者"},
      {"col_due", "期限"},
      {"col_check", "確認の方法"},
      {"priority_mark", "重点"},
      {"check_options", "次回のフィデリティ評価,支援記録の確認,ミーティングでの報告,スーパービジョンでの確認"},
      {"owner_prompt", "担当者の名前を記入してください"},
      {"due_prompt", "日付（例 2027/3/31）を記入してください"},
  };
  return t;
}

std::filesystem::path ReferenceDir() { return test::DataPath("report/action_plan_reference"); }

ReportModel ReferenceModel() {
  Json j = Json::Parse(test::Slurp(ReferenceDir() / "model.json"));
  ReportModel m;
  m.agency.name = j.get("agency")->as_string();
  m.agency.cycle = j.get("cycle")->as_string();
  for (const Json& r : j.get("rows")->items()) {
    ListEntry e;
    e.item_code = r.get("code")->as_string();
    e.item_name = r.get("name")->as_string();
    if (!r.get("score")->is_null()) e.score = static_cast<int>(r.get("score")->as_int());
    if (!r.get("target")->is_null()) e.target = static_cast<int>(r.get("target")->as_int());
    e.next_step = r.get("next_step")->as_string();
    e.hint = r.get("hint")->as_string();
    (r.get("priority")->as_bool() ? m.priorities : m.challenges).push_back(e);
  }
  return m;
}

void ExpectSameParts(const Parts& want, const Parts& got, const std::string& label) {
  std::vector<std::string> wn, gn;
  for (const auto& [n, _] : want) wn.push_back(n);
  for (const auto& [n, _] : got) gn.push_back(n);
  ASSERT_EQ(wn, gn) << label;
  for (const auto& [name, data] : want) {
    const std::string& g = got.at(name);
    if (g == data) continue;
    size_t at = std::mismatch(data.begin(), data.end(), g.begin(), g.end()).first - data.begin();
    size_t from = at > 60 ? at - 60 : 0;
    ADD_FAILURE() << label << ": " << name << " differs at byte " << at << "\n  libxlsxwriter: "
                  << data.substr(from, 160) << "\n  ours:          " << g.substr(from, 160);
  }
}

void ExpectWellFormed(const Parts& parts, const std::string& label) {
  for (const auto& [name, data] : parts) {
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size());
    EXPECT_TRUE(r) << label << ": " << name << ": " << r.description() << " at " << r.offset;
  }
}

ListEntry Row(std::string code, std::string name, std::optional<int> score, std::optional<int> target,
              std::string step, std::string hint) {
  ListEntry e;
  e.item_code = std::move(code);
  e.item_name = std::move(name);
  e.score = score;
  e.target = target;
  e.next_step = std::move(step);
  e.hint = std::move(hint);
  return e;
}

// ---- (a) the committed reference ----

TEST(ActionPlanXlsxTest, SampleAgencyPartsEqualLibxlsxwritersByteForByte) {
  Parts want;
  const std::filesystem::path dir = ReferenceDir() / "parts";
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir))
    if (f.is_regular_file()) want[f.path().lexically_relative(dir).generic_string()] = test::Slurp(f.path());
  ASSERT_EQ(want.size(), 10u);
  ReportModel m = ReferenceModel();
  ASSERT_EQ(PlanRows(m).size(), 24u);  // priorities and other items, past one 16-row block
  ExpectSameParts(want, Unzip(ActionPlanXlsx(m, Template())), "fuji-04");
}

// ---- against libxlsxwriter itself ----

struct Case {
  std::string label;
  ReportModel model;
  ReportTemplate tmpl;
};

std::vector<Case> EdgeCases() {
  std::vector<Case> cases;
  auto add = [&](std::string label, ReportModel m, ReportTemplate t = Template()) {
    cases.push_back({std::move(label), std::move(m), std::move(t)});
  };
  add("normal", samples::Normal());
  add("long texts", samples::LongText());
  add("provisional", samples::Provisional());
  ReportModel base = samples::Normal();
  {
    ReportModel m = base;
    m.priorities.clear();
    m.challenges.clear();
    add("no rows", m);
  }
  {
    ReportModel m = base;
    m.priorities.clear();
    m.challenges = {Row("II-1", "統合", std::nullopt, 4, "基準", "ヒント"), Row("II-2", "連携", 2, 3, "", "")};
    add("no priorities, first row without a score", m);
    m.challenges = {Row("II-1", "統合", std::nullopt, std::nullopt, "基準", "ヒント")};
    add("one row, no numbers", m);
    m.priorities = {Row("I-1", "ケースロード", 1, 2, "a", "b")};
    m.challenges = {};
    add("one priority row", m);
  }
  {
    ReportModel m = base;
    m.priorities.clear();
    m.challenges.clear();
    for (int i = 0; i < 40; ++i)
      (i % 7 == 0 ? m.priorities : m.challenges)
          .push_back(Row("X-" + std::to_string(i), "項目" + std::to_string(i % 5), i % 6, i % 5 + 1,
                         "同じ基準", i % 3 ? "同じヒント" : "期限"));  // repeated strings, one equal to a header
    add("40 rows, repeated strings", m);
  }
  {
    ReportModel m = base;
    m.agency.name = "A&B <病院> \"ひまわり\" 'x'  ";
    m.agency.cycle = "\t2026年度\n";
    m.priorities = {Row("I-1", "名前 & <b>", 1, 2, " 先頭の空白", "末尾の空白 "),
                    Row("I-2", "タブ\tと改行\nと復帰\rと制御\x01\x0b\x1f\x7f", 2, 3, "\t", "\n"),
                    Row("I-3", "絵文字😀と\U00020BB7と\uFFFDと\u200B", 3, 4, "\"引用\" 'と' &amp;", "<![CDATA[x]]>")};
    m.challenges = {Row("I-4", "", std::nullopt, std::nullopt, " ", "x")};
    add("escaping", m);
  }
  {
    ReportTemplate t = Template();
    t.action_plan["sheet"] = "Plan_1.x";  // needs no quotes in formulas
    add("plain sheet name", base, t);
    t.action_plan["sheet"] = "A'B & <C>";
    add("sheet name with a quote and markup", base, t);
  }
  {
    ReportTemplate t = Template();
    t.action_plan["check_options"] = "A&B,<c>,,d";
    t.action_plan["due_prompt"] = "日付 & \"時刻\" <必須>\n2行目";
    t.action_plan["title"] = "{agency}";
    add("list and prompt with markup", base, t);
    t.action_plan["check_options"] = std::string(256, 'x');
    t.action_plan["due_prompt"] = std::string(256, 'y');
    add("list and prompt past 255 characters", base, t);
    t.action_plan["check_options"] = std::string(255, 'x');
    t.action_plan["due_prompt"] = std::string(255, 'y');
    add("list and prompt at 255 characters", base, t);
    t.action_plan["check_options"] = "";
    t.action_plan["due_prompt"] = "";
    add("no list, empty prompt", base, t);
    t.action_plan["title"] = "";
    t.action_plan["col_due"] = "";
    add("empty title and header", base, t);
  }
  return cases;
}

TEST(ActionPlanXlsxTest, EdgeCasesEqualLibxlsxwriter) {
  for (const Case& c : EdgeCases()) {
    Parts ours = Unzip(ActionPlanXlsx(c.model, c.tmpl));
    ExpectSameParts(Unzip(legacy::ActionPlanXlsx(c.model, c.tmpl)), ours, c.label);
    ExpectWellFormed(ours, c.label);
  }
}

TEST(ActionPlanXlsxTest, RandomModelsEqualLibxlsxwriter) {
  samples::RandomModels random(20260113);
  for (int i = 0; i < 120; ++i) {
    ReportModel m = random.Next();
    std::string label = "random model " + std::to_string(i);
    Parts ours = Unzip(ActionPlanXlsx(m, Template()));
    ExpectSameParts(Unzip(legacy::ActionPlanXlsx(m, Template())), ours, label);
    ExpectWellFormed(ours, label);
    if (HasFailure()) break;
  }
}

// ---- where libxlsxwriter was wrong ----

TEST(ActionPlanXlsxTest, TextLibxlsxwriterGotWrongIsWellFormedAndKept) {
  ReportModel m = samples::Normal();
  m.agency.name = "制御\x01\x1b文字";  // libxlsxwriter wrote these raw into docProps/core.xml
  m.priorities = {Row("I-1", "名前", 1, 2, std::string("NUL\0の後", 10), "_x0041_ は文字どおり"),
                  Row("I-2", "壊れた\xff\xfeUTF-8", 2, 3, "\xEF\xBF\xBE", std::string(40000, 'z'))};
  m.challenges.clear();
  Parts p = Unzip(ActionPlanXlsx(m, Template()));
  ExpectWellFormed(p, "hostile text");
  const std::string& core = p["docProps/core.xml"];
  EXPECT_NE(core.find("<dc:title>行動計画：制御文字（2026年度）</dc:title>"), std::string::npos) << core;
  const std::string& sst = p["xl/sharedStrings.xml"];
  EXPECT_NE(sst.find("<t>行動計画：制御_x0001__x001B_文字（2026年度）</t>"), std::string::npos) << sst;
  EXPECT_NE(sst.find("<t>NULの後</t>"), std::string::npos);            // libxlsxwriter cut at the NUL
  EXPECT_NE(sst.find("<t>_x005F_x0041_ は文字どおり</t>"), std::string::npos);  // not read back as "A"
  EXPECT_NE(sst.find("<t>【重点】I-2 壊れた\xEF\xBF\xBD\xEF\xBF\xBDUTF-8</t>"), std::string::npos);
  EXPECT_NE(sst.find("<t>_xFFFE_</t>"), std::string::npos);
  EXPECT_NE(sst.find("<t>" + std::string(32767, 'z') + "</t>"), std::string::npos);  // cut, not dropped
  EXPECT_EQ(sst.find(std::string(32768, 'z')), std::string::npos);
}

TEST(ActionPlanXlsxTest, SheetNameExcelRefusesIsAJapaneseTemplateError) {
  for (std::string bad : {std::string(""), std::string("a/b"), std::string("計画[1]"), std::string("'計画"),
                          std::string("計画'"), std::string(32, 'x'), std::string("タブ\tあり")}) {
    ReportTemplate t = Template();
    t.action_plan["sheet"] = bad;
    Problem p = test::ProblemOf([&] { ActionPlanXlsx(samples::Normal(), t); });
    EXPECT_EQ(p.code, "template.action_plan") << bad;
    EXPECT_EQ(p.where, "report.yaml");
    EXPECT_NE(p.message.find("シート名"), std::string::npos) << p.message;
  }
  ReportTemplate t = Template();
  t.action_plan["sheet"] = std::string(31, 'x');
  EXPECT_NO_THROW(ActionPlanXlsx(samples::Normal(), t));
}

TEST(ActionPlanXlsxTest, SameModelGivesTheSameBytes) {
  ReportModel m = samples::Normal();
  EXPECT_EQ(ActionPlanXlsx(m, Template()), ActionPlanXlsx(m, Template()));
}

// ---- (b) real readers ----

ReportModel MixedModel() {
  ReportModel m = samples::Normal();
  m.priorities = {Row("II-1", "精神保健支援と就労支援の統合", 2, 3, "月2回話し合う", "議題に入れる")};
  m.challenges = {Row("II-1", "精神保健支援と就労支援の統合", 2, 3, "月2回話し合う", "議題に入れる"),
                  Row("III-2", "障害の開示 & 説明", 3, 4, "利用者と <話し合う>", "記録に残す"),
                  Row("III-5", "個別化された求職活動", std::nullopt, std::nullopt, "", "本人の希望に沿う"),
                  Row("III-7", "文字どおりの_x0041_", 3, 4, "", "")};  // not read back as "A"
  return m;
}

TEST(ActionPlanXlsxTest, OpensInOpenpyxl) {
  test::TempDir dir;
  WriteNewFile(dir / "plan.xlsx", ActionPlanXlsx(MixedModel(), Template()));
  std::ofstream(dir / "check.py") << R"(import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
print("sheet", ws.title)
print("freeze", ws.freeze_panes)
print("titles", ws.print_title_rows)
print("page", ws.page_setup.orientation, ws.page_setup.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage)
for row in ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True):
    print("row", list(row))
for dv in ws.data_validations.dataValidation:
    print("dv", dv.type, dv.operator, dv.errorStyle, str(dv.sqref), dv.formula1, dv.formula2, dv.prompt)
print("title", wb.properties.title)
)";
  auto r = test::RunShell("/usr/bin/python3 " + test::Q(dir / "check.py") + " " + test::Q(dir / "plan.xlsx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string expected =
      "sheet 行動計画\n"
      "freeze B4\n"
      "titles $3:$3\n"
      "page landscape 9 True\n"
      "row ['行動計画：就労支援センターはままつ（2026年度）', None, None, None, None, None, None, None]\n"
      "row ['項目', '現在の得点', '目標とする得点', '次の段階の基準', '取り組み', '担当者', '期限', '確認の方法']\n"
      "row ['【重点】II-1 精神保健支援と就労支援の統合', 2, 3, '月2回話し合う', '議題に入れる', None, None, None]\n"
      "row ['III-2 障害の開示 & 説明', 3, 4, '利用者と <話し合う>', '記録に残す', None, None, None]\n"
      "row ['III-5 個別化された求職活動', None, None, None, '本人の希望に沿う', None, None, None]\n"
      "row ['III-7 文字どおりの_x0041_', 3, 4, None, None, None, None, None]\n"
      "dv whole None None C4:C7 1 5 None\n"
      "dv list None information H4:H7 \"次回のフィデリティ評価,支援記録の確認,ミーティングでの報告,スーパービジョンでの確認\" "
      "None None\n"
      "dv date greaterThan None G4:G7 0 None 日付（例 2027/3/31）を記入してください\n"
      "title 行動計画：就労支援センターはままつ（2026年度）\n";
  // Row 2 is empty (no cells): openpyxl lists it as Nones.
  std::string without_blank_rows;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line != "row [None, None, None, None, None, None, None, None]") without_blank_rows += line + "\n";
  EXPECT_EQ(without_blank_rows, expected);
}

TEST(ActionPlanXlsxTest, LibreOfficeConvertsItToCsv) {
  if (test::RunShell("command -v soffice").exit_code != 0) GTEST_SKIP() << "soffice is not installed";
  test::TempDir dir;
  WriteNewFile(dir / "plan.xlsx", ActionPlanXlsx(MixedModel(), Template()));
  auto r = test::RunShell("cd " + test::Q(dir.path()) + " && timeout 120 soffice -env:UserInstallation=file://" +
                          (dir / "profile").string() +
                          " --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir " +
                          test::Q(dir / "csv") + " plan.xlsx");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  ASSERT_TRUE(std::filesystem::exists(dir / "csv" / "plan.csv")) << r.out << r.err;
  std::string csv = test::Slurp(dir / "csv" / "plan.csv");
  // Text cells quoted, numbers not.
  for (const char* line : {
           "\"行動計画：就労支援センターはままつ（2026年度）\",,,,,,,\n",
           "\"項目\",\"現在の得点\",\"目標とする得点\",\"次の段階の基準\",\"取り組み\",\"担当者\",\"期限\",\"確認の方法\"\n",
           "\"【重点】II-1 精神保健支援と就労支援の統合\",2,3,\"月2回話し合う\",\"議題に入れる\",,,\n",
           "\"III-2 障害の開示 & 説明\",3,4,\"利用者と <話し合う>\",\"記録に残す\",,,\n",
           "\"III-5 個別化された求職活動\",,,,\"本人の希望に沿う\",,,\n",
           "\"III-7 文字どおりの_x0041_\",3,4,,,,,\n"})
    EXPECT_NE(csv.find(line), std::string::npos) << line << "\n" << csv;
}

}  // namespace
}  // namespace fidelity::report
