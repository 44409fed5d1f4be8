#include "numbers/decimal_math.h"

#include <cstdint>
#include <limits>
#include <optional>

namespace factx::internal {
namespace {

// GCC and Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet. The
// product of two int64 magnitudes (< 2^126) and an int64 magnitude times 10^19
// (< 2^127) both fit.
__extension__ typedef unsigned __int128 Uint128;

constexpr int kMaxDigits = 18;
constexpr std::uint64_t kMantissaLimit = 1'000'000'000'000'000'000ULL;  // 10^18

std::uint64_t Magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value)
                   : static_cast<std::uint64_t>(value);
}

Uint128 PowerOf10(int power) {
  Uint128 result = 1;
  for (int i = 0; i < power; ++i) result *= 10;
  return result;
}

int CountDigits(Uint128 value) {
  int digits = 1;
  while (value >= 10) {
    value /= 10;
    ++digits;
  }
  return digits;
}

// Builds the Decimal (-1)^negative * magnitude * 10^exponent: drops digits past
// the 18th with round-half-up (ties away from zero, on the magnitude), then
// brings the exponent within ±kMaxDecimalExponent by moving zeros between
// mantissa and exponent, or fails.
std::optional<Decimal> Build(Uint128 magnitude, bool negative,
                             std::int64_t exponent, bool rounded) {
  if (magnitude == 0) return Decimal{0, 0, rounded};
  const int digits = CountDigits(magnitude);
  if (digits > kMaxDigits) {
    const int dropped = digits - kMaxDigits;
    const Uint128 divisor = PowerOf10(dropped);
    const Uint128 remainder = magnitude % divisor;
    magnitude /= divisor;
    exponent += dropped;
    if (remainder != 0) rounded = true;
    if (remainder >= divisor / 2)
      ++magnitude;  // divisor / 2 is 5 * 10^(dropped - 1)
    if (magnitude == kMantissaLimit) {
      magnitude /= 10;
      ++exponent;
    }
  }
  std::uint64_t mantissa = static_cast<std::uint64_t>(magnitude);
  while (exponent > kMaxDecimalExponent && mantissa < kMantissaLimit / 10) {
    mantissa *= 10;
    --exponent;
  }
  while (exponent < -kMaxDecimalExponent && mantissa % 10 == 0) {
    mantissa /= 10;
    ++exponent;
  }
  if (exponent > kMaxDecimalExponent || exponent < -kMaxDecimalExponent) {
    return std::nullopt;
  }
  const std::int64_t signed_mantissa = static_cast<std::int64_t>(mantissa);
  return Decimal{negative ? -signed_mantissa : signed_mantissa,
                 static_cast<std::int32_t>(exponent), rounded};
}

std::optional<Decimal> Rebuild(const Decimal& value, std::int64_t exponent,
                               bool rounded) {
  return Build(Magnitude(value.mantissa), value.mantissa < 0, exponent,
               rounded);
}

}  // namespace

std::optional<Decimal> Multiply(const Decimal& a, const Decimal& b) {
  const bool rounded = a.rounded || b.rounded;
  const Uint128 product =
      static_cast<Uint128>(Magnitude(a.mantissa)) * Magnitude(b.mantissa);
  const std::int64_t exponent =
      static_cast<std::int64_t>(a.exponent) + b.exponent;
  return Build(product, (a.mantissa < 0) != (b.mantissa < 0), exponent,
               rounded);
}

std::optional<Decimal> Add(const Decimal& a, const Decimal& b) {
  const bool rounded = a.rounded || b.rounded;
  if (a.mantissa == 0) return Rebuild(b, b.exponent, rounded);
  if (b.mantissa == 0) return Rebuild(a, a.exponent, rounded);
  // `high` has the larger exponent; its mantissa is shifted left onto `low`'s
  // exponent.
  const Decimal& high = a.exponent >= b.exponent ? a : b;
  const Decimal& low = a.exponent >= b.exponent ? b : a;
  const std::int64_t shift =
      static_cast<std::int64_t>(high.exponent) - low.exponent;
  const bool same_sign = (high.mantissa < 0) == (low.mantissa < 0);
  const Uint128 high_magnitude = Magnitude(high.mantissa);
  const Uint128 low_magnitude = Magnitude(low.mantissa);

  if (shift <= 19) {
    // Exact: both fit 128 bits on the common exponent.
    const Uint128 shifted = high_magnitude * PowerOf10(static_cast<int>(shift));
    if (same_sign) {
      return Build(shifted + low_magnitude, high.mantissa < 0, low.exponent,
                   rounded);
    }
    if (shifted >= low_magnitude) {
      return Build(shifted - low_magnitude, high.mantissa < 0, low.exponent,
                   rounded);
    }
    return Build(low_magnitude - shifted, low.mantissa < 0, low.exponent,
                 rounded);
  }

  // `low` lies entirely below the 19th digit of `high`: shift `high` by 19
  // digits and cut `low` to whole units of the new exponent. The cut part (< 1
  // unit) can only matter to rounding through "is it zero", because Build drops
  // at least one whole digit here: taking the floor of the sum (same sign) or
  // of the difference (opposite signs) leaves round-half-up unchanged.
  const Uint128 shifted = high_magnitude * PowerOf10(19);
  const std::int64_t cut = shift - 19;
  Uint128 low_units = 0;
  bool low_fraction = low_magnitude != 0;
  if (cut <= 19) {
    const Uint128 divisor = PowerOf10(static_cast<int>(cut));
    low_units = low_magnitude / divisor;
    low_fraction = low_magnitude % divisor != 0;
  }
  const std::int64_t exponent = static_cast<std::int64_t>(high.exponent) - 19;
  const bool inexact = rounded || low_fraction;
  if (same_sign) {
    return Build(shifted + low_units, high.mantissa < 0, exponent, inexact);
  }
  // shifted >= 10^19 > low_units + 1, so this cannot go below zero.
  return Build(shifted - low_units - (low_fraction ? 1 : 0), high.mantissa < 0,
               exponent, inexact);
}

std::optional<Decimal> ScaleByPowerOf10(const Decimal& a, std::int32_t power) {
  return Rebuild(a, static_cast<std::int64_t>(a.exponent) + power, a.rounded);
}

Decimal Negate(const Decimal& a) {
  // -INT64_MIN does not fit: the nearest representable magnitude is one unit
  // less.
  if (a.mantissa == std::numeric_limits<std::int64_t>::min()) {
    return Decimal{std::numeric_limits<std::int64_t>::max(), a.exponent, true};
  }
  return Decimal{-a.mantissa, a.exponent, a.rounded};
}

}  // namespace factx::internal
