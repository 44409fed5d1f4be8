// The matcher of patterns over token strings finds matches and reads their
// captures as RE2 does: checked on patterns written for it, and on every
// built-in rule over tokens against RE2 itself.
#include "engine/token_matcher.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "engine/token_rules.h"
#include "lexing/lexer.h"
#include "lexing/token_text.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

RE2::Options Longest() {
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(false);
  return options;
}

// The groups of RE2's match of `re` in text[from, end) (anchored at from or
// not) as "begin-end" offsets, "-" for a group that took no part; "none"
// without a match.
std::string Re2Groups(const RE2& re, std::string_view text, std::size_t from,
                      bool anchored) {
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(),
                anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, groups.data(),
                static_cast<int>(groups.size()))) {
    return "none";
  }
  std::string out;
  for (const re2::StringPiece& group : groups) {
    if (!out.empty()) out += ' ';
    if (group.data() == nullptr) {
      out += '-';
    } else {
      const std::size_t begin = group.data() - text.data();
      out += std::to_string(begin) + "-" + std::to_string(begin + group.size());
    }
  }
  return out;
}

// The symbols (private use code points of the BMP) in `text`: what
// TokenText::token_symbols gives for a token string.
std::vector<TokenSymbol> Symbols(std::string_view text) {
  std::vector<TokenSymbol> symbols;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t c = DecodeUtf8(text, i, &length);
    if (c >= kNumberSymbolBase && c < kBmpSymbolsEnd) {
      symbols.push_back(TokenSymbol{static_cast<std::uint32_t>(i), c});
    }
    i += length;
  }
  return symbols;
}

// The same, with the matcher finding the span (RE2's DFAs, `re`, where it
// gives up) and reading its groups, as the engine does; `tokens` as
// the engine passes them, or null.
std::string MatcherGroups(const RE2& re, const TokenMatcher& matcher,
                          std::string_view text, std::size_t from,
                          bool anchored,
                          const std::vector<TokenSymbol>* tokens) {
  std::size_t begin = 0, end = 0;
  switch (matcher.Search(text, from, anchored, tokens, &begin, &end)) {
    case TokenMatcher::SearchResult::kNoMatch:
      return "none";
    case TokenMatcher::SearchResult::kMatch:
      break;
    case TokenMatcher::SearchResult::kGaveUp: {
      re2::StringPiece span;
      if (!re.Match(re2::StringPiece(text.data(), text.size()), from,
                    text.size(), anchored ? RE2::ANCHOR_START : RE2::UNANCHORED,
                    &span, 1)) {
        return "none";
      }
      begin = span.data() - text.data();
      end = begin + span.size();
      break;
    }
  }
  TokenMatchScratch scratch;
  std::vector<std::int32_t> offsets;
  if (!matcher.Match(text, begin, end, &scratch, &offsets)) {
    return "matcher found none";
  }
  std::string out;
  for (std::size_t g = 0; g + 1 < offsets.size(); g += 2) {
    if (!out.empty()) out += ' ';
    out += offsets[g] < 0 ? "-"
                          : std::to_string(offsets[g]) + "-" +
                                std::to_string(offsets[g + 1]);
  }
  return out;
}

TEST(TokenMatcherTest, ReadsCapturesAsRe2Does) {
  const struct {
    std::string_view pattern;
    std::vector<std::string_view> texts;
  } kCases[] = {
      // Of the ways to read the longest match, the first in priority order.
      {"(a|ab)(c|bcd)(d*)", {"abcd", "xabcdd"}},
      {"(a*)(a*)", {"aaa"}},
      {"(a*?)(a*)", {"aaa"}},
      {"(?:(a)|(b))+", {"abba", "ba"}},
      {"(a)?(ab)?b", {"ab", "abb"}},
      {"x(?P<n>[0-9]+)?(?:y|(z))", {"x12z", "xy", "x1y z"}},
      {"(a{2,3})(a{0,2}?)", {"aaaaa"}},
      {"(a{2})(b{1,})", {"aabbb", "aab"}},
      // Classes, escapes, case.
      {"([\\x{4E00}-\\x{4E09}余]+)\\s?(元)", {"一三余 元", "四元"}},
      {"(?i:(us)d)\\b", {"USD", "usd1", "uSd x"}},
      {"(?i:k)", {"\u212A"}},
      {"\\$(\\d+)|(\\w+)!", {"$12", "ab_1!"}},
      {"^(a)|(b)$", {"ab", "ba"}},
      {"\\bx\\B", {"xy x", "x"}},
      {"[-a]+|\\{", {"a-a", "{"}},
      // The leftmost match, then the longest from there.
      {"(x|xy|xyz)(z?)", {"axyzz", "xy xyz"}},
      {"(b+)|(ab*c)", {"abbbd", "abbc"}},
      {"(a*)", {"", "baa"}},
      {"()", {"ab"}},
      {"(\\b)", {"ab c"}},
      {"(a)$|(b)", {"ab a", "a"}},
      {"(?:^|x)(a)", {"aa xa", "ba"}},
      {"(\\B)(b)", {"ab b"}},
      // Symbols, which a search finds among the tokens' offsets.
      {"(\\x{E501})(\\x{E600}*)|\\x{E502}",
       {"a\uE501\uE600\uE600b", "\uE600\uE502\uE501", "\uE501"}},
      {"([\\x{E000}-\\x{E4FF}])\\s?(\\x{E700})",
       {"\uE004 \uE700 \uE005\uE700", "\uE004  \uE700"}},
      {"(\\x{E501}?)x", {"\uE501x x"}},
      // Ways past the budget of steps without memory: read again with it.
      {"((?:a|aa)*)(b)|((?:a|aa)*)(c)", {"aaaaaaaaaaaaaaaaaaaaaaaac"}},
      {"(?:a|a)*(a*)d", {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaad", "aaaa"}},
      // A start whose next code point no match reads second is skipped.
      {"(a)(b|c)|(d)", {"aab ad ac d", "a"}},
      {"(\\x{E501})\\s?(\\x{E600})", {"\uE501\uE501 \uE600\uE501x\uE501"}},
      {"(\\x{E501})\\b(\\x{E600})?", {"\uE501a\uE501\uE600"}},
  };
  for (const auto& c : kCases) {
    const RE2 re(c.pattern, Longest());
    ASSERT_TRUE(re.ok()) << c.pattern;
    const std::unique_ptr<TokenMatcher> matcher =
        TokenMatcher::Compile(c.pattern);
    ASSERT_NE(matcher, nullptr) << c.pattern;
    EXPECT_EQ(matcher->group_count(), re.NumberOfCapturingGroups());
    for (const std::string_view text : c.texts) {
      for (std::size_t from = 0; from <= text.size(); ++from) {
        if (from < text.size() && (text[from] & 0xC0) == 0x80) continue;
        for (const bool anchored : {false, true}) {
          const std::vector<TokenSymbol> symbols = Symbols(text);
          for (const std::vector<TokenSymbol>* tokens :
               {&symbols, static_cast<decltype(&symbols)>(nullptr)}) {
            EXPECT_EQ(MatcherGroups(re, *matcher, text, from, anchored, tokens),
                      Re2Groups(re, text, from, anchored))
                << c.pattern << " on " << text << " from " << from
                << (anchored ? " anchored" : "")
                << (tokens != nullptr ? " among tokens" : "");
          }
        }
      }
    }
  }
}

TEST(TokenMatcherTest, WhatItDoesNotReadIsLeftToRe2) {
  for (const std::string_view pattern :
       {".",     "a.b",    "[^a]",    "\\pN",  "\\S",     "[[:alpha:]]",
        "(?i)a", "(?s:a)", "(?i:é)",  "\\1",   "a{1001}", "(a",
        "a)",    "*",      "[a",      "a\xF0", "(a*)*",   "(?:a?b?)+",
        "(a|)*", "(\\b)*", "\xE4\xB8"}) {
    EXPECT_EQ(TokenMatcher::Compile(pattern), nullptr) << pattern;
  }
  EXPECT_NE(TokenMatcher::Compile(""), nullptr);
  EXPECT_NE(TokenMatcher::Compile("(?i:中)a{2,5}?"), nullptr);
}

TEST(TokenMatcherTest, ReadsSpansUpToItsMemory) {
  const std::unique_ptr<TokenMatcher> matcher = TokenMatcher::Compile("a* ?b");
  ASSERT_NE(matcher, nullptr);
  const std::size_t longest =
      TokenMatcher::kMaxVisitedBits / matcher->size() - 1;
  EXPECT_TRUE(matcher->CanRead(longest));
  EXPECT_FALSE(matcher->CanRead(longest + 1));
  const std::string text = std::string(longest - 1, 'a') + "b";
  TokenMatchScratch scratch;
  std::vector<std::int32_t> offsets;
  EXPECT_TRUE(matcher->Match(text, 0, text.size(), &scratch, &offsets));
}

// A search stays linear and its memory bounded: where its DFA would keep
// more states than it may, or its runs from each start would read the text
// more than kSearchRereads times over, it gives up (and the engine has RE2
// search).
TEST(TokenMatcherTest, SearchGivesUpRatherThanGrowOrReread) {
  TokenMatchScratch scratch;
  std::size_t begin = 0, end = 0;
  // 2^15 states: which of the last 15 letters were `a`.
  const std::unique_ptr<TokenMatcher> exploding =
      TokenMatcher::Compile("(?:a|b)*a(?:a|b){14}c");
  ASSERT_NE(exploding, nullptr);
  std::string letters;
  std::uint32_t seed = 12345;
  for (int i = 0; i < 20000; ++i) {
    seed = seed * 1103515245 + 12345;
    letters += (seed >> 16 & 1) != 0 ? 'a' : 'b';
  }
  // Anchored: one run, which does not reread.
  EXPECT_EQ(exploding->Search(letters, 0, true, nullptr, &begin, &end),
            TokenMatcher::SearchResult::kGaveUp);
  // For good: the DFA keeps what it has and makes no more.
  EXPECT_EQ(exploding->Search("abc", 0, false, nullptr, &begin, &end),
            TokenMatcher::SearchResult::kGaveUp);

  // Each `a` starts a run to the end of the text.
  const std::unique_ptr<TokenMatcher> rereading = TokenMatcher::Compile("a+b");
  ASSERT_NE(rereading, nullptr);
  const std::string as(1000, 'a');
  EXPECT_EQ(rereading->Search(as, 0, false, nullptr, &begin, &end),
            TokenMatcher::SearchResult::kGaveUp);
  EXPECT_EQ(rereading->Search(as + "b", 0, false, nullptr, &begin, &end),
            TokenMatcher::SearchResult::kMatch);
  EXPECT_EQ(begin, 0u);
  EXPECT_EQ(end, as.size() + 1);
  EXPECT_EQ(rereading->Search("xaab", 0, true, nullptr, &begin, &end),
            TokenMatcher::SearchResult::kNoMatch);
}

// Every built-in rule over tokens, on the token strings of every example and
// counter of every built-in rule, from where the engine would search: the
// matcher reads each match as RE2 does.
TEST(TokenMatcherTest, ReadsEveryBuiltInRuleAsRe2Does) {
  RuleSet rules;
  ASSERT_TRUE(LoadBuiltinRules(&rules).ok());
  std::vector<std::string> texts;
  for (const RuleSpec& spec : rules.rules) {
    for (const RuleExample& example : spec.examples)
      texts.push_back(example.input);
    for (const RuleExample& counter : spec.counters)
      texts.push_back(counter.input);
  }
  const Lexer lexer(LexiconTables(rules));
  TokenPatternTranslator translator(rules, lexer);
  std::vector<std::string> patterns;
  UnreadCharacters unread;
  for (const RuleSpec& spec : rules.rules) {
    if (spec.token_pattern.empty()) continue;
    Result<TokenPattern> translated = translator.Translate(spec);
    ASSERT_TRUE(translated.ok()) << spec.name;
    MarkRead(TokenMatcher::Compile(translated->pattern).get(), &unread);
    patterns.push_back(translated->pattern);
  }
  std::vector<std::string> token_strings;
  std::vector<std::vector<TokenSymbol>> token_symbols;
  TokenText tokens;
  for (const std::string& text : texts) {
    tokens.Build(lexer, unread, text, 0, text.size());
    token_strings.push_back(tokens.symbols());
    token_symbols.push_back(tokens.token_symbols());
  }
  int compared = 0;
  for (const std::string& pattern : patterns) {
    const RE2 re(pattern, Longest());
    ASSERT_TRUE(re.ok());
    const std::unique_ptr<TokenMatcher> matcher =
        TokenMatcher::Compile(pattern);
    ASSERT_NE(matcher, nullptr) << pattern;
    for (std::size_t t = 0; t < token_strings.size(); ++t) {
      const std::string& symbols = token_strings[t];
      re2::StringPiece span;
      for (std::size_t from = 0;
           from <= symbols.size() && re.Match(symbols, from, symbols.size(),
                                              RE2::UNANCHORED, &span, 1);) {
        const std::size_t begin = span.data() - symbols.data();
        for (const bool anchored : {false, true}) {
          const std::size_t at = anchored ? begin : from;
          ASSERT_EQ(MatcherGroups(re, *matcher, symbols, at, anchored,
                                  &token_symbols[t]),
                    Re2Groups(re, symbols, at, anchored))
              << pattern;
          ++compared;
        }
        if (begin >= symbols.size()) break;
        from = begin + 1;
        while (from < symbols.size() && (symbols[from] & 0xC0) == 0x80) ++from;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

// Every fragment of the built-in rules (which the engine checks numbers
// against, StrictFragment), on the spans of the tokens of every example and
// counter, and on those spans a code point longer or shorter: whether the
// matcher finds the span a match as RE2 does.
TEST(TokenMatcherTest, ReadsEveryBuiltInFragmentAsRe2Does) {
  RuleSet rules;
  ASSERT_TRUE(LoadBuiltinRules(&rules).ok());
  const Lexer lexer(LexiconTables(rules));
  std::vector<
      std::pair<std::string, std::vector<std::pair<std::size_t, std::size_t>>>>
      texts;
  LexScratch lex;
  std::vector<Token> tokens;
  auto next = [](const std::string& text, std::size_t at) {
    do ++at;
    while (at < text.size() && (text[at] & 0xC0) == 0x80);
    return at;
  };
  auto previous = [](const std::string& text, std::size_t at) {
    do --at;
    while (at > 0 && (text[at] & 0xC0) == 0x80);
    return at;
  };
  for (const RuleSpec& spec : rules.rules) {
    for (const auto* examples : {&spec.examples, &spec.counters}) {
      for (const RuleExample& example : *examples) {
        const std::string& text = example.input;
        tokens.clear();  // Lex appends
        lexer.Lex(text, 0, text.size(), &lex, &tokens);
        auto& [kept, spans] = texts.emplace_back(
            text, std::vector<std::pair<std::size_t, std::size_t>>{});
        for (const Token& token : tokens) {
          spans.emplace_back(token.begin, token.end);
          if (token.end < text.size())
            spans.emplace_back(token.begin, next(text, token.end));
          if (token.begin > 0)
            spans.emplace_back(previous(text, token.begin), token.end);
        }
      }
    }
  }
  int compared = 0;
  TokenMatchScratch scratch;
  for (const auto& [name, pattern] : rules.fragments) {
    const RE2 re(pattern, Longest());
    ASSERT_TRUE(re.ok()) << name;
    const std::unique_ptr<TokenMatcher> matcher =
        TokenMatcher::Compile(pattern);
    ASSERT_NE(matcher, nullptr) << name;
    for (const auto& [text, spans] : texts) {
      for (const auto& [begin, end] : spans) {
        ASSERT_EQ(matcher->Match(text, begin, end, &scratch, nullptr),
                  re.Match(text, begin, end, RE2::ANCHOR_BOTH, nullptr, 0))
            << name << " on [" << begin << "," << end << ") "
            << text.substr(begin, end - begin) << " in " << text;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100000);
}

}  // namespace
}  // namespace factx::internal
