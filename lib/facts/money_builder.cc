// Turns a money rule's match into a Money value: amount, range, currency and
// qualifier.
//
// The rules (lib/rules/*/money.rules) say what is where through named
// captures; this file only does arithmetic and table look-ups. A suffix after
// "__" is ignored, so a rule may write `num__a` and `num__b` in two
// alternatives. The captures read:
//
// - num: the amount, or the lower bound of a range (required, except for a
//   lower bound that is a minor part alone: 八毛到一块二). Anything
//   ParseNumber reads; also 数/几 for an unknown digit (数十亿, 三十几万),
//   which makes the amount a range, and Indian digit groups (12,34,567.89).
// - upper: the upper bound of a range. When `num` has no large scale of its
//   own, the upper bound's trailing scale carries back to it: 3至5亿 ->
//   3亿..5亿, 三千至五千万 -> 3000万..5000万, $3-5 million.
// - scale: a scale written apart from the number, which multiplies `num` and
//   `upper`: 一千多万 (一千, 多, 万), 75 USD million, 30 MUSD (M). Table
//   money_scale, else ParseNumber("1" + scale).
// - cur: the currency unit: 元, 美元, USD, $, dollars, HK$ (tables
//   currency_symbol, currency_zh, currency_zh_colloquial,
//   currency_zh_hk_spoken, currency_zh_counted_after_name, currency_code,
//   currency_code_upper, currency_en; a key matches as written, lowercased or
//   uppercased).
// - cur_pre: a currency named before the number: 人民币8亿元, RMB 500 million.
// - cur_post: a currency named after the unit: 8亿元人民币.
// - dollar_prefix: the letters before a tokenized dollar sign: "c $ 5",
//   "hk $ 10" (table dollar_prefix).
// - cur_minor: a minor unit standing alone: 50美分, 5 cents, 3毛钱, 三仙
//   (tables money_minor_unit for its fraction, money_minor_currency, then
//   money_minor_spoken, for its currency).
// - minor, minor_unit: a minor part after the main unit: 五元[三毛],
//   3 dollars [50 cents].
// - minor2, minor2_unit: a second minor part: 50元6角[三分]; without a unit it
//   is worth a tenth of the previous minor unit: 五毛[五], 三毛[五] (after
//   cur_minor).
// - cents: a bare count after the main unit, in hundredths: 15 dollars [50].
// - tenths: a bare count after the main unit, in tenths: 三块[五]; in
//   hundredths when it starts with 零: 四块[零五] (a rule over tokens reads the
//   number 零五 whole).
// - upper_minor, upper_minor_unit, upper_minor2, upper_minor2_unit,
//   upper_cents, upper_tenths: the same parts of a range's upper bound, when
//   each bound states its own: 六块二到六块八毛五 = 6.2..6.85.
// - qual: qualifier words (tables qualifier_*, common/qualifiers.rules).
// - unstated: a financial noun or verb that governs an amount naming no
//   currency (营收超200亿, 以15亿接手): the amount is money of unknown
//   currency. Without it a match naming no currency is dropped.
// - reject: when it takes part, the match is no amount: the rule saw the text
//   go on in a way that reads otherwise (50 dollar 40 [rmb]: 40 is no cents;
//   [fell] $2 to $38 is no range). Other rules still find the plain amounts.
//
// When several currencies are named, the most specific wins: a generic unit
// (元, $, dollars; table currency_generic) yields to any other (港币8亿元 is
// HKD). A bare 元 (table currency_zh_bare) takes the currency its sentence
// named last before it (table currency_zh_bare_follows: 新台币20元，最高65元 is
// TWD), and otherwise the renminbi. A sign listed in currency_in_chinese_text
// (¥) takes that table's currency when its clause is Chinese (a Han character
// and no kana), and its currency_symbol value otherwise. docs/money.md has the
// policies.
#include "facts/money_builder.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "facts/table_qualifier.h"
#include "numbers/decimal_math.h"
#include "numbers/number_parser.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// The captures this file reads, as listed above: the money part of the rule
// schema (IsMoneyCaptureName). Reading a new name means adding it here.
constexpr std::string_view kCaptureNames[] = {
    "cents",
    "cur",
    "cur_minor",
    "cur_post",
    "cur_pre",
    "dollar_prefix",
    "minor",
    "minor2",
    "minor2_unit",
    "minor_unit",
    "num",
    "qual",
    "reject",
    "scale",
    "tenths",
    "unstated",
    "upper",
    // AddMinorParts with the prefix "upper_".
    "upper_cents",
    "upper_minor",
    "upper_minor2",
    "upper_minor2_unit",
    "upper_minor_unit",
    "upper_tenths",
};

// The tables this file looks words up in, found and hashed once by MoneyTables
// (MoneyTables::table). The currency names a bare 元 follows are searched for
// in the text instead (MoneyTables::bare_follows).
enum Table : std::size_t {
  kCurrencySymbol,
  kCurrencyZh,
  kCurrencyZhColloquial,
  kCurrencyZhHkSpoken,
  kCurrencyZhImplied,
  kCurrencyZhCountedAfterName,
  kCurrencyCode,
  kCurrencyCodeUpper,
  kCurrencyEn,
  kMoneyMinorCurrency,
  kMoneyMinorSpoken,
  kQualifierPrefixZh,
  kQualifierSuffixZh,
  kQualifierInfixZh,
  kQualifierRoundZh,
  kQualifierPrefixEn,
  kQualifierSuffixEn,
  kMoneyScale,
  kMoneyMinorUnit,
  kCurrencyGeneric,
  kCurrencyZhBare,
  kCurrencyInChineseText,
  kDollarPrefix,
  kTableCount,
};
constexpr std::string_view kTableNames[kTableCount] = {
    "currency_symbol",
    "currency_zh",
    "currency_zh_colloquial",
    "currency_zh_hk_spoken",
    "currency_zh_implied",
    "currency_zh_counted_after_name",
    "currency_code",
    "currency_code_upper",
    "currency_en",
    "money_minor_currency",
    "money_minor_spoken",
    "qualifier_prefix_zh",
    "qualifier_suffix_zh",
    "qualifier_infix_zh",
    "qualifier_round_zh",
    "qualifier_prefix_en",
    "qualifier_suffix_en",
    "money_scale",
    "money_minor_unit",
    "currency_generic",
    "currency_zh_bare",
    "currency_in_chinese_text",
    "dollar_prefix",
};

// Tables that name currencies, in look-up order.
constexpr Table kCurrencyTables[] = {
    kCurrencySymbol,     kCurrencyZh,        kCurrencyZhColloquial,
    kCurrencyZhHkSpoken, kCurrencyZhImplied, kCurrencyZhCountedAfterName,
    kCurrencyCode,       kCurrencyCodeUpper, kCurrencyEn};
// Tables that give the currency of a minor unit standing alone, in look-up
// order.
constexpr Table kMinorCurrencyTables[] = {kMoneyMinorCurrency,
                                          kMoneyMinorSpoken};
// Tables of qualifier words (common/qualifiers.rules); values approx, over,
// under or exact.
constexpr Table kQualifierTables[] = {kQualifierPrefixZh, kQualifierSuffixZh,
                                      kQualifierInfixZh,  kQualifierRoundZh,
                                      kQualifierPrefixEn, kQualifierSuffixEn};

// How far to look around a match for the language of its clause: enough for any
// sentence, and a bound that keeps the cost of a text full of ¥ linear.
constexpr std::size_t kClauseScanBytes = 512;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = ToAsciiLower(c);
  }
  return out;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Looks `key` up in `entries` as written, lowercased and uppercased (English
// words and codes match in any case: "Dollars", "usd"). A case variant is tried
// only when it differs from the key (a Chinese key has none).
std::optional<std::string_view> LookupAnyCase(
    const MoneyTables::KeyIndex& entries, std::string_view key) {
  if (entries.empty()) return std::nullopt;
  auto lookup =
      [&entries](std::string_view variant) -> std::optional<std::string_view> {
    auto entry = entries.find(variant);
    if (entry == entries.end()) return std::nullopt;
    return entry->second;
  };
  if (auto value = lookup(key)) return value;
  const bool has_letter = std::any_of(key.begin(), key.end(),
                                      [](char c) { return IsAsciiLetter(c); });
  if (!has_letter) return std::nullopt;
  if (auto value = lookup(AsciiLower(key))) return value;
  return lookup(AsciiUpper(key));
}

// -----------------------------------------------------------------------------
// Numbers.

bool StartsWithChineseScale(std::string_view text) {
  for (std::string_view c : {"十", "百", "千", "万", "亿", "兆"}) {
    if (text.substr(0, c.size()) == c) return true;
  }
  return false;
}

// Reads a number as ParseNumber does; also a scale word alone (百亿 in 逾百亿元
// = 一百亿), and digit groups other than thousands (Indian 12,34,567.89), which
// ParseNumber rejects on purpose: inside a money match the rule has already
// decided that the text is one amount.
std::optional<Decimal> ParseAmount(std::string_view text) {
  text = TrimBlanks(text);
  if (text.empty()) return std::nullopt;
  // No figure starts with a 0 before another digit: "00亿元" is the end of a
  // number a blank split ("投资3 00亿元"), never an amount of 0.
  if (text.size() > 1 && text[0] == '0' && IsAsciiDigit(text[1]))
    return std::nullopt;
  if (auto value = ParseNumber(text)) return value;
  if (StartsWithChineseScale(text))
    return ParseNumber(std::string("一").append(text));
  if (text.find(',') == std::string_view::npos) return std::nullopt;
  std::string ungrouped;
  ungrouped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool group_comma = text[i] == ',' && i > 0 &&
                             IsAsciiDigit(text[i - 1]) && i + 1 < text.size() &&
                             IsAsciiDigit(text[i + 1]);
    if (!group_comma) ungrouped.push_back(text[i]);
  }
  return ParseNumber(ungrouped);
}

// The value of a scale written on its own ("million", "M", "万", "千万").
std::optional<Decimal> ScaleValue(const MoneyTables& tables,
                                  std::string_view scale) {
  scale = TrimBlanks(scale);
  if (scale.empty()) return DecimalFromInt(1);
  if (auto value = LookupAnyCase(tables.table(kMoneyScale), scale))
    return ParseNumber(*value);
  std::string one_scale = "1";
  if (IsAsciiLetter(scale.front())) one_scale += ' ';
  one_scale.append(scale);
  return ParseNumber(one_scale);
}

// Chinese characters that multiply what is before them.
constexpr std::string_view kChineseScaleChars[] = {"十", "百", "千",
                                                   "万", "亿", "兆"};
// Of those, the ones that make a figure "large" on their own (万 and up).
constexpr std::string_view kChineseLargeScaleChars[] = {"万", "亿", "兆"};

// The length of the Chinese scale character that ends `text` at `end`, or 0.
std::size_t ChineseScaleCharBefore(std::string_view text, std::size_t end) {
  for (std::string_view c : kChineseScaleChars) {
    if (end >= c.size() && text.compare(end - c.size(), c.size(), c) == 0)
      return c.size();
  }
  return 0;
}

bool HasLargeScale(std::string_view number) {
  for (std::string_view c : kChineseLargeScaleChars) {
    if (number.find(c) != std::string_view::npos) return true;
  }
  // An English scale word or suffix: 3 million, 1.2bn, 5m.
  return !number.empty() && IsAsciiLetter(number.back());
}

// The scale words that end a number as written: 五千万 -> 千万, 3.5 billion ->
// " billion", 1.2bn -> "bn", 5 -> "".
std::string_view TrailingScale(std::string_view number) {
  number = TrimBlanks(number);
  std::size_t begin = number.size();
  if (begin > 0 && IsAsciiLetter(number[begin - 1])) {
    while (begin > 0 && IsAsciiLetter(number[begin - 1])) --begin;
    while (begin > 0 && number[begin - 1] == ' ') --begin;
    return number.substr(begin);
  }
  while (std::size_t length = ChineseScaleCharBefore(number, begin))
    begin -= length;
  return number.substr(begin);
}

// Carries the upper bound's scale back to a lower bound written without one: of
// the upper's trailing scale words, the longest whose product with `lower` does
// not pass `upper` (八至十万: 十万 would give 80万 > 10万, so 万: 8万).
Decimal CarryScaleBack(std::string_view lower_text, const Decimal& lower,
                       std::string_view upper_text, const Decimal& upper) {
  if (HasLargeScale(lower_text)) return lower;
  const std::string_view tail = TrailingScale(upper_text);
  std::size_t begin = 0;
  while (begin < tail.size()) {
    std::string_view suffix = tail.substr(begin);
    std::string one_suffix =
        IsAsciiLetter(TrimBlanks(suffix).front()) ? "1 " : "一";
    one_suffix.append(TrimBlanks(suffix));
    if (std::optional<Decimal> multiplier = ParseNumber(one_suffix)) {
      if (std::optional<Decimal> scaled = Multiply(lower, *multiplier)) {
        if (scaled->Compare(upper) <= 0) return *scaled;
      }
    }
    // Next suffix: skip one code point (English tails are one word: stop).
    if (IsAsciiLetter(TrimBlanks(suffix).front())) break;
    ++begin;
    while (begin < tail.size() && !IsCodePointBoundary(tail, begin)) ++begin;
  }
  return lower;
}

enum class UnknownDigit { kNone, kRead, kUnreadable };

// 数/几 in place of a digit: 数十亿 = [10亿, 100亿], 三十几万 = [31万, 40万],
// 几百万 = [100万, 1000万]. The unknown digit d (1..9) stands before the place
// P that follows it; the figure lies between B + P and B + 10P, where B is what
// the digits before it give. Sets *min and *max when it returns kRead.
UnknownDigit ParseUnknownDigit(std::string_view text, Decimal* min,
                               Decimal* max) {
  std::size_t at = text.find("数");
  if (at == std::string_view::npos) at = text.find("几");
  if (at == std::string_view::npos) return UnknownDigit::kNone;
  const std::string_view before = text.substr(0, at);
  const std::string_view after = text.substr(at + 3);  // 数 and 几 are 3 bytes
  if (after.find("数") != std::string_view::npos ||
      after.find("几") != std::string_view::npos) {
    return UnknownDigit::kUnreadable;
  }
  // Everything after the unknown digit must be scale characters.
  std::size_t end = after.size();
  while (std::size_t length = ChineseScaleCharBefore(after, end)) end -= length;
  if (end != 0) return UnknownDigit::kUnreadable;
  std::optional<Decimal> place = ParseNumber(std::string("一").append(after));
  if (!place) return UnknownDigit::kUnreadable;
  Decimal base = DecimalFromInt(0);
  if (!before.empty()) {
    // The digits before apply to the large scale that ends the text: 三十几万
    // -> 三十万, 三千几百万 -> 三千万.
    std::size_t large = 0;
    while (large < after.size()) {
      const std::string_view rest = after.substr(large);
      if (rest.rfind("十", 0) == 0 || rest.rfind("百", 0) == 0 ||
          rest.rfind("千", 0) == 0) {
        large += 3;
      } else {
        break;
      }
    }
    std::optional<Decimal> parsed =
        ParseAmount(std::string(before).append(after.substr(large)));
    if (!parsed) return UnknownDigit::kUnreadable;
    base = *parsed;
  }
  std::optional<Decimal> low = Add(base, *place);
  std::optional<Decimal> ten_places = ScaleByPowerOf10(*place, 1);
  std::optional<Decimal> high =
      ten_places ? Add(base, *ten_places) : std::nullopt;
  if (!low || !high) return UnknownDigit::kUnreadable;
  *min = *low;
  *max = *high;
  return UnknownDigit::kRead;
}

// -----------------------------------------------------------------------------
// Currency.

// True when the clause around [begin, end) of the document is Chinese: it
// holds a Han character and no kana (Japanese writes Han too, with kana around
// it). At most kClauseScanBytes are read on each side.
bool ClauseIsChinese(const Document& document, std::size_t begin,
                     std::size_t end) {
  const std::string_view text = document.text();
  std::size_t from = begin > kClauseScanBytes ? begin - kClauseScanBytes : 0;
  while (from < begin && !IsCodePointBoundary(text, from)) ++from;
  from = std::max(from, document.Begin(Unit::kClause, begin));
  const std::size_t to = std::min(text.size(), end + kClauseScanBytes);
  const std::size_t stop = std::min(to, document.End(Unit::kClause, end));
  bool han = false, kana = false;
  for (std::size_t pos = from; pos < stop;) {
    std::size_t length = 1;
    const char32_t c = DecodeUtf8(text, pos, &length);
    han = han || IsHan(c);
    kana = kana || IsKana(c);
    pos += length;
  }
  return han && !kana;
}

// How far back from a bare 元 to look for the currency its sentence named: the
// length of a long news sentence, and a bound that keeps the cost of a text
// full of 元 linear.
constexpr std::size_t kBareNameScanBytes = 512;

// The currency of a bare 元 amount starting at `begin`: the value of the last
// name of currency_zh_bare_follows earlier in its sentence (新台币 TWD, 港元
// HKD, 人民币 CNY), unless a word of currency_zh_bare_mainland comes after that
// name (内地: the renminbi again). Empty when the sentence named none.
std::string_view CurrencyNamedBefore(const Document& document,
                                     const MoneyTables& tables,
                                     std::size_t begin) {
  const std::string_view text = document.text();
  std::size_t from =
      begin > kBareNameScanBytes ? begin - kBareNameScanBytes : 0;
  while (from < begin && !IsCodePointBoundary(text, from)) ++from;
  from = std::max(from, document.Begin(Unit::kSentence, begin));
  const std::string_view window = text.substr(from, begin - from);
  const auto [name_end, code] = tables.bare_follows().Find(window);
  if (name_end == 0) return {};
  if (tables.bare_mainland().Find(window.substr(name_end)).first != 0)
    return {};
  return code;
}

// A currency as the text names it, and its ISO 4217 code: "" for a known unit
// of an unknown currency (法郎, bitcoin).
struct CurrencyName {
  std::string_view text;
  std::string_view code;
};

std::optional<CurrencyName> FindCurrency(const MoneyTables& tables,
                                         std::string_view text) {
  text = TrimBlanks(text);
  if (text.empty()) return std::nullopt;
  for (const Table table : kCurrencyTables) {
    if (auto code = LookupAnyCase(tables.table(table), text)) {
      return CurrencyName{text, *code};
    }
  }
  return std::nullopt;
}

bool IsGeneric(const MoneyTables& tables, const CurrencyName& name) {
  return LookupAnyCase(tables.table(kCurrencyGeneric), name.text).has_value();
}

void SetCurrency(std::string_view code, Money* money) {
  for (std::size_t i = 0; i < 4; ++i) money->currency[i] = 0;
  for (std::size_t i = 0; i < code.size() && i < 3; ++i)
    money->currency[i] = code[i];
}

// Resolves the currency of a match; false when a captured currency is unknown.
bool ResolveCurrency(const RuleMatch& match, const MoneyTables& tables,
                     Money* money) {
  std::optional<CurrencyName> names[4];
  std::size_t count = 0;
  // A tokenized "c $": the letters say which dollar.
  if (std::string_view prefix = TrimBlanks(match.Capture("dollar_prefix"));
      !prefix.empty()) {
    auto code = LookupAnyCase(tables.table(kDollarPrefix), prefix);
    if (!code) return false;
    names[count++] = CurrencyName{prefix, *code};
  }
  for (std::string_view capture : {"cur_pre", "cur", "cur_post"}) {
    std::string_view text = match.Capture(capture);
    if (TrimBlanks(text).empty()) continue;
    std::optional<CurrencyName> name = FindCurrency(tables, text);
    if (!name) return false;
    names[count++] = name;
  }
  if (std::string_view minor = TrimBlanks(match.Capture("cur_minor"));
      !minor.empty()) {
    std::optional<std::string_view> code;
    for (const Table table : kMinorCurrencyTables) {
      if ((code = LookupAnyCase(tables.table(table), minor))) break;
    }
    if (!code) return false;
    names[count++] = CurrencyName{minor, *code};
  }
  const CurrencyName* chosen = nullptr;
  for (std::size_t i = 0; i < count && chosen == nullptr; ++i) {
    if (!IsGeneric(tables, *names[i])) chosen = &*names[i];
  }
  if (chosen == nullptr && count > 0) chosen = &*names[0];
  // Every money rule names a currency or a minor unit, or captures `unstated`:
  // the financial word that makes a bare amount money (营收超200亿), whose
  // currency is then unknown, never guessed.
  if (chosen == nullptr) {
    if (!match.Has("unstated")) return false;
    SetCurrency("", money);
    return true;
  }
  std::string_view code = chosen->code;
  // A bare 元 (every name the amount has is one of currency_zh_bare) takes the
  // currency its sentence named: 最低新台币20元，最高不超过65元 is TWD twice.
  const bool bare = std::all_of(
      names, names + count, [&tables](const std::optional<CurrencyName>& name) {
        return LookupAnyCase(tables.table(kCurrencyZhBare), name->text)
            .has_value();
      });
  if (bare) {
    const std::string_view named =
        CurrencyNamedBefore(match.document(), tables, match.begin());
    if (!named.empty()) code = named;
  }
  if (auto chinese =
          LookupAnyCase(tables.table(kCurrencyInChineseText), chosen->text)) {
    if (ClauseIsChinese(match.document(), match.begin(), match.end()))
      code = *chinese;
  }
  SetCurrency(code, money);
  return true;
}

// -----------------------------------------------------------------------------
// Qualifier.

std::optional<Qualifier> ResolveQualifier(const RuleMatch& match,
                                          const MoneyTables& tables) {
  std::string_view words = TrimBlanks(match.Capture("qual"));
  if (words.empty()) return Qualifier::kExact;
  for (const Table table : kQualifierTables) {
    if (auto value = LookupAnyCase(tables.table(table), words))
      return ParseTableQualifier(*value);
  }
  return std::nullopt;
}

// -----------------------------------------------------------------------------
// Minor units.

// The fraction of the main unit that a minor unit is worth (角 -> 0.1, cents ->
// 0.01).
std::optional<Decimal> MinorFraction(const MoneyTables& tables,
                                     std::string_view unit) {
  auto value = LookupAnyCase(tables.table(kMoneyMinorUnit), TrimBlanks(unit));
  if (!value) return std::nullopt;
  return ParseNumber(*value);
}

// Adds count * fraction to *amount; false when the count does not read or is
// not below one main unit (5元30角 is not an amount).
bool AddMinor(std::string_view count_text, const Decimal& fraction,
              Decimal* amount) {
  std::optional<Decimal> count = ParseAmount(count_text);
  if (!count) return false;
  std::optional<Decimal> part = Multiply(*count, fraction);
  if (!part || part->Compare(DecimalFromInt(1)) >= 0) return false;
  std::optional<Decimal> sum = Add(*amount, *part);
  if (!sum) return false;
  *amount = *sum;
  return true;
}

// Adds the minor parts of one bound to *amount: the captures named `prefix` +
// minor, minor_unit, minor2, minor2_unit, cents, tenths ("" for the amount or
// the lower bound, "upper_" for the upper bound).
bool AddMinorParts(const RuleMatch& match, const MoneyTables& tables,
                   std::string_view prefix, Decimal* amount) {
  constexpr std::string_view kZero = "零";
  auto capture = [&match, prefix](std::string_view name) {
    return match.Capture(std::string(prefix).append(name));
  };
  std::optional<Decimal> fraction;
  if (std::string_view minor = capture("minor"); !minor.empty()) {
    // Over tokens 5元零三分 captures 零三 here; 零 adds nothing.
    if (minor.substr(0, kZero.size()) == kZero)
      minor.remove_prefix(kZero.size());
    fraction = MinorFraction(tables, capture("minor_unit"));
    if (!fraction || !AddMinor(minor, *fraction, amount)) return false;
  } else if (std::string_view alone = match.Capture("cur_minor");
             prefix.empty() && !alone.empty()) {
    // 三毛五: the minor unit is the amount's own unit.
    fraction = MinorFraction(tables, alone);
  }
  if (std::string_view minor2 = capture("minor2"); !minor2.empty()) {
    std::string_view unit = capture("minor2_unit");
    std::optional<Decimal> fraction2;
    if (!TrimBlanks(unit).empty()) {
      fraction2 = MinorFraction(tables, unit);
    } else if (fraction) {
      // 五毛五: the 5 after 毛 counts 分.
      fraction2 = ScaleByPowerOf10(*fraction, -1);
    }
    if (!fraction2 || !AddMinor(minor2, *fraction2, amount)) return false;
  }
  if (std::string_view cents = capture("cents"); !cents.empty()) {
    if (!AddMinor(cents, Decimal{1, -2}, amount)) return false;
  }
  if (std::string_view tenths = capture("tenths"); !tenths.empty()) {
    // Over tokens 四块零五 captures 零五 here: 零 makes the digit hundredths.
    const bool cents = tenths.substr(0, kZero.size()) == kZero;
    if (cents) tenths.remove_prefix(kZero.size());
    if (!AddMinor(tenths, cents ? Decimal{1, -2} : Decimal{1, -1}, amount)) {
      return false;
    }
  }
  return true;
}

}  // namespace

LastKeyFinder::LastKeyFinder(const RuleTable* table) {
  if (table == nullptr) return;
  // A table's keys are never empty: a table line holds at least one word.
  for (const auto& [key, value] : table->entries) keys_.push_back({key, value});
  first_ = FileByByte(&keys_, [](const Key& key) {
    return static_cast<unsigned char>(key.key.back());
  });
}

std::pair<std::size_t, std::string_view> LastKeyFinder::Find(
    std::string_view text) const {
  for (std::size_t end = text.size(); end > 0; --end) {
    const unsigned char last = static_cast<unsigned char>(text[end - 1]);
    for (std::uint32_t k = first_[last]; k < first_[last + 1]; ++k) {
      const std::string& key = keys_[k].key;
      if (key.size() <= end &&
          text.compare(end - key.size(), key.size(), key) == 0) {
        return {end, keys_[k].value};
      }
    }
  }
  return {0, {}};
}

MoneyTables::MoneyTables(const RuleTables& tables)
    : bare_follows_(tables.Find("currency_zh_bare_follows")),
      bare_mainland_(tables.Find("currency_zh_bare_mainland")) {
  for (const std::string_view name : kTableNames) {
    KeyIndex& index = tables_by_index_.emplace_back();
    if (const RuleTable* table = tables.Find(name)) {
      index.reserve(table->entries.size());
      for (const auto& [key, value] : table->entries) index.emplace(key, value);
    }
  }
}

bool BuildMoney(const RuleMatch& match, const MoneyTables& tables,
                Money* money) {
  if (!match.Capture("reject").empty()) return false;
  const std::string_view num_text = match.Capture("num");
  // A range's lower bound may be a minor part alone (八毛到一块二): no main
  // units, so `num` is empty and the minor parts are all of it.
  const bool minor_only = TrimBlanks(num_text).empty() &&
                          !match.Capture("minor").empty() &&
                          !match.Capture("upper").empty();
  if (TrimBlanks(num_text).empty() && !minor_only) return false;

  Decimal amount;
  std::optional<Decimal> upper;
  Decimal unknown_min, unknown_max;
  switch (ParseUnknownDigit(num_text, &unknown_min, &unknown_max)) {
    case UnknownDigit::kRead:
      amount = unknown_min;
      upper = unknown_max;
      break;
    case UnknownDigit::kUnreadable:
      return false;
    case UnknownDigit::kNone: {
      std::optional<Decimal> parsed =
          minor_only ? DecimalFromInt(0) : ParseAmount(num_text);
      if (!parsed) return false;
      amount = *parsed;
      break;
    }
  }

  if (const std::string_view upper_text = match.Capture("upper");
      !upper_text.empty()) {
    if (upper) return false;  // 数 and a range at once: no rule writes that
    std::optional<Decimal> parsed = ParseAmount(upper_text);
    if (!parsed) return false;
    upper = parsed;
    const Decimal written = amount;
    amount = CarryScaleBack(num_text, amount, upper_text, *upper);
    if (amount.Compare(*upper) > 0) return false;  // 5至3亿元 is no range
    // A bare lower bound that no scale of the upper fits, four orders of
    // magnitude below it, is something else next to an amount (August 2020 to
    // 922 billion yuan: a year), not a range; the plain amount is still found
    // by the other rules. 500,000 to 2 million stays a range.
    if (amount == written && !TrailingScale(upper_text).empty()) {
      const std::optional<Decimal> far = ScaleByPowerOf10(amount, 4);
      if (far && far->Compare(*upper) < 0) return false;
    }
  }

  // Multiplies the amount, and the upper end of a range, by `factor`; false
  // when a product leaves the range a Decimal holds.
  auto scale_both = [&amount, &upper](const Decimal& factor) {
    std::optional<Decimal> scaled = Multiply(amount, factor);
    if (!scaled) return false;
    amount = *scaled;
    if (upper) {
      scaled = Multiply(*upper, factor);
      if (!scaled) return false;
      upper = scaled;
    }
    return true;
  };
  if (const std::string_view scale_text = match.Capture("scale");
      !scale_text.empty()) {
    const std::optional<Decimal> scale = ScaleValue(tables, scale_text);
    if (!scale || !scale_both(*scale)) return false;
  }

  if (const std::string_view minor_unit = match.Capture("cur_minor");
      !minor_unit.empty()) {
    const std::optional<Decimal> fraction = MinorFraction(tables, minor_unit);
    if (!fraction || !scale_both(*fraction)) return false;
  }

  if (!AddMinorParts(match, tables, "", &amount)) return false;
  if (upper) {
    // Each bound may state its own minor parts: 六块二到六块八毛五.
    if (!AddMinorParts(match, tables, "upper_", &*upper)) return false;
    if (amount.Compare(*upper) > 0) return false;
  }
  if (!ResolveCurrency(match, tables, money)) return false;

  money->amount = amount;
  money->upper = upper;
  if (upper) {
    money->qualifier = Qualifier::kRange;
  } else {
    std::optional<Qualifier> qualifier = ResolveQualifier(match, tables);
    if (!qualifier) return false;
    money->qualifier = *qualifier;
  }
  return true;
}

bool IsMoneyCaptureName(std::string_view name) {
  return std::find(std::begin(kCaptureNames), std::end(kCaptureNames), name) !=
         std::end(kCaptureNames);
}

}  // namespace factx::internal
