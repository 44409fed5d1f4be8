#include "lexing/literal_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace factx::internal {
namespace {

using Hits = std::vector<std::pair<int, std::size_t>>;

Hits FindAll(const LiteralMatcher& matcher, std::string_view text) {
  Hits hits;
  matcher.FindAll(
      text, [&hits](int key, std::size_t end) { hits.emplace_back(key, end); });
  return hits;
}

struct Case {
  std::vector<std::string> keys;
  std::string text;
  Hits expected;
};

TEST(LiteralMatcherTest, FindsEveryOccurrenceInOrderOfEnd) {
  const Case cases[] = {
      // Overlapping keys and suffixes of one another: all reported, the
      // longest first where they end together.
      {{"he", "she", "his", "hers"}, "ushers", {{1, 4}, {0, 4}, {3, 6}}},
      {{"a", "aa", "aaa"},
       "aaa",
       {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {1, 3}, {0, 3}}},
      // ASCII letters match either case, in the text and in the keys.
      {{"percent", "BLN"}, "5 PerCent, 3 bln", {{0, 9}, {1, 16}}},
      // UTF-8 keys are bytes: 亿元 inside 亿元 and 万亿元.
      {{"亿元", "万亿元", "%"}, "3万亿元和5%", {{1, 10}, {0, 10}, {2, 15}}},
      // Near misses: a prefix of a key, a key split by another byte.
      {{"亿元", "million"}, "亿 元 millio n", {}},
      // Bytes in no key, and an empty text.
      {{"$"}, std::string("\xFF\x00\x80 $", 5), {{0, 5}}},
      {{"$"}, "", {}},
      // No keys at all.
      {{}, "anything", {}},
  };
  for (const Case& c : cases) {
    const LiteralMatcher matcher(c.keys);
    EXPECT_EQ(FindAll(matcher, c.text), c.expected) << c.text;
  }
}

TEST(LiteralMatcherTest, ReportsKeyLengths) {
  const LiteralMatcher matcher({"亿元", "$"});
  ASSERT_EQ(matcher.key_count(), 2u);
  EXPECT_EQ(matcher.key_length(0), 6u);
  EXPECT_EQ(matcher.key_length(1), 1u);
}

// Against a plain search for each key, on random texts over a small alphabet
// (so that keys occur often and overlap).
TEST(LiteralMatcherTest, AgreesWithPlainSearch) {
  std::mt19937 random(7);
  const std::string alphabet = "abAB元%";
  auto random_text = [&](std::size_t max_bytes) {
    std::string text;
    const std::size_t length = random() % (max_bytes + 1);
    while (text.size() < length) {
      const std::size_t pick = random() % 6;
      text += pick == 4 ? std::string("元") : std::string(1, alphabet[pick]);
    }
    return text;
  };
  auto lower = [](std::string s) {
    for (char& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> keys;
    for (int k = 0; k < 6; ++k) {
      std::string key = random_text(5);
      if (key.empty()) continue;
      bool repeated = false;
      for (const std::string& other : keys)
        repeated |= lower(other) == lower(key);
      if (!repeated) keys.push_back(key);
    }
    const std::string text = random_text(40);
    const LiteralMatcher matcher(keys);
    Hits expected;
    const std::string folded = lower(text);
    for (std::size_t end = 1; end <= text.size(); ++end) {
      std::vector<std::pair<std::size_t, int>> ending;  // (length, key)
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::string key = lower(keys[k]);
        if (key.size() <= end &&
            folded.compare(end - key.size(), key.size(), key) == 0)
          ending.emplace_back(key.size(), static_cast<int>(k));
      }
      std::sort(ending.rbegin(), ending.rend());
      for (const auto& [length, key] : ending) expected.emplace_back(key, end);
    }
    EXPECT_EQ(FindAll(matcher, text), expected) << text;
  }
}

// Past 65,536 states the table takes 32-bit states: every key of eight
// letters over "abcd" (87,381 states, keys sharing prefixes), searched in a
// text whose non-ASCII bytes and upper-case letters the keys hold none of.
TEST(LiteralMatcherTest, FindsKeysPastSixteenBitStates) {
  std::vector<std::string> keys;
  for (int code = 0; code < 1 << 16; ++code) {
    std::string key;
    for (int letter = 0; letter < 8; ++letter)
      key += static_cast<char>('a' + (code >> (2 * letter) & 3));
    keys.push_back(key);
  }
  const LiteralMatcher matcher(keys);
  ASSERT_EQ(matcher.key_count(), keys.size());
  // A key's index spells it two bits a letter, first letter lowest:
  // "abcdabcd" is 0xE4E4, "ddddaaaa" is 0x00FF.
  const std::string text =
      "亿xABCDabcD\xFF"
      "aBcdddddaaaa元";
  EXPECT_EQ(FindAll(matcher, text), (Hits{{0xE4E4, 12},
                                          {0xFFE4, 21},
                                          {0x3FF9, 22},
                                          {0x0FFE, 23},
                                          {0x03FF, 24},
                                          {0x00FF, 25}}));
}

}  // namespace
}  // namespace factx::internal
