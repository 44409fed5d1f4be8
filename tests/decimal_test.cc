// Tests for factx::Decimal (include/factx/decimal.h) and the exact arithmetic
// in lib/numbers/decimal_math.h.
#include "factx/decimal.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "numbers/decimal_math.h"

namespace factx {
namespace {

using internal::Add;
using internal::kMaxDecimalExponent;
using internal::Multiply;
using internal::Negate;
using internal::ScaleByPowerOf10;

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int32_t kInt32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int32_t kInt32Max = std::numeric_limits<std::int32_t>::max();

// ---------------------------------------------------------------------------------------
// ToString

struct ToStringCase {
  Decimal value;
  const char* expected;
};

TEST(DecimalTest, ToStringWritesPlainNotation) {
  const ToStringCase cases[] = {
      {{3657, 6}, "3657000000"},
      {{3, 10}, "30000000000"},
      {{375, -2}, "3.75"},
      {{-5, -3}, "-0.005"},
      {{0, 0}, "0"},
      {{0, 25}, "0"},
      {{0, -25}, "0"},
      {{3000, 0}, "3000"},
      {{3000, -3}, "3"},
      {{3500, -3}, "3.5"},
      {{10, -1}, "1"},
      {{-120, -1}, "-12"},
      {{1, -20}, "0.00000000000000000001"},
      {{123456789012345678, -9}, "123456789.012345678"},
      {{1, 30}, "1000000000000000000000000000000"},
      {{-7, 0}, "-7"},
      {{kInt64Max, 0}, "9223372036854775807"},
      {{kInt64Min, 0}, "-9223372036854775808"},
      {{kInt64Min, -19}, "-0.9223372036854775808"},
      {{kInt64Min, 2}, "-922337203685477580800"},
  };
  for (const ToStringCase& c : cases) {
    EXPECT_EQ(c.value.ToString(), c.expected)
        << "{" << c.value.mantissa << ", " << c.value.exponent << "}";
  }
}

// ---------------------------------------------------------------------------------------
// ToDouble

TEST(DecimalTest, ToDoubleIsExactForWholeAmounts) {
  EXPECT_EQ((Decimal{3657, 6}.ToDouble()), 3657000000.0);
  EXPECT_EQ((Decimal{30, 9}.ToDouble()), 30000000000.0);
  EXPECT_EQ((Decimal{-12, 0}.ToDouble()), -12.0);
  EXPECT_EQ((Decimal{0, 99}.ToDouble()), 0.0);
  EXPECT_EQ((Decimal{kInt64Max, 0}.ToDouble()), 9223372036854775807.0);
  EXPECT_EQ((Decimal{kInt64Min, 0}.ToDouble()), -9223372036854775808.0);
}

TEST(DecimalTest, ToDoubleRoundsFractionsToNearest) {
  // Compared with the compiler's own correctly rounded literals.
  EXPECT_EQ((Decimal{375, -2}.ToDouble()), 3.75);
  EXPECT_EQ((Decimal{1, -1}.ToDouble()), 0.1);
  EXPECT_EQ((Decimal{-39, -1}.ToDouble()), -3.9);
  EXPECT_EQ((Decimal{10753, -4}.ToDouble()), 1.0753);
  EXPECT_EQ((Decimal{123456789012345678, -20}.ToDouble()),
            0.00123456789012345678);
  EXPECT_EQ((Decimal{15, 11}.ToDouble()), 1.5e12);
}

TEST(DecimalTest, ToDoubleOfExtremeExponentsSaturates) {
  EXPECT_EQ((Decimal{1, kInt32Max}.ToDouble()),
            std::numeric_limits<double>::infinity());
  EXPECT_EQ((Decimal{-1, kInt32Max}.ToDouble()),
            -std::numeric_limits<double>::infinity());
  EXPECT_EQ((Decimal{1, kInt32Min}.ToDouble()), 0.0);
}

// ---------------------------------------------------------------------------------------
// Compare and equality

struct CompareCase {
  Decimal a;
  Decimal b;
  int expected;  // sign of a.Compare(b)
};

int SignOf(int value) { return (value > 0) - (value < 0); }

TEST(DecimalTest, CompareIsExactAcrossRepresentations) {
  const CompareCase cases[] = {
      {{30, 0}, {3, 1}, 0},
      {{3000, -3}, {3, 0}, 0},
      {{0, 5}, {0, -7}, 0},
      {{0, 0}, {1, -60}, -1},
      {{0, 0}, {-1, 60}, 1},
      {{1, 0}, {-1, 0}, 1},
      {{-1, 0}, {-2, 0}, 1},
      {{-3, 1}, {-29, 0}, -1},
      {{15, 11}, {1499999999999, 0}, 1},
      {{15, 11}, {1500000000001, 0}, -1},
      {{375, -2}, {3749999, -6}, 1},
      {{1, 18}, {999999999999999999, 0}, 1},
      // Exponents far apart never overflow.
      {{1, kInt32Max}, {kInt64Max, kInt32Min}, 1},
      {{-1, kInt32Max}, {-kInt64Max, kInt32Min}, -1},
      {{kInt64Min, 0}, {kInt64Min, 0}, 0},
      {{kInt64Min, 0}, {kInt64Max, 0}, -1},
      {{kInt64Min, 0}, {-kInt64Max, 0}, -1},
      {{kInt64Min, 1}, {kInt64Min, 0}, -1},
      {{kInt64Max, kInt32Max}, {kInt64Max, kInt32Max - 1}, 1},
      {{9223372036854775800, -1}, {922337203685477580, 0}, 0},
  };
  for (const CompareCase& c : cases) {
    EXPECT_EQ(SignOf(c.a.Compare(c.b)), c.expected)
        << c.a.ToString() << " vs " << c.b.ToString();
    EXPECT_EQ(SignOf(c.b.Compare(c.a)), -c.expected)
        << c.b.ToString() << " vs " << c.a.ToString();
  }
}

TEST(DecimalTest, OperatorsCompareValues) {
  EXPECT_TRUE((Decimal{30, 0} == Decimal{3, 1}));
  EXPECT_FALSE((Decimal{30, 0} != Decimal{3, 1}));
  EXPECT_TRUE((Decimal{29, 0} < Decimal{3, 1}));
  EXPECT_FALSE((Decimal{3, 1} < Decimal{3, 1}));
  // `rounded` is about how a value was obtained, not part of the value.
  EXPECT_TRUE((Decimal{5, 0, true} == Decimal{5, 0, false}));
}

// ---------------------------------------------------------------------------------------
// Normalized

TEST(DecimalTest, NormalizedMovesTrailingZerosIntoTheExponent) {
  const Decimal n = Decimal{3000, 0}.Normalized();
  EXPECT_EQ(n.mantissa, 3);
  EXPECT_EQ(n.exponent, 3);
  const Decimal fraction = Decimal{3500, -3}.Normalized();
  EXPECT_EQ(fraction.mantissa, 35);
  EXPECT_EQ(fraction.exponent, -1);
  const Decimal zero = Decimal{0, 42}.Normalized();
  EXPECT_EQ(zero.mantissa, 0);
  EXPECT_EQ(zero.exponent, 0);
  const Decimal negative = Decimal{-1200, 2}.Normalized();
  EXPECT_EQ(negative.mantissa, -12);
  EXPECT_EQ(negative.exponent, 4);
  EXPECT_TRUE((Decimal{10, 0, true}.Normalized().rounded));
}

TEST(DecimalTest, NormalizedStopsAtTheLargestExponent) {
  const Decimal n = Decimal{1000, kInt32Max - 1}.Normalized();
  EXPECT_EQ(n.mantissa, 100);
  EXPECT_EQ(n.exponent, kInt32Max);
}

// ---------------------------------------------------------------------------------------
// Arithmetic

void ExpectValue(const std::optional<Decimal>& actual, const Decimal& expected,
                 bool rounded, const std::string& what) {
  ASSERT_TRUE(actual.has_value()) << what;
  EXPECT_EQ(*actual, expected) << what << " = " << actual->ToString();
  EXPECT_EQ(actual->rounded, rounded) << what;
  EXPECT_LT(actual->mantissa, 1000000000000000000) << what;
  EXPECT_GT(actual->mantissa, -1000000000000000000) << what;
  EXPECT_LE(actual->exponent, kMaxDecimalExponent) << what;
  EXPECT_GE(actual->exponent, -kMaxDecimalExponent) << what;
}

struct BinaryCase {
  Decimal a;
  Decimal b;
  Decimal expected;
  bool rounded;
};

TEST(DecimalMathTest, MultiplyIsExactWithin18Digits) {
  const BinaryCase cases[] = {
      {{3657, -2}, {1, 8}, {3657, 6}, false},  // 36.57亿
      {{15, -1}, {1, 12}, {15, 11}, false},    // 1.5万亿
      {{3, 0}, {1, 7}, {3, 7}, false},         // 3千万
      {{-39, -1}, {2, 0}, {-78, -1}, false},
      {{-2, 0}, {-3, 0}, {6, 0}, false},
      {{0, 50}, {7, 50}, {0, 0}, false},
      {{999999999, 0}, {999999999, 0}, {999999998000000001, 0}, false},
  };
  for (const BinaryCase& c : cases) {
    ExpectValue(Multiply(c.a, c.b), c.expected, c.rounded,
                c.a.ToString() + " * " + c.b.ToString());
  }
}

TEST(DecimalMathTest, MultiplyRoundsHalfUpPast18Digits) {
  const BinaryCase cases[] = {
      // 123456789 * 1000000001 = 123456789123456789 (18 digits): exact.
      {{123456789, 0}, {1000000001, 0}, {123456789123456789, 0}, false},
      // 1234567891 * 1000000001 = 1234567892234567891: drops a 1.
      {{1234567891, 0}, {1000000001, 0}, {123456789223456789, 1}, true},
      // 1000000000000000005 -> ties round away from zero.
      {{200000000000000001, 0}, {5, 0}, {100000000000000001, 1}, true},
      {{-200000000000000001, 0}, {5, 0}, {-100000000000000001, 1}, true},
      // 999999999999999999 * 9 = 8999999999999999991: drops a 1.
      {{999999999999999999, 0}, {9, 0}, {899999999999999999, 1}, true},
      // Round up carries into a new digit: 9999999999999999995 -> 10^19.
      {{1999999999999999999, 0}, {5, 0}, {1, 19}, true},
      // Extreme mantissas stay within 128 bits.
      {{kInt64Min, 0}, {kInt64Min, 0}, {850705917302346159, 20}, true},
      {{kInt64Max, 0}, {kInt64Min, 0}, {-850705917302346159, 20}, true},
  };
  for (const BinaryCase& c : cases) {
    ExpectValue(Multiply(c.a, c.b), c.expected, c.rounded,
                c.a.ToString() + " * " + c.b.ToString());
  }
}

TEST(DecimalMathTest, MultiplyCarriesTheRoundedFlag) {
  std::optional<Decimal> product = Multiply(Decimal{2, 0, true}, Decimal{3, 0});
  ASSERT_TRUE(product.has_value());
  EXPECT_TRUE(product->rounded);
  EXPECT_EQ(*product, (Decimal{6, 0}));
}

TEST(DecimalMathTest, MultiplyFailsPastTheExponentLimit) {
  EXPECT_FALSE(Multiply(Decimal{1, 40}, Decimal{1, 40}).has_value());
  EXPECT_FALSE(Multiply(Decimal{1, -40}, Decimal{1, -40}).has_value());
  EXPECT_FALSE(
      Multiply(Decimal{1, kInt32Max}, Decimal{1, kInt32Max}).has_value());
  EXPECT_FALSE(
      Multiply(Decimal{1, kInt32Min}, Decimal{1, kInt32Min}).has_value());
  // An exponent past the limit is fine while zeros can move into the mantissa.
  ExpectValue(Multiply(Decimal{1, 40}, Decimal{1, 30}), Decimal{1, 70}, false,
              "10^40 * 10^30");
  ExpectValue(Multiply(Decimal{100, -31}, Decimal{1, -31}), Decimal{1, -60},
              false, "10^-29 * 10^-31");
  // A zero product is zero whatever the exponents.
  ExpectValue(Multiply(Decimal{0, kInt32Max}, Decimal{5, kInt32Max}), Decimal{},
              false, "0 * huge");
}

TEST(DecimalMathTest, AddIsExactWithin18Digits) {
  const BinaryCase cases[] = {
      {{49, 12}, {9592, 8}, {499592, 8}, false},  // 四十九兆九千五百九十二亿
      {{1, 8}, {2, 7}, {12, 7}, false},           // 1亿2000万
      {{375, -2}, {25, -2}, {4, 0}, false},
      {{-5, 0}, {3, 0}, {-2, 0}, false},
      {{5, 0}, {-5, 0}, {0, 0}, false},
      {{0, 0}, {-7, 3}, {-7, 3}, false},
      {{12, 30}, {0, -30}, {12, 30}, false},
      {{1, 17}, {-1, -1}, {999999999999999999, -1}, false},
  };
  for (const BinaryCase& c : cases) {
    ExpectValue(Add(c.a, c.b), c.expected, c.rounded,
                c.a.ToString() + " + " + c.b.ToString());
    ExpectValue(Add(c.b, c.a), c.expected, c.rounded,
                c.b.ToString() + " + " + c.a.ToString());
  }
}

TEST(DecimalMathTest, AddRoundsHalfUpPast18Digits) {
  // Expected values checked against Python's decimal module (prec=18,
  // ROUND_HALF_UP).
  const BinaryCase cases[] = {
      // 10^18 + 4 = 1000000000000000004: the 4 is dropped.
      {{1, 18}, {4, 0}, {1, 18}, true},
      // 10^18 + 5: a half rounds away from zero.
      {{1, 18}, {5, 0}, {100000000000000001, 1}, true},
      {{-1, 18}, {-5, 0}, {-100000000000000001, 1}, true},
      // 10^18 - 5 = 999999999999999995: 18 digits, exact.
      {{1, 18}, {-5, 0}, {999999999999999995, 0}, false},
      // Operands more than 19 digits apart: the small one is cut to whole
      // units, which
      // must not change the rounding.
      {{1, 40}, {500000000000000000, 5}, {100000000000000001, 23}, true},
      {{1, 40}, {499999999999999999, 5}, {1, 40}, true},
      {{1, 40}, {-500000000000000000, 5}, {999999999999999995, 22}, false},
      {{1, 40}, {-499999999999999999, 5}, {999999999999999995, 22}, true},
      {{1, 40}, {-500000000000000001, 5}, {999999999999999995, 22}, true},
      {{1, 40}, {1, -40}, {1, 40}, true},
      {{1, 40}, {-1, -40}, {1, 40}, true},
      {{-1, 40}, {1, -40}, {-1, 40}, true},
      {{123, 40}, {-7, 3}, {123, 40}, true},
  };
  for (const BinaryCase& c : cases) {
    const std::string what = c.a.ToString() + " + " + c.b.ToString();
    ExpectValue(Add(c.a, c.b), c.expected, c.rounded, what);
    ExpectValue(Add(c.b, c.a), c.expected, c.rounded, "reversed " + what);
  }
}

TEST(DecimalMathTest, AddNeverOverflowsTheExponent) {
  EXPECT_FALSE(Add(Decimal{1, kInt32Max}, Decimal{1, kInt32Min}).has_value());
  EXPECT_FALSE(Add(Decimal{1, kInt32Min}, Decimal{1, kInt32Min}).has_value());
  EXPECT_FALSE(Add(Decimal{0, 0}, Decimal{3, kInt32Min + 1}).has_value());
  ExpectValue(Add(Decimal{0, kInt32Max}, Decimal{3, 0}), Decimal{3, 0}, false,
              "0 * 10^huge + 3");
}

TEST(DecimalMathTest, AddHandlesExtremeMantissas) {
  ExpectValue(Add(Decimal{kInt64Min, 0}, Decimal{kInt64Min, 0}),
              Decimal{-184467440737095516, 2}, true, "min + min");
  ExpectValue(Add(Decimal{kInt64Max, 0}, Decimal{kInt64Min, 0}), Decimal{-1, 0},
              false, "max + min");
  ExpectValue(Add(Decimal{kInt64Max, 0}, Decimal{kInt64Max, 0}),
              Decimal{184467440737095516, 2}, true, "max + max");
}

TEST(DecimalMathTest, ScaleByPowerOf10) {
  ExpectValue(ScaleByPowerOf10(Decimal{15, -1}, 12), Decimal{15, 11}, false,
              "1.5 * 10^12");
  ExpectValue(ScaleByPowerOf10(Decimal{-3, 0}, -2), Decimal{-3, -2}, false,
              "-3 * 10^-2");
  // A 19-digit mantissa is brought to 18 digits.
  ExpectValue(ScaleByPowerOf10(Decimal{kInt64Max, 0}, 0),
              Decimal{922337203685477581, 1}, true, "INT64_MAX");
  EXPECT_FALSE(ScaleByPowerOf10(Decimal{1, 0}, 80).has_value());
  EXPECT_FALSE(ScaleByPowerOf10(Decimal{1, 0}, -61).has_value());
  EXPECT_FALSE(ScaleByPowerOf10(Decimal{1, kInt32Max}, kInt32Max).has_value());
  EXPECT_FALSE(ScaleByPowerOf10(Decimal{1, kInt32Min}, kInt32Min).has_value());
  ExpectValue(ScaleByPowerOf10(Decimal{0, kInt32Max}, kInt32Max), Decimal{},
              false, "0 * 10^huge");
  std::optional<Decimal> carried = ScaleByPowerOf10(Decimal{7, 0, true}, 1);
  ASSERT_TRUE(carried.has_value());
  EXPECT_TRUE(carried->rounded);
}

TEST(DecimalMathTest, NegateNeverOverflows) {
  const Decimal negated = Negate(Decimal{-375, -2});
  EXPECT_EQ(negated.mantissa, 375);
  EXPECT_EQ(negated.exponent, -2);
  EXPECT_FALSE(negated.rounded);
  EXPECT_EQ(Negate(Decimal{0, 3}), Decimal{});
  EXPECT_TRUE(Negate(Decimal{1, 0, true}).rounded);
  // -INT64_MIN does not fit: the nearest representable value, marked rounded.
  const Decimal min = Negate(Decimal{kInt64Min, 4});
  EXPECT_EQ(min.mantissa, kInt64Max);
  EXPECT_EQ(min.exponent, 4);
  EXPECT_TRUE(min.rounded);
}

TEST(DecimalMathTest, DecimalFromInt) {
  EXPECT_EQ(internal::DecimalFromInt(-42), (Decimal{-42, 0}));
  EXPECT_EQ(internal::DecimalFromInt(kInt64Min).mantissa, kInt64Min);
}

}  // namespace
}  // namespace factx
