#include "lexing/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_file.h"

namespace factx::internal {
namespace {

// Tables of words chosen for the cuts they test; 元 is in two tables.
constexpr std::string_view kTables = R"(
table unit
  千瓦时
  千米
  万吨
  元
  个百分点
  百分点
table qualifier
  超
  近
table currency
  元
  USD
  us
  HK$
)";

RuleSet TestRules() {
  RuleSet rules;
  EXPECT_TRUE(ParseRuleText(kTables, "test.rules", &rules).ok());
  return rules;
}

// The tokens as "W:word N:number=value N:number (no value) _ O:other".
std::string Describe(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    const std::string_view piece =
        text.substr(token.begin, token.end - token.begin);
    switch (token.kind) {
      case TokenKind::kWord:
        out += "W:" + std::string(piece);
        break;
      case TokenKind::kNumber:
        out += "N:" + std::string(piece);
        if (token.value.has_value()) out += "=" + token.value->ToString();
        break;
      case TokenKind::kSpace:
        out += "_";
        break;
      case TokenKind::kOther:
        out += "O:" + std::string(piece);
        break;
    }
  }
  return out;
}

std::string Lex(const Lexer& lexer, std::string_view text) {
  LexScratch scratch;
  std::vector<Token> tokens;
  lexer.Lex(text, 0, text.size(), &scratch, &tokens);
  return Describe(text, tokens);
}

TEST(LexerTest, CutsNumbersWordsSpacesAndCodePoints) {
  const Lexer lexer(TestRules());
  const struct {
    std::string_view text;
    std::string_view tokens;
  } cases[] = {
      {"", ""},
      {"总投资超800亿元", "O:总 O:投 O:资 W:超 N:800亿=80000000000 W:元"},
      // Separators inside a number: . and , between digits, 点 between
      // numerals; elsewhere they are characters of their own.
      {"1,100.9亿", "N:1,100.9亿=110090000000"},
      {"二点一五", "N:二点一五=2.15"},
      {"3.5.", "N:3.5=3.5 O:."},
      {"5..3", "N:5=5 O:. O:. N:3=3"},
      {"3点", "N:3=3 O:点"},
      {",5", "O:, N:5=5"},
      {"二〇二〇年", "N:二〇二〇=2020 O:年"},
      {"廿五", "N:廿五=25"},
      // A run that is not one number keeps no value.
      {"二三十个百分点", "N:二三十 W:个百分点"},
      // A word that starts inside a run that is no number and ends past it
      // ends the run, when what is left is a number.
      {"30亿千瓦时", "N:30亿=3000000000 W:千瓦时"},
      {"二十千瓦时", "N:二十=20 W:千瓦时"},
      {"三点千瓦时", "N:三=3 O:点 W:千瓦时"},
      {"二三十千瓦时", "N:二三十千 O:瓦 O:时"},
      // A run that is one number is not cut.
      {"三千米", "N:三千=3000 O:米"},
      {"十万吨", "N:十万=100000 O:吨"},
      {"1.千米", "N:1=1 O:. W:千米"},
      // A word longer than the number at the same place wins over it.
      {"百分点", "W:百分点"},
      {"百", "N:百=100"},
      // Latin words: any case, and only as whole runs of letters.
      {"thus 5USD", "O:t O:h O:u O:s _ N:5=5 W:USD"},
      {"usd", "W:usd"},
      {"US$5", "W:US O:$ N:5=5"},
      {"HK$683", "W:HK$ N:683=683"},
      {"近 5 元", "W:近 _ N:5=5 _ W:元"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Lex(lexer, c.text), c.tokens) << c.text;
  }
}

TEST(LexerTest, ReadsLetterRunsAcrossTheEdgesOfTheRange) {
  const Lexer lexer(TestRules());
  LexScratch scratch;
  std::vector<Token> tokens;
  const std::string_view text = "thus us";
  lexer.Lex(text, 2, 4, &scratch, &tokens);  // "us" inside "thus"
  EXPECT_EQ(Describe(text, tokens), "O:u O:s");
  tokens.clear();
  lexer.Lex(text, 5, 7, &scratch, &tokens);
  EXPECT_EQ(Describe(text, tokens), "W:us");
}

TEST(LexerTest, AWordsClassNamesEveryTableThatHoldsIt) {
  const Lexer lexer(TestRules());
  ASSERT_EQ(lexer.table_names(),
            (std::vector<std::string>{"currency", "qualifier", "unit"}));
  EXPECT_EQ(lexer.TableIndex("unit"), 2);
  EXPECT_EQ(lexer.TableIndex("units"), -1);
  LexScratch scratch;
  std::vector<Token> tokens;
  const std::string_view text = "元超USD";
  lexer.Lex(text, 0, text.size(), &scratch, &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(lexer.TablesOf(tokens[0].word_class),
            (std::vector<std::uint16_t>{0, 2}));  // 元: currency and unit
  EXPECT_EQ(lexer.TablesOf(tokens[1].word_class),
            (std::vector<std::uint16_t>{1}));
  EXPECT_EQ(lexer.TablesOf(tokens[2].word_class),
            (std::vector<std::uint16_t>{0}));
  EXPECT_NE(tokens[0].word_class, tokens[2].word_class);
}

// Over the built-in rules' tables and every example input of the built-in
// rules: the tokens cover the text in order, each at least one code point.
TEST(LexerTest, TokensCoverTheTextOfEveryRuleExample) {
  RuleSet rules;
  ASSERT_TRUE(LoadBuiltinRules(&rules).ok());
  const Lexer lexer(rules);
  EXPECT_GT(lexer.word_class_count(), 100u);
  LexScratch scratch;
  std::size_t examples = 0;
  for (const RuleSpec& spec : rules.rules) {
    for (const RuleExample& example : spec.examples) {
      const std::string& text = example.input;
      std::vector<Token> tokens;
      lexer.Lex(text, 0, text.size(), &scratch, &tokens);
      std::uint32_t at = 0;
      for (const Token& token : tokens) {
        ASSERT_EQ(token.begin, at) << text;
        ASSERT_GT(token.end, token.begin) << text;
        at = token.end;
      }
      ASSERT_EQ(at, text.size()) << text;
      ++examples;
    }
  }
  EXPECT_GT(examples, 300u);
}

}  // namespace
}  // namespace factx::internal
