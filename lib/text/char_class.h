// Character classes, defined once for every step of the pipeline. Each
// function says exactly which code points it accepts. Each takes a code point;
// a byte of UTF-8 (char or unsigned char) converts to one, and a byte of a
// multi-byte sequence (a negative char becomes a value past U+10FFFF) is in no
// class.
#ifndef FACTX_LIB_TEXT_CHAR_CLASS_H_
#define FACTX_LIB_TEXT_CHAR_CLASS_H_

#include <cstddef>
#include <string_view>
#include <utility>

namespace factx::internal {

// U+0030..U+0039, 0-9. Full-width digits are folded to these by NFKC.
constexpr bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// U+0041..U+005A and U+0061..U+007A: A-Z, a-z.
constexpr bool IsAsciiLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// U+0041..U+005A: A-Z.
constexpr bool IsAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }

// U+0061..U+007A: a-z.
constexpr bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }

// IsAsciiDigit or IsAsciiLetter.
constexpr bool IsAsciiAlnum(char32_t c) {
  return IsAsciiDigit(c) || IsAsciiLetter(c);
}

// The characters RE2's \b counts as a word's: IsAsciiAlnum or '_' (a byte
// of a multi-byte UTF-8 sequence is none).
constexpr bool IsAsciiWordChar(char32_t c) {
  return IsAsciiAlnum(c) || c == '_';
}

// The blocks from U+2000 on whose characters have no case (general
// punctuation, currency signs, mathematical operators, CJK, compatibility
// ideographs, CJK compatibility forms, the full-width forms but letters):
// what folds to itself under any case folding.
inline constexpr std::pair<char32_t, char32_t> kCaselessBlocks[] = {
    {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2200, 0x22FF},
    {0x2E80, 0x9FFF}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F},
    {0xFF01, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFFEF}};

// True when `c` lies in one of kCaselessBlocks.
constexpr bool InCaselessBlock(char32_t c) {
  for (const auto& [first, last] : kCaselessBlocks) {
    if (c >= first && c <= last) return true;
  }
  return false;
}

// `c` with A-Z turned into a-z; any other byte as it is.
constexpr char ToAsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// U+0020 and U+0009: the blanks that separate words within a line.
constexpr bool IsBlank(char32_t c) { return c == ' ' || c == '\t'; }

// `s` without the blanks at its ends.
constexpr std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// A Han ideograph: U+3007 〇 (IDEOGRAPHIC NUMBER ZERO, script Han, written in
// 二〇二〇年), U+3400..U+4DBF (extension A), U+4E00..U+9FFF (unified),
// U+F900..U+FAFF (compatibility), U+20000..U+2FFFF (extensions B-F and the
// compatibility supplement) and U+30000..U+3FFFF (extensions G and H). Not
// the radicals, 々, nor the Hangzhou numerals.
constexpr bool IsHan(char32_t c) {
  return c == 0x3007 || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

// The Chinese numerals: 〇零一二两三四五六七八九 (digits), 十百千 (units),
// 万亿兆 (scales) and the financial capitals 壹贰叁肆伍陆柒捌玖拾佰仟. Not
// 廿卅卌 (twenty, thirty, forty), which only some number fragments read. A
// switch: a few comparisons for the Han character next to most Chinese
// matches, not a search of all 30.
constexpr bool IsChineseNumeral(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'一':
    case U'二':
    case U'两':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
    case U'百':
    case U'千':
    case U'万':
    case U'亿':
    case U'兆':
    case U'壹':
    case U'贰':
    case U'叁':
    case U'肆':
    case U'伍':
    case U'陆':
    case U'柒':
    case U'捌':
    case U'玖':
    case U'拾':
    case U'佰':
    case U'仟':
      return true;
    default:
      return false;
  }
}

// Hiragana and katakana, U+3040..U+30FF: Japanese writes Han with them.
constexpr bool IsKana(char32_t c) { return c >= 0x3040 && c <= 0x30FF; }

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

}  // namespace factx::internal

#endif  // FACTX_LIB_TEXT_CHAR_CLASS_H_
