// Runs every `example` and `counter` line of the built-in rule files, so each
// rule documents and tests itself (docs/rules.md). Examples resolve against the
// reference date 2020-05-06.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_file.h"
#include "facts/fact_description.h"
#include "factx/extractor.h"

namespace factx {
namespace {

struct FoundFact {
  RuleId rule;
  std::string text;
  std::string description;
};

std::vector<FoundFact> FactsOf(const Extractor& extractor,
                               std::string_view input) {
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  Extraction extraction;
  Status status = extractor.Extract(input, options, &extraction);
  EXPECT_TRUE(status.ok()) << status.ToString() << " for " << input;
  std::vector<FoundFact> found;
  for (const Money& m : extraction.money) {
    found.push_back(
        {m.rule, std::string(m.span.Slice(input)), internal::Describe(m)});
  }
  for (const Percentage& p : extraction.percentages) {
    found.push_back(
        {p.rule, std::string(p.span.Slice(input)), internal::Describe(p)});
  }
  for (const DateExpr& d : extraction.dates) {
    found.push_back(
        {d.rule, std::string(d.span.Slice(input)), internal::Describe(d)});
  }
  return found;
}

std::string Show(const Extractor& extractor,
                 const std::vector<FoundFact>& facts) {
  std::string out;
  for (const FoundFact& f : facts) {
    out += "\n    " + std::string(extractor.rule_name(f.rule)) + ": " + f.text +
           " = " + f.description;
  }
  return out.empty() ? "\n    (no facts)" : out;
}

TEST(RuleExamplesTest, EveryExampleAndCounterOfTheBuiltInRulesHolds) {
  internal::RuleSet rules;
  for (const internal::BuiltinRuleFile& file : internal::BuiltinRuleFiles()) {
    ASSERT_TRUE(internal::ParseRuleText(
                    file.text, "builtin:" + std::string(file.path), &rules)
                    .ok());
  }
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  ASSERT_EQ(extractor->rule_count(), rules.rules.size());

  int examples = 0;
  for (RuleId id = 0; id < rules.rules.size(); ++id) {
    const internal::RuleSpec& rule = rules.rules[id];
    ASSERT_EQ(extractor->rule_name(id), rule.name);
    for (const internal::RuleExample& example : rule.examples) {
      ++examples;
      std::vector<FoundFact> facts = FactsOf(*extractor, example.input);
      bool found = false;
      for (const FoundFact& f : facts) {
        if (f.rule != id) continue;
        if (!example.span.empty() && f.text != example.span) continue;
        if (!example.description.empty() &&
            f.description != example.description)
          continue;
        found = true;
      }
      EXPECT_TRUE(found) << rule.source << ":" << example.line << ": rule "
                         << rule.name << " example \"" << example.input
                         << "\" expected "
                         << (example.span.empty() ? "a fact" : example.span)
                         << (example.description.empty()
                                 ? ""
                                 : " = " + example.description)
                         << "; got:" << Show(*extractor, facts);
    }
    for (const internal::RuleExample& counter : rule.counters) {
      ++examples;
      std::vector<FoundFact> facts = FactsOf(*extractor, counter.input);
      for (const FoundFact& f : facts) {
        EXPECT_NE(f.rule, id) << rule.source << ":" << counter.line << ": rule "
                              << rule.name << " counter \"" << counter.input
                              << "\" must give no fact from this rule; got:"
                              << Show(*extractor, facts);
      }
    }
  }
  EXPECT_GT(examples, 0) << "the built-in rules carry no examples";
}

}  // namespace
}  // namespace factx
