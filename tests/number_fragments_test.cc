// The number fragments of lib/rules/common/numbers.rules: they find what they
// promise, and every text they match is read by ParseNumber
// (lib/numbers/number_parser.h), so a rule never finds a number it cannot read.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_file.h"
#include "factx/decimal.h"
#include "numbers/number_parser.h"
#include "test_support.h"

namespace factx::internal {
namespace {

// The fragments rules use to find numbers.
constexpr std::string_view kNumberFragments[] = {
    "NUM_ARABIC", "CN_DIGIT",     "NUM_CHINESE", "NUM_CHINESE_DIGITS",
    "NUM_ZH",     "NUM_EN_WORDS", "NUM_EN",
};

// Compiles the fragments of common/numbers.rules once, as the rule engine does
// (UTF-8, leftmost-longest).
class NumberFragments {
 public:
  static const NumberFragments& Get() {
    static const NumberFragments* fragments = new NumberFragments();
    return *fragments;
  }

  // The compiled fragment, or nullptr when it does not exist or compile.
  const RE2* Find(std::string_view name) const {
    auto it = compiled_.find(std::string(name));
    return it == compiled_.end() ? nullptr : it->second.get();
  }

  // The fragment's loose form (its own pattern if it has no `loose` form).
  const RE2* FindLoose(std::string_view name) const {
    auto it = loose_compiled_.find(std::string(name));
    return it == loose_compiled_.end() ? nullptr : it->second.get();
  }

  const std::string& load_error() const { return load_error_; }

  // The words a fragment declares that its matches hold (`needs`), or null.
  const std::vector<std::string>* Needs(std::string_view name) const {
    auto it = needs_.find(name);
    return it == needs_.end() ? nullptr : &it->second;
  }

 private:
  NumberFragments() {
    RuleSet rules;
    bool found = false;
    for (const BuiltinRuleFile& file : BuiltinRuleFiles()) {
      if (file.path != "common/numbers.rules") continue;
      found = true;
      Status status = ParseRuleText(file.text, file.path, &rules);
      if (!status.ok()) load_error_ = status.ToString();
    }
    if (!found) load_error_ = "common/numbers.rules is not built in";
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_longest_match(true);
    options.set_log_errors(false);
    // The English number words are tables ({@number_en_ones}): each is the
    // alternation of its keys.
    for (auto* patterns : {&rules.fragments, &rules.loose_fragments}) {
      for (auto& [name, pattern] : *patterns) {
        pattern = WithTablesExpanded(pattern, rules);
      }
    }
    Compile(rules.fragments, options, "", &compiled_);
    // A loose form is a strict part (rule_file.h), named as in a rule.
    for (auto& [name, loose] : rules.loose_fragments) NumberStrictParts(&loose);
    Compile(rules.loose_fragments, options, " (loose)", &loose_compiled_);
    needs_ = rules.fragment_needs;
  }

  static std::string WithTablesExpanded(const std::string& pattern,
                                        const RuleSet& rules) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t open; (open = pattern.find("{@", at)) != std::string::npos;
         at = pattern.find('}', open) + 1) {
      const std::size_t close = pattern.find('}', open);
      const auto table =
          rules.tables.find(pattern.substr(open + 2, close - open - 2));
      out.append(pattern, at, open - at).append("(?:");
      for (const auto& [key, value] : table->second.entries) {
        if (out.back() != ':') out += '|';
        out += RE2::QuoteMeta(key);
      }
      out += ')';
    }
    return out + pattern.substr(at);
  }

  void Compile(const std::map<std::string, std::string, std::less<>>& patterns,
               const RE2::Options& options, const std::string& label,
               std::map<std::string, std::unique_ptr<RE2>>* out) {
    for (const auto& [name, pattern] : patterns) {
      auto re = std::make_unique<RE2>(pattern, options);
      if (!re->ok()) {
        load_error_ += name + label + ": " + re->error() + "\n";
        continue;
      }
      (*out)[name] = std::move(re);
    }
  }

  std::map<std::string, std::unique_ptr<RE2>> compiled_;
  std::map<std::string, std::unique_ptr<RE2>> loose_compiled_;
  std::map<std::string, std::vector<std::string>, std::less<>> needs_;
  std::string load_error_;
};

const RE2& Fragment(std::string_view name) {
  const RE2* re = NumberFragments::Get().Find(name);
  if (re == nullptr) {
    ADD_FAILURE() << "no fragment " << name << "; "
                  << NumberFragments::Get().load_error();
    static const RE2 never("a\\bb");
    return never;
  }
  return *re;
}

TEST(NumberFragmentsTest, LoadsAndCompiles) {
  EXPECT_EQ(NumberFragments::Get().load_error(), "");
  for (std::string_view name : kNumberFragments) {
    EXPECT_NE(NumberFragments::Get().Find(name), nullptr) << name;
  }
  for (std::string_view name : {"SCALE_ZH", "SCALE_EN"}) {
    EXPECT_NE(NumberFragments::Get().Find(name), nullptr) << name;
  }
}

TEST(NumberFragmentsTest, NoFragmentMatchesEmptyText) {
  for (std::string_view name : kNumberFragments) {
    EXPECT_FALSE(RE2::FullMatch("", Fragment(name))) << name;
  }
  EXPECT_FALSE(RE2::FullMatch("", Fragment("SCALE_ZH")));
  EXPECT_FALSE(RE2::FullMatch("", Fragment("SCALE_EN")));
}

struct FragmentCase {
  std::string_view fragment;
  std::string_view text;
};

TEST(NumberFragmentsTest, MatchWholeNumbers) {
  const FragmentCase cases[] = {
      {"NUM_ARABIC", "1,500"},
      {"NUM_ARABIC", "3.75"},
      {"NUM_ARABIC", "1,100.9"},
      {"NUM_ARABIC", "15000"},
      {"CN_DIGIT", "两"},
      {"CN_DIGIT", "〇"},
      {"CN_DIGIT", "玖"},
      {"NUM_CHINESE", "三千五百"},
      {"NUM_CHINESE", "一百零四"},
      {"NUM_CHINESE", "十五"},
      {"NUM_CHINESE", "廿"},
      {"NUM_CHINESE", "卅五"},
      {"NUM_CHINESE", "壹佰贰拾"},
      {"NUM_CHINESE", "三点五"},
      {"NUM_CHINESE", "一百二十点五"},
      {"NUM_CHINESE", "两千五"},
      {"NUM_CHINESE", "零"},
      {"NUM_CHINESE_DIGITS", "二〇一七"},
      {"NUM_ZH", "四十九兆九千五百九十二亿"},
      {"NUM_ZH", "一千零五十万"},
      {"NUM_ZH", "三万五"},
      {"NUM_ZH", "三千五百万"},
      {"NUM_ZH", "一万五千亿"},
      {"NUM_ZH", "3万亿5000亿"},
      {"NUM_ZH", "1亿2000万"},
      {"NUM_ZH", "1亿5千万"},
      {"NUM_ZH", "3千5百万"},
      {"NUM_ZH", "2万5千"},
      {"NUM_ZH", "2亿3千零5百万"},
      {"NUM_ZH", "1.5万亿"},
      {"NUM_ZH", "3.5万亿"},
      {"NUM_ZH", "1,100.9亿"},
      {"NUM_ZH", "36.57亿"},
      {"NUM_ZH", "3千万"},
      {"NUM_ZH", "3百万"},
      {"NUM_ZH", "5千"},
      {"NUM_ZH", "1.2万"},
      {"NUM_ZH", "三点五亿"},
      {"NUM_ZH", "二点五千万"},
      {"NUM_ZH", "拾万零五十六点叁叁"},
      {"NUM_ZH", "一亿零五百万"},
      {"NUM_ZH", "两亿"},
      {"NUM_ZH", "1万5000"},
      {"NUM_EN_WORDS", "seventeen"},
      {"NUM_EN_WORDS", "twenty-one"},
      {"NUM_EN_WORDS", "one hundred and five"},
      {"NUM_EN_WORDS", "Twelve hundred"},
      {"NUM_EN", "20.5k"},
      {"NUM_EN", "3.5 billion"},
      {"NUM_EN", "1.2bn"},
      {"NUM_EN", "1.2-trillion"},
      {"NUM_EN", "1.2BN"},
      {"NUM_EN", "5m"},
      {"NUM_EN", "3 Million"},
      {"NUM_EN", "twenty-one million"},
      {"NUM_EN", "a million"},
      {"NUM_EN", "half a million"},
      {"NUM_EN", "two and a half billion"},
      {"NUM_EN", "three quarters billion"},
      {"NUM_EN", "35 lakh"},
  };
  for (const FragmentCase& c : cases) {
    EXPECT_TRUE(RE2::FullMatch(c.text, Fragment(c.fragment)))
        << c.fragment << " " << c.text;
    EXPECT_TRUE(ParseNumber(c.text).has_value()) << c.text;
  }
}

TEST(NumberFragmentsTest, SkipAmbiguousAndMalformedNumbers) {
  const FragmentCase cases[] = {
      {"NUM_ARABIC", "1,00"},     {"NUM_ARABIC", ".5"},
      {"NUM_ARABIC", "1..2"},     {"NUM_CHINESE", "三五"},
      {"NUM_CHINESE", "两点五"},  {"NUM_CHINESE", "十十"},
      {"NUM_CHINESE", "三点"},    {"NUM_ZH", "三五万"},
      {"NUM_ZH", "一百五万"},     {"NUM_ZH", "三万五亿"},
      {"NUM_ZH", "1.5亿万"},      {"NUM_ZH", "1.5亿3000万"},
      {"NUM_ZH", "亿"},           {"NUM_ZH", "数百万"},
      {"NUM_ZH", "1亿20000万"},   {"NUM_EN_WORDS", "someone"},
      {"NUM_EN_WORDS", "tennis"}, {"NUM_EN", "5 months"},
      {"NUM_EN", "five k"},       {"NUM_EN", "three millions"},
  };
  for (const FragmentCase& c : cases) {
    EXPECT_FALSE(RE2::FullMatch(c.text, Fragment(c.fragment)))
        << c.fragment << " " << c.text;
  }
}

TEST(NumberFragmentsTest, FindNumbersInText) {
  struct InText {
    std::string_view fragment;
    std::string_view text;
    std::string_view found;
    Decimal value;
  };
  const InText cases[] = {
      {"NUM_ZH",
       "该项目总投资四十九兆九千五百九十二亿元",
       "四十九兆九千五百九十二亿",
       {499592, 8}},
      {"NUM_ZH", "计划投入1.5万亿元用于", "1.5万亿", {15, 11}},
      {"NUM_ZH", "共募集三千五百万元", "三千五百万", {35, 6}},
      {"NUM_ZH", "合计1,100.9亿元", "1,100.9亿", {11009, 7}},
      {"NUM_EN", "raised $3.5 billion in new funding", "3.5 billion", {35, 8}},
      {"NUM_EN", "a deal worth 20.5k dollars", "20.5k", {205, 2}},
      {"NUM_EN", "for twenty-one million euros", "twenty-one million", {21, 6}},
  };
  for (const InText& c : cases) {
    std::string found;
    const std::string pattern = "(" + Fragment(c.fragment).pattern() + ")";
    RE2::Options options;
    options.set_longest_match(true);
    const RE2 capture(pattern, options);
    ASSERT_TRUE(RE2::PartialMatch(c.text, capture, &found)) << c.text;
    EXPECT_EQ(found, c.found) << c.text;
    const std::optional<Decimal> value = ParseNumber(found);
    ASSERT_TRUE(value.has_value()) << found;
    EXPECT_EQ(*value, c.value) << found;
  }
}

// Every text the fragments match parses, and their loose forms match it too
// (else the prefilter would skip a rule that matches), and every text a
// fragment that declares `needs` matches, in either form, holds one of its
// words (else the prefilter would skip it too): all sequences of up to four
// pieces of an alphabet of numeral characters and digit groups, then longer
// sequences from a fixed pseudo-random generator.
void ExpectEveryMatchParses(const std::vector<std::string_view>& alphabet,
                            int max_exhaustive_length, int random_sequences,
                            std::uint32_t seed) {
  std::vector<std::string_view> names(std::begin(kNumberFragments),
                                      std::end(kNumberFragments));
  std::vector<const RE2*> fragments;
  for (std::string_view name : names) fragments.push_back(&Fragment(name));
  // Rules may also put a Chinese scale after arabic digits.
  const RE2 arabic_with_scale("(?:" + Fragment("NUM_ARABIC").pattern() +
                              ")(?:" + Fragment("SCALE_ZH").pattern() + ")");
  names.push_back("{NUM_ARABIC}{SCALE_ZH}");
  fragments.push_back(&arabic_with_scale);
  int failures = 0;
  std::vector<const RE2*> loose_forms;
  for (std::string_view name : names) {
    loose_forms.push_back(NumberFragments::Get().FindLoose(name));
  }
  auto holds_a_need = [](std::string text,
                         const std::vector<std::string>& needs) {
    for (char& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    // The text stands alone: its start is a word's.
    return std::any_of(needs.begin(), needs.end(), [&](const std::string& w) {
      return test_support::AtomHolds(text, w);
    });
  };
  auto check = [&](const std::string& text) {
    for (std::size_t i = 0; i < fragments.size() && failures < 20; ++i) {
      const std::vector<std::string>* needs =
          NumberFragments::Get().Needs(names[i]);
      if (needs != nullptr && !holds_a_need(text, *needs) &&
          (RE2::FullMatch(text, *fragments[i]) ||
           (loose_forms[i] != nullptr &&
            RE2::FullMatch(text, *loose_forms[i])))) {
        ADD_FAILURE() << names[i] << " matches \"" << text
                      << "\", which holds none of its needs";
        ++failures;
      }
      if (!RE2::FullMatch(text, *fragments[i])) continue;
      if (!ParseNumber(text).has_value()) {
        ADD_FAILURE() << names[i] << " matches \"" << text
                      << "\" but ParseNumber rejects it";
        ++failures;
      }
      if (i < loose_forms.size() && loose_forms[i] != nullptr &&
          !RE2::FullMatch(text, *loose_forms[i])) {
        ADD_FAILURE() << names[i] << " matches \"" << text
                      << "\" but its loose form does not";
        ++failures;
      }
    }
  };
  // Exhaustive: counts through all sequences as numbers in base
  // alphabet.size().
  std::vector<std::size_t> digits;
  for (int length = 1; length <= max_exhaustive_length; ++length) {
    digits.assign(length, 0);
    while (true) {
      std::string text;
      for (std::size_t d : digits) text += alphabet[d];
      check(text);
      std::size_t i = 0;
      while (i < digits.size() && ++digits[i] == alphabet.size()) {
        digits[i++] = 0;
      }
      if (i == digits.size()) break;
    }
  }
  // Longer sequences from a linear congruential generator (deterministic).
  std::uint32_t state = seed;
  auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  for (int n = 0; n < random_sequences; ++n) {
    std::string text;
    const int length = 5 + static_cast<int>(next(8));
    for (int i = 0; i < length; ++i) {
      text += alphabet[next(static_cast<std::uint32_t>(alphabet.size()))];
    }
    check(text);
  }
}

TEST(NumberFragmentsTest, EveryChineseMatchParses) {
  const std::vector<std::string_view> alphabet = {
      "一", "二", "两", "五", "〇", "零", "十",   "百",  "千", "万",  "亿",
      "兆", "点", "廿", "拾", "5",  "12", "2000", "1.5", "0",  ",000"};
  ExpectEveryMatchParses(alphabet, 4, 60000, 17);
}

TEST(NumberFragmentsTest, EveryEnglishMatchParses) {
  const std::vector<std::string_view> alphabet = {
      "one",     "twenty",   "seven",   "four", "teen", "ty",
      "hundred", "thousand", "million", "and",  "a",    "half",
      "three",   "quarters", " ",       "-",    "k",    "bn",
      "m",       "5",        "1.5",     "0",    ",000"};
  ExpectEveryMatchParses(alphabet, 4, 60000, 29);
}

}  // namespace
}  // namespace factx::internal
