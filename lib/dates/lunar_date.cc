#include "dates/lunar_date.h"

#include <cstdlib>

#include "calendar/civil_date_math.h"
#include "calendar/lunar_calendar.h"

namespace factx::internal {
namespace {

// The Gregorian days, as days since 1970-01-01, that `lunar` names in lunar
// year `year` (for new_year_eve: the year of the 正月初一 after it).
bool DaysIn(const LunarParse& lunar, int year, long long* first,
            long long* last) {
  const int lunar_year = lunar.new_year_eve ? year - 1 : year;
  const int length = LunarMonthDays(lunar_year, lunar.month, lunar.leap_month);
  if (length == 0) return false;
  int first_day = lunar.day, last_day = lunar.day;
  if (lunar.new_year_eve && lunar.day == 30) {
    first_day = last_day = length;  // 大年三十: the last day, 29 or 30
  } else if (lunar.day == 0) {
    first_day = 1;
    last_day = length;
  }
  const std::optional<CivilDate> begin =
      LunarToCivil({lunar_year, lunar.month, lunar.leap_month, first_day});
  if (!begin) return false;
  *first = DaysFromCivil(begin->year, begin->month, begin->day);
  *last = *first + (last_day - first_day);
  return true;
}

}  // namespace

bool ResolveLunarDate(const LunarParse& lunar,
                      const std::optional<CivilDate>& reference,
                      CalendarPoint* first, std::optional<CalendarPoint>* last,
                      bool* relative, bool* resolved) {
  *relative = lunar.year.base != FieldBase::kAbsolute;
  *resolved = true;
  long long begin = 0, end = 0;
  if (lunar.year.base == FieldBase::kAbsolute) {
    if (!DaysIn(lunar, lunar.year.value, &begin, &end)) return false;
  } else if (!reference) {
    *resolved = false;
    *first = CalendarPoint();
    first->grain = Grain::kDay;
    if (lunar.day == 0) *last = *first;
    return true;
  } else if (lunar.year.base == FieldBase::kReference) {
    if (!DaysIn(lunar, reference->year + lunar.year.value, &begin, &end))
      return false;
  } else {
    // The month nearest the reference day (0 when it holds the day), of two
    // as near the earlier; then the day in that month, which fails for 三十 of
    // a 29-day month (a 正月三十 of the year before is not what the text
    // means). The lunar year in progress, the one before and the one after
    // hold every candidate within half a year.
    const std::optional<LunarDate> today = CivilToLunar(*reference);
    if (!today) return false;
    const long long day =
        DaysFromCivil(reference->year, reference->month, reference->day);
    LunarParse whole_month = lunar;
    whole_month.day = 0;
    whole_month.new_year_eve = false;  // its day 30 is the month's last day
    int best_year = 0;
    long long best_distance = 0;
    for (int year = today->year - 1; year <= today->year + 1; ++year) {
      long long month_begin = 0, month_end = 0;
      if (!DaysIn(whole_month, year, &month_begin, &month_end)) continue;
      const long long distance = day < month_begin ? month_begin - day
                                 : day > month_end ? day - month_end
                                                   : 0;
      if (best_year == 0 || distance < best_distance) {
        best_year = year;
        best_distance = distance;
      }
    }
    if (best_year == 0) return false;
    // A 大年三十 counts by the year of the 正月初一 after it.
    const int stated_year = lunar.new_year_eve ? best_year + 1 : best_year;
    if (!DaysIn(lunar, stated_year, &begin, &end)) return false;
  }
  *first = DayPoint(begin);
  if (end != begin) *last = DayPoint(end);
  return true;
}

}  // namespace factx::internal
