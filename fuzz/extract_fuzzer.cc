// libFuzzer target over Extractor::Extract: any bytes, with and without a
// reference date (valid or not), in both UTF-8 modes, with any fact kinds and
// fact limit. It checks what factx promises for every input:
//
//   - the status is OK or one of the documented errors, and each error has its
//     cause (kInvalidUtf8 only for ill-formed text in strict mode,
//     kInvalidArgument only for an impossible reference date,
//     kResourceExhausted only when there are more than max_facts facts); its
//     message is valid UTF-8;
//   - every span is in bounds, begin <= end, and on code point boundaries of
//     the original text (in replace mode, each ill-formed byte is a code
//     point);
//   - each list is in text order and only the asked-for kinds are reported;
//   - decimals are finite with at most 18 significant digits, calendar fields
//     in range, and the day-grain points of resolved dates real days;
//   - extracting again into the same Extraction gives the same facts;
//   - no crash, no sanitizer report, no leak (ASan's leak checker).
//
// Input layout: 4 header bytes, then the text.
//   byte 0: bit 0 reference date, bit 1 replace invalid UTF-8, bits 2-5 kinds
//           (0 = all), bits 6-7 a fact limit (none, none, 3, 1)
//   bytes 1-3: the reference date: year 1990 + b1 % 64, month b2 % 14,
//              day b3 % 33 (so month 0 or 13 and day 0 or 32 occur)
// fuzz/make_seed_corpus.cmake writes the seeds from the tests' corpus.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "factx/extractor.h"
#include "text/utf8.h"

namespace {

factx::Extractor Build(const factx::ExtractorOptions& options) {
  factx::Result<factx::Extractor> built = factx::Extractor::Create(options);
  if (!built.ok()) {
    std::fprintf(stderr, "Extractor::Create: %s\n",
                 built.status().ToString().c_str());
    std::abort();
  }
  return std::move(built).value();
}

const factx::Extractor& SharedExtractor() {
  static const factx::Extractor* extractor =
      new factx::Extractor(Build(factx::ExtractorOptions()));
  return *extractor;
}

// The built-in rules and rules written over tokens (docs/rules.md, "Rules
// over tokens"), so that the lexer and the token strings see every input too.
const factx::Extractor& TokenRulesExtractor() {
  static const factx::Extractor* extractor = [] {
    factx::ExtractorOptions options;
    options.extra_rules.push_back(
        "rule fuzz.tokens.money\n"
        "  kind      money\n"
        "  tokens    (?:(?P<qual>{@qualifier_prefix_zh}) ?)?"
        "(?P<num>{#NUM_ZH})(?P<qual__infix>{@qualifier_infix_zh})? "
        "?(?P<cur>{@currency_zh})\n"
        "rule fuzz.tokens.count\n"
        "  kind      block\n"
        "  tokens    {#NUM_ZH}(?:[余多几]|[多余]?{#SCALE_ZH_BIG})? "
        "?{@measure_unit_zh}\n");
    return new factx::Extractor(Build(options));
  }();
  return *extractor;
}

#define FUZZ_CHECK(condition)                                         \
  do {                                                                \
    if (!(condition)) {                                               \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
                   __LINE__, #condition);                             \
      std::abort();                                                   \
    }                                                                 \
  } while (0)

// boundary[i]: a span may begin or end at byte i. Inside a well-formed run,
// at code point starts; each ill-formed byte stands alone.
std::vector<bool> Boundaries(std::string_view text) {
  std::vector<bool> boundary(text.size() + 1, true);
  std::size_t run_begin = 0;
  while (run_begin < text.size()) {
    const std::string_view rest = text.substr(run_begin);
    const std::size_t bad = factx::internal::FindInvalidUtf8(rest);
    const std::string_view run = rest.substr(0, bad);
    for (std::size_t i = 0; i < run.size(); ++i) {
      boundary[run_begin + i] = factx::internal::IsCodePointBoundary(run, i);
    }
    run_begin += bad + 1;  // past the ill-formed byte (or the end)
  }
  return boundary;
}

void CheckSpan(const std::vector<bool>& boundary, const factx::Span& span) {
  FUZZ_CHECK(span.begin <= span.end);
  FUZZ_CHECK(span.end < boundary.size());
  FUZZ_CHECK(boundary[span.begin]);
  FUZZ_CHECK(boundary[span.end]);
}

void CheckDecimal(const factx::Decimal& value) {
  FUZZ_CHECK(value.mantissa < 1000000000000000000LL &&
             value.mantissa > -1000000000000000000LL);
  FUZZ_CHECK(!std::isnan(value.ToDouble()));
  FUZZ_CHECK(!value.ToString().empty());
}

// `resolved` as DateExpr::resolved: an unresolved point holds only what the
// text states, so a day of a range may have its year (lent by the other end:
// 1日至2025年) and no month.
void CheckPoint(const factx::CalendarPoint& point, bool resolved) {
  FUZZ_CHECK(point.month >= 0 && point.month <= 12);
  FUZZ_CHECK(point.day >= 0 && point.day <= 31);
  FUZZ_CHECK(point.part >= 0 && point.part <= 4);
  if (resolved && point.grain == factx::Grain::kDay) {
    FUZZ_CHECK(
        (factx::CivilDate{point.year, point.month, point.day}.IsValid()));
  }
}

template <typename Fact>
void CheckOrdered(const std::vector<Fact>& facts) {
  for (std::size_t i = 1; i < facts.size(); ++i) {
    FUZZ_CHECK(facts[i - 1].span.begin <= facts[i].span.begin);
  }
}

void CheckMoney(const std::vector<bool>& boundary, const factx::Money& money) {
  CheckSpan(boundary, money.span);
  CheckDecimal(money.amount);
  if (money.upper) CheckDecimal(*money.upper);
  FUZZ_CHECK(money.currency[3] == '\0');
}

bool SameFacts(const factx::Extraction& a, const factx::Extraction& b) {
  if (a.money.size() != b.money.size() ||
      a.percentages.size() != b.percentages.size() ||
      a.dates.size() != b.dates.size() ||
      a.investments.size() != b.investments.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.money.size(); ++i) {
    if (a.money[i].span != b.money[i].span ||
        a.money[i].amount != b.money[i].amount)
      return false;
  }
  for (std::size_t i = 0; i < a.percentages.size(); ++i) {
    if (a.percentages[i].span != b.percentages[i].span ||
        a.percentages[i].value != b.percentages[i].value)
      return false;
  }
  for (std::size_t i = 0; i < a.dates.size(); ++i) {
    if (a.dates[i].span != b.dates[i].span ||
        !(a.dates[i].begin == b.dates[i].begin))
      return false;
  }
  for (std::size_t i = 0; i < a.investments.size(); ++i) {
    if (a.investments[i].span != b.investments[i].span) return false;
  }
  return true;
}

// Extracts `text` with `extractor` and checks every invariant above.
void Check(const factx::Extractor& extractor, std::string_view text,
           const factx::ExtractOptions& options) {
  factx::Extraction facts;
  const factx::Status status = extractor.Extract(text, options, &facts);
  const bool valid_utf8 = factx::internal::FindInvalidUtf8(text) == text.size();
  const bool valid_date =
      !options.reference_date || options.reference_date->IsValid();
  FUZZ_CHECK(factx::internal::FindInvalidUtf8(status.message()) ==
             status.message().size());
  switch (status.code()) {
    case factx::StatusCode::kOk:
      FUZZ_CHECK(valid_date);
      FUZZ_CHECK(valid_utf8 || options.replace_invalid_utf8);
      break;
    case factx::StatusCode::kInvalidArgument:
      FUZZ_CHECK(!valid_date);
      FUZZ_CHECK(facts.size() == 0);
      return;
    case factx::StatusCode::kInvalidUtf8:
      FUZZ_CHECK(!valid_utf8 && !options.replace_invalid_utf8);
      FUZZ_CHECK(facts.size() == 0);
      return;
    case factx::StatusCode::kResourceExhausted: {
      FUZZ_CHECK(facts.size() <= options.max_facts);
      // Only past max_facts: without the limit there are more facts.
      factx::ExtractOptions unlimited = options;
      unlimited.max_facts = factx::ExtractOptions().max_facts;
      factx::Extraction all;
      if (extractor.Extract(text, unlimited, &all).ok()) {
        FUZZ_CHECK(all.size() > options.max_facts);
      }
      break;
    }
    default:
      FUZZ_CHECK(false && "unexpected status code");
  }
  FUZZ_CHECK(facts.size() <= options.max_facts);

  const std::vector<bool> boundary = Boundaries(text);
  if ((options.kinds & factx::kMoney) == 0) FUZZ_CHECK(facts.money.empty());
  if ((options.kinds & factx::kPercentage) == 0)
    FUZZ_CHECK(facts.percentages.empty());
  if ((options.kinds & factx::kDate) == 0) FUZZ_CHECK(facts.dates.empty());
  if ((options.kinds & factx::kInvestment) == 0)
    FUZZ_CHECK(facts.investments.empty());
  for (const factx::Money& money : facts.money) CheckMoney(boundary, money);
  for (const factx::Percentage& percentage : facts.percentages) {
    CheckSpan(boundary, percentage.span);
    CheckDecimal(percentage.value);
    if (percentage.upper) CheckDecimal(*percentage.upper);
  }
  for (const factx::DateExpr& date : facts.dates) {
    CheckSpan(boundary, date.span);
    CheckPoint(date.begin, date.resolved);
    if (date.end) CheckPoint(*date.end, date.resolved);
  }
  for (const factx::Investment& investment : facts.investments) {
    CheckSpan(boundary, investment.span);
    CheckSpan(boundary, investment.trigger);
    CheckMoney(boundary, investment.money);
    FUZZ_CHECK(investment.span == investment.money.span);
    if (investment.investor) CheckSpan(boundary, *investment.investor);
    if (investment.target) CheckSpan(boundary, *investment.target);
  }
  CheckOrdered(facts.money);
  CheckOrdered(facts.percentages);
  CheckOrdered(facts.dates);
  CheckOrdered(facts.investments);

  // Reuse: the same Extraction, the same answer.
  factx::Extraction again;
  FUZZ_CHECK(extractor.Extract(text, options, &again).code() == status.code());
  FUZZ_CHECK(SameFacts(facts, again));
  FUZZ_CHECK(extractor.Extract(text, options, &facts).code() == status.code());
  FUZZ_CHECK(SameFacts(facts, again));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 4) return 0;
  const std::uint8_t flags = data[0];
  factx::ExtractOptions options;
  if (flags & 1) {
    options.reference_date =
        factx::CivilDate{1990 + data[1] % 64, data[2] % 14, data[3] % 33};
  }
  options.replace_invalid_utf8 = (flags & 2) != 0;
  const unsigned kinds = (flags >> 2) & 0xF;
  if (kinds != 0) options.kinds = kinds;
  // 0x40 keeps the default, so that the printable headers of the seeds do.
  static constexpr std::size_t kFactLimits[] = {1000000, 1000000, 3, 1};
  options.max_facts = kFactLimits[flags >> 6];
  const std::string_view text(reinterpret_cast<const char*>(data) + 4,
                              size - 4);

  Check(SharedExtractor(), text, options);
  Check(TokenRulesExtractor(), text, options);
  return 0;
}
