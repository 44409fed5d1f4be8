// factx/facts.h: the typed facts factx extracts, and where they are in the
// text.
//
// Every fact carries a `Span` of byte offsets into the caller's ORIGINAL text
// (not a normalized copy), on UTF-8 code point boundaries, and the `RuleId` of
// the rule that found it
// (`Extractor::rule_name(id)` gives its name, e.g. "money.zh.arabic").
//
//   for (const factx::Money& m : extraction.money) {
//     std::printf("%.*s = %s %s\n", int(m.span.size()), text.data() +
//     m.span.begin,
//                 m.amount.ToString().c_str(), m.currency_code().data());
//   }   // 近3000万元 = 30000000 CNY
#ifndef FACTX_FACTS_H_
#define FACTX_FACTS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "factx/decimal.h"

namespace factx {

// Index of a rule in its `Extractor`; stable for the lifetime of that
// extractor.
using RuleId = std::uint32_t;

// Half-open byte range [begin, end) of the caller's original text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  // The spanned bytes of `text`, which must be the text the span was extracted
  // from.
  std::string_view Slice(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend bool operator!=(const Span& a, const Span& b) { return !(a == b); }
};

// How the text qualifies a figure.
enum class Qualifier : unsigned char {
  kExact,   // 480亿元, 17%
  kApprox,  // 约, 大约, 左右, 上下, about, around
  kOver,    // 超, 超过, 逾, 多, 余, 以上, 突破, more than, over
  kUnder,   // 近, 不到, 不足, 以下, nearly, almost, under
  kRange,   // 3亿至5亿元, 5%-8%: the figure has a lower and an upper bound
};
// "exact", "approx", "over", "under" or "range" (the JSONL contract's names).
std::string_view QualifierName(Qualifier qualifier);

// A monetary amount: `近3000万元` -> {amount 30000000, "CNY", kUnder}.
struct Money {
  Span span;
  // In whole units of `currency` (minor units such as 角/分/cents are folded
  // in). For a range, the lower bound.
  Decimal amount;
  // The upper bound of a range (qualifier kRange); empty otherwise.
  std::optional<Decimal> upper;
  // ISO 4217 code, NUL-terminated; empty ("") when the text names no known
  // currency.
  char currency[4] = {0, 0, 0, 0};
  Qualifier qualifier = Qualifier::kExact;
  RuleId rule = 0;

  std::string_view currency_code() const { return std::string_view(currency); }
};

enum class PercentUnit : unsigned char {
  kPercent,          // 17%, 百分之十七, 三成, 5‰ (0.5)
  kPercentagePoint,  // 2个百分点, 2 percentage points, 50 basis points (0.5)
};
// "%" or "pp".
std::string_view PercentUnitName(PercentUnit unit);

// A percentage or a change in percentage points, in percent units: `5‰` -> 0.5.
struct Percentage {
  Span span;
  Decimal value;                 // the lower bound for a range
  std::optional<Decimal> upper;  // the upper bound of a range
  PercentUnit unit = PercentUnit::kPercent;
  Qualifier qualifier = Qualifier::kExact;
  RuleId rule = 0;
};

// The precision a date is stated at.
enum class Grain : unsigned char {
  kYear,     // 2017年
  kHalf,     // 上半年: part = 1 or 2
  kQuarter,  // 三季度: part = 1..4
  kMonth,    // 2017年9月
  kDay,      // 2017年9月12日
};

// A point on the calendar at some grain. Fields finer than the grain are 0.
struct CalendarPoint {
  int year = 0;
  int month = 0;  // 1..12 at month grain and finer
  int day = 0;    // 1..31 at day grain
  int part = 0;   // the half (1..2) or quarter (1..4) at those grains
  Grain grain = Grain::kYear;

  // ISO 8601-style partial date at the grain: "2020", "2020-H1", "2020-Q3",
  // "2020-09", "2020-09-12".
  std::string ToIso8601() const;
  friend bool operator==(const CalendarPoint& a, const CalendarPoint& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day &&
           a.part == b.part && a.grain == b.grain;
  }
};

// Which part of a month the text names: `9月上旬`, `early September` (days
// 1..10), `中旬`, `mid-September` (11..20), `下旬`, `9月底`, `late September`
// (21 to the month's last day). The date itself is that inclusive day range.
enum class MonthPart : unsigned char {
  kNone,
  kEarly,  // 上旬, 月初, early
  kMid,    // 中旬, mid-
  kLate,   // 下旬, 月底, 月末, late
};
// "early", "mid" or "late"; "" for kNone (the JSONL contract's names).
std::string_view MonthPartName(MonthPart part);

// A date or an inclusive period: `今年1月至4月` -> begin 2020-01, end 2020-04.
struct DateExpr {
  Span span;
  CalendarPoint begin;
  // The inclusive end of a range (`2021—2035` ends in 2035); empty for a single
  // point.
  std::optional<CalendarPoint> end;
  // The text is relative to the article's date (今年, 去年同期, 上月, 3月份) or
  // to an earlier date in the document (同年, 次年).
  bool relative = false;
  // False when the expression needed a reference date that was not given:
  // `begin`/`end` then hold only what the text itself states (year 0 where it
  // states none).
  bool resolved = true;
  // The text names a fiscal year (2020财年, FY2020); `begin` is the fiscal
  // year's label.
  bool fiscal = false;
  // The date is one part of a month (`9月下旬` -> begin 2020-09-21, end
  // 2020-09-30, kLate); kNone otherwise, also for a range between parts.
  MonthPart part = MonthPart::kNone;
  RuleId rule = 0;
};

// What an investment amount is for.
enum class InvestmentKind : unsigned char {
  kTotalInvestment,  // 项目总投资, 总投资达
  kInvestment,       // 投资, 投入, 出资, 斥资, 注资, 增资, invest
  kFinancing,  // 融资, 募资, 募集资金, A轮, 定增, raised, funding round
  kFund,       // 设立…基金, 基金规模, 产业基金, a $1 billion fund
  kCreditLine,   // 信贷计划, 授信, 信贷额度, credit line
  kRndSpending,  // 研发投入, 研发费用
  // The price paid to acquire a company, a stake, shares or an asset:
  // 以12.6亿元收购, 交易作价, agreed to buy ... for $4.2 billion. Last, so that
  // the values of the kinds before it (and of the C enum) stay.
  kAcquisition,
};
// "total_investment", "investment", "financing", "fund", "credit_line",
// "rnd_spending", "acquisition".
std::string_view InvestmentKindName(InvestmentKind kind);

// A money amount that its clause presents as an investment. The same amount is
// also reported in `Extraction::money`.
struct Investment {
  Span span;  // equals money.span
  // The words that make the amount an investment (总投资, 融资, raised).
  Span trigger;
  InvestmentKind kind = InvestmentKind::kInvestment;
  Money money;
  // The investor and the target project or company, when the clause names them
  // plainly.
  std::optional<Span> investor;
  std::optional<Span> target;
  RuleId rule = 0;
};

}  // namespace factx

#endif  // FACTX_FACTS_H_
