// The rule schema (rule_schema.h): each kind of mistake a rule file can make in
// a capture name, a table name or a value word is a kRuleSyntax naming where
// and the bad word, and near misses that are right stay accepted.
#include "rule_schema.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "facts/money_builder.h"
#include "facts/percent_builder.h"
#include "factx/extractor.h"

namespace factx {
namespace {

// Rules of each kind, self-contained, so that each case builds fast from its
// own text (Extractor::FromRules) and only the line under test varies.
constexpr char kMoneyRule[] =
    "table currency_zh\n  元 CNY\n"
    "rule money.t\n  kind money\n  pattern "
    "(?P<num>[0-9]+)(?P<cur>{@currency_zh})\n";

struct SchemaCase {
  const char* what;  // the mistake, for failure messages
  std::string text;
  const char* message_part;  // in the status message; nullptr: must build
};

std::string MoneyWith(const std::string& extra) { return kMoneyRule + extra; }

const SchemaCase kCases[] = {
    // Captures, by the kind of the rule.
    {"misspelt date capture",
     "rule date.t\n  kind date\n  pattern (?P<yaer>[0-9]{4})年\n",
     "custom-rules-1:1: rule date.t: capture \"yaer\" is not read by date "
     "rules"},
    {"misspelt money capture",
     "table currency_zh\n  元 CNY\nrule money.t\n  kind money\n"
     "  pattern (?P<nmu>[0-9]+)(?P<cur>{@currency_zh})\n",
     "custom-rules-1:3: rule money.t: capture \"nmu\""},
    {"a percent capture in a money rule",
     "table currency_zh\n  元 CNY\nrule money.t\n  kind money\n"
     "  pattern (?P<num>[0-9]+)(?P<cur>{@currency_zh})(?P<denom>x)?\n",
     "capture \"denom\" is not read by money rules"},
    {"misspelt suffixed capture",
     "rule percent.t\n  kind percent\n  pattern (?P<nun__b>[0-9]+)%\n",
     "capture \"nun__b\""},
    {"a capture in a block rule",
     "rule block.t\n  kind block\n  pattern (?P<num>[0-9]+)亩\n",
     "capture \"num\" is not read by block rules"},
    // Values, by the table.
    {"misspelt investment kind",
     MoneyWith("table investment_trigger\n  投资 rnd_spendng\n"),
     "custom-rules-1:7: table investment_trigger: value \"rnd_spendng\" of "
     "\"投资\" must be an investment kind"},
    {"misspelt qualifier", MoneyWith("table qualifier_prefix_zh\n  约 aprox\n"),
     "table qualifier_prefix_zh: value \"aprox\" of \"约\" must be a "
     "qualifier"},
    {"five-letter currency code", MoneyWith("table currency_en\n  bux USDOL\n"),
     "table currency_en: value \"USDOL\" of \"bux\" must be a currency code"},
    {"lower-case currency code", MoneyWith("table currency_zh\n  美元 usd\n"),
     "value \"usd\" of \"美元\" must be a currency code"},
    {"misspelt percent sign",
     "table percent_sign\n  %  percnt\n"
     "rule percent.t\n  kind percent\n  pattern (?P<num>[0-9]+)%\n",
     "table percent_sign: value \"percnt\""},
    {"date offset not an integer",
     MoneyWith("table date_zh_year_offset\n  今年 zero\n"),
     "table date_zh_year_offset: value \"zero\" of \"今年\" must be an "
     "integer"},
    {"misspelt date unit", MoneyWith("table date_en_unit\n  years yr\n"),
     "must be a unit"},
    {"misspelt window", MoneyWith("table date_zh_window\n  前 frnt\n"),
     "must be a window"},
    {"misspelt tense", MoneyWith("table date_en_tense\n  said pasts\n"),
     "must be a tense"},
    {"minor unit not a number", MoneyWith("table money_minor_unit\n  角 .1\n"),
     "must be a decimal number"},
    {"a value in a set of keys",
     MoneyWith("table currency_generic\n  元 CNY\n"), "must be no value"},
    {"filler of no role", MoneyWith("table investment_filler\n  的 attrib\n"),
     "must be filler or attributive"},
    // Table names.
    {"misspelt table the code reads",
     MoneyWith("table curency_en\n  bucks USD\n"),
     "custom-rules-1:6: table curency_en: no rule or guard uses it"},
    {"misspelt table in a pattern",
     "rule money.t\n  kind money\n  pattern (?P<num>[0-9]+){@curency}\n",
     "unknown or empty table {@curency}"},
    {"misspelt table in a guard", MoneyWith("  guard not_after @curency\n"),
     "unknown table @curency"},

    // Near misses: right, so they build.
    {"suffixed captures",
     MoneyWith("") + "rule money.u\n  kind money\n"
                     "  pattern (?P<num__a>[0-9]+)(?P<cur__a>美元)\n",
     nullptr},
    {"a range's end in a date rule",
     "rule date.t\n  kind date\n"
     "  pattern (?P<year>[0-9]{4})年至(?P<to_year>[0-9]{4})年\n",
     nullptr},
    {"fact in a block rule",
     "rule block.t\n  kind block\n  pattern (?P<fact>[0-9]+)亩\n", nullptr},
    {"a currency without a code", MoneyWith("table currency_code\n  BTC\n"),
     nullptr},
    {"every qualifier",
     MoneyWith("table qualifier_prefix_zh\n  约 approx\n  超 over\n  近 under\n"
               "  整 exact\n"),
     nullptr},
    {"every investment kind",
     MoneyWith("table investment_trigger\n  a total_investment\n"
               "  b investment\n  c financing\n  d fund\n  e credit_line\n"
               "  f rnd_spending\n  g acquisition\n"),
     nullptr},
    {"negative date offset",
     MoneyWith("table date_zh_year_offset\n  去年 -1\n"), nullptr},
    {"a table of the rule's own in a guard",
     MoneyWith("  guard not_before @my_units\ntable my_units\n  亩 area\n"),
     nullptr},
    {"a table of the rule's own in a pattern",
     "table my_currency\n  块 whatever words\n"
     "table currency_zh\n  块 CNY\n"
     "rule money.t\n  kind money\n  pattern "
     "(?P<num>[0-9]+)(?P<cur>{@my_currency})\n",
     nullptr},
    {"free labels", MoneyWith("table investment_blocker\n  利润 profit\n"),
     nullptr},
};

TEST(RuleSchemaTest, RejectsEachMistakeAndAcceptsNearMisses) {
  for (const SchemaCase& c : kCases) {
    Result<Extractor> extractor = Extractor::FromRules(c.text);
    if (c.message_part == nullptr) {
      EXPECT_TRUE(extractor.ok())
          << c.what << ": " << extractor.status().ToString();
      continue;
    }
    ASSERT_FALSE(extractor.ok()) << c.what;
    EXPECT_EQ(extractor.status().code(), StatusCode::kRuleSyntax) << c.what;
    EXPECT_NE(extractor.status().message().find(c.message_part),
              std::string::npos)
        << c.what << "\nmessage: " << extractor.status().message()
        << "\nexpected to contain: " << c.message_part;
  }
}

// A custom rule text may extend a built-in table and is checked the same.
TEST(RuleSchemaTest, ChecksCustomRulesAddedToTheBuiltInOnes) {
  ExtractorOptions options;
  options.extra_rules.push_back("table currency_en\n  bux USDOL\n");
  Result<Extractor> extractor = Extractor::Create(options);
  ASSERT_FALSE(extractor.ok());
  EXPECT_NE(extractor.status().message().find(
                "custom-rules-1:2: table currency_en: value \"USDOL\""),
            std::string::npos)
      << extractor.status().message();
}

// The names in a builder's source that `call` reads: the string literals of its
// calls `call("name")`.
std::vector<std::string> NamesRead(const std::string& source,
                                   const std::string& call) {
  const std::regex pattern("\\b" + call + "\\(\\s*\"([a-z0-9_]+)\"\\s*\\)");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

std::string ReadSource(const char* path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Each builder lists the capture names it reads beside the code that reads
// them, and the schema asks that list. This reads the builders' sources so that
// a read of a new name that is not listed fails here, rather than every rule
// that uses the name failing to build: the literals of RuleMatch's Capture,
// Has and CaptureOffset calls, of money_builder.cc's minor-part reader
// `capture` (with and without the prefix "upper_"), and of its loop over the
// currency captures.
TEST(RuleSchemaTest, ListsEveryCaptureTheBuildersRead) {
  const std::string money = ReadSource(FACTX_LIB_DIR "/facts/money_builder.cc");
  const std::string percent =
      ReadSource(FACTX_LIB_DIR "/facts/percent_builder.cc");
  ASSERT_FALSE(money.empty());
  ASSERT_FALSE(percent.empty());
  std::vector<std::string> money_names;
  std::vector<std::string> percent_names;
  for (const char* call : {"Capture", "Has", "CaptureOffset"}) {
    for (const std::string& name : NamesRead(money, call))
      money_names.push_back(name);
    for (const std::string& name : NamesRead(percent, call))
      percent_names.push_back(name);
  }
  for (const std::string& name : NamesRead(money, "capture")) {
    money_names.push_back(name);
    money_names.push_back("upper_" + name);
  }
  const std::regex loop("for \\(std::string_view capture : \\{([^}]*)\\}\\)");
  const std::regex literal("\"([a-z0-9_]+)\"");
  for (auto it = std::sregex_iterator(money.begin(), money.end(), loop);
       it != std::sregex_iterator(); ++it) {
    const std::string list = (*it)[1].str();
    for (auto name = std::sregex_iterator(list.begin(), list.end(), literal);
         name != std::sregex_iterator(); ++name) {
      money_names.push_back((*name)[1].str());
    }
  }
  // The scan finds the reads (a renamed call would find none).
  EXPECT_GE(money_names.size(), 23u);
  EXPECT_GE(percent_names.size(), 16u);
  for (const std::string& name : money_names)
    EXPECT_TRUE(internal::IsMoneyCaptureName(name)) << name;
  for (const std::string& name : percent_names)
    EXPECT_TRUE(internal::IsPercentCaptureName(name)) << name;
}

}  // namespace
}  // namespace factx
