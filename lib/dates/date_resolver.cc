#include "dates/date_resolver.h"

#include "calendar/civil_date_math.h"
#include "dates/lunar_date.h"

namespace factx::internal {
namespace {

// Years outside this range are not given out (ISO 8601 years have four digits).
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

// How far back a day that the month lacks may move (31日 in a 30-day month: one
// month; 2月29日 outside a leap year: up to eight years, across a century year
// that is not leap).
constexpr int kMaxMonthsBack = 12;
constexpr int kMaxYearsBack = 8;

long long FloorDiv(long long a, long long b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Moves (year, month) by `offset` months.
void ShiftMonth(int* year, int* month, long long offset) {
  const long long index =
      static_cast<long long>(*year) * 12 + (*month - 1) + offset;
  *year = static_cast<int>(FloorDiv(index, 12));
  *month = static_cast<int>(index - FloorDiv(index, 12) * 12) + 1;
}

long long DaysOf(const CivilDate& date) {
  return DaysFromCivil(date.year, date.month, date.day);
}

CalendarPoint YearPoint(int year) {
  CalendarPoint point;
  point.year = year;
  point.grain = Grain::kYear;
  return point;
}

CalendarPoint MonthPoint(int year, int month) {
  CalendarPoint point;
  point.year = year;
  point.month = month;
  point.grain = Grain::kMonth;
  return point;
}

CalendarPoint PartPoint(int year, int part, Grain grain) {
  CalendarPoint point;
  point.year = year;
  point.part = part;
  point.grain = grain;
  return point;
}

int MonthsPerPart(Grain grain) { return grain == Grain::kHalf ? 6 : 3; }

// The first and last day of the period a point names.
long long StartDay(const CalendarPoint& point) {
  int month = 1, day = 1;
  switch (point.grain) {
    case Grain::kYear:
      break;
    case Grain::kHalf:
    case Grain::kQuarter:
      month = (point.part - 1) * MonthsPerPart(point.grain) + 1;
      break;
    case Grain::kMonth:
      month = point.month;
      break;
    case Grain::kDay:
      month = point.month;
      day = point.day;
      break;
  }
  return DaysFromCivil(point.year, month, day);
}

long long EndDay(const CalendarPoint& point) {
  int year = point.year, month = 12;
  switch (point.grain) {
    case Grain::kYear:
      break;
    case Grain::kHalf:
    case Grain::kQuarter:
      month = point.part * MonthsPerPart(point.grain);
      break;
    case Grain::kMonth:
      month = point.month;
      break;
    case Grain::kDay:
      return DaysFromCivil(year, point.month, point.day);
  }
  return DaysFromCivil(year, month, DaysInMonth(year, month));
}

// The reference date at a grain: 2020-05-06 at kQuarter is 2020-Q2.
CalendarPoint PointAt(const CivilDate& date, Grain grain) {
  switch (grain) {
    case Grain::kYear:
      return YearPoint(date.year);
    case Grain::kHalf:
    case Grain::kQuarter:
      return PartPoint(date.year, (date.month - 1) / MonthsPerPart(grain) + 1,
                       grain);
    case Grain::kMonth:
      return MonthPoint(date.year, date.month);
    case Grain::kDay:
      break;
  }
  return DayPoint(DaysOf(date));
}

// `date` moved by whole units; a day the target month lacks becomes its last
// day.
long long AddUnits(const CivilDate& date, DateUnit unit, long long count) {
  long long months = 0;
  switch (unit) {
    case DateUnit::kDay:
      return DaysOf(date) + count;
    case DateUnit::kWeek:
      return DaysOf(date) + 7 * count;
    case DateUnit::kMonth:
      months = count;
      break;
    case DateUnit::kQuarter:
      months = 3 * count;
      break;
    case DateUnit::kHalf:
      months = 6 * count;
      break;
    case DateUnit::kYear:
      months = 12 * count;
      break;
  }
  int year = date.year, month = date.month;
  ShiftMonth(&year, &month, months);
  const int day =
      date.day < DaysInMonth(year, month) ? date.day : DaysInMonth(year, month);
  return DaysFromCivil(year, month, day);
}

// The grain of what a point states.
Grain GrainOf(const DatePoint& point) {
  if (point.day.stated() || point.weekday_ordinal != 0) return Grain::kDay;
  // 9月下旬 is a run of days (ResolvePoint); what the text states of it is
  // the month.
  if (point.month.stated() || point.part_kind == PartKind::kSeason ||
      point.part_kind == PartKind::kMonthPart) {
    return Grain::kMonth;
  }
  if (point.part_kind == PartKind::kQuarter) return Grain::kQuarter;
  if (point.part_kind == PartKind::kHalf) return Grain::kHalf;
  return Grain::kYear;
}

// The first month of the half or quarter a point names (its part).
int FirstMonthOfPart(const DatePoint& point) {
  return (point.part.value - 1) * MonthsPerPart(GrainOf(point)) + 1;
}

// What the text itself states, for a date that could not be resolved.
CalendarPoint StatedOnly(const DatePoint& point) {
  auto absolute = [](const DateField& field) {
    return field.base == FieldBase::kAbsolute ? field.value : 0;
  };
  CalendarPoint out;
  out.year = absolute(point.year);
  out.month = absolute(point.month);
  out.day = absolute(point.day);
  const bool year_part = point.part_kind == PartKind::kHalf ||
                         point.part_kind == PartKind::kQuarter;
  out.part = year_part ? absolute(point.part) : 0;
  out.grain = GrainOf(point);
  return out;
}

// Monday = 1 .. Sunday = 7.
int IsoWeekday(int year, int month, int day) {
  const int weekday = DayOfWeek(year, month, day);
  return weekday == 0 ? 7 : weekday;
}

bool ValidYear(const CalendarPoint& point) {
  return point.year >= kMinYear && point.year <= kMaxYear;
}

// A point's period shifted by whole years (去年同期); 02-29 becomes 02-28
// outside leap years.
CalendarPoint ShiftYears(CalendarPoint point, int years) {
  point.year += years;
  if (point.grain == Grain::kDay &&
      point.day > DaysInMonth(point.year, point.month)) {
    point.day = DaysInMonth(point.year, point.month);
  }
  return point;
}

// Of candidate positions on one scale (days, months), ordered from earliest to
// latest, the index the placement picks relative to `today`: the latest on or
// before it (kPast), the earliest on or after it (kFuture), or the nearest
// (kNearest; of two as near, `fallback`). -1 when none fits.
template <std::size_t N>
int PickCandidate(const long long (&candidates)[N], const bool (&valid)[N],
                  long long today, Placement placement, int fallback) {
  int best = -1;
  for (int i = 0; i < static_cast<int>(N); ++i) {
    if (!valid[i]) continue;
    const long long at = candidates[i];
    if (placement == Placement::kPast) {
      if (at <= today) best = i;
    } else if (placement == Placement::kFuture) {
      if (at >= today && best < 0) best = i;
    } else {
      const long long distance = at > today ? at - today : today - at;
      if (best < 0) {
        best = i;
        continue;
      }
      const long long best_at = candidates[best];
      const long long best_distance =
          best_at > today ? best_at - today : today - best_at;
      if (distance < best_distance ||
          (distance == best_distance && i == fallback)) {
        best = i;
      }
    }
  }
  return best;
}

// The year of a month or month-day that states none (11月, Nov. 21), placed
// around the reference: the reference's year, the one before or the one after.
int PlacedYear(const DatePoint& point, const CivilDate& reference,
               Placement placement) {
  const int month = point.month.value;
  const int day = point.day.base == FieldBase::kAbsolute ? point.day.value : 0;
  long long candidates[3];
  bool valid[3];
  for (int i = 0; i < 3; ++i) {
    const int year = reference.year - 1 + i;
    valid[i] = day <= DaysInMonth(year, month);
    candidates[i] = day > 0 ? (valid[i] ? DaysFromCivil(year, month, day) : 0)
                            : static_cast<long long>(year) * 12 + month - 1;
  }
  // Tuesday, Nov. 14: of the years where the day falls on that weekday, by the
  // placement; when none does, the weekday is ignored (a writer's slip).
  if (point.weekday_check != 0 && day > 0) {
    bool agrees[3];
    bool any = false;
    for (int i = 0; i < 3; ++i) {
      agrees[i] = valid[i] && IsoWeekday(reference.year - 1 + i, month, day) ==
                                  point.weekday_check;
      any = any || agrees[i];
    }
    if (any) {
      for (int i = 0; i < 3; ++i) valid[i] = agrees[i];
      // The weekday names the year: the nearest that agrees, whatever the
      // tense.
      placement = Placement::kNearest;
    }
  }
  const long long today =
      day > 0
          ? DaysOf(reference)
          : static_cast<long long>(reference.year) * 12 + reference.month - 1;
  // Of two as near (November, six months away), the reference's year.
  const int picked = PickCandidate(candidates, valid, today, placement, 1);
  if (picked >= 0) return reference.year - 1 + picked;
  // None of the three years has the day (2月29日): the nearest leap year in
  // the placement's direction.
  const int step = placement == Placement::kFuture ? 1 : -1;
  int year = reference.year + step;
  for (int i = 0; i < kMaxYearsBack && day > DaysInMonth(year, month); ++i)
    year += step;
  return year;
}

// The placement of a single point by the policy and its clause's tense.
Placement PlacementFor(DatePolicy policy, Tense tense) {
  switch (policy) {
    case DatePolicy::kNews:
      return tense == Tense::kPast     ? Placement::kPast
             : tense == Tense::kFuture ? Placement::kFuture
                                       : Placement::kNearest;
    case DatePolicy::kNearest:
      return Placement::kNearest;
    case DatePolicy::kPast:
      return Placement::kPast;
    case DatePolicy::kFuture:
      return Placement::kFuture;
  }
  return Placement::kNearest;
}

}  // namespace

bool DateResolver::LatestBegun(const DatePoint& point) const {
  return !point.year.stated() &&
         (point.part_kind == PartKind::kQuarter ||
          point.part_kind == PartKind::kHalf) &&
         point.part.base == FieldBase::kAbsolute &&
         (point.reported || placement_ == Placement::kPast);
}

const CalendarPoint* DateResolver::Previous() const {
  if (!previous_) return nullptr;
  return previous_->end ? &*previous_->end : &previous_->begin;
}

bool DateResolver::ResolvePoint(const DatePoint& point, Period* out,
                                Flags* flags) const {
  *out = Period();
  if (point.part_kind == PartKind::kMonthPart) {
    flags->month_part = static_cast<MonthPart>(point.part.value);
  }
  const std::optional<CivilDate>& reference = reference_;
  const CalendarPoint* previous = Previous();
  auto unresolved = [&]() {
    flags->relative = true;
    flags->resolved = false;
    out->first = StatedOnly(point);
    return true;
  };

  // A day counted from the reference day or from an earlier day: 昨天, 5天前,
  // 次日.
  if (point.day.base == FieldBase::kReference ||
      point.day.base == FieldBase::kPrevious) {
    flags->relative = true;
    long long base = 0;
    if (point.day.base == FieldBase::kReference) {
      if (!reference) return unresolved();
      base = DaysOf(*reference);
    } else {
      if (previous == nullptr || previous->grain != Grain::kDay ||
          previous->year == 0) {
        return unresolved();
      }
      base = DaysFromCivil(previous->year, previous->month, previous->day);
    }
    out->first = DayPoint(base + point.day.value);
    return true;
  }

  // Weeks run Monday to Sunday: 上周三, 下周, 本周末.
  if (point.week.stated()) {
    flags->relative = true;
    if (!reference) return unresolved();
    const long long today = DaysOf(*reference);
    long long monday =
        today -
        (IsoWeekday(reference->year, reference->month, reference->day) - 1) +
        7LL * point.week.value;
    if (point.bare_weekday && placement_ != Placement::kReferencePeriod) {
      // 周五 alone: that day of the week before, of this week or of the next.
      const long long day =
          monday + (point.weekday == kWeekend ? 5 : point.weekday - 1);
      const long long candidates[3] = {day - 7, day, day + 7};
      const bool valid[3] = {true, true, true};
      monday += 7LL * (PickCandidate(candidates, valid, today, placement_,
                                     /*fallback=*/1) -
                       1);
    }
    if (point.weekday == 0) {
      out->first = DayPoint(monday);
      out->last = DayPoint(monday + 6);
    } else if (point.weekday == kWeekend) {
      out->first = DayPoint(monday + 5);
      out->last = DayPoint(monday + 6);
    } else {
      out->first = DayPoint(monday + point.weekday - 1);
    }
    return true;
  }

  // The year.
  int year = 0;
  switch (point.year.base) {
    case FieldBase::kAbsolute:
      year = point.year.value;
      break;
    case FieldBase::kReference:
      flags->relative = true;
      if (!reference) return unresolved();
      year = reference->year + point.year.value;
      break;
    case FieldBase::kPrevious:
      flags->relative = true;
      if (previous == nullptr || previous->year == 0) return unresolved();
      year = previous->year + point.year.value;
      break;
    case FieldBase::kAbsent:
      if (point.month.base == FieldBase::kPrevious) {
        // 当月 alone: the year comes with the earlier date's month, below.
      } else {
        flags->relative = true;
        if (!reference) return unresolved();
        year = reference->year;
        if (point.month.base == FieldBase::kAbsolute &&
            point.month_direction != 0) {
          // last March: the latest March before the reference's month; next
          // March the earliest after it.
          if (point.month_direction < 0 &&
              point.month.value >= reference->month) {
            --year;
          } else if (point.month_direction > 0 &&
                     point.month.value <= reference->month) {
            ++year;
          }
        } else if (point.month.base == FieldBase::kAbsolute &&
                   !point.year_edge &&
                   placement_ != Placement::kReferencePeriod) {
          year = PlacedYear(point, *reference, placement_);
        } else if (LatestBegun(point)) {
          // fourth-quarter results in January: last year's fourth quarter.
          if (FirstMonthOfPart(point) > reference->month) --year;
        }
      }
      break;
  }

  // The month.
  int month = 0;
  bool month_from_reference = false;
  switch (point.month.base) {
    case FieldBase::kAbsolute:
      month = point.month.value;
      break;
    case FieldBase::kReference: {
      flags->relative = true;
      if (!reference) return unresolved();
      int shifted_year = point.year.stated() ? year : reference->year;
      month = reference->month;
      ShiftMonth(&shifted_year, &month, point.month.value);
      year = shifted_year;
      break;
    }
    case FieldBase::kPrevious: {
      flags->relative = true;
      if (previous == nullptr || previous->year == 0 || previous->month == 0) {
        return unresolved();
      }
      int shifted_year = point.year.stated() ? year : previous->year;
      month = previous->month;
      ShiftMonth(&shifted_year, &month, point.month.value);
      year = shifted_year;
      break;
    }
    case FieldBase::kAbsent: {
      const bool needs_month = point.day.base == FieldBase::kAbsolute ||
                               point.part_kind == PartKind::kMonthPart ||
                               point.weekday_ordinal != 0;
      if (!needs_month) break;
      flags->relative = true;
      if (!reference) return unresolved();
      month = reference->month;
      month_from_reference = true;
      break;
    }
  }

  // A part of the year or month.
  int part = 0;
  if (point.part_kind != PartKind::kNone) {
    if (point.part.base == FieldBase::kAbsolute) {
      part = point.part.value;
    } else {  // 上季度, 上个半年
      flags->relative = true;
      if (!reference) return unresolved();
      const int per_part = point.part_kind == PartKind::kHalf ? 6 : 3;
      const int parts = 12 / per_part;
      const long long base_year = point.year.stated() ? year : reference->year;
      const long long index = base_year * parts +
                              (reference->month - 1) / per_part +
                              point.part.value;
      year = static_cast<int>(FloorDiv(index, parts));
      part = static_cast<int>(index - FloorDiv(index, parts) * parts) + 1;
    }
  }

  const Grain grain = GrainOf(point);
  if (point.part_kind == PartKind::kSeason) {
    // Spring 03..05, summer 06..08, autumn 09..11, winter 12..02 of the next
    // year.
    int last_year = year, last_month = part * 3;
    ShiftMonth(&last_year, &last_month, 2);
    out->first = MonthPoint(year, part * 3);
    out->last = MonthPoint(last_year, last_month);
    return ValidYear(out->first) && ValidYear(*out->last);
  }
  if (year < kMinYear || year > kMaxYear) return false;

  int day = point.day.base == FieldBase::kAbsolute ? point.day.value : 0;
  if (month_from_reference && !point.year.stated() && day > 0) {
    // A day alone is placed in the reference's month or the month before or
    // after: nearest, 28日 written on March 2 is February 28, and 31日 in
    // April is March 31; in the past, 20日 written on March 2 is February 20.
    long long candidates[3];
    bool valid[3];
    for (int offset = -1; offset <= 1; ++offset) {
      int candidate_year = reference->year, candidate_month = reference->month;
      ShiftMonth(&candidate_year, &candidate_month, offset);
      valid[offset + 1] = day <= DaysInMonth(candidate_year, candidate_month);
      candidates[offset + 1] =
          valid[offset + 1]
              ? DaysFromCivil(candidate_year, candidate_month, day)
              : 0;
    }
    const long long today = DaysOf(*reference);
    int picked = -1;
    if (placement_ == Placement::kPast || placement_ == Placement::kFuture) {
      picked = PickCandidate(candidates, valid, today, placement_, 1);
    }
    if (picked < 0) {
      picked = PickCandidate(candidates, valid, today, Placement::kNearest, 1);
    }
    if (picked < 0) return false;
    year = reference->year;
    month = reference->month;
    ShiftMonth(&year, &month, picked - 1);
  }
  if (point.weekday_ordinal != 0) {  // 四月的最后一个星期一
    const int days_in_month = DaysInMonth(year, month);
    if (point.weekday_ordinal > 0) {
      const int first =
          1 + (point.weekday - IsoWeekday(year, month, 1) + 7) % 7;
      day = first + 7 * (point.weekday_ordinal - 1);
      if (day > days_in_month) return false;
    } else {
      day = days_in_month -
            (IsoWeekday(year, month, days_in_month) - point.weekday + 7) % 7;
    }
  }
  if (day > 0 && day > DaysInMonth(year, month)) {
    // A day the month lacks: 2月29日 in 2019 reads as 2016-02-29.
    if (month_from_reference) {
      for (int i = 0; i < kMaxMonthsBack && day > DaysInMonth(year, month);
           ++i) {
        ShiftMonth(&year, &month, -1);
      }
    } else if (!point.year.stated()) {
      for (int i = 0; i < kMaxYearsBack && day > DaysInMonth(year, month); ++i)
        --year;
    }
    if (day > DaysInMonth(year, month)) return false;
  }

  if (point.part_kind == PartKind::kMonthPart) {
    // 上旬 days 1..10, 中旬 11..20, 下旬 21 to the month's last day.
    const int first = (part - 1) * 10 + 1;
    const int last = part < 3 ? part * 10 : DaysInMonth(year, month);
    out->first = DayPoint(DaysFromCivil(year, month, first));
    out->last = DayPoint(DaysFromCivil(year, month, last));
    return ValidYear(out->first);
  }

  CalendarPoint& result = out->first;
  result.grain = grain;
  result.year = year;
  if (grain == Grain::kDay || grain == Grain::kMonth) result.month = month;
  if (grain == Grain::kDay) result.day = day;
  if (grain == Grain::kHalf || grain == Grain::kQuarter) result.part = part;
  return ValidYear(result);
}

namespace {

// Points counted in days or weeks (昨天, 上周三), and months placed by their
// own word (last March), carry their own year and month.
bool SelfContained(const DatePoint& point) {
  return point.week.stated() || point.day.base == FieldBase::kReference ||
         point.day.base == FieldBase::kPrevious || point.month_direction != 0;
}

// Which coarse fields one side of a range took from the other.
struct Borrowed {
  bool year = false;
  bool month = false;
};

// Copies into *to the year (and, for a day, the month) that it lacks and `from`
// states: 9月12日至15日 lends 9月 to 15日; March to May 2020 lends 2020 to
// March.
Borrowed Lend(const DatePoint& from, DatePoint* to) {
  Borrowed borrowed;
  if (SelfContained(from) || SelfContained(*to)) return borrowed;
  if (!to->year.stated() && from.year.stated()) {
    to->year = from.year;
    to->fiscal = from.fiscal;
    borrowed.year = true;
  }
  const bool needs_month = to->day.base == FieldBase::kAbsolute ||
                           to->part_kind == PartKind::kMonthPart ||
                           to->weekday_ordinal != 0;
  if (needs_month && !to->month.stated() && from.month.stated()) {
    to->month = from.month;
    borrowed.month = true;
  }
  return borrowed;
}

// Lends to a point that states no year the year of the date before it in the
// same clause (and, to a day alone, its month too):
// 2020年上半年亏损，下半年盈利
// -> 2020-H2. A year alone lends nothing: in 召开2019年年度股东大会，股权登记日
// 为5月6日, 2019年 is a reporting year, not the year of 5月6日.
//
// A day with its weekday (Thursday, Sept. 23) takes none: the weekday names its
// year. Nor does a period that must have begun (`latest_begun`: first-half
// results) take a year that would put it after the reference date.
void LendContext(const CalendarPoint& context,
                 const std::optional<CivilDate>& reference, bool latest_begun,
                 DatePoint* point) {
  if (SelfContained(*point) || point->year.stated() || context.year == 0 ||
      context.grain == Grain::kYear || point->weekday_check != 0) {
    return;
  }
  if (latest_begun && reference) {
    if (context.year > reference->year ||
        (context.year == reference->year &&
         FirstMonthOfPart(*point) > reference->month)) {
      return;
    }
  }
  const bool needs_month = point->day.base == FieldBase::kAbsolute ||
                           point->part_kind == PartKind::kMonthPart ||
                           point->weekday_ordinal != 0;
  if (needs_month && !point->month.stated()) {
    const bool has_month =
        context.grain == Grain::kMonth || context.grain == Grain::kDay;
    if (!has_month) return;
    point->month = DateField::Absolute(context.month);
  }
  point->year = DateField::Absolute(context.year);
}

}  // namespace

bool DateResolver::ResolveRange(const DateParse& date,
                                const CalendarPoint* context, Period* out,
                                Flags* flags) const {
  DatePoint begin_point = date.begin;
  auto lend_context = [&]() {
    if (context == nullptr) return;
    LendContext(*context, reference_, LatestBegun(date.begin), &begin_point);
    if (begin_point.year.base != date.begin.year.base) flags->relative = true;
  };
  if (date.end_is_reference) {  // 2015年至今
    lend_context();
    if (!ResolvePoint(begin_point, out, flags)) return false;
    flags->relative = true;
    if (!reference_ || !flags->resolved) {
      flags->resolved = false;
      CalendarPoint end;
      end.grain = out->first.grain;
      out->last = end;
      return true;
    }
    out->last = PointAt(*reference_, out->first.grain);
    return StartDay(*out->last) >= StartDay(out->first);
  }
  if (!date.end) {
    lend_context();
    return ResolvePoint(begin_point, out, flags);
  }

  // The ends lend each other what they lack (English writes the year at the
  // end, Chinese at the begin), and the clause lends what neither states.
  DatePoint end_point = *date.end;
  const Borrowed begin_borrowed = Lend(*date.end, &begin_point);
  lend_context();
  Borrowed end_borrowed = Lend(begin_point, &end_point);
  Period begin, end;
  if (!ResolvePoint(begin_point, &begin, flags)) return false;
  if (flags->resolved && !begin_point.year.stated() &&
      !end_point.year.stated() && !SelfContained(begin_point) &&
      !SelfContained(end_point)) {
    // Neither end states a year: the end takes the begin's (2月29日-3月1日 in
    // 2019 is 2016's).
    end_point.year = DateField::Absolute(begin.first.year);
    end_borrowed.year = true;
  }
  if (!ResolvePoint(end_point, &end, flags)) return false;

  // A borrowed year or month that puts the end before the begin moves on by
  // one: 8月至2月, 12月28日至1月3日, December to February 2021.
  auto reversed = [&]() {
    const CalendarPoint& last = end.last ? *end.last : end.first;
    return StartDay(last) < StartDay(begin.first);
  };
  if (flags->resolved && reversed()) {
    if (end_borrowed.month || end_borrowed.year) {
      int year = end.first.year, month = end.first.month;
      if (end_borrowed.month) {
        ShiftMonth(&year, &month, 1);
        end_point.month = DateField::Absolute(month);
      } else {
        ++year;
      }
      end_point.year = DateField::Absolute(year);
      if (!ResolvePoint(end_point, &end, flags)) return false;
    } else if (begin_borrowed.month || begin_borrowed.year) {
      int year = begin.first.year, month = begin.first.month;
      if (begin_borrowed.month) {
        ShiftMonth(&year, &month, -1);
        begin_point.month = DateField::Absolute(month);
      } else {
        --year;
      }
      begin_point.year = DateField::Absolute(year);
      if (!ResolvePoint(begin_point, &begin, flags)) return false;
    }
  }
  out->first = begin.first;
  out->last = end.last ? *end.last : end.first;
  if (flags->resolved && reversed()) return false;
  return true;
}

bool DateResolver::ResolveWindow(const DateParse& date, Period* out,
                                 Flags* flags) const {
  const DateWindow& window = date.window;
  const long long count = window.count;
  if (window.kind == WindowKind::kFirst || window.kind == WindowKind::kLast ||
      window.kind == WindowKind::kNth) {
    // Weeks or days of a year or month: 2021年的前2周, 今年的最后3周,
    // 十月的第一周.
    Period container;
    if (!ResolvePoint(date.begin, &container, flags)) return false;
    if (!flags->resolved) {
      out->first = CalendarPoint();
      out->first.grain = Grain::kDay;
      return true;
    }
    const long long start = StartDay(container.first),
                    end = EndDay(container.first);
    const long long length = window.unit == DateUnit::kWeek ? 7 : 1;
    long long first = start, last = start + length * count - 1;
    if (window.kind == WindowKind::kLast) {
      first = end - length * count + 1;
      last = end;
    } else if (window.kind == WindowKind::kNth) {
      first = start + length * (count - 1);
      last = first + length - 1;
    }
    if (first < start || last > end) return false;
    out->first = DayPoint(first);
    if (last != first) out->last = DayPoint(last);
    return true;
  }

  flags->relative = true;
  if (!reference_) {
    flags->resolved = false;
    out->first = CalendarPoint();
    out->first.grain = Grain::kDay;
    return true;
  }
  const CivilDate& today = *reference_;
  const long long today_days = DaysOf(today);
  switch (window.kind) {
    case WindowKind::kPast:  // 近三年: the three years up to and including
                             // today
      out->first = DayPoint(AddUnits(today, window.unit, -count) + 1);
      out->last = DayPoint(today_days);
      return true;
    case WindowKind::kFuture:  // 未来两天
      out->first = DayPoint(today_days + 1);
      out->last = DayPoint(AddUnits(today, window.unit, count));
      return true;
    default:
      break;
  }
  // 上2个月, 下1年: whole units before or after the reference's own.
  const bool before = window.kind == WindowKind::kPrevious;
  const long long from = before ? -count : 1, to = before ? -1 : count;
  switch (window.unit) {
    case DateUnit::kYear:
      out->first = YearPoint(static_cast<int>(today.year + from));
      out->last = YearPoint(static_cast<int>(today.year + to));
      break;
    case DateUnit::kHalf:
    case DateUnit::kQuarter: {
      const Grain grain =
          window.unit == DateUnit::kHalf ? Grain::kHalf : Grain::kQuarter;
      const int parts = 12 / MonthsPerPart(grain);
      const long long index = static_cast<long long>(today.year) * parts +
                              (today.month - 1) / MonthsPerPart(grain);
      auto at = [&](long long i) {
        return PartPoint(static_cast<int>(FloorDiv(i, parts)),
                         static_cast<int>(i - FloorDiv(i, parts) * parts) + 1,
                         grain);
      };
      out->first = at(index + from);
      out->last = at(index + to);
      break;
    }
    case DateUnit::kMonth: {
      int first_year = today.year, first_month = today.month;
      int last_year = today.year, last_month = today.month;
      ShiftMonth(&first_year, &first_month, from);
      ShiftMonth(&last_year, &last_month, to);
      out->first = MonthPoint(first_year, first_month);
      out->last = MonthPoint(last_year, last_month);
      break;
    }
    case DateUnit::kWeek: {
      const long long monday =
          today_days - (IsoWeekday(today.year, today.month, today.day) - 1);
      out->first = DayPoint(monday + 7 * from);
      out->last = DayPoint(monday + 7 * to + 6);
      break;
    }
    case DateUnit::kDay:
      out->first = DayPoint(today_days + from);
      out->last = DayPoint(today_days + to);
      break;
  }
  if (*out->last == out->first) out->last.reset();
  return true;
}

bool DateResolver::ResolveDecade(const DateParse& date, Period* out,
                                 Flags* flags) const {
  int base = 0;
  if (date.century.base == FieldBase::kAbsolute) {
    base = date.century.value;
  } else {
    flags->relative = true;
    if (!reference_) {
      flags->resolved = false;
      out->first = YearPoint(0);
      out->last = YearPoint(0);
      return true;
    }
    base = reference_->year / 100 * 100;
    if (date.century.base == FieldBase::kReference) {
      base += 100 * date.century.value;
    } else if (base + date.decade > reference_->year) {
      base -= 100;  // 九十年代 in 2017: the 1990s, the latest that has begun
    }
  }
  out->first = YearPoint(base + date.decade);
  out->last = YearPoint(base + date.decade + 9);
  return true;
}

bool DateResolver::ResolveSamePeriod(const DateParse& date, Period* out,
                                     Flags* flags) const {
  flags->relative = true;
  // 2019年同期 names the year; 去年同期 and 上年 count from the compared one.
  std::optional<int> stated_year;
  if (date.begin.year.stated()) {
    DatePoint year_only;
    year_only.year = date.begin.year;
    Period year;
    if (!ResolvePoint(year_only, &year, flags)) return false;
    if (!flags->resolved) {
      out->first = CalendarPoint();
      return true;
    }
    stated_year = year.first.year;
  }
  // 去年同期 compares with the period reported earlier in its sentence (the
  // items of a report run on after ；), 全年 and 上年 with the one reported
  // earlier in its paragraph (2023年…。全年…).
  const std::size_t scope_begin =
      date.whole_year ? date.paragraph_begin : date.sentence_begin;
  const bool same_clause = compared_ && compared_end_ > scope_begin &&
                           compared_end_ <= date.text_begin;
  if (same_clause) {  // 今年一季度…去年同期: 2019-Q1
    if (!compared_->resolved) {
      flags->resolved = false;
      out->first = CalendarPoint();
      return true;
    }
    const int years = stated_year ? *stated_year - compared_->begin.year
                                  : date.same_period_years;
    if (date.whole_year) {  // 全年, 上年: the compared period's year, or the
                            // one before
      out->first = YearPoint(compared_->begin.year + years);
      return true;
    }
    out->first = ShiftYears(compared_->begin, years);
    if (compared_->end) out->last = ShiftYears(*compared_->end, years);
    return true;
  }
  // No period compared in the clause: the stated year (2019年同期), the year
  // before the reference's (去年同期, 上年), or the reference's year (全年).
  if (stated_year) {
    out->first = YearPoint(*stated_year);
    return true;
  }
  if (!reference_) {
    flags->resolved = false;
    out->first = CalendarPoint();
    return true;
  }
  out->first = YearPoint(reference_->year + date.same_period_years);
  return true;
}

// How close after a comparison (上年同期, a year earlier) a date must begin to
// take its year: four Chinese characters or two short English words
// (上年同期则在9月5日).
constexpr std::size_t kComparisonLendBytes = 12;

bool DateResolver::Resolve(const DateParse& date, DateExpr* out) {
  *out = DateExpr();
  Period period;
  Flags flags;
  bool ok = false;
  // The date before this one in the same clause, if any: it lends its year to a
  // date that states none.
  const CalendarPoint* context = nullptr;
  if (previous_ && previous_->resolved && !previous_is_news_day_ &&
      previous_end_ > date.clause_begin && previous_end_ <= date.text_begin &&
      (!previous_is_comparison_ ||
       date.text_begin - previous_end_ <= kComparisonLendBytes)) {
    context = Previous();
  }
  // Only a single point is placed by the policy: the ends of a range without a
  // year (1-8月, 周一至周五) stay in the reference's year and week.
  placement_ =
      date.shape == DateShape::kPoint && !date.end && !date.end_is_reference
          ? PlacementFor(policy_, date.tense)
          : Placement::kReferencePeriod;
  switch (date.shape) {
    case DateShape::kPoint:
      if (const std::optional<CivilDate> base = ComparisonReference(date)) {
        // 1月末…，比上月末低: 上月末 counts from January, not from the
        // reference.
        DateResolver shifted(*this);
        shifted.reference_ = base;
        ok = shifted.ResolveRange(date, context, &period, &flags);
        break;
      }
      ok = ResolveRange(date, context, &period, &flags);
      break;
    case DateShape::kWindow:
      ok = ResolveWindow(date, &period, &flags);
      break;
    case DateShape::kDecade:
      ok = ResolveDecade(date, &period, &flags);
      break;
    case DateShape::kSamePeriod:
      ok = ResolveSamePeriod(date, &period, &flags);
      break;
    case DateShape::kLunar:
      ok = ResolveLunarDate(date.lunar, reference_, &period.first, &period.last,
                            &flags.relative, &flags.resolved);
      break;
  }
  if (!ok) return false;
  if (flags.resolved &&
      (!ValidYear(period.first) || (period.last && !ValidYear(*period.last)))) {
    return false;
  }
  out->begin = period.first;
  out->end = period.last;
  out->relative = flags.relative;
  out->resolved = flags.resolved;
  out->fiscal = date.begin.fiscal || (date.end && date.end->fiscal);
  // A range between parts (6月下旬至7月上旬) is no one part of a month.
  if (date.shape == DateShape::kPoint && !date.end && !date.end_is_reference)
    out->part = flags.month_part;
  previous_ = *out;
  previous_end_ = date.text_end;
  previous_is_comparison_ =
      date.shape == DateShape::kSamePeriod || date.comparison_base;
  previous_is_news_day_ = date.news_day;
  if (date.shape != DateShape::kSamePeriod && !date.comparison_base &&
      !date.news_day) {
    compared_ = *out;
    compared_end_ = date.text_end;
  }
  return true;
}

std::optional<CivilDate> DateResolver::ComparisonReference(
    const DateParse& date) const {
  // Only a month or quarter offset (上月, 上季度) with nothing stated beside
  // it: 比去年 keeps meaning the year before the article's.
  const DatePoint& point = date.begin;
  const bool month_offset = point.month.base == FieldBase::kReference ||
                            (point.part.base == FieldBase::kReference &&
                             point.part_kind == PartKind::kQuarter);
  if (!date.comparison_base || date.end || !month_offset ||
      point.year.stated() || point.day.stated() || !compared_ ||
      !compared_->resolved || compared_end_ <= date.sentence_begin ||
      compared_end_ > date.text_begin) {
    return std::nullopt;
  }
  const CalendarPoint& reported = compared_->begin;
  if (reported.grain != Grain::kMonth && reported.grain != Grain::kDay) {
    return std::nullopt;
  }
  return CivilDate{reported.year, reported.month,
                   reported.grain == Grain::kDay ? reported.day : 1};
}

}  // namespace factx::internal
