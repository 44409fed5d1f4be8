// The rule file format (rule_file.h) and its compilation (rule_engine.h): good
// files parse into the expected rules, bad ones give a kRuleSyntax status that
// names where and what.
#include "engine/rule_file.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/rule_engine.h"
#include "test_support.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

constexpr char kGoodRules[] = R"(# Money in a tiny language.
define NUM  [0-9]+(?:\.[0-9]+)?
define AMOUNT  {NUM}(?:万|亿)?

table currency
  元      CNY
  美元    USD
  hong kong dollars HKD

rule money.test
  kind      money
  priority  7
  # Comments may sit inside a rule.
  pattern   (?P<num>{AMOUNT})
  pattern   (?P<cur>{@currency})
  guard     not_after :digit .
  guard     not_before 亩 @currency
  example   投资300亿元 => 300亿元 = 30000000000 CNY exact
  example   共5美元
  counter   3.6万亩

rule block.area
  kind block
  pattern [0-9.]+万?亩
)";

TEST(RuleFileTest, ParsesFragmentsTablesAndRules) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText(kGoodRules, "good.rules", &rules).ok());
  ASSERT_EQ(rules.rules.size(), 2u);
  const RuleSpec& money = rules.rules[0];
  EXPECT_EQ(money.name, "money.test");
  EXPECT_EQ(money.kind, RuleKind::kMoney);
  EXPECT_EQ(money.priority, 7);
  EXPECT_EQ(money.line, 10);
  // Fragments expand in place, pattern lines concatenate, tables wait for the
  // engine.
  EXPECT_EQ(
      money.pattern,
      "(?P<num>(?:(?:[0-9]+(?:\\.[0-9]+)?)(?:万|亿)?))(?P<cur>{@currency})");
  ASSERT_EQ(money.guards.size(), 2u);
  EXPECT_EQ(money.guards[0].name, "not_after");
  EXPECT_EQ(money.guards[0].args, (std::vector<std::string>{":digit", "."}));
  ASSERT_EQ(money.examples.size(), 2u);
  EXPECT_EQ(money.examples[0].input, "投资300亿元");
  EXPECT_EQ(money.examples[0].span, "300亿元");
  EXPECT_EQ(money.examples[0].description, "30000000000 CNY exact");
  EXPECT_EQ(money.examples[1].span, "");
  ASSERT_EQ(money.counters.size(), 1u);
  EXPECT_EQ(money.counters[0].input, "3.6万亩");
  EXPECT_EQ(rules.rules[1].kind, RuleKind::kBlock);
  EXPECT_EQ(rules.tables.at("currency").entries.at("hong kong dollars"), "HKD");
  EXPECT_EQ(rules.tables.at("currency").entries.size(), 3u);
}

TEST(RuleFileTest, LaterFilesExtendTablesAndUseFragments) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText(kGoodRules, "good.rules", &rules).ok());
  ASSERT_TRUE(
      ParseRuleText(
          "table currency\n  英镑 GBP\n\nrule money.more\n  kind money\n"
          "  pattern {NUM}{@currency}\n",
          "more.rules", &rules)
          .ok());
  EXPECT_EQ(rules.tables.at("currency").entries.at("英镑"), "GBP");
  EXPECT_EQ(rules.rules.size(), 3u);
}

// A rule's languages are its file's (the built-in folder's), unless it names
// its own.
TEST(RuleFileTest, RulesTakeTheirFilesLanguagesUnlessTheyNameTheirOwn) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("rule a\n  kind money\n  pattern x\n"
                            "rule b\n  kind money\n  language zh, en\n"
                            "  pattern y\n",
                            "en.rules", &rules, kEnglish)
                  .ok());
  ASSERT_TRUE(
      ParseRuleText("rule c\n  kind money\n  pattern z\n", "any.rules", &rules)
          .ok());
  ASSERT_EQ(rules.rules.size(), 3u);
  EXPECT_EQ(rules.rules[0].languages, unsigned{kEnglish});
  EXPECT_EQ(rules.rules[1].languages, unsigned{kAllLanguages});
  EXPECT_EQ(rules.rules[2].languages, unsigned{kAllLanguages});
}

struct BadRuleCase {
  const char* text;
  const char* message_part;  // must appear in the status message
};

// A `loose` form stands in for its fragment in loose patterns only,
// there and in every later fragment that uses it, as a strict part: a
// capture the engine reads, numbered in each rule.
TEST(RuleFileTest, LooseFormsReplaceFragmentsInLoosePatternsOnly) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("define NUM [1-9][0-9]{0,2}\n"
                            "loose NUM [0-9]+\n"
                            "define AMOUNT {NUM}万?\n"
                            "rule money.test\n"
                            "  kind money\n"
                            "  pattern (?P<num>{AMOUNT})元(?:至{NUM})?\n",
                            "loose.rules", &rules)
                  .ok());
  ASSERT_EQ(rules.rules.size(), 1u);
  EXPECT_EQ(rules.rules[0].pattern,
            "(?P<num>(?:(?:[1-9][0-9]{0,2})万?))元(?:至(?:[1-9][0-9]{0,2}))?");
  EXPECT_EQ(rules.rules[0].loose_pattern,
            "(?P<num>(?:(?:(?P<strict__NUM_1>[0-9]+))万?))元"
            "(?:至(?:(?P<strict__NUM_2>[0-9]+)))?");
  // A fragment without a loose form is its own.
  EXPECT_EQ(rules.loose_fragments.at("AMOUNT"),
            "(?:(?P<strict__NUM_#>[0-9]+))万?");
  EXPECT_EQ(rules.fragments.at("AMOUNT"), "(?:[1-9][0-9]{0,2})万?");
}

// Strict parts are the engine's: a rule may not name a capture so.
TEST(RuleFileTest, StrictPartNamesAreReserved) {
  RuleSet rules;
  const Status status = ParseRuleText(
      "rule money.test\n"
      "  kind money\n"
      "  pattern (?P<strict__NUM_1>[0-9]+)元\n",
      "reserved.rules", &rules);
  EXPECT_EQ(status.code(), StatusCode::kRuleSyntax);
  EXPECT_NE(status.message().find("reserved.rules:1: rule money.test: "
                                  "captures named strict__"),
            std::string::npos)
      << status.message();
}

// RE2's own braces after an escape name no fragment.
TEST(RuleFileTest, EscapesWithBracesAreRe2s) {
  RuleSet rules;
  const Status status = ParseRuleText(
      "define SIGN [+\\x{2212}]\n"
      "rule block.test\n"
      "  kind block\n"
      "  pattern {SIGN}\\p{Han}\\P{Greek}\\x{FF05}\n",
      "escapes.rules", &rules);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(rules.rules.size(), 1u);
  EXPECT_EQ(rules.rules[0].pattern,
            "(?:[+\\x{2212}])\\p{Han}\\P{Greek}\\x{FF05}");
}

// A fragment that declares its needs is a marker in needs patterns, there
// and in every later fragment that uses it; the engine reads its words.
TEST(RuleFileTest, NeedsMarkFragmentsInNeedsPatterns) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("define NUM [1-9][0-9]{0,2}\n"
                            "loose NUM [0-9]+\n"
                            "needs NUM 1 2 3 4 5 6 7 8 9 0\n"
                            "define AMOUNT {NUM}万?\n"
                            "rule money.test\n"
                            "  kind money\n"
                            "  pattern (?P<num>{AMOUNT}){@currency}\n",
                            "needs.rules", &rules)
                  .ok());
  ASSERT_EQ(rules.rules.size(), 1u);
  EXPECT_EQ(rules.rules[0].needs_pattern,
            "(?P<num>(?:(?:{@!NUM})万?)){@currency}");
  EXPECT_EQ(rules.rules[0].loose_pattern,
            "(?P<num>(?:(?:(?P<strict__NUM_1>[0-9]+))万?)){@currency}");
  EXPECT_EQ(rules.fragment_needs.at("NUM"),
            (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8",
                                      "9", "0"}));
  // A fragment that declares none is its loose form there.
  EXPECT_EQ(rules.needs_fragments.at("AMOUNT"), "(?:{@!NUM})万?");
}

// `\bWORD` in a needs list: the word holds only where it starts a word.
TEST(RuleFileTest, NeedsMayRequireAWordStart) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("define NUM [0-9]+|\\b(?:one|two)\\b\n"
                            "needs NUM 0 1 2 3 4 5 6 7 8 9 \\bone \\btwo\n",
                            "needs.rules", &rules)
                  .ok());
  std::vector<std::string> words = {"0", "1", "2", "3", "4",
                                    "5", "6", "7", "8", "9"};
  words.push_back(std::string(1, kWordStartMark) + "one");
  words.push_back(std::string(1, kWordStartMark) + "two");
  EXPECT_EQ(rules.fragment_needs.at("NUM"), words);
}

TEST(RuleFileTest, ReportsSyntaxErrorsWithLineAndRule) {
  const BadRuleCase cases[] = {
      {"rule a\n  kind money\n", "bad.rules:1: rule a: no pattern"},
      {"rule a\n  pattern x\n", "rule a: no kind"},
      {"rule a\n  kind cash\n  pattern x\n",
       "bad.rules:2: rule a: kind must be"},
      {"rule a\n  kind money\n  pattern {NOPE}\n",
       "bad.rules:3: rule a: unknown fragment {NOPE}"},
      {"rule a\n  kind money\n  colour red\n", "unknown attribute \"colour\""},
      {"  indented\n", "bad.rules:1: indented line outside"},
      {"frobnicate x\n", "expected define, loose, needs, tokens, table or rule"},
      {"needs X 1 2\n", "needs for X, which no define has made"},
      {"define X [0-9]\nneeds X\n", "needs needs a NAME and WORDs"},
      {"define X [0-9$]\nneeds X 1 \\b$\n",
       "bad.rules:2: needs X: \\b must open a word that starts with an ASCII "
       "letter, digit or _"},
      {"define X [0-9]\nneeds X \\b\n", "needs X: \\b must open a word"},
      {"loose X [0-9]+\n", "loose form for X, which no define has made"},
      {"define X [0-9]\nloose X\n", "loose needs a NAME and a PATTERN"},
      {"define\n", "define needs a NAME"},
      {"define X\n", "define X has no pattern"},
      {"rule a\n  kind money\n  priority high\n  pattern x\n",
       "priority must be an integer"},
      {"rule a\n  kind money\n  pattern x\nrule a\n  kind money\n  pattern y\n",
       "rule a is already defined in bad.rules:1"},
      {"rule a\n  kind money\n  pattern x\n  counter a => b\n",
       "a counter has no => part"},
      {"rule a\n  kind money\n  pattern x\n  example\n",
       "example needs an input text"},
      {"table\n", "table needs one NAME"},
      {"rule a\n  kind money\n  language fr\n  pattern x\n",
       "bad.rules:3: rule a: unknown language tag \"fr\""},
      {"rule a\n  kind money\n  language zh en\n  pattern x\n",
       "unknown language tag \"zh en\""},
  };
  for (const BadRuleCase& c : cases) {
    RuleSet rules;
    Status status = ParseRuleText(c.text, "bad.rules", &rules);
    EXPECT_EQ(status.code(), StatusCode::kRuleSyntax) << c.text;
    EXPECT_NE(status.message().find(c.message_part), std::string::npos)
        << "message: " << status.message()
        << "\nexpected to contain: " << c.message_part;
  }
}

// Custom rule text is the caller's: its ill-formed bytes are quoted escaped,
// so every message is valid UTF-8.
TEST(RuleFileTest, MessagesQuoteIllFormedRuleTextEscaped) {
  const BadRuleCase parse_cases[] = {
      {"\xFF\xFE x\n", "found \"\\xFF\\xFE\""},
      {"rule a\n  kind money\n  pattern x\n  \xC0\xAF y\n",
       "unknown attribute \"\\xC0\\xAF\""},
      {"rule a\n  kind \xE4\xB8\n  pattern x\n", "\\xE4\\xB8"},
  };
  for (const BadRuleCase& c : parse_cases) {
    RuleSet rules;
    Status status = ParseRuleText(c.text, "bad.rules", &rules);
    EXPECT_EQ(status.code(), StatusCode::kRuleSyntax) << c.text;
    EXPECT_EQ(FindInvalidUtf8(status.message()), status.message().size());
    EXPECT_NE(status.message().find(c.message_part), std::string::npos)
        << "message: " << status.message();
  }
  const BadRuleCase build_cases[] = {
      {"rule g\n  kind money\n  pattern a\n  guard not_after :\xFF\n",
       "unknown class :\\xFF"},
      {"rule g\n  kind money\n  pattern a\n  guard \xFF :digit\n",
       "guard \\xFF"},
      {"rule p\n  kind money\n  pattern a\xFF(\n", "rule p: bad pattern"},
  };
  for (const BadRuleCase& c : build_cases) {
    RuleSet rules;
    ASSERT_TRUE(ParseRuleText(c.text, "x.rules", &rules).ok()) << c.text;
    auto engine = RuleEngine::Build(std::move(rules));
    ASSERT_FALSE(engine.ok()) << c.text;
    const std::string& message = engine.status().message();
    EXPECT_EQ(FindInvalidUtf8(message), message.size()) << message;
    EXPECT_NE(message.find(c.message_part), std::string::npos)
        << "message: " << message;
  }
}

TEST(RuleEngineTest, CompileErrorsNameRuleAndRe2Message) {
  const BadRuleCase cases[] = {
      {"rule broken\n  kind money\n  pattern (?P<num>[0-9]+\n",
       "x.rules:1: rule broken: bad pattern: missing )"},
      {"rule look\n  kind money\n  pattern (?<=a)b\n",
       "rule look: bad pattern"},
      {"rule t\n  kind money\n  pattern {@nothing}\n",
       "unknown or empty table {@nothing}"},
      {"rule g\n  kind money\n  pattern a\n  guard not_near :digit\n",
       "unknown guard"},
      {"rule g\n  kind money\n  pattern a\n  guard not_after :vowel\n",
       "unknown class :vowel"},
      {"rule g\n  kind money\n  pattern a\n  guard not_after @nothing\n",
       "unknown table @nothing"},
      {"define N [0-9]+)\nloose N [0-9]+\nrule own\n  kind money\n"
       "  pattern {N}元\n",
       "x.rules:3: rule own: bad pattern: unexpected )"},
      {"define N [0-9]+\nloose N [0-9]+)\nrule loose\n  kind money\n"
       "  pattern {N}元\n",
       "rule loose: bad loose pattern"},
      {"define N [0-9]+\nloose N (?P<n>[0-9]+)\nrule c\n  kind money\n"
       "  pattern {N}元\n",
       "rule c: loose forms must not add or remove captures"},
  };
  for (const BadRuleCase& c : cases) {
    RuleSet rules;
    ASSERT_TRUE(ParseRuleText(c.text, "x.rules", &rules).ok()) << c.text;
    auto engine = RuleEngine::Build(std::move(rules));
    ASSERT_FALSE(engine.ok()) << c.text;
    EXPECT_EQ(engine.status().code(), StatusCode::kRuleSyntax);
    EXPECT_NE(engine.status().message().find(c.message_part), std::string::npos)
        << "message: " << engine.status().message();
  }
}

// Rules verified when the library was built compile their own pattern on first
// use; Verify does what Build does for the others.
TEST(RuleEngineTest, VerifiedRulesCompileTheirOwnPatternOnFirstUse) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("define N [1-9][0-9]*\nloose N [0-9]+\n"
                            "rule good\n  kind money\n  pattern {N}元\n"
                            "define M [0-9]+)\nloose M [0-9]+\n"
                            "rule bad\n  kind money\n  pattern {M}角\n",
                            "x.rules", &rules)
                  .ok());
  ASSERT_FALSE(RuleEngine::Build(rules).ok());
  auto engine = RuleEngine::Build(std::move(rules), /*verified_rules=*/2);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const RuleEngine& e = **engine;
  EXPECT_TRUE(e.Verify(0).ok());
  EXPECT_EQ(e.Verify(1).code(), StatusCode::kRuleSyntax);
  EXPECT_NE(e.Verify(1).message().find("rule bad: bad pattern"),
            std::string::npos)
      << e.Verify(1).message();
  // The own pattern confirms what the loose one finds: 0元 is no match.
  RuleScratch scratch;
  e.FindCandidates(Document("共50元和0元"), ~0u, &scratch);
  ASSERT_EQ(scratch.candidates.size(), 1u);
  EXPECT_EQ(scratch.candidates[0].begin, 3u);
}

using test_support::Candidates;

TEST(RuleEngineTest, FindsGuardedMatchesWithCaptures) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText(kGoodRules, "good.rules", &rules).ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const RuleEngine& e = **engine;

  std::string_view text = "投资300亿元，另有5美元。面积3.6万亩";
  EXPECT_EQ(Candidates(e, text),
            (std::vector<std::string>{"money.test:300亿元", "money.test:5美元",
                                      "block.area:3.6万亩"}));

  RuleScratch scratch;
  const Document document("共5美元");
  e.FindCandidates(document, ~0u, &scratch);
  ASSERT_EQ(scratch.candidates.size(), 1u);
  RuleMatch match = e.MatchOf(document, scratch.candidates[0], scratch);
  EXPECT_EQ(match.Capture("num"), "5");
  EXPECT_EQ(match.Capture("cur"), "美元");
  EXPECT_TRUE(match.Has("cur"));
  EXPECT_FALSE(match.Has("qual"));
  EXPECT_EQ(match.CaptureOffset("cur"), 4u);
}

// A table with many keys of one character (written in small classes, so that
// the prefilter finds atoms in them) matches each of its keys, and only them.
TEST(RuleEngineTest, TablesOfManySingleCharactersMatchEachKey) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("table unit\n  个\n  亩\n  人\n  件\n  份\n  位\n"
                            "  倍\n  克\n  升\n  只\n  台\n  名\n  -\n  ]\n"
                            "  ^\n  \\\n  公顷\n"
                            "rule block.count\n  kind block\n"
                            "  pattern [0-9]+{@unit}\n",
                            "unit.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ(Candidates(**engine, "3名，4]，5^，6\\，7-，8公顷，9元，10亿"),
            (std::vector<std::string>{"block.count:3名", "block.count:4]",
                                      "block.count:5^", "block.count:6\\",
                                      "block.count:7-", "block.count:8公顷"}));
}

// A rule with a loose pattern matches what its own pattern does, leftmost and
// longest: where its own pattern has no match at the start of the loose
// pattern's match, at a later start of it, or (after a few such tries) by
// searching alone.
TEST(RuleEngineTest, LooseRulesMatchLeftmostLongestByTheirOwnPattern) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("define N [1-9][0-9]*\nloose N [0-9]+\n"
                            "rule money.n\n  kind money\n  pattern {N}元\n",
                            "n.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const RuleEngine& e = **engine;
  EXPECT_EQ(Candidates(e, "共005元"), std::vector<std::string>{"money.n:5元"});
  EXPECT_EQ(Candidates(e, "0元0元0元0元，"), std::vector<std::string>{});
  EXPECT_EQ(Candidates(e, "0元0元0元0元0元12元和30元"),
            (std::vector<std::string>{"money.n:12元", "money.n:30元"}));
}

// A loose match whose strict parts each hold a match of their fragment is the
// own pattern's match too; where one does not (2500 is no N), the own pattern
// finds the match (500元, as it would alone). Where a part may repeat, only
// its last reading is captured, so the own pattern always decides: 1234 is no
// N, though the last readings (56, 7) are.
TEST(RuleEngineTest, StrictPartsConfirmMatchesUnlessTheyRepeat) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("define N [1-9][0-9]{0,2}\nloose N [0-9]+\n"
                            "rule money.one\n  kind money\n"
                            "  pattern (?:约|近)?(?P<num>{N})元\n"
                            "rule money.list\n  kind money\n"
                            "  pattern (?:{N}、)+{N}美元\n",
                            "n.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const RuleEngine& e = **engine;
  EXPECT_TRUE(e.rule(0).strict_parts_decide());
  EXPECT_FALSE(e.rule(1).strict_parts_decide());
  EXPECT_EQ(Candidates(e, "约250元"),
            std::vector<std::string>{"money.one:约250元"});
  EXPECT_EQ(Candidates(e, "约2500元"),
            std::vector<std::string>{"money.one:500元"});
  EXPECT_EQ(Candidates(e, "共12、56、7美元"),
            std::vector<std::string>{"money.list:12、56、7美元"});
  EXPECT_EQ(Candidates(e, "共1234、56、7美元"),
            std::vector<std::string>{"money.list:234、56、7美元"});
}

// An atom of a caseless character outside ASCII (U+2212 MINUS SIGN) is looked
// for byte by byte like any other, and the rule that needs it still matches.
TEST(RuleEngineTest, FindsRulesByCaselessNonAsciiAtoms) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("rule percent.minus\n  kind percent\n"
                            "  pattern \u2212[0-9]+%\n",
                            "minus.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ(Candidates(**engine, "下降\u22125%，上升5%"),
            std::vector<std::string>{"percent.minus:\u22125%"});
  EXPECT_EQ(Candidates(**engine, "上升5%，-5%"), std::vector<std::string>{});
}

// Every rule, even one without guards, reads a number whole or not at all: a
// text break (a control character, U+FFFD) between number characters ends the
// clause and neither side is a match; elsewhere it only ends the clause.
TEST(RuleEngineTest, TextBreaksInsideNumbersLeaveNoMatch) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("rule money.bare\n  kind money\n"
                            "  pattern [0-9.]*[0-9][万亿]?元?\n",
                            "bare.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const std::string breaks[] = {
      std::string(1, '\0'), "\x01", "\x1F", "\x7F",
      "\xC2\x85",            // U+0085, a C1 control
      "\xEF\xBF\xBD",        // U+FFFD
      std::string(2, '\0'),  // breaks in a row
  };
  for (const std::string& b : breaks) {
    for (const std::string& text :
         {"投资3" + b + "00亿元", "投资3." + b + "5亿元", "投资三" + b + "亿元",
          "投资3" + b + "亿元", "投资3" + b + ".5亿元"}) {
      EXPECT_EQ(Candidates(**engine, text), std::vector<std::string>{})
          << EscapeForMessage(text);
    }
    const struct {
      std::string text;
      std::vector<std::string> candidates;
    } kept[] = {
        {"投资" + b + "300亿元", {"money.bare:300亿元"}},
        {b + "300亿元", {"money.bare:300亿元"}},
        {"300亿元" + b + "5", {"money.bare:300亿元", "money.bare:5"}},
        {"投资3亿元" + b + "5亿元", {"money.bare:3亿元", "money.bare:5亿元"}},
    };
    for (const auto& c : kept) {
      EXPECT_EQ(Candidates(**engine, c.text), c.candidates)
          << EscapeForMessage(c.text);
    }
  }
  // Blanks are no text breaks.
  EXPECT_EQ(Candidates(**engine, "投资3\t00亿元"),
            (std::vector<std::string>{"money.bare:3", "money.bare:00亿元"}));
}

TEST(RuleEngineTest, GuardsRejectNeighbours) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText(kGoodRules, "good.rules", &rules).ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok());
  // After a '.', the money rule must not start ("1.5元" is one amount, matched
  // whole).
  EXPECT_EQ(Candidates(**engine, "价格1.5元"),
            (std::vector<std::string>{"money.test:1.5元"}));
  // Followed by a currency word again: rejected by not_before @currency.
  EXPECT_EQ(Candidates(**engine, "5元美元"), (std::vector<std::string>{}));
}

TEST(RuleEngineTest, FactCaptureNarrowsTheFactAndResumesAfterIt) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("rule r\n  kind money\n  pattern "
                            "(?P<fact>[0-9]+亿)(?:和[0-9]+亿){1,8}元\n"
                            "  guard not_after :digit\n",
                            "r.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok());
  // The context after the fact is required but not reported, and holds the next
  // fact.
  EXPECT_EQ(Candidates(**engine, "分别为1亿和2亿和3亿元"),
            (std::vector<std::string>{"r:1亿", "r:2亿"}));
  EXPECT_TRUE(Candidates(**engine, "分别为1亿和2亿").empty());
}

// A fact that ends the match (its group closes the pattern): the guards that
// read past it reject a match before its captures are read, with the same
// facts and retries as when they are read first; an optional fact group may
// be empty.
TEST(RuleEngineTest, FactEndingTheMatchIsGuardedAfterItsEnd) {
  RuleSet rules;
  ASSERT_TRUE(
      ParseRuleText("rule r\n  kind money\n  pattern "
                    "(?P<frame>营收|收入)(?P<fact>(?P<qual>超)?[0-9]+亿)\n"
                    "  guard not_before 元 :digit\n"
                    "  guard not_after 总\n"
                    "rule e\n  kind percent\n  pattern "
                    "增(?P<fact>[0-9]*)\n"
                    "  guard not_before 倍\n",
                    "r.rules", &rules)
          .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok());
  // not_after reads before the fact (7亿), not before the match (总收入7亿).
  EXPECT_EQ(
      Candidates(**engine, "营收3亿元，营业收入超5亿，总收入7亿，营收9亿"),
      (std::vector<std::string>{"r:超5亿", "r:7亿", "r:9亿"}));
  EXPECT_EQ(Candidates(**engine, "增5倍，增长，增12"),
            (std::vector<std::string>{"e:12"}));
}

TEST(RuleEngineTest, MatchesNeverCrossClauseEnds) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText("rule r\n  kind money\n  pattern 甲.*乙\n",
                            "r.rules", &rules)
                  .ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(Candidates(**engine, "甲，乙"),
            (std::vector<std::string>{"r:甲，乙"}));
  EXPECT_TRUE(Candidates(**engine, "甲。乙").empty());
  EXPECT_TRUE(Candidates(**engine, "甲；乙").empty());
  EXPECT_TRUE(Candidates(**engine, "甲\n乙").empty());
}

// Segments hold whole clauses; only a clause longer than a segment, which
// prose never has, is cut, after a comma or space when there is one.
TEST(RuleEngineTest, SegmentsEndAtClauseEndsOrCutOnlyOverlongClauses) {
  constexpr std::size_t kSegment = RuleEngine::kSegmentBytes;
  std::string sentences;
  while (sentences.size() < 3 * kSegment) sentences += "投资300亿元。";
  const Document sentence_document(sentences);
  std::size_t begin = 0;
  int segments = 0;
  while (begin < sentences.size()) {
    const std::size_t end = RuleEngine::SegmentEnd(sentence_document, begin);
    ASSERT_GT(end, begin);
    EXPECT_LE(end - begin, kSegment);
    if (end < sentences.size()) {
      EXPECT_EQ(sentences.compare(end - 3, 3, "。"), 0) << end;
    }
    begin = end;
    ++segments;
  }
  EXPECT_GE(segments, 3);
  EXPECT_LE(segments, 4);

  // One clause of words and spaces: cut after a space in the second half.
  std::string words;
  while (words.size() < 2 * kSegment) words += "lorem ipsum ";
  const std::size_t cut = RuleEngine::SegmentEnd(Document(words), 0);
  EXPECT_GT(cut, kSegment / 2);
  EXPECT_LE(cut, kSegment);
  EXPECT_EQ(words[cut - 1], ' ');

  // No comma or space at all: cut on a code point boundary.
  std::string han;
  while (han.size() < 2 * kSegment) han += "甲";
  const std::size_t hard_cut = RuleEngine::SegmentEnd(Document(han), 3);
  EXPECT_EQ(hard_cut % 3, 0u);  // 甲 is three bytes
  EXPECT_GT(hard_cut, 3 + kSegment / 2);
  EXPECT_LE(hard_cut - 3, kSegment);

  // A short text is one segment.
  EXPECT_EQ(RuleEngine::SegmentEnd(Document("投资300亿元"), 0), 15u);
}

// Segment by segment finds what one pass over the whole text would: every
// amount of a text several segments long, each once.
TEST(RuleEngineTest, CandidatesOfALongTextAreFoundInEverySegment) {
  RuleSet rules;
  ASSERT_TRUE(ParseRuleText(kGoodRules, "good.rules", &rules).ok());
  auto engine = RuleEngine::Build(std::move(rules));
  ASSERT_TRUE(engine.ok());
  std::string text;
  int amounts = 0;
  while (text.size() < 4 * RuleEngine::kSegmentBytes) {
    text += "投资" + std::to_string(amounts + 1) + "亿元，";
    if (++amounts % 7 == 0) text += "。";
  }
  const std::vector<std::string> found = Candidates(**engine, text);
  ASSERT_EQ(found.size(), static_cast<std::size_t>(amounts));
  EXPECT_EQ(found.front(), "money.test:1亿元");
  EXPECT_EQ(found.back(), "money.test:" + std::to_string(amounts) + "亿元");
}

}  // namespace
}  // namespace factx::internal
