#include "engine/guards.h"

#include <algorithm>

#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

bool IsDigitSeparator(char c) {
  return c == '.' || c == ',' || c == ':' || c == '/' || c == '-';
}

// The code point that ends just before `pos`, or 0 at the start of the text.
char32_t CodePointBefore(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && !IsCodePointBoundary(text, start))
    --start;
  std::size_t length = 0;
  return DecodeUtf8(text, start, &length);
}

char32_t CodePointAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  std::size_t length = 0;
  return DecodeUtf8(text, pos, &length);
}

// Start of the code point that ends just before `pos` (> 0).
std::size_t PreviousCodePointStart(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && !IsCodePointBoundary(text, start))
    --start;
  return start;
}

bool IsNumberCharacter(char32_t c) {
  return IsAsciiDigit(c) || IsChineseNumeral(c) || c == '.' || c == ',';
}

// True when the text before `pos` is number characters, then text breaks,
// then a number character.
bool NumberSplitBefore(std::string_view text, std::size_t pos) {
  const std::size_t limit = pos > kMaxNumberBytes ? pos - kMaxNumberBytes : 0;
  while (pos > limit && IsNumberCharacter(CodePointBefore(text, pos))) {
    pos = PreviousCodePointStart(text, pos);
  }
  bool broken = false;
  while (pos > limit) {
    const std::size_t start = PreviousCodePointStart(text, pos);
    if (TextBreakLength(text, start) == 0) break;
    pos = start;
    broken = true;
  }
  return broken && pos > 0 && IsNumberCharacter(CodePointBefore(text, pos));
}

// The same after `pos`: number characters, text breaks, a number character.
bool NumberSplitAfter(std::string_view text, std::size_t pos) {
  const std::size_t limit = std::min(text.size(), pos + kMaxNumberBytes);
  std::size_t length = 0;
  while (pos < limit && IsNumberCharacter(DecodeUtf8(text, pos, &length))) {
    pos += length;
  }
  bool broken = false;
  while (pos < limit) {
    const std::size_t break_length = TextBreakLength(text, pos);
    if (break_length == 0) break;
    pos += break_length;
    broken = true;
  }
  return broken && pos < text.size() &&
         IsNumberCharacter(CodePointAt(text, pos));
}

bool InClass(char32_t c, int which) {
  switch (which) {
    case 0:
      return IsAsciiDigit(c);
    case 1:
      return IsAsciiLetter(c);
    case 2:
      return IsAsciiDigit(c) || IsAsciiLetter(c);
    case 3:
      return IsChineseNumeral(c);
    case 4:
      return IsHan(c);
  }
  return false;
}

}  // namespace

bool SplitsANumber(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  if (IsNumberCharacter(CodePointAt(text, begin)) &&
      NumberSplitBefore(text, begin)) {
    return true;
  }
  return SplitsANumberAtEnd(text, end);
}

bool SplitsANumberAtEnd(std::string_view text, std::size_t end) {
  return end > 0 && IsNumberCharacter(CodePointBefore(text, end)) &&
         NumberSplitAfter(text, end);
}

Status Guard::Compile(const GuardSpec& spec, const RuleSet& rules, Guard* out) {
  auto error = [&](const std::string& what) {
    return Status(StatusCode::kRuleSyntax, "line " + std::to_string(spec.line) +
                                               ": guard " + spec.name + ": " +
                                               what);
  };
  if (spec.name == "not_after") {
    out->looks_before_ = true;
  } else if (spec.name == "not_before") {
    out->looks_before_ = false;
  } else {
    return error("unknown guard (known: not_after, not_before)");
  }
  if (spec.args.empty())
    return error("needs at least one class, word or @table");
  for (const std::string& arg : spec.args) {
    if (arg[0] == ':') {
      if (arg == ":digit") {
        out->classes_ |= Bit(CharClass::kDigit);
      } else if (arg == ":letter") {
        out->classes_ |= Bit(CharClass::kLetter);
      } else if (arg == ":alnum") {
        out->classes_ |= Bit(CharClass::kAlnum);
      } else if (arg == ":cn_numeral") {
        out->classes_ |= Bit(CharClass::kChineseNumeral);
      } else if (arg == ":han") {
        out->classes_ |= Bit(CharClass::kHan);
      } else if (arg == ":digit_separator") {
        out->classes_ |= Bit(CharClass::kDigitSeparator);
      } else {
        return error("unknown class " + arg);
      }
    } else if (arg[0] == '@' && arg.size() > 1) {
      auto table = rules.tables.find(std::string_view(arg).substr(1));
      if (table == rules.tables.end()) return error("unknown table " + arg);
      for (const auto& entry : table->second.entries)
        out->literals_.push_back(entry.first);
    } else {
      out->literals_.push_back(arg);
    }
  }
  // Literals are never empty: words of the guard line, or table keys.
  for (const std::string& literal : out->literals_) {
    out->touching_bytes_.set(static_cast<unsigned char>(
        out->looks_before_ ? literal.back() : literal.front()));
  }
  return Status();
}

bool Guard::ClassNextToMatch(std::string_view text, std::size_t begin,
                             std::size_t end) const {
  if (classes_ & Bit(CharClass::kDigitSeparator)) {
    // "1.5" before the match: a separator with a digit before it; or the
    // same after it.
    if (looks_before_ ? begin >= 2 && IsDigitSeparator(text[begin - 1]) &&
                            IsAsciiDigit(text[begin - 2])
                      : end + 1 < text.size() && IsDigitSeparator(text[end]) &&
                            IsAsciiDigit(text[end + 1])) {
      return true;
    }
  }
  const unsigned code_point_classes =
      classes_ & ~Bit(CharClass::kDigitSeparator);
  if (code_point_classes == 0) return false;
  const char32_t c =
      looks_before_ ? CodePointBefore(text, begin) : CodePointAt(text, end);
  for (int which = 0; which <= static_cast<int>(CharClass::kHan); ++which) {
    if ((code_point_classes >> which & 1) != 0 && InClass(c, which))
      return true;
  }
  return false;
}

bool Guard::Allows(std::string_view text, std::size_t begin,
                   std::size_t end) const {
  if (ClassNextToMatch(text, begin, end)) return false;
  // A literal matches only where the byte next to the match is the one it
  // touches the match with: most matches read no literal.
  const bool has_neighbour = looks_before_ ? begin > 0 : end < text.size();
  if (!has_neighbour || !touching_bytes_[static_cast<unsigned char>(
                            looks_before_ ? text[begin - 1] : text[end])]) {
    return true;
  }
  for (const std::string& literal : literals_) {
    if (looks_before_) {
      if (begin >= literal.size() && text[begin - 1] == literal.back() &&
          text.compare(begin - literal.size(), literal.size(), literal) == 0) {
        return false;
      }
    } else if (end + literal.size() <= text.size() &&
               text[end] == literal.front() &&
               text.compare(end, literal.size(), literal) == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace factx::internal
