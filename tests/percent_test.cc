// Percentages and percentage points, through the whole extractor with the
// built-in rules (lib/rules/{en,zh}/percent.rules,
// lib/facts/percent_builder.cc; docs/percent.md).
//
// Each case is checked in several contexts (text before and after it),
// asserting the exact byte span, the value, the upper bound, the unit, the
// qualifier and the rule. A table of near-misses must give no percentage at
// all, and every cut of every case must end cleanly.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"
#include "factx/facts.h"
#include "test_support.h"
#include "text/utf8.h"

namespace factx {
namespace {

using test_support::BuiltInExtractor;

std::vector<Percentage> PercentagesIn(std::string_view text) {
  return test_support::BuiltInFacts(text, kPercentage).percentages;
}

std::string Show(std::string_view text, const std::vector<Percentage>& found) {
  std::string out;
  for (const Percentage& p : found) {
    out += "\n    " + std::string(BuiltInExtractor().rule_name(p.rule)) +
           ": \"" + std::string(p.span.Slice(text)) + "\" " +
           p.value.ToString() + (p.upper ? ".." + p.upper->ToString() : "") +
           " " + std::string(PercentUnitName(p.unit)) + " " +
           std::string(QualifierName(p.qualifier));
  }
  return out.empty() ? "\n    (none)" : out;
}

constexpr PercentUnit kPct = PercentUnit::kPercent;
constexpr PercentUnit kPp = PercentUnit::kPercentagePoint;
constexpr Qualifier kExact = Qualifier::kExact;
constexpr Qualifier kApprox = Qualifier::kApprox;
constexpr Qualifier kOver = Qualifier::kOver;
constexpr Qualifier kUnder = Qualifier::kUnder;
constexpr Qualifier kRange = Qualifier::kRange;

struct PercentCase {
  const char* text;  // a phrase holding exactly one percentage
  const char* span;  // the percentage's text, found in `text`
  const char*
      value;  // Decimal::ToString of the value (the lower bound of a range)
  const char* upper;  // of a range, or nullptr
  PercentUnit unit;
  Qualifier qualifier;
  const char* rule;
};

// Chinese phrases; each goes into the Chinese contexts below.
const PercentCase kChineseCases[] = {
    // Arabic figures with %, ‰ and ‱.
    {"营业收入同比增长17%", "17%", "17", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"毛利率为36.4%", "36.4%", "36.4", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"存款利率下调至3.15%", "3.15%", "3.15", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"出口增长１７％", "１７％", "17", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"工业增加值增速为-3.9%", "-3.9%", "-3.9", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"利润增速为负3.9%", "负3.9%", "-3.9", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"不良率为1,250%的极端情形", "1,250%", "1250", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"印花税税率为5‰", "5‰", "0.5", nullptr, kPct, kExact, "percent.zh.symbol"},
    {"日息为3‱", "3‱", "0.03", nullptr, kPct, kExact, "percent.zh.symbol"},
    {"增速回升至三十%", "三十%", "30", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    // Qualifiers.
    {"新能源车占比达60%以上", "60%以上", "60", nullptr, kPct, kOver,
     "percent.zh.symbol"},
    {"市场份额近30%", "近30%", "30", nullptr, kPct, kUnder,
     "percent.zh.symbol"},
    {"约20%的受访企业", "约20%", "20", nullptr, kPct, kApprox,
     "percent.zh.symbol"},
    {"降幅超过12.5%", "超过12.5%", "12.5", nullptr, kPct, kOver,
     "percent.zh.symbol"},
    {"不到5%的用户", "不到5%", "5", nullptr, kPct, kUnder, "percent.zh.symbol"},
    {"涨幅在8%左右", "8%左右", "8", nullptr, kPct, kApprox,
     "percent.zh.symbol"},
    {"回报率逾15%", "逾15%", "15", nullptr, kPct, kOver, "percent.zh.symbol"},
    {"增速30多%", "30多%", "30", nullptr, kPct, kOver, "percent.zh.symbol"},
    {"净利率不超过10%", "不超过10%", "10", nullptr, kPct, kUnder,
     "percent.zh.symbol"},
    // Glued to a Latin name after a Han character.
    {"收购XYZ17%的股份", "17%", "17", nullptr, kPct, kExact,
     "percent.zh.after_latin_name"},
    {"持有ABC Corp30%股权", "30%", "30", nullptr, kPct, kExact,
     "percent.zh.after_latin_name"},
    {"收购Alpha公司100%股权", "100%", "100", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    // 不超 is the short 不超过 (under); 超 alone is over.
    {"收益率不超5%", "不超5%", "5", nullptr, kPct, kUnder, "percent.zh.symbol"},
    {"收益率超5%", "超5%", "5", nullptr, kPct, kOver, "percent.zh.symbol"},
    {"占比最多5%", "最多5%", "5", nullptr, kPct, kUnder, "percent.zh.symbol"},
    {"占比不大于5%", "不大于5%", "5", nullptr, kPct, kUnder,
     "percent.zh.symbol"},
    {"增速不低于10%", "不低于10%", "10", nullptr, kPct, kOver,
     "percent.zh.symbol"},
    {"增速至少10%", "至少10%", "10", nullptr, kPct, kOver, "percent.zh.symbol"},
    {"研发投入超过营业收入的8.3%", "8.3%", "8.3", nullptr, kPct, kOver,
     "percent.zh.symbol"},
    {"销售额不足全年的10%", "10%", "10", nullptr, kPct, kUnder,
     "percent.zh.symbol"},
    {"出口占营业收入的8.3%", "8.3%", "8.3", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"节约5%的成本", "5%", "5", nullptr, kPct, kExact, "percent.zh.symbol"},
    // Ranges: % carried back to the lower bound.
    {"利率在5%至8%之间", "5%至8%", "5", "8", kPct, kRange, "percent.zh.symbol"},
    {"预计增长5%-8%", "5%-8%", "5", "8", kPct, kRange, "percent.zh.symbol"},
    {"预计增长5-8%", "5-8%", "5", "8", kPct, kRange, "percent.zh.symbol"},
    {"增幅为5%~8%", "5%~8%", "5", "8", kPct, kRange, "percent.zh.symbol"},
    {"首付比例为2.5到3%", "2.5到3%", "2.5", "3", kPct, kRange,
     "percent.zh.symbol"},
    // 百分之, 千分之, 万分之.
    {"做到百分之百满意", "百分之百", "100", nullptr, kPct, kExact,
     "percent.zh.fraction"},
    {"增长百分之三十五", "百分之三十五", "35", nullptr, kPct, kExact,
     "percent.zh.fraction"},
    {"利率为百分之二点一五", "百分之二点一五", "2.15", nullptr, kPct, kExact,
     "percent.zh.fraction"},
    {"占比百分之6", "百分之6", "6", nullptr, kPct, kExact,
     "percent.zh.fraction"},
    {"手续费为千分之五", "千分之五", "0.5", nullptr, kPct, kExact,
     "percent.zh.fraction"},
    {"佣金降至万分之三", "万分之三", "0.03", nullptr, kPct, kExact,
     "percent.zh.fraction"},
    {"误差低于百万分之五", "低于百万分之五", "0.0005", nullptr, kPct, kUnder,
     "percent.zh.fraction"},
    {"增长百分之五到百分之八", "百分之五到百分之八", "5", "8", kPct, kRange,
     "percent.zh.fraction"},
    {"提高百分之十以上", "百分之十以上", "10", nullptr, kPct, kOver,
     "percent.zh.fraction"},
    // 成: tenths.
    {"近三成企业亏损", "近三成", "30", nullptr, kPct, kUnder,
     "percent.zh.cheng"},
    {"占比两成", "两成", "20", nullptr, kPct, kExact, "percent.zh.cheng"},
    {"利润增长半成", "半成", "5", nullptr, kPct, kExact, "percent.zh.cheng"},
    {"销量增长2.5成", "2.5成", "25", nullptr, kPct, kExact, "percent.zh.cheng"},
    {"有三到五成的门店", "三到五成", "30", "50", kPct, kRange,
     "percent.zh.cheng"},
    {"约占全国的三成", "三成", "30", nullptr, kPct, kApprox,
     "percent.zh.cheng"},
    {"九成五的用户满意", "九成五", "95", nullptr, kPct, kExact,
     "percent.zh.cheng_tail"},
    {"出勤率约三成半", "约三成半", "35", nullptr, kPct, kApprox,
     "percent.zh.cheng_tail"},
    // Percentage points and basis points, never merged into %.
    {"毛利率提高2个百分点", "2个百分点", "2", nullptr, kPp, kExact,
     "percent.zh.points"},
    {"增速回落0.5个百分点", "0.5个百分点", "0.5", nullptr, kPp, kExact,
     "percent.zh.points"},
    {"比重下降二十个百分点", "二十个百分点", "20", nullptr, kPp, kExact,
     "percent.zh.points"},
    {"高出十多个百分点", "十多个百分点", "10", nullptr, kPp, kOver,
     "percent.zh.points"},
    {"上升近3个百分点", "近3个百分点", "3", nullptr, kPp, kUnder,
     "percent.zh.points"},
    {"提高1至2个百分点", "1至2个百分点", "1", "2", kPp, kRange,
     "percent.zh.points"},
    {"央行降息25个基点", "25个基点", "0.25", nullptr, kPp, kExact,
     "percent.zh.points"},
    {"利率上调50基点", "50基点", "0.5", nullptr, kPp, kExact,
     "percent.zh.points"},
    // Discounts: the share of the price paid.
    {"全场商品打8折", "8折", "80", nullptr, kPct, kExact,
     "percent.zh.discount"},
    {"机票低至75折", "75折", "75", nullptr, kPct, kExact,
     "percent.zh.discount"},
    {"门票九五折", "九五折", "95", nullptr, kPct, kExact,
     "percent.zh.discount"},
    {"股价被打对折", "对折", "50", nullptr, kPct, kExact,
     "percent.zh.discount"},
};

// English phrases; each goes into the English contexts below.
const PercentCase kEnglishCases[] = {
    {"sales rose 17 percent", "17 percent", "17", nullptr, kPct, kExact,
     "percent.en.word"},
    {"a rise of 17 per cent", "17 per cent", "17", nullptr, kPct, kExact,
     "percent.en.word"},
    {"margins of 17 pct", "17 pct", "17", nullptr, kPct, kExact,
     "percent.en.word"},
    {"up seventeen percent", "seventeen percent", "17", nullptr, kPct, kExact,
     "percent.en.word"},
    {"a 4.5-percent gain", "4.5-percent", "4.5", nullptr, kPct, kExact,
     "percent.en.word"},
    {"exports fell 3.9%", "3.9%", "3.9", nullptr, kPct, kExact,
     "percent.zh.symbol"},
    {"about 40 percent of stores", "about 40 percent", "40", nullptr, kPct,
     kApprox, "percent.en.word"},
    {"nearly 60 percent of staff", "nearly 60 percent", "60", nullptr, kPct,
     kUnder, "percent.en.word"},
    {"more than 25% of sales", "more than 25%", "25", nullptr, kPct, kOver,
     "percent.en.symbol"},
    {"a stake of 5% or more", "5% or more", "5", nullptr, kPct, kOver,
     "percent.en.symbol"},
    {"rates rose 2 percentage points", "2 percentage points", "2", nullptr, kPp,
     kExact, "percent.en.word"},
    {"a cut of 50 basis points", "50 basis points", "0.5", nullptr, kPp, kExact,
     "percent.en.word"},
    {"growth of 5% to 8% a year", "5% to 8%", "5", "8", kPct, kRange,
     "percent.en.range"},
    {"between 5 and 8 percent of sales", "between 5 and 8 percent", "5", "8",
     kPct, kRange, "percent.en.range"},
    {"a 5-8% rise", "5-8%", "5", "8", kPct, kRange, "percent.zh.symbol"},
    // A whole figure and a fraction whose decimal expansion ends.
    {"the 9 5/8% notes", "9 5/8%", "9.625", nullptr, kPct, kExact,
     "percent.en.mixed_fraction"},
    {"7 3 / 4 % bonds", "7 3 / 4 %", "7.75", nullptr, kPct, kExact,
     "percent.en.mixed_fraction"},
    {"a coupon of 6 1/2 percent", "6 1/2 percent", "6.5", nullptr, kPct, kExact,
     "percent.en.mixed_fraction"},
};

struct Context {
  const char* before;
  const char* after;
};

const Context kChineseContexts[] = {
    {"", ""},
    {"据统计局消息，", "。"},
    {"（记者 王明）2020年", "，较上年有所变化；"}};
const Context kEnglishContexts[] = {
    {"", ""},
    {"The report said ", "."},
    {"(Reuters) - In 2020, ", ", the data showed."}};

void ExpectCaseInContexts(const PercentCase& c, const Context* contexts,
                          std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string text =
        std::string(contexts[i].before) + c.text + contexts[i].after;
    const std::size_t at =
        text.find(c.span, std::string(contexts[i].before).size());
    ASSERT_NE(at, std::string::npos) << c.span << " is not in " << c.text;
    const std::vector<Percentage> found = PercentagesIn(text);
    ASSERT_EQ(found.size(), 1u) << text << Show(text, found);
    const Percentage& p = found[0];
    EXPECT_EQ(p.span, (Span{at, at + std::string_view(c.span).size()}))
        << text << Show(text, found);
    EXPECT_EQ(p.value.ToString(), c.value) << text;
    if (c.upper == nullptr) {
      EXPECT_FALSE(p.upper.has_value()) << text << Show(text, found);
    } else {
      ASSERT_TRUE(p.upper.has_value()) << text << Show(text, found);
      EXPECT_EQ(p.upper->ToString(), c.upper) << text;
    }
    EXPECT_EQ(p.unit, c.unit) << text << Show(text, found);
    EXPECT_EQ(p.qualifier, c.qualifier) << text << Show(text, found);
    EXPECT_EQ(BuiltInExtractor().rule_name(p.rule), c.rule) << text;
  }
}

TEST(PercentTest, ChineseFormsInContext) {
  for (const PercentCase& c : kChineseCases) {
    ExpectCaseInContexts(c, kChineseContexts, std::size(kChineseContexts));
  }
}

TEST(PercentTest, EnglishFormsInContext) {
  for (const PercentCase& c : kEnglishCases) {
    ExpectCaseInContexts(c, kEnglishContexts, std::size(kEnglishContexts));
  }
}

TEST(PercentTest, FindsEveryFigureOfASentenceInOrder) {
  const std::string text =
      "一季度营收增长17.5%，毛利率下降1."
      "2个百分点，近三成门店亏损，会员商品打8折；"
      "Profit rose about 9 percent, and rates were cut by 25 basis points.";
  const std::vector<Percentage> found = PercentagesIn(text);
  const char* const spans[] = {"17.5%", "1.2个百分点",     "近三成",
                               "8折",   "about 9 percent", "25 basis points"};
  const char* const values[] = {"17.5", "1.2", "30", "80", "9", "0.25"};
  ASSERT_EQ(found.size(), std::size(spans)) << Show(text, found);
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(found[i].span.Slice(text), spans[i]);
    EXPECT_EQ(found[i].value.ToString(), values[i]);
  }
  EXPECT_EQ(found[1].unit, kPp);
  EXPECT_EQ(found[5].unit, kPp);
}

TEST(PercentTest, ChangeBetweenTwoFiguresIsNoRange) {
  // "from 5% to 8%" reports the two figures, not a range from 5 to 8.
  const std::string text = "The jobless rate rose from 5% to 8% in a year.";
  const std::vector<Percentage> found = PercentagesIn(text);
  ASSERT_EQ(found.size(), 2u) << Show(text, found);
  EXPECT_EQ(found[0].span.Slice(text), "5%");
  EXPECT_EQ(found[1].span.Slice(text), "8%");
  EXPECT_FALSE(found[0].upper.has_value());
}

TEST(PercentTest, PercentOfAFigureOnlyWhenItStandsAlone) {
  std::vector<Percentage> found = PercentagesIn("per cent of twenty-two");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value.ToString(), "22");
  // In running text the figure after "percent of" is a count.
  const std::string text = "Only 5 percent of 300 workers joined.";
  found = PercentagesIn(text);
  ASSERT_EQ(found.size(), 1u) << Show(text, found);
  EXPECT_EQ(found[0].span.Slice(text), "5 percent");
}

// Texts that hold no percentage (or a figure factx deliberately does not
// report).
const char* const kNotPercentages[] = {
    // Letters before the number with no Han character before them: escapes,
    // codes.
    "编号 AB17%",
    "q=ab30%25",
    // Money, dates, fractions, multiples.
    "The coin is worth 5 cents.",
    "会议定于2021/1/4召开",
    "会议定于1/4召开",
    "产量是去年的3倍",
    "营收翻了一番",
    "五百分之2.2",
    // A fraction with no decimal end, or a year before it.
    "a yield of 5 1/3% a year",
    "dated 2019 3/8%",
    "约占四分之一",
    // Vague figures: "twenty or thirty", "two or three".
    "百分之二三十",
    "二三十个百分点",
    "提高了两三个百分点",
    "约有三四成",
    "百分之几的概率",
    // 成 and 折 inside other words.
    "公司于2019成立",
    "政策一成不变",
    "每一成员国都签署了协议",
    "把纸对折后裁开",
    "谈判一波三折",
    "百折不挠",
    "发布三折叠屏手机",
    "十折",
    // A percent sign or word with no figure, and URL escapes.
    "Only a small percent attain the top ranks",
    "The table shows the % of increase in the last month",
    "How do I calculate a percentage?",
    "what percent of 10 is 2",
    "访问 https://www.example.com/search?q=30%25%2020%",
    "编号%2D9114%29",
};

// A figure is read whole or not at all (docs/numbers.md): an invisible format
// character inside it is dropped, so 增长3<U+200B>5% is 35% over the original
// bytes; a text break inside it (a control character, U+FFFD, a replaced
// ill-formed byte) leaves no percentage: no 5%.
TEST(PercentTest, FiguresAreReadWholeAcrossInvisibleCharactersOrNotAtAll) {
  const struct {
    const char* before;  // the text before the character
    const char* after;   // and after it
    const char* value;
    std::size_t begin;  // of the figure in `before`
  } cases[] = {
      {"增长3", "5%", "35", 6},
      {"增长3", ".5%", "3.5", 6},
      {"同比增长1", "２．５％", "12.5", 12},
      {"增长百分之三", "十五", "35", 6},
      {"revenue rose 1", "2 percent", "12", 13},
  };
  ExtractOptions options;
  options.kinds = kPercentage;
  options.replace_invalid_utf8 = true;
  Extraction facts;
  for (const auto& c : cases) {
    const std::string before = c.before;
    for (const std::string& dropped :
         test_support::InvisibleFormatCharacters()) {
      const std::string text = before + dropped + c.after;
      SCOPED_TRACE(internal::EscapeForMessage(text));
      ASSERT_TRUE(BuiltInExtractor().Extract(text, options, &facts).ok());
      ASSERT_EQ(facts.percentages.size(), 1u) << Show(text, facts.percentages);
      EXPECT_EQ(facts.percentages[0].span, (Span{c.begin, text.size()}));
      EXPECT_EQ(facts.percentages[0].value.ToString(), c.value);
    }
    for (const std::string& text_break : test_support::TextBreaks()) {
      const std::string text = before + text_break + c.after;
      SCOPED_TRACE(internal::EscapeForMessage(text));
      ASSERT_TRUE(BuiltInExtractor().Extract(text, options, &facts).ok());
      EXPECT_TRUE(facts.percentages.empty()) << Show(text, facts.percentages);
      // Before the figure, a break is only a break.
      const std::string in_front = before.substr(0, c.begin) + text_break +
                                   before.substr(c.begin) + c.after;
      ASSERT_TRUE(BuiltInExtractor().Extract(in_front, options, &facts).ok());
      ASSERT_EQ(facts.percentages.size(), 1u)
          << Show(in_front, facts.percentages);
      EXPECT_EQ(facts.percentages[0].span,
                (Span{c.begin + text_break.size(), in_front.size()}));
      EXPECT_EQ(facts.percentages[0].value.ToString(), c.value);
    }
  }
}

TEST(PercentTest, NearMissesGiveNoPercentage) {
  for (const char* text : kNotPercentages) {
    const std::vector<Percentage> found = PercentagesIn(text);
    EXPECT_TRUE(found.empty()) << text << Show(text, found);
  }
}

// Every prefix and suffix cut of every case (also inside a UTF-8 sequence) ends
// cleanly: OK or kInvalidUtf8, with spans inside the text.
TEST(PercentTest, EveryCutOfEveryCaseEndsCleanly) {
  std::vector<std::string> texts;
  for (const PercentCase& c : kChineseCases) texts.emplace_back(c.text);
  for (const PercentCase& c : kEnglishCases) texts.emplace_back(c.text);
  for (const char* text : kNotPercentages) texts.emplace_back(text);
  test_support::ExpectEveryCutEndsCleanly(texts);
}

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// Long runs of what the rules look for end cleanly (no timing is asserted: the
// point is that matching and the builder's look-backs stay bounded).
TEST(PercentTest, LongRunsEndCleanly) {
  const std::string texts[] = {
      Repeat("一 ", 20000) + "个百分点",
      Repeat("5%", 10000),
      Repeat("百分之", 10000) + "五",
      Repeat("超过", 5000) + Repeat("的", 5000) + "8.3%",
      Repeat("七成", 10000),
      Repeat("per cent of ", 5000) + "ten",
      Repeat(" ", 50000) + "percent of 5" + Repeat(" ", 50000),
  };
  Extraction facts;
  for (const std::string& text : texts) {
    EXPECT_TRUE(BuiltInExtractor().Extract(text, {}, &facts).ok());
    for (const Percentage& p : facts.percentages) {
      EXPECT_LE(p.span.end, text.size());
    }
  }
  // A run of 5% gives one fact per figure.
  EXPECT_EQ(PercentagesIn(Repeat("增长5%，", 100)).size(), 100u);
}

}  // namespace
}  // namespace factx
