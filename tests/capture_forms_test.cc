// A rule with loose forms reads its captures with its loose pattern, anchored
// at both ends of the match its own pattern found (rule_engine.h). The loose
// pattern matches that text whenever the rule's does, but RE2 could in
// principle split it differently among the groups. This test holds the
// engine to "never": on every text of the regression corpus and every rule
// example and counter, each match's captures read both ways are the same.
#include <dirent.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "text/text_normalizer.h"

namespace factx::internal {
namespace {

std::unique_ptr<RuleEngine> BuiltInEngine() {
  RuleSet rules;
  for (const BuiltinRuleFile& file : BuiltinRuleFiles()) {
    EXPECT_TRUE(ParseRuleText(file.text, file.path, &rules).ok()) << file.path;
  }
  auto engine = RuleEngine::Build(std::move(rules));
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

// The texts of every tests/corpus/*.jsonl document.
std::vector<std::string> CorpusTexts() {
  std::vector<std::string> texts;
  DIR* dir = opendir(FACTX_CORPUS_DIR);
  if (dir == nullptr) return texts;
  std::vector<std::string> files;
  while (dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() > 6 && name.substr(name.size() - 6) == ".jsonl")
      files.push_back(name);
  }
  closedir(dir);
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    std::ifstream in(std::string(FACTX_CORPUS_DIR) + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      rapidjson::Document doc;
      doc.Parse(line.data(), line.size());
      if (doc.HasParseError() || !doc.IsObject()) continue;
      if (doc.HasMember("text") && doc["text"].IsString()) {
        texts.emplace_back(doc["text"].GetString(),
                           doc["text"].GetStringLength());
      }
    }
  }
  return texts;
}

// Every match of every rule with a capture regex in `text` (normalized):
// the captures of the rule's own pattern and of its loose one. Returns the
// number of matches compared.
int CompareCaptures(const RuleEngine& engine, std::string_view text,
                    int* differences) {
  int compared = 0;
  const re2::StringPiece whole(text.data(), text.size());
  for (std::size_t id = 0; id < engine.size(); ++id) {
    const CompiledRule& rule = engine.rule(id);
    if (rule.capture_regex() == nullptr) continue;
    // The loose pattern has the rule's groups and, among them, its strict
    // parts (rule_file.h): own group g is loose group loose_group[g].
    const int groups = rule.regex().NumberOfCapturingGroups() + 1;
    const int loose_groups = rule.group_count() + 1;
    std::vector<int> loose_group = {0};
    for (int g = 1; g < loose_groups; ++g) {
      auto name = rule.capture_names().find(g);
      if (name == rule.capture_names().end() || !IsStrictPart(name->second))
        loose_group.push_back(g);
    }
    EXPECT_EQ(static_cast<int>(loose_group.size()), groups) << rule.spec().name;
    if (static_cast<int>(loose_group.size()) != groups) continue;
    std::vector<re2::StringPiece> own(groups), loose(loose_groups);
    std::size_t pos = 0;
    while (pos < text.size() &&
           rule.regex().Match(whole, pos, text.size(), RE2::UNANCHORED,
                              own.data(), groups)) {
      const std::size_t begin = own[0].data() - text.data();
      const std::size_t end = begin + own[0].size();
      ++compared;
      const bool matched = rule.capture_regex()->Match(
          whole, begin, end, RE2::ANCHOR_BOTH, loose.data(), loose_groups);
      bool same = matched;
      for (int g = 0; same && g < groups; ++g) {
        const re2::StringPiece& read = loose[loose_group[g]];
        same = own[g].data() == read.data() && own[g].size() == read.size();
      }
      if (!same && ++*differences <= 10) {
        ADD_FAILURE() << rule.spec().name << " reads \""
                      << std::string(own[0].data(), own[0].size())
                      << "\" differently with its loose pattern";
      }
      pos = end > begin ? end : begin + 1;
    }
  }
  return compared;
}

TEST(CaptureFormsTest, LoosePatternsReadTheSameCapturesAsTheRules) {
  const std::unique_ptr<RuleEngine> engine = BuiltInEngine();
  ASSERT_NE(engine, nullptr);
  Result<TextNormalizer> normalizer = TextNormalizer::Create();
  ASSERT_TRUE(normalizer.ok());

  std::vector<std::string> texts = CorpusTexts();
  ASSERT_GT(texts.size(), 500u) << "corpus not found in " << FACTX_CORPUS_DIR;
  for (const RuleSpec& spec : engine->rules().rules) {
    for (const RuleExample& example : spec.examples)
      texts.push_back(example.input);
    for (const RuleExample& counter : spec.counters)
      texts.push_back(counter.input);
  }

  int rules_with_capture_regex = 0;
  for (std::size_t id = 0; id < engine->size(); ++id) {
    if (engine->rule(id).capture_regex() != nullptr) ++rules_with_capture_regex;
  }
  EXPECT_GE(rules_with_capture_regex, 10);

  NormalizedText normalized;
  int compared = 0, differences = 0;
  for (const std::string& text : texts) {
    if (!normalizer->Normalize(text, true, &normalized).ok()) continue;
    compared += CompareCaptures(*engine, normalized.text(), &differences);
  }
  EXPECT_EQ(differences, 0);
  // Over a thousand matches (1,424 today), or the test proves nothing.
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace factx::internal
