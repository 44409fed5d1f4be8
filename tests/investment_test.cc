// Investment typing: which money amounts their clause presents as investments,
// of what kind.
//
// Three layers:
//  - InvestmentTieTest: the tying rules (lib/facts/investment_typer.cc) on a
//  small word list of its
//    own (kTestRules), so that editing the real tables never breaks these
//    tests;
//  - InvestmentWordsTest: the built-in tables (lib/rules/*/investment.rules) on
//  news-style
//    sentences, with every kind, lists, near misses and income-like amounts;
//  - InvestmentExtractionTest: the whole pipeline, with money found by the
//  money rules and
//    spans mapped back to the original text.
// The first two give the typer the amounts by hand, so they do not depend on
// money rules.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_file.h"
#include "engine/rule_match.h"
#include "facts/investment_typer.h"
#include "factx/extractor.h"
#include "test_support.h"

namespace factx {
namespace {

using internal::FindInvestments;
using internal::RuleSet;
using internal::RuleTables;

// A small word list for the tying rules.
constexpr std::string_view kTestRules = R"(
table investment_trigger
  总投资      total_investment
  投资        investment
  融资        financing
  授信        credit_line
  研发投入    rnd_spending
  产业基金    fund
  raised      financing
  invest      investment
  credit line credit_line
  收购        acquisition
  buy         acquisition
  sold        acquisition
  typo        no_such_kind
table investment_trigger_after
  基金        fund
  fund        fund
  stake       acquisition
  notes       financing
table investment_yields_to
  投资        acquisition
  sold        financing
table investment_per_share
  a share     share
table investment_round
  B轮         financing
  series b    financing
table investment_blocker
  产值        output
  投资收益    income
  营收        revenue
  revenue     revenue
table investment_neutral
  投资者      person
table investment_continuation
  其中        breakdown
  规模        amount
  including   breakdown
table investment_list_joiner
  和          list
  、          list
  and         list
  or          list
table investment_filler
  的          attributive
  a           filler
table investment_investor_adverb
  拟          modal
  以          means
  plans to    modal
  agreed to   modal
table investment_investor_suffix
  公司        org
table investment_target_verb
  建设        build
  收购        buy
  buy         buy
  in          place
table investment_target_suffix
  项目        project
  公司        company
)";

// The built-in investment tables alone (no money rules needed).
const RuleSet& BuiltinInvestmentRules() {
  static const RuleSet* const rules = [] {
    auto* set = new RuleSet();
    for (const internal::BuiltinRuleFile& file : internal::BuiltinRuleFiles()) {
      const std::string_view path = file.path;
      const std::string_view name = "investment.rules";
      if (path.size() < name.size() ||
          path.substr(path.size() - name.size()) != name)
        continue;
      const Status status = internal::ParseRuleText(file.text, file.path, set);
      EXPECT_TRUE(status.ok()) << status.message();
    }
    return set;
  }();
  return *rules;
}

// What one amount of a case should give: `kind` empty for "not an investment".
struct Expected {
  std::string_view amount;  // its text; amounts are found left to right
  std::string_view kind;
  std::string_view trigger;
  std::string_view investor = {};  // checked when not empty
  std::string_view target = {};    // checked when not empty
};

struct Case {
  std::string_view text;  // normalized text (ASCII digits, ，。 kept)
  std::vector<Expected> amounts;
};

// Money facts at the amounts of `c`, in order; the value is a stand-in (1).
std::vector<Money> AmountsOf(const Case& c) {
  std::vector<Money> money;
  std::size_t from = 0;
  for (const Expected& expected : c.amounts) {
    const std::size_t at = c.text.find(expected.amount, from);
    EXPECT_NE(at, std::string_view::npos)
        << expected.amount << " not in " << c.text;
    if (at == std::string_view::npos) break;
    Money m;
    m.span = Span{at, at + expected.amount.size()};
    m.amount = Decimal{1, 0};
    m.rule = static_cast<RuleId>(money.size() + 7);
    money.push_back(m);
    from = at + expected.amount.size();
  }
  return money;
}

void CheckCase(const Case& c, const RuleSet& rules) {
  SCOPED_TRACE(std::string(c.text));
  const std::vector<Money> money = AmountsOf(c);
  std::vector<Investment> found;
  FindInvestments(c.text, money, RuleTables(&rules), &found);
  std::size_t next = 0;
  for (std::size_t i = 0; i < money.size(); ++i) {
    const Expected& expected = c.amounts[i];
    SCOPED_TRACE(std::string(expected.amount));
    const bool is_found =
        next < found.size() && found[next].span == money[i].span;
    if (expected.kind.empty()) {
      EXPECT_FALSE(is_found)
          << "typed as " << InvestmentKindName(found[next].kind) << " by "
          << found[next].trigger.Slice(c.text);
      continue;
    }
    ASSERT_TRUE(is_found) << "not typed";
    const Investment& investment = found[next++];
    EXPECT_EQ(InvestmentKindName(investment.kind), expected.kind);
    EXPECT_EQ(investment.trigger.Slice(c.text), expected.trigger);
    EXPECT_EQ(investment.money.span, money[i].span);
    EXPECT_EQ(investment.money.amount, money[i].amount);
    EXPECT_EQ(investment.rule, money[i].rule);
    if (!expected.investor.empty()) {
      ASSERT_TRUE(investment.investor.has_value());
      EXPECT_EQ(investment.investor->Slice(c.text), expected.investor);
    }
    if (!expected.target.empty()) {
      ASSERT_TRUE(investment.target.has_value());
      EXPECT_EQ(investment.target->Slice(c.text), expected.target);
    }
  }
  EXPECT_EQ(next, found.size()) << "more investments than expected";
}

// ---------------------------------------------------------------------------------------------
// The tying rules, on kTestRules.

TEST(InvestmentTieTest, TiesAmountsToTheTriggerBeforeOrAfterThem) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case cases[] = {
      // Head: a trigger right before, qualifiers and 为/达 between.
      {"该项目总投资50亿元。", {{"50亿元", "total_investment", "总投资"}}},
      {"计划投资约为5亿元。", {{"约为5亿元", "investment", "投资"}}},
      {"某公司拟投资5亿元建设新材料项目。",
       {{"5亿元", "investment", "投资", "某公司", "新材料项目"}}},
      // Trigger after the amount, past filler.
      {"去年完成3亿元的融资。", {{"3亿元", "financing", "融资"}}},
      {"设立10亿元的基金。", {{"10亿元", "fund", "基金"}}},
      // After an attributive 的, a longer name may stand before the trigger.
      {"设立10亿元的新能源汽车产业基金。", {{"10亿元", "fund", "产业基金"}}},
      {"设立10亿元新能源汽车产业基金。", {{"10亿元", "", ""}}},
      {"设立10亿元的支持全省新能源汽车零部件企业发展的产业基金。",
       {{"10亿元", "", ""}}},
      {"a $1 billion fund", {{"$1 billion", "fund", "fund"}}},
      // A round label joins the trigger after it.
      {"完成2亿元B轮融资。", {{"2亿元", "financing", "B轮融资"}}},
      {"raised $9 million in a Series B round",
       {{"$9 million", "financing", "raised"}}},
      {"a $9 million Series B raised by",
       {{"$9 million", "financing", "Series B raised"}}},
      // Farther before: up to kFarGap bytes, nothing blocking.
      {"研发投入同比增长二成至3亿元。",
       {{"3亿元", "rnd_spending", "研发投入"}}},
      // English words ignore case and need word boundaries.
      {"Acme RAISED $5 million", {{"$5 million", "financing", "RAISED"}}},
      {"a $5 million refund", {{"$5 million", "", ""}}},
      {"the $5 million funds", {{"$5 million", "", ""}}},
      {"Acme plans to invest $2 billion in Hanoi",
       {{"$2 billion", "investment", "invest", "Acme", "Hanoi"}}},
  };
  for (const Case& c : cases) CheckCase(c, rules);
}

TEST(InvestmentTieTest, TypesEveryAmountOfAList) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case cases[] = {
      {"两个项目总投资分别为12亿元和8亿元。",
       {{"12亿元", "total_investment", "总投资"},
        {"8亿元", "total_investment", "总投资"}}},
      {"投资一期12亿元、二期8亿元、三期5亿元。",
       {{"12亿元", "investment", "投资"},
        {"8亿元", "investment", "投资"},
        {"5亿元", "investment", "投资"}}},
      {"invest $3 billion and $2 billion",
       {{"$3 billion", "investment", "invest"},
        {"$2 billion", "investment", "invest"}}},
      // A list before a trigger after it.
      {"分别获得1亿元和2亿元的融资。",
       {{"1亿元", "financing", "融资"}, {"2亿元", "financing", "融资"}}},
      // No joiner: the trigger is taken by the first amount only.
      {"投资5亿元建设一家账上有2亿元的企业。",
       {{"5亿元", "investment", "投资"}, {"2亿元", "", ""}}},
      // A blocker in the list ends it.
      {"投资5亿元和营收3亿元。",
       {{"5亿元", "investment", "投资"}, {"3亿元", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, rules);
}

TEST(InvestmentTieTest, BlockersCutTheTie) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case cases[] = {
      // A blocker heads the amount.
      {"上半年投资收益3亿元。", {{"3亿元", "", ""}}},
      {"投资建设的项目年产值20亿元。", {{"20亿元", "", ""}}},
      {"revenue of $5 billion", {{"$5 billion", "", ""}}},
      // A blocker right before the amount keeps it from a trigger after it.
      {"营收5亿元的投资。", {{"5亿元", "", ""}}},
      // A blocker between amount and trigger after it stops the search.
      {"5亿元营收的融资。", {{"5亿元", "", ""}}},
      // A blocker between trigger and amount, farther away.
      {"投资后的企业今年营收预计达到8亿元。", {{"8亿元", "", ""}}},
      // A neutral word holds a trigger but is none.
      {"投资者获得5亿元。", {{"5亿元", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, rules);
}

TEST(InvestmentTieTest, KeepsTiesInsideTheClause) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case cases[] = {
      // A trigger in another clause does not reach the amount.
      {"公司完成融资，员工增至300人，账上现金3亿元。", {{"3亿元", "", ""}}},
      {"公司继续投资，产值20亿元。", {{"20亿元", "", ""}}},
      {"公司继续投资。今年收获5亿元。", {{"5亿元", "", ""}}},
      {"Acme raised funds, and Beta reported $3 million",
       {{"$3 million", "", ""}}},
      // Too far before, or too much text between amount and a trigger after it.
      {"投资一事引发了广泛的讨论与关注和长时间的争论至今已有3亿元。",
       {{"3亿元", "", ""}}},
      {"3亿元被用来偿还此前所欠下的全部融资。", {{"3亿元", "", ""}}},
      // After-only triggers do not tie an amount after them.
      {"基金持有股票5亿元。", {{"5亿元", "", ""}}},
      {"the fund holds $3 billion", {{"$3 billion", "", ""}}},
      // A digit-grouping comma is no clause break.
      {"invest 1,000 dollars", {{"1,000 dollars", "investment", "invest"}}},
  };
  for (const Case& c : cases) CheckCase(c, rules);
}

TEST(InvestmentTieTest, ContinuationClausesTakeTheOpenTrigger) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case cases[] = {
      {"总投资50亿元，其中一期20亿元。",
       {{"50亿元", "total_investment", "总投资"},
        {"20亿元", "total_investment", "总投资"}}},
      {"设立产业基金，规模100亿元。", {{"100亿元", "fund", "产业基金"}}},
      {"设立一支基金，规模100亿元，其中首期30亿元。",
       {{"100亿元", "fund", "基金"}, {"30亿元", "fund", "基金"}}},
      // An amount that opens the clause continues it.
      {"分别投资5亿元，3亿元。",
       {{"5亿元", "investment", "投资"}, {"3亿元", "investment", "投资"}}},
      {"Acme raised $80 million, including $30 million from Beta",
       {{"$80 million", "financing", "raised"},
        {"$30 million", "financing", "raised"}}},
      // A clause with neither words nor amounts passes the trigger on.
      {"获得融资，由多家机构参与，规模2亿元。",
       {{"2亿元", "financing", "融资"}}},
      // Not after a blocked clause, a clause that does not open with a
      // continuation word, or across a sentence.
      {"投资项目产值大增，其中出口20亿元。", {{"20亿元", "", ""}}},
      {"获得融资，公司另有存款2亿元。", {{"2亿元", "", ""}}},
      {"完成融资。规模2亿元。", {{"2亿元", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, rules);
}

TEST(InvestmentTieTest, AcquisitionsTakeThePriceOfTheDeal) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case cases[] = {
      // The buyer before the amount, the target after the buying verb.
      {"某公司拟以12亿元收购甲公司100%股权。",
       {{"12亿元", "acquisition", "收购", "某公司", "甲公司"}}},
      {"Acme agreed to buy Beta Corp for $4 billion",
       {{"$4 billion", "acquisition", "buy", "Acme", "Beta Corp"}}},
      // A general verb yields to a trigger of the kind its table names right
      // after the amount, and to no other kind.
      {"集团投资2亿元收购一家企业。", {{"2亿元", "acquisition", "收购"}}},
      {"集团投资2亿元设立产业基金。", {{"2亿元", "investment", "投资"}}},
      {"Acme sold $200 million of 7% notes",
       {{"$200 million", "financing", "notes"}}},
      {"Acme sold its unit for $300 million",
       {{"$300 million", "acquisition", "sold"}}},
      // A price per share is no total: the trigger waits for the total.
      {"Acme will buy it at $48 a share, or $1.9 billion",
       {{"$48", "", ""}, {"$1.9 billion", "acquisition", "buy"}}},
      {"buy at $48 a share", {{"$48", "", ""}}},
      // A trigger that ties only an amount before it does not hide the open
      // trigger before it.
      {"Acme will buy the 40% stake it does not own for $1 billion",
       {{"$1 billion", "acquisition", "buy"}}},
      {"paid $300 million for a 25% stake",
       {{"$300 million", "acquisition", "stake"}}},
      // A full stop before a lower-case word ends an abbreviation, not the
      // sentence.
      {"Acme agreed to buy Gamma Inc. for $300 million",
       {{"$300 million", "acquisition", "buy"}}},
      {"Acme agreed to buy Gamma. For $300 million",
       {{"$300 million", "", ""}}},
      // Past the forward gap, only a capitalized trigger ends a name of
      // capitalized words.
      {"the $3 billion Example Growth Global Fund",
       {{"$3 billion", "fund", "Fund"}}},
      {"$8 billion into its North Carolina battery fund",
       {{"$8 billion", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, rules);
}

TEST(InvestmentTieTest, IgnoresTriggersOfUnknownKindAndRuleSetsWithoutTables) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  CheckCase({"a typo $5 million", {{"$5 million", "", ""}}}, rules);

  const RuleSet empty;
  const Case c{"总投资50亿元", {{"50亿元", "", ""}}};
  std::vector<Investment> found;
  FindInvestments(c.text, AmountsOf(c), RuleTables(&empty), &found);
  EXPECT_TRUE(found.empty());
}

TEST(InvestmentTieTest, AppendsToWhatIsThere) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const Case c{"总投资50亿元", {{"50亿元", "total_investment", "总投资"}}};
  std::vector<Investment> found(1);
  FindInvestments(c.text, AmountsOf(c), RuleTables(&rules), &found);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].trigger.Slice(c.text), "总投资");
}

// Every cut of a text into amounts terminates and gives spans inside the text.
TEST(InvestmentTieTest, TerminatesOnAnyAmountLayout) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  const std::string_view text =
      "总投资12亿元和8亿元，其中B轮融资3亿元的基金、Acme raised $5 million. "
      "营收2亿元";
  std::vector<std::size_t> boundaries;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() ||
        (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      boundaries.push_back(i);
    }
  }
  for (std::size_t width : {1, 2, 3, 5}) {
    for (std::size_t offset = 0; offset < width + 1; ++offset) {
      std::vector<Money> money;
      for (std::size_t b = offset; b + width < boundaries.size();
           b += width + 1) {
        Money m;
        m.span = Span{boundaries[b], boundaries[b + width]};
        money.push_back(m);
      }
      std::vector<Investment> found;
      FindInvestments(text, money, RuleTables(&rules), &found);
      for (const Investment& investment : found) {
        EXPECT_LE(investment.trigger.end, text.size());
        EXPECT_LT(investment.trigger.begin, investment.trigger.end);
        EXPECT_LE(investment.span.end, text.size());
      }
    }
  }
}

TEST(InvestmentTieTest, TypesALongListInOnePass) {
  const RuleSet rules = test_support::ParseTestRules(kTestRules);
  std::string text = "总投资";
  std::vector<Money> money;
  for (int i = 0; i < 20000; ++i) {
    if (i > 0) text += "、";
    Money m;
    m.span.begin = text.size();
    text += "5亿元";
    m.span.end = text.size();
    money.push_back(m);
  }
  std::vector<Investment> found;
  FindInvestments(text, money, RuleTables(&rules), &found);
  ASSERT_EQ(found.size(), money.size());
  EXPECT_EQ(found.back().trigger.Slice(text), "总投资");
}

TEST(InvestmentKindTest, ParsesEveryKindName) {
  const InvestmentKind kinds[] = {
      InvestmentKind::kTotalInvestment, InvestmentKind::kInvestment,
      InvestmentKind::kFinancing,       InvestmentKind::kFund,
      InvestmentKind::kCreditLine,      InvestmentKind::kRndSpending,
      InvestmentKind::kAcquisition,
  };
  for (InvestmentKind kind : kinds) {
    InvestmentKind parsed = InvestmentKind::kInvestment;
    EXPECT_TRUE(
        internal::ParseInvestmentKind(InvestmentKindName(kind), &parsed));
    EXPECT_EQ(parsed, kind);
  }
  InvestmentKind parsed;
  EXPECT_FALSE(internal::ParseInvestmentKind("", &parsed));
  EXPECT_FALSE(internal::ParseInvestmentKind("Investment", &parsed));
}

// ---------------------------------------------------------------------------------------------
// The built-in tables.

TEST(InvestmentWordsTest, EveryTriggerHasAKnownKind) {
  const RuleSet& rules = BuiltinInvestmentRules();
  for (std::string_view table :
       {"investment_trigger", "investment_trigger_after", "investment_round"}) {
    auto it = rules.tables.find(table);
    ASSERT_NE(it, rules.tables.end()) << table;
    EXPECT_FALSE(it->second.entries.empty());
    for (const auto& [key, value] : it->second.entries) {
      InvestmentKind kind;
      EXPECT_TRUE(internal::ParseInvestmentKind(value, &kind))
          << table << ": " << key;
    }
  }
}

TEST(InvestmentWordsTest, ChineseKinds) {
  const Case cases[] = {
      {"该项目总投资50亿元，建成后年产值可达100亿元。",
       {{"50亿元", "total_investment", "总投资"}, {"100亿元", "", ""}}},
      {"这座物流园项目总投资约18亿元。",
       {{"约18亿元", "total_investment", "总投资"}}},
      {"某集团拟投资5亿元建设新能源电池项目。",
       {{"5亿元", "investment", "投资", "某集团", "新能源电池项目"}}},
      {"公司以自有资金出资2亿元设立全资子公司。",
       {{"2亿元", "investment", "出资", "公司", "全资子公司"}}},
      // The purchase after the amount decides over the spending verb.
      {"该车企斥资120亿元收购一家电池厂。",
       {{"120亿元", "acquisition", "收购"}}},
      {"母公司向其增资3亿元。", {{"3亿元", "investment", "增资"}}},
      {"今年全市完成固定资产投资860亿元。",
       {{"860亿元", "investment", "固定资产投资"}}},
      {"董事会核准资本预算约新台币292.6亿元。",
       {{"约新台币292.6亿元", "investment", "资本预算"}}},
      {"集团与银团签订一笔50亿港元的五年期银团贷款。",
       {{"50亿港元", "credit_line", "银团贷款"}}},
      // A plain loan is money lent.
      {"银行向企业发放贷款120亿元。", {{"120亿元", "", ""}}},
      {"公司宣布完成3亿元B轮融资。", {{"3亿元", "financing", "B轮融资"}}},
      {"这家初创企业获得5000万元天使轮投资。",
       {{"5000万元", "financing", "天使轮投资"}}},
      {"公司拟定增募资不超过15亿元。", {{"不超过15亿元", "financing", "募资"}}},
      {"该市设立规模20亿元的产业引导基金。", {{"20亿元", "fund", "引导基金"}}},
      {"这只母基金总规模为50亿元。", {{"50亿元", "fund", "母基金"}}},
      // A special fund set up with the amount before it; an allocation after
      // it is none.
      {"该市设立1.5亿元的专项资金。", {{"1.5亿元", "fund", "专项资金"}}},
      {"财政安排专项资金15亿元。", {{"15亿元", "", ""}}},
      // After a size word, a fund word after the amount says what it is the
      // size of, whatever trigger came before; without one, the trigger holds.
      {"市政府出资设立规模50亿元的先进制造产业基金。",
       {{"50亿元", "fund", "产业基金"}}},
      {"集团出资规模3亿元，用于新建厂房。", {{"3亿元", "investment", "出资"}}},
      {"多家银行为园区推出300亿元专项信贷计划。",
       {{"300亿元", "credit_line", "信贷计划"}}},
      {"工商银行对该省意向性授信500亿元。",
       {{"500亿元", "credit_line", "意向性授信"}}},
      {"去年公司研发投入达8.6亿元，占营业收入的12%。",
       {{"8.6亿元", "rnd_spending", "研发投入"}}},
      {"研发费用同比增长25%至4.2亿元。",
       {{"4.2亿元", "rnd_spending", "研发费用"}}},
      {"项目投资人民币5亿元。", {{"5亿元", "investment", "投资"}}},
      {"其中6亿元拟投向智能工厂项目。", {{"6亿元", "investment", "投向"}}},
      {"这家公司在港上市集资总额为80亿港元。",
       {{"80亿港元", "financing", "集资"}}},
      {"公司募资30亿港元(约合27亿元人民币)。",
       {{"30亿港元", "financing", "募资"},
        {"约合27亿元人民币", "financing", "募资"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, ChineseListsAndContinuations) {
  const Case cases[] = {
      {"两个项目总投资分别为12亿元和8亿元。",
       {{"12亿元", "total_investment", "总投资"},
        {"8亿元", "total_investment", "总投资"}}},
      {"一期投资20亿元、二期投资30亿元。",
       {{"20亿元", "investment", "投资"}, {"30亿元", "investment", "投资"}}},
      {"该项目计划总投资60亿元，其中一期工程25亿元，二期35亿元。",
       {{"60亿元", "total_investment", "总投资"},
        {"25亿元", "total_investment", "总投资"},
        {"35亿元", "total_investment", "总投资"}}},
      {"该基金由市政府牵头设立，总规模100亿元，首期规模20亿元。",
       {{"100亿元", "fund", "基金"}, {"20亿元", "fund", "基金"}}},
      {"公司宣布完成新一轮融资，金额达2亿元。",
       {{"2亿元", "financing", "融资"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, ChineseAmountsThatAreNoInvestment) {
  const Case cases[] = {
      {"公司上半年实现投资收益3亿元。", {{"3亿元", "", ""}}},
      {"该公司去年营收50亿元，今年计划投资10亿元扩建产能。",
       {{"50亿元", "", ""}, {"10亿元", "investment", "投资"}}},
      {"公司去年完成融资，净利润达2亿元。", {{"2亿元", "", ""}}},
      {"集团加大投资力度，今年销售额预计为80亿元。", {{"80亿元", "", ""}}},
      {"大赛一等奖奖金为50万元，吸引多家投资机构参与。", {{"50万元", "", ""}}},
      {"该项目投资建设的住宅均价为每平方米3万元。", {{"3万元", "", ""}}},
      {"投资者获得分红1亿元。", {{"1亿元", "", ""}}},
      {"本轮融资后公司估值达到100亿元。", {{"100亿元", "", ""}}},
      {"一座价值5亿元的工厂正式投入运营。", {{"5亿元", "", ""}}},
      {"5亿元的新厂房已投入运营。", {{"5亿元", "", ""}}},
      {"融资租赁公司的资产规模达300亿元。", {{"300亿元", "", ""}}},
      {"该公司注册资本1亿元，主要从事股权投资。", {{"1亿元", "", ""}}},
      {"去年该行发放贷款利息收入12亿元。", {{"12亿元", "", ""}}},
      {"公司拟使用不超过3亿元的闲置募集资金购买理财产品。",
       {{"不超过3亿元", "", ""}}},
      {"高新技术企业研发费用加计扣除金额达到12亿元。", {{"12亿元", "", ""}}},
      {"公司营收30亿港元(约合27亿元人民币)。",
       {{"30亿港元", "", ""}, {"约合27亿元人民币", "", ""}}},
      {"项目用地补偿5亿元及配套投资由政府承担。", {{"5亿元", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, ChineseAcquisitions) {
  const Case cases[] = {
      {"某集团拟以12.6亿元收购甲公司100%股权。",
       {{"12.6亿元", "acquisition", "收购", "某集团", "甲公司"}}},
      {"本次交易作价9.8亿元。", {{"9.8亿元", "acquisition", "交易作价"}}},
      {"本次交易对价为31亿港元。", {{"31亿港元", "acquisition", "交易对价"}}},
      {"收购价为每股8.2元。", {{"8.2元", "acquisition", "收购价"}}},
      {"公司以3.5亿元受让乙公司30%股份。",
       {{"3.5亿元", "acquisition", "受让", "公司", "乙公司"}}},
      // The purchase decides the kind, not the spending verb before the
      // amount; with no purchase after it, the verb holds.
      {"集团出资2亿元收购一家物流企业。", {{"2亿元", "acquisition", "收购"}}},
      {"某药企斥资15亿元并购一家生物技术公司。",
       {{"15亿元", "acquisition", "并购"}}},
      {"公司出资2亿元设立全资子公司。", {{"2亿元", "investment", "出资"}}},
      {"公司拟购买丙公司持有的15%股权，交易金额7,800万元。",
       {{"7,800万元", "acquisition", "购买"}}},
      // A sale for a price: the same deal seen from the seller (no investor).
      {"公司拟以4.5亿元向丁公司出售所持股权。",
       {{"4.5亿元", "acquisition", "出售"}}},
      {"公司拟将所持股权以1.2亿元转让给乙公司。",
       {{"1.2亿元", "acquisition", "转让"}}},
      {"公司拟以现金1.8亿元收购某医疗器械公司60%股权。",
       {{"1.8亿元", "acquisition", "收购"}}},
      {"并购基金规模为50亿元。", {{"50亿元", "fund", "并购基金"}}},
      // 以…的价格 + a deal verb: the price the deal is struck at.
      {"大股东拟以不低于2亿元的价格受让乙公司30%股份。",
       {{"不低于2亿元", "acquisition", "受让"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, ChineseDealsThatAreNoAcquisition) {
  const Case cases[] = {
      {"公司出售股权获得投资收益3000万元。", {{"3000万元", "", ""}}},
      {"公司拟以2亿元回购公司股份。", {{"2亿元", "", ""}}},
      {"公司拟以每股10元的价格回购股份。", {{"10元", "", ""}}},
      {"该地块挂牌价格5亿元。", {{"5亿元", "", ""}}},
      {"公司回购股份金额累计达到1.5亿元。", {{"1.5亿元", "", ""}}},
      {"公司为全资子公司提供3亿元担保。", {{"3亿元", "", ""}}},
      {"控股股东质押的股份市值约5亿元。", {{"约5亿元", "", ""}}},
      {"公司中标金额为2.3亿元的轨道交通项目。", {{"2.3亿元", "", ""}}},
      {"双方签署采购合同，合同金额1.2亿元。", {{"1.2亿元", "", ""}}},
      {"公司拟收购某矿业公司，该矿山去年实现营收5亿元。", {{"5亿元", "", ""}}},
      {"净利润3.2亿元，其中出售子公司股权贡献1亿元。",
       {{"3.2亿元", "", ""}, {"1亿元", "", ""}}},
      {"公司拟购买理财产品5亿元。", {{"5亿元", "", ""}}},
      {"本次收购的标的公司注册资本为1亿元。", {{"1亿元", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, EnglishAcquisitions) {
  const Case cases[] = {
      {"Acme agreed to buy Beta Corp for $4.2 billion.",
       {{"$4.2 billion", "acquisition", "buy", "Acme", "Beta Corp"}}},
      {"The board approved a $900 million takeover of a rival.",
       {{"$900 million", "acquisition", "takeover"}}},
      {"The insurer paid €300 million for a 25% stake in the bank.",
       {{"€300 million", "acquisition", "stake"}}},
      {"The group agreed to sell its paper unit to Gamma Inc. for $300 "
       "million.",
       {{"$300 million", "acquisition", "sell"}}},
      {"Delta Air bid $48 a share, or $1.9 billion, for the carrier.",
       {{"$48", "", ""}, {"$1.9 billion", "acquisition", "bid"}}},
      {"Zeta acquired the chain in a deal valued at $2.5 billion.",
       {{"$2.5 billion", "acquisition", "deal valued at"}}},
      {"Pi Corp completed its $2.7 billion acquisition of Rho Labs.",
       {{"$2.7 billion", "acquisition", "acquisition"}}},
      {"Kappa will buy the 40% stake it does not own for $1.3 billion.",
       {{"$1.3 billion", "acquisition", "buy"}}},
      // A deal-value clause gives the price of the acquisition before it.
      {"The acquisition of Delta Ltd, valued at £1.1bn, closed in March.",
       {{"£1.1bn", "acquisition", "acquisition"}}},
      {"The takeover of Kappa Mining, worth A$2.1 billion, was approved.",
       {{"A$2.1 billion", "acquisition", "takeover"}}},
      // The trigger far before the amount: the window counts words.
      {"Lambda Corp sold its cement business to a private equity firm for "
       "$780 million.",
       {{"$780 million", "acquisition", "sold"}}},
      {"The group sold its stake in the port operator to a consortium of "
       "infrastructure investors for about €900 million.",
       {{"about €900 million", "acquisition", "sold"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, EnglishSecuritiesPlantsFundsAndFacilities) {
  const Case cases[] = {
      {"The company sold $200 million of 7 1/4% convertible notes.",
       {{"$200 million", "financing", "convertible notes"}}},
      {"Sigma launched a $350 million bond offering.",
       {{"$350 million", "financing", "bond offering"}}},
      {"The miner raised $80 million in a rights issue.",
       {{"$80 million", "financing", "raised"}}},
      {"It completed a $60 million private placement.",
       {{"$60 million", "financing", "private placement"}}},
      {"It will build a $2 billion chip plant in Ohio.",
       {{"$2 billion", "total_investment", "plant"}}},
      {"The $600 million expansion of the mill will double output.",
       {{"$600 million", "total_investment", "expansion"}}},
      {"It closed the $3 billion Example Growth Fund in June.",
       {{"$3 billion", "fund", "Fund"}}},
      {"It entered into a $500 million revolving credit facility.",
       {{"$500 million", "credit_line", "revolving credit facility"}}},
      {"The agreement provides $75 million in revolving loans.",
       {{"$75 million", "credit_line", "revolving loans"}}},
      // Priced a securities offering: the offering decides.
      {"Meridian priced a $1.5 billion offering of senior notes.",
       {{"$1.5 billion", "financing", "offering"}}},
      {"It signed a $2 billion syndicated loan with 12 banks.",
       {{"$2 billion", "credit_line", "syndicated loan"}}},
      // A change, then the level it leads to: the level is typed.
      {"Harbor said it would cut its capital budget by $200 million to "
       "between $2.3 billion and $2.5 billion.",
       {{"$200 million", "", ""},
        {"between $2.3 billion and $2.5 billion", "investment",
         "capital budget"}}},
      // An earlier trigger stays: the plant is where the money goes.
      {"Kaito will invest an additional $8 billion in its North Carolina "
       "battery plant.",
       {{"$8 billion", "investment", "invest"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, EnglishDealsThatAreNoInvestment) {
  const Case cases[] = {
      {"The firm booked investment gains of $12 million.",
       {{"$12 million", "", ""}}},
      {"It reported a $12 million gain on the sale of its stake.",
       {{"$12 million", "", ""}}},
      {"It recorded a gain on the sale of investments of $4 million.",
       {{"$4 million", "", ""}}},
      {"Assets in the $800 billion money-market fund industry fell.",
       {{"$800 billion", "", ""}}},
      {"The offer price of $27 per share values the company at $4 billion.",
       {{"$27", "", ""}, {"$4 billion", "", ""}}},
      {"Shareholders will receive $22 per share in cash.", {{"$22", "", ""}}},
      {"Its IPO was priced at $17, above the range.", {{"$17", "", ""}}},
      // "to" before a word, not an amount: no change and level.
      {"It raised $300 million to build two plants.",
       {{"$300 million", "financing", "raised"}}},
      {"The company bought back $500 million of its shares.",
       {{"$500 million", "", ""}}},
      {"It withdrew its one-yen bid to design a computer system.",
       {{"one-yen", "", ""}}},
      {"The company won a $1.2 billion contract to supply jets.",
       {{"$1.2 billion", "", ""}}},
      // A valuation with no deal open before it, or after another kind.
      {"The startup, valued at $4 billion, hired 200 engineers.",
       {{"$4 billion", "", ""}}},
      {"The startup raised $50 million, valued at $1 billion.",
       {{"$50 million", "financing", "raised"}, {"$1 billion", "", ""}}},
      // A deal-value word that does not open the clause.
      {"The acquisition of Delta closed, and the unit is valued at $2 "
       "billion.",
       {{"$2 billion", "", ""}}},
      // Past fifteen words the trigger no longer reaches.
      {"Omega sold the plant last year and said the local market for cheap "
       "steel in the north of the country was worth $90 million.",
       {{"$90 million", "", ""}}},
      // A tokenized full stop after a long word ends the sentence.
      {"managers get early news of a bid and a chance to delay . the $ "
       "20,000 tax would be small .",
       {{"$ 20,000", "", ""}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, EnglishKinds) {
  const Case cases[] = {
      {"Acme Corp plans to invest $2 billion in Vietnam over five years.",
       {{"$2 billion", "investment", "invest", "Acme Corp", "Vietnam"}}},
      {"The startup raised $50 million in a Series B round led by Sequoia.",
       {{"$50 million", "financing", "raised"}}},
      {"The company closed a $40 million Series C funding round.",
       {{"$40 million", "financing", "Series C funding round"}}},
      {"BlackRock launched a $1 billion fund for climate projects.",
       {{"$1 billion", "fund", "fund"}}},
      {"The plant has a total investment of 3 billion yuan.",
       {{"3 billion yuan", "total_investment", "total investment"}}},
      {"The bank extended a $500 million credit line to the carmaker.",
       {{"$500 million", "credit_line", "credit line"}}},
      {"R&D spending reached $120 million last year.",
       {{"$120 million", "rnd_spending", "R&D spending"}}},
      {"The group spent $3 billion on R&D.",
       {{"$3 billion", "rnd_spending", "R&D"}}},
      {"It announced a $2 billion investment in chip plants.",
       {{"$2 billion", "investment", "investment"}}},
      {"Beta secured $90 million in debt financing from three banks.",
       {{"$90 million", "financing", "debt financing"}}},
      {"It will lift capital spending to $6 billion, up from $5 billion.",
       {{"$6 billion", "investment", "capital spending"},
        {"$5 billion", "investment", "capital spending"}}},
      // The earlier level after "from" in the same clause.
      {"Capital expenditures jumped to $13.2 billion in the second quarter "
       "from $6.9 billion a year earlier.",
       {{"$13.2 billion", "investment", "Capital expenditures"},
        {"$6.9 billion", "investment", "Capital expenditures"}}},
      // Neither amount is an investment: nothing to carry.
      {"Revenue rose to $5 billion in the quarter from $4 billion.",
       {{"$5 billion", "", ""}, {"$4 billion", "", ""}}},
      // A sum from someone, not from an amount.
      {"It raised $50 million from investors led by Apex.",
       {{"$50 million", "financing", "raised"}}},
      {"The two funds will invest $300 million and $200 million respectively.",
       {{"$300 million", "investment", "invest"},
        {"$200 million", "investment", "invest"}}},
      {"The lab plans to spend $40 million on research over three years.",
       {{"$40 million", "rnd_spending", "research"}}},
      {"It raised HK$7.8 billion ($1 billion) in its listing.",
       {{"HK$7.8 billion", "financing", "raised"},
        {"$1 billion", "financing", "raised"}}},
      {"Donors pledged $4 billion for the rebuilding of ports.",
       {{"$4 billion", "investment", "pledged"}}},
      {"The state committed $1 billion to green projects.",
       {{"$1 billion", "investment", "committed"}}},
      {"The city earmarked $300 million for new schools.",
       {{"$300 million", "investment", "earmarked"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

TEST(InvestmentWordsTest, EnglishAmountsThatAreNoInvestment) {
  const Case cases[] = {
      {"The company reported revenue of $5 billion and said it would invest $1 "
       "billion.",
       {{"$5 billion", "", ""}, {"$1 billion", "investment", "invest"}}},
      {"Net income rose to $300 million, while R&D spending reached $120 "
       "million.",
       {{"$300 million", "", ""},
        {"$120 million", "rnd_spending", "R&D spending"}}},
      {"It raised $200 million at a valuation of $4 billion.",
       {{"$200 million", "financing", "raised"}, {"$4 billion", "", ""}}},
      {"After raising funds last year, the firm posted a profit of $3 million.",
       {{"$3 million", "", ""}}},
      {"The fund holds $3 billion in assets.", {{"$3 billion", "", ""}}},
      {"The chipmaker raised its revenue forecast to $5 billion.",
       {{"$5 billion", "", ""}}},
      {"Investment bank Lazard earned $80 million in fees.",
       {{"$80 million", "", ""}}},
      {"It opened a $10 million R&D center.", {{"$10 million", "", ""}}},
      {"Sales reached $5 billion (revenue $4 billion).",
       {{"$5 billion", "", ""}, {"$4 billion", "", ""}}},
      {"The group signed a $350 million deal and raised $1 billion.",
       {{"$350 million", "", ""}, {"$1 billion", "financing", "raised"}}},
  };
  for (const Case& c : cases) CheckCase(c, BuiltinInvestmentRules());
}

// ---------------------------------------------------------------------------------------------
// The whole pipeline: spans in the caller's text, values from the money rules.

struct EndToEnd {
  std::string_view text;
  std::string_view amount;  // the money span in `text`
  std::string_view value;   // Decimal::ToString of the amount
  std::string_view currency;
  std::string_view kind;
  std::string_view trigger;
};

TEST(InvestmentExtractionTest, ReportsSpansInTheOriginalText) {
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const EndToEnd cases[] = {
      {"该项目总投资50亿元，建成后年产值可达100亿元。", "50亿元", "5000000000",
       "CNY", "total_investment", "总投资"},
      // Full-width digits: the span is the caller's bytes.
      {"近日，该区推出３００亿元专项信贷计划。", "３００亿元", "30000000000",
       "CNY", "credit_line", "信贷计划"},
      {"公司宣布完成3亿元B轮融资。", "3亿元", "300000000", "CNY", "financing",
       "B轮融资"},
      {"The startup raised $50 million in a Series B round.", "$50 million",
       "50000000", "USD", "financing", "raised"},
      // Amounts that name no currency (unknown: "") are typed too.
      {"公司耗资6000万收购一家工厂。", "6000万", "60000000", "", "acquisition",
       "收购"},
      {"某集团以15亿接手该项目。", "15亿", "1500000000", "", "acquisition",
       "接手"},
      {"项目总投资3亿，年内开工。", "3亿", "300000000", "", "total_investment",
       "总投资"},
  };
  ExtractOptions options;
  Extraction facts;
  for (const EndToEnd& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    ASSERT_TRUE(extractor->Extract(c.text, options, &facts).ok());
    ASSERT_EQ(facts.investments.size(), 1u);
    const Investment& investment = facts.investments[0];
    EXPECT_EQ(investment.span.Slice(c.text), c.amount);
    EXPECT_EQ(investment.money.span, investment.span);
    EXPECT_EQ(investment.money.amount.ToString(), c.value);
    EXPECT_EQ(investment.money.currency_code(), c.currency);
    EXPECT_EQ(InvestmentKindName(investment.kind), c.kind);
    EXPECT_EQ(investment.trigger.Slice(c.text), c.trigger);
    // The same amount is reported as money too.
    bool also_money = false;
    for (const Money& money : facts.money)
      also_money |= money.span == investment.span;
    EXPECT_TRUE(also_money);
  }
}

// With the built-in words, a period that opens the clause (一季度, 上半年) is
// not part of the investor; a clause with no organisation names none.
TEST(InvestmentExtractionTest, InvestorsLeaveOutTheLeadingPeriod) {
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const struct {
    std::string_view text;
    std::string_view investor;  // empty: none
  } cases[] = {
      {"一季度全市规模以上工业企业研发投入达23.8亿元。",
       "全市规模以上工业企业"},
      {"今年上半年远航集团拟投资5亿元建设新能源电池项目。", "远航集团"},
      {"前三季度星河控股累计投资18亿元。", "星河控股"},
      {"第二季度，某银行投资3亿元。", "某银行"},
      {"上半年全市研发投入达23.8亿元。", ""},
  };
  Extraction facts;
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text));
    ASSERT_TRUE(extractor->Extract(c.text, ExtractOptions(), &facts).ok());
    ASSERT_EQ(facts.investments.size(), 1u);
    const Investment& investment = facts.investments[0];
    if (c.investor.empty()) {
      EXPECT_FALSE(investment.investor.has_value());
    } else {
      ASSERT_TRUE(investment.investor.has_value());
      EXPECT_EQ(investment.investor->Slice(c.text), c.investor);
    }
  }
}

TEST(InvestmentExtractionTest, ReportsNothingWhenInvestmentsAreNotAskedFor) {
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  ExtractOptions options;
  options.kinds = kMoney;
  Extraction facts;
  ASSERT_TRUE(extractor->Extract("该项目总投资50亿元。", options, &facts).ok());
  EXPECT_TRUE(facts.investments.empty());
  EXPECT_EQ(facts.money.size(), 1u);
}

}  // namespace
}  // namespace factx
