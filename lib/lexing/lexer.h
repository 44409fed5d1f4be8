// The lexer of the token engine (issue 13; docs/pipeline.md, "Tokens"): one
// left-to-right pass over normalized text that finds its numbers and the
// words of the rule tables, so that what follows reads each number and each
// table word once, as one symbol. The text between them (gaps) is not
// tokenized: the grammar reads it as it is.
//
//   const Lexer lexer(LexiconTables(rules));  // once per rule set
//   LexScratch scratch;        // per thread
//   std::vector<Token> tokens;
//   lexer.Lex("总投资超800亿元", 0, 20, &scratch, &tokens);
//   // 总投资 (word of investment_trigger...), 超 (qualifier_prefix_zh),
//   // 800亿 (number), 元 (currency_zh...)
//
// The cuts, in order of precedence at each position:
//  - a number is a run of ASCII digits and Chinese numerals (IsChineseNumeral,
//    and 廿卅卌), with `.` and `,` between two digits and 点 between two
//    numerals inside it: 1,100.9亿, 三千五百万, 二点一五. Where a table word
//    starts inside the run and ends past it, and the run is not one number
//    (ParseNumber) but what is before the word is, the run ends there:
//    30亿千瓦时 is 30亿 and the word 千瓦时 (while 278.7亿元 is 278.7亿 and
//    元, even with a word 亿元). A run that starts with 零 or 〇 and is no
//    number is cut after that zero when the rest is one (找零20元: the zero
//    ends a word), a run that is no number and ends with 百, 千 or 万
//    before 分 is cut before that scale when the rest is one (七十百分位 is
//    七十 and 百 of 百分位), and a run that is no number and changes from
//    ASCII digits to Chinese numerals or back is cut where it first changes
//    (before a 点 there) when what is before is a number (Q3两大 is 3 and
//    两; 3万4千 and 3十 are numbers and stay whole). A run that is no number
//    (二三十, 两三) is a number token all the same, which no number class
//    holds;
//  - a table word is the longest word of any indexed table that starts here
//    (ASCII letters in any case); a word that starts or ends with an ASCII
//    letter must start or end a run of letters (`us` is no word in `thus`,
//    `USD` is one in `5USD`). A word longer than the number starting at the
//    same place wins over it (百分点 over 百);
//  - anything else is gap, one code point at a time.
//
// Thread-safety and ownership: a Lexer is immutable after construction and
// keeps no pointer into the tables it was built from; any number of threads
// may call Lex at once, each with its own LexScratch.
#ifndef FACTX_LIB_LEXING_LEXER_H_
#define FACTX_LIB_LEXING_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace factx::internal {

class LiteralMatcher;

enum class TokenKind : std::uint8_t {
  kNumber,  // 800亿, 3.75, 二〇二〇, 三千五百万, 二三十 (a run, no number)
  kWord,  // a word of one or more indexed tables: 总投资, 超, 元, percent
};

// The form of a number token: a bit for each kind of character it is written
// with. 1,100.9亿 is kFormDigit|kFormComma|kFormDot|kFormBigScale, 三千五百万
// kFormChineseDigit|kFormSmallUnit|kFormBigScale. Rules tell numbers apart by
// form first (engine/token_rules.h), and by their text only where a match
// needs it.
enum NumberForm : std::uint8_t {
  kFormDigit = 1,         // 0-9
  kFormDot = 2,           // . between digits
  kFormComma = 4,         // , between digits
  kFormChineseDigit = 8,  // 〇 零 一 二 两 三 … 九, 壹 … 玖, 廿 卅 卌
  kFormSmallUnit = 16,     // 十 拾 百 佰 千 仟
  kFormBigScale = 32,      // 万 亿 兆
  kFormChinesePoint = 64,  // 点 between numerals
};
// Forms are below this: every bit set is one.
inline constexpr unsigned kNumberForms = 128;

// The NumberForm bit of `c`, a character a number token may hold; 0 for any
// other.
std::uint8_t NumberFormOf(char32_t c);

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the lexed text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kNumber;
  // kNumber: its form, a bit set of NumberForm.
  std::uint8_t form = 0;
  // kWord: the word's id (Lexer::TablesOf); words of the same tables have
  // consecutive ids.
  std::uint16_t word = 0;
  // kWord: which of the word's spellings (Lexer::Spellings) its text is,
  // plus one; 0 for none of them (USD for the spelling "usd" alone).
  std::uint8_t spelling = 0;
};

// A table whose words the lexer reads: its name, and its words as they appear
// in normalized text.
struct LexiconTable {
  std::string name;
  std::vector<std::string> words;
};

// What Lex needs between calls, kept so that lexing allocates nothing once
// the buffers have grown. One per thread.
struct LexScratch {
  std::vector<std::uint32_t> longest_word;  // by byte offset from `begin`
};

class Lexer {
 public:
  // Indexes the words of `tables` (names distinct). Words that differ only in
  // the case of ASCII letters are one word, held by the tables of each. A
  // grammar indexes the tables it reads: words of other tables (前三季度, a
  // cue of the investment typer) would swallow the numbers and words inside.
  explicit Lexer(const std::vector<LexiconTable>& tables);
  ~Lexer();
  Lexer(Lexer&&) noexcept;
  Lexer& operator=(Lexer&&) noexcept;

  // Appends the numbers and table words of text[begin, end) to *tokens, in
  // order; what lies between them is gap. `text` is well-formed UTF-8
  // (normalized text), and begin and end are code point boundaries; the text
  // around the range is read only to tell where runs of letters start and
  // end.
  void Lex(std::string_view text, std::size_t begin, std::size_t end,
           LexScratch* scratch, std::vector<Token>* tokens) const;

  // The names of the indexed tables, sorted; a table's index is its place.
  const std::vector<std::string>& table_names() const { return table_names_; }
  // The index of table `name`, or -1 when it is not indexed.
  int TableIndex(std::string_view name) const;
  std::size_t word_count() const { return class_of_word_.size(); }
  // The word with id `word`, ASCII letters in lower case.
  const std::string& Word(std::uint16_t word) const { return words_[word]; }
  // The tables (indices into table_names()) that hold `word`, in increasing
  // order.
  const std::vector<std::uint16_t>& TablesOf(std::uint16_t word) const {
    return class_tables_[class_of_word_[word]];
  }
  // How many distinct sets of tables the words belong to.
  std::size_t word_class_count() const { return class_tables_.size(); }

  // The ways the tables spell `word` with an ASCII letter in it ("USD",
  // "January", "kWh", "m" and "M"), sorted: a rule that reads a table outside
  // (?i:...) reads its words as the table spells them, as a pattern over text
  // does (engine/token_rules.h). At most 255 a word, and none once the words
  // have 65,534 symbols (WordSymbol), which no rule set comes near.
  const std::vector<std::string>& Spellings(std::uint16_t word) const {
    return spellings_[word];
  }
  // The symbol of a word token (lexing/token_text.h), below symbol_count():
  // each word has one for each of its spellings, after one for text spelled
  // otherwise.
  std::uint32_t WordSymbol(std::uint16_t word, std::uint8_t spelling) const {
    return first_symbol_[word] + spelling;
  }
  std::uint32_t WordSymbol(const Token& token) const {
    return WordSymbol(token.word, token.spelling);
  }
  std::uint32_t symbol_count() const { return first_symbol_.back(); }

 private:
  // Byte length of the number run starting at text[pos] (a numeral), at most
  // up to `end`, cut as the file comment says (longest: the words by offset
  // from `begin`).
  std::size_t NumberLength(std::string_view text, std::size_t begin,
                           std::size_t pos, std::size_t end,
                           const std::vector<std::uint32_t>& longest) const;

  std::vector<std::string> table_names_;
  std::vector<std::vector<std::uint16_t>> class_tables_;
  std::vector<std::uint16_t> class_of_word_;         // by word id
  std::vector<std::string> words_;                   // by word id
  std::vector<std::vector<std::string>> spellings_;  // by word id
  // By word id, and one past the last: WordSymbol(word, 0).
  std::vector<std::uint32_t> first_symbol_;
  std::unique_ptr<const LiteralMatcher> matcher_;  // keys: words_
};

}  // namespace factx::internal

#endif  // FACTX_LIB_LEXING_LEXER_H_
