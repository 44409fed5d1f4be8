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

Hits FindAll(const std::vector<std::string>& keys, std::string_view text) {
  return FindAll(LiteralMatcher(keys), text);
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
    EXPECT_EQ(FindAll(c.keys, c.text), c.expected) << c.text;
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
    EXPECT_EQ(FindAll(keys, text), expected) << text;
  }
}

// From the root the matcher steps over whole three-byte code points that start
// no key, even where their lead byte starts one: 元 and 年 share the lead byte
// E5, 亿 and 万 share E4. Keys that start inside a code point, or with a lead
// byte and no whole code point, turn the stepping off; the results are the
// same either way.
TEST(LiteralMatcherTest, StepsOverCodePointsThatStartNoKey) {
  const Case cases[] = {
      {{"元", "亿元"}, "年年元万亿元", {{0, 9}, {1, 18}, {0, 18}}},
      // A key in the middle of a code point: the 85 83 of 元.
      {{"\x85\x83", "年"}, "元年", {{0, 3}, {1, 6}}},
      // A key that is a lead byte alone, and one cut after two bytes.
      {{"\xE5", "年"}, "元年", {{0, 1}, {0, 4}, {1, 6}}},
      {{"\xE5\xB9", "亿"}, "元年亿", {{0, 5}, {1, 9}}},
      // Text cut inside a code point, and malformed sequences.
      {{"元"}, "年\xE5\x85", {}},
      {{"元"}, "\xE5\x85年\xE5\x85\x83", {{0, 8}}},
      {{"元"}, "\xE5元\xE5\x85\xE5\x85\x83", {{0, 4}, {0, 9}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindAll(c.keys, c.text), c.expected) << c.text;
  }
}

// Against a plain search over pieces of UTF-8: Han characters with shared lead
// bytes, and lone lead and continuation bytes, in keys and text.
TEST(LiteralMatcherTest, AgreesWithPlainSearchOverCutCodePoints) {
  std::mt19937 random(11);
  const std::vector<std::string> pieces = {"元", "年",   "亿",   "万",
                                           "a",  "\xE5", "\x85", "\xB9"};
  auto random_text = [&](std::size_t max_pieces, std::size_t cut_pieces) {
    std::string text;
    const std::size_t length = random() % (max_pieces + 1);
    for (std::size_t p = 0; p < length; ++p) {
      text += pieces[random() % (pieces.size() - cut_pieces)];
    }
    return text;
  };
  for (int round = 0; round < 400; ++round) {
    // Half the rounds' keys are whole code points, so the stepping is on.
    const std::size_t cut_pieces = round % 2 == 0 ? 3 : 0;
    std::vector<std::string> keys;
    for (int k = 0; k < 4; ++k) {
      std::string key = random_text(3, cut_pieces);
      if (!key.empty() &&
          std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    }
    const std::string text = random_text(30, 0);
    Hits expected;
    for (std::size_t end = 1; end <= text.size(); ++end) {
      std::vector<std::pair<std::size_t, int>> ending;  // (length, key)
      for (std::size_t k = 0; k < keys.size(); ++k) {
        if (keys[k].size() <= end &&
            text.compare(end - keys[k].size(), keys[k].size(), keys[k]) == 0)
          ending.emplace_back(keys[k].size(), static_cast<int>(k));
      }
      std::sort(ending.rbegin(), ending.rend());
      for (const auto& [length, key] : ending) expected.emplace_back(key, end);
    }
    EXPECT_EQ(FindAll(keys, text), expected) << text;
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
  ASSERT_EQ(LiteralMatcher(keys).key_count(), keys.size());
  // A key's index spells it two bits a letter, first letter lowest:
  // "abcdabcd" is 0xE4E4, "ddddaaaa" is 0x00FF.
  const std::string text =
      "亿xABCDabcD\xFF"
      "aBcdddddaaaa元";
  EXPECT_EQ(FindAll(keys, text), (Hits{{0xE4E4, 12},
                                       {0xFFE4, 21},
                                       {0x3FF9, 22},
                                       {0x0FFE, 23},
                                       {0x03FF, 24},
                                       {0x00FF, 25}}));
}

}  // namespace
}  // namespace factx::internal
