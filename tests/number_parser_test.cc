// Tests for ParseNumber (lib/numbers/number_parser.h): every accepted form with
// its exact value, malformed text, rounding and range limits, and termination
// on huge inputs.
#include "numbers/number_parser.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "factx/decimal.h"
#include "numbers/decimal_math.h"

namespace factx::internal {
namespace {

struct Case {
  std::string_view text;
  Decimal value;
  std::string_view plain;  // value.ToString()
};

// Checks that every case parses to its value, exactly (not rounded).
void ExpectParses(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    const std::optional<Decimal> parsed = ParseNumber(c->text);
    ASSERT_TRUE(parsed.has_value()) << c->text;
    EXPECT_EQ(*parsed, c->value) << c->text << " gave " << parsed->ToString();
    EXPECT_EQ(parsed->ToString(), c->plain) << c->text;
    EXPECT_FALSE(parsed->rounded) << c->text;
  }
}

template <std::size_t N>
void ExpectParses(const Case (&cases)[N]) {
  ExpectParses(cases, cases + N);
}

template <std::size_t N>
void ExpectRejects(const std::string_view (&texts)[N]) {
  for (std::string_view text : texts) {
    const std::optional<Decimal> parsed = ParseNumber(text);
    EXPECT_FALSE(parsed.has_value())
        << "\"" << text << "\" gave " << parsed->ToString();
  }
}

// ---------------------------------------------------------------------------------------
// Arabic digits

TEST(ArabicNumberTest, ReadsDigitsGroupsAndFractions) {
  const Case cases[] = {
      {"0", {0, 0}, "0"},
      {"7", {7, 0}, "7"},
      {"15000", {15, 3}, "15000"},
      {"1,500", {15, 2}, "1500"},
      {"12,345,678", {12345678, 0}, "12345678"},
      {"3.75", {375, -2}, "3.75"},
      {"1,100.9", {11009, -1}, "1100.9"},
      {"12，345.67", {1234567, -2}, "12345.67"},
      {"1，123，456", {1123456, 0}, "1123456"},
      {"0.5", {5, -1}, "0.5"},
      {"0.05", {5, -2}, "0.05"},
      {"2.50", {25, -1}, "2.5"},
      {"007", {7, 0}, "7"},
      {"1234", {1234, 0}, "1234"},  // full-width １２３４ arrives folded
      {"999,999,999,999,999,999",
       {999999999999999999, 0},
       "999999999999999999"},
      {"123456789012345678", {123456789012345678, 0}, "123456789012345678"},
      {"0.000000000000000000000000000001",
       {1, -30},
       "0.000000000000000000000000000001"},
  };
  ExpectParses(cases);
}

TEST(ArabicNumberTest, RejectsMalformedDigits) {
  const std::string_view texts[] = {
      "",       " ",        ".5",        "5.",     "1..2",  "1.2.3", "1,00",
      "1,0000", "1,",       ",500",      "1,500,", "0,500", "1，23", "1，",
      "0，500", "1234,567", "12,34,567", "1,000.", "1 000", "1_000", "1e5",
      "0x10",   "1.5.",     "１２",      "٣",      "1,5",
  };
  ExpectRejects(texts);
}

TEST(ArabicNumberTest, ReadsSigns) {
  const Case cases[] = {
      {"-3.9", {-39, -1}, "-3.9"},
      {"负3.9", {-39, -1}, "-3.9"},
      {"+2", {2, 0}, "2"},
      {"\u22127", {-7, 0}, "-7"},  // U+2212 MINUS SIGN
      {"- 5", {-5, 0}, "-5"},
      {"负三点五", {-35, -1}, "-3.5"},
      {"负40", {-4, 1}, "-40"},
      {"-0", {0, 0}, "0"},
      {"minus five", {-5, 0}, "-5"},
      {"Negative 3.5", {-35, -1}, "-3.5"},
  };
  ExpectParses(cases);
  const std::string_view texts[] = {"-",  "负",    "--3",   "-+3",
                                    "3-", "负负3", "minus", "minusfive"};
  ExpectRejects(texts);
}

TEST(ArabicNumberTest, IgnoresSurroundingBlanks) {
  const Case cases[] = {
      {" 42 ", {42, 0}, "42"},
      {"\t1,500", {15, 2}, "1500"},
  };
  ExpectParses(cases);
}

// ---------------------------------------------------------------------------------------
// Chinese numerals

TEST(ChineseNumberTest, ReadsPositionalNumerals) {
  const Case cases[] = {
      {"一", {1, 0}, "1"},
      {"九", {9, 0}, "9"},
      {"十", {10, 0}, "10"},
      {"十五", {15, 0}, "15"},
      {"二十", {20, 0}, "20"},
      {"二十一", {21, 0}, "21"},
      {"一十", {10, 0}, "10"},
      {"一百", {100, 0}, "100"},
      {"一百零四", {104, 0}, "104"},
      {"一百一十", {110, 0}, "110"},
      {"三百二十五", {325, 0}, "325"},
      {"一千零五", {1005, 0}, "1005"},
      {"一千零五十", {1050, 0}, "1050"},
      {"一千〇五十", {1050, 0}, "1050"},
      {"一千零十", {1010, 0}, "1010"},
      {"九千九百九十九", {9999, 0}, "9999"},
      {"三千五百", {3500, 0}, "3500"},
      {"百", {100, 0}, "100"},
      {"千", {1000, 0}, "1000"},
  };
  ExpectParses(cases);
}

TEST(ChineseNumberTest, ReadsZero) {
  const Case cases[] = {
      {"〇", {0, 0}, "0"},
      {"零", {0, 0}, "0"},
      {"零点五", {5, -1}, "0.5"},
      {"〇点〇五", {5, -2}, "0.05"},
  };
  ExpectParses(cases);
}

TEST(ChineseNumberTest, ReadsLiangAsTwo) {
  const Case cases[] = {
      {"两", {2, 0}, "2"},           {"两百", {200, 0}, "200"},
      {"两千", {2000, 0}, "2000"},   {"两万", {2, 4}, "20000"},
      {"两亿", {2, 8}, "200000000"}, {"一千两百", {1200, 0}, "1200"},
      {"兩千", {2000, 0}, "2000"},
  };
  ExpectParses(cases);
  // 两 is not a ones digit (二十两 would be a weight) and never starts 两十.
  const std::string_view texts[] = {"两十",   "十两", "二十两", "一百零两",
                                    "两点五", "二两", "两两"};
  ExpectRejects(texts);
}

TEST(ChineseNumberTest, ReadsFinancialCapitals) {
  const Case cases[] = {
      {"壹佰贰拾", {120, 0}, "120"},
      {"叁仟肆佰伍拾陆", {3456, 0}, "3456"},
      {"柒捌玖", {789, 0}, "789"},
      {"拾万零五十六点叁叁", {10005633, -2}, "100056.33"},
      {"壹万", {1, 4}, "10000"},
      {"陸", {6, 0}, "6"},
  };
  ExpectParses(cases);
}

TEST(ChineseNumberTest, ReadsTwentyAndThirtyCharacters) {
  const Case cases[] = {
      {"廿", {20, 0}, "20"},      {"廿五", {25, 0}, "25"},
      {"卅", {30, 0}, "30"},      {"卅一", {31, 0}, "31"},
      {"卌", {40, 0}, "40"},      {"三百廿", {320, 0}, "320"},
      {"廿万", {2, 5}, "200000"},
  };
  ExpectParses(cases);
  const std::string_view texts[] = {"二廿", "廿十", "十廿", "廿廿", "一百零廿"};
  ExpectRejects(texts);
}

TEST(ChineseNumberTest, ReadsPointAsDecimalPoint) {
  const Case cases[] = {
      {"三点五", {35, -1}, "3.5"},
      {"二点一五", {215, -2}, "2.15"},
      {"三点零五", {305, -2}, "3.05"},
      {"十点五", {105, -1}, "10.5"},
      {"一百二十点五", {12050, -2}, "120.5"},
      {"一百零四点二", {1042, -1}, "104.2"},
      {"三點五", {35, -1}, "3.5"},
  };
  ExpectParses(cases);
  const std::string_view texts[] = {"三点",       "点五",   "三点五点六",
                                    "一百五点五", "三点两", "一万点五",
                                    "3点五",      "三点5"};
  ExpectRejects(texts);
}

TEST(ChineseNumberTest, ReadsDigitRunsDigitByDigit) {
  const Case cases[] = {
      {"二〇一七", {2017, 0}, "2017"},
      {"一九九八", {1998, 0}, "1998"},
      {"二〇二〇", {2020, 0}, "2020"},
      {"零五", {5, 0}, "5"},
      {"九九", {99, 0}, "99"},
      {"三点一四一五九", {314159, -5}, "3.14159"},
      {"二〇一七点五", {20175, -1}, "2017.5"},
  };
  ExpectParses(cases);
  // A run never takes a unit or scale: 三五万 means "three to five 万".
  const std::string_view texts[] = {"三五万", "二〇一七万", "一二十",
                                    "十二三", "一二百",     "两三"};
  ExpectRejects(texts);
}

TEST(ChineseNumberTest, ReadsColloquialTrailingDigit) {
  // The trailing digit takes the next lower unit.
  const Case cases[] = {
      {"三万五", {35, 3}, "35000"},
      {"两千五", {25, 2}, "2500"},
      {"一百五", {150, 0}, "150"},
      {"一百四", {140, 0}, "140"},
      {"一亿五", {15, 7}, "150000000"},
      {"一万亿五", {15, 11}, "1500000000000"},
      {"三千五百五", {3550, 0}, "3550"},
      {"3万5", {35, 3}, "35000"},
      {"3千5", {35, 2}, "3500"},
  };
  ExpectParses(cases);
  // With 零 there is no colloquial reading, and before a scale or 点 it is
  // ambiguous.
  const Case zero_cases[] = {
      {"三万零五", {30005, 0}, "30005"},
      {"一百零五", {105, 0}, "105"},
  };
  ExpectParses(zero_cases);
  const std::string_view texts[] = {"一百五万", "三万五亿", "一万五点五",
                                    "一亿五万", "两千两"};
  ExpectRejects(texts);
}

TEST(ChineseNumberTest, RejectsMalformedNumerals) {
  const std::string_view texts[] = {
      "十十",     "百百",       "一百一百",   "五十百",   "一千五千",
      "零〇零十", "一百零",     "一百零零五", "零十",     "零万",
      "三十零一", "万零",       "一亿零万",   "亿万",     "1.5亿万",
      "三万四万", "3万15000",   "1亿20000万", "一二三万", "三千百",
      "十百",     "百千",       "万十万",     "二十二十", "壹佰贰拾两",
      "点",       "三点五万五", "一点五千五",
  };
  ExpectRejects(texts);
}

// ---------------------------------------------------------------------------------------
// Scales

TEST(ChineseScaleTest, ReadsScaleWords) {
  const Case cases[] = {
      {"万", {1, 4}, "10000"},
      {"亿", {1, 8}, "100000000"},
      {"万亿", {1, 12}, "1000000000000"},
      {"兆", {1, 12}, "1000000000000"},
      {"十万", {1, 5}, "100000"},
      {"百万", {1, 6}, "1000000"},
      {"千万", {1, 7}, "10000000"},
      {"百亿", {1, 10}, "10000000000"},
      {"千亿", {1, 11}, "100000000000"},
      {"亿亿", {1, 16}, "10000000000000000"},
      {"万万", {1, 8}, "100000000"},
      {"萬", {1, 4}, "10000"},
      {"億", {1, 8}, "100000000"},
  };
  ExpectParses(cases);
}

TEST(ChineseScaleTest, ReadsChineseNumeralsWithScales) {
  const Case cases[] = {
      {"三千五百万", {35, 6}, "35000000"},
      {"一千零五十万", {105, 5}, "10500000"},
      {"四十九兆九千五百九十二亿", {499592, 8}, "49959200000000"},
      {"四十九兆九千五百九十二億", {499592, 8}, "49959200000000"},
      {"一万五千亿", {15, 11}, "1500000000000"},
      {"三万亿五千亿", {35, 11}, "3500000000000"},
      {"三万亿五千万", {300005, 7}, "3000050000000"},
      {"一亿零五百万", {105, 6}, "105000000"},
      {"一亿零五万", {100050000, 0}, "100050000"},
      {"三万零五亿", {30005, 8}, "3000500000000"},
      {"十五万", {15, 4}, "150000"},
      {"三万十五", {30015, 0}, "30015"},
      {"一百二十点五万", {1205, 3}, "1205000"},
      {"三点五亿", {35, 7}, "350000000"},
      {"二点五千万", {25, 6}, "25000000"},
      {"零点五亿", {5, 7}, "50000000"},
      {"一万三十点五", {100305, -1}, "10030.5"},
      {"五亿三千二百万零八百", {532000800, 0}, "532000800"},
  };
  ExpectParses(cases);
}

TEST(ChineseScaleTest, ReadsArabicDigitsWithScales) {
  const Case cases[] = {
      {"1.5万亿", {15, 11}, "1500000000000"},
      {"3.5万亿", {35, 11}, "3500000000000"},
      {"3千万", {3, 7}, "30000000"},
      {"3百万", {3, 6}, "3000000"},
      {"3百", {3, 2}, "300"},
      {"5千", {5, 3}, "5000"},
      {"1.2万", {12, 3}, "12000"},
      {"36.57亿", {3657, 6}, "3657000000"},
      {"1,100.9亿", {11009, 7}, "110090000000"},
      {"1000万", {1, 7}, "10000000"},
      {"12000万", {12, 7}, "120000000"},
      {"1.5千万", {15, 6}, "15000000"},
      {"20十万", {2, 6}, "2000000"},
      {"1亿2000万", {12, 7}, "120000000"},
      {"1亿零500万", {105, 6}, "105000000"},
      {"1万5000", {15, 3}, "15000"},
      {"3万亿5000亿", {35, 11}, "3500000000000"},
      {"3千5百万", {35, 6}, "35000000"},
      {"0万", {0, 0}, "0"},
      {"3 万", {3, 4}, "30000"},
      {"2兆", {2, 12}, "2000000000000"},
  };
  ExpectParses(cases);
  const std::string_view texts[] = {
      "1.5亿万",     "3千500",      "3万0",      "1万15000",   "5万4万",
      "1.5千百",     "12千5百",     "1.5点",     "3万亿5万亿", "3亿2万亿",
      "1.5亿3000万", "1.5万5000亿", "三点五万五"};
  ExpectRejects(texts);
}

TEST(ChineseScaleTest, ScalesMultiplyUntilTheExponentLimit) {
  // 亿 x 7 = 10^56 is in range; x 10 = 10^80 is not.
  std::string seven;
  for (int i = 0; i < 7; ++i) seven += "亿";
  const std::optional<Decimal> in_range = ParseNumber(seven);
  ASSERT_TRUE(in_range.has_value());
  EXPECT_EQ(*in_range, (Decimal{1, 56}));
  std::string ten = seven + "亿亿亿";
  EXPECT_FALSE(ParseNumber(ten).has_value());
  EXPECT_FALSE(ParseNumber("一" + ten).has_value());
  EXPECT_FALSE(ParseNumber("1.5" + ten).has_value());
}

// ---------------------------------------------------------------------------------------
// English

TEST(EnglishNumberTest, ReadsScaleSuffixesAfterDigits) {
  const Case cases[] = {
      {"20.5k", {205, 2}, "20500"},
      {"15K", {15, 3}, "15000"},
      {"3.5 billion", {35, 8}, "3500000000"},
      {"3.5 Billion", {35, 8}, "3500000000"},
      {"1.2bn", {12, 8}, "1200000000"},
      {"1.2BN", {12, 8}, "1200000000"},
      {"1.2 bn", {12, 8}, "1200000000"},
      {"5m", {5, 6}, "5000000"},
      {"5 mn", {5, 6}, "5000000"},
      {"5mln", {5, 6}, "5000000"},
      {"5mm", {5, 6}, "5000000"},
      {"2b", {2, 9}, "2000000000"},
      {"2 tn", {2, 12}, "2000000000000"},
      {"5.5 bln", {55, 8}, "5500000000"},
      {"1.2trln", {12, 11}, "1200000000000"},
      {"3 mil", {3, 6}, "3000000"},
      {"10 mio", {10, 6}, "10000000"},
      {"2.5 billions", {25, 8}, "2500000000"},
      {"500 cr", {500, 7}, "5000000000"},
      {"3 lacs", {3, 5}, "300000"},
      {"20 lakhs", {20, 5}, "2000000"},
      {"5 crores", {5, 7}, "50000000"},
      {"1.2-trillion", {12, 11}, "1200000000000"},
      {"3-million", {3, 6}, "3000000"},
      {"3 million", {3, 6}, "3000000"},
      {"2 trillion", {2, 12}, "2000000000000"},
      {"1.2 thousand", {12, 2}, "1200"},
      {"1,500 million", {15, 8}, "1500000000"},
      {"35 lakh", {35, 5}, "3500000"},
      {"2 crore", {2, 7}, "20000000"},
      {"5million", {5, 6}, "5000000"},
  };
  ExpectParses(cases);
  const std::string_view texts[] = {
      "five millions", "5-m",          "5-millions", "5-year",
      "5 -million",    "5 kk",         "5k k",       "5 million 3",
      "3千k",          "三k",          "5 hundred",  "k",
      "1.5 mill",      "5 bn dollars", "5kg",        "5 m5"};
  ExpectRejects(texts);
}

TEST(EnglishNumberTest, ReadsNumberWords) {
  const Case cases[] = {
      {"zero", {0, 0}, "0"},
      {"one", {1, 0}, "1"},
      {"seventeen", {17, 0}, "17"},
      {"twenty", {20, 0}, "20"},
      {"twenty-one", {21, 0}, "21"},
      {"twenty one", {21, 0}, "21"},
      {"forty-five", {45, 0}, "45"},
      {"one hundred", {100, 0}, "100"},
      {"a hundred", {100, 0}, "100"},
      {"one hundred and five", {105, 0}, "105"},
      {"one hundred five", {105, 0}, "105"},
      {"nine hundred ninety-nine", {999, 0}, "999"},
      {"twelve hundred", {1200, 0}, "1200"},
      {"a million", {1, 6}, "1000000"},
      {"a thousand", {1, 3}, "1000"},
      {"five million", {5, 6}, "5000000"},
      {"twenty-one million", {21, 6}, "21000000"},
      {"two thousand and twenty", {2020, 0}, "2020"},
      {"one million two hundred thousand", {12, 5}, "1200000"},
      {"a hundred thousand", {1, 5}, "100000"},
      {"Seventeen", {17, 0}, "17"},
      {"THREE THOUSAND", {3, 3}, "3000"},
  };
  ExpectParses(cases);
}

TEST(EnglishNumberTest, ReadsHalvesAndQuarters) {
  const Case cases[] = {
      {"half", {5, -1}, "0.5"},
      {"a half", {5, -1}, "0.5"},
      {"quarter", {25, -2}, "0.25"},
      {"a quarter", {25, -2}, "0.25"},
      {"one quarter", {25, -2}, "0.25"},
      {"three quarters", {75, -2}, "0.75"},
      {"three-quarters", {75, -2}, "0.75"},
      {"one and a half", {15, -1}, "1.5"},
      {"half a million", {5, 5}, "500000"},
      {"half million", {5, 5}, "500000"},
      {"a quarter million", {25, 4}, "250000"},
      {"three quarters billion", {75, 7}, "750000000"},
      {"two and a half billion", {25, 8}, "2500000000"},
  };
  ExpectParses(cases);
}

TEST(EnglishNumberTest, RejectsMalformedWords) {
  const std::string_view texts[] = {
      "hundred",
      "thousand",
      "million",
      "a",
      "and",
      "one two",
      "twenty twenty",
      "five twenty",
      "eleven one",
      "one hundred and",
      "and five",
      "one hundred hundred",
      "two thousand one million",
      "thousand thousand",
      "a five",
      "two and five",
      "two and a",
      "half a",
      "two quarters",
      "one million and a half",
      "twentyone",
      "twenty--one",
      "twenty-",
      "one,two",
      "millions",
      "zero one",
      "one zero",
      "ten five",
      "a million a",
      "five hundred million thousand",
      "seven 7",
      "one thousand twelve hundred",
  };
  ExpectRejects(texts);
}

// ---------------------------------------------------------------------------------------
// Rounding and range

TEST(NumberRangeTest, RoundsPast18SignificantDigits) {
  // 24 digits: the nearest 18-digit value, never a wrapped one.
  const std::optional<Decimal> long_number =
      ParseNumber("202107211321363588510367");
  ASSERT_TRUE(long_number.has_value());
  EXPECT_TRUE(long_number->rounded);
  EXPECT_EQ(*long_number, (Decimal{202107211321363589, 6}));
  EXPECT_EQ(long_number->ToString(), "202107211321363589000000");

  const std::optional<Decimal> round_down =
      ParseNumber("1234567890123456789012");
  ASSERT_TRUE(round_down.has_value());
  EXPECT_TRUE(round_down->rounded);
  EXPECT_EQ(*round_down, (Decimal{123456789012345679, 4}));

  // All nines carry into a new digit.
  const std::optional<Decimal> nines = ParseNumber("9999999999999999999");
  ASSERT_TRUE(nines.has_value());
  EXPECT_TRUE(nines->rounded);
  EXPECT_EQ(*nines, (Decimal{1, 19}));

  // Dropped zeros are exact.
  const std::optional<Decimal> zeros = ParseNumber("1000000000000000000000");
  ASSERT_TRUE(zeros.has_value());
  EXPECT_FALSE(zeros->rounded);
  EXPECT_EQ(*zeros, (Decimal{1, 21}));

  const std::optional<Decimal> fraction = ParseNumber("0.1234567890123456789");
  ASSERT_TRUE(fraction.has_value());
  EXPECT_TRUE(fraction->rounded);
  EXPECT_EQ(*fraction, (Decimal{123456789012345679, -18}));

  const std::optional<Decimal> grouped =
      ParseNumber("1,234,567,890,123,456,789,012.5");
  ASSERT_TRUE(grouped.has_value());
  EXPECT_TRUE(grouped->rounded);
  EXPECT_EQ(*grouped, (Decimal{123456789012345679, 4}));

  const std::optional<Decimal> chinese =
      ParseNumber("一二三四五六七八九一二三四五六七八九五");
  ASSERT_TRUE(chinese.has_value());
  EXPECT_TRUE(chinese->rounded);
  EXPECT_EQ(*chinese, (Decimal{123456789123456790, 1}));

  const std::optional<Decimal> scaled = ParseNumber("12345678901234567891亿");
  ASSERT_TRUE(scaled.has_value());
  EXPECT_TRUE(scaled->rounded);
  EXPECT_EQ(*scaled, (Decimal{123456789012345679, 10}));
}

TEST(NumberRangeTest, FailsOutsideTheExponentRange) {
  const std::string huge(80, '9');
  EXPECT_FALSE(ParseNumber(huge).has_value());
  EXPECT_FALSE(ParseNumber("1" + std::string(78, '0')).has_value());
  EXPECT_TRUE(ParseNumber("1" + std::string(60, '0')).has_value());
  EXPECT_FALSE(ParseNumber("0." + std::string(70, '0') + "1").has_value());
  EXPECT_TRUE(ParseNumber("0." + std::string(50, '0') + "1").has_value());
  EXPECT_TRUE(
      ParseNumber(std::string(60, '9') + "万亿").has_value());  // ~10^72
  EXPECT_FALSE(ParseNumber(std::string(70, '9') + "万亿").has_value());
}

// ---------------------------------------------------------------------------------------
// Termination: huge inputs end quickly in a value or a clean failure (time not
// asserted).

TEST(NumberTerminationTest, MegabytesOfDigitsRoundOrFail) {
  const std::string digits(1 << 20, '7');
  EXPECT_FALSE(ParseNumber(digits).has_value());  // 10^1048575 is out of range

  const std::optional<Decimal> long_fraction = ParseNumber("0." + digits);
  ASSERT_TRUE(long_fraction.has_value());
  EXPECT_TRUE(long_fraction->rounded);
  EXPECT_EQ(*long_fraction, (Decimal{777777777777777778, -18}));

  const std::optional<Decimal> zeros =
      ParseNumber("0." + std::string(1 << 20, '0'));
  ASSERT_TRUE(zeros.has_value());
  EXPECT_EQ(*zeros, Decimal{});

  EXPECT_FALSE(ParseNumber("0." + std::string(1 << 20, '0') + "1").has_value());

  std::string grouped = "1";
  for (int i = 0; i < 100000; ++i) grouped += ",000";
  EXPECT_FALSE(ParseNumber(grouped).has_value());
}

TEST(NumberTerminationTest, ThousandsOfScalesFailCleanly) {
  std::string scales;
  for (int i = 0; i < 100000; ++i) scales += "亿";
  EXPECT_FALSE(ParseNumber(scales).has_value());
  EXPECT_FALSE(ParseNumber("三" + scales).has_value());

  std::string runs;
  for (int i = 0; i < 200000; ++i) runs += "三";
  EXPECT_FALSE(ParseNumber(runs).has_value());

  std::string tens;
  for (int i = 0; i < 200000; ++i) tens += "十";
  EXPECT_FALSE(ParseNumber(tens).has_value());

  std::string words;
  for (int i = 0; i < 100000; ++i) words += "one hundred ";
  EXPECT_FALSE(ParseNumber(words).has_value());

  const std::string blanks(1 << 20, ' ');
  const std::optional<Decimal> spaced = ParseNumber("5" + blanks + "k");
  ASSERT_TRUE(spaced.has_value());
  EXPECT_EQ(*spaced, (Decimal{5, 3}));
}

// Every prefix and suffix of accepted numbers (cut anywhere, also inside a
// UTF-8 sequence) gives a value in range or nothing.
TEST(NumberTerminationTest, EveryCutGivesAValueInRangeOrNothing) {
  const std::string_view texts[] = {
      "四十九兆九千五百九十二亿",
      "1,100.9亿",
      "拾万零五十六点叁叁",
      "two and a half billion",
      "负3.9",
      "202107211321363588510367",
      "一千零五十万",
      "3.5 billion",
      "二〇一七点五",
  };
  for (std::string_view text : texts) {
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
      for (std::string_view piece : {text.substr(0, cut), text.substr(cut)}) {
        const std::optional<Decimal> parsed = ParseNumber(piece);
        if (!parsed) continue;
        EXPECT_LT(parsed->mantissa, 1000000000000000000) << piece;
        EXPECT_GT(parsed->mantissa, -1000000000000000000) << piece;
        EXPECT_LE(parsed->exponent, kMaxDecimalExponent) << piece;
        EXPECT_GE(parsed->exponent, -kMaxDecimalExponent) << piece;
      }
    }
  }
}

TEST(NumberTerminationTest, RejectsIllFormedUtf8) {
  const std::string_view texts[] = {"\xe4\xb8", "3\xff", "\xe4\xb8\x87\x80",
                                    "\xc0\xb5", "\xe0\x80\xb5"};
  ExpectRejects(texts);
}

}  // namespace
}  // namespace factx::internal

namespace factx::internal {
namespace {

TEST(ChineseDigitValueTest, ReadsDigitsAndCapitalsButNotUnits) {
  const struct {
    char32_t c;
    int value;
  } cases[] = {{U'〇', 0},  {U'零', 0},  {U'一', 1},  {U'壹', 1},  {U'两', 2},
               {U'贰', 2},  {U'叁', 3},  {U'陆', 6},  {U'玖', 9},  {U'九', 9},
               {U'十', -1}, {U'百', -1}, {U'万', -1}, {U'亿', -1}, {U'点', -1},
               {U'5', -1},  {U'元', -1}};
  for (const auto& c : cases) {
    EXPECT_EQ(ChineseDigitValue(c.c), c.value) << static_cast<unsigned>(c.c);
  }
}

}  // namespace
}  // namespace factx::internal
