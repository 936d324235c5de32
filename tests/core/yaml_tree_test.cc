// ParseYamlText builds the node tree in the same pass that checks the file
// (issue 13: the text was parsed twice, once to check and once by
// YAML::Load). The tree must be the one YAML::Load gives: same types, tags,
// styles, scalars, order and lines, for every YAML file of the repository.
#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/core/yaml.h"
#include "pipeline/core/yaml_fast.h"

#include <cstdlib>
#include "tests/test_util.h"

namespace fidelity {
namespace {

namespace fs = std::filesystem;

void ExpectSame(const YAML::Node& a, const YAML::Node& b, const std::string& where) {
  ASSERT_EQ(a.Type(), b.Type()) << where;
  EXPECT_EQ(a.Tag(), b.Tag()) << where;
  // An empty value: libyaml places it on its key's line, yaml-cpp on the
  // next token's (core/yaml_fast.h).
  if (!(a.IsNull() && b.Mark().line <= a.Mark().line)) EXPECT_EQ(a.Mark().line, b.Mark().line) << where;
  // Columns: yaml-cpp counts bytes, libyaml characters; messages use lines only.
  if (a.IsScalar()) EXPECT_EQ(a.Scalar(), b.Scalar()) << where;
  if (a.IsSequence() || a.IsMap()) EXPECT_EQ(a.Style(), b.Style()) << where;
  if (a.IsSequence()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    for (size_t i = 0; i < a.size(); ++i) ExpectSame(a[i], b[i], where + "[" + std::to_string(i) + "]");
  }
  if (a.IsMap()) {
    ASSERT_EQ(a.size(), b.size()) << where;
    auto ia = a.begin(), ib = b.begin();
    for (; ia != a.end(); ++ia, ++ib) {
      YAML::Node ka = ia->first, kb = ib->first, va = ia->second, vb = ib->second;
      ExpectSame(ka, kb, where + " key");
      ExpectSame(va, vb, where + "." + (ka.IsScalar() ? ka.Scalar() : "?"));
      // Lookup by key works on the built tree as on the loaded one.
      if (ka.IsScalar()) EXPECT_TRUE(b[ka.Scalar()].IsDefined()) << where;
    }
  }
}

std::vector<fs::path> RepositoryYaml() {
  const fs::path repo = test::RepoPath();
  std::vector<fs::path> files;
  for (const char* dir : {"config", "templates", "samples", "tests/data"}) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(repo / dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file() && (it->path().extension() == ".yaml" || it->path().extension() == ".yml"))
        files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(YamlTree, EveryRepositoryFileGivesTheTreeYamlLoadGives) {
  int compared = 0;
  for (const fs::path& f : RepositoryYaml()) {
    if (f.string().find("/out/") != std::string::npos) continue;  // outputs of sample runs
    std::string text = test::Slurp(f);
    YAML::Node loaded;
    try {
      loaded = YAML::Load(text);
    } catch (const YAML::Exception&) {
      continue;  // a deliberately broken fixture
    }
    YamlDoc doc;
    try {
      doc = ParseYamlText(text, f.filename().string());
    } catch (const InputError&) {
      continue;  // refused by the strict rules (duplicate keys, aliases …)
    }
    if (!doc.notes.empty()) continue;  // converted from another encoding: Load saw other bytes
    ExpectSame(loaded, doc.root, f.string());
    ++compared;
  }
  EXPECT_GT(compared, 40);
}

TEST(YamlTree, TagsStylesNullsAndLinesOfHandWrittenForms) {
  const std::string text =
      "a: 1\n"
      "b: '1'\n"
      "c: \"x\\ty\"\n"
      "d: ~\n"
      "e:\n"
      "f: [1, 'two', {g: null}]\n"
      "h:\n"
      "  - i\n"
      "  - j: k\n"
      "    l: |\n"
      "      block\n"
      "      text\n"
      "m: !!str 5\n"
      "評価者: 山田\n";
  YAML::Node loaded = YAML::Load(text);
  YamlDoc doc = ParseYamlText(text, "t.yaml");
  ExpectSame(loaded, doc.root, "t.yaml");
  EXPECT_EQ(doc.root["b"].Tag(), "!");  // quoted: retention's yaml_source tells it from a plain 1
  EXPECT_EQ(doc.root["a"].Tag(), "?");
  EXPECT_TRUE(doc.root["d"].IsNull());
  EXPECT_TRUE(doc.root["e"].IsNull());
  EXPECT_EQ(YamlLine(doc.root["h"][1]["l"]), 10);
  EXPECT_EQ(doc.root["評価者"].as<std::string>(), "山田");
  EXPECT_EQ(YamlLine(doc.root["評価者"]), 14);
}

TEST(YamlTree, EmptyTextIsANullRootAsBefore) {
  YamlDoc doc = ParseYamlText("", "e.yaml");
  EXPECT_EQ(doc.root.Type(), YAML::Load("").Type());
  doc = ParseYamlText("# only a comment\n", "e.yaml");
  EXPECT_EQ(doc.root.Type(), YAML::Load("# only a comment\n").Type());
}

}  // namespace
}  // namespace fidelity

namespace fidelity {
namespace {

// Whenever the fast path (libyaml) accepts a text, yaml-cpp must accept it
// too and give the same tree: the fast path never lets through a file the
// strict loader refused before, nor reads one differently. Mutations of the
// repository's own YAML files, seeded; FIDELITY_YAML_DIFF_N for more.
TEST(YamlTree, MutatedFilesTheFastPathAcceptsReadTheSameWithYamlCpp) {
  const char* env = std::getenv("FIDELITY_YAML_DIFF_N");
  const int n = env ? std::atoi(env) : 3000;
  std::vector<std::string> texts;
  for (const fs::path& f : RepositoryYaml())
    if (f.string().find("/out/") == std::string::npos) texts.push_back(test::Slurp(f));
  ASSERT_FALSE(texts.empty());
  const std::string pieces[] = {":", " ", "-", "[", "]", "{", "}", "'", "\"", "\n", "#", ",", "?", "|",
                                ">", "  ", "- ", ": ", "\\", "\t", "…", "：", "null", "~", "%", "@", "`"};
  const char* seed = std::getenv("FIDELITY_YAML_DIFF_SEED");
  uint64_t state = seed ? std::strtoull(seed, nullptr, 10) : 12345;
  auto next = [&](uint64_t mod) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % mod;
  };
  int accepted = 0, compared = 0;
  for (int i = 0; i < n; ++i) {
    std::string t = texts[next(texts.size())];
    if (t.size() > 4000) t.resize(4000);
    for (int k = 0, edits = 1 + static_cast<int>(next(3)); k < edits && !t.empty(); ++k) {
      size_t at = next(t.size());
      while (at > 0 && (static_cast<unsigned char>(t[at]) & 0xC0) == 0x80) --at;  // whole characters
      if (next(2)) t.insert(at, pieces[next(std::size(pieces))]);
      else t.erase(at, 1 + next(3));
    }
    std::optional<YAML::Node> fast = ParseCleanYaml(t);
    if (!fast) continue;
    ++accepted;
    YAML::Node loaded;
    try {
      loaded = YAML::Load(t);
    } catch (const YAML::Exception& e) {
      ADD_FAILURE() << "libyaml accepted what yaml-cpp refuses (" << e.what() << "):\n" << t;
      continue;
    }
    ExpectSame(loaded, *fast, "mutation " + std::to_string(i));
    ++compared;
    if (HasFailure()) {
      ADD_FAILURE() << "text:\n" << t;
      break;
    }
  }
  EXPECT_GT(accepted, n / 10);
  EXPECT_EQ(compared, accepted);
}

}  // namespace
}  // namespace fidelity
