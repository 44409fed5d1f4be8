#include "lexing/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_file.h"
#include "engine/token_rules.h"

namespace factx::internal {
namespace {

// Tables of words chosen for the cuts they test; 元 is in two tables.
std::vector<LexiconTable> TestTables() {
  return {
      {"unit", {"千瓦时", "千米", "万吨", "元", "个百分点", "百分点"}},
      {"qualifier", {"超", "近"}},
      {"currency", {"元", "USD", "us", "HK$"}},
  };
}

// The tokens as "W:word N:number", and the gap
// between them code point by code point as "O:x", a space as "_".
std::string Describe(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  auto add = [&out](const std::string& piece) {
    if (!out.empty()) out += ' ';
    out += piece;
  };
  auto add_gap = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to;) {
      std::size_t length = 1;
      while (i + length < to && (text[i + length] & 0xC0) == 0x80) ++length;
      add(text[i] == ' ' ? "_" : "O:" + std::string(text.substr(i, length)));
      i += length;
    }
  };
  std::size_t at = 0;
  for (const Token& token : tokens) {
    add_gap(at, token.begin);
    const std::string piece(text.substr(token.begin, token.end - token.begin));
    if (token.kind == TokenKind::kWord) {
      add("W:" + piece);
    } else {
      add("N:" + piece);
    }
    at = token.end;
  }
  add_gap(at, text.size());
  return out;
}

// The tokens of all of `text`.
std::vector<Token> Tokens(const Lexer& lexer, std::string_view text) {
  LexScratch scratch;
  std::vector<Token> tokens;
  lexer.Lex(text, 0, text.size(), &scratch, &tokens);
  return tokens;
}

std::string Lex(const Lexer& lexer, std::string_view text) {
  return Describe(text, Tokens(lexer, text));
}

TEST(LexerTest, CutsNumbersWordsSpacesAndCodePoints) {
  const Lexer lexer(TestTables());
  const struct {
    std::string_view text;
    std::string_view tokens;
  } cases[] = {
      {"", ""},
      {"总投资超800亿元", "O:总 O:投 O:资 W:超 N:800亿 W:元"},
      // Separators inside a number: . and , between digits, 点 between
      // numerals; elsewhere they are characters of their own.
      {"1,100.9亿", "N:1,100.9亿"},
      {"二点一五", "N:二点一五"},
      {"3.5.", "N:3.5 O:."},
      {"5..3", "N:5 O:. O:. N:3"},
      {"3点", "N:3 O:点"},
      {",5", "O:, N:5"},
      {"二〇二〇年", "N:二〇二〇 O:年"},
      {"廿五", "N:廿五"},
      // A run that is not one number is a number token all the same.
      {"二三十个百分点", "N:二三十 W:个百分点"},
      // A word that starts inside a run that is no number and ends past it
      // ends the run, when what is left is a number.
      {"30亿千瓦时", "N:30亿 W:千瓦时"},
      {"二十千瓦时", "N:二十 W:千瓦时"},
      {"三点千瓦时", "N:三 O:点 W:千瓦时"},
      {"二三十千瓦时", "N:二三十千 O:瓦 O:时"},
      // A zero that ends a word before a number, and zeros of numbers.
      {"找零20元", "O:找 N:零 N:20 W:元"},
      {"零点五", "N:零点五"},
      {"〇〇七", "N:〇〇七"},
      // A scale that begins 百分 (per cent) after a number.
      {"七十百分位", "N:七十 N:百 O:分 O:位"},
      {"二三十百分", "N:二三十百 O:分"},
      {"五百分", "N:五百 O:分"},
      // Digits next to Chinese numerals, no number together: cut where the
      // run changes from one to the other, when what is before is a number.
      {"Q3两", "O:Q N:3 N:两"},
      {"H1三千五百万元", "O:H N:1 N:三千五百万 W:元"},
      {"九千五百九十二3", "N:九千五百九十二 N:3"},
      {"三点5", "N:三 O:点 N:5"},
      {"3万4千", "N:3万4千"},
      {"3十", "N:3十"},
      // A run that is one number is not cut.
      {"三千米", "N:三千 O:米"},
      {"十万吨", "N:十万 O:吨"},
      {"1.千米", "N:1 O:. W:千米"},
      // A word longer than the number at the same place wins over it.
      {"百分点", "W:百分点"},
      {"百", "N:百"},
      // Latin words: any case, and only as whole runs of letters.
      {"thus 5USD", "O:t O:h O:u O:s _ N:5 W:USD"},
      {"usd", "W:usd"},
      {"US$5", "W:US O:$ N:5"},
      {"HK$683", "W:HK$ N:683"},
      {"近 5 元", "W:近 _ N:5 _ W:元"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Lex(lexer, c.text), c.tokens) << c.text;
  }
}

TEST(LexerTest, NumbersHaveTheFormOfTheirCharacters) {
  const Lexer lexer(TestTables());
  const struct {
    std::string_view text;
    unsigned form;
  } cases[] = {
      {"800", kFormDigit},
      {"1,100.9亿", kFormDigit | kFormComma | kFormDot | kFormBigScale},
      {"三千五百万", kFormChineseDigit | kFormSmallUnit | kFormBigScale},
      {"二点一五", kFormChineseDigit | kFormChinesePoint},
      {"廿五", kFormChineseDigit},
      {"〇", kFormChineseDigit},
      {"百", kFormSmallUnit},
      {"3千5百万", kFormDigit | kFormSmallUnit | kFormBigScale},
      {"壹佰贰拾", kFormChineseDigit | kFormSmallUnit},
      // The form of what the number is once cut: 30亿 of 30亿千瓦时.
      {"30亿千瓦时", kFormDigit | kFormBigScale},
  };
  for (const auto& c : cases) {
    const std::vector<Token> tokens = Tokens(lexer, c.text);
    ASSERT_FALSE(tokens.empty()) << c.text;
    ASSERT_EQ(tokens[0].kind, TokenKind::kNumber) << c.text;
    EXPECT_EQ(tokens[0].form, c.form) << c.text;
    EXPECT_LT(tokens[0].form, kNumberForms);
  }
  // Characters of no number have no form.
  EXPECT_EQ(NumberFormOf(U'元'), 0);
  EXPECT_EQ(NumberFormOf(U'a'), 0);
  EXPECT_EQ(NumberFormOf(U'点'), kFormChinesePoint);
}

TEST(LexerTest, ReadsLetterRunsAcrossTheEdgesOfTheRange) {
  const Lexer lexer(TestTables());
  LexScratch scratch;
  std::vector<Token> tokens;
  const std::string_view text = "thus us";
  lexer.Lex(text, 2, 4, &scratch, &tokens);  // "us" inside "thus"
  EXPECT_TRUE(tokens.empty());
  lexer.Lex(text, 5, 7, &scratch, &tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].begin, 5u);
  EXPECT_EQ(tokens[0].end, 7u);
}

TEST(LexerTest, WordsOfTheSameTablesHaveConsecutiveIds) {
  const Lexer lexer(TestTables());
  ASSERT_EQ(lexer.table_names(),
            (std::vector<std::string>{"currency", "qualifier", "unit"}));
  EXPECT_EQ(lexer.TableIndex("unit"), 2);
  EXPECT_EQ(lexer.TableIndex("units"), -1);
  // currency: hk$ us usd; currency and unit: 元; qualifier: 超 近; unit: the
  // rest. Sets of tables in order, words in byte order within one.
  const std::vector<std::string> words = {"hk$",    "us",   "usd",   "元",
                                          "超",     "近",   "万吨",  "个百分点",
                                          "千瓦时", "千米", "百分点"};
  ASSERT_EQ(lexer.word_count(), words.size());
  for (std::uint16_t w = 0; w < words.size(); ++w) {
    EXPECT_EQ(lexer.Word(w), words[w]);
  }
  EXPECT_EQ(lexer.TablesOf(3), (std::vector<std::uint16_t>{0, 2}));  // 元
  EXPECT_EQ(lexer.TablesOf(4), (std::vector<std::uint16_t>{1}));
  EXPECT_EQ(lexer.TablesOf(0), (std::vector<std::uint16_t>{0}));
  EXPECT_EQ(lexer.word_class_count(), 4u);
  const std::vector<Token> tokens = Tokens(lexer, "元超USD");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].word, 3);
  EXPECT_EQ(tokens[1].word, 4);
  EXPECT_EQ(tokens[2].word, 2);
}

// A word with letters keeps the ways its tables spell it, and its tokens say
// which of them the text is: rules read a table outside (?i:...) as spelled.
TEST(LexerTest, WordTokensTellHowTheirTablesSpellThem) {
  const Lexer lexer(TestTables());
  EXPECT_EQ(lexer.Spellings(0), std::vector<std::string>{"HK$"});
  EXPECT_EQ(lexer.Spellings(2), std::vector<std::string>{"USD"});
  EXPECT_TRUE(lexer.Spellings(3).empty());  // 元: no letter
  // One symbol per word, and one more per spelling: hk$ 0-1, us 2-3, usd 4-5,
  // then one for each word without letters.
  EXPECT_EQ(lexer.WordSymbol(2, 0), 4u);
  EXPECT_EQ(lexer.WordSymbol(2, 1), 5u);
  EXPECT_EQ(lexer.WordSymbol(3, 0), 6u);
  EXPECT_EQ(lexer.symbol_count(), 14u);
  std::vector<int> spellings;
  for (const Token& token : Tokens(lexer, "USD usd Usd HK$ us 元")) {
    spellings.push_back(token.spelling);
  }
  EXPECT_EQ(spellings, (std::vector<int>{1, 0, 0, 1, 1, 0}));
}

// Over the tables the built-in rules read and every example input of the
// built-in rules: the tokens are in order, apart, and not empty.
TEST(LexerTest, TokensOfEveryRuleExampleAreInOrder) {
  RuleSet rules;
  ASSERT_TRUE(LoadBuiltinRules(&rules).ok());
  const Lexer lexer(LexiconTables(rules));
  EXPECT_GT(lexer.word_class_count(), 50u);
  LexScratch scratch;
  std::size_t examples = 0;
  for (const RuleSpec& spec : rules.rules) {
    for (const RuleExample& example : spec.examples) {
      const std::string& text = example.input;
      std::vector<Token> tokens;
      lexer.Lex(text, 0, text.size(), &scratch, &tokens);
      std::uint32_t at = 0;
      for (const Token& token : tokens) {
        ASSERT_GE(token.begin, at) << text;
        ASSERT_GT(token.end, token.begin) << text;
        at = token.end;
      }
      ASSERT_LE(at, text.size()) << text;
      ++examples;
    }
  }
  EXPECT_GT(examples, 300u);
}

}  // namespace
}  // namespace factx::internal
