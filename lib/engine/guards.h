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

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_file.h"
#include "factx/status.h"

namespace factx::internal {

// Text breaks: characters that never belong to a number and split one they
// stand in. NUL and the other C0 controls except the blanks (tab, line feed,
// vertical tab, form feed, carriage return), DEL, the C1 controls
// U+0080..U+009F and U+FFFD (what a replaced ill-formed byte reads as). Returns
// the byte length of the break at text[pos] (well-formed UTF-8), or 0. Inline:
// the rule engine asks it of every byte.
inline std::size_t TextBreakLength(std::string_view text, std::size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x20) return c >= '\t' && c <= '\r' ? 0 : 1;
  if (c == 0x7F) return 1;
  if (c == 0xC2 && pos + 1 < text.size()) {
    const unsigned char next = static_cast<unsigned char>(text[pos + 1]);
    return next >= 0x80 && next <= 0x9F ? 2 : 0;  // U+0080..U+009F
  }
  if (c == 0xEF && text.compare(pos, 3, "\xEF\xBF\xBD") == 0) return 3;
  return 0;
}

// The guard every rule has: true when the match text[begin, end) begins or
// ends a number that text breaks split, i.e. when walking outwards from the
// match over number characters (ASCII digits, Chinese numerals, "." and ",")
// reaches text breaks with a number character on their far side. A number is
// read whole or not at all: in 投资3<NUL>00亿元 neither 00亿元 nor anything
// ending in 3 is a fact, nor 5% in 增长3<U+FFFD>5%; 投资<NUL>300亿元 is
// 300亿元. The walk looks at most kMaxNumberBytes bytes each way.
bool SplitsANumber(std::string_view text, std::size_t begin, std::size_t end);
inline constexpr std::size_t kMaxNumberBytes = 256;

class Guard {
 public:
  // Builds a guard from its spec; kRuleSyntax for an unknown guard or class.
  static Status Compile(const GuardSpec& spec, const RuleSet& rules,
                        Guard* out);

  // True when the match text[begin, end) passes.
  bool Allows(std::string_view text, std::size_t begin, std::size_t end) const;

 private:
  enum class CharClass : unsigned char {
    kDigit,
    kLetter,
    kAlnum,
    kChineseNumeral,
    kHan,
    kDigitSeparator,
  };
  bool ClassMatchesAfter(CharClass c, std::string_view text,
                         std::size_t end) const;
  bool ClassMatchesBefore(CharClass c, std::string_view text,
                          std::size_t begin) const;

  bool looks_before_ = true;  // not_after looks at the text before the match
  std::vector<CharClass> classes_;
  std::vector<std::string> literals_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_GUARDS_H_
