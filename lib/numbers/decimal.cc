#include "factx/decimal.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

namespace factx {
namespace {

// GCC and Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet.
__extension__ typedef unsigned __int128 Uint128;

// |mantissa| without overflow: INT64_MIN's magnitude does not fit int64_t but
// fits uint64_t.
std::uint64_t Magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value)
                   : static_cast<std::uint64_t>(value);
}

int Sign(std::int64_t value) { return (value > 0) - (value < 0); }

int CountDigits(std::uint64_t value) {
  int digits = 1;
  while (value >= 10) {
    value /= 10;
    ++digits;
  }
  return digits;
}

Uint128 PowerOf10(int power) {
  Uint128 result = 1;
  for (int i = 0; i < power; ++i) result *= 10;
  return result;
}

// Compares two non-zero magnitudes m1 * 10^e1 and m2 * 10^e2.
int CompareMagnitudes(std::uint64_t m1, std::int32_t e1, std::uint64_t m2,
                      std::int32_t e2) {
  const int digits1 = CountDigits(m1);
  const int digits2 = CountDigits(m2);
  // The position of the leading digit decides unless it is the same.
  const std::int64_t lead1 = static_cast<std::int64_t>(e1) + digits1;
  const std::int64_t lead2 = static_cast<std::int64_t>(e2) + digits2;
  if (lead1 != lead2) return lead1 < lead2 ? -1 : 1;
  // Same leading position: pad the shorter mantissa with zeros (at most 19
  // digits apart, so the product stays far below 2^128).
  Uint128 a = m1;
  Uint128 b = m2;
  if (digits1 < digits2) a *= PowerOf10(digits2 - digits1);
  if (digits2 < digits1) b *= PowerOf10(digits1 - digits2);
  return a < b ? -1 : (a > b ? 1 : 0);
}

}  // namespace

double Decimal::ToDouble() const {
  // strtod rounds correctly, so "3657e6" gives exactly 3657000000.0. No decimal
  // point is written, so the C locale's radix character does not matter.
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%llde%ld",
                static_cast<long long>(mantissa), static_cast<long>(exponent));
  return std::strtod(buffer, nullptr);
}

std::string Decimal::ToString() const {
  const Decimal normal = Normalized();
  if (normal.mantissa == 0) return "0";
  std::string digits = std::to_string(Magnitude(normal.mantissa));
  std::string result;
  if (normal.mantissa < 0) result += '-';
  if (normal.exponent >= 0) {
    result += digits;
    result.append(static_cast<std::size_t>(normal.exponent), '0');
    return result;
  }
  const std::uint64_t fraction_digits =
      Magnitude(static_cast<std::int64_t>(normal.exponent));
  if (fraction_digits >= digits.size()) {
    result += "0.";
    result.append(fraction_digits - digits.size(), '0');
    result += digits;
  } else {
    const std::size_t integer_digits = digits.size() - fraction_digits;
    result.append(digits, 0, integer_digits);
    result += '.';
    result.append(digits, integer_digits, std::string::npos);
  }
  return result;
}

int Decimal::Compare(const Decimal& other) const {
  const int sign = Sign(mantissa);
  const int other_sign = Sign(other.mantissa);
  if (sign != other_sign) return sign < other_sign ? -1 : 1;
  if (sign == 0) return 0;
  const int by_magnitude = CompareMagnitudes(
      Magnitude(mantissa), exponent, Magnitude(other.mantissa), other.exponent);
  return sign > 0 ? by_magnitude : -by_magnitude;
}

Decimal Decimal::Normalized() const {
  if (mantissa == 0) return Decimal{0, 0, rounded};
  Decimal result = *this;
  while (result.mantissa % 10 == 0 &&
         result.exponent < std::numeric_limits<std::int32_t>::max()) {
    result.mantissa /= 10;
    ++result.exponent;
  }
  return result;
}

}  // namespace factx
