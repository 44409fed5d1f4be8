// factx/extractor.h: build an extractor once, then pull typed facts out of many
// texts.
//
//   #include "factx/extractor.h"
//
//   factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
//   if (!extractor.ok()) return 1;
//   factx::ExtractOptions options;
//   options.reference_date = factx::CivilDate{2020, 5, 6};
//   factx::Extraction facts;   // reuse one per thread: it keeps its buffers
//   std::string_view text = "总投资超800亿元，同比增长35.7%，今年1月至4月…";
//   if (factx::Status s = extractor->Extract(text, options, &facts); !s.ok())
//   return 1;
//   // facts.money[0]: 800亿元 = 80000000000 CNY, qualifier kOver
//   // facts.investments[0]: the same amount, kind kTotalInvestment, trigger
//   总投资
//   // facts.percentages[0]: 35.7 %; facts.dates[0]: 2020-01 .. 2020-04
#ifndef FACTX_EXTRACTOR_H_
#define FACTX_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "factx/facts.h"
#include "factx/status.h"

namespace factx {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;

  // True for a real calendar day (2020-02-29 yes, 2021-02-29 and 2020-02-30
  // no).
  bool IsValid() const;
  // Parses "YYYY-MM-DD"; kInvalidArgument for anything else or an impossible
  // day.
  static Result<CivilDate> Parse(std::string_view iso);
};

// The fact types, as bits for `ExtractOptions::kinds`.
enum FactKind : unsigned {
  kMoney = 1u << 0,
  kPercentage = 1u << 1,
  kDate = 1u << 2,
  kInvestment =
      1u
      << 3,  // implies money matching, but `money` is reported only with kMoney
  kAllFacts = kMoney | kPercentage | kDate | kInvestment,
};

// The languages whose rules run, as bits for `ExtractOptions::languages`. A
// rule belongs to the language of its folder (lib/rules/zh, lib/rules/en);
// custom rules run for every language unless they say `language zh` or
// `language en` (docs/rules.md).
enum Language : unsigned {
  kChinese = 1u << 0,
  kEnglish = 1u << 1,
  kAllLanguages = kChinese | kEnglish,
};

// Reads a comma-separated list of BCP 47 language tags ("zh", "en", "zh,en",
// "zh-Hant-TW", "en_US"; case-insensitive, only the primary subtag counts) into
// `Language` bits. kInvalidArgument names a tag that is empty or of another
// language ("fr").
Result<unsigned> ParseLanguages(std::string_view tags);

// Where a date that states no year (or no week) lands: a weekday alone
// (周五, Friday), a month-day (11月21日, Nov. 21), a month (11月, November) or
// a day alone (21日); and a quarter or half alone (四季度, fourth quarter),
// which kNews in a past clause and kPast place at the latest that has begun,
// the others in the reference's year. docs/dates.md, "Where a date without a
// year lands".
enum class DatePolicy : unsigned char {
  // As a news reader places it: the nearest such date before the reference
  // when its clause speaks of the past (closed, said, 了, 已经, 收盘), after it
  // when the clause speaks of the future (will, is to, 将, 拟, 计划), else the
  // nearest. Written 2020-01-06: "Shares closed Friday" -> 2020-01-03, "will
  // report results Friday" -> 2020-01-10.
  kNews,
  kNearest,  // the nearest such date, before or after the reference
  kPast,     // the latest such date on or before the reference date
  kFuture,   // the earliest such date on or after the reference date
};

// Per-call options. Defaults in parentheses.
struct ExtractOptions {
  // (kAllFacts) Which fact types to report, an OR of `FactKind` bits.
  unsigned kinds = kAllFacts;
  // (kAllLanguages) Whose rules run, an OR of `Language` bits
  // (`ParseLanguages("zh")` reads tags). The rules of a language left out do
  // not run at all (kChinese alone on Chinese text saves some 2% of the time:
  // docs/performance.md); a document that mixes both needs both. Other bits
  // are kInvalidArgument.
  unsigned languages = kAllLanguages;
  // (unset) The date the article was written. Resolves 今年, 去年同期, 上月,
  // 3月份 and other relative dates; without it those come back with `resolved =
  // false`. Must be valid.
  std::optional<CivilDate> reference_date;
  // (kNews) Where a weekday, a month-day, a month or a day alone lands around
  // the reference date. An assistant reading "meet on Friday" asks kFuture.
  DatePolicy date_policy = DatePolicy::kNews;
  // (false) Ill-formed UTF-8 is an error (kInvalidUtf8 naming the first bad
  // byte). When true, each bad byte instead reads as U+FFFD: it ends any figure
  // and never belongs to one.
  bool replace_invalid_utf8 = false;
  // (64 MiB) Longer input is refused with kResourceExhausted before any work is
  // done.
  std::size_t max_input_bytes = std::size_t{64} << 20;
  // (1,000,000) At most this many facts of all types together. Only reported
  // facts count (those of `kinds`; not an amount read only to type an
  // investment): a text with exactly max_facts of them is OK, and one more
  // stops extraction with kResourceExhausted, keeping the first max_facts.
  std::size_t max_facts = 1000000;
};

namespace internal {
struct Scratch;
struct ScratchDeleter {
  void operator()(Scratch* scratch) const;
};
}  // namespace internal

// The facts of one text, each list in text order. Not thread-safe: use one per
// thread, and reuse it across calls, since `Extract` clears it but keeps its
// buffers (no allocation in steady state). Movable, not copyable.
class Extraction {
 public:
  std::vector<Money> money;
  std::vector<Percentage> percentages;
  std::vector<DateExpr> dates;
  std::vector<Investment> investments;

  // Empties every list, keeping capacity.
  void Clear();
  // Number of facts of all types.
  std::size_t size() const {
    return money.size() + percentages.size() + dates.size() +
           investments.size();
  }

 private:
  friend class Extractor;
  // Working buffers (normalized text, offset map, candidate matches) kept
  // between calls.
  std::unique_ptr<internal::Scratch, internal::ScratchDeleter> scratch_;
};

// How to build an `Extractor`. Defaults in parentheses.
struct ExtractorOptions {
  // (true) Start from the rules compiled into the library (Chinese and English
  // money, percentages, dates and investment triggers).
  bool builtin_rules = true;
  // (empty) Further rule texts in the format of docs/rules.md, added after the
  // built-in ones: they may use the built-in fragments and extend the built-in
  // tables (a new currency, a new investment trigger).
  std::vector<std::string> extra_rules;
};

// Finds money, percentages, dates and investments in UTF-8 text.
//
// Thread-safety: an Extractor is immutable once built, and `Extract` is const
// and safe to call from many threads at once on one shared Extractor (give each
// thread its own `Extraction`). Building one reads the rules (about 10 ms);
// each rule's programs compile when a text first needs them, so the first texts
// cost more than later ones (docs/performance.md). Build it once and keep it.
// Movable (cheap: the compiled rules are shared) and copyable (copies share
// them too).
class Extractor {
 public:
  // Builds an extractor; kRuleSyntax names the bad rule (only custom rules can
  // cause it), kInternal means ICU's normalization data is missing.
  static Result<Extractor> Create(const ExtractorOptions& options = {});
  // Builds an extractor from `rule_text` alone, without the built-in rules.
  static Result<Extractor> FromRules(std::string_view rule_text);

  // Replaces `*out` with the facts of `text`. Errors: kInvalidUtf8 (see
  // `ExtractOptions::replace_invalid_utf8`), kInvalidArgument (a bad reference
  // date, unknown language bits), kResourceExhausted (a limit was reached;
  // `*out` keeps what was found before it).
  Status Extract(std::string_view text, const ExtractOptions& options,
                 Extraction* out) const;

  // The name of a rule, e.g. "money.zh.arabic"; "" for an unknown id.
  std::string_view rule_name(RuleId id) const;
  // Number of rules.
  std::size_t rule_count() const;

  class Impl;

 private:
  explicit Extractor(std::shared_ptr<const Impl> impl)
      : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace factx

#endif  // FACTX_EXTRACTOR_H_
