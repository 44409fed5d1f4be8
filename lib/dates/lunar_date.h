// Resolves a Chinese-calendar date of the text (LunarParse, date_parse.h) to
// Gregorian days (docs/dates.md, "Chinese-calendar dates").
//
//   农历2015年十月初一            -> 2015-11-12
//   农历2015年十月                -> 2015-11-12..2015-12-10 (the month's days)
//   正月初一, reference 2024-02-01 -> 2024-02-10 (the nearest 正月)
//   2024年大年三十                -> 2024-02-09 (the eve of 2024's 正月初一)
#ifndef FACTX_LIB_DATES_LUNAR_DATE_H_
#define FACTX_LIB_DATES_LUNAR_DATE_H_

#include <optional>

#include "dates/date_parse.h"
#include "factx/extractor.h"
#include "factx/facts.h"

namespace factx::internal {

// Fills *first and, for a whole month, *last (its last day), at day grain.
// A date without a year takes its month nearest `reference` (in the lunar
// year in progress there, the one before or the one after); 今年/明年/去年
// count from the reference's Gregorian year. Without the reference such a date
// comes back with *resolved false and year, month and day 0. False when the
// day does not exist (a year outside 1900..2100, 三十 of a 29-day month, a
// leap month the year lacks).
bool ResolveLunarDate(const LunarParse& lunar,
                      const std::optional<CivilDate>& reference,
                      CalendarPoint* first, std::optional<CalendarPoint>* last,
                      bool* relative, bool* resolved);

}  // namespace factx::internal

#endif  // FACTX_LIB_DATES_LUNAR_DATE_H_
