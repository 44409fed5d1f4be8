// Resolves parsed dates against the reference date and the dates before them in
// the document.
//
//   reference 2020-05-06:
//     去年3月 -> 2019-03;   1-8月 -> 2020-01..2020-08;   上周三 -> 2020-04-29
//   2019年10月…，同年12月 -> 2019-12        (the nearest earlier date's year)
//   今年一季度营收…，去年同期… -> 2019-Q1   (the period compared earlier in
//                                           the same clause, a year before)
//   2020年上半年亏损，下半年盈利 -> 2020-H2 (a date without a year takes the
//                                           year of the date before it in
//                                           the same clause)
//
// Policies (docs/dates.md, "Policies"): otherwise a weekday, month-day, month
// or day alone lands by the date policy (ExtractOptions::date_policy: by
// default the nearest before the reference when the clause speaks of the past,
// after it when it speaks of the future, else the nearest); a month-day
// the year lacks moves back (2月29日 in 2019 -> 2016-02-29); the ends of a
// range lend each other what they lack, and a lent year that puts the end
// before the begin rolls forward (8月至2月 -> 2020-08..2021-02); without a
// reference date, what needs one comes back with `resolved = false` and only
// the stated fields.
#ifndef FACTX_LIB_DATES_DATE_RESOLVER_H_
#define FACTX_LIB_DATES_DATE_RESOLVER_H_

#include <cstddef>
#include <optional>

#include "dates/date_parse.h"
#include "factx/extractor.h"

namespace factx::internal {

// Where a point that states no year (or no week) lands: in the reference's
// year (or week), at the nearest such date, or at the nearest on or before
// (kPast) or on or after (kFuture) the reference date.
enum class Placement : unsigned char {
  kReferencePeriod,
  kNearest,
  kPast,
  kFuture
};

// Stateful: feed the dates of one document in text order. Not thread-safe; one
// per call.
class DateResolver {
 public:
  DateResolver(std::optional<CivilDate> reference, DatePolicy policy)
      : reference_(reference), policy_(policy) {}

  // Fills everything in *out but `span` and `rule`. False to drop the date (a
  // day that does not exist, a range that ends before it begins).
  bool Resolve(const DateParse& date, DateExpr* out);

 private:
  // What a point resolved to: one calendar point, or a run of them (a week, a
  // season).
  struct Period {
    CalendarPoint first;
    std::optional<CalendarPoint> last;
  };
  // Whether a resolution used the reference date or an earlier date, and
  // whether it had everything it needed.
  struct Flags {
    bool relative = false;
    bool resolved = true;
    // The point was a part of a month (9月下旬: kLate).
    MonthPart month_part = MonthPart::kNone;
  };

  // A quarter or half without a year that is the latest one begun by the
  // reference date: before reported results (fourth-quarter results), or in a
  // clause placed in the past (profit rose in the fourth quarter).
  bool LatestBegun(const DatePoint& point) const;
  bool ResolvePoint(const DatePoint& point, Period* out, Flags* flags) const;
  bool ResolveRange(const DateParse& date, const CalendarPoint* context,
                    Period* out, Flags* flags) const;
  bool ResolveWindow(const DateParse& date, Period* out, Flags* flags) const;
  bool ResolveDecade(const DateParse& date, Period* out, Flags* flags) const;
  bool ResolveSamePeriod(const DateParse& date, Period* out,
                         Flags* flags) const;
  // For a comparison base that counts months or quarters from the reference
  // (比上月, 较上季度): the reported period of the same sentence, as the date
  // to count from instead; nullopt to count from the reference.
  std::optional<CivilDate> ComparisonReference(const DateParse& date) const;
  // The nearest earlier date's point (a range's end), or nullptr.
  const CalendarPoint* Previous() const;

  std::optional<CivilDate> reference_;
  DatePolicy policy_;
  // The placement of the date being resolved: the policy's, with the clause's
  // tense, for a single point; the reference's period for the ends of a range
  // (1-8月, 周一至周五).
  Placement placement_ = Placement::kReferencePeriod;
  // The last date given out, for 同年, 次年, 当月.
  std::optional<DateExpr> previous_;
  // Where the last date ended in the normalized text: a later date of the same
  // clause that states no year takes the last date's...
  std::size_t previous_end_ = 0;
  // ... though a comparison (a year earlier, 上年同期, 比上月) lends only to a
  // date right after it, which tells more of it (上年同期则在9月5日): in "grew
  // 4.9% from a year earlier, while sales rose 5.5% in September", September
  // is the reported year's.
  bool previous_is_comparison_ = false;
  // ... and the day of the news (on Tuesday, 昨日) lends nothing: its year is
  // the reference's by definition, and in "prices rose in January, the
  // department said on Tuesday, down from 3.4% in December" (February 2024)
  // December is placed by the policy (2023-12), not put in Tuesday's year.
  bool previous_is_news_day_ = false;
  // The last date given out that was not itself 去年同期, 上年 or 全年, nor a
  // comparison base or the day of the news, and where it ended in the
  // normalized text: the period a later 去年同期 of the same sentence (全年,
  // 上年: paragraph) compares with.
  std::optional<DateExpr> compared_;
  std::size_t compared_end_ = 0;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_DATES_DATE_RESOLVER_H_
