// A date rule's match read into what the text states, before the reference date
// and the earlier dates of the document resolve it (date_resolver.h).
// docs/dates.md lists every form.
//
//   2017年9月12日  begin {year 2017, month 9, day 12}            (all absolute)
//   去年3月        begin {year reference-1, month 3}
//   同年11月       begin {year previous+0, month 11}             (anaphoric)
//   1-8月          begin {month 1}, end {month 8}                (the year: the
//   reference's) 上周三         begin {week reference-1, weekday 3} 近三年
//   window {past, 3 years} 今年前5个月    begin {year reference+0}, window
//   {first, 5 months} 去年同期       same period, -1 year (the clause's period)
//
// ParseDate reads a match's named captures; docs/dates.md documents the capture
// names, which any date rule (built-in or custom) may use.
#ifndef FACTX_LIB_DATES_DATE_PARSE_H_
#define FACTX_LIB_DATES_DATE_PARSE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dates/date_tense.h"
#include "engine/rule_match.h"
#include "factx/facts.h"

namespace factx::internal {

// Where the value of one calendar field comes from.
enum class FieldBase : unsigned char {
  kAbsent,    // the text does not state the field
  kAbsolute,  // 2017年, 9月, 12日, 三季度: `value` is the field itself
  kReference,  // 今年, 去年, 上月, 昨天, 上季度: `value` is an offset from the
               // reference date
  kPrevious,  // 同年, 次年, 当月, 次日: `value` is an offset from the nearest
              // earlier date of the document
};

struct DateField {
  FieldBase base = FieldBase::kAbsent;
  int value = 0;

  bool stated() const { return base != FieldBase::kAbsent; }
  static DateField Absolute(int value) { return {FieldBase::kAbsolute, value}; }
  static DateField Reference(int offset) {
    return {FieldBase::kReference, offset};
  }
  static DateField Previous(int offset) {
    return {FieldBase::kPrevious, offset};
  }
};

// A part of a year (half, quarter, season) or of a month (ten days).
enum class PartKind : unsigned char {
  kNone,
  kHalf,     // 1..2
  kQuarter,  // 1..4
  kSeason,  // 1 spring (03..05), 2 summer (06..08), 3 autumn (09..11), 4 winter
            // (12..02)
  kMonthPart,  // 1 上旬/月初, 2 中旬, 3 下旬/月底 (MonthPart's values): a run
               // of days
};

// The weekday value of a weekend (周末): Saturday and Sunday.
inline constexpr int kWeekend = 8;

// One point as the text states it. Fields finer than what the text states stay
// absent.
struct DatePoint {
  DateField year;   // kReference / kPrevious: an offset in years
  DateField month;  // kReference / kPrevious: an offset in months
  DateField day;    // kReference / kPrevious: an offset in days
  PartKind part_kind = PartKind::kNone;
  DateField part;  // kReference: an offset in parts (上季度 -1)
  // Weeks, Monday to Sunday. `week` kReference: weeks from the reference's week
  // (上周 -1).
  DateField week;
  int weekday = 0;  // 1 Monday .. 7 Sunday, kWeekend; 0: the whole week
  int weekday_ordinal =
      0;  // 四月的第二个星期一: 2; 最后一个: -1 (needs `weekday`)
  bool fiscal = false;  // 2020财年, FY2020: the year is a fiscal year's label
  bool two_digit_year = false;  // 17年9月: the year was written with two digits
  // 年底, 年初: the month is an edge of the year the text (or the reference)
  // gives, never placed around the reference like a month alone.
  bool year_edge = false;
  // 周五, on Friday: a weekday without a week, placed by the date policy
  // (`week` is then the reference's, 0).
  bool bare_weekday = false;
  // last March (-1), next March (+1): a month without a year placed strictly
  // before or after the reference's month, whatever the date policy.
  int month_direction = 0;
  // Tuesday, Nov. 14: the weekday the day falls on (1 Monday .. 7 Sunday), a
  // check that picks the year of a day without one; 0 when none is written.
  int weekday_check = 0;
  // fourth-quarter results, first-half profit: a quarter or half without a
  // year is the latest that has begun by the reference date (results come
  // after their period), not the reference year's.
  bool reported = false;

  // True when the text states anything at all about this point.
  bool stated() const {
    return year.stated() || month.stated() || day.stated() ||
           part_kind != PartKind::kNone || week.stated() || weekday != 0;
  }
};

enum class DateShape : unsigned char {
  kPoint,       // `begin`, and `end` for a range
  kWindow,      // `window`, inside `begin` for kFirst / kLast / kNth
  kDecade,      // 上世纪90年代: `decade`, `century`
  kSamePeriod,  // 去年同期, 全年: the period compared in the same clause,
                // shifted
  kLunar,  // 农历十月初一, 正月初一, 大年三十: `lunar`, a Chinese-calendar
           // date (lunar_date.h converts it)
};

enum class DateUnit : unsigned char {
  kYear,
  kHalf,
  kQuarter,
  kMonth,
  kWeek,
  kDay
};

enum class WindowKind : unsigned char {
  kPast,  // 近三年, 过去5天: N units up to and including the reference day (day
          // grain)
  kFuture,    // 未来两天: N units from the day after the reference day (day
              // grain)
  kPrevious,  // 上2个月, 前1周: the N whole units before the reference's (at
              // the unit's grain)
  kNext,  // 下1年, 后2周: the N whole units after the reference's
  kFirst,  // 今年前5个月, 前三季度: the first N units of `begin` (a year, or a
           // month)
  kLast,  // 2021年的最后4个月: the last N units of `begin`
  kNth,   // 2021年的第一周, 明年第九个月: the N-th unit of `begin`
};

struct DateWindow {
  WindowKind kind = WindowKind::kPast;
  DateUnit unit = DateUnit::kYear;
  int count = 0;
};

// A date of the Chinese calendar as the text states it (shape kLunar).
struct LunarParse {
  // kAbsolute: the lunar year (numbered by the Gregorian year of its 正月初一);
  // kReference: an offset from the reference's Gregorian year (今年 0);
  // kAbsent: the occurrence nearest the reference date.
  DateField year;
  int month = 0;            // 1..12
  bool leap_month = false;  // 闰四月
  int day = 0;              // 1..30; 0 for the whole month
  // 大年三十, 大年二十九: a day of the 12th month, the last day for 三十 (29 or
  // 30); a stated year is the year of the 正月初一 that follows (2024年大年三十
  // is 2024-02-09), so the month belongs to the lunar year before it.
  bool new_year_eve = false;
};

// What the text states about one date or period.
struct DateParse {
  DateShape shape = DateShape::kPoint;
  DatePoint begin;
  std::optional<DatePoint> end;  // the inclusive end of a range
  bool end_is_reference =
      false;  // 2015年至今: the range ends at the reference date

  DateWindow window;  // shape kWindow

  // shape kDecade: the years decade..decade+9 of a century.
  int decade = 0;  // 0, 10, .., 90
  // kAbsolute: the century's first year (1900 for 20世纪); kReference: an
  // offset in centuries (上世纪 -1); kAbsent: the latest such decade that has
  // begun by the reference year.
  DateField century;

  // shape kSamePeriod: 去年同期 -1, 全年 0 (with `whole_year`).
  int same_period_years = 0;
  bool whole_year = false;

  LunarParse lunar;  // shape kLunar

  // The match in the normalized text, and the start of its clause (no clause
  // or sentence end lies in [clause_begin, text_begin): document.h); the
  // clause reaches back a bounded distance only, so clause_begin may be later
  // than the real clause start, never earlier.
  std::size_t text_begin = 0;
  std::size_t text_end = 0;
  std::size_t clause_begin = 0;
  // The same for the sentence (clause ends but ；, which only separates the
  // items of one report, and full stops) and the paragraph (line breaks), each
  // reaching back a bounded distance: 去年同期 compares with a period of its
  // sentence, 全年 and 上年 with one of its paragraph.
  std::size_t sentence_begin = 0;
  std::size_t paragraph_begin = 0;

  // The date is the base of a comparison (较11月, 比上月, compared with March):
  // it is not the period the text reports on, so a later 去年同期 does not
  // compare with it, and an offset from the reference (上月) counts instead
  // from the reported period of the sentence.
  bool comparison_base = false;
  // The date is a day counted from the reference (今日, 昨天, on Thursday): in
  // news the day of the announcement, not the period a later 去年同期 compares.
  bool news_day = false;
  // Whether the clause speaks of the past or the future (date_tense.h); read
  // only for a point that states no year, or a weekday without a week.
  Tense tense = Tense::kNone;
};

class RuleEngine;

// Which of the capture names ParseDate reads (docs/dates.md) one rule has, for
// the begin and for the end ("to_") of a range. ParseDate may ask a match for
// 98 names (49 per side), and each question is a linear search of the rule's
// capture names; with the set it asks only for the few the rule has. The
// result is the same either way.
class DateCaptureSet {
 public:
  // Every name: ParseDate asks the match for each.
  static DateCaptureSet All() {
    DateCaptureSet set;
    set.bits_[0] = set.bits_[1] = ~std::uint64_t{0};
    return set;
  }

  // `side` 0 the begin, 1 the end; `name` an index into date_parse.cc's list.
  bool Has(int side, int name) const { return (bits_[side] >> name & 1) != 0; }
  void Add(int side, int name) { bits_[side] |= std::uint64_t{1} << name; }

 private:
  std::uint64_t bits_[2] = {0, 0};
};

// The DateCaptureSet of every rule of an engine, built once next to it (it
// keeps no reference to the engine). Immutable; thread-safe.
class DateCaptureIndex {
 public:
  explicit DateCaptureIndex(const RuleEngine& engine);

  // The set of rule `rule` (Candidate::rule); All() for an id the engine did
  // not have.
  DateCaptureSet ForRule(std::uint32_t rule) const {
    return rule < sets_.size() ? sets_[rule] : DateCaptureSet::All();
  }

 private:
  std::vector<DateCaptureSet> sets_;
};

// False when the match is not a valid date (month 13, day 32, 2019年2月29日, a
// year out of range, a two-digit year that could be a count). `captures`: the
// set of the match's rule (DateCaptureIndex::ForRule); `tense_cues`: the tense
// tables of `tables`, indexed once. Without them ParseDate asks for every name
// and indexes the tense tables on each call, which gives the same result more
// slowly.
bool ParseDate(const RuleMatch& match, const RuleTables& tables,
               const DateCaptureSet& captures, const TenseCues& tense_cues,
               DateParse* date);
bool ParseDate(const RuleMatch& match, const RuleTables& tables,
               DateParse* date);

// True for a capture name ParseDate reads (docs/dates.md), with or without the
// "to_" of a range's end: the date part of the rule schema (rule_schema.h).
bool IsDateCaptureName(std::string_view name);

}  // namespace factx::internal

#endif  // FACTX_LIB_DATES_DATE_PARSE_H_
