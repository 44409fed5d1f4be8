// Guards: checks in C++ on the text around a match, since RE2 has no
// lookaround.
//
//   guard not_after  :digit :letter .      the match must not follow a digit,
//   letter or "." guard not_before 亩 平方米 @area_unit   nor be followed by
//   亩, 平方米 or an area_unit key
//
// Arguments are character classes (`:digit` ASCII digit, `:letter` ASCII
// letter, `:alnum`,
// `:cn_numeral` a Chinese numeral character
// 〇零一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟,
// `:han` any CJK ideograph, `:digit_separator` one of ".,:/-" followed by a
// digit), literal strings, or `@TABLE` for every key of a table.
#ifndef FACTX_LIB_ENGINE_GUARDS_H_
#define FACTX_LIB_ENGINE_GUARDS_H_

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_file.h"
#include "factx/status.h"

namespace factx::internal {

// The guard every rule has: true when the match text[begin, end) begins or
// ends a number that text breaks (TextBreakLength, char_class.h) split, i.e.
// when walking outwards from the match over number characters (ASCII digits,
// Chinese numerals, "." and ",") reaches text breaks with a number character on
// their far side. A number is read whole or not at all: in 投资3<NUL>00亿元
// neither 00亿元 nor anything ending in 3 is a fact, nor 5% in 增长3<U+FFFD>5%;
// 投资<NUL>300亿元 is 300亿元. The walk looks at most kMaxNumberBytes bytes
// each way.
bool SplitsANumber(std::string_view text, std::size_t begin, std::size_t end);
// The half of SplitsANumber that looks after a match ending at `end`: true
// when it ends a split number (so SplitsANumber is true for any non-empty
// match that ends there).
bool SplitsANumberAtEnd(std::string_view text, std::size_t end);
inline constexpr std::size_t kMaxNumberBytes = 256;

class Guard {
 public:
  // Builds a guard from its spec; kRuleSyntax for an unknown guard or class.
  static Status Compile(const GuardSpec& spec, const RuleSet& rules,
                        Guard* out);

  // True when the match text[begin, end) passes.
  bool Allows(std::string_view text, std::size_t begin, std::size_t end) const;
  // True for not_before, which reads only the text after the match's end.
  bool looks_after() const { return !looks_before_; }

 private:
  enum class CharClass : unsigned char {
    kDigit,
    kLetter,
    kAlnum,
    kChineseNumeral,
    kHan,
    kDigitSeparator,
  };
  static constexpr unsigned Bit(CharClass c) {
    return 1u << static_cast<unsigned>(c);
  }
  // True when the text next to the match text[begin, end) (before it for
  // not_after, after it for not_before) is in one of classes_.
  bool ClassNextToMatch(std::string_view text, std::size_t begin,
                        std::size_t end) const;

  bool looks_before_ = true;  // not_after looks at the text before the match
  // Bit(c) for each class argument c: the guard's classes, read in one test
  // of the code point next to the match.
  unsigned classes_ = 0;
  std::vector<std::string> literals_;
  // The bytes that literals_ touch the match with: their last (not_after) or
  // first (not_before). A byte next to the match that is none of them rules
  // out every literal at once.
  std::bitset<256> touching_bytes_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_GUARDS_H_
