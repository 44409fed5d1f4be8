#include "test_support.h"

#include <gtest/gtest.h>

#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::test_support {

const Extractor& BuiltInExtractor() {
  static const Extractor* extractor = [] {
    Result<Extractor> built = Extractor::Create();
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    return new Extractor(std::move(built).value());
  }();
  return *extractor;
}

std::vector<std::string> InvisibleFormatCharacters() {
  return {"\u00AD", "\u200B", "\u200C", "\u200D", "\u200E",
          "\u200F", "\u202C", "\u2060", "\u2066", "\uFEFF"};
}

std::vector<std::string> TextBreaks() {
  return {std::string(1, '\0'),
          "\x01",
          "\x1B",
          "\x7F",
          "\u0085",
          "\uFFFD",
          "\xFF",
          "\xC0\xAF"};
}

namespace {

template <typename Fact>
void ExpectSaneList(std::string_view text, const std::vector<Fact>& facts,
                    const char* what) {
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const Span& span = facts[i].span;
    EXPECT_LT(span.begin, span.end) << what << " in " << text;
    EXPECT_LE(span.end, text.size()) << what << " in " << text;
    EXPECT_TRUE(internal::IsCodePointBoundary(text, span.begin))
        << what << " in " << text;
    EXPECT_TRUE(internal::IsCodePointBoundary(text, span.end))
        << what << " in " << text;
    if (i > 0) {
      EXPECT_LE(facts[i - 1].span.begin, span.begin)
          << what << " order in " << text;
    }
  }
}

}  // namespace

void ExpectSaneFacts(std::string_view text, const Extraction& facts) {
  ExpectSaneList(text, facts.money, "money");
  ExpectSaneList(text, facts.percentages, "percent");
  ExpectSaneList(text, facts.dates, "date");
  ExpectSaneList(text, facts.investments, "investment");
  for (const Money& m : facts.money) {
    if (m.upper) {
      EXPECT_LE(m.amount.Compare(*m.upper), 0) << text;
    }
  }
  for (const Percentage& p : facts.percentages) {
    if (p.upper) {
      EXPECT_LE(p.value.Compare(*p.upper), 0) << text;
    }
  }
  for (const Investment& i : facts.investments) {
    EXPECT_LE(i.trigger.end, text.size()) << text;
    EXPECT_TRUE(internal::IsCodePointBoundary(text, i.trigger.begin)) << text;
    EXPECT_TRUE(internal::IsCodePointBoundary(text, i.trigger.end)) << text;
  }
}

void ExpectEveryCutEndsCleanly(const std::vector<std::string>& texts,
                               const ExtractOptions& options) {
  Extraction facts;
  for (const std::string& text : texts) {
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
      for (const std::string& piece : {text.substr(0, cut), text.substr(cut)}) {
        const Status status =
            BuiltInExtractor().Extract(piece, options, &facts);
        ASSERT_TRUE(status.ok() || status.code() == StatusCode::kInvalidUtf8)
            << status.ToString() << " for " << piece;
        if (status.ok()) ExpectSaneFacts(piece, facts);
      }
    }
  }
}

Extraction BuiltInFacts(std::string_view text, unsigned kinds) {
  ExtractOptions options;
  options.kinds = kinds;
  Extraction facts;
  const Status status = BuiltInExtractor().Extract(text, options, &facts);
  EXPECT_TRUE(status.ok()) << status.ToString() << " for " << text;
  return facts;
}

internal::RuleSet ParseTestRules(std::string_view text) {
  internal::RuleSet rules;
  const Status status = internal::ParseRuleText(text, "test", &rules);
  EXPECT_TRUE(status.ok()) << status.message();
  return rules;
}

bool AtomHolds(std::string_view lower_text, std::string_view atom) {
  const bool word_start = internal::RemoveWordStartMark(&atom);
  for (std::size_t at = lower_text.find(atom); at != std::string_view::npos;
       at = lower_text.find(atom, at + 1)) {
    if (!word_start || at == 0 ||
        !internal::IsAsciiLetter(
            static_cast<unsigned char>(lower_text[at - 1]))) {
      return true;
    }
  }
  return false;
}

}  // namespace factx::test_support
