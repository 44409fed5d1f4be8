// InvestmentTyper: the word index built once from the investment tables
// (lib/facts/investment_typer.cc). These tests cover how table words are found
// at a position (case, word boundaries, longest key, first code points no key
// starts with, custom and missing tables); investment_test.cc covers the
// tying rules themselves.
#include "facts/investment_typer.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/rule_file.h"
#include "engine/rule_match.h"
#include "factx/facts.h"
#include "test_support.h"

namespace factx {
namespace {

using internal::Document;
using internal::InvestmentTyper;
using internal::RuleSet;
using internal::RuleTables;

// A word list of the tests' own: some keys share their first code point (投资,
// 投资收益, 投资者), some differ only in case, and one trigger has a kind that
// does not exist.
constexpr std::string_view kIndexRules = R"(
table investment_trigger
  投资        investment
  总投资      total_investment
  融资        financing
  raised      financing
  invest      investment
  invest more no_such_kind
  Put         investment
  put in      fund
table investment_trigger_after
  fund        fund
  FUND        financing
  基金        fund
table investment_round
  Series A    financing
table investment_blocker
  投资收益    income
  revenue     revenue
table investment_neutral
  投资者      person
table investment_list_joiner
  和          list
  and         list
table investment_filler
  的          attributive
table investment_investor_adverb
  拟          modal
table investment_investor_suffix
  集团        org
table investment_target_verb
  建设        build
table investment_target_suffix
  园区        project
)";

// Money facts at each of `amounts` in `text`, found left to right.
std::vector<Money> MoneyAt(std::string_view text,
                           const std::vector<std::string_view>& amounts) {
  std::vector<Money> money;
  std::size_t from = 0;
  for (const std::string_view amount : amounts) {
    const std::size_t at = text.find(amount, from);
    EXPECT_NE(at, std::string_view::npos) << amount << " not in " << text;
    if (at == std::string_view::npos) break;
    Money m;
    m.span = Span{at, at + amount.size()};
    m.amount = Decimal{1, 0};
    m.rule = static_cast<RuleId>(money.size() + 3);
    money.push_back(m);
    from = at + amount.size();
  }
  return money;
}

// An investment as text, to compare results.
std::string Describe(const Investment& investment) {
  auto span = [](const std::optional<Span>& span) {
    return span ? std::to_string(span->begin) + "-" + std::to_string(span->end)
                : std::string("none");
  };
  return std::string(InvestmentKindName(investment.kind)) + " " +
         span(investment.span) + " by " + span(investment.trigger) +
         " investor " + span(investment.investor) + " target " +
         span(investment.target) + " rule " + std::to_string(investment.rule);
}

std::vector<std::string> Describe(const std::vector<Investment>& found) {
  std::vector<std::string> described;
  for (const Investment& investment : found)
    described.push_back(Describe(investment));
  return described;
}

// One sentence with one amount, and what typing it should give: `kind` empty
// for "not an investment".
struct Case {
  std::string_view text;
  std::string_view amount;
  std::string_view kind;
  std::string_view trigger = {};
};

void CheckCases(const InvestmentTyper& typer, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    const std::vector<Money> money = MoneyAt(c.text, {c.amount});
    std::vector<Investment> found;
    typer.Find(Document(c.text), money, &found);
    if (c.kind.empty()) {
      EXPECT_TRUE(found.empty())
          << "typed by " << found.front().trigger.Slice(c.text);
      continue;
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].span, money[0].span);
    EXPECT_EQ(InvestmentKindName(found[0].kind), c.kind);
    EXPECT_EQ(found[0].trigger.Slice(c.text), c.trigger);
  }
}

TEST(InvestmentTyperTest, IgnoresAsciiCaseOfKeysAndText) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  CheckCases(
      typer,
      {
          {"Nimbus RAISED $9 million", "$9 million", "financing", "RAISED"},
          {"Nimbus Raised $9 million", "$9 million", "financing", "Raised"},
          // A key written with a capital (Put) matches lower
          // case text, and the reverse.
          {"they put $2 million", "$2 million", "investment", "put"},
          {"a series a of $4 million", "$4 million", "financing", "series a"},
      });
}

TEST(InvestmentTyperTest, KeysDifferingInCaseGiveTheLowerCaseOne) {
  // fund (fund) and FUND (financing) both match "Fund": the table lists keys
  // starting with a lower-case letter first, and that one is read.
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  CheckCases(typer, {
                        {"a $3 billion Fund", "$3 billion", "fund", "Fund"},
                        {"a $3 billion FUND", "$3 billion", "fund", "FUND"},
                    });
}

TEST(InvestmentTyperTest, EnglishKeysStandAtWordBoundaries) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  CheckCases(
      typer,
      {
          {"Orbit raised $7 million", "$7 million", "financing", "raised"},
          // Inside a longer word: no key.
          {"Orbit fundraised $7 million", "$7 million", ""},
          {"Orbit reinvest $7 million", "$7 million", ""},
          {"Orbit invested $7 million", "$7 million", ""},
          {"a $7 million fundraiser", "$7 million", ""},
          {"a $7 million fund2", "$7 million", ""},
          // Punctuation and Han characters are boundaries.
          {"Orbit (raised) $7 million", "$7 million", "financing", "raised"},
          {"由invest $7 million", "$7 million", "investment", "invest"},
          // Han keys need no boundary.
          {"某园区再投资3亿元", "3亿元", "investment", "投资"},
      });
}

TEST(InvestmentTyperTest, LongestKeyAtAPositionWins) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  CheckCases(typer,
             {
                 // 总投资 over 投资 (same table, other first code
                 // point).
                 {"园区总投资8亿元", "8亿元", "total_investment", "总投资"},
                 // 投资收益 (blocker) over 投资 (trigger): no
                 // investment.
                 {"去年投资收益2亿元", "2亿元", ""},
                 // 投资者 (neutral) over 投资: the amount is left
                 // untyped.
                 {"引入投资者2亿元", "2亿元", ""},
                 {"引入投资2亿元", "2亿元", "investment", "投资"},
                 // "put in" (fund) over "Put" (investment).
                 {"they put in $6 million", "$6 million", "fund", "put in"},
             });
}

TEST(InvestmentTyperTest, TriggerOfUnknownKindHidesShorterKeysOfItsTable) {
  // "invest more" has a kind that does not exist: it is no trigger, and
  // "invest" is not read at that position in its place.
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  CheckCases(typer,
             {
                 {"we invest more $5 million", "$5 million", ""},
                 {"we invest $5 million", "$5 million", "investment", "invest"},
             });
}

TEST(InvestmentTyperTest, PositionsNoKeyStartsWithAreSkipped) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  CheckCases(typer, {
                        // No key starts with #, %, a digit, or 按 (whose
                        // first byte is that of 投).
                        {"#% 42 按5亿元", "5亿元", ""},
                        {"#% 42 投资5亿元", "5亿元", "investment", "投资"},
                        // A key cut short by the end of the text.
                        {"5亿元投", "5亿元", ""},
                        {"5亿元基金", "5亿元", "fund", "基金"},
                    });
}

TEST(InvestmentTyperTest, ReadsEntriesThatCustomRulesAddToTheTables) {
  // Users extend the tables: a second rule text adds a trigger, a blocker and
  // an English key.
  RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper before{RuleTables(&rules)};
  const Status status = internal::ParseRuleText(R"(
table investment_trigger
  注资        investment
  募资        financing
  backed by   investment
table investment_blocker
  注资款      other
)",
                                                "custom", &rules);
  ASSERT_TRUE(status.ok()) << status.message();
  const InvestmentTyper after{RuleTables(&rules)};
  const std::vector<Case> with_custom_words = {
      {"集团拟注资6亿元", "6亿元", "investment", "注资"},
      {"集团募资6亿元", "6亿元", "financing", "募资"},
      {"收到注资款6亿元", "6亿元", ""},
      {"backed by $6 million", "$6 million", "investment", "backed by"},
      // The built-in words still work.
      {"集团融资6亿元", "6亿元", "financing", "融资"},
  };
  CheckCases(after, with_custom_words);
  // A typer holds what its tables held when it was built.
  CheckCases(before, {
                         {"集团拟注资6亿元", "6亿元", ""},
                         {"集团融资6亿元", "6亿元", "financing", "融资"},
                     });
}

TEST(InvestmentTyperTest, RuleSetWithoutTriggerTableTypesNothing) {
  const RuleSet empty;
  const RuleSet no_trigger = test_support::ParseTestRules(R"(
table investment_trigger_after
  fund        fund
table investment_blocker
  revenue     revenue
)");
  const std::string_view text = "投资5亿元，a $1 billion fund";
  const std::vector<Money> money = MoneyAt(text, {"5亿元", "$1 billion"});
  for (const InvestmentTyper& typer :
       {InvestmentTyper(), InvestmentTyper(RuleTables(&empty)),
        InvestmentTyper(RuleTables(&no_trigger))}) {
    std::vector<Investment> found;
    typer.Find(Document(text), money, &found);
    EXPECT_TRUE(found.empty());
  }
  // The same text with the full word list: both amounts are typed.
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  std::vector<Investment> found;
  InvestmentTyper(RuleTables(&rules)).Find(Document(text), money, &found);
  EXPECT_EQ(found.size(), 2u);
}

TEST(InvestmentTyperTest, InvestorAndTargetUseTheSuffixIndex) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  const std::string_view text = "远航集团拟投资5亿元建设科技园区。";
  const std::vector<Money> money = MoneyAt(text, {"5亿元"});
  std::vector<Investment> found;
  typer.Find(Document(text), money, &found);
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].investor.has_value());
  EXPECT_EQ(found[0].investor->Slice(text), "远航集团");
  ASSERT_TRUE(found[0].target.has_value());
  EXPECT_EQ(found[0].target->Slice(text), "科技园区");
  // No organisation suffix: no investor.
  const std::string_view no_suffix = "远航拟投资5亿元。";
  found.clear();
  typer.Find(Document(no_suffix), MoneyAt(no_suffix, {"5亿元"}), &found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].investor.has_value());
}

TEST(InvestmentTyperTest, FreeFunctionAndCopiesAgreeWithTheTyper) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  const InvestmentTyper copy = typer;
  const std::string_view text =
      "远航集团总投资8亿元和2亿元，其中融资3亿元。Orbit raised $7 million.";
  const std::vector<Money> money =
      MoneyAt(text, {"8亿元", "2亿元", "3亿元", "$7 million"});
  std::vector<Investment> from_typer, from_copy, from_function;
  typer.Find(Document(text), money, &from_typer);
  copy.Find(Document(text), money, &from_copy);
  internal::FindInvestments(text, money, RuleTables(&rules), &from_function);
  ASSERT_EQ(from_typer.size(), 4u);
  EXPECT_EQ(Describe(from_copy), Describe(from_typer));
  EXPECT_EQ(Describe(from_function), Describe(from_typer));
}

TEST(InvestmentTyperTest, ConcurrentFindsGiveTheSameResult) {
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  const std::string_view text = "园区总投资8亿元。Orbit raised $7 million.";
  const std::vector<Money> money = MoneyAt(text, {"8亿元", "$7 million"});
  const Document document(text);  // read by every thread at once
  std::vector<Investment> expected;
  typer.Find(document, money, &expected);
  ASSERT_EQ(expected.size(), 2u);
  std::vector<std::vector<Investment>> results(4);
  std::vector<std::thread> threads;
  for (std::vector<Investment>& result : results) {
    threads.emplace_back([&typer, &document, &money, &result] {
      for (int i = 0; i < 200; ++i) {
        result.clear();
        typer.Find(document, money, &result);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<Investment>& result : results)
    EXPECT_EQ(Describe(result), Describe(expected));
}

TEST(InvestmentTyperTest, EveryPrefixOfTheTextIsReadSafely) {
  // Cut anywhere, even inside a code point, the text is read without reading
  // past its end, and every span stays inside it.
  const RuleSet rules = test_support::ParseTestRules(kIndexRules);
  const InvestmentTyper typer{RuleTables(&rules)};
  const std::string full = "远航集团拟投资5亿元建设科技园区，Orbit raised 9";
  for (std::size_t size = 1; size <= full.size(); ++size) {
    const std::string text = full.substr(0, size);
    std::vector<Money> money;
    const std::size_t at = text.find('5');
    if (at == std::string::npos) continue;
    Money m;
    m.span = Span{at, at + 1};
    money.push_back(m);
    std::vector<Investment> found;
    typer.Find(Document(text), money, &found);
    ASSERT_EQ(found.size(), 1u) << size;
    EXPECT_LE(found[0].trigger.end, text.size());
    if (found[0].target) {
      EXPECT_LE(found[0].target->end, text.size());
    }
  }
}

}  // namespace
}  // namespace factx
