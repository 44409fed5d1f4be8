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
#ifndef FACTX_LIB_GUARDS_H_
#define FACTX_LIB_GUARDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "factx/status.h"
#include "rule_file.h"

namespace factx::internal {

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

#endif  // FACTX_LIB_GUARDS_H_
