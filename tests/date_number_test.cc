// ReadDateNumber (lib/numbers/date_number.h): every form of the small numbers
// of dates, with the count of digits written one by one, and what it refuses.
#include "numbers/date_number.h"

#include <gtest/gtest.h>

#include <optional>

namespace factx {
namespace {

TEST(DateNumberTest, ReadsDigitsChineseNumeralsAndWords) {
  struct NumberCase {
    const char* text;
    int value;
    int digits;
  };
  const NumberCase cases[] = {
      {"2017", 2017, 4}, {"09", 9, 2},          {"二〇一七", 2017, 4},
      {"零八", 8, 2},    {"三六七", 367, 3},    {"十二", 12, 0},
      {"二十三", 23, 0}, {"两千零四", 2004, 0}, {"二千零二十", 2020, 0},
      {"廿三", 23, 0},   {"卅一", 31, 0},       {"三十一", 31, 0},
      {"元", 1, 0},      {"首", 1, 0},          {"third", 3, 0},
      {"Twelve", 12, 0}, {"12th", 12, 2},
  };
  for (const NumberCase& c : cases) {
    int digits = -1;
    const std::optional<int> value = internal::ReadDateNumber(c.text, &digits);
    ASSERT_TRUE(value.has_value()) << c.text;
    EXPECT_EQ(*value, c.value) << c.text;
    EXPECT_EQ(digits, c.digits) << c.text;
  }
  for (const char* bad :
       {"", "abc", "十十", "两三", "12345", "3.5", "二十万"}) {
    int digits = 0;
    EXPECT_FALSE(internal::ReadDateNumber(bad, &digits).has_value()) << bad;
  }
}

}  // namespace
}  // namespace factx
