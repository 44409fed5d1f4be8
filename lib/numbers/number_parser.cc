// ParseNumber in one pass and without allocation. A lexer turns the bytes into
// tokens (an ASCII digit group such as `1,100.9`, one Chinese numeral
// character, an ASCII word), and one of two small readers consumes them:
// PositionalReader (arabic digits and Chinese numerals with units and scales)
// or EnglishReader (number words). Each token is looked at once, so megabytes
// of digits or thousands of 亿 take linear time and end in a rounded value or
// a clean failure.
//
// Decisions (docs/numbers.md has the full list):
//  - Colloquial trailing digit: 三万五 = 35000, 两千五 = 2500, 一百四 = 140;
//    the digit takes the next lower unit. 零 turns that reading off:
//    一百零四 = 104. Before a scale or 点 the reading is ambiguous and the
//    text is rejected (一百五万, 三万五亿, 一万五点五).
//  - Digits without units read digit by digit (二〇一七 = 2017) and never take
//    a unit or scale: 三五万 means "three to five 万" and is rejected.
//  - Adjacent scales multiply when they do not decrease: 万亿 = 10^12,
//    亿亿 = 10^16. 亿万 is an idiom ("hundreds of millions"): rejected.
//  - A point needs digits on both sides (`.5`, `5.`, `三点` are rejected);
//    `,` groups are exactly three digits (1,00 and 12,34,567 are rejected).
//  - English fractions: half, quarter, three quarters, "N and a half", each
//    optionally followed by one scale word (half a million).
#include "numbers/number_parser.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "numbers/decimal_math.h"
#include "text/char_class.h"

namespace factx::internal {
namespace {

// ---------------------------------------------------------------------------
// Characters

constexpr char32_t kBadCodePoint = 0xFFFFFFFF;

// Decodes the code point at text[pos] and sets *length (at least 1). Bytes
// that are not well-formed UTF-8 give kBadCodePoint, which is no number.
char32_t DecodeAt(std::string_view text, std::size_t pos, std::size_t* length) {
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  *length = 1;
  if (lead < 0x80) return lead;
  std::size_t extra = 0;
  char32_t code_point = 0;
  char32_t minimum = 0;  // smaller values are overlong encodings
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    return kBadCodePoint;
  }
  if (text.size() - pos <= extra) return kBadCodePoint;
  for (std::size_t i = 1; i <= extra; ++i) {
    const unsigned char next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) return kBadCodePoint;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < minimum) return kBadCodePoint;
  *length = extra + 1;
  return code_point;
}

// What one Chinese character means in a number.
enum class ChineseKind { kNone, kDigit, kUnit, kTens, kScale, kPoint };

struct ChineseChar {
  ChineseKind kind = ChineseKind::kNone;
  // kDigit: 0..9. kUnit: the power of ten of 十 百 千 (1..3). kTens: the tens
  // digit of 廿 卅 卌. kScale: the power of ten of 万 亿 兆.
  int value = 0;
  // 两 is "two" only before a unit (两千, 两万), never as a trailing digit.
  bool liang = false;
};

// The normalizer folds traditional numerals (億 萬 兩 點) already; reading
// them here too, with the traditional financial 貳 參 陸, costs nothing.
ChineseChar ClassifyChinese(char32_t c) {
  using K = ChineseKind;
  switch (c) {
    case U'〇':
    case U'零':
      return {K::kDigit, 0};
    case U'一':
    case U'壹':
      return {K::kDigit, 1};
    case U'二':
    case U'贰':
    case U'貳':
      return {K::kDigit, 2};
    case U'两':
    case U'兩':
      return {K::kDigit, 2, true};
    case U'三':
    case U'叁':
    case U'參':
      return {K::kDigit, 3};
    case U'四':
    case U'肆':
      return {K::kDigit, 4};
    case U'五':
    case U'伍':
      return {K::kDigit, 5};
    case U'六':
    case U'陆':
    case U'陸':
      return {K::kDigit, 6};
    case U'七':
    case U'柒':
      return {K::kDigit, 7};
    case U'八':
    case U'捌':
      return {K::kDigit, 8};
    case U'九':
    case U'玖':
      return {K::kDigit, 9};
    case U'十':
    case U'拾':
      return {K::kUnit, 1};
    case U'百':
    case U'佰':
      return {K::kUnit, 2};
    case U'千':
    case U'仟':
      return {K::kUnit, 3};
    case U'廿':  // 20
      return {K::kTens, 2};
    case U'卅':  // 30
      return {K::kTens, 3};
    case U'卌':  // 40
      return {K::kTens, 4};
    case U'万':
    case U'萬':
      return {K::kScale, 4};
    case U'亿':
    case U'億':
      return {K::kScale, 8};
    case U'兆':  // 10^12 (= 万亿), as in mainland financial usage
      return {K::kScale, 12};
    case U'点':
    case U'點':
      return {K::kPoint, 0};
    default:
      return {};
  }
}

// The power of ten of an English scale word (million) or, when
// `allow_abbreviations`, of a suffix after digits (20.5k, 1.2bn); -1 if none.
int EnglishScale(std::string_view lower_word, bool allow_abbreviations) {
  struct Entry {
    std::string_view word;
    int power;
    bool abbreviation;
  };
  static constexpr Entry kScales[] = {
      {"thousand", 3, false},
      {"million", 6, false},
      {"billion", 9, false},
      {"trillion", 12, false},
      // Indian English: a lakh is 100,000, a crore 10,000,000.
      {"lakh", 5, false},
      {"lakhs", 5, false},
      {"crore", 7, false},
      {"crores", 7, false},
      {"k", 3, true},
      {"m", 6, true},
      {"mn", 6, true},
      {"mln", 6, true},  // wire services: 5 mln, 5 bln, 5 trln
      {"mm", 6, true},   // finance: $5mm
      {"mil", 6, true},
      {"mio", 6, true},  // European English: EUR 10 mio
      {"millions", 6, true},
      {"b", 9, true},
      {"bn", 9, true},
      {"bln", 9, true},
      {"billions", 9, true},
      {"tn", 12, true},
      {"trln", 12, true},
      {"trillions", 12, true},
      {"lac", 5, true},
      {"lacs", 5, true},
      {"cr", 7, true},  // Rs 500 cr
  };
  for (const Entry& entry : kScales) {
    if (entry.word == lower_word &&
        (allow_abbreviations || !entry.abbreviation)) {
      return entry.power;
    }
  }
  return -1;
}

// Lowercases an ASCII word into `buffer`; a word longer than N gives "".
template <std::size_t N>
std::string_view LowerWord(std::string_view word, std::array<char, N>* buffer) {
  if (word.size() > N) return {};
  for (std::size_t i = 0; i < word.size(); ++i) {
    (*buffer)[i] = ToAsciiLower(word[i]);
  }
  return std::string_view(buffer->data(), word.size());
}

// ---------------------------------------------------------------------------
// Decimal helpers

Decimal PowerOf10(int power) { return Decimal{1, power, false}; }

bool LessThanPowerOf10(const Decimal& value, int power) {
  return value.Compare(PowerOf10(power)) < 0;
}

bool IsZero(const Decimal& value) { return value.mantissa == 0; }

// Digits, one at a time, into a Decimal: keeps 18 significant digits and
// rounds the rest half up, in constant space however many digits come.
class DigitAccumulator {
 public:
  void AddIntegerDigit(int digit) {
    if (mantissa_ == 0 && digit == 0) return;  // leading zero
    if (significant_ < kMaxSignificant) {
      mantissa_ = mantissa_ * 10 + static_cast<std::uint64_t>(digit);
      ++significant_;
    } else {
      Drop(digit);
      ++exponent_;
    }
  }

  void AddFractionDigit(int digit) {
    if (mantissa_ == 0 && digit == 0) {
      --exponent_;  // 0.00…: only moves the point
    } else if (significant_ < kMaxSignificant) {
      mantissa_ = mantissa_ * 10 + static_cast<std::uint64_t>(digit);
      ++significant_;
      --exponent_;
    } else {
      Drop(digit);
    }
  }

  // nullopt when the value is out of kMaxDecimalExponent's range.
  std::optional<Decimal> Finish() const {
    std::uint64_t mantissa = mantissa_;
    std::int64_t exponent = exponent_;
    if (first_dropped_ >= 5) {
      ++mantissa;
      if (mantissa == kMantissaLimit) {
        mantissa /= 10;
        ++exponent;
      }
    }
    if (mantissa == 0) return Decimal{0, 0, false};
    // Far out of range: decided here, so that the exponent fits int32 below.
    if (exponent > 4 * kMaxDecimalExponent ||
        exponent < -4 * kMaxDecimalExponent) {
      return std::nullopt;
    }
    const bool rounded = first_dropped_ > 0 || dropped_nonzero_;
    return ScaleByPowerOf10(
        Decimal{static_cast<std::int64_t>(mantissa), 0, rounded},
        static_cast<std::int32_t>(exponent));
  }

 private:
  static constexpr int kMaxSignificant = 18;
  static constexpr std::uint64_t kMantissaLimit = 1'000'000'000'000'000'000ULL;

  void Drop(int digit) {
    if (first_dropped_ < 0) {
      first_dropped_ = digit;
    } else if (digit != 0) {
      dropped_nonzero_ = true;
    }
  }

  std::uint64_t mantissa_ = 0;
  int significant_ = 0;
  std::int64_t exponent_ = 0;
  int first_dropped_ = -1;  // decides round-half-up
  bool dropped_nonzero_ = false;
};

// ---------------------------------------------------------------------------
// Tokens

enum class TokenKind {
  kEnd,
  kArabic,  // 1,100.9
  kDigit,   // 〇 零 一 … 九, 两, 壹 … 玖
  kUnit,    // 十 百 千 拾 佰 仟
  kTens,    // 廿 卅 卌
  kScale,   // 万 亿 兆
  kPoint,   // 点
  kWord,    // ASCII letters: k, bn, million
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  int value = 0;       // as ChineseChar::value
  bool liang = false;  // kDigit: 两
  // kArabic: one digit without group or fraction, which acts like a Chinese
  // digit (3千万, 3万5); other arabic numbers are "closed" (see Pending).
  bool single_digit = false;
  Decimal number;         // kArabic
  std::string_view word;  // kWord
  // kWord: joined to the digits before it by a hyphen (1.2-trillion), which
  // only a full scale word may be.
  bool hyphenated = false;
};

// Splits normalized text into tokens, skipping blanks between them.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // nullopt for a character that is no part of a number, or a malformed
  // digit group.
  std::optional<Token> Next() {
    while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
    Token token;
    if (pos_ == text_.size()) return token;
    char c = text_[pos_];
    // A hyphen between digits and a word: "a $1.2-trillion package".
    if (c == '-' && pos_ > 0 && IsAsciiDigit(text_[pos_ - 1]) &&
        pos_ + 1 < text_.size() && IsAsciiLetter(text_[pos_ + 1])) {
      token.hyphenated = true;
      c = text_[++pos_];
    }
    if (IsAsciiDigit(c)) return LexArabic();
    if (IsAsciiLetter(c)) {
      const std::size_t begin = pos_;
      while (pos_ < text_.size() && IsAsciiLetter(text_[pos_])) ++pos_;
      token.kind = TokenKind::kWord;
      token.word = text_.substr(begin, pos_ - begin);
      return token;
    }
    std::size_t length = 0;
    const ChineseChar chinese = ClassifyChinese(DecodeAt(text_, pos_, &length));
    pos_ += length;
    switch (chinese.kind) {
      case ChineseKind::kNone:
        return std::nullopt;
      case ChineseKind::kDigit:
        token.kind = TokenKind::kDigit;
        break;
      case ChineseKind::kUnit:
        token.kind = TokenKind::kUnit;
        break;
      case ChineseKind::kTens:
        token.kind = TokenKind::kTens;
        break;
      case ChineseKind::kScale:
        token.kind = TokenKind::kScale;
        break;
      case ChineseKind::kPoint:
        token.kind = TokenKind::kPoint;
        break;
    }
    token.value = chinese.value;
    token.liang = chinese.liang;
    return token;
  }

 private:
  bool DigitAt(std::size_t pos) const {
    return pos < text_.size() && IsAsciiDigit(text_[pos]);
  }

  // [0-9]+ or [1-9][0-9]{0,2}(,[0-9]{3})+, then optionally \.[0-9]+
  // The length of a thousands comma at `pos`: "," or the full-width "，",
  // which normalization keeps as a clause mark and the rules match between
  // digit groups only (12，345亿); 0 for neither.
  std::size_t GroupCommaAt(std::size_t pos) const {
    if (pos < text_.size() && text_[pos] == ',') return 1;
    if (text_.compare(pos, 3, "，") == 0) return 3;
    return 0;
  }

  std::optional<Token> LexArabic() {
    DigitAccumulator digits;
    const std::size_t begin = pos_;
    std::size_t integer_digits = 0;
    while (DigitAt(pos_)) {
      digits.AddIntegerDigit(text_[pos_++] - '0');
      ++integer_digits;
    }
    bool grouped = false;
    if (std::size_t comma = GroupCommaAt(pos_); comma > 0) {
      if (integer_digits > 3 || text_[begin] == '0') return std::nullopt;
      for (; comma > 0; comma = GroupCommaAt(pos_)) {
        const std::size_t group = pos_ + comma;
        if (!DigitAt(group) || !DigitAt(group + 1) || !DigitAt(group + 2) ||
            DigitAt(group + 3)) {
          return std::nullopt;
        }
        for (std::size_t i = 0; i < 3; ++i) {
          digits.AddIntegerDigit(text_[group + i] - '0');
        }
        pos_ = group + 3;
        grouped = true;
      }
    }
    bool fraction = false;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!DigitAt(pos_)) return std::nullopt;
      while (DigitAt(pos_)) digits.AddFractionDigit(text_[pos_++] - '0');
      fraction = true;
    }
    std::optional<Decimal> number = digits.Finish();
    if (!number) return std::nullopt;
    Token token;
    token.kind = TokenKind::kArabic;
    token.number = *number;
    token.single_digit = integer_digits == 1 && !grouped && !fraction;
    return token;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------
// Arabic digits and Chinese numerals: 三千五百万, 四十九兆九千五百九十二亿,
// 1.5万亿, 1亿2000万, 20.5k.
//
// The value is a list of groups, each a multiplier times a scale (四十九兆,
// 九千五百九十二亿), with strictly decreasing scales, then a last section
// below the smallest scale. A section is a sum of digit-times-unit terms with
// strictly decreasing units (九千 五百 九十 二). A digit waits as `pending_`
// until the next token says which unit it multiplies.

class PositionalReader {
 public:
  // false: the text is not a number (the caller stops reading).
  bool Feed(const Token& token) {
    ++token_count_;
    if (english_scaled_) return false;  // nothing may follow 20.5k
    if (mode_ == Mode::kDigitRun) return FeedDigitRun(token);
    if (mode_ == Mode::kFraction) {
      if (token.kind == TokenKind::kDigit && !token.liang) {
        fraction_.AddFractionDigit(token.value);
        ++fraction_digits_;
        return true;
      }
      if (!EndFraction()) return false;
    }
    if (token.kind != TokenKind::kArabic && token.kind != TokenKind::kWord) {
      only_arabic_ = false;
    }
    switch (token.kind) {
      case TokenKind::kEnd:
        return false;  // Finish() reads the end
      case TokenKind::kArabic:
        return OnArabic(token);
      case TokenKind::kDigit:
        return OnDigit(token);
      case TokenKind::kUnit:
        return OnUnit(token.value);
      case TokenKind::kTens:
        return OnTens(token.value);
      case TokenKind::kScale:
        return OnScale(token.value);
      case TokenKind::kPoint:
        return OnPoint();
      case TokenKind::kWord:
        return OnEnglishScale(token.word, token.hyphenated);
    }
    return false;
  }

  std::optional<Decimal> Finish() {
    if (mode_ == Mode::kDigitRun) return run_.Finish();
    if (mode_ == Mode::kFraction && !EndFraction()) return std::nullopt;
    if (english_scaled_) return pending_->value;
    if (zero_waiting_ || token_count_ == 0) return std::nullopt;
    if (group_count_ > 0 && (pending_ || section_has_terms_) &&
        !IsWhole(groups_[group_count_ - 1])) {
      return std::nullopt;  // 三点五万五
    }
    if (pending_ && !SettlePendingAtEnd()) return std::nullopt;
    if (group_count_ > 0 &&
        !LessThanPowerOf10(section_, groups_[group_count_ - 1].bound)) {
      return std::nullopt;  // 3万15000
    }
    Decimal total = section_;
    for (std::size_t i = 0; i < group_count_; ++i) {
      std::optional<Decimal> sum = Add(total, groups_[i].value);
      if (!sum) return std::nullopt;
      total = *sum;
    }
    return total;
  }

 private:
  enum class Mode {
    kPositional,
    kDigitRun,  // 二〇一七: digits only, read one by one
    kFraction,  // after 点
  };

  // What came right before a digit: decides the power of ten a trailing digit
  // takes.
  enum class Context {
    kStart,       // nothing: the digit is the number or a multiplier (五万)
    kAfterTen,    // 十 or 廿: ones (十五)
    kAfterZero,   // 零: ones or a multiplier (一百零四, 一千零五十)
    kAfterUnit,   // 百 or 千: colloquial at the end (一百四 = 140)
    kAfterScale,  // 万 亿 兆: colloquial at the end (三万五 = 35000)
  };

  static bool IsOnesPosition(Context context) {
    return context == Context::kStart || context == Context::kAfterTen ||
           context == Context::kAfterZero;
  }

  struct Group {
    Decimal value;  // multiplier * 10^scale
    int bound = 0;  // what follows the group is below 10^bound
    int scale = 0;  // the last scale character applied: 8 for 亿 in 万亿
  };

  // A digit or closed number waiting for the token that gives its unit.
  struct Pending {
    Decimal value;
    Context context = Context::kStart;
    bool liang = false;
    bool chinese_digit = false;  // may start a digit run (二〇一七)
    // A closed number: arabic other than a single digit, or anything with a
    // fraction (1.5, 三点五, 2000). It makes a whole section and takes at most
    // one unit (3.5千万) before a scale or the end.
    bool closed = false;
    bool allow_unit = false;
    bool allow_scale = true;
  };

  // Groups have strictly decreasing bounds within the exponent range, so only
  // a few ever exist; the limit just keeps the array fixed.
  static constexpr std::size_t kMaxGroups = 24;

  bool AtNumberStart() const {
    return group_count_ == 0 && !section_has_terms_ && !pending_ &&
           !zero_waiting_;
  }

  bool AddToSection(const Decimal& term) {
    std::optional<Decimal> sum = Add(section_, term);
    if (!sum) return false;
    section_ = *sum;
    return true;
  }

  bool FeedDigitRun(const Token& token) {
    if (token.kind == TokenKind::kDigit && !token.liang) {
      run_.AddIntegerDigit(token.value);
      return true;
    }
    if (token.kind != TokenKind::kPoint) return false;  // 三五万
    std::optional<Decimal> integer = run_.Finish();
    if (!integer) return false;
    StartFraction(*integer, /*allow_unit=*/false, /*allow_scale=*/false);
    return true;
  }

  bool OnArabic(const Token& token) {
    if (pending_) return false;  // 1 5, 三5
    // A lone 0 is a number only at the start (0, 0万), not after a unit: 3万0.
    if (token.single_digit && IsZero(token.number) && !AtNumberStart()) {
      return false;
    }
    Pending pending;
    pending.value = token.number;
    pending.context = context_;
    if (!token.single_digit) {
      // A closed number starts a section: 2000 in 1亿2000万, not 3千500.
      if (section_has_terms_ || context_ == Context::kAfterUnit ||
          context_ == Context::kAfterTen) {
        return false;
      }
      pending.closed = true;
      pending.allow_unit = true;
    }
    pending_ = pending;
    zero_waiting_ = false;
    return true;
  }

  bool OnDigit(const Token& token) {
    if (pending_) {
      // Two digits in a row: only a plain run such as 二〇一七.
      if (!pending_->chinese_digit || pending_->liang || token.liang ||
          pending_->context != Context::kStart) {
        return false;
      }
      mode_ = Mode::kDigitRun;
      run_.AddIntegerDigit(static_cast<int>(pending_->value.mantissa));
      run_.AddIntegerDigit(token.value);
      return true;
    }
    if (token.value == 0 && !AtNumberStart()) {
      // 零 marks a gap after 百, 千 or a scale: 一百零四, 一亿零五百万; not
      // after 十 (三十零一).
      if (context_ != Context::kAfterUnit && context_ != Context::kAfterScale) {
        return false;
      }
      zero_waiting_ = true;
      context_ = Context::kAfterZero;
      return true;
    }
    Pending pending;
    pending.value = Decimal{token.value, 0, false};
    pending.context = context_;
    pending.liang = token.liang;
    pending.chinese_digit = true;
    pending_ = pending;
    zero_waiting_ = false;
    return true;
  }

  bool OnUnit(int unit) {
    Decimal multiplier{1, 0, false};
    if (pending_) {
      if (pending_->chinese_digit && IsZero(pending_->value)) return false;
      if (pending_->closed) {
        // 3.5千万, 12百万: the unit scales the closed number, once.
        if (!pending_->allow_unit) return false;
        std::optional<Decimal> scaled = ScaleByPowerOf10(pending_->value, unit);
        if (!scaled) return false;
        pending_->value = *scaled;
        pending_->allow_unit = false;
        return true;
      }
      if (pending_->liang && unit == 1) return false;  // 两十 is written 二十
      multiplier = pending_->value;
    } else {
      // A unit without a digit means one of it: 十五, 三万十五, 一千零十; 百
      // and 千 only at the very start (百万, 千亿).
      const bool section_start = !section_has_terms_ || zero_waiting_;
      if (!(unit == 1 && section_start) && !(unit >= 2 && AtNumberStart())) {
        return false;
      }
    }
    if (unit >= last_unit_) return false;  // 十十, 一百一百, 五十百
    std::optional<Decimal> term = ScaleByPowerOf10(multiplier, unit);
    if (!term || !AddToSection(*term)) return false;
    section_has_terms_ = true;
    last_unit_ = unit;
    pending_.reset();
    zero_waiting_ = false;
    context_ = unit == 1 ? Context::kAfterTen : Context::kAfterUnit;
    return true;
  }

  bool OnTens(int tens_digit) {
    if (pending_ || zero_waiting_ || last_unit_ <= 1) return false;
    if (!AddToSection(Decimal{tens_digit * 10, 0, false})) return false;
    section_has_terms_ = true;
    last_unit_ = 1;
    context_ = Context::kAfterTen;
    return true;
  }

  // Moves the pending digit or closed number into the section right before a
  // scale or 点, where it must be in the ones place (not 一百五万, 三万五亿,
  // 两点).
  bool SettlePendingAsOnes(bool before_scale) {
    if (!pending_) return true;
    if (pending_->closed) {
      if (before_scale && !pending_->allow_scale) return false;
      section_ = pending_->value;
    } else {
      if (!IsOnesPosition(pending_->context)) return false;
      if (pending_->liang && !before_scale) return false;
      if (!AddToSection(pending_->value)) return false;
    }
    section_has_terms_ = true;
    pending_.reset();
    return true;
  }

  // The pending digit or closed number at the end of the text.
  bool SettlePendingAtEnd() {
    if (pending_->closed) {
      section_ = pending_->value;
      return true;
    }
    if (IsOnesPosition(pending_->context)) {
      // 两 alone is 2; after anything else it is the weight 两 (二十两).
      if (pending_->liang && !(group_count_ == 0 && !section_has_terms_)) {
        return false;
      }
      return AddToSection(pending_->value);
    }
    // Colloquial: the digit takes the next lower unit. 两千五 = 2500,
    // 三万五 = 35000, 一万亿五 = 1.5 * 10^12.
    if (pending_->liang) return false;
    const int unit = pending_->context == Context::kAfterUnit
                         ? last_unit_
                         : groups_[group_count_ - 1].bound;
    std::optional<Decimal> term = ScaleByPowerOf10(pending_->value, unit - 1);
    return term && AddToSection(*term);
  }

  // Whether a group leaves the places below its scale free: 1.5亿 does not,
  // so nothing may follow it (1.5亿3000万, 三点五万五).
  static bool IsWhole(const Group& group) {
    return IsZero(group.value) ||
           group.value.Normalized().exponent >= group.bound;
  }

  // The top group must be smaller than the one below it in scale and value.
  bool TopFitsBelowPrevious() const {
    if (group_count_ < 2) return true;
    const Group& top = groups_[group_count_ - 1];
    const Group& previous = groups_[group_count_ - 2];
    return IsWhole(previous) && top.bound < previous.bound &&
           LessThanPowerOf10(top.value, previous.bound);
  }

  bool OnScale(int scale) {
    if (zero_waiting_) return false;  // 一亿零万
    // 零万 is no number (0万 and 0.0亿 are zero).
    if (pending_ && pending_->chinese_digit && IsZero(pending_->value)) {
      return false;
    }
    if (!pending_ && !section_has_terms_) {
      if (context_ == Context::kAfterScale && group_count_ > 0) {
        // Adjacent scales multiply unless they decrease: 万亿, 亿亿; 亿万 is
        // an idiom. 亿亿亿… fails at kMaxDecimalExponent.
        Group& top = groups_[group_count_ - 1];
        if (scale < top.scale) return false;
        std::optional<Decimal> value = ScaleByPowerOf10(top.value, scale);
        if (!value) return false;
        top.value = *value;
        top.bound += scale;
        top.scale = scale;
        return TopFitsBelowPrevious();
      }
      // A scale alone: 万, 亿, 万亿.
      if (!AtNumberStart()) return false;
      return PushGroup(PowerOf10(scale), scale);
    }
    if (!SettlePendingAsOnes(/*before_scale=*/true)) return false;
    // The multiplier takes in earlier groups of smaller scale:
    // 一万五千亿 = (一万五千)亿.
    Decimal multiplier = section_;
    while (group_count_ > 0 && groups_[group_count_ - 1].bound < scale) {
      if (!IsWhole(groups_[group_count_ - 1])) return false;
      std::optional<Decimal> sum =
          Add(multiplier, groups_[--group_count_].value);
      if (!sum) return false;
      multiplier = *sum;
    }
    std::optional<Decimal> value = ScaleByPowerOf10(multiplier, scale);
    return value && PushGroup(*value, scale);
  }

  bool PushGroup(const Decimal& value, int scale) {
    if (group_count_ == kMaxGroups) return false;
    groups_[group_count_++] = Group{value, scale, scale};
    section_ = Decimal{};
    section_has_terms_ = false;
    last_unit_ = 4;
    context_ = Context::kAfterScale;
    return TopFitsBelowPrevious();
  }

  bool OnPoint() {
    if (zero_waiting_) return false;
    if (pending_ && !pending_->chinese_digit) return false;  // 3点五, 1.5点
    // 点 needs an integer part right before it: not 点五, not 一万点五.
    if (!pending_ && !section_has_terms_) return false;
    // 二点五千万 may take a unit; 一百点五千 may not.
    const bool single_digit =
        pending_ && !section_has_terms_ && group_count_ == 0;
    if (!SettlePendingAsOnes(/*before_scale=*/false)) return false;
    StartFraction(section_, /*allow_unit=*/single_digit, /*allow_scale=*/true);
    return true;
  }

  void StartFraction(const Decimal& integer, bool allow_unit,
                     bool allow_scale) {
    mode_ = Mode::kFraction;
    fraction_integer_ = integer;
    fraction_allow_unit_ = allow_unit;
    fraction_allow_scale_ = allow_scale;
    section_ = Decimal{};
    section_has_terms_ = false;
    last_unit_ = 4;
  }

  // Turns integer part and fraction digits into a closed pending number.
  bool EndFraction() {
    mode_ = Mode::kPositional;
    if (fraction_digits_ == 0) return false;  // 三点
    std::optional<Decimal> fraction = fraction_.Finish();
    if (!fraction) return false;
    std::optional<Decimal> value = Add(fraction_integer_, *fraction);
    if (!value) return false;
    Pending pending;
    pending.value = *value;
    pending.context = group_count_ > 0 ? Context::kAfterScale : Context::kStart;
    pending.closed = true;
    pending.allow_unit = fraction_allow_unit_;
    pending.allow_scale = fraction_allow_scale_;
    pending_ = pending;
    return true;
  }

  // Only right after one arabic number: 20.5k, 3.5 billion, 5m; after a
  // hyphen only a full word: 1.2-trillion, not 5-m.
  bool OnEnglishScale(std::string_view word, bool hyphenated) {
    if (!only_arabic_ || !pending_ || group_count_ > 0 || section_has_terms_) {
      return false;
    }
    if (pending_->closed && !pending_->allow_unit) return false;
    std::array<char, 16> buffer;
    const int power = EnglishScale(LowerWord(word, &buffer),
                                   /*allow_abbreviations=*/!hyphenated);
    if (power < 0) return false;
    std::optional<Decimal> value = ScaleByPowerOf10(pending_->value, power);
    if (!value) return false;
    pending_->value = *value;
    english_scaled_ = true;
    return true;
  }

  Mode mode_ = Mode::kPositional;
  int token_count_ = 0;
  bool only_arabic_ = true;  // so far: an English suffix may follow
  bool english_scaled_ = false;

  std::array<Group, kMaxGroups> groups_{};
  std::size_t group_count_ = 0;

  Decimal section_;
  bool section_has_terms_ = false;
  int last_unit_ = 4;  // the section's last unit (1..3); 4 before any
  Context context_ = Context::kStart;
  bool zero_waiting_ = false;  // 零 read, a digit must follow
  std::optional<Pending> pending_;

  DigitAccumulator run_;  // kDigitRun
  DigitAccumulator fraction_;
  int fraction_digits_ = 0;
  Decimal fraction_integer_;
  bool fraction_allow_unit_ = false;
  bool fraction_allow_scale_ = true;
};

std::optional<Decimal> ParsePositional(std::string_view text) {
  Lexer lexer(text);
  PositionalReader reader;
  while (true) {
    std::optional<Token> token = lexer.Next();
    if (!token) return std::nullopt;
    if (token->kind == TokenKind::kEnd) return reader.Finish();
    if (!reader.Feed(*token)) return std::nullopt;
  }
}

// ---------------------------------------------------------------------------
// English number words: seventeen, twenty-one, one hundred and five,
// a million, two and a half billion.

enum class WordKind {
  kUnknown,
  kOnes,  // zero … nine
  kTeen,  // ten … nineteen
  kTens,  // twenty … ninety
  kHundred,
  kScale,  // thousand million billion trillion lakh crore
  kAnd,
  kArticle,  // a
  kHalf,
  kQuarter,
  kQuarters,  // three quarters
};

struct WordMeaning {
  WordKind kind = WordKind::kUnknown;
  int value = 0;  // the number, or the power of ten of a kScale
};

WordMeaning ClassifyWord(std::string_view word) {
  static constexpr std::string_view kOnes[] = {"zero",  "one",  "two", "three",
                                               "four",  "five", "six", "seven",
                                               "eight", "nine"};
  static constexpr std::string_view kTeens[] = {
      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::string_view kTens[] = {"twenty", "thirty", "forty",
                                               "fifty",  "sixty",  "seventy",
                                               "eighty", "ninety"};
  std::array<char, 12> buffer;
  const std::string_view lower = LowerWord(word, &buffer);
  if (lower.empty()) return {};
  for (int i = 0; i < 10; ++i) {
    if (lower == kOnes[i]) return {WordKind::kOnes, i};
    if (lower == kTeens[i]) return {WordKind::kTeen, 10 + i};
  }
  for (int i = 0; i < 8; ++i) {
    if (lower == kTens[i]) return {WordKind::kTens, 20 + 10 * i};
  }
  if (lower == "hundred") return {WordKind::kHundred, 2};
  if (lower == "and") return {WordKind::kAnd, 0};
  if (lower == "a") return {WordKind::kArticle, 0};
  if (lower == "half") return {WordKind::kHalf, 0};
  if (lower == "quarter") return {WordKind::kQuarter, 0};
  if (lower == "quarters") return {WordKind::kQuarters, 0};
  const int scale = EnglishScale(lower, /*allow_abbreviations=*/false);
  if (scale >= 0) return {WordKind::kScale, scale};
  return {};
}

// Reads words as groups below a thousand (hundreds_ + below_hundred_), each
// closed by a scale word in decreasing order: one million two hundred thousand.
class EnglishReader {
 public:
  // false: the text is not a number.
  bool Feed(const WordMeaning& word) {
    const bool first = index_++ == 0;
    if (fraction_) return FeedAfterFraction(word);
    if (zero_) return false;  // nothing follows "zero"
    if (expect_half_ && word.kind != WordKind::kHalf) return false;
    switch (word.kind) {
      case WordKind::kUnknown:
        return false;
      case WordKind::kArticle:
        if (first) {
          article_ = true;  // a million, a hundred, a half
          return true;
        }
        if (!after_and_) return false;
        after_and_ = false;
        expect_half_ = true;  // "and a" must be "and a half"
        return true;
      case WordKind::kAnd:
        // one hundred and five, a million and ten, two and a half
        if (after_and_ || article_ ||
            (!last_was_multiplier_ && below_hundred_ == 0)) {
          return false;
        }
        after_and_ = true;
        and_after_number_ = !last_was_multiplier_;
        return true;
      case WordKind::kOnes:
        if (word.value == 0) {
          if (!first) return false;
          zero_ = true;
          return true;
        }
        if (has_ones_ || has_teen_) return false;
        has_ones_ = true;
        return AddBelowHundred(word.value);
      case WordKind::kTeen:
        if (has_tens_ || has_ones_ || has_teen_) return false;
        has_teen_ = true;
        return AddBelowHundred(word.value);
      case WordKind::kTens:
        if (has_tens_ || has_ones_ || has_teen_) return false;
        has_tens_ = true;
        return AddBelowHundred(word.value);
      case WordKind::kHundred:
        return OnHundred();
      case WordKind::kScale:
        return OnScale(word.value);
      case WordKind::kHalf:
      case WordKind::kQuarter:
      case WordKind::kQuarters:
        return OnFraction(word.kind);
    }
    return false;
  }

  std::optional<Decimal> Finish() const {
    if (index_ == 0 || after_and_ || expect_half_ || article_ ||
        fraction_article_) {
      return std::nullopt;
    }
    if (zero_) return Decimal{0, 0, false};
    if (fraction_) return fraction_value_;
    const Decimal group{hundreds_ + below_hundred_, 0, false};
    if (IsZero(group) && !has_scale_) return std::nullopt;
    // one thousand twelve hundred: the last group overlaps the scale before.
    if (has_scale_ && !LessThanPowerOf10(group, last_scale_)) {
      return std::nullopt;
    }
    return Add(total_, group);
  }

 private:
  bool AddBelowHundred(int value) {
    if (article_) return false;                         // a five
    if (after_and_ && and_after_number_) return false;  // two and five
    below_hundred_ += value;
    after_and_ = false;
    last_was_multiplier_ = false;
    return true;
  }

  void ResetBelowHundred() {
    below_hundred_ = 0;
    has_ones_ = has_tens_ = has_teen_ = false;
  }

  // one hundred, a hundred, twelve hundred (1200); not "hundred" alone.
  bool OnHundred() {
    if (hundreds_ != 0 || after_and_) return false;
    const std::int64_t multiplier = article_ ? 1 : below_hundred_;
    if (multiplier == 0) return false;
    hundreds_ = multiplier * 100;
    article_ = false;
    ResetBelowHundred();
    last_was_multiplier_ = true;
    return true;
  }

  // five million, a million; scales decrease (not two thousand one million).
  bool OnScale(int power) {
    if (after_and_ || power >= last_scale_) return false;
    std::int64_t group = hundreds_ + below_hundred_;
    if (article_) group = 1;
    if (group == 0) return false;  // million alone
    std::optional<Decimal> value =
        ScaleByPowerOf10(Decimal{group, 0, false}, power);
    if (!value) return false;
    if (has_scale_ && !LessThanPowerOf10(*value, last_scale_)) return false;
    std::optional<Decimal> sum = Add(total_, *value);
    if (!sum) return false;
    total_ = *sum;
    has_scale_ = true;
    last_scale_ = power;
    hundreds_ = 0;
    ResetBelowHundred();
    article_ = false;
    last_was_multiplier_ = true;
    return true;
  }

  // half, a half, quarter, a quarter, one quarter, three quarters,
  // N and a half.
  bool OnFraction(WordKind kind) {
    if (has_scale_) return false;  // one million and a half: not read
    const bool first_word = index_ == 1;
    const bool only_one = below_hundred_ == 1 && has_ones_ && hundreds_ == 0;
    const bool only_three = below_hundred_ == 3 && has_ones_ && hundreds_ == 0;
    Decimal integer{0, 0, false};
    Decimal fraction;
    if (kind == WordKind::kHalf) {
      fraction = Decimal{5, -1, false};
      if (expect_half_) {
        integer = Decimal{hundreds_ + below_hundred_, 0, false};
      } else if (!first_word && !article_) {
        return false;
      }
    } else if (kind == WordKind::kQuarter) {
      fraction = Decimal{25, -2, false};
      if (!first_word && !article_ && !only_one) return false;
    } else {
      fraction = Decimal{75, -2, false};
      if (!only_three) return false;
    }
    std::optional<Decimal> value = Add(integer, fraction);
    if (!value) return false;
    fraction_value_ = *value;
    fraction_integer_is_zero_ = IsZero(integer);
    fraction_ = true;
    expect_half_ = after_and_ = article_ = false;
    return true;
  }

  // After a fraction, one optional scale word (half a million, two and a half
  // billion), then the end.
  bool FeedAfterFraction(const WordMeaning& word) {
    if (fraction_scaled_) return false;
    if (word.kind == WordKind::kArticle && fraction_integer_is_zero_ &&
        !fraction_article_) {
      fraction_article_ = true;  // half a million
      return true;
    }
    if (word.kind != WordKind::kScale) return false;
    std::optional<Decimal> value =
        ScaleByPowerOf10(fraction_value_, word.value);
    if (!value) return false;
    fraction_value_ = *value;
    fraction_scaled_ = true;
    fraction_article_ = false;
    return true;
  }

  int index_ = 0;  // words read
  Decimal total_;  // sum of the groups closed by a scale word
  bool has_scale_ = false;
  int last_scale_ = 1000;
  std::int64_t hundreds_ = 0;       // 100 … 9900 once "hundred" is read
  std::int64_t below_hundred_ = 0;  // 0 … 99
  bool has_ones_ = false;
  bool has_tens_ = false;
  bool has_teen_ = false;
  bool article_ = false;    // "a" waiting for hundred, a scale or a fraction
  bool after_and_ = false;  // "and" waiting for what it joins
  bool and_after_number_ = false;     // "two and": only "a half" may follow
  bool expect_half_ = false;          // "and a"
  bool last_was_multiplier_ = false;  // "hundred" or a scale word came last
  bool zero_ = false;
  bool fraction_ = false;
  bool fraction_integer_is_zero_ = false;
  bool fraction_article_ = false;
  bool fraction_scaled_ = false;
  Decimal fraction_value_;
};

std::optional<Decimal> ParseEnglishWords(std::string_view text) {
  EnglishReader reader;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    while (pos < text.size() && IsAsciiLetter(text[pos])) ++pos;
    if (pos == begin) return std::nullopt;  // no word where one must start
    if (!reader.Feed(ClassifyWord(text.substr(begin, pos - begin)))) {
      return std::nullopt;
    }
    // Words are separated by blanks, or by one hyphen with optional blanks
    // around it (twenty-one).
    const std::size_t word_end = pos;
    while (pos < text.size() && IsBlank(text[pos])) ++pos;
    if (pos < text.size() && text[pos] == '-') {
      ++pos;
      while (pos < text.size() && IsBlank(text[pos])) ++pos;
    }
    if (pos < text.size() && pos == word_end) return std::nullopt;   // one,two
    if (pos == text.size() && pos != word_end) return std::nullopt;  // twenty-
  }
  return reader.Finish();
}

// ---------------------------------------------------------------------------
// Signs

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

bool ConsumePrefix(std::string_view prefix, std::string_view* text) {
  if (text->substr(0, prefix.size()) != prefix) return false;
  text->remove_prefix(prefix.size());
  return true;
}

// "minus " or "negative ", in any case.
bool ConsumeEnglishSign(std::string_view* text) {
  for (std::string_view word :
       {std::string_view("minus"), std::string_view("negative")}) {
    if (text->size() <= word.size() || !IsBlank((*text)[word.size()])) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size(); ++i) {
      same = same && ToAsciiLower((*text)[i]) == word[i];
    }
    if (same) {
      text->remove_prefix(word.size());
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Decimal> ParseNumber(std::string_view text) {
  text = Trim(text);
  bool negative = false;
  if (ConsumePrefix("-", &text) || ConsumePrefix("\u2212", &text) ||
      ConsumePrefix("负", &text) || ConsumePrefix("負", &text) ||
      ConsumeEnglishSign(&text)) {
    negative = true;
  } else {
    ConsumePrefix("+", &text);
  }
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  std::optional<Decimal> value =
      IsAsciiLetter(text[0]) ? ParseEnglishWords(text) : ParsePositional(text);
  if (value && negative) value = Negate(*value);
  return value;
}

int ChineseDigitValue(char32_t c) {
  const ChineseChar meaning = ClassifyChinese(c);
  return meaning.kind == ChineseKind::kDigit ? meaning.value : -1;
}

}  // namespace factx::internal
