// Rule shapes (lib/engine/rule_shape.h): what a rule needs present, derived
// without running it, and the built-in shapes the build derives.
#include "engine/rule_shape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "factx/extractor.h"
#include "test_support.h"
#include "text/char_class.h"

namespace factx::internal {
namespace {

using Needs = std::vector<std::vector<std::string>>;

Needs Sorted(Needs needs) {
  for (auto& clause : needs) std::sort(clause.begin(), clause.end());
  std::sort(needs.begin(), needs.end());
  return needs;
}

RuleShape ShapeOf(const std::string& pattern) {
  const re2::RE2 regex(pattern);
  EXPECT_TRUE(regex.ok()) << pattern;
  return DeriveRuleShape(regex);
}

TEST(RuleShapeTest, NeedsAreClausesOfAtoms) {
  struct Case {
    std::string pattern;
    Needs needs;
  };
  const Case cases[] = {
      // Parts in a row: each is a clause.
      {"abc.*def", {{"abc"}, {"def"}}},
      {"(?:ab|cd)x*(?:ef|gh)", {{"ab", "cd"}, {"ef", "gh"}}},
      // An alternation of whole patterns: one clause.
      {"(?:abc|de)|fgh", {{"abc", "de", "fgh"}}},
      // RE2 keeps the shortest atom that must be there: 美元 holds 元.
      {"[0-9]+(?:元|美元)",
       {{"元"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
      // Atoms are lower case; the matcher folds ASCII letters.
      {"(?i)Percent", {{"percent"}}},
      // A clause another implies is left out: wherever 亿元 or 万元 holds,
      // 元 holds (and wherever percent or pct holds, ct or er does).
      {"[0-9]+(?:亿元|万元)x*元",
       {{"万元", "亿元"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}},
      {"(?:percent|pct)[0-9]*(?:er|ct)", {{"pct", "percent"}}},
      // Nothing to look for: the rule may match anywhere.
      {"[a-z]+", {}},
      {"x*", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Sorted(ShapeOf(c.pattern).needs), Sorted(c.needs)) << c.pattern;
  }
}

// RE2 requires nothing of a long alternation or a large character class: a
// table and a fragment that declares its needs are placeholders when needs
// are derived, and stand for their keys and needs.
TEST(RuleShapeTest, TablesAndDeclaredFragmentsStandForTheirWords) {
  RuleSet rules;
  std::string table = "table unit\n";
  std::vector<std::string> keys;
  for (char c = 'a'; c <= 't'; ++c) {
    keys.push_back(std::string("Q") + c);
    table += "  Q" + std::string(1, c) + "  x\n";
  }
  const Status parsed =
      (ParseRuleText("define NUM [0-9〇零一二三四五六七八九十百千]+\n"
                     "needs NUM 0 1 2 3 4 5 6 7 8 9 〇 零 一 二 三 四 五 "
                     "六 七 八 九 十 百 千\n" +
                         table +
                         "rule block.test\n"
                         "  kind block\n"
                         "  pattern {NUM}[ ]?(?i:{@unit})\n"
                         "rule block.private\n"
                         "  kind block\n"
                         "  pattern x\U000F0005{@unit}\n",
                     "needs.rules", &rules));
  ASSERT_TRUE(parsed.ok()) << parsed.ToString();
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const Needs needs = (*engine)->rule(0).shape().needs;
  std::vector<std::string> lower_keys;
  for (const std::string& key : keys) {
    lower_keys.push_back("q" + key.substr(1));
  }
  std::vector<std::string> numerals = {
      "0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "〇", "零",
      "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千"};
  std::sort(numerals.begin(), numerals.end());
  EXPECT_NE(std::find(needs.begin(), needs.end(), lower_keys), needs.end());
  EXPECT_NE(std::find(needs.begin(), needs.end(), numerals), needs.end());
  // A pattern that names characters of the placeholders' own area is shaped
  // without placeholders; nothing stands for what it does not mean.
  for (const auto& clause : (*engine)->rule(1).shape().needs) {
    EXPECT_EQ(std::find(clause.begin(), clause.end(), "qa"), clause.end());
  }
}

// A table that follows a \b (group openers between them or not) stands for
// its keys marked kWordStartMark, those that start with a word character;
// anywhere else for its keys as they are.
TEST(RuleShapeTest, TablesAfterAWordBoundaryNeedAWordStart) {
  RuleSet rules;
  const Status parsed = ParseRuleText(
      "table unit\n"
      "  pc   x\n"
      "  $    x\n"
      "rule block.after_boundary\n"
      "  kind block\n"
      "  pattern [0-9]+ \\b(?P<unit>(?i:{@unit}))\n"
      "rule block.glued\n"
      "  kind block\n"
      "  pattern [0-9]+(?P<unit>(?i:{@unit}))\n"
      "rule block.escaped\n"
      "  kind block\n"
      "  pattern [0-9]+ \\\\b{@unit}\n",
      "word_start.rules", &rules);
  ASSERT_TRUE(parsed.ok()) << parsed.ToString();
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto has_clause = [&](int rule, std::vector<std::string> clause) {
    const Needs& needs = (*engine)->rule(rule).shape().needs;
    std::sort(clause.begin(), clause.end());
    return std::find(needs.begin(), needs.end(), clause) != needs.end();
  };
  const std::string marked_pc = std::string(1, kWordStartMark) + "pc";
  EXPECT_TRUE(has_clause(0, {"$", marked_pc}));
  EXPECT_TRUE(has_clause(1, {"$", "pc"}));
  // "\\b" is a backslash and a b, no word boundary.
  EXPECT_FALSE(has_clause(2, {"$", marked_pc}));

  // The prefilter reads the mark: "pc" inside a word allows no rule that
  // needs it to start one.
  RuleScratch scratch;
  const unsigned all = ~0u;
  RuleSet only_marked;
  ASSERT_TRUE(ParseRuleText("table unit\n"
                            "  pc   x\n"
                            "rule block.after_boundary\n"
                            "  kind block\n"
                            "  pattern [0-9]+ \\b(?i:{@unit})\n",
                            "word_start.rules", &only_marked)
                  .ok());
  auto marked = RuleEngine::Build(std::move(only_marked));
  ASSERT_TRUE(marked.ok()) << marked.status().ToString();
  EXPECT_TRUE((*marked)->MayMatch("up 5 pc", all, all, &scratch));
  EXPECT_TRUE((*marked)->MayMatch("5 PC.", all, all, &scratch));
  EXPECT_FALSE((*marked)->MayMatch("5 epcot", all, all, &scratch));
  EXPECT_FALSE((*marked)->MayMatch("5 4pc", all, all, &scratch));
  EXPECT_FALSE((*marked)->MayMatch("5 _pc", all, all, &scratch));
}

// Implied clauses and word starts: a marked atom implies its unmarked text
// and a marked prefix of it, an unmarked one implies no marked atom.
TEST(RuleShapeTest, MarkedAtomsImplyWhatTheyHold) {
  const re2::RE2 loose("\\b(?:pcs|pct)[0-9]*pc");
  TablePlaceholders tables;
  tables.pattern = "\\b" + TablePlaceholder(0) + "[0-9]*pc";
  const std::string mark(1, kWordStartMark);
  tables.keys = {{mark + "pcs", mark + "pct"}};
  EXPECT_EQ(Sorted(DeriveRuleShape(loose, tables).needs),
            Sorted({{mark + "pcs", mark + "pct"}}));
}

TEST(RuleShapeTest, GroupsAsRe2NumbersThem) {
  const RuleShape shape = ShapeOf("(?P<a>x)(y)(?:w)(?P<b__2>z)");
  EXPECT_EQ(shape.group_count, 3);
  EXPECT_EQ(shape.group_names,
            (std::map<int, std::string>{{1, "a"}, {3, "b__2"}}));
}

// The property the prefilter rests on: a text the pattern matches holds an
// atom of every clause.
TEST(RuleShapeTest, AMatchHoldsAnAtomOfEveryClause) {
  const std::string patterns[] = {"(?i)(?:us\\$|hk\\$)[0-9]+(?:bn|m)?",
                                  "[0-9]+(?:亿|万)?元",
                                  "(?:最高|最低)?[0-9]+(?:\\.[0-9]+)?%",
                                  "(?i)(?:last|next) (?:year|month)"};
  const std::string texts[] = {"US$5bn",
                               "hk$30m",
                               "us$7",
                               "3亿元",
                               "15元",
                               "最高4.5%",
                               "12%",
                               "LAST YEAR",
                               "next month",
                               "no figure here",
                               "5 percent of 3%",
                               "上涨了近20元"};
  for (const std::string& pattern : patterns) {
    const re2::RE2 regex(pattern);
    const RuleShape shape = DeriveRuleShape(regex);
    for (const std::string& text : texts) {
      if (!re2::RE2::PartialMatch(text, regex)) continue;
      std::string lower = text;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      });
      for (const auto& clause : shape.needs) {
        EXPECT_TRUE(std::any_of(clause.begin(), clause.end(),
                                [&](const std::string& atom) {
                                  return lower.find(atom) != std::string::npos;
                                }))
            << pattern << " on " << text;
      }
    }
  }
}

TEST(RuleShapeTest, EncodedShapesDecodeToThemselves) {
  const std::vector<std::string> names = {"a.rule", "b.rule", "c.rule"};
  const std::vector<RuleShape> shapes = {
      ShapeOf("(?P<num>[0-9]+)(?P<cur>元|美元)"), ShapeOf("x*"),
      ShapeOf("(?i)(?:ab|cd)(?P<fact>ef)")};
  const EncodedRuleShapes encoded = EncodeRuleShapes(names, shapes);
  const std::vector<std::string_view> strings(encoded.strings.begin(),
                                              encoded.strings.end());
  std::vector<std::string> decoded_names;
  std::vector<RuleShape> decoded;
  ASSERT_TRUE(DecodeRuleShapes(strings.data(), strings.size(),
                               encoded.code.data(), encoded.code.size(),
                               &decoded_names, &decoded));
  EXPECT_EQ(decoded_names, names);
  EXPECT_EQ(decoded, shapes);

  // Damaged data is refused, not read past its end.
  for (std::size_t cut = 1; cut < encoded.code.size(); ++cut) {
    decoded_names.clear();
    decoded.clear();
    const bool whole_rules =
        DecodeRuleShapes(strings.data(), strings.size(), encoded.code.data(),
                         cut, &decoded_names, &decoded);
    EXPECT_TRUE(!whole_rules || decoded.size() < shapes.size()) << cut;
  }
  decoded.clear();
  EXPECT_FALSE(DecodeRuleShapes(strings.data(), 1, encoded.code.data(),
                                encoded.code.size(), &decoded_names, &decoded));
}

// The shapes the build wrote into the library are those the rules have now.
TEST(RuleShapeTest, BuiltInShapesAreTheRulesOwn) {
  std::vector<std::string> names;
  std::vector<RuleShape> shapes;
  ASSERT_TRUE(BuiltinRuleShapes(&names, &shapes));
  RuleSet rules;
  ASSERT_TRUE(LoadBuiltinRules(&rules).ok());
  const std::size_t count = rules.rules.size();
  auto engine = RuleEngine::Build(std::move(rules), count);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  ASSERT_EQ(shapes.size(), (*engine)->size());
  for (std::size_t id = 0; id < shapes.size(); ++id) {
    EXPECT_EQ(names[id], (*engine)->rule(id).spec().name);
    EXPECT_TRUE(shapes[id] == (*engine)->rule(id).shape()) << names[id];
  }
}

// The prefilter's property on the built-in rules, word starts included: an
// example or counter input that a rule's loose pattern matches holds an atom
// of each of the rule's clauses (lower case; a marked atom where it starts a
// word). A clause that fails here would make the prefilter skip a match.
TEST(RuleShapeTest, BuiltInRulesNeedWhatTheirInputsHold) {
  RuleSet rules;
  ASSERT_TRUE(LoadBuiltinRules(&rules).ok());
  const std::size_t count = rules.rules.size();
  std::vector<std::string> names;
  std::vector<RuleShape> shapes;
  ASSERT_TRUE(BuiltinRuleShapes(&names, &shapes));
  auto engine = RuleEngine::Build(std::move(rules), count, &shapes);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  int checked = 0;
  for (std::size_t id = 0; id < (*engine)->size(); ++id) {
    const CompiledRule& rule = (*engine)->rule(id);
    std::vector<RuleExample> inputs = rule.spec().examples;
    inputs.insert(inputs.end(), rule.spec().counters.begin(),
                  rule.spec().counters.end());
    for (const RuleExample& input : inputs) {
      if (!re2::RE2::PartialMatch(input.input, rule.loose_regex())) continue;
      std::string lower = input.input;
      for (char& c : lower) c = ToAsciiLower(c);
      for (const std::vector<std::string>& clause : rule.shape().needs) {
        EXPECT_TRUE(std::any_of(clause.begin(), clause.end(),
                                [&](const std::string& atom) {
                                  return test_support::AtomHolds(lower, atom);
                                }))
            << rule.spec().name << " on " << input.input;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);  // 765 when written
}

// A custom rule file that adds a word to a built-in table changes the
// built-in rules that use the table: they are shaped anew, and find it.
TEST(RuleShapeTest, CustomWordsInBuiltInTablesReachBuiltInRules) {
  ExtractorOptions options;
  options.extra_rules.push_back("table currency_zh\n  大洋  CNY\n");
  Result<Extractor> extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Extraction extraction;
  ASSERT_TRUE(extractor->Extract("当年花了三百大洋。", {}, &extraction).ok());
  ASSERT_EQ(extraction.money.size(), 1u);
  EXPECT_EQ(extraction.money[0].currency_code(), "CNY");
}

}  // namespace
}  // namespace factx::internal
