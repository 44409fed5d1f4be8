// Dates, through the whole extractor with the built-in rules
// (lib/rules/{en,zh}/date.rules, lib/rules/zh/durations.rules,
// lib/dates/date_parse.cc, lib/dates/date_resolver.cc; docs/dates.md).
//
// Each case is checked in several contexts (text before and after it), with and
// without a reference date, asserting the exact span and the description of the
// value (fact_description.h: "2020-01..2020-04 relative", "unresolved
// relative"). Anaphora (同年, 次年, 当月, 去年同期) are checked on whole
// documents; a table of near-misses (durations, names, clock times, money,
// codes) must give no date at all; every cut of every case must end cleanly.
#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dates/date_parse.h"
#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "facts/fact_description.h"
#include "factx/extractor.h"
#include "factx/facts.h"
#include "test_support.h"
#include "text/text_normalizer.h"

namespace factx {
namespace {

using test_support::BuiltInExtractor;

// The reference date of every table below unless a case says otherwise: a
// Wednesday.
constexpr CivilDate kReference{2020, 5, 6};

std::vector<DateExpr> DatesIn(std::string_view text,
                              std::optional<CivilDate> reference,
                              unsigned kinds = kAllFacts) {
  ExtractOptions options;
  options.kinds = kinds;
  options.reference_date = reference;
  Extraction facts;
  Status status = BuiltInExtractor().Extract(text, options, &facts);
  EXPECT_TRUE(status.ok()) << status.ToString() << " for " << text;
  return facts.dates;
}

std::string Show(std::string_view text, const std::vector<DateExpr>& found) {
  std::string out;
  for (const DateExpr& d : found) {
    out += "\n    " + std::string(BuiltInExtractor().rule_name(d.rule)) +
           ": \"" + std::string(d.span.Slice(text)) +
           "\" = " + internal::Describe(d);
  }
  return out.empty() ? "\n    (none)" : out;
}

struct DateCase {
  const char* text;         // a phrase holding exactly one date
  const char* span;         // the date's text in `text`
  const char* description;  // with the reference date 2020-05-06
};

struct Context {
  const char* before;
  const char* after;
};

const Context kChineseContexts[] = {
    {"", ""},
    {"据国家统计局消息，", "，规模以上工业增加值同比增长3.9%。"},
    {"他说：“", "的数据还不完整。”"},
    {"（", "）"},
    {"第一段。\n", "\n第二段。"},
};

const Context kEnglishContexts[] = {
    {"", ""},
    {"According to the report, ", ", output rose 3.9%."},
    {"(", ")"},
};

// Checks that `text` in each context gives exactly one date, at `span`,
// described as `description`.
void ExpectInContexts(const DateCase& c, const Context* contexts,
                      std::size_t count, std::optional<CivilDate> reference,
                      const std::string& description) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text =
        std::string(contexts[i].before) + c.text + contexts[i].after;
    const std::vector<DateExpr> found = DatesIn(text, reference);
    ASSERT_EQ(found.size(), 1u)
        << "in \"" << text << "\":" << Show(text, found);
    const std::string_view span = found[0].span.Slice(text);
    EXPECT_EQ(span, c.span) << "in \"" << text << "\"";
    EXPECT_EQ(internal::Describe(found[0]), description)
        << "in \"" << text << "\"";
    const std::size_t expected_begin = std::string(contexts[i].before).size() +
                                       std::string_view(c.text).find(c.span);
    EXPECT_EQ(found[0].span.begin, expected_begin) << "in \"" << text << "\"";
  }
}

// ---- Absolute dates: the same with and without a reference date
// ---------------------------

const DateCase kAbsoluteChinese[] = {
    {"2017年", "2017年", "2017"},
    {"2017年9月", "2017年9月", "2017-09"},
    {"2017年9月12日", "2017年9月12日", "2017-09-12"},
    {"2017年9月12号", "2017年9月12号", "2017-09-12"},
    {"二〇一七年九月", "二〇一七年九月", "2017-09"},
    {"二零一七年九月十二日", "二零一七年九月十二日", "2017-09-12"},
    {"一九九八年", "一九九八年", "1998"},
    {"２０１７年９月", "２０１７年９月", "2017-09"},
    {"17年9月", "17年9月", "2017-09"},
    {"08年", "08年", "2008"},
    {"零八年", "零八年", "2008"},
    {"2008 年", "2008 年", "2008"},
    {"2018年 12月", "2018年 12月", "2018-12"},
    {"2017-09-12", "2017-09-12", "2017-09-12"},
    {"2017/9/12", "2017/9/12", "2017-09-12"},
    {"2017.09.12", "2017.09.12", "2017-09-12"},
    {"2017.09", "2017.09", "2017-09"},
    {"13.5.2015", "13.5.2015", "2015-05-13"},
    {"2020年度报告", "2020年度", "2020"},
    {"2020年全年", "2020年全年", "2020"},
    {"2019年9月下旬", "2019年9月下旬", "2019-09-21..2019-09-30 late"},
    {"2019年12月初", "2019年12月初", "2019-12-01..2019-12-10 early"},
    {"2019年末", "2019年末", "2019-12"},
    {"2020年一季度", "2020年一季度", "2020-Q1"},
    {"2020年第三季度", "2020年第三季度", "2020-Q3"},
    {"2020年Q3", "2020年Q3", "2020-Q3"},
    {"2019年上半年", "2019年上半年", "2019-H1"},
    {"2019年下半年", "2019年下半年", "2019-H2"},
    {"2019年前三季度", "2019年前三季度", "2019-Q1..2019-Q3"},
    {"2019年前4个月", "2019年前4个月", "2019-01..2019-04"},
    {"2019年1-8月", "2019年1-8月", "2019-01..2019-08"},
    {"2019年1至8月份", "2019年1至8月份", "2019-01..2019-08"},
    {"2021—2035", "2021—2035", "2021..2035"},
    {"2021-2035年", "2021-2035年", "2021..2035"},
    {"2021年至2035年", "2021年至2035年", "2021..2035"},
    {"2019年12月至2020年3月", "2019年12月至2020年3月", "2019-12..2020-03"},
    {"2019年9月12日至15日", "2019年9月12日至15日", "2019-09-12..2019-09-15"},
    {"2019年12月28日至1月3日", "2019年12月28日至1月3日",
     "2019-12-28..2020-01-03"},
    {"2019年9月12-15日", "2019年9月12-15日", "2019-09-12..2019-09-15"},
    {"2015年和2018年之间", "2015年和2018年之间", "2015..2018"},
    {"2020财年", "2020财年", "2020 fiscal"},
    {"民国三年", "民国三年", "1914"},
    {"十九世纪七十年代", "十九世纪七十年代", "1870..1879"},
    {"二零零四年八月十五", "二零零四年八月十五", "2004-08-15"},
    {"2020年5月6日（星期三）", "2020年5月6日（星期三）", "2020-05-06"},
};

const DateCase kAbsoluteEnglish[] = {
    {"September 2017", "September 2017", "2017-09"},
    {"Sept. 12, 2017", "Sept. 12, 2017", "2017-09-12"},
    {"12 September 2017", "12 September 2017", "2017-09-12"},
    {"sales in 2017", "in 2017", "2017"},
    {"H1 2020", "H1 2020", "2020-H1"},
    {"Q3 2020", "Q3 2020", "2020-Q3"},
    {"the third quarter of 2019", "third quarter of 2019", "2019-Q3"},
    {"FY2020", "FY2020", "2020 fiscal"},
    {"fiscal 2019", "fiscal 2019", "2019 fiscal"},
    {"from March to May 2020", "March to May 2020", "2020-03..2020-05"},
    {"between 2019 and 2021", "between 2019 and 2021", "2019..2021"},
    // A year before the part it names, and a day with its weekday.
    {"the 2015 third quarter", "2015 third quarter", "2015-Q3"},
    {"the first half of 2017", "first half of 2017", "2017-H1"},
    {"its 2018 second-half sales", "2018 second-half", "2018-H2"},
    {"Tuesday, Nov. 14, 2017", "Tuesday, Nov. 14, 2017", "2017-11-14"},
    // A year that modifies a noun of events or periods.
    {"before the 2008 crisis", "2008", "2008"},
    {"Athens hosted the 2004 games", "2004", "2004"},
    {"in its 2019 annual report", "2019", "2019"},
    // Years spelled out.
    {"born in nineteen eighty-four", "nineteen eighty-four", "1984"},
    {"a bid for twenty twenty-eight", "twenty twenty-eight", "2028"},
    {"the class of twenty twenty", "twenty twenty", "2020"},
    {"by nineteen oh five", "nineteen oh five", "1905"},
    {"Nineteen Eighty-Four", "Nineteen Eighty-Four", "1984"},
    {"founded in two thousand and eight", "in two thousand and eight", "2008"},
    {"since two thousand", "since two thousand", "2000"},
};

TEST(DateTest, ReadsAbsoluteChineseDatesInContextWithAndWithoutReference) {
  for (const DateCase& c : kAbsoluteChinese) {
    ExpectInContexts(c, kChineseContexts, std::size(kChineseContexts),
                     kReference, c.description);
    ExpectInContexts(c, kChineseContexts, std::size(kChineseContexts),
                     std::nullopt, c.description);
  }
}

TEST(DateTest, ReadsAbsoluteEnglishDatesInContextWithAndWithoutReference) {
  for (const DateCase& c : kAbsoluteEnglish) {
    ExpectInContexts(c, kEnglishContexts, std::size(kEnglishContexts),
                     kReference, c.description);
    ExpectInContexts(c, kEnglishContexts, std::size(kEnglishContexts),
                     std::nullopt, c.description);
  }
}

// ---- Relative dates: resolved with the reference date, unresolved without
// ------------------

const DateCase kRelativeChinese[] = {
    {"今年", "今年", "2020 relative"},
    {"去年", "去年", "2019 relative"},
    {"前年", "前年", "2018 relative"},
    {"明年", "明年", "2021 relative"},
    {"上年", "上年", "2019 relative"},
    {"本月", "本月", "2020-05 relative"},
    {"上月", "上月", "2020-04 relative"},
    {"上个月", "上个月", "2020-04 relative"},
    {"下月", "下月", "2020-06 relative"},
    {"今年3月", "今年3月", "2020-03 relative"},
    {"去年底", "去年底", "2019-12 relative"},
    {"年初", "年初", "2020-01 relative"},
    {"年底", "年底", "2020-12 relative"},
    {"昨天", "昨天", "2020-05-05 relative"},
    {"前天", "前天", "2020-05-04 relative"},
    {"上周三", "上周三", "2020-04-29 relative"},
    {"周五", "周五", "2020-05-08 relative"},
    {"上周", "上周", "2020-04-27..2020-05-03 relative"},
    {"本周末", "本周末", "2020-05-09..2020-05-10 relative"},
    {"9月", "9月", "2020-09 relative"},
    {"9月份", "9月份", "2020-09 relative"},
    {"12日", "12日", "2020-05-12 relative"},
    {"9月12日", "9月12日", "2020-09-12 relative"},
    {"9月上旬", "9月上旬", "2020-09-01..2020-09-10 early relative"},
    {"5月中旬", "5月中旬", "2020-05-11..2020-05-20 mid relative"},
    {"9月底", "9月底", "2020-09-21..2020-09-30 late relative"},
    {"月底", "月底", "2020-05-21..2020-05-31 late relative"},
    {"一季度", "一季度", "2020-Q1 relative"},
    {"第三季度", "第三季度", "2020-Q3 relative"},
    {"三季度", "三季度", "2020-Q3 relative"},
    {"Q3", "Q3", "2020-Q3 relative"},
    {"上季度", "上季度", "2020-Q1 relative"},
    {"前三季度", "前三季度", "2020-Q1..2020-Q3 relative"},
    {"上半年", "上半年", "2020-H1 relative"},
    {"下半年", "下半年", "2020-H2 relative"},
    {"全年", "全年", "2020 relative"},
    {"今年前5个月", "今年前5个月", "2020-01..2020-05 relative"},
    {"1-8月", "1-8月", "2020-01..2020-08 relative"},
    {"一至三月", "一至三月", "2020-01..2020-03 relative"},
    {"今年1月至4月", "今年1月至4月", "2020-01..2020-04 relative"},
    {"1月至4月", "1月至4月", "2020-01..2020-04 relative"},
    {"9月12日至15日", "9月12日至15日", "2020-09-12..2020-09-15 relative"},
    {"去年同期", "去年同期", "2019 relative"},
    {"近三年", "近三年", "2017-05-07..2020-05-06 relative"},
    {"近5年来", "近5年来", "2015-05-07..2020-05-06 relative"},
    {"未来两天", "未来两天", "2020-05-07..2020-05-08 relative"},
    {"上2个月", "上2个月", "2020-03..2020-04 relative"},
    {"三年前", "三年前", "2017 relative"},
    {"5天前", "5天前", "2020-05-01 relative"},
    {"2015年至今", "2015年至今", "2015..2020 relative"},
    {"上世纪90年代", "上世纪90年代", "1990..1999 relative"},
    {"今年夏天", "今年夏天", "2020-06..2020-08 relative"},
    {"四月的最后一个星期一", "四月的最后一个星期一", "2020-04-27 relative"},
    {"元月", "元月", "2020-01 relative"},
    // Taiwan's papers: the day of the news with its number in brackets.
    {"昨（5）日", "昨（5）日", "2020-05-05 relative"},
    {"今(6)日", "今(6)日", "2020-05-06 relative"},
};

const DateCase kRelativeEnglish[] = {
    {"last year", "last year", "2019 relative"},
    {"this month", "this month", "2020-05 relative"},
    {"yesterday", "yesterday", "2020-05-05 relative"},
    {"last Monday", "last Monday", "2020-04-27 relative"},
    {"next week", "next week", "2020-05-11..2020-05-17 relative"},
    {"first-quarter profit", "first-quarter", "2020-Q1 relative"},
    {"the first half of this year", "first half of this year",
     "2020-H1 relative"},
    {"March 5", "March 5", "2020-03-05 relative"},
    {"over the past three years", "the past three years",
     "2017-05-07..2020-05-06 relative"},
    {"two years ago", "two years ago", "2018 relative"},
    // Relative modifiers stay with their date: one fact each.
    {"Shares fell last March", "last March", "2020-03 relative"},
    {"the plant shut last May", "last May", "2019-05 relative"},
    {"It will open next March", "next March", "2021-03 relative"},
    {"Talks resume this July", "this July", "2020-07 relative"},
    {"in July last year", "July last year", "2019-07 relative"},
    {"exports in February this year", "February this year", "2020-02 relative"},
    {"on March 5 last year", "March 5 last year", "2019-03-05 relative"},
    {"in November of next year", "November of next year", "2021-11 relative"},
    {"the third quarter of the current year",
     "third quarter of the current year", "2020-Q3 relative"},
    // Relative expressions that are dates.
    {"the current year", "the current year", "2020 relative"},
    {"sales recover by year-end", "year-end", "2020-12 relative"},
    {"at the year's end", "year's end", "2020-12 relative"},
    {"by the end of the year", "end of the year", "2020-12 relative"},
    {"at the beginning of the year", "beginning of the year",
     "2020-01 relative"},
    {"over the past two decades", "the past two decades",
     "2000-05-07..2020-05-06 relative"},
    {"over the next two years", "the next two years",
     "2020-05-07..2022-05-06 relative"},
    {"three months ago", "three months ago", "2020-02 relative"},
    {"two decades ago", "two decades ago", "2000 relative"},
    {"a decade ago", "a decade ago", "2010 relative"},
    {"a month ago", "a month ago", "2020-04 relative"},
    {"two weeks ago", "two weeks ago", "2020-04-22 relative"},
    {"10 days ago", "10 days ago", "2020-04-26 relative"},
    // Results are reported for a period that has begun: the latest such.
    {"third-quarter results", "third-quarter", "2019-Q3 relative"},
    {"second-half profit", "second-half", "2019-H2 relative"},
    {"Q2 earnings", "Q2", "2020-Q2 relative"},
    {"third-quarter growth", "third-quarter", "2020-Q3 relative"},
};

TEST(DateTest, ResolvesRelativeChineseDatesAgainstTheReference) {
  for (const DateCase& c : kRelativeChinese) {
    ExpectInContexts(c, kChineseContexts, std::size(kChineseContexts),
                     kReference, c.description);
  }
}

TEST(DateTest, ResolvesRelativeEnglishDatesAgainstTheReference) {
  for (const DateCase& c : kRelativeEnglish) {
    ExpectInContexts(c, kEnglishContexts, std::size(kEnglishContexts),
                     kReference, c.description);
  }
}

// The description of a relative date without a reference: unresolved, but
// still naming its part of the month (9月下旬: late).
std::string UnresolvedDescription(std::string_view resolved) {
  for (std::string_view part : {" early ", " mid ", " late "}) {
    if (resolved.find(part) != std::string_view::npos) {
      return "unresolved" + std::string(part) + "relative";
    }
  }
  return "unresolved relative";
}

TEST(DateTest, LeavesRelativeDatesUnresolvedWithoutReference) {
  for (const DateCase& c : kRelativeChinese) {
    ExpectInContexts(c, kChineseContexts, std::size(kChineseContexts),
                     std::nullopt, UnresolvedDescription(c.description));
  }
  for (const DateCase& c : kRelativeEnglish) {
    ExpectInContexts(c, kEnglishContexts, std::size(kEnglishContexts),
                     std::nullopt, UnresolvedDescription(c.description));
  }
}

// Without a reference date, an unresolved date holds what the text states: year
// 0 where it states none.
TEST(DateTest, UnresolvedDatesKeepWhatTheTextStates) {
  struct Stated {
    const char* text;
    CalendarPoint begin;
    std::optional<CalendarPoint> end;
  };
  const Stated cases[] = {
      {"今年3月", {0, 3, 0, 0, Grain::kMonth}, std::nullopt},
      {"9月12日至15日",
       {0, 9, 12, 0, Grain::kDay},
       CalendarPoint{0, 9, 15, 0, Grain::kDay}},
      {"三季度", {0, 0, 0, 3, Grain::kQuarter}, std::nullopt},
      {"12日", {0, 0, 12, 0, Grain::kDay}, std::nullopt},
      {"9月下旬", {0, 9, 0, 0, Grain::kMonth}, std::nullopt},
      // The end lends its year, and nothing states the month (found by the
      // fuzzer, whose check now asks real days of resolved dates only).
      {"1日至2025年",
       {2025, 0, 1, 0, Grain::kDay},
       CalendarPoint{2025, 0, 0, 0, Grain::kYear}},
  };
  for (const Stated& c : cases) {
    const std::vector<DateExpr> found = DatesIn(c.text, std::nullopt);
    ASSERT_EQ(found.size(), 1u) << c.text << Show(c.text, found);
    EXPECT_FALSE(found[0].resolved) << c.text;
    EXPECT_TRUE(found[0].relative) << c.text;
    EXPECT_EQ(found[0].begin, c.begin)
        << c.text << ": " << found[0].begin.ToIso8601();
    EXPECT_EQ(found[0].end.has_value(), c.end.has_value()) << c.text;
    if (c.end && found[0].end) {
      EXPECT_EQ(*found[0].end, *c.end) << c.text;
    }
  }
  // Unresolved, 9月下旬 still says which part of the month it is.
  const std::vector<DateExpr> late = DatesIn("9月下旬", std::nullopt);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].part, MonthPart::kLate);
}

// ---- The resolver's policies, with other reference dates
// ------------------------------------

struct PolicyCase {
  const char* text;
  CivilDate reference;
  const char* description;  // of the only date in `text`
};

const PolicyCase kPolicies[] = {
    // A day the reference's month lacks moves back to the latest month that has
    // it.
    {"29日", {2018, 2, 22}, "2018-01-29 relative"},
    {"31日", {2020, 4, 15}, "2020-03-31 relative"},
    // A day alone is the nearest such day.
    {"28日", {2021, 3, 2}, "2021-02-28 relative"},
    {"3日", {2021, 2, 27}, "2021-03-03 relative"},
    // 2月29日 outside a leap year: the nearest leap year's, or in the past the
    // latest.
    {"2月29日", {2019, 3, 22}, "2020-02-29 relative"},
    {"2月29日", {2020, 1, 22}, "2020-02-29 relative"},
    {"2月29日-3月1日", {2019, 9, 18}, "2016-02-29..2016-03-01 relative"},
    // Offsets cross year ends.
    {"上月", {2020, 1, 15}, "2019-12 relative"},
    {"上季度", {2020, 2, 1}, "2019-Q4 relative"},
    {"下个半年", {2020, 8, 1}, "2021-H1 relative"},
    {"上2个月", {2020, 1, 10}, "2019-11..2019-12 relative"},
    // Range ends roll forward when they would come before the begin.
    {"8月至2月", {2020, 5, 6}, "2020-08..2021-02 relative"},
    {"12月28日至1月3日", {2020, 5, 6}, "2020-12-28..2021-01-03 relative"},
    {"10月和5月间", {2018, 9, 18}, "2018-10..2019-05 relative"},
    {"December to February 2021", {2020, 5, 6}, "2020-12..2021-02"},
    // Weeks run Monday to Sunday.
    {"上周一", {2017, 3, 22}, "2017-03-13 relative"},
    {"这个星期一", {2017, 3, 22}, "2017-03-20 relative"},
    {"下下周日", {2024, 11, 15}, "2024-12-01 relative"},
    {"上上个週三", {2024, 11, 15}, "2024-10-30 relative"},
    // A decade without a century: the latest that has begun.
    {"九十年代", {2017, 3, 22}, "1990..1999 relative"},
    {"20年代", {2017, 3, 22}, "1920..1929 relative"},
    {"20年代", {2023, 3, 22}, "2020..2029 relative"},
    // Windows inside a year.
    {"2021年的第一周", {2020, 5, 6}, "2021-01-01..2021-01-07"},
    {"今年的最后3周", {2019, 11, 29}, "2019-12-11..2019-12-31 relative"},
    {"2021 年的最后 4 个月", {2020, 5, 6}, "2021-09..2021-12"},
    {"明年第九个月", {2021, 11, 29}, "2022-09 relative"},
};

// Where a weekday, month-day, month or day without a year lands
// (ExtractOptions::date_policy; docs/dates.md, "Where a date without a year
// lands"), written on Monday 2020-01-06. Thursday is nearer ahead (01-09) than
// behind (01-02), Friday nearer behind (01-03) than ahead (01-10), so each
// case tells the cue's direction from the nearest.
struct PlacementCase {
  const char* text;
  DatePolicy policy;
  const char* span;
  const char* description;
};

constexpr CivilDate kMonday{2020, 1, 6};

const PlacementCase kPlacements[] = {
    // The news reading: the clause's tense, else the nearest.
    {"Shares closed Friday at $48.20.", DatePolicy::kNews, "Friday",
     "2020-01-03 relative"},
    {"The company will report results Friday.", DatePolicy::kNews, "Friday",
     "2020-01-10 relative"},
    {"公司股价周五收盘上涨。", DatePolicy::kNews, "周五",
     "2020-01-03 relative"},
    {"公司将于周五公布业绩。", DatePolicy::kNews, "周五",
     "2020-01-10 relative"},
    {"Freed on Nov. 21, the hostages returned home.", DatePolicy::kNews,
     "Nov. 21", "2019-11-21 relative"},
    {"Shares closed Thursday.", DatePolicy::kNews, "Thursday",
     "2020-01-02 relative"},
    {"Stocks rose Thursday.", DatePolicy::kNews, "Thursday",
     "2020-01-02 relative"},
    {"公司周四收盘上涨。", DatePolicy::kNews, "周四", "2020-01-02 relative"},
    {"公司周四已经公布了业绩。", DatePolicy::kNews, "周四",
     "2020-01-02 relative"},
    {"Results are due Friday.", DatePolicy::kNews, "Friday",
     "2020-01-10 relative"},
    {"The vote will be held Friday.", DatePolicy::kNews, "Friday",
     "2020-01-10 relative"},
    {"The company said Friday it will cut jobs.", DatePolicy::kNews, "Friday",
     "2020-01-03 relative"},
    {"公司计划11月上市。", DatePolicy::kNews, "11月", "2020-11 relative"},
    {"公司3月已完成重组。", DatePolicy::kNews, "3月", "2019-03 relative"},
    {"20日已公布。", DatePolicy::kNews, "20日", "2019-12-20 relative"},
    {"已于2月29日公布。", DatePolicy::kNews, "2月29日", "2016-02-29 relative"},
    // Near misses: words that hold a cue but are none leave the nearest.
    {"周四了解到的情况", DatePolicy::kNews, "周四", "2020-01-09 relative"},
    {"周五将近一半门店", DatePolicy::kNews, "周五", "2020-01-03 relative"},
    {"A hundred stores open Thursday.", DatePolicy::kNews, "Thursday",
     "2020-01-09 relative"},
    {"United opens Thursday.", DatePolicy::kNews, "Thursday",
     "2020-01-09 relative"},
    // No cue: the nearest.
    {"Earnings Thursday.", DatePolicy::kNews, "Thursday",
     "2020-01-09 relative"},
    {"11月的数据", DatePolicy::kNews, "11月", "2019-11 relative"},
    {"3月的数据", DatePolicy::kNews, "3月", "2020-03 relative"},
    {"20日的数据", DatePolicy::kNews, "20日", "2020-01-20 relative"},
    // 年底 is this year's end, whatever the tense.
    {"年底已完成", DatePolicy::kNews, "年底", "2020-12 relative"},
    // A range stays in the reference's year and week.
    {"1-8月已完成", DatePolicy::kNews, "1-8月", "2020-01..2020-08 relative"},
    // The other policies ignore the tense.
    {"The company will report results Friday.", DatePolicy::kPast, "Friday",
     "2020-01-03 relative"},
    {"Shares closed Friday.", DatePolicy::kFuture, "Friday",
     "2020-01-10 relative"},
    {"Shares closed Thursday.", DatePolicy::kNearest, "Thursday",
     "2020-01-09 relative"},
    {"11月的数据", DatePolicy::kFuture, "11月", "2020-11 relative"},
    {"3月的数据", DatePolicy::kPast, "3月", "2019-03 relative"},
    {"Monday", DatePolicy::kPast, "Monday", "2020-01-06 relative"},
    {"Monday", DatePolicy::kFuture, "Monday", "2020-01-06 relative"},
    // Reported speech: "would" is the future of the saying, and in news of the
    // article's date; "said" nearer the date keeps it in the past.
    {"Acme said it would report results Friday.", DatePolicy::kNews, "Friday",
     "2020-01-10 relative"},
    {"Acme said Friday it would report results.", DatePolicy::kNews, "Friday",
     "2020-01-03 relative"},
    {"Analysts said the bank would cut rates on Nov. 21.", DatePolicy::kNews,
     "Nov. 21", "2020-11-21 relative"},
    // A quarter or half without a year: in a past clause (or kPast) the latest
    // that has begun; else the reference's year.
    {"Net profit rose in the fourth quarter.", DatePolicy::kNews,
     "fourth quarter", "2019-Q4 relative"},
    {"Sales fell in the second half.", DatePolicy::kNews, "second half",
     "2019-H2 relative"},
    {"Sales fell in the first half.", DatePolicy::kNews, "first half",
     "2020-H1 relative"},
    {"四季度GDP增长了6.5%。", DatePolicy::kNews, "四季度", "2019-Q4 relative"},
    {"四季度将加快增长。", DatePolicy::kNews, "四季度", "2020-Q4 relative"},
    {"四季度的数据", DatePolicy::kNews, "四季度", "2020-Q4 relative"},
    {"Growth in the fourth quarter.", DatePolicy::kPast, "fourth quarter",
     "2019-Q4 relative"},
    {"Profit rose in the fourth quarter.", DatePolicy::kFuture,
     "fourth quarter", "2020-Q4 relative"},
    // last / next place the month by their own word, whatever the policy:
    // strictly before or after the reference's month.
    {"Shares fell last March.", DatePolicy::kNews, "last March",
     "2019-03 relative"},
    {"Shares fell last January.", DatePolicy::kFuture, "last January",
     "2019-01 relative"},
    {"It opens next January.", DatePolicy::kPast, "next January",
     "2021-01 relative"},
    {"It opened last December.", DatePolicy::kNews, "last December",
     "2019-12 relative"},
    // A weekday before a day names its year (2020-11-14 is a Saturday); one
    // that fits none of the years around the reference is ignored.
    {"Freed on Saturday, Nov. 14, the hostages returned home.",
     DatePolicy::kNews, "Saturday, Nov. 14", "2020-11-14 relative"},
    {"Freed on Monday, Nov. 14, the hostages returned home.", DatePolicy::kNews,
     "Monday, Nov. 14", "2019-11-14 relative"},
    {"Freed on Nov. 14, the hostages returned home.", DatePolicy::kNews,
     "Nov. 14", "2019-11-14 relative"},
    // A closing price is of a session that is over; what markets bet on is
    // still to come.
    {"Holders get a premium of 18% to Friday's closing price.",
     DatePolicy::kNews, "Friday", "2020-01-03 relative"},
    {"Traders pushed back bets on a rate cut to June.", DatePolicy::kNews,
     "June", "2020-06 relative"},
};

TEST(DateTest, PlacesDatesWithoutAYearByTheClauseTenseAndThePolicy) {
  for (const PlacementCase& c : kPlacements) {
    ExtractOptions options;
    options.reference_date = kMonday;
    options.date_policy = c.policy;
    Extraction facts;
    ASSERT_TRUE(BuiltInExtractor().Extract(c.text, options, &facts).ok());
    ASSERT_EQ(facts.dates.size(), 1u) << c.text << Show(c.text, facts.dates);
    EXPECT_EQ(facts.dates[0].span.Slice(c.text), c.span) << c.text;
    EXPECT_EQ(internal::Describe(facts.dates[0]), c.description) << c.text;
  }
}

TEST(DateTest, AppliesTheResolverPolicies) {
  for (const PolicyCase& c : kPolicies) {
    const std::vector<DateExpr> found = DatesIn(c.text, c.reference);
    ASSERT_EQ(found.size(), 1u) << c.text << Show(c.text, found);
    EXPECT_EQ(internal::Describe(found[0]), c.description) << c.text;
    EXPECT_EQ(found[0].span.Slice(c.text), c.text);
  }
}

// ---- Anaphora and the clause rule of 去年同期
// -----------------------------------------------

struct DocumentCase {
  const char* text;
  std::optional<CivilDate> reference;
  // "span = description" of every date, in text order.
  std::vector<std::string> dates;
};

const DocumentCase kDocuments[] = {
    {"2019年10月，公司成立；同年12月完成融资。",
     kReference,
     {"2019年10月 = 2019-10", "同年12月 = 2019-12 relative"}},
    {"2018年3月签约，当月完成付款，次年投产。",
     kReference,
     {"2018年3月 = 2018-03", "当月 = 2018-03 relative",
      "次年 = 2019 relative"}},
    {"2020年3月2日签约，次日生效。",
     std::nullopt,
     {"2020年3月2日 = 2020-03-02", "次日 = 2020-03-03 relative"}},
    // Anaphora need no reference date, only an earlier date.
    {"2019年10月成立，同年12月上市。",
     std::nullopt,
     {"2019年10月 = 2019-10", "同年12月 = 2019-12 relative"}},
    {"同年12月上市。", kReference, {"同年12月 = unresolved relative"}},
    // 去年同期: the period compared earlier in the same clause, a year before.
    {"今年一季度营收10亿元，去年同期为8亿元。",
     kReference,
     {"今年一季度 = 2020-Q1 relative", "去年同期 = 2019-Q1 relative"}},
    {"今年前5个月销量增长5%，比去年同期多2万辆。",
     kReference,
     {"今年前5个月 = 2020-01..2020-05 relative",
      "去年同期 = 2019-01..2019-05 relative"}},
    {"2019年9月12日开幕，上年同期则在9月5日。",
     kReference,
     {"2019年9月12日 = 2019-09-12", "上年同期 = 2018-09-12 relative",
      "9月5日 = 2018-09-05 relative"}},
    // Farther on, a comparison lends no year: the month is the reported one's.
    {"Output grew 4.9% in the third quarter from a year earlier, while retail "
     "sales rose 5.5% in September.",
     CivilDate{2020, 10, 15},
     {"third quarter = 2020-Q3 relative", "a year earlier = 2019-Q3 relative",
      "September = 2020-09 relative"}},
    {"一季度增长5%，增速比上年同期高1.2个百分点，其中3月份增长6%。",
     kReference,
     {"一季度 = 2020-Q1 relative", "上年同期 = 2019-Q1 relative",
      "3月份 = 2020-03 relative"}},
    // After ；the items of one report run on: the same sentence, the same
    // compared period. In another sentence, 去年同期 is the previous year.
    {"今年前5个月销量增长5%；去年同期下降3%。",
     kReference,
     {"今年前5个月 = 2020-01..2020-05 relative",
      "去年同期 = 2019-01..2019-05 relative"}},
    {"今年前5个月销量增长5%。去年同期下降3%。",
     kReference,
     {"今年前5个月 = 2020-01..2020-05 relative", "去年同期 = 2019 relative"}},
    // A comparison base (较3月) and the day of the news (今日, on Monday) are
    // not the period that 去年同期 compares with.
    {"2019年4月销量较3月减少4%，较去年同期增加8%。",
     kReference,
     {"2019年4月 = 2019-04", "3月 = 2019-03 relative",
      "去年同期 = 2018-04 relative"}},
    {"今年一季度营收今日公布，较去年同期增长5%。",
     kReference,
     {"今年一季度 = 2020-Q1 relative", "今日 = 2020-05-06 relative",
      "去年同期 = 2019-Q1 relative"}},
    // A day word before a sector's stocks or a company is the day, not a
    // name (明日科技 is one: kNotDates).
    {"今日科技股大涨。", kReference, {"今日 = 2020-05-06 relative"}},
    {"今日公司股价上涨。", kReference, {"今日 = 2020-05-06 relative"}},
    {"Second-quarter sales rose 4% on Monday from a year earlier.",
     kReference,
     {"Second-quarter = 2020-Q2 relative", "Monday = 2020-05-04 relative",
      "a year earlier = 2019-Q2 relative"}},
    // 全年 and 上年 take the year reported earlier in the paragraph, even in
    // another sentence; not across a line break.
    {"2019年出口增长5%。全年进口下降2%，比上年少3亿元。",
     kReference,
     {"2019年 = 2019", "全年 = 2019 relative", "上年 = 2018 relative"}},
    {"2019年出口增长5%。\n全年进口下降2%。",
     kReference,
     {"2019年 = 2019", "全年 = 2020 relative"}},
    // 比上月 counts from the month the sentence reports on.
    {"3月末贷款余额增长8%，比上月末低0.5个百分点。",
     kReference,
     {"3月末 = 2020-03-21..2020-03-31 late relative",
      "上月末 = 2020-02-21..2020-02-29 late relative"}},
    {"CPI上涨2%，比上月回落0.3个百分点。",
     kReference,
     {"上月 = 2020-04 relative"}},
    {"2019年四季度增长6%，全年增长6.1%。",
     kReference,
     {"2019年四季度 = 2019-Q4", "全年 = 2019 relative"}},
    // 上年 and 2019年同期 count from the compared period too.
    {"2019年营收增长8%，比上年增加2亿元。",
     kReference,
     {"2019年 = 2019", "上年 = 2018 relative"}},
    {"比上年增长5%。", kReference, {"上年 = 2019 relative"}},
    {"今年1-2月增长35%，比2019年同期增长17%。",
     kReference,
     {"今年1-2月 = 2020-01..2020-02 relative",
      "2019年同期 = 2019-01..2019-02 relative"}},
    // A date that states no year takes the year of the date before it in the
    // same clause (a day alone, its month too); in another clause, the
    // reference's.
    {"2019年上半年亏损2亿元，下半年扭亏为盈。",
     kReference,
     {"2019年上半年 = 2019-H1", "下半年 = 2019-H2 relative"}},
    {"2019年9月12日开幕，15日闭幕。",
     kReference,
     {"2019年9月12日 = 2019-09-12", "15日 = 2019-09-15 relative"}},
    {"2019年上半年亏损2亿元。下半年扭亏为盈。",
     kReference,
     {"2019年上半年 = 2019-H1", "下半年 = 2020-H2 relative"}},
    {"上月CPI上涨1.5%，比11月回落0.8个百分点。",
     CivilDate{2022, 1, 10},
     {"上月 = 2021-12 relative", "11月 = 2021-11 relative"}},
    {"Revenue in Q1 2020 rose 5% from a year earlier.",
     kReference,
     {"Q1 2020 = 2020-Q1", "a year earlier = 2019-Q1 relative"}},
    // ". " and a capital letter end an English sentence, unless an
    // abbreviation ends before it (Corp., Nov.).
    {"It opened 10 days ago. A year ago, it had no stores.",
     kReference,
     {"10 days ago = 2020-04-26 relative", "A year ago = 2019 relative"}},
    {"Revenue in Q1 2020 rose at Acme Corp. A year earlier it fell.",
     kReference,
     {"Q1 2020 = 2020-Q1", "A year earlier = 2019-Q1 relative"}},
    {"Output in the first half of 2013 was weak. February was worse.",
     CivilDate{2020, 1, 6},
     {"first half of 2013 = 2013-H1", "February = 2019-02 relative"}},
    // Written in January, fourth-quarter results are last year's.
    {"Acme will report fourth-quarter results Friday.",
     CivilDate{2020, 1, 6},
     {"fourth-quarter = 2019-Q4 relative", "Friday = 2020-01-10 relative"}},
    {"Acme said on Monday it would report fourth-quarter results.",
     CivilDate{2020, 1, 6},
     {"Monday = 2020-01-06 relative", "fourth-quarter = 2019-Q4 relative"}},
    // A later month of the clause lends no year that would put results after
    // the reference, nor one that the weekday of a day contradicts.
    {"A recovery is due next March, and the board will meet Thursday, "
     "Sept. 23, to review first-half results.",
     CivilDate{2021, 9, 15},
     {"next March = 2022-03 relative",
      "Thursday, Sept. 23 = 2021-09-23 relative",
      "first-half = 2021-H1 relative"}},
    {"A recovery is due next March, and in the second half prices will rise.",
     CivilDate{2021, 9, 15},
     {"next March = 2022-03 relative", "second half = 2022-H2 relative"}},
    {"Growth will slow in the fourth quarter.",
     CivilDate{2020, 1, 6},
     {"fourth quarter = 2020-Q4 relative"}},
    // Lists of years: one fact each.
    {"It lost money in both 2010 and 2011.",
     kReference,
     {"2010 = 2010", "2011 = 2011"}},
    {"Prices rose in 2017, 2018 and 2019.",
     kReference,
     {"in 2017 = 2017", "2018 = 2018", "2019 = 2019"}},
    {"It lost money in 2016, 2017, 2018 and 2019.",
     kReference,
     {"in 2016 = 2016", "2017 = 2017", "2018 = 2018", "2019 = 2019"}},
    {"in 2014, 2015, 2016, 2017, 2018 and 2019",
     kReference,
     {"in 2014 = 2014", "2015 = 2015", "2016 = 2016", "2017 = 2017",
      "2018 = 2018", "2019 = 2019"}},
    // A year after "the end of the year" is the year's own.
    {"by the end of the year 2021",
     kReference,
     {"end of the year 2021 = 2021-12"}},
    {"profit fell in either 2019 or 2020",
     kReference,
     {"2019 = 2019", "2020 = 2020"}},
    // A capitalized day word is a date at the start of a sentence, and a
    // lower-case one after "called".
    {"Tomorrow, the board will vote.",
     kReference,
     {"Tomorrow = 2020-05-07 relative"}},
    {"He called yesterday.", kReference, {"yesterday = 2020-05-05 relative"}},
    // The day of the news lends no year to a later month of its sentence: the
    // month is placed by the policy (the nearest December).
    {"Prices rose in January, the department said on Tuesday, down from 3.4% "
     "in December.",
     CivilDate{2024, 2, 14},
     {"January = 2024-01 relative", "Tuesday = 2024-02-13 relative",
      "December = 2023-12 relative"}},
    // A month's full name before a full stop ends the sentence (unlike the
    // abbreviation Nov.): July takes nothing from June.
    {"Traders bet on a cut in June. The Fed has held rates since July.",
     CivilDate{2024, 2, 14},
     {"June = 2024-06 relative", "July = 2023-07 relative"}},
    // A bond's maturity year after due.
    {"It sold 5.25% notes due 2029 and 5.6% notes due 2034.",
     kReference,
     {"due 2029 = 2029", "due 2034 = 2034"}},
};

TEST(DateTest, ResolvesAnaphoraAndTheSamePeriodFromEarlierDates) {
  for (const DocumentCase& c : kDocuments) {
    const std::vector<DateExpr> found = DatesIn(c.text, c.reference);
    std::vector<std::string> got;
    for (const DateExpr& d : found) {
      got.push_back(std::string(d.span.Slice(c.text)) + " = " +
                    internal::Describe(d));
    }
    EXPECT_EQ(got, c.dates) << c.text << Show(c.text, found);
  }
}

// ---- Not dates
// ------------------------------------------------------------------------------

const char* const kNotDates[] = {
    // Durations.
    "项目周期为12个月",
    "5年来营收翻番",
    "三年间增长一倍",
    "用三年时间完成改造",
    "30日内完成整改",
    "耗时5天",
    "已有1500年历史",
    "发展了17年",
    "两千年的文明",
    // Names, codes, clock times, numbers.
    "双11成交额创新高",
    "双十一期间",
    "618大促期间销量大增",
    "5G基站建设提速",
    "10:30开盘",
    "下午3点召开会议",
    "10点30分",
    "联系电话888-000-9999",
    "联系电话010-12345678",
    "服务器地址192.168.255.255",
    "升级到1.2.10版本",
    "股票代码600519",
    "12号线",
    "3号楼",
    "30日均线",
    "7日年化收益率为2.1%",
    "10年期国债收益率",
    "1年期LPR",
    "兑换3日元",
    // Money and percentages whose digits could look like years.
    "近3000万元",
    "营收2019.12亿元",
    "增长2020.01%",
    "售价2000-2100元",
    "指数收于2019.05点",
    // Recurring and vague times.
    "每周三例会",
    "一周三次",
    "每年3月",
    "每年年底",
    "每月底",
    "本周期",
    "近日",
    "日前",
    "最近",
    "近期",
    "同比增长",
    // Invalid calendar days.
    "2019年2月29日",
    "2月30日",
    "13月",
    "2035-2021",
    // Chinese-calendar forms that name no day of the calendar (docs/dates.md).
    "初一",
    "大年",
    "过大年",
    "农历",
    "农历2024年腊月三十",
    "农历2021年闰四月初一",
    "农历1899年正月初一",
    "农历2101年正月初一",
    "十二正月初一",
    // Date words that end or begin other words.
    "如今年轻人消费观念变化",
    "数据表明年轻群体占比提高",
    "目前年产能达50万吨",
    "项目投产后年产值可达20亿元",
    "此前年均增长8%",
    "未来年均增速",
    "不同年龄段",
    "本次年会在北京召开",
    "线上年货节",
    // Names that hold date words.
    "今日头条",
    "《明日之后》",
    "明日科技股价上涨",
    "明日科技发布年报",
    // Relative words without a day to count from.
    "提前3天完成",
    "上市第3天",
    // English near-misses.
    "Sales may fall.",
    "model Q7 sedan",
    "a rise of 2017%",
    // Years: counts, numbers and lists that are no dates.
    "the 2008 employees of the plant",
    "the 2010 shares it sold",
    "at No. 2008 Main Street",
    "the 2004 gamesmanship",
    "sold 2010 and 2011 units",
    "two thousand and eight people",
    "twenty-twenty vision",
    "nineteen hundred people",
    "nineteen eighty-four-year-olds",
    "two decades of growth",
    "a year-end bonus",
    "the year-end bonus",
    "the end of the yearly cycle",
    "at the end of the Year of the Dragon",
    "in the middle of the year",
    "a mid-year review",
    "two decades of experience",
    "over the past 200 decades",
    "it ran for three years",
    "In Beijing, 2018 and 2019 were good.",
    // Titles.
    "a magazine called This Month",
    "the programme Tomorrow airs at 9 p.m.",
    "a show named “Yesterday”",
    "he hosts “Today” on weekdays",
    "the last Marchant deal",
};

TEST(DateTest, FindsNoDateInNearMisses) {
  for (const char* text : kNotDates) {
    for (std::optional<CivilDate> reference :
         {std::optional<CivilDate>(kReference), std::optional<CivilDate>()}) {
      const std::vector<DateExpr> found = DatesIn(text, reference);
      EXPECT_TRUE(found.empty())
          << "in \"" << text << "\":" << Show(text, found);
      // The same with only dates asked for, so that no money rule hides a date.
      const std::vector<DateExpr> dates_only = DatesIn(text, reference, kDate);
      EXPECT_TRUE(dates_only.empty())
          << "in \"" << text << "\":" << Show(text, dates_only);
    }
  }
}

// A date next to money keeps its own span and leaves the money alone.
TEST(DateTest, LeavesMoneyToTheMoneyRules) {
  const std::string text = "2020年近3000万元资金到位，2019年营收2019万元。";
  ExtractOptions options;
  options.reference_date = kReference;
  Extraction facts;
  ASSERT_TRUE(BuiltInExtractor().Extract(text, options, &facts).ok());
  ASSERT_EQ(facts.dates.size(), 2u) << Show(text, facts.dates);
  EXPECT_EQ(facts.dates[0].span.Slice(text), "2020年");
  EXPECT_EQ(facts.dates[1].span.Slice(text), "2019年");
  ASSERT_EQ(facts.money.size(), 2u);
  EXPECT_EQ(facts.money[0].span.Slice(text), "近3000万元");
  EXPECT_EQ(facts.money[1].span.Slice(text), "2019万元");
}

// ---- Chinese-calendar (lunar) dates
// ----------------------------------------------------------

struct LunarCase {
  const char* text;  // a phrase holding exactly one date
  const char* span;
  CivilDate reference;
  const char* description;
};

// Converted to Gregorian days; a month is the range of its days. Without a
// year, the occurrence nearest the reference date.
const LunarCase kLunarDates[] = {
    {"农历2015年十月初一举行", "农历2015年十月初一", kReference, "2015-11-12"},
    {"2015年农历十月初一", "2015年农历十月初一", kReference, "2015-11-12"},
    {"农历二〇二〇年闰四月初一", "农历二〇二〇年闰四月初一", kReference,
     "2020-05-23"},
    {"阴历2023年闰二月初一", "阴历2023年闰二月初一", kReference, "2023-03-22"},
    {"农历2015年十月", "农历2015年十月", kReference, "2015-11-12..2015-12-10"},
    {"旧历2023年腊月三十", "旧历2023年腊月三十", kReference, "2024-02-09"},
    {"2024年正月初一", "2024年正月初一", kReference, "2024-02-10"},
    {"中秋即农历2024年八月十五", "农历2024年八月十五", kReference,
     "2024-09-17"},
    {"2015年五月初五", "2015年五月初五", kReference, "2015-06-20"},
    {"2024年大年三十", "2024年大年三十", kReference, "2024-02-09"},
    {"2025年大年三十", "2025年大年三十", kReference, "2025-01-28"},
    {"2025年大年二十九", "2025年大年二十九", kReference, "2025-01-28"},
    {"2021年大年初一", "2021年大年初一", kReference, "2021-02-12"},
    // Without a year: the nearest occurrence.
    {"正月初一", "正月初一", {2024, 2, 1}, "2024-02-10 relative"},
    {"腊月二十三祭灶", "腊月二十三", {2024, 2, 1}, "2024-02-02 relative"},
    {"腊月廿三", "腊月廿三", {2024, 2, 1}, "2024-02-02 relative"},
    {"大年初一", "大年初一", {2024, 2, 1}, "2024-02-10 relative"},
    {"大年三十", "大年三十", {2024, 12, 20}, "2025-01-28 relative"},
    {"农历八月十五", "农历八月十五", {2023, 9, 1}, "2023-09-29 relative"},
    {"农历八月十五", "农历八月十五", {2024, 1, 5}, "2023-09-29 relative"},
    {"农历八月十五", "农历八月十五", {2024, 4, 5}, "2024-09-17 relative"},
    {"正月十五", "正月十五", {2020, 5, 6}, "2020-02-08 relative"},
    {"三月初三", "三月初三", {2020, 5, 6}, "2020-03-26 relative"},
    {"农历十月", "农历十月", {2024, 2, 1}, "2023-11-13..2023-12-12 relative"},
    {"农历闰四月初五", "农历闰四月初五", {2020, 5, 6}, "2020-05-27 relative"},
    // 今年, 明年, 去年: the reference's Gregorian year.
    {"今年正月十五", "今年正月十五", {2020, 5, 6}, "2020-02-08 relative"},
    {"明年正月初八", "明年正月初八", {2020, 5, 6}, "2021-02-19 relative"},
    {"去年腊月二十三", "去年腊月二十三", {2024, 3, 1}, "2024-02-02 relative"},
};

TEST(DateTest, ConvertsChineseCalendarDates) {
  for (const LunarCase& c : kLunarDates) {
    const DateCase as_date{c.text, c.span, c.description};
    ExpectInContexts(as_date, kChineseContexts, std::size(kChineseContexts),
                     c.reference, c.description);
  }
}

TEST(DateTest, LeavesYearlessChineseCalendarDatesUnresolvedWithoutReference) {
  struct Case {
    const char* text;
    const char* description;
  };
  const Case cases[] = {
      {"正月初一", "unresolved relative"},
      {"大年三十", "unresolved relative"},
      {"今年腊月二十三", "unresolved relative"},
      {"农历十月", "unresolved relative"},
  };
  for (const Case& c : cases) {
    const DateCase as_date{c.text, c.text, c.description};
    ExpectInContexts(as_date, kChineseContexts, std::size(kChineseContexts),
                     std::nullopt, c.description);
  }
  // A stated year needs no reference.
  const DateCase absolute{"农历2015年十月初一", "农历2015年十月初一",
                          "2015-11-12"};
  ExpectInContexts(absolute, kChineseContexts, std::size(kChineseContexts),
                   std::nullopt, "2015-11-12");
}

// A year-less day 30 in a month that has 29 where the month is nearest (腊月
// of lunar 2024) gives no date: not the 三十 of another year.
TEST(DateTest, DropsAYearlessDayThirtyTheNearestMonthLacks) {
  const std::vector<DateExpr> found =
      DatesIn("腊月三十", CivilDate{2025, 1, 10});
  EXPECT_TRUE(found.empty()) << Show("腊月三十", found);
  // The eve itself is the month's last day.
  const std::vector<DateExpr> eve = DatesIn("大年三十", CivilDate{2025, 1, 10});
  ASSERT_EQ(eve.size(), 1u) << Show("大年三十", eve);
  EXPECT_EQ(internal::Describe(eve[0]), "2025-01-28 relative");
}

// No Gregorian rule reads the month inside a lunar date, also when the date
// does not convert.
TEST(DateTest, ReadsNoGregorianMonthInsideChineseCalendarDates) {
  for (const char* text :
       {"三月初一", "农历2024年腊月三十", "2015年十月初一", "农历三月"}) {
    for (const DateExpr& date : DatesIn(text, kReference)) {
      const std::string rule(BuiltInExtractor().rule_name(date.rule));
      EXPECT_EQ(rule.rfind("date.zh.lunar", 0), 0u)
          << "in \"" << text << "\":" << Show(text, {date});
    }
  }
}

// ---- ParseDate on its own
// --------------------------------------------------------------------

// The built-in rules compiled, with their DateCaptureIndex and TenseCues,
// built once.
struct DateEngine {
  std::unique_ptr<internal::RuleEngine> engine;
  std::unique_ptr<internal::DateCaptureIndex> index;
  std::unique_ptr<internal::TenseCues> tense_cues;
  std::unique_ptr<internal::TextNormalizer> normalizer;
};

const DateEngine& BuiltInDateEngine() {
  static const DateEngine* const built = [] {
    auto* out = new DateEngine();
    internal::RuleSet rules;
    for (const internal::BuiltinRuleFile& file : internal::BuiltinRuleFiles()) {
      const Status status =
          internal::ParseRuleText(file.text, file.path, &rules);
      EXPECT_TRUE(status.ok()) << status.ToString();
    }
    Result<std::unique_ptr<internal::RuleEngine>> engine =
        internal::RuleEngine::Build(std::move(rules));
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    if (engine.ok()) out->engine = std::move(engine).value();
    if (out->engine != nullptr) {
      out->index = std::make_unique<internal::DateCaptureIndex>(*out->engine);
      out->tense_cues =
          std::make_unique<internal::TenseCues>(out->engine->tables());
    }
    Result<internal::TextNormalizer> normalizer =
        internal::TextNormalizer::Create();
    EXPECT_TRUE(normalizer.ok()) << normalizer.status().ToString();
    if (normalizer.ok()) {
      out->normalizer = std::make_unique<internal::TextNormalizer>(
          std::move(normalizer).value());
    }
    return out;
  }();
  return *built;
}

bool SameField(const internal::DateField& a, const internal::DateField& b) {
  return a.base == b.base && a.value == b.value;
}

bool SamePoint(const internal::DatePoint& a, const internal::DatePoint& b) {
  return SameField(a.year, b.year) && SameField(a.month, b.month) &&
         SameField(a.day, b.day) && a.part_kind == b.part_kind &&
         SameField(a.part, b.part) && SameField(a.week, b.week) &&
         a.weekday == b.weekday && a.weekday_ordinal == b.weekday_ordinal &&
         a.fiscal == b.fiscal && a.two_digit_year == b.two_digit_year;
}

bool SameParse(const internal::DateParse& a, const internal::DateParse& b) {
  return a.shape == b.shape && SamePoint(a.begin, b.begin) &&
         a.end.has_value() == b.end.has_value() &&
         (!a.end || SamePoint(*a.end, *b.end)) &&
         a.end_is_reference == b.end_is_reference &&
         a.window.kind == b.window.kind && a.window.unit == b.window.unit &&
         a.window.count == b.window.count && a.decade == b.decade &&
         SameField(a.century, b.century) &&
         a.same_period_years == b.same_period_years &&
         a.whole_year == b.whole_year && a.text_begin == b.text_begin &&
         a.text_end == b.text_end && a.clause_begin == b.clause_begin &&
         a.sentence_begin == b.sentence_begin &&
         a.paragraph_begin == b.paragraph_begin &&
         a.comparison_base == b.comparison_base && a.news_day == b.news_day &&
         SameField(a.lunar.year, b.lunar.year) &&
         a.lunar.month == b.lunar.month &&
         a.lunar.leap_month == b.lunar.leap_month &&
         a.lunar.day == b.lunar.day &&
         a.lunar.new_year_eve == b.lunar.new_year_eve;
}

struct ParsedCandidate {
  std::string matched;  // the candidate's normalized text
  bool valid = false;   // what ParseDate returned
  internal::DateParse date;
};

// Every date candidate of `original` (normalized first when `normalize`; the
// rule engine also runs on raw text, which keeps ！ and ？ that normalization
// turns into ! and ?), parsed. Checks on the way that ParseDate gives the same
// with the rule's DateCaptureSet as when it asks for every capture name.
std::vector<ParsedCandidate> ParseCandidates(const std::string& original,
                                             std::string* normalized_text,
                                             bool normalize = true) {
  const DateEngine& built = BuiltInDateEngine();
  std::vector<ParsedCandidate> out;
  if (built.engine == nullptr || built.normalizer == nullptr) return out;
  *normalized_text = original;
  if (normalize) {
    internal::NormalizedText normalized;
    const Status status = built.normalizer->Normalize(
        original, /*replace_invalid_utf8=*/true, &normalized);
    EXPECT_TRUE(status.ok()) << status.ToString();
    *normalized_text = std::string(normalized.text());
  }
  const std::string_view text = *normalized_text;
  internal::RuleScratch scratch;
  const internal::RuleEngine& engine = *built.engine;
  const internal::Document document(text);
  engine.FindCandidates(document,
                        1u << static_cast<unsigned>(internal::RuleKind::kDate),
                        &scratch);
  const internal::RuleTables tables = engine.tables();
  for (const internal::Candidate& candidate : scratch.candidates) {
    if (engine.rule(candidate.rule).spec().kind != internal::RuleKind::kDate)
      continue;
    const internal::RuleMatch match =
        engine.MatchOf(document, candidate, scratch);
    ParsedCandidate parsed;
    parsed.matched = std::string(match.matched());
    parsed.valid = internal::ParseDate(match, tables, &parsed.date);
    internal::DateParse indexed;
    const bool indexed_valid =
        internal::ParseDate(match, tables, built.index->ForRule(candidate.rule),
                            *built.tense_cues, &indexed);
    EXPECT_EQ(indexed_valid, parsed.valid)
        << "\"" << parsed.matched << "\" in \"" << original << "\"";
    if (parsed.valid && indexed_valid) {
      EXPECT_TRUE(SameParse(indexed, parsed.date))
          << "\"" << parsed.matched << "\" in \"" << original << "\"";
    }
    out.push_back(std::move(parsed));
  }
  return out;
}

TEST(ParseDateTest, CaptureIndexGivesTheSameParseAsAskingForEveryName) {
  std::vector<std::string> texts;
  for (const DateCase& c : kAbsoluteChinese) texts.push_back(c.text);
  for (const DateCase& c : kAbsoluteEnglish) texts.push_back(c.text);
  for (const DateCase& c : kRelativeChinese) texts.push_back(c.text);
  for (const DateCase& c : kRelativeEnglish) texts.push_back(c.text);
  for (const PolicyCase& c : kPolicies) texts.push_back(c.text);
  for (const DocumentCase& c : kDocuments) texts.push_back(c.text);
  for (const LunarCase& c : kLunarDates) texts.push_back(c.text);
  for (const char* text : kNotDates) texts.push_back(text);
  std::size_t candidates = 0;
  for (const std::string& text : texts) {
    std::string normalized;
    candidates += ParseCandidates(text, &normalized).size();
  }
  // Sanity: the tables above reach the parser; the comparison ran on each.
  EXPECT_GT(candidates, texts.size() / 2);
}

// Stated numbers that make a date, and numbers no calendar has: the fast path
// for ASCII digits and the Chinese numerals give the same fields.
TEST(ParseDateTest, ReadsYearMonthDayNumbersAndRejectsImpossibleDays) {
  struct NumberCase {
    const char* text;
    bool valid;
    int year, month, day;  // when valid: the absolute fields (0: absent)
  };
  const NumberCase cases[] = {
      {"2024年2月29日", true, 2024, 2, 29},
      {"二〇二〇年二月二十九日", true, 2020, 2, 29},
      {"二零二四年十二月三十一日", true, 2024, 12, 31},
      {"２０２２年１１月３０日", true, 2022, 11, 30},  // full width, normalized
      {"1999年09月09日", true, 1999, 9, 9},
      {"2023-04-30", true, 2023, 4, 30},
      {"2023年2月29日", false, 0, 0, 0},  // not a leap year
      {"2022年4月31日", false, 0, 0, 0},
      {"二〇二一年六月三十一日", false, 0, 0, 0},
      {"2023-02-30", false, 0, 0, 0},
  };
  for (const NumberCase& c : cases) {
    std::string normalized;
    const std::vector<ParsedCandidate> parsed =
        ParseCandidates(c.text, &normalized);
    bool any_valid = false;
    for (const ParsedCandidate& p : parsed) {
      if (!p.valid || p.matched != normalized) continue;
      any_valid = true;
      EXPECT_EQ(p.date.begin.year.value, c.year) << c.text;
      EXPECT_EQ(p.date.begin.month.value, c.month) << c.text;
      EXPECT_EQ(p.date.begin.day.value, c.day) << c.text;
    }
    EXPECT_EQ(any_valid, c.valid) << c.text;
  }
}

// The definition of the clause, sentence and paragraph starts, written plainly
// (one byte at a time), to check ParseDate's reading of the Document against
// (the texts below hold no full stop and no text break).
std::size_t PlainStart(std::string_view text, std::size_t begin,
                       std::size_t lookback,
                       std::initializer_list<std::string_view> ends) {
  const std::size_t limit = begin > lookback ? begin - lookback : 0;
  for (std::size_t i = begin; i > limit; --i) {
    for (std::string_view end : ends) {
      if (i >= end.size() && text.substr(i - end.size(), end.size()) == end)
        return i;
    }
  }
  return limit;
}

void ExpectPlainStartsOf(std::string_view text,
                         const internal::DateParse& date) {
  const std::size_t begin = date.text_begin;
  EXPECT_EQ(date.clause_begin,
            PlainStart(text, begin, 512,
                       {"\n", "\r", "!", "?", ";", "。", "；", "！", "？"}))
      << "date at " << begin;
  EXPECT_EQ(
      date.sentence_begin,
      PlainStart(text, begin, 512, {"\n", "\r", "!", "?", "。", "！", "？"}))
      << "date at " << begin;
  EXPECT_EQ(date.paragraph_begin, PlainStart(text, begin, 2048, {"\n", "\r"}))
      << "date at " << begin;
}

// Checks the starts of every valid date of `original`, normalized and raw.
void ExpectPlainStarts(const std::string& original) {
  for (bool normalize : {true, false}) {
    SCOPED_TRACE(normalize ? "normalized" : "raw");
    std::string text;
    const std::vector<ParsedCandidate> parsed =
        ParseCandidates(original, &text, normalize);
    std::size_t valid = 0;
    for (const ParsedCandidate& p : parsed) {
      if (!p.valid) continue;
      ++valid;
      ExpectPlainStartsOf(text, p.date);
    }
    EXPECT_GT(valid, 0u) << "no valid date";
  }
}

TEST(ParseDateTest, FindsClauseSentenceAndParagraphStarts) {
  // Short texts: each kind of end, and the text start.
  for (const char* text :
       {"2020年3月", "。2020年3月", "营收增长；2020年3月", "好！2020年3月",
        "真的？2020年3月", "a!2020年3月", "b?2020年3月", "c;2020年3月",
        "第一段\n2020年3月", "第一段\r\n2020年3月", "第一段。\n同比，2020年3月",
        "上年增长。今年一季度；去年同期下降"}) {
    SCOPED_TRACE(text);
    ExpectPlainStarts(text);
  }
  // The lookback limits (512 and 2048 bytes): each end at every distance
  // around them, also cut by the limit, after filler whose characters end in
  // the same bytes as the wide ends (丁 E4 B8 81, 丂 E4 B8 82, 丛 E4 B8 9B,
  // 丟 E4 B8 9F).
  const std::string filler = "丁丂丛丟的 ";
  for (const char* end : {"。", "；", "！", "？", "\n", "\r", "!", "?", ";"}) {
    for (std::size_t distance :
         {0,   1,   2,    3,    500,  509,  510,  511,  512,  513,
          514, 515, 1000, 2045, 2046, 2047, 2048, 2049, 2050, 3000}) {
      std::string text = "开头。";
      text += end;
      std::string gap;
      while (gap.size() + filler.size() <= distance) gap += filler;
      gap.append(distance - gap.size(), ' ');
      text += gap + "2020年3月";
      SCOPED_TRACE(std::string("end ") + end + " at distance " +
                   std::to_string(distance));
      ExpectPlainStarts(text);
    }
  }
  // Several line breaks between the two limits: the nearest one counts.
  std::string text = "开头";
  for (int i = 0; i < 6; ++i) text += "\n" + std::string(300, 'x') + "\r";
  text += std::string(600, ' ') + "2020年3月";
  ExpectPlainStarts(text);
}

// ---- Robustness
// ------------------------------------------------------------------------------

// Every cut of every case (also inside a UTF-8 sequence) gives OK or
// kInvalidUtf8, and every span is in bounds and on code point boundaries.
TEST(DateTest, EveryCutOfEveryCaseEndsCleanly) {
  std::vector<std::string> texts;
  for (const DateCase& c : kAbsoluteChinese)
    texts.push_back(std::string("据统计，") + c.text + "。");
  for (const DateCase& c : kRelativeChinese) texts.push_back(c.text);
  for (const DocumentCase& c : kDocuments) texts.push_back(c.text);
  for (const LunarCase& c : kLunarDates) texts.push_back(c.text);
  ExtractOptions options;
  options.reference_date = kReference;
  test_support::ExpectEveryCutEndsCleanly(texts, options);
}

// A long run of dates, ranges and anaphora: every one comes out, in text order.
TEST(DateTest, HandlesLongDocuments) {
  std::string text;
  for (int i = 0; i < 500; ++i)
    text += "2019年12月至2020年3月，同年5月，去年同期，近三年；";
  const std::vector<DateExpr> found = DatesIn(text, kReference);
  ASSERT_EQ(found.size(), 2000u);
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_LT(found[i - 1].span.begin, found[i].span.begin);
  }
  EXPECT_EQ(internal::Describe(found[1]), "2020-05 relative");  // 同年5月
  EXPECT_EQ(internal::Describe(found[2]),
            "2019-05 relative");  // 去年同期 of 同年5月
}

}  // namespace
}  // namespace factx
