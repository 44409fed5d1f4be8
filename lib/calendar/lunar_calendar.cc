#include "calendar/lunar_calendar.h"

#include <array>
#include <cstdint>

#include "calendar/civil_date_math.h"

namespace factx::internal {
namespace {

// One entry per lunar year 1900..2100, the compact encoding in common use for
// the Chinese calendar (the data of the Purple Mountain Observatory's and the
// Hong Kong Observatory's published calendars):
//   bits 0..3   the leap month (1..12, the month it follows), 0 for none;
//   bits 4..15  the lengths of months 12 (bit 4) .. 1 (bit 15): 1 = 30 days,
//               0 = 29 days;
//   bit 16      the length of the leap month, if any: 1 = 30 days.
// tests/lunar_calendar_test.cc checks it against known Spring Festivals, leap
// months and festival days.
constexpr std::array<std::uint32_t, kMaxLunarYear - kMinLunarYear + 1>
    kLunarYears = {
        0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260,  // 1900
        0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2,  // 1905
        0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255,  // 1910
        0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977,  // 1915
        0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40,  // 1920
        0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970,  // 1925
        0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0,  // 1930
        0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950,  // 1935
        0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4,  // 1940
        0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557,  // 1945
        0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0,  // 1950
        0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0,  // 1955
        0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570,  // 1960
        0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0,  // 1965
        0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4,  // 1970
        0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6,  // 1975
        0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a,  // 1980
        0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570,  // 1985
        0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50,  // 1990
        0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0,  // 1995
        0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552,  // 2000
        0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5,  // 2005
        0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9,  // 2010
        0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,  // 2015
        0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60,  // 2020
        0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530,  // 2025
        0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0,  // 2030
        0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45,  // 2035
        0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577,  // 2040
        0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0,  // 2045
        0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0,  // 2050
        0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0,  // 2055
        0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0,  // 2060
        0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4,  // 2065
        0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6,  // 2070
        0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,  // 2075
        0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50,  // 2080
        0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160,  // 2085
        0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0,  // 2090
        0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252,  // 2095
        0x0d520,                                      // 2100
};

// 正月初一 of lunar year kMinLunarYear: 1900-01-31, as days since 1970-01-01.
constexpr long long kFirstNewYearDays = -25537;

bool InTable(int year) {
  return year >= kMinLunarYear && year <= kMaxLunarYear;
}

std::uint32_t Entry(int year) { return kLunarYears[year - kMinLunarYear]; }

int RegularMonthDays(std::uint32_t entry, int month) {
  return (entry >> (16 - month) & 1) != 0 ? 30 : 29;
}

int LeapMonthOf(std::uint32_t entry) { return static_cast<int>(entry & 0xf); }

int LeapMonthDays(std::uint32_t entry) {
  if (LeapMonthOf(entry) == 0) return 0;
  return (entry & 0x10000) != 0 ? 30 : 29;
}

constexpr int YearDays(std::uint32_t entry) {
  int days = (entry & 0xf) == 0 ? 0 : ((entry & 0x10000) != 0 ? 30 : 29);
  for (int month = 1; month <= 12; ++month)
    days += (entry >> (16 - month) & 1) != 0 ? 30 : 29;
  return days;
}

// Days from 正月初一 of kMinLunarYear to 正月初一 of each year, and one past
// the last: the first day after lunar year kMaxLunarYear.
constexpr std::array<int, kLunarYears.size() + 1> kNewYearOffsets = [] {
  std::array<int, kLunarYears.size() + 1> offsets{};
  for (std::size_t i = 0; i < kLunarYears.size(); ++i)
    offsets[i + 1] = offsets[i] + YearDays(kLunarYears[i]);
  return offsets;
}();

// The months of a year in order, each with its length: month m, then its leap
// month when the year has one after m.
template <typename Visit>
bool ForEachMonth(int year, Visit visit) {
  const std::uint32_t entry = Entry(year);
  const int leap = LeapMonthOf(entry);
  for (int month = 1; month <= 12; ++month) {
    if (!visit(month, false, RegularMonthDays(entry, month))) return false;
    if (month == leap && !visit(month, true, LeapMonthDays(entry)))
      return false;
  }
  return true;
}

}  // namespace

int LunarLeapMonth(int year) {
  return InTable(year) ? LeapMonthOf(Entry(year)) : 0;
}

int LunarMonthDays(int year, int month, bool leap_month) {
  if (!InTable(year) || month < 1 || month > 12) return 0;
  const std::uint32_t entry = Entry(year);
  if (!leap_month) return RegularMonthDays(entry, month);
  return LeapMonthOf(entry) == month ? LeapMonthDays(entry) : 0;
}

std::optional<CivilDate> LunarToCivil(const LunarDate& date) {
  const int length = LunarMonthDays(date.year, date.month, date.leap_month);
  if (length == 0 || date.day < 1 || date.day > length) return std::nullopt;
  long long days =
      kFirstNewYearDays + kNewYearOffsets[date.year - kMinLunarYear];
  ForEachMonth(date.year, [&](int month, bool leap, int month_days) {
    if (month == date.month && leap == date.leap_month) return false;
    days += month_days;
    return true;
  });
  return CivilFromDays(days + date.day - 1);
}

std::optional<LunarDate> CivilToLunar(const CivilDate& date) {
  if (!date.IsValid()) return std::nullopt;
  const long long offset =
      DaysFromCivil(date.year, date.month, date.day) - kFirstNewYearDays;
  if (offset < 0 || offset >= kNewYearOffsets.back()) return std::nullopt;
  // The lunar year starts in the Gregorian year of `date` or the one before.
  int year = date.year;
  if (year > kMaxLunarYear || kNewYearOffsets[year - kMinLunarYear] > offset)
    --year;
  LunarDate lunar;
  lunar.year = year;
  long long left = offset - kNewYearOffsets[year - kMinLunarYear];
  ForEachMonth(year, [&](int month, bool leap, int month_days) {
    if (left < month_days) {
      lunar.month = month;
      lunar.leap_month = leap;
      lunar.day = static_cast<int>(left) + 1;
      return false;
    }
    left -= month_days;
    return true;
  });
  return lunar;
}

}  // namespace factx::internal
