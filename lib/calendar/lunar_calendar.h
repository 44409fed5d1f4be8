// The Chinese (lunar) calendar of the years 1900..2100, converted to and from
// the Gregorian calendar. A lunar year is numbered by the Gregorian year in
// which its first day (正月初一, Spring Festival) falls: lunar year 2023 runs
// from 2023-01-22 to 2024-02-09.
#ifndef FACTX_LIB_CALENDAR_LUNAR_CALENDAR_H_
#define FACTX_LIB_CALENDAR_LUNAR_CALENDAR_H_

#include <optional>

#include "factx/extractor.h"

namespace factx::internal {

// The lunar years the table covers.
inline constexpr int kMinLunarYear = 1900;
inline constexpr int kMaxLunarYear = 2100;

struct LunarDate {
  int year = 0;             // kMinLunarYear..kMaxLunarYear
  int month = 0;            // 1..12
  bool leap_month = false;  // 闰四月: the leap month that follows month 4
  int day = 0;              // 1..30
};

// The leap month of `year` (1..12, the month it follows), or 0 when the year
// has none or lies outside the table.
int LunarLeapMonth(int year);

// 29 or 30; 0 when the month does not exist (a year outside the table, a month
// outside 1..12, a leap month the year does not have).
int LunarMonthDays(int year, int month, bool leap_month);

// The Gregorian day of a lunar date; nullopt when it does not exist (see
// LunarMonthDays; a day outside 1..the month's length).
std::optional<CivilDate> LunarToCivil(const LunarDate& date);

// The lunar date of a Gregorian day; nullopt before the first day of lunar
// year kMinLunarYear or after the last day of kMaxLunarYear, or for an
// invalid CivilDate.
std::optional<LunarDate> CivilToLunar(const CivilDate& date);

}  // namespace factx::internal

#endif  // FACTX_LIB_CALENDAR_LUNAR_CALENDAR_H_
