// Reads one number, in any way news writes it, into an exact Decimal.
//
//   ParseNumber("1,100.9亿")  -> 110090000000
//   ParseNumber("三千五百万")  -> 35000000
//   ParseNumber("3.5 billion") -> 3500000000
//
// Input is normalized text (see text_normalizer.h): NFKC applied, so digits are
// ASCII, and traditional numerals folded to simplified (億 -> 亿, 萬 -> 万, 兩
// -> 两, 點 -> 点); the financial capitals 壹贰叁肆伍陆柒捌玖拾佰仟 stay as
// they are and are read here.
#ifndef FACTX_LIB_NUMBERS_NUMBER_PARSER_H_
#define FACTX_LIB_NUMBERS_NUMBER_PARSER_H_

#include <optional>
#include <string_view>

#include "factx/decimal.h"

namespace factx::internal {

// Reads all of `text` as one number. Accepted forms:
//  - ASCII digits with optional `,` (or full-width `，`) thousands groups and
//  a `.` fraction: 1,500  3.75  1,100.9  12，345.67
//  - an optional sign: -3.9  +2  负3.9
//  - Chinese numerals, positional: 三千五百万 两千 一百零四 十五 廿 壹佰贰拾;
//  〇/零 as zero;
//    点 as the decimal point (三点五, 百分之二点一五's 二点一五); a run of
//    digits without any of 十百千 reads digit by digit (二〇一七 -> 2017)
//  - digits followed by Chinese scale words, combined: 1.5万亿 3千万 36.57亿
//  四十九兆九千五百九十二亿
//    (万 = 10^4, 亿 = 10^8, 万亿 = 10^12, 兆 = 10^12); a scale word alone: 万亿
//    -> 10^12
//  - English scale words and suffixes, with optional space: 20.5k 3.5
//  billion 1.2bn 5m
//    3 million 2 trillion 1.2 thousand; English number words: seventeen,
//    twenty-one, one hundred and five, a million
// Returns std::nullopt when `text` is not entirely one number, or is out of
// range (see kMaxDecimalExponent). More than 18 significant digits give a
// rounded value with `Decimal::rounded` set, never a wrapped one.
std::optional<Decimal> ParseNumber(std::string_view text);

// 0..9 for one Chinese digit (〇 零 一 二 两 三 … 九 and the financial capitals
// 壹 贰 叁 … 玖), -1 for anything else (十百千万亿 are units and scales, not
// digits).
int ChineseDigitValue(char32_t c);

}  // namespace factx::internal

#endif  // FACTX_LIB_NUMBERS_NUMBER_PARSER_H_
