// The Chinese-calendar table (lib/calendar/lunar_calendar.h): known days of the
// calendar, the failures, and a round trip over every day of 1901..2099.
#include "calendar/lunar_calendar.h"

#include <gtest/gtest.h>

#include "calendar/civil_date_math.h"

namespace factx::internal {
namespace {

struct KnownDay {
  LunarDate lunar;
  CivilDate civil;
};

// Published Spring Festivals, leap months and festival days.
constexpr KnownDay kKnownDays[] = {
    {{1900, 1, false, 1}, {1900, 1, 31}},    // the table's first day
    {{1990, 1, false, 1}, {1990, 1, 27}},    // 春节 1990
    {{2000, 1, false, 1}, {2000, 2, 5}},     // 春节 2000
    {{2015, 1, false, 1}, {2015, 2, 19}},    // 春节 2015
    {{2015, 10, false, 1}, {2015, 11, 12}},  // 农历2015年十月初一
    {{2020, 1, false, 1}, {2020, 1, 25}},    // 春节 2020
    {{2020, 4, true, 1}, {2020, 5, 23}},     // 闰四月初一 2020
    {{2021, 1, false, 1}, {2021, 2, 12}},    // 春节 2021
    {{2023, 1, false, 1}, {2023, 1, 22}},    // 春节 2023
    {{2023, 2, true, 1}, {2023, 3, 22}},     // 闰二月初一 2023
    {{2023, 8, false, 15}, {2023, 9, 29}},   // 中秋 2023
    {{2023, 12, false, 30}, {2024, 2, 9}},   // 除夕 2024: 腊月三十
    {{2024, 12, false, 29}, {2025, 1, 28}},  // 除夕 2025: a 29-day 腊月
    {{2024, 1, false, 1}, {2024, 2, 10}},    // 春节 2024
    {{2024, 8, false, 15}, {2024, 9, 17}},   // 中秋 2024
    {{2025, 1, false, 1}, {2025, 1, 29}},    // 春节 2025
    {{2025, 6, true, 1}, {2025, 7, 25}},     // 闰六月初一 2025
    {{2033, 11, true, 1}, {2033, 12, 22}},   // 闰十一月初一 2033
    {{2050, 1, false, 1}, {2050, 1, 23}},    // 春节 2050
};

TEST(LunarCalendarTest, ConvertsKnownDays) {
  for (const KnownDay& known : kKnownDays) {
    const LunarDate& lunar = known.lunar;
    SCOPED_TRACE(testing::Message()
                 << lunar.year << (lunar.leap_month ? " leap " : " ")
                 << lunar.month << "-" << lunar.day);
    const std::optional<CivilDate> civil = LunarToCivil(lunar);
    ASSERT_TRUE(civil.has_value());
    EXPECT_EQ(civil->year, known.civil.year);
    EXPECT_EQ(civil->month, known.civil.month);
    EXPECT_EQ(civil->day, known.civil.day);

    const std::optional<LunarDate> back = CivilToLunar(known.civil);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->year, lunar.year);
    EXPECT_EQ(back->month, lunar.month);
    EXPECT_EQ(back->leap_month, lunar.leap_month);
    EXPECT_EQ(back->day, lunar.day);
  }
}

TEST(LunarCalendarTest, KnowsLeapMonthsAndLengths) {
  struct Case {
    int year;
    int leap_month;
  };
  for (const Case& c : {Case{2020, 4}, Case{2023, 2}, Case{2025, 6},
                        Case{2033, 11}, Case{2024, 0}, Case{2021, 0}}) {
    EXPECT_EQ(LunarLeapMonth(c.year), c.leap_month) << c.year;
  }
  EXPECT_EQ(LunarMonthDays(2023, 12, false), 30);  // 除夕 2024 is 腊月三十
  EXPECT_EQ(LunarMonthDays(2024, 12, false), 29);  // 除夕 2025 is 腊月二十九
  EXPECT_EQ(LunarMonthDays(2020, 4, true), 29);
  EXPECT_EQ(LunarMonthDays(2020, 5, true), 0);   // 2020 has no 闰五月
  EXPECT_EQ(LunarMonthDays(1899, 1, false), 0);  // before the table
  EXPECT_EQ(LunarMonthDays(2101, 1, false), 0);  // after the table
  EXPECT_EQ(LunarMonthDays(2020, 13, false), 0);
  EXPECT_EQ(LunarMonthDays(2020, 0, false), 0);
}

TEST(LunarCalendarTest, RejectsDaysThatDoNotExist) {
  constexpr LunarDate kMissing[] = {
      {2024, 12, false, 30},  // 腊月 of lunar 2024 has 29 days
      {2020, 5, true, 1},     // no 闰五月 in 2020
      {2024, 2, true, 1},     // no leap month at all in 2024
      {1899, 1, false, 1},    // before the table
      {2101, 1, false, 1},    // after it
      {2020, 1, false, 0},   {2020, 1, false, 31},
      {2020, 0, false, 1},   {2020, 13, false, 1},
  };
  for (const LunarDate& lunar : kMissing) {
    EXPECT_FALSE(LunarToCivil(lunar).has_value())
        << lunar.year << " " << lunar.month << " " << lunar.day;
  }
  EXPECT_FALSE(CivilToLunar({1900, 1, 30}).has_value());  // lunar 1899
  EXPECT_FALSE(CivilToLunar({2020, 2, 30}).has_value());  // not a day
  EXPECT_FALSE(CivilToLunar({2200, 1, 1}).has_value());
}

// Every Gregorian day of 1901..2099 has a lunar date that converts back to it,
// and consecutive days have consecutive lunar dates.
TEST(LunarCalendarTest, RoundTripsEveryDay) {
  const long long first = DaysFromCivil(1901, 1, 1);
  const long long last = DaysFromCivil(2099, 12, 31);
  std::optional<LunarDate> previous;
  int failures = 0;
  for (long long days = first; days <= last && failures < 10; ++days) {
    const CivilDate civil = CivilFromDays(days);
    const std::optional<LunarDate> lunar = CivilToLunar(civil);
    if (!lunar) {
      ADD_FAILURE() << civil.year << "-" << civil.month << "-" << civil.day;
      ++failures;
      continue;
    }
    const std::optional<CivilDate> back = LunarToCivil(*lunar);
    if (!back || back->year != civil.year || back->month != civil.month ||
        back->day != civil.day) {
      ADD_FAILURE() << "no round trip at " << civil.year << "-" << civil.month
                    << "-" << civil.day;
      ++failures;
    }
    if (previous) {
      const bool next_day = lunar->year == previous->year &&
                            lunar->month == previous->month &&
                            lunar->leap_month == previous->leap_month &&
                            lunar->day == previous->day + 1;
      const bool next_month = lunar->day == 1 && previous->day >= 29 &&
                              (lunar->year == previous->year ||
                               (lunar->year == previous->year + 1 &&
                                lunar->month == 1 && !lunar->leap_month));
      if (!next_day && !next_month) {
        ADD_FAILURE() << "not consecutive at " << civil.year << "-"
                      << civil.month << "-" << civil.day;
        ++failures;
      }
    }
    previous = lunar;
  }
}

}  // namespace
}  // namespace factx::internal
