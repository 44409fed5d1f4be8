// Document: the phrase, clause, sentence and paragraph ends of a text, found
// once, and the lookups the pipeline reads them with.
#include "text/document.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/char_class.h"

namespace factx::internal {
namespace {

// The ends of `unit` as the text of each.
std::vector<std::string> EndTexts(const Document& document, Unit unit) {
  std::vector<std::string> out;
  for (const Boundary& end : document.ends(unit)) {
    out.emplace_back(document.text().substr(end.begin, end.end - end.begin));
  }
  return out;
}

using Ends = std::vector<std::string>;

TEST(DocumentTest, EachUnitHasItsEnds) {
  const Document document("营收增长12%，净利润下降3%；公司称。\n下一段");
  EXPECT_EQ(EndTexts(document, Unit::kPhrase), (Ends{"，", "；", "。", "\n"}));
  EXPECT_EQ(EndTexts(document, Unit::kClause), (Ends{"；", "。", "\n"}));
  EXPECT_EQ(EndTexts(document, Unit::kSentence), (Ends{"。", "\n"}));
  EXPECT_EQ(EndTexts(document, Unit::kParagraph), (Ends{"\n"}));
}

TEST(DocumentTest, AsciiAndWidePunctuation) {
  const Document document("a!b?c;d！e？f\rg,h");
  EXPECT_EQ(EndTexts(document, Unit::kClause),
            (Ends{"!", "?", ";", "！", "？", "\r"}));
  EXPECT_EQ(EndTexts(document, Unit::kSentence),
            (Ends{"!", "?", "！", "？", "\r"}));
  EXPECT_EQ(EndTexts(document, Unit::kPhrase),
            (Ends{"!", "?", ";", "！", "？", "\r", ","}));
}

TEST(DocumentTest, ACommaBetweenDigitsEndsNothing) {
  const Document document("投资1,000万元, 另有2，3");
  EXPECT_EQ(EndTexts(document, Unit::kPhrase), (Ends{",", "，"}));
  EXPECT_EQ(document.ends(Unit::kPhrase)[0].begin, 17u);
}

TEST(DocumentTest, TextBreaksEndClausesAndSentences) {
  const Document document(
      "a\x01"
      "b\xEF\xBF\xBD"
      "c\xC2\x85"
      "d\te\x7F");
  EXPECT_EQ(EndTexts(document, Unit::kClause),
            (Ends{"\x01", "\xEF\xBF\xBD", "\xC2\x85", "\x7F"}));
  EXPECT_EQ(EndTexts(document, Unit::kSentence),
            EndTexts(document, Unit::kClause));
  EXPECT_TRUE(document.ends(Unit::kParagraph).empty());
}

TEST(DocumentTest, AFullStopEndsASentenceButNoClause) {
  const Document document("Sales rose. Then it fell.");
  EXPECT_EQ(document.ends(Unit::kSentence).size(), 2u);
  EXPECT_TRUE(document.ends(Unit::kClause).empty());
  // Abbreviations: a capitalized word of up to four letters before, a
  // lower-case word after; and a decimal point.
  for (std::string_view text :
       {"the U.S. economy", "Gamma Inc. for $300 million", "Rs. 5.5 crore",
        "on Nov. 14", "Acme Corp. A year earlier", "odwalla inc . for"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(Document(text).ends(Unit::kSentence).empty());
  }
  for (std::string_view text : {"It rose 5%. 2021 was worse", "in Paris. The",
                                "10 days ago. A year ago", "at the end.",
                                "a rate cut to June. The Fed"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(EndTexts(Document(text), Unit::kSentence), (Ends{"."}));
  }
  // Tokenized text: a word of five letters or more before " . ".
  const Document tokenized("a delaying tactic . the $ 20,000 tax");
  EXPECT_EQ(EndTexts(tokenized, Unit::kSentence), (Ends{"."}));
}

// Build looks for the bytes an end may start with sixteen at a time where it
// can, one at a time in the last few: each end character, and each blank that
// ends nothing, at every offset of a text longer than two such steps.
TEST(DocumentTest, FindsEndsAtEveryOffset) {
  struct Case {
    std::string character;
    std::optional<Unit> unit;  // the largest unit it ends, if any
  };
  const Case cases[] = {
      {"\n", Unit::kParagraph},
      {"\r", Unit::kParagraph},
      {"!", Unit::kSentence},
      {"?", Unit::kSentence},
      {";", Unit::kClause},
      {",", Unit::kPhrase},
      {"\x01", Unit::kSentence},
      {"\x1F", Unit::kSentence},
      {"\x7F", Unit::kSentence},
      {"\xC2\x85", Unit::kSentence},      // NEXT LINE
      {"\xEF\xBF\xBD", Unit::kSentence},  // U+FFFD
      {"。", Unit::kSentence},
      {"；", Unit::kClause},
      {"，", Unit::kPhrase},
      {"！", Unit::kSentence},
      {"？", Unit::kSentence},
      // Blanks, and characters whose lead byte an end shares.
      {"\t", std::nullopt},
      {"\v", std::nullopt},
      {"\f", std::nullopt},
      {" ", std::nullopt},
      {"\xC2\xA0", std::nullopt},  // NO-BREAK SPACE
      {"、", std::nullopt},
      {"\xEF\xBC\x88", std::nullopt},  // （
  };
  for (const Case& c : cases) {
    for (std::size_t offset = 0; offset < 40; ++offset) {
      const std::string text =
          std::string(offset, 'a') + c.character + std::string(40, 'b');
      const Document document(text);
      const std::vector<Boundary>& phrases = document.ends(Unit::kPhrase);
      if (!c.unit) {
        EXPECT_TRUE(phrases.empty()) << offset << " " << c.character;
        continue;
      }
      ASSERT_EQ(phrases.size(), 1u) << offset << " " << c.character;
      EXPECT_EQ(phrases[0].begin, offset);
      EXPECT_EQ(phrases[0].end, offset + c.character.size());
      EXPECT_EQ(document.ends(*c.unit).size(), 1u) << c.character;
    }
  }
}

TEST(DocumentTest, LookupsFindTheUnitAroundAPosition) {
  const Document document("ab;cd;;ef");
  EXPECT_EQ(document.Begin(Unit::kClause, 0), 0u);
  EXPECT_EQ(document.Begin(Unit::kClause, 2), 0u);
  EXPECT_EQ(document.Begin(Unit::kClause, 3), 3u);
  EXPECT_EQ(document.Begin(Unit::kClause, 8), 7u);
  EXPECT_EQ(document.End(Unit::kClause, 0), 2u);
  EXPECT_EQ(document.End(Unit::kClause, 3), 5u);
  EXPECT_EQ(document.End(Unit::kClause, 7), 9u);
  EXPECT_EQ(document.FirstEndFrom(Unit::kClause, 6), 2u);
  EXPECT_EQ(document.FirstEndFrom(Unit::kClause, 8), 3u);

  EndCursor cursor(document, Unit::kClause, 0);
  EXPECT_FALSE(cursor.At(1));
  EXPECT_TRUE(cursor.At(2));
  EXPECT_EQ(cursor.Next(3)->begin, 5u);
  EXPECT_EQ(cursor.Next(8), nullptr);
}

TEST(DocumentTest, BuildForgetsThePreviousTextAndKeepsCapacity) {
  Document document("一。二。三。");
  const std::size_t capacity = document.ends(Unit::kClause).capacity();
  document.Build("四");
  EXPECT_TRUE(document.ends(Unit::kClause).empty());
  EXPECT_EQ(document.ends(Unit::kClause).capacity(), capacity);
  EXPECT_EQ(document.End(Unit::kSentence, 0), 3u);
  EXPECT_EQ(Document().End(Unit::kClause, 0), 0u);
}

TEST(CharClassTest, HanIsTheIdeographsWithLingAndTheExtensions) {
  for (char32_t c : {U'〇', U'一', U'鿿', U'㐀', U'豈', char32_t{0x20000},
                     char32_t{0x2A6DF}, char32_t{0x30000}, char32_t{0x3134A}}) {
    EXPECT_TRUE(IsHan(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c : {U'々', U'〡', U'⺀', U'あ', U'ア', U'A', U'。'}) {
    EXPECT_FALSE(IsHan(c)) << static_cast<unsigned>(c);
  }
  EXPECT_TRUE(IsKana(U'あ'));
  EXPECT_FALSE(IsKana(U'一'));
}

TEST(CharClassTest, BytesOfMultiByteSequencesAreInNoAsciiClass) {
  const std::string_view han = "一";
  for (char byte : han) {
    EXPECT_FALSE(IsAsciiDigit(byte));
    EXPECT_FALSE(IsAsciiLetter(byte));
    EXPECT_FALSE(IsBlank(byte));
  }
  EXPECT_TRUE(IsAsciiAlnum('7'));
  EXPECT_TRUE(IsAsciiAlnum('q'));
  EXPECT_FALSE(IsAsciiAlnum('_'));
}

}  // namespace
}  // namespace factx::internal
