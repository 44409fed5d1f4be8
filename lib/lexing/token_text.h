// The token string of a range of text (docs/pipeline.md, "Tokens"): the text
// with each number and each table word the lexer finds replaced by one symbol,
// so that a rule written over tokens (engine/token_rules.h) is a short RE2
// program. Gap text stays as it is, but for what no rule reads (below).
//
//   symbols of 超800亿元:  W(超) N(form of 800亿) W(元)
//
// A word stands for itself as spelled: WordSymbolBase + Lexer::WordSymbol,
// one symbol for each spelling of it the tables hold (USD, usd) and one for
// the others. A number stands for its form and, when it is ASCII digits
// alone, for how many: kNumberSymbolBase + NumberSymbolOffset (a form's
// NumberForm bits, lexing/lexer.h, and a count of digits), so that a class
// of four-digit years holds no other run of digits.
// Both ranges are private-use code points; one in the text itself stands in
// the token string as U+FFFD (three bytes) or U+10FFFD (four), so that no rule
// reads it as a symbol and the offsets still map one to one.
//
// Gap text that no rule reads shrinks: a run of characters that no rule over
// tokens names (UnreadCharacters) stands as one byte, kUnreadRun, that no rule
// reads either. A rule's matches are the same, as neither can be in one, and
// every search reads fewer bytes: in Chinese news most of a clause is such
// prose.
//
//   symbols of 公司表示超800亿元:  \x01 W(超) N(form of 800亿) W(元)
//
// Offsets map both ways: a capture of a rule over tokens starts and ends on
// symbols or gap text it reads, and the text it stands for is the text of
// those tokens and gaps.
#ifndef FACTX_LIB_LEXING_TOKEN_TEXT_H_
#define FACTX_LIB_LEXING_TOKEN_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexing/lexer.h"

namespace factx::internal {

// The BMP's private use area, U+E000..U+F8FF: a number's form and digit
// count (NumberSymbolOffset, below kNumberForms * kDigitCounts) from its
// start, word symbols after them while they fit (WordSymbolBase). Its code
// points are three bytes of UTF-8.
inline constexpr char32_t kNumberSymbolBase = 0xE000;
inline constexpr char32_t kBmpSymbolsEnd = 0xF900;  // one past the area
inline constexpr std::size_t kBmpSymbolLength = 3;

// A number's digit count as its symbol holds it: 1..8 digits, 9 for nine or
// more, 0 for a number that is not ASCII digits alone (and for a stand-in
// form, engine/rule_engine.cc, which stands for digits of any count).
inline constexpr std::uint32_t kDigitCounts = 10;
constexpr std::uint32_t NumberSymbolOffset(std::uint32_t form,
                                           std::size_t digits) {
  return form + kNumberForms * (form != kFormDigit ? 0
                                : digits < kDigitCounts - 1
                                    ? static_cast<std::uint32_t>(digits)
                                    : kDigitCounts - 1);
}

// Where a lexer's word symbols start (Lexer::WordSymbol): in the BMP's private
// use area after the number symbols, three bytes each, when they fit there
// (5,120 of them; the built-in tables spell 1,560), else in plane 15's,
// U+F0000..U+FFFFD, four bytes each. Three bytes a word make a shorter token
// string and smaller programs.
inline constexpr char32_t kBmpWordSymbolBase =
    kNumberSymbolBase + kNumberForms * kDigitCounts;  // U+E500
inline constexpr char32_t kPlaneWordSymbolBase = 0xF0000;
inline char32_t WordSymbolBase(const Lexer& lexer) {
  return lexer.symbol_count() <= kBmpSymbolsEnd - kBmpWordSymbolBase
             ? kBmpWordSymbolBase
             : kPlaneWordSymbolBase;
}

// Appends the UTF-8 encoding of `c` (a valid code point) to *out.
void AppendUtf8(char32_t c, std::string* out);

// What a run of unread characters becomes in a token string: a control
// character that no rule reads where it may read unread characters
// (UnreadCharacters::MarkAllRead otherwise), and that, as they are, is no word
// character for `\b`.
inline constexpr char kUnreadRun = '\x01';

// No character below it is ever unread (UnreadCharacters).
inline constexpr char32_t kFirstUnreadable = 0x2000;

// The gap characters that no rule over tokens reads, for a rule set
// (engine/rule_engine.cc works them out from its patterns). Only characters
// that can be unread are: caseless ones of the BMP from U+2000 on (general
// punctuation, CJK), so that an ASCII letter still decides where `\b` holds
// and no letter that (?i:) may read as another is ever left out. Immutable
// once built; reading it is thread-safe.
class UnreadCharacters {
 public:
  // Every character that can be unread is, until marked read.
  UnreadCharacters();

  // Marks the characters first..last (inclusive) read.
  void MarkRead(char32_t first, char32_t last);
  // Marks every character read: gap text stays whole.
  void MarkAllRead();

  bool IsUnread(char32_t c) const {
    return c < kBmpEnd && (bits_[c >> 6] >> (c & 63) & 1) != 0;
  }

 private:
  static constexpr char32_t kBmpEnd = 0x10000;
  std::vector<std::uint64_t> bits_;
};

// A token's symbol in a token string: where it is, and its code point.
struct TokenSymbol {
  std::uint32_t offset;
  char32_t code;
};

// The token string of one range of text, and the maps between the two.
// Reused across ranges and calls: building it again allocates nothing once
// its buffers have grown.
class TokenText {
 public:
  // Lexes text[begin, end) with `lexer` and builds its token string, with
  // each run of `unread` characters in its gaps written as kUnreadRun.
  void Build(const Lexer& lexer, const UnreadCharacters& unread,
             std::string_view text, std::size_t begin, std::size_t end);

  // Forgets the last Build: a later text may have the same address.
  void Invalidate() { built_ = false; }
  // True when the last Build was for text[begin, end) of this text.
  bool IsFor(std::string_view text, std::size_t begin, std::size_t end) const {
    return text_ == text.data() && begin_ == begin && end_ == end && built_;
  }
  const std::string& symbols() const { return symbols_; }
  // The tokens' symbols, in order: a search for a pattern that can only
  // start with a token's symbol reads these, and not the gap text between
  // (TokenMatcher::Search).
  const std::vector<TokenSymbol>& token_symbols() const {
    return token_symbols_;
  }
  // The NumberSymbolOffset of the number whose symbol starts at `at`, and a
  // way to change it in place (the symbol's length stays), so that a rule can
  // read a number as of another form for one search and put it back.
  std::uint16_t NumberSymbolAt(std::size_t at) const;
  void SetNumberSymbolAt(std::size_t at, std::uint16_t offset);

  // The text offset of `at`, an offset of symbols() on a symbol boundary.
  std::size_t TextOffset(std::size_t at) const;
  // The offset of symbols() where text offset `pos` (in [begin, end], a code
  // point boundary) lies; a position inside a token or a run of unread
  // characters maps to the end of its symbol.
  std::size_t SymbolOffset(std::size_t pos) const;

 private:
  // A token or a run of unread characters: text[text_begin, text_end) stands
  // as symbols_[symbol_begin, symbol_end). The gap text between two pieces
  // stands as itself.
  struct Piece {
    std::size_t text_begin;
    std::size_t text_end;
    std::uint32_t symbol_begin;
    std::uint32_t symbol_end;
  };

  // Appends text[from, to), gap text, to symbols_.
  void AppendGap(const UnreadCharacters& unread, std::string_view text,
                 std::size_t from, std::size_t to);

  const char* text_ = nullptr;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool built_ = false;
  std::string symbols_;
  std::vector<Token> tokens_;
  std::vector<Piece> pieces_;               // in text order
  std::vector<TokenSymbol> token_symbols_;  // as symbols_ has them
  LexScratch lex_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_LEXING_TOKEN_TEXT_H_
