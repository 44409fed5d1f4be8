// Turns a percent rule's match into a Percentage.
//
// The captures a percent rule may set (docs/percent.md has the full story):
//
// num: the figure, or the lower bound of a range: 17, 三十五, 2.4, minus
//   five, 1，123 (a full-width comma between digit groups reads as a
//   thousands comma), 半 (0.5, as in 半成). Spaces are dropped. Required
//   unless `zhe` or `of_num` is set.
// upper: the upper bound of a range (5%至8%, 5-8%, 三到五成). The qualifier
//   is then kRange, and `upper` must be greater than `num`.
// sign: the unit word after the figure, a key of table `percent_sign`, whose
//   value says what it is: percent (%), permille (‰), permyriad (‱), pp
//   (个百分点, percentage points) or bp (个基点, basis points). Absent:
//   percent.
// lower_sign: the unit written after the lower bound too (5%至8%); it must
//   agree with `sign`.
// denom: the denominator of 百分之, 千分之, 万分之, 百万分之: the characters
//   before 分之, each 百 (10^2), 千 (10^3), 万 (10^4) or 亿 (10^8), multiplied.
// upper_denom: the denominator written again before the upper bound
//   (百分之五到百分之八); it must equal `denom`.
// cheng: 成, tenths: 三成 = 30. The figure must lie in (0, 10].
// tail: a digit or 半 after 成: 九成五 = 95, 三成半 = 35.
// zhe: the figure of a discount, before 折: 8 (80), 75 and 7.5 (75), 三八
//   (38), 三点一 (31), 半 (50), 对 (50, only right after 打: 打对折). The
//   value is the share of the price paid; 十折 (no discount) is no fact.
// frac_num, frac_den: a common fraction after the whole figure in `num`
//   (9 5/8% = 9.625%), read only when its decimal expansion ends (a
//   denominator of 2s and 5s: 5/8, 3/4, 1/20); 5 1/3% is no fact.
// of_num: the figure of "percent of 22", read only when no word stands right
//   before or after the match (so never in running text).
// change: "from" before a range (rose from 5% to 8%): the match is a change
//   between two figures, not a range, and is dropped.
// qual: a qualifier word before the figure (近, 超过, about): a key of
//   `percent_qualifier_prefix`, `qualifier_prefix_zh` or
//   `qualifier_prefix_en`.
// qual_post: a qualifier word after it (以上, 左右, or more): a key of
//   `qualifier_suffix_zh` or `qualifier_suffix_en`.
// qual_mid: a word of `qualifier_infix_zh` (多, 余) between the figure and
//   its unit (20多个百分点, 30余%).
//
// With no qualifier word next to it, a percentage right after 的 reads the
// comparison word that opens its noun phrase: 超过营业收入的8.3% is 8.3% over,
// 约占全国的三成 is 30% approx (table `percent_share_qualifier`).
#include "facts/percent_builder.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "facts/table_qualifier.h"
#include "numbers/decimal_math.h"
#include "numbers/number_parser.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// The captures this file reads, as listed above: the percent part of the rule
// schema (IsPercentCaptureName). Reading a new name means adding it here.
constexpr std::string_view kCaptureNames[] = {
    "change", "cheng",  "denom",       "frac_den", "frac_num",  "lower_sign",
    "num",    "of_num", "qual",        "qual_mid", "qual_post", "sign",
    "tail",   "upper",  "upper_denom", "zhe",
};

// How many characters of noun a share qualifier may stand before 的
// (超过营业收入的8.3%).
constexpr int kMaxShareNounLength = 8;

// Copies `text` without spaces, and ASCII letters in lower case ("15K" ->
// "15k"). English words keep single spaces between them ("one hundred"): the
// number parser needs them.
std::string CleanNumber(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (IsBlank(c)) {
      // Keep one space between two ASCII letters (one hundred, minus five).
      std::size_t next = i;
      while (next < text.size() && IsBlank(text[next])) ++next;
      const bool letter_before = !out.empty() && IsAsciiLetter(out.back());
      const bool letter_after = next < text.size() && IsAsciiLetter(text[next]);
      if (letter_before && letter_after) out.push_back(' ');
      i = next;
      continue;
    }
    out.push_back(ToAsciiLower(c));
    ++i;
  }
  return out;
}

// 0..9 for an ASCII or Chinese digit, -1 otherwise.
int DigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  return ChineseDigitValue(c);
}

// True for a Chinese integer written as two or more bare digits (两三, 五六):
// news writes that for "two or three", a vague count, not for 23. (Digits after
// 点 are a fraction and fine: 二点一五.)
bool IsVagueChineseCount(std::string_view number) {
  int bare_digits = 0;
  for (std::size_t i = 0; i < number.size();) {
    std::size_t length = 1;
    const char32_t c = DecodeUtf8(number, i, &length);
    i += length;
    if (c == U'点') break;
    if (c == U' ') continue;
    if (ChineseDigitValue(c) < 0) return false;
    ++bare_digits;
  }
  return bare_digits >= 2;
}

// The value of the proper fraction numerator/denominator when its decimal
// expansion ends (the denominator has no prime factor but 2 and 5): 5/8 is
// 0.625; 1/3 and 9/8 give nullopt.
std::optional<Decimal> ReadTerminatingFraction(std::string_view numerator,
                                               std::string_view denominator) {
  const std::optional<Decimal> n = ParseNumber(numerator);
  const std::optional<Decimal> d = ParseNumber(denominator);
  if (!n || !d || n->exponent != 0 || d->exponent != 0) return std::nullopt;
  if (n->mantissa <= 0 || d->mantissa <= n->mantissa) return std::nullopt;
  // n/d = n * 10^k / d, with 10^k a multiple of d once k reaches the larger of
  // d's powers of 2 and 5.
  std::int64_t rest = d->mantissa;
  int twos = 0, fives = 0;
  while (rest % 2 == 0) rest /= 2, ++twos;
  while (rest % 5 == 0) rest /= 5, ++fives;
  if (rest != 1) return std::nullopt;
  const int digits = twos > fives ? twos : fives;
  std::int64_t power = 1;
  for (int i = 0; i < digits; ++i) power *= 10;
  return Decimal{n->mantissa * (power / d->mantissa), -digits};
}

std::optional<Decimal> ReadNumber(std::string_view text) {
  if (text == "半") return Decimal{5, -1};
  if (IsVagueChineseCount(text)) return std::nullopt;
  std::optional<Decimal> value = ParseNumber(text);
  if (value) return value;
  const std::string cleaned = CleanNumber(text);
  if (cleaned == text) return std::nullopt;
  return ParseNumber(cleaned);
}

// A word looked up as the rule files write keys: without spaces between CJK
// characters and in lower case (个 百 分 点 -> 个百分点, Percent -> percent).
std::string LookupKey(std::string_view word) { return CleanNumber(word); }

// What a unit word is, and the power of ten that takes its figure to percent
// units.
struct UnitMeaning {
  PercentUnit unit = PercentUnit::kPercent;
  int power = 0;
};

std::optional<UnitMeaning> ReadSign(const RuleTables& tables,
                                    std::string_view word) {
  if (word.empty()) return UnitMeaning{};
  const std::optional<std::string_view> meaning =
      tables.Lookup("percent_sign", LookupKey(word));
  if (!meaning) return std::nullopt;
  if (*meaning == "percent") return UnitMeaning{PercentUnit::kPercent, 0};
  if (*meaning == "permille") return UnitMeaning{PercentUnit::kPercent, -1};
  if (*meaning == "permyriad") return UnitMeaning{PercentUnit::kPercent, -2};
  if (*meaning == "pp") return UnitMeaning{PercentUnit::kPercentagePoint, 0};
  if (*meaning == "bp") return UnitMeaning{PercentUnit::kPercentagePoint, -2};
  return std::nullopt;
}

// 百 -> 2, 千万 -> 7, 百万万 -> 10: the power of ten of the denominator of
// 百分之 etc.
std::optional<int> DenominatorPower(std::string_view denominator) {
  int power = 0;
  for (std::size_t i = 0; i < denominator.size();) {
    std::size_t length = 1;
    const char32_t c = DecodeUtf8(denominator, i, &length);
    i += length;
    switch (c) {
      case U'百':
      case U'佰':
        power += 2;
        break;
      case U'千':
      case U'仟':
        power += 3;
        break;
      case U'万':
        power += 4;
        break;
      case U'亿':
        power += 8;
        break;
      case U' ':
        break;
      default:
        return std::nullopt;
    }
  }
  if (power == 0) return std::nullopt;
  return power;
}

// The share of the price paid for a discount written before 折: 8 -> 80, 75 ->
// 75, 7.5 -> 75, 三八 -> 38, 三点一 -> 31, 半 and 对 -> 50. nullopt for 十, 0
// and anything else.
std::optional<Decimal> DiscountValue(std::string_view text) {
  if (text == "半" || text == "对") return Decimal{50, 0};
  std::int64_t digits = 0;
  int count = 0;
  int point_after = -1;  // digits before the point, when there is one
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t c = DecodeUtf8(text, i, &length);
    i += length;
    if (c == U' ') continue;
    if (c == U'.' || c == U'点') {
      if (point_after >= 0) return std::nullopt;
      point_after = count;
      continue;
    }
    const int digit = DigitValue(c);
    if (digit < 0 || count >= 3) return std::nullopt;
    if (count == 0 && digit == 0) return std::nullopt;
    digits = digits * 10 + digit;
    ++count;
  }
  // The first digit is always the tenths of the price: 75折 = 7.5折.
  if (count == 0 || (point_after >= 0 && point_after != 1)) return std::nullopt;
  if (point_after < 0 && count == 2 && digits % 10 == 0)
    return std::nullopt;                                    // 10折
  if (point_after == 1 && count == 1) return std::nullopt;  // "8."
  if (point_after < 0 && count == 3) return std::nullopt;   // 725折
  return Decimal{digits, 2 - count};
}

// Where qualifier words are looked up, in order: the percent tables
// (zh/percent.rules), then the shared ones (common/qualifiers.rules).
constexpr std::string_view kPrefixTables[] = {
    "percent_qualifier_prefix", "qualifier_prefix_zh", "qualifier_prefix_en"};
constexpr std::string_view kSuffixTables[] = {"qualifier_suffix_zh",
                                              "qualifier_suffix_en"};
constexpr std::string_view kInfixTables[] = {"qualifier_infix_zh"};

template <std::size_t N>
std::optional<Qualifier> ReadQualifier(const RuleTables& tables,
                                       const std::string_view (&table_names)[N],
                                       std::string_view word) {
  const std::string key = LookupKey(word);
  for (std::string_view table : table_names) {
    if (std::optional<std::string_view> name = tables.Lookup(table, key)) {
      return ParseTableQualifier(*name);
    }
  }
  return std::nullopt;
}

// Start of the code point that ends at `pos` (> 0).
std::size_t PreviousCodePoint(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  while (start > 0 && !IsCodePointBoundary(text, start)) --start;
  return start;
}

// 超过营业收入的8.3%: the comparison word that opens the noun phrase before 的,
// read from table `percent_share_qualifier`. The noun is 1..kMaxShareNounLength
// Han characters without 的 (one phrase only); the look-back is bounded, so
// this costs constant time.
std::optional<Qualifier> ShareQualifier(const RuleTables& tables,
                                        std::string_view text,
                                        std::size_t begin) {
  static constexpr std::string_view kOf = "的";
  if (begin < kOf.size() ||
      text.compare(begin - kOf.size(), kOf.size(), kOf) != 0) {
    return std::nullopt;
  }
  const RuleTable* words = tables.Find("percent_share_qualifier");
  if (words == nullptr) return std::nullopt;
  std::size_t pos = begin - kOf.size();
  for (int noun_length = 0; noun_length < kMaxShareNounLength && pos > 0;
       ++noun_length) {
    const std::size_t start = PreviousCodePoint(text, pos);
    std::size_t length = 0;
    const char32_t c = DecodeUtf8(text, start, &length);
    if (!IsHan(c) || c == U'的') return std::nullopt;
    pos = start;
    // The noun so far is text[pos, 的); does a comparison word end right before
    // it? The longest one that does (不超过, not 超过).
    const std::string* found = nullptr;
    std::size_t found_size = 0;
    for (const auto& [word, name] : words->entries) {
      if (word.size() > found_size && pos >= word.size() &&
          text.compare(pos - word.size(), word.size(), word) == 0) {
        found = &name;
        found_size = word.size();
      }
    }
    if (found != nullptr) return ParseTableQualifier(*found);
  }
  return std::nullopt;
}

// 打对折, 打了对折, 打个对折, 打了个对折: 对折 alone also means folding in two.
bool FollowsDa(std::string_view text, std::size_t begin) {
  for (std::string_view before : {"打", "打了", "打个", "打了个", "打一个"}) {
    if (begin >= before.size() &&
        text.compare(begin - before.size(), before.size(), before) == 0) {
      return true;
    }
  }
  return false;
}

// True when the nearest non-space characters around text[begin, end) are no
// ASCII letters or digits: no word of running text stands next to the match.
bool StandsAlone(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin > 0 && text[begin - 1] == ' ') --begin;
  while (end < text.size() && text[end] == ' ') ++end;
  return (begin == 0 || !IsAsciiAlnum(text[begin - 1])) &&
         (end == text.size() || !IsAsciiAlnum(text[end]));
}

// True when the figure at `begin` continues a number before it, split by
// spaces around a separator as tokenized text writes it: the 2 of "6 . 2 %",
// the 4 of "7 3 / 4 %". Such a figure is a fragment, not a number. (A period
// that ends a sentence has no space before it: "in 2019. 6% of" is fine.)
bool ContinuesSplitNumber(std::string_view text, std::size_t begin) {
  if (begin >= text.size() || !IsAsciiDigit(text[begin]) || begin < 4) {
    return false;
  }
  const char separator = text[begin - 2];
  return text[begin - 1] == ' ' && (separator == '.' || separator == '/') &&
         text[begin - 3] == ' ' && IsAsciiDigit(text[begin - 4]);
}

// value * 10^power.
std::optional<Decimal> Scale(const std::optional<Decimal>& value, int power) {
  if (!value) return std::nullopt;
  return ScaleByPowerOf10(*value, power);
}

// The qualifier of a single figure (not a range). A word before the figure
// says most (约30%左右 is approx); a word that says "exact" lets a word after
// it speak (达30%以上 is over). nullopt when a captured word is in no table.
std::optional<Qualifier> ReadQualifiers(const RuleMatch& match,
                                        const RuleTables& tables) {
  std::optional<Qualifier> before, after, middle;
  if (match.Has("qual")) {
    before = ReadQualifier(tables, kPrefixTables, match.Capture("qual"));
    if (!before) return std::nullopt;
  }
  if (match.Has("qual_post")) {
    after = ReadQualifier(tables, kSuffixTables, match.Capture("qual_post"));
    if (!after) return std::nullopt;
  }
  if (match.Has("qual_mid")) {
    middle = ReadQualifier(tables, kInfixTables, match.Capture("qual_mid"));
    if (!middle) return std::nullopt;
  }
  if (before && *before != Qualifier::kExact) return before;
  if (after) return after;
  if (middle) return middle;
  if (before) return before;
  return ShareQualifier(tables, match.text(), match.begin())
      .value_or(Qualifier::kExact);
}

// 成 counts tenths: the bounds must lie in (0, 10]; a digit or 半 after 成
// adds hundredths (九成五 = 9.5 tenths). Returns false when the figure is no
// tenths.
bool ReadTenths(const RuleMatch& match, std::optional<Decimal>* value,
                const std::optional<Decimal>& upper) {
  const Decimal zero{0, 0}, ten{10, 0};
  for (const std::optional<Decimal>* bound :
       {static_cast<const std::optional<Decimal>*>(value), &upper}) {
    if (*bound &&
        ((*bound)->Compare(zero) <= 0 || (*bound)->Compare(ten) > 0)) {
      return false;
    }
  }
  if (!match.Has("tail")) return true;
  const std::string_view tail = match.Capture("tail");
  if (tail.empty() || upper || (*value)->Compare(ten) >= 0) return false;
  std::size_t length = 0;
  const int digit = tail == "半" ? 5 : DigitValue(DecodeUtf8(tail, 0, &length));
  if (digit < 0) return false;
  *value = Add(**value, Decimal{digit, -1});
  return value->has_value();
}

}  // namespace

bool BuildPercentage(const RuleMatch& match, const RuleTables& tables,
                     Percentage* percentage) {
  Percentage result;

  if (match.Has("zhe")) {
    const std::string_view figure = match.Capture("zhe");
    if (figure == "对" && !FollowsDa(match.text(), match.begin())) return false;
    std::optional<Decimal> value = DiscountValue(figure);
    if (!value) return false;
    result.value = *value;
    *percentage = result;
    return true;
  }

  if (match.Has("change")) return false;
  if (ContinuesSplitNumber(match.text(), match.begin())) return false;
  if (match.Has("of_num") &&
      !StandsAlone(match.text(), match.begin(), match.end())) {
    return false;
  }

  // The unit, and the power of ten that takes the figure to percent units.
  const std::optional<UnitMeaning> unit =
      ReadSign(tables, match.Capture("sign"));
  if (!unit) return false;
  if (match.Has("lower_sign")) {
    const std::optional<UnitMeaning> lower_unit =
        ReadSign(tables, match.Capture("lower_sign"));
    if (!lower_unit || lower_unit->unit != unit->unit ||
        lower_unit->power != unit->power) {
      return false;
    }
  }
  result.unit = unit->unit;
  int power = unit->power;
  if (match.Has("denom")) {
    const std::optional<int> denominator =
        DenominatorPower(match.Capture("denom"));
    if (!denominator) return false;
    if (match.Has("upper_denom") &&
        DenominatorPower(match.Capture("upper_denom")) != denominator) {
      return false;
    }
    power += 2 - *denominator;
  }

  // The figures.
  std::optional<Decimal> value = ReadNumber(
      match.Has("of_num") ? match.Capture("of_num") : match.Capture("num"));
  if (!value) return false;
  if (match.Has("frac_num")) {
    const std::optional<Decimal> fraction = ReadTerminatingFraction(
        match.Capture("frac_num"), match.Capture("frac_den"));
    if (!fraction) return false;
    value = Add(*value, *fraction);
    if (!value) return false;
  }
  std::optional<Decimal> upper;
  if (match.Has("upper")) {
    upper = ReadNumber(match.Capture("upper"));
    if (!upper) return false;
  }
  if (match.Has("cheng")) {
    if (!ReadTenths(match, &value, upper)) return false;
    power += 1;
  }
  value = Scale(value, power);
  if (!value) return false;
  if (upper) {
    upper = Scale(upper, power);
    if (!upper || upper->Compare(*value) <= 0) return false;
  }
  result.value = *value;
  result.upper = upper;

  if (upper) {
    result.qualifier = Qualifier::kRange;
  } else {
    const std::optional<Qualifier> qualifier = ReadQualifiers(match, tables);
    if (!qualifier) return false;
    result.qualifier = *qualifier;
  }
  *percentage = result;
  return true;
}

bool IsPercentCaptureName(std::string_view name) {
  return std::find(std::begin(kCaptureNames), std::end(kCaptureNames), name) !=
         std::end(kCaptureNames);
}

}  // namespace factx::internal
