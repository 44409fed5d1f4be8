// ReadDateNumber (date_number.h): the small numbers of dates.
#include "numbers/date_number.h"

#include <array>
#include <cstddef>

#include "numbers/number_parser.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

int ChineseUnit(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
  }
  return 0;
}

// English number words and ordinals up to twelve ("three", "third"), lower
// case.
std::optional<int> EnglishNumber(std::string_view text) {
  static constexpr std::array<std::string_view, 13> kCardinals = {
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  static constexpr std::array<std::string_view, 13> kOrdinals = {
      "",        "first",  "second", "third", "fourth",   "fifth",  "sixth",
      "seventh", "eighth", "ninth",  "tenth", "eleventh", "twelfth"};
  if (text.empty() || text.size() > 12) return std::nullopt;
  char buffer[12];
  for (std::size_t i = 0; i < text.size(); ++i)
    buffer[i] = ToAsciiLower(text[i]);
  const std::string_view lower(buffer, text.size());
  for (std::size_t i = 0; i < kCardinals.size(); ++i) {
    if (lower == kCardinals[i] || (i > 0 && lower == kOrdinals[i]))
      return static_cast<int>(i);
  }
  return std::nullopt;
}

// Strips an English ordinal suffix: "12th" -> "12".
std::string_view StripOrdinalSuffix(std::string_view text) {
  if (text.size() > 2 && IsAsciiDigit(text[0])) {
    const std::string_view tail = text.substr(text.size() - 2);
    if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") {
      return text.substr(0, text.size() - 2);
    }
  }
  return text;
}

}  // namespace

std::optional<int> ReadDateNumber(std::string_view text, int* digits) {
  *digits = 0;
  text = StripOrdinalSuffix(text);
  if (text.empty()) return std::nullopt;
  if (IsAsciiDigit(text[0])) {
    if (text.size() > 4) return std::nullopt;
    int value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    *digits = static_cast<int>(text.size());
    return value;
  }
  if (std::optional<int> english = EnglishNumber(text)) return english;
  if (text == "元" || text == "首") return 1;

  // Chinese: digit by digit when no 十百千 appears, positional otherwise.
  std::array<char32_t, 8> chars{};
  std::size_t count = 0;
  bool positional = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    const char32_t c = DecodeUtf8(text, pos, &length);
    if (length == 0 || count == chars.size()) return std::nullopt;
    if (ChineseUnit(c) != 0 || c == U'廿' || c == U'卅') positional = true;
    chars[count++] = c;
    pos += length;
  }
  if (!positional) {
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const int digit = ChineseDigitValue(chars[i]);
      if (digit < 0) return std::nullopt;
      value = value * 10 + digit;
    }
    // 两 is a count ("两年"), never a digit of a written-out year.
    if (count > 1) {
      for (std::size_t i = 0; i < count; ++i) {
        if (chars[i] == U'两') return std::nullopt;
      }
    }
    *digits = static_cast<int>(count);
    return value;
  }
  // Positional: 十二, 二十三, 两千零四, 廿三, 卅一. Each unit takes the digit
  // before it (or 1).
  int value = 0;
  int pending = -1;  // a digit waiting for its unit
  int last_unit = 10000;
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t c = chars[i];
    if (c == U'廿' || c == U'卅') {
      if (pending >= 0 || value != 0) return std::nullopt;
      value = c == U'廿' ? 20 : 30;
      last_unit = 10;
      continue;
    }
    const int unit = ChineseUnit(c);
    if (unit != 0) {
      if (unit >= last_unit) return std::nullopt;
      value += (pending < 0 ? 1 : pending) * unit;
      pending = -1;
      last_unit = unit;
      continue;
    }
    const int digit = ChineseDigitValue(c);
    if (digit < 0 || pending > 0) return std::nullopt;
    pending = digit;  // 零 leaves 0 pending: 两千零四
  }
  if (pending > 0) value += pending;
  if (value > 9999) return std::nullopt;
  return value;
}

}  // namespace factx::internal
