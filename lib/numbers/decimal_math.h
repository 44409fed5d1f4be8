// Exact arithmetic on factx::Decimal for the number parser and the fact
// builders.
//
// Results keep at most 18 significant digits; when more would be needed the
// trailing digits are dropped with round-half-up and `rounded` is set on the
// result (it is also carried from the operands). Exponents are bounded by
// kMaxDecimalExponent: past it an operation fails (returns std::nullopt)
// instead of building an absurd value such as 亿亿亿亿….
#ifndef FACTX_LIB_NUMBERS_DECIMAL_MATH_H_
#define FACTX_LIB_NUMBERS_DECIMAL_MATH_H_

#include <cstdint>
#include <optional>

#include "factx/decimal.h"

namespace factx::internal {

// |exponent| limit for every value the library builds (10^60 is far beyond any
// real amount).
inline constexpr std::int32_t kMaxDecimalExponent = 60;

// a * b.
std::optional<Decimal> Multiply(const Decimal& a, const Decimal& b);
// a + b (exact when it fits 18 digits).
std::optional<Decimal> Add(const Decimal& a, const Decimal& b);
// a * 10^power.
std::optional<Decimal> ScaleByPowerOf10(const Decimal& a, std::int32_t power);
// -a.
Decimal Negate(const Decimal& a);
// An integer as a Decimal.
inline Decimal DecimalFromInt(std::int64_t value) {
  return Decimal{value, 0, false};
}

}  // namespace factx::internal

#endif  // FACTX_LIB_NUMBERS_DECIMAL_MATH_H_
