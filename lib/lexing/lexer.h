// The lexer of the token engine (issue 13; docs/pipeline.md, "Tokens"): one
// left-to-right pass over normalized text that cuts it into numbers, words of
// the rule tables, spaces and single code points, so that what follows reads
// each number and each table word once, as one symbol.
//
//   const Lexer lexer(rules);  // once per rule set: indexes every table word
//   LexScratch scratch;        // per thread
//   std::vector<Token> tokens;
//   lexer.Lex("总投资超800亿元", 0, 20, &scratch, &tokens);
//   // 总投资 (word: investment_trigger), 超 (word: qualifier_prefix_zh...),
//   // 800亿 (number, 80000000000), 元 (word: currency_zh...)
//
// The cuts, in order of precedence at each position:
//  - a number is a run of ASCII digits and Chinese numerals (IsChineseNumeral,
//    and 廿卅卌), with `.` and `,` between two digits and 点 between two
//    numerals inside it: 1,100.9亿, 三千五百万, 二点一五, read by
//    ParseNumber. A run that is not one number ends where a table word
//    starts inside it and ends past it, when what is left is one number:
//    30亿千瓦时 is 30亿 and the word 千瓦时 (while 278.7亿元 is 278.7亿 and
//    元, even with a word 亿元). A run that stays no number (二三十, 两三)
//    keeps no value, and the grammar reads it as no amount;
//  - a table word is the longest word of any table that starts here (ASCII
//    letters in any case); a word that starts or ends with an ASCII letter
//    must start or end a run of letters (`us` is no word in `thus`, `USD` is
//    one in `5USD`). A word longer than the number starting at the same place
//    wins over it (百分点 over 百);
//  - a space is one U+0020;
//  - anything else is one code point.
//
// Thread-safety and ownership: a Lexer is immutable after construction and
// keeps no pointer into the RuleSet it was built from; any number of threads
// may call Lex at once, each with its own LexScratch.
#ifndef FACTX_LIB_LEXING_LEXER_H_
#define FACTX_LIB_LEXING_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_file.h"
#include "factx/decimal.h"

namespace factx::internal {

class LiteralMatcher;

enum class TokenKind : std::uint8_t {
  kNumber,  // 800亿, 3.75, 二〇二〇, 三千五百万, 二三十 (no value)
  kWord,    // a word of one or more rule tables: 总投资, 超, 元, percent
  kSpace,   // one U+0020
  kOther,   // one code point of anything else
};

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the lexed text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kOther;
  // kWord: the word's class, the set of tables that hold it (Lexer::TablesOf).
  std::uint16_t word_class = 0;
  // kNumber: the run read by ParseNumber, or nullopt when it is not one
  // number (二三十, 两三).
  std::optional<Decimal> value;
};

// What Lex needs between calls, kept so that lexing allocates nothing once
// the buffers have grown. One per thread.
struct LexScratch {
  std::vector<std::uint32_t> longest_word;  // by byte offset from `begin`
};

class Lexer {
 public:
  // Indexes every word of every table of `rules`. Words that differ only in
  // the case of ASCII letters are one word, held by the tables of each.
  explicit Lexer(const RuleSet& rules);
  // Indexes the words of the named tables of `rules` only (names of no table
  // are skipped): a grammar indexes the tables it reads
  // (TablesNamedByPatterns), and words of other tables (前三季度, a cue of
  // the investment typer) then do not swallow the numbers and words inside.
  Lexer(const RuleSet& rules, const std::vector<std::string>& tables);
  ~Lexer();
  Lexer(Lexer&&) noexcept;
  Lexer& operator=(Lexer&&) noexcept;

  // Appends the tokens of text[begin, end) to *tokens: they cover it, in
  // order, without gaps. `text` is well-formed UTF-8 (normalized text), and
  // begin and end are code point boundaries; the text around the range is
  // read only to tell where runs of letters start and end.
  void Lex(std::string_view text, std::size_t begin, std::size_t end,
           LexScratch* scratch, std::vector<Token>* tokens) const;

  // The names of the tables, sorted; a table's index is its place here.
  const std::vector<std::string>& table_names() const { return table_names_; }
  // The index of table `name`, or -1 when no table has that name.
  int TableIndex(std::string_view name) const;
  // The tables (indices into table_names()) that hold the words of
  // `word_class`, in increasing order.
  const std::vector<std::uint16_t>& TablesOf(std::uint16_t word_class) const {
    return class_tables_[word_class];
  }
  std::size_t word_class_count() const { return class_tables_.size(); }

 private:
  // Byte length of the number run starting at text[pos] (a numeral), at most
  // up to `end`, cut as the file comment says (longest: the words by offset
  // from `begin`); *value is what ParseNumber reads of it.
  std::size_t NumberLength(std::string_view text, std::size_t begin,
                           std::size_t pos, std::size_t end,
                           const std::vector<std::uint32_t>& longest,
                           std::optional<Decimal>* value) const;

  std::vector<std::string> table_names_;
  std::vector<std::vector<std::uint16_t>> class_tables_;
  std::vector<std::uint16_t> class_of_word_;  // by LiteralMatcher key
  std::unique_ptr<const LiteralMatcher> words_;
};

// The tables that the patterns of `rules` name ({@TABLE}), sorted.
std::vector<std::string> TablesNamedByPatterns(const RuleSet& rules);

}  // namespace factx::internal

#endif  // FACTX_LIB_LEXING_LEXER_H_
