#include <string>

#include "calendar/civil_date_math.h"
#include "factx/extractor.h"

namespace factx {
namespace internal {

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: days since 1970-01-01.
long long DaysFromCivil(int year, int month, int day) {
  long long y = static_cast<long long>(year) - (month <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long mp = (month + 9) % 12;
  const long long doy = (153 * mp + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(year), month, day};
}

CalendarPoint DayPoint(long long days) {
  const CivilDate date = CivilFromDays(days);
  CalendarPoint point;
  point.year = date.year;
  point.month = date.month;
  point.day = date.day;
  point.grain = Grain::kDay;
  return point;
}

int DayOfWeek(int year, int month, int day) {
  const long long days = DaysFromCivil(year, month, day);
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(((days % 7) + 7 + 4) % 7);
}

}  // namespace internal

bool CivilDate::IsValid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= internal::DaysInMonth(year, month);
}

Result<CivilDate> CivilDate::Parse(std::string_view iso) {
  auto digits = [&](std::size_t pos, std::size_t count, int* value) {
    *value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      *value = *value * 10 + (iso[i] - '0');
    }
    return true;
  };
  CivilDate date;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' ||
      !digits(0, 4, &date.year) || !digits(5, 2, &date.month) ||
      !digits(8, 2, &date.day) || !date.IsValid()) {
    return Status(
        StatusCode::kInvalidArgument,
        "not a calendar date in YYYY-MM-DD form: \"" + std::string(iso) + "\"");
  }
  return date;
}

}  // namespace factx
