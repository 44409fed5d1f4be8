// factx/decimal.h: an exact decimal number, as news writes it.
//
// Money never goes through `double`: `36.57亿元` is `Decimal{3657, 6}`, exactly
// 3657000000.
//
//   factx::Decimal amount{3657, 6};
//   amount.ToString();   // "3657000000"
//   amount.ToDouble();   // 3.657e9
//   factx::Decimal{375, -2}.ToString();   // "3.75"
#ifndef FACTX_DECIMAL_H_
#define FACTX_DECIMAL_H_

#include <cstdint>
#include <string>

namespace factx {

// value = mantissa * 10^exponent. A plain value type; any mantissa/exponent
// pair is valid, and equal values may have different representations (`{30, 0}`
// and `{3, 1}`): compare with `Compare` or `==`, which compare values.
struct Decimal {
  // At most 18 significant digits (|mantissa| < 10^18).
  std::int64_t mantissa = 0;
  std::int32_t exponent = 0;
  // True when the number as written had more than 18 significant digits and the
  // trailing ones were dropped (rounded half up): the value is then the nearest
  // 18-digit approximation, never a wrapped one.
  bool rounded = false;

  // Nearest double (may lose precision; use for display or statistics only).
  double ToDouble() const;
  // Plain decimal notation without exponent or trailing zeros after the point:
  // "30000000000", "3.75", "-0.005", "0".
  std::string ToString() const;
  // Returns <0, 0 or >0 as *this is less than, equal to or greater than `other`
  // (exact).
  int Compare(const Decimal& other) const;
  // The same value with trailing zeros moved into the exponent (`{3000, 0}` ->
  // `{3, 3}`).
  Decimal Normalized() const;

  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.Compare(b) == 0;
  }
  friend bool operator!=(const Decimal& a, const Decimal& b) {
    return a.Compare(b) != 0;
  }
  friend bool operator<(const Decimal& a, const Decimal& b) {
    return a.Compare(b) < 0;
  }
};

}  // namespace factx

#endif  // FACTX_DECIMAL_H_
