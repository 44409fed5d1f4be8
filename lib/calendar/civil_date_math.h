// Calendar arithmetic for the date resolver (proleptic Gregorian).
#ifndef FACTX_LIB_CALENDAR_CIVIL_DATE_MATH_H_
#define FACTX_LIB_CALENDAR_CIVIL_DATE_MATH_H_

#include "factx/extractor.h"
#include "factx/facts.h"

namespace factx::internal {

bool IsLeapYear(int year);
// 28..31, or 0 for a month outside 1..12.
int DaysInMonth(int year, int month);
// Days since 1970-01-01 (negative before), and back.
long long DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(long long days);
// 0 = Sunday .. 6 = Saturday.
int DayOfWeek(int year, int month, int day);
// The day `days` after 1970-01-01 as a CalendarPoint of day grain.
CalendarPoint DayPoint(long long days);

}  // namespace factx::internal

#endif  // FACTX_LIB_CALENDAR_CIVIL_DATE_MATH_H_
