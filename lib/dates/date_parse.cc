#include "dates/date_parse.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <string_view>

#include "calendar/civil_date_math.h"
#include "calendar/lunar_calendar.h"
#include "engine/rule_engine.h"
#include "numbers/date_number.h"
#include "text/char_class.h"

namespace factx::internal {
namespace {

// How far back ParseDate looks for the start of a match's clause (去年同期
// reads the period stated earlier in the same clause; farther than this it is
// not "the period compared").
constexpr std::size_t kClauseLookback = 512;
// The same for the start of a paragraph (全年 and 上年 read the period reported
// earlier in the paragraph).
constexpr std::size_t kParagraphLookback = 2048;

// Words that make the date right after them the base of a comparison
// (normalized text: 較 reads as 较): 较11月, 比上月, 与上月持平. 与 also joins
// lists (2019年与2020年), whose later items then lend no compared period,
// which is harmless. English keeps the trailing space.
constexpr std::array<std::string_view, 10> kComparisonWords = {
    "较",           "比",      "相比", "相较于", "较之", "与", "compared with ",
    "compared to ", "versus ", "than "};

// Two-digit years: 00..49 are 2000..2049, 50..99 are 1950..1999 (08年 -> 2008,
// 89 -> 1989).
constexpr int kTwoDigitYearPivot = 50;

// A year written alone (2017年, 一九四九年) is a year only in this range:
// 1500年 and 2500年 are more often durations (1500年的历史). With a month, or
// after 公元, any year goes.
constexpr int kMinBareYear = 1800;
constexpr int kMaxBareYear = 2199;

// The most units a window or an offset may count (近1000天 is fine, 近5000年 is
// not a date).
constexpr int kMaxCount = 1000;

// The capture names ParseDate reads (docs/dates.md), in the order of
// kCaptureNames. The end of a range prefixes them with "to_".
enum class Capture : unsigned char {
  kP1,
  kP2,
  kP3,
  kS1,
  kS2,
  kYear,
  kAd,
  kYearRel,
  kYearFar,
  kYearAna,
  kEra,
  kEraYear,
  kFiscal,
  kMonth,
  kMonthName,
  kMonthRel,
  kMonthAna,
  kYearEdge,
  kQuarter,
  kQuarterRel,
  kHalf,
  kHalfRel,
  kSeason,
  kTenDays,
  kDay,
  kDayRel,
  kDayAna,
  kWeekRel,
  kWeekday,
  kNth,
  kDecade,
  kCentury,
  kCenturyRel,
  kSamePeriod,
  kPriorYear,
  kWholeYear,
  kPlan,
  kWindow,
  kAgo,
  kCount,  // a window's count of units (近三年: 三), not a count of names
  kUnit,
  kNow,
  kLunarYear,
  kLunarYearRel,
  kLunarNewYear,
  kLunarLeap,
  kLunarMonth,
  kLunarDay,
  kLunarEve,
  kYearWords,
  kMonthDir,
  kWeekdayCheck,
  kReported,
};

constexpr std::array<std::string_view, 53> kCaptureNames = {
    "p1",
    "p2",
    "p3",
    "s1",
    "s2",
    "year",
    "ad",
    "year_rel",
    "year_far",
    "year_ana",
    "era",
    "era_year",
    "fiscal",
    "month",
    "month_name",
    "month_rel",
    "month_ana",
    "year_edge",
    "quarter",
    "quarter_rel",
    "half",
    "half_rel",
    "season",
    "ten_days",
    "day",
    "day_rel",
    "day_ana",
    "week_rel",
    "weekday",
    "nth",
    "decade",
    "century",
    "century_rel",
    "same_period",
    "prior_year",
    "whole_year",
    "plan",
    "window",
    "ago",
    "count",
    "unit",
    "now",
    "lunar_year",
    "lunar_year_rel",
    "lunar_new_year",
    "lunar_leap",
    "lunar_month",
    "lunar_day",
    "lunar_eve",
    "year_words",
    "month_dir",
    "weekday_check",
    "reported",
};
static_assert(kCaptureNames.size() == static_cast<int>(Capture::kReported) + 1,
              "one name for each Capture");
static_assert(kCaptureNames.size() <= 64,
              "DateCaptureSet keeps one 64-bit mask per side");

// The prefix of each side's capture names: the begin, and the end of a range.
constexpr std::array<std::string_view, 2> kSidePrefixes = {"", "to_"};

// The capture `name` of side `side` written out in `buffer`.
std::string_view SideCaptureName(int side, Capture name, char (&buffer)[40]) {
  const std::string_view prefix = kSidePrefixes[side];
  const std::string_view base = kCaptureNames[static_cast<int>(name)];
  prefix.copy(buffer, prefix.size());
  base.copy(buffer + prefix.size(), base.size());
  return std::string_view(buffer, prefix.size() + base.size());
}

// Reads named captures for one side of a range: 0 for the begin, 1 for the
// end. Asks the match only for the names `captures` says the rule has.
class SideReader {
 public:
  SideReader(const RuleMatch& match, const RuleTables& tables,
             const DateCaptureSet& captures, int side)
      : match_(match), tables_(tables), captures_(captures), side_(side) {}

  // The capture `name` of this side; empty when it did not participate.
  std::string_view Get(Capture name) const {
    if (!captures_.Has(side_, static_cast<int>(name))) return {};
    char buffer[40];
    return match_.Capture(SideCaptureName(side_, name, buffer));
  }

  // Looks `key` up in date_zh_TABLE, then date_en_TABLE (also in lower case),
  // and reads the value as an integer.
  std::optional<int> LookupInt(std::string_view table,
                               std::string_view key) const {
    std::optional<std::string_view> value = Lookup(table, key);
    if (!value || value->empty()) return std::nullopt;
    return ParseInt(*value);
  }

  std::optional<std::string_view> Lookup(std::string_view table,
                                         std::string_view key) const {
    char name[48];
    for (std::string_view language :
         {std::string_view("date_zh_"), std::string_view("date_en_")}) {
      if (language.size() + table.size() > sizeof name) return std::nullopt;
      language.copy(name, language.size());
      table.copy(name + language.size(), table.size());
      const std::string_view table_name(name, language.size() + table.size());
      if (std::optional<std::string_view> value =
              tables_.Lookup(table_name, key))
        return value;
      char lower[64];
      if (key.size() <= sizeof lower) {
        for (std::size_t i = 0; i < key.size(); ++i)
          lower[i] = ToAsciiLower(key[i]);
        if (std::optional<std::string_view> value = tables_.Lookup(
                table_name, std::string_view(lower, key.size()))) {
          return value;
        }
      }
    }
    return std::nullopt;
  }

  static std::optional<int> ParseInt(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      negative = text[0] == '-';
      text.remove_prefix(1);
    }
    if (text.empty() || text.size() > 6) return std::nullopt;
    int value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }

 private:
  const RuleMatch& match_;
  const RuleTables& tables_;
  DateCaptureSet captures_;
  int side_;
};

// A field read from a table (date_zh_TABLE or date_en_TABLE): an offset from
// the reference date or from the previous date, or a value in [min, max].
struct TableField {
  Capture capture;
  std::string_view table;
  FieldBase base;  // kReference, kPrevious or kAbsolute
  int min = 0;     // the values a kAbsolute field may take
  int max = 0;
  PartKind part_kind = PartKind::kNone;  // for a part of a year or month
};

constexpr TableField kYearTables[] = {
    {Capture::kYearRel, "year_offset",
     FieldBase::kReference},  // 去年, last year
    {Capture::kYearFar, "year_far", FieldBase::kReference},      // 大前年
    {Capture::kYearAna, "year_anaphora", FieldBase::kPrevious},  // 同年
};
constexpr TableField kMonthTables[] = {
    {Capture::kMonthRel, "month_offset", FieldBase::kReference},   // 上个月
    {Capture::kMonthAna, "month_anaphora", FieldBase::kPrevious},  // 当月
};
constexpr TableField kPartTables[] = {
    {Capture::kQuarterRel, "quarter_offset", FieldBase::kReference, 0, 0,
     PartKind::kQuarter},  // 上季度
    {Capture::kHalf, "half", FieldBase::kAbsolute, 1, 2, PartKind::kHalf},
    {Capture::kHalfRel, "half_offset", FieldBase::kReference, 0, 0,
     PartKind::kHalf},  // 下半年 of next year
    {Capture::kSeason, "season", FieldBase::kAbsolute, 1, 4, PartKind::kSeason},
    {Capture::kTenDays, "ten_days", FieldBase::kAbsolute, 1, 3,
     PartKind::kMonthPart},  // 上旬, late
};
constexpr TableField kDayTables[] = {
    {Capture::kDayRel, "day_offset", FieldBase::kReference},   // 昨天
    {Capture::kDayAna, "day_anaphora", FieldBase::kPrevious},  // 当天
};
constexpr TableField kWeekTables[] = {
    {Capture::kWeekRel, "week_offset", FieldBase::kReference},  // 下周
};

enum class FieldRead { kAbsent, kRead, kBad };

// Reads the first of `fields` whose capture took part into *field (and its
// entry into *entry): kBad when its table lacks the word or the value is out
// of range, kAbsent when none took part.
template <std::size_t N>
FieldRead ReadTableField(const SideReader& side, const TableField (&fields)[N],
                         DateField* field, const TableField** entry = nullptr) {
  for (const TableField& f : fields) {
    const std::string_view key = side.Get(f.capture);
    if (key.empty()) continue;
    const std::optional<int> value = side.LookupInt(f.table, key);
    if (!value || (f.base == FieldBase::kAbsolute &&
                   (*value < f.min || *value > f.max))) {
      return FieldRead::kBad;
    }
    *field = {f.base, *value};
    if (entry != nullptr) *entry = &f;
    return FieldRead::kRead;
  }
  return FieldRead::kAbsent;
}

// How a year was written, for the checks that keep counts and durations out.
struct YearForm {
  bool stated_number = false;  // a number was read into the year
  int digits = 0;  // digits written one by one; 0 positional (两千零四)
  bool leading_zero = false;  // 08年, 零八年
  bool after_ad = false;      // 公元789年
};

// 1..99 spelled out, from the values of its words (date_en_number_word):
// "eight" {8}, "eighty-four" {80, 4}, "nineteen" {19}. nullopt otherwise.
std::optional<int> SpelledTwoDigits(const int* values, std::size_t count) {
  if (count == 1 && values[0] >= 1 && values[0] <= 90 &&
      (values[0] < 20 || values[0] % 10 == 0)) {
    return values[0];
  }
  if (count == 2 && values[0] >= 20 && values[0] <= 90 && values[0] % 10 == 0 &&
      values[1] >= 1 && values[1] <= 9) {
    return values[0] + values[1];
  }
  return std::nullopt;
}

// A year spelled out (docs/dates.md, "Years"): the century and the year of it
// ("nineteen eighty-four", "twenty twenty", "nineteen oh five"), or thousands
// ("two thousand and eight", "two thousand"). Words are separated by spaces or
// hyphens; "and" is skipped. nullopt for any other sequence.
std::optional<int> ReadYearWords(const SideReader& side,
                                 std::string_view text) {
  constexpr int kOh = 0, kThousand = 1000;
  int values[6];
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '-') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '-') ++end;
    const std::string_view word = text.substr(pos, end - pos);
    pos = end;
    if (word == "and" || word == "And") continue;
    std::optional<int> value = side.LookupInt("number_word", word);
    if (!value || count == std::size(values)) return std::nullopt;
    values[count++] = *value;
  }
  if (count >= 2 && values[1] == kThousand) {
    if (values[0] < 1 || values[0] > 2) return std::nullopt;
    if (count == 2) return values[0] * 1000;
    std::optional<int> rest = SpelledTwoDigits(values + 2, count - 2);
    if (!rest) return std::nullopt;
    return values[0] * 1000 + *rest;
  }
  if (count < 2 || values[0] < 18 || values[0] > 20) return std::nullopt;
  const int century = values[0] * 100;
  if (count == 3 && values[1] == kOh && values[2] >= 1 && values[2] <= 9)
    return century + values[2];
  std::optional<int> rest = SpelledTwoDigits(values + 1, count - 1);
  if (!rest || *rest < 10) return std::nullopt;
  return century + *rest;
}

int ExpandTwoDigitYear(int year) {
  return year < kTwoDigitYearPivot ? 2000 + year : 1900 + year;
}

// The numbers of a numeric date (2017-09-12, 13.5.2015, 3-7-07, 2017.09) into
// *point.
bool ReadNumericDate(const SideReader& side, DatePoint* point) {
  const std::string_view p1 = side.Get(Capture::kP1),
                         p2 = side.Get(Capture::kP2),
                         p3 = side.Get(Capture::kP3);
  const std::string_view s1 = side.Get(Capture::kS1),
                         s2 = side.Get(Capture::kS2);
  if (!s2.empty() && s1 != s2) return false;  // 2017-09/12
  int l1 = 0, l2 = 0, l3 = 0;
  const std::optional<int> n1 = ReadDateNumber(p1, &l1);
  const std::optional<int> n2 = ReadDateNumber(p2, &l2);
  if (!n1 || !n2 || l1 == 0 || l2 == 0 || l2 > 2) return false;
  int year = 0, month = 0, day = 0;
  if (p3.empty()) {  // 2017-09, 2017.09, 2017/9
    if (l1 != 4) return false;
    year = *n1;
    month = *n2;
  } else {
    const std::optional<int> n3 = ReadDateNumber(p3, &l3);
    if (!n3 || l3 == 0) return false;
    auto valid = [](int y, int m, int d) {
      return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
    };
    auto two_digit = [](int y, int length) {
      return length == 2 ? ExpandTwoDigitYear(y) : y;
    };
    const bool dots = s1 == ".";
    if (l1 == 4) {  // 2017-09-12
      year = *n1, month = *n2, day = *n3;
    } else if (l3 ==
               4) {  // 13.5.2015, 10/1/2017: day first; 9/15/2020: month first
      year = *n3, month = *n2, day = *n1;
      if (!valid(year, month, day) && valid(year, *n1, *n2))
        month = *n1, day = *n2;
    } else if (dots || l1 == 3 || l3 == 3) {
      return false;  // 1.2.10 is a version number
    } else if (l1 == 2 &&
               l3 == 2) {  // 12-11-10: year first, else 05/05/89: day first
      if (valid(ExpandTwoDigitYear(*n1), *n2, *n3)) {
        year = ExpandTwoDigitYear(*n1), month = *n2, day = *n3;
      } else {
        year = ExpandTwoDigitYear(*n3), month = *n2, day = *n1;
      }
    } else if (l3 == 2) {  // 3-7-07: day first
      year = two_digit(*n3, l3), month = *n2, day = *n1;
    } else if (l1 == 2) {  // 27-7-3: year first
      year = two_digit(*n1, l1), month = *n2, day = *n3;
    } else {
      return false;
    }
    if (!valid(year, month, day)) return false;
    point->day = DateField::Absolute(day);
  }
  if (month < 1 || month > 12 || year < 1) return false;
  point->year = DateField::Absolute(year);
  point->month = DateField::Absolute(month);
  return true;
}

// Reads one side's captures into *point. False for an invalid value.
bool ReadSide(const SideReader& side, DatePoint* point, YearForm* form) {
  if (!side.Get(Capture::kP1).empty()) return ReadNumericDate(side, point);

  // Year.
  if (std::string_view text = side.Get(Capture::kYear); !text.empty()) {
    int digits = 0;
    std::optional<int> year = ReadDateNumber(text, &digits);
    if (!year) return false;
    form->stated_number = true;
    form->digits = digits;
    form->leading_zero =
        digits == 2 && (text[0] == '0' || text.substr(0, 3) == "零" ||
                        text.substr(0, 3) == "〇");
    form->after_ad = !side.Get(Capture::kAd).empty();
    if (digits == 2) {
      *year = ExpandTwoDigitYear(*year);
      point->two_digit_year = true;
    }
    if (*year < 1) return false;
    point->year = DateField::Absolute(*year);
  } else if (std::string_view words = side.Get(Capture::kYearWords);
             !words.empty()) {
    std::optional<int> year = ReadYearWords(side, words);
    if (!year) return false;
    form->stated_number = true;
    form->digits = 4;  // as "1984": a year alone must lie in the bare range
    point->year = DateField::Absolute(*year);
  } else if (const FieldRead read =
                 ReadTableField(side, kYearTables, &point->year);
             read != FieldRead::kAbsent) {
    if (read == FieldRead::kBad) return false;
  } else if (std::string_view era = side.Get(Capture::kEra); !era.empty()) {
    std::optional<int> first_year = side.LookupInt("era", era);
    int digits = 0;
    std::optional<int> era_year =
        ReadDateNumber(side.Get(Capture::kEraYear), &digits);
    if (!first_year || !era_year || *era_year < 1 || *era_year > 200)
      return false;
    point->year = DateField::Absolute(*first_year + *era_year - 1);
  }
  if (!side.Get(Capture::kFiscal).empty()) point->fiscal = true;

  // Month, or a part of the year.
  if (std::string_view text = side.Get(Capture::kMonth); !text.empty()) {
    int digits = 0;
    std::optional<int> month = ReadDateNumber(text, &digits);
    if (!month || *month < 1 || *month > 12) return false;
    point->month = DateField::Absolute(*month);
  } else if (std::string_view name = side.Get(Capture::kMonthName);
             !name.empty()) {
    std::optional<int> month = side.LookupInt("month_name", name);
    if (!month || *month < 1 || *month > 12) return false;
    point->month = DateField::Absolute(*month);
    if (std::string_view dir = side.Get(Capture::kMonthDir); !dir.empty()) {
      // last March, next March, this March.
      std::optional<int> direction = side.LookupInt("month_direction", dir);
      if (!direction || *direction < -1 || *direction > 1) return false;
      if (*direction == 0) {
        point->year = DateField::Reference(0);
      } else {
        point->month_direction = *direction;
      }
    }
  } else if (const FieldRead read =
                 ReadTableField(side, kMonthTables, &point->month);
             read != FieldRead::kAbsent) {
    if (read == FieldRead::kBad) return false;
  } else if (std::string_view edge = side.Get(Capture::kYearEdge);
             !edge.empty()) {
    std::optional<int> month = side.LookupInt("year_edge", edge);
    if (!month || *month < 1 || *month > 12) return false;
    point->month = DateField::Absolute(*month);
    point->year_edge = true;
  }
  if (std::string_view text = side.Get(Capture::kQuarter); !text.empty()) {
    if (text[0] == 'Q' || text[0] == 'q') text.remove_prefix(1);
    int digits = 0;
    std::optional<int> quarter = ReadDateNumber(text, &digits);
    if (!quarter || *quarter < 1 || *quarter > 4) return false;
    point->part_kind = PartKind::kQuarter;
    point->part = DateField::Absolute(*quarter);
  } else {
    const TableField* entry = nullptr;
    const FieldRead read =
        ReadTableField(side, kPartTables, &point->part, &entry);
    if (read == FieldRead::kBad) return false;
    if (read == FieldRead::kRead) point->part_kind = entry->part_kind;
  }
  // fourth-quarter results: a period that has begun (docs/dates.md).
  point->reported = !side.Get(Capture::kReported).empty() &&
                    (point->part_kind == PartKind::kQuarter ||
                     point->part_kind == PartKind::kHalf) &&
                    point->part.base == FieldBase::kAbsolute;

  // Day.
  if (std::string_view text = side.Get(Capture::kDay); !text.empty()) {
    int digits = 0;
    std::optional<int> day = ReadDateNumber(text, &digits);
    if (!day || *day < 1 || *day > 31) return false;
    point->day = DateField::Absolute(*day);
  } else if (ReadTableField(side, kDayTables, &point->day) == FieldRead::kBad) {
    return false;
  }

  // Tuesday, Nov. 14: the weekday checks the day.
  if (std::string_view check = side.Get(Capture::kWeekdayCheck);
      !check.empty()) {
    std::optional<int> weekday = side.LookupInt("weekday", check);
    if (!weekday || *weekday < 1 || *weekday > 7 || !point->day.stated())
      return false;
    point->weekday_check = *weekday;
  }

  // Weeks and weekdays.
  if (ReadTableField(side, kWeekTables, &point->week) == FieldRead::kBad) {
    return false;
  }
  if (std::string_view text = side.Get(Capture::kWeekday); !text.empty()) {
    std::optional<int> weekday = side.LookupInt("weekday", text);
    if (!weekday || *weekday < 1 || *weekday > kWeekend) return false;
    point->weekday = *weekday;
    if (std::string_view nth = side.Get(Capture::kNth); !nth.empty()) {
      std::optional<int> ordinal = side.LookupInt("weekday_ordinal", nth);
      if (!ordinal || *ordinal == 0 || *ordinal < -1 || *ordinal > 5 ||
          *weekday == kWeekend) {
        return false;
      }
      point->weekday_ordinal = *ordinal;
      // 最后一个周三 alone: in the reference's month.
      if (!point->month.stated()) point->month = DateField::Reference(0);
    } else if (!point->week.stated()) {
      // 周三 alone: around the reference's week, by the date policy.
      point->week = DateField::Reference(0);
      point->bare_weekday = true;
    }
  }
  return true;
}

// The checks that keep counts, durations and impossible days out.
bool ValidSide(const DatePoint& point, const YearForm& form) {
  if (!point.stated()) return false;
  const bool finer_than_year = point.month.stated() || point.day.stated() ||
                               point.part_kind != PartKind::kNone;
  if (form.stated_number && !form.after_ad) {
    // 17年, 两千年 alone could be counts of years; 17年9月, 两千年八月 cannot.
    if (form.digits == 0 && !point.month.stated()) return false;
    if (form.digits == 2 && !form.leading_zero && !point.month.stated() &&
        !point.fiscal) {
      return false;
    }
    if (!finer_than_year && !point.fiscal &&
        (point.year.value < kMinBareYear || point.year.value > kMaxBareYear)) {
      return false;
    }
  }
  // A day that no month has, or that the stated month never has.
  if (point.day.base == FieldBase::kAbsolute &&
      point.month.base == FieldBase::kAbsolute) {
    const int year =
        point.year.base == FieldBase::kAbsolute ? point.year.value : 2000;
    if (point.day.value > DaysInMonth(year, point.month.value)) return false;
  }
  return true;
}

std::optional<DateUnit> ReadUnit(const SideReader& side,
                                 std::string_view text) {
  // unit_short: units read only by rules that name them (季 in 前三季).
  std::optional<std::string_view> unit = side.Lookup("unit", text);
  if (!unit) unit = side.Lookup("unit_short", text);
  if (!unit) return std::nullopt;
  if (*unit == "year") return DateUnit::kYear;
  if (*unit == "half") return DateUnit::kHalf;
  if (*unit == "quarter") return DateUnit::kQuarter;
  if (*unit == "month") return DateUnit::kMonth;
  if (*unit == "week") return DateUnit::kWeek;
  if (*unit == "day") return DateUnit::kDay;
  return std::nullopt;
}

// A count of decades is a count of years, ten per decade, read no finer
// (docs/dates.md, "Offsets" and "Windows"): two decades ago, the past two
// decades. The years count no more than kMaxCount.
void DecadesAsYears(const SideReader& side, std::string_view unit_text,
                    std::optional<int>* count, std::optional<DateUnit>* unit) {
  if (!*count || *unit || side.Lookup("unit", unit_text) != "decade") return;
  *unit = DateUnit::kYear;
  if (**count > kMaxCount / 10) {
    count->reset();
  } else {
    **count *= 10;
  }
}

// A count of units: 3, 三, 十二, twelve (never a digit-by-digit numeral such as
// 二三).
std::optional<int> ReadCount(std::string_view text) {
  int digits = 0;
  std::optional<int> count = ReadDateNumber(text, &digits);
  if (!count || *count < 1 || *count > kMaxCount) return std::nullopt;
  const bool arabic = IsAsciiDigit(text[0]);
  if (!arabic && digits > 1) return std::nullopt;
  if (arabic && text[0] == '0')
    return std::nullopt;  // 07 年以前 is a year, not 7 years
  return count;
}

// How many units of `unit` one `container` unit holds (0 when it is not a
// container of them).
int UnitsPerContainer(DateUnit container, DateUnit unit) {
  if (container == DateUnit::kYear) {
    switch (unit) {
      case DateUnit::kHalf:
        return 2;
      case DateUnit::kQuarter:
        return 4;
      case DateUnit::kMonth:
        return 12;
      case DateUnit::kWeek:
        return 53;
      case DateUnit::kDay:
        return 366;
      case DateUnit::kYear:
        return 0;
    }
  }
  if (container == DateUnit::kMonth) {
    if (unit == DateUnit::kWeek) return 5;
    if (unit == DateUnit::kDay) return 31;
  }
  return 0;
}

// 前三季度, 今年前5个月, 最后4个月, 第三个月: a window in a year or month,
// written as a range of points when the unit is a part of the year.
bool ReadWindow(const SideReader& side, std::string_view kind,
                DateParse* date) {
  std::optional<int> count = ReadCount(side.Get(Capture::kCount));
  const std::string_view unit_text = side.Get(Capture::kUnit);
  std::optional<DateUnit> unit = ReadUnit(side, unit_text);
  DecadesAsYears(side, unit_text, &count, &unit);
  if (!count || !unit) return false;
  DatePoint& container = date->begin;
  WindowKind window;
  if (kind == "past") {
    window = WindowKind::kPast;
  } else if (kind == "future") {
    window = WindowKind::kFuture;
  } else if (kind == "previous") {
    window = WindowKind::kPrevious;
  } else if (kind == "next") {
    window = WindowKind::kNext;
  } else if (kind ==
             "front") {  // 前: the first N of a year, or the N before now
    const bool part_of_year = *unit == DateUnit::kMonth ||
                              *unit == DateUnit::kQuarter ||
                              *unit == DateUnit::kHalf;
    window = container.stated() || part_of_year ? WindowKind::kFirst
                                                : WindowKind::kPrevious;
  } else if (kind == "first") {
    window = WindowKind::kFirst;
  } else if (kind == "last") {
    window = WindowKind::kLast;
  } else if (kind == "nth") {
    window = WindowKind::kNth;
  } else {
    return false;
  }
  const bool inside = window == WindowKind::kFirst ||
                      window == WindowKind::kLast || window == WindowKind::kNth;
  if (!inside) {
    if (container.stated())
      return false;  // 今年近3个月: not a form factx reads
    date->shape = DateShape::kWindow;
    date->window = DateWindow{window, *unit, *count};
    return true;
  }
  // The container: a year (stated or the reference's), or a stated month.
  if (container.day.stated() || container.part_kind != PartKind::kNone ||
      container.week.stated() || container.weekday != 0) {
    return false;
  }
  if (!container.year.stated() && !container.month.stated()) {
    // 第3天, 最后3天 alone: of what is not said.
    if (window != WindowKind::kFirst) return false;
    container.year = DateField::Reference(0);
  }
  const DateUnit container_unit =
      container.month.stated() ? DateUnit::kMonth : DateUnit::kYear;
  const int per_container = UnitsPerContainer(container_unit, *unit);
  if (per_container == 0 || *count > per_container) return false;
  if (container_unit == DateUnit::kYear &&
      (*unit == DateUnit::kMonth || *unit == DateUnit::kQuarter ||
       *unit == DateUnit::kHalf)) {
    // A range of months, quarters or halves of the year.
    int first = 1, last = *count;
    if (window == WindowKind::kLast)
      first = per_container - *count + 1, last = per_container;
    if (window == WindowKind::kNth) first = last = *count;
    auto set = [&](DatePoint* point, int value) {
      if (*unit == DateUnit::kMonth) {
        point->month = DateField::Absolute(value);
      } else {
        point->part_kind =
            *unit == DateUnit::kQuarter ? PartKind::kQuarter : PartKind::kHalf;
        point->part = DateField::Absolute(value);
      }
    };
    if (first != last) {
      date->end = container;
      set(&*date->end, last);
    }
    set(&container, first);
    date->shape = DateShape::kPoint;
    return true;
  }
  date->shape = DateShape::kWindow;
  date->window = DateWindow{window, *unit, *count};
  return true;
}

// 5天前, 三年前, 2 years ago: a point offset from the reference date.
bool ReadAgo(const SideReader& side, DateParse* date) {
  const std::string_view count_text = side.Get(Capture::kCount);
  // "a year ago", "an hour ago": one unit.
  std::optional<int> count = count_text == "a" || count_text == "A" ||
                                     count_text == "an" || count_text == "An"
                                 ? std::optional<int>(1)
                                 : ReadCount(count_text);
  const std::string_view unit_text = side.Get(Capture::kUnit);
  std::optional<DateUnit> unit = ReadUnit(side, unit_text);
  DecadesAsYears(side, unit_text, &count, &unit);
  if (!count || !unit) return false;
  DatePoint& point = date->begin;
  switch (*unit) {
    case DateUnit::kYear:
      point.year = DateField::Reference(-*count);
      break;
    case DateUnit::kMonth:
      point.month = DateField::Reference(-*count);
      break;
    case DateUnit::kWeek:
      point.day = DateField::Reference(-7 * *count);
      break;
    case DateUnit::kDay:
      point.day = DateField::Reference(-*count);
      break;
    case DateUnit::kQuarter:
      point.part_kind = PartKind::kQuarter;
      point.part = DateField::Reference(-*count);
      break;
    case DateUnit::kHalf:
      point.part_kind = PartKind::kHalf;
      point.part = DateField::Reference(-*count);
      break;
  }
  return true;
}

// 上世纪90年代, 19世纪70年代, 九十年代.
bool ReadDecade(const SideReader& side, DateParse* date) {
  int digits = 0;
  std::optional<int> decade =
      ReadDateNumber(side.Get(Capture::kDecade), &digits);
  if (!decade || *decade % 10 != 0 || *decade > 90) return false;
  date->shape = DateShape::kDecade;
  date->decade = *decade;
  if (std::string_view century = side.Get(Capture::kCentury);
      !century.empty()) {
    std::optional<int> number = ReadDateNumber(century, &digits);
    if (!number || *number < 1 || *number > 30) return false;
    date->century = DateField::Absolute((*number - 1) * 100);
  } else if (std::string_view rel = side.Get(Capture::kCenturyRel);
             !rel.empty()) {
    std::optional<int> offset = side.LookupInt("century_offset", rel);
    if (!offset) return false;
    date->century = DateField::Reference(*offset);
  }
  return true;
}

// 农历2015年十月初一, 正月初一, 今年腊月二十三, 大年初一, 大年三十: a date of
// the Chinese calendar (docs/dates.md). The month and day words are read from
// the tables date_zh_lunar_month and date_zh_lunar_day; lunar_date.h resolves
// the result.
bool ReadLunar(const SideReader& side, DateParse* date) {
  LunarParse& lunar = date->lunar;
  if (std::string_view text = side.Get(Capture::kLunarYear); !text.empty()) {
    int digits = 0;
    std::optional<int> year = ReadDateNumber(text, &digits);
    if (!year || (digits != 2 && digits != 4)) return false;
    if (digits == 2) *year = ExpandTwoDigitYear(*year);
    // The table's years; a 大年三十 of 1900 would fall in lunar 1899.
    if (*year < kMinLunarYear || *year > kMaxLunarYear) return false;
    lunar.year = DateField::Absolute(*year);
  } else if (std::string_view rel = side.Get(Capture::kLunarYearRel);
             !rel.empty()) {
    std::optional<int> offset = side.LookupInt("year_offset", rel);
    if (!offset) return false;
    lunar.year = DateField::Reference(*offset);
  }
  if (std::string_view eve = side.Get(Capture::kLunarEve); !eve.empty()) {
    std::optional<int> day = side.LookupInt("lunar_day", eve);
    if (!day || *day < 29) return false;
    lunar.month = 12;
    lunar.day = *day;
    lunar.new_year_eve = true;
  } else {
    if (!side.Get(Capture::kLunarNewYear).empty()) {
      lunar.month = 1;  // 大年初一
    } else {
      std::optional<int> month =
          side.LookupInt("lunar_month", side.Get(Capture::kLunarMonth));
      if (!month || *month < 1 || *month > 12) return false;
      lunar.month = *month;
      lunar.leap_month = !side.Get(Capture::kLunarLeap).empty();
    }
    if (std::string_view text = side.Get(Capture::kLunarDay); !text.empty()) {
      std::optional<int> day = side.LookupInt("lunar_day", text);
      if (!day || *day < 1 || *day > 30) return false;
      lunar.day = *day;
    } else if (lunar.month == 1 && !side.Get(Capture::kLunarNewYear).empty()) {
      return false;  // 大年 alone
    }
  }
  date->shape = DateShape::kLunar;
  return true;
}

// The last bytes of kComparisonWords: a date after any other byte follows none
// of them (their last bytes are a space or of a CJK character, which the ASCII
// lower-casing below leaves alone).
constexpr std::array<bool, 256> kComparisonLastBytes = [] {
  std::array<bool, 256> table{};
  for (std::string_view word : kComparisonWords)
    table[static_cast<unsigned char>(word.back())] = true;
  return table;
}();

bool FollowsComparisonWord(std::string_view text, std::size_t begin) {
  if (begin == 0 ||
      !kComparisonLastBytes[static_cast<unsigned char>(text[begin - 1])]) {
    return false;
  }
  const std::string_view before = text.substr(0, begin);
  for (std::string_view word : kComparisonWords) {
    if (before.size() < word.size()) continue;
    std::string_view tail = before.substr(before.size() - word.size());
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == word[i];
    }
    if (same) return true;
  }
  return false;
}

// A point the date policy places around the reference: a weekday without a
// week, or a month or day without a year; and a quarter or half without a
// year, which a past clause places among those that have begun.
bool NeedsPlacing(const DatePoint& point) {
  return point.bare_weekday || (!point.year.stated() && !point.year_edge &&
                                (point.month.base == FieldBase::kAbsolute ||
                                 point.day.base == FieldBase::kAbsolute ||
                                 ((point.part_kind == PartKind::kQuarter ||
                                   point.part_kind == PartKind::kHalf) &&
                                  point.part.base == FieldBase::kAbsolute)));
}

}  // namespace

DateCaptureIndex::DateCaptureIndex(const RuleEngine& engine) {
  sets_.reserve(engine.size());
  for (std::size_t id = 0; id < engine.size(); ++id) {
    const CompiledRule& rule = engine.rule(id);
    if (rule.spec().kind != RuleKind::kDate) {
      sets_.push_back(DateCaptureSet::All());
      continue;
    }
    DateCaptureSet set;
    for (int side = 0; side < 2; ++side) {
      for (std::size_t name = 0; name < kCaptureNames.size(); ++name) {
        char buffer[40];
        if (rule.GroupsNamed(SideCaptureName(side, static_cast<Capture>(name),
                                             buffer)) != nullptr) {
          set.Add(side, static_cast<int>(name));
        }
      }
    }
    sets_.push_back(set);
  }
}

bool ParseDate(const RuleMatch& match, const RuleTables& tables,
               DateParse* date) {
  return ParseDate(match, tables, DateCaptureSet::All(), TenseCues(tables),
                   date);
}

bool IsDateCaptureName(std::string_view name) {
  for (const std::string_view prefix : kSidePrefixes) {
    if (name.substr(0, prefix.size()) != prefix) continue;
    const std::string_view base = name.substr(prefix.size());
    if (std::find(kCaptureNames.begin(), kCaptureNames.end(), base) !=
        kCaptureNames.end()) {
      return true;
    }
  }
  return false;
}

bool ParseDate(const RuleMatch& match, const RuleTables& tables,
               const DateCaptureSet& captures, const TenseCues& tense_cues,
               DateParse* date) {
  *date = DateParse();
  date->text_begin = match.begin();
  date->text_end = match.end();
  const Document& document = match.document();
  const std::size_t begin = match.begin();
  const std::size_t clause_limit =
      begin > kClauseLookback ? begin - kClauseLookback : 0;
  const std::size_t paragraph_limit =
      begin > kParagraphLookback ? begin - kParagraphLookback : 0;
  // A date's clause ends at a clause end and at a sentence end (a full stop
  // ends no clause of the rule engine's, but does end one for the dates:
  // "Q1 2020 rose. A year earlier" are two).
  date->sentence_begin =
      std::max(clause_limit, document.Begin(Unit::kSentence, begin));
  date->clause_begin =
      std::max(date->sentence_begin, document.Begin(Unit::kClause, begin));
  date->paragraph_begin =
      std::max(paragraph_limit, document.Begin(Unit::kParagraph, begin));
  date->comparison_base = FollowsComparisonWord(match.text(), match.begin());
  const SideReader side(match, tables, captures, /*side=*/0);

  if (!side.Get(Capture::kDecade).empty()) return ReadDecade(side, date);
  if (!side.Get(Capture::kLunarMonth).empty() ||
      !side.Get(Capture::kLunarNewYear).empty()) {
    return ReadLunar(side, date);
  }
  if (std::string_view same = side.Get(Capture::kSamePeriod); !same.empty()) {
    // 去年同期 (-1), and 2019年同期, whose year the side states.
    std::optional<int> years = side.LookupInt("same_period", same);
    YearForm form;
    if (!years || !ReadSide(side, &date->begin, &form)) return false;
    date->shape = DateShape::kSamePeriod;
    date->same_period_years = *years;
    return true;
  }
  if (std::string_view prior = side.Get(Capture::kPriorYear); !prior.empty()) {
    // 上年: the year before the compared one.
    std::optional<int> years = side.LookupInt("prior_year", prior);
    if (!years) return false;
    date->shape = DateShape::kSamePeriod;
    date->whole_year = true;
    date->same_period_years = *years;
    return true;
  }
  if (!side.Get(Capture::kWholeYear).empty()) {
    date->shape = DateShape::kSamePeriod;
    date->whole_year = true;
    return true;
  }
  if (std::string_view plan = side.Get(Capture::kPlan); !plan.empty()) {
    // A five-year plan (十四五): its first year, and the four after it.
    std::optional<int> first = side.LookupInt("five_year_plan", plan);
    if (!first || *first < kMinBareYear || *first + 4 > kMaxBareYear)
      return false;
    date->begin.year = DateField::Absolute(*first);
    DatePoint end;
    end.year = DateField::Absolute(*first + 4);
    date->end = end;
    return true;
  }

  YearForm form;
  if (!ReadSide(side, &date->begin, &form)) return false;
  date->news_day = date->begin.day.base == FieldBase::kReference ||
                   (date->begin.weekday >= 1 && date->begin.weekday <= 7 &&
                    !date->begin.year.stated() && !date->begin.month.stated());
  if (std::string_view kind = side.Get(Capture::kWindow); !kind.empty()) {
    if (date->begin.stated() && !ValidSide(date->begin, form)) return false;
    std::optional<std::string_view> value = side.Lookup("window", kind);
    return value && ReadWindow(side, *value, date);
  }
  if (!side.Get(Capture::kAgo).empty()) {
    if (date->begin.stated()) return false;
    return ReadAgo(side, date);
  }
  if (!ValidSide(date->begin, form)) return false;
  if (NeedsPlacing(date->begin)) {
    date->tense = ReadTense(document, match.begin(), match.end(), tense_cues);
  }

  const SideReader to_side(match, tables, captures, /*side=*/1);
  if (!to_side.Get(Capture::kNow).empty()) {
    date->end_is_reference = true;
    return true;
  }
  DatePoint end;
  YearForm end_form;
  if (!ReadSide(to_side, &end, &end_form)) return false;
  if (end.stated()) {
    // The end of 17年9月至19年2月 may name its year with two digits like the
    // begin; a bare year range (2021-2035) needs both ends in the bare-year
    // range.
    if (!ValidSide(end, end_form)) return false;
    date->end = end;
  }
  return true;
}

}  // namespace factx::internal
