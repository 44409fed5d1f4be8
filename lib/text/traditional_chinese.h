// Folding of traditional Chinese characters to simplified, limited to the
// characters that matter to figures: numerals and scale words (億 -> 亿, 萬 ->
// 万, 兩 -> 两), currency names (港幣 -> 港币, 新臺幣 -> 新台币, 英鎊 -> 英镑),
// units, dates (週 -> 周, 號 -> 号) and the words around money and investments
// (營收 -> 营收, 併購 -> 并购, 約 -> 约, 餘 -> 余).
//
// Each fold replaces one code point by one code point of the same UTF-8 length
// (all are 3-byte BMP Han characters), so it never moves a byte offset:
//
//   std::string text = "營收達3.5億元";
//   FoldTraditionalChinese(&text);  // "营收达3.5亿元", same size
//
// The table (traditional_chinese.cc) holds only unambiguous pairs: the
// traditional character is not also a simplified character in its own right.
#ifndef FACTX_LIB_TEXT_TRADITIONAL_CHINESE_H_
#define FACTX_LIB_TEXT_TRADITIONAL_CHINESE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace factx::internal {

// The simplified form of `c` from the table, or `c` itself when the table has
// no entry. Context-free: 參 is not in the table, because it folds to 参 (參與
// -> 参与) or, as a financial numeral, to 叁 (參萬元 -> 叁万元);
// FoldTraditionalChinese decides from the neighbouring characters.
char32_t SimplifiedForm(char32_t c);

// One bit per code point of U+3400..U+9FFF (the 3-byte Han characters), set
// for those FoldTraditionalChinese may change: the traditional characters of
// the table, and 參.
inline constexpr char32_t kMayFoldFirst = 0x3400;
inline constexpr char32_t kMayFoldLast = 0x9FFF;
extern const std::array<std::uint64_t, (kMayFoldLast - kMayFoldFirst) / 64 + 1>
    kMayFoldBits;

// True when FoldTraditionalChinese may change `c`. A bit test, inline: the
// normalizer asks it of every Han character, and text with none of them needs
// no fold pass.
inline bool MayFold(char32_t c) {
  if (c < kMayFoldFirst || c > kMayFoldLast) return false;
  const std::size_t bit = c - kMayFoldFirst;
  return (kMayFoldBits[bit / 64] >> (bit % 64) & 1) != 0;
}

// Folds, in place, the traditional characters of `text`, which must be
// well-formed UTF-8. The size of `text` and every code point boundary stay
// where they are.
void FoldTraditionalChinese(std::string* text);

}  // namespace factx::internal

#endif  // FACTX_LIB_TEXT_TRADITIONAL_CHINESE_H_
