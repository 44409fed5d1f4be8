// The small numbers that dates write (years, months, days, quarters, counts),
// apart from ParseNumber's amounts: ParseDate reads each number of a date here.
#ifndef FACTX_LIB_NUMBERS_DATE_NUMBER_H_
#define FACTX_LIB_NUMBERS_DATE_NUMBER_H_

#include <optional>
#include <string_view>

namespace factx::internal {

// Reads the small numbers of dates: ASCII digits ("09"), Chinese numerals
// written digit by digit ("二〇一七", "零八") or positionally ("十二",
// "两千零四", "廿三"), 元 and 首 (1), and English number words up to twelve and
// ordinals up to "twelfth". *digits receives the count of digits written one by
// one (4 for "2017" and "二〇一七", 2 for "08"), 0 for a positional numeral.
// nullopt for anything else, or a value over 9999.
std::optional<int> ReadDateNumber(std::string_view text, int* digits);

}  // namespace factx::internal

#endif  // FACTX_LIB_NUMBERS_DATE_NUMBER_H_
