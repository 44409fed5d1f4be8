#include "text/text_normalizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/traditional_chinese.h"
#include "text/utf8.h"

#if defined(__unix__)
#include <sys/mman.h>
#endif

namespace factx::internal {
namespace {

using namespace std::string_literals;  // "a\0b"s keeps the NUL

TextNormalizer MakeNormalizer() {
  Result<TextNormalizer> normalizer = TextNormalizer::Create();
  EXPECT_TRUE(normalizer.ok()) << normalizer.status().message();
  return std::move(normalizer).value();
}

// Original code point boundaries, where each bad byte counts as a code point
// of its own (the replace_invalid_utf8 policy).
std::vector<bool> OriginalBoundaries(std::string_view original) {
  std::vector<bool> boundary(original.size() + 1, false);
  std::size_t pos = 0;
  while (pos < original.size()) {
    boundary[pos] = true;
    const std::size_t bad = FindInvalidUtf8(original.substr(pos));
    if (bad == 0) {
      ++pos;
    } else {
      std::size_t length = 0;
      DecodeUtf8(original, pos, &length);
      pos += length;
    }
  }
  boundary[original.size()] = true;
  return boundary;
}

struct NormalizeCase {
  const char* name;
  std::string original;
  std::string normalized;
};

const NormalizeCase kNormalizeCases[] = {
    {"empty", "", ""},
    {"ascii is copied", "Revenue rose 17% to $3.5 billion.",
     "Revenue rose 17% to $3.5 billion."},
    {"chinese without full-width is copied", "今年营收增长17%",
     "今年营收增长17%"},
    {"full-width digits", "１２３４", "1234"},
    {"full-width percent", "增长１７％", "增长17%"},
    {"full-width decimal point", "３．５亿", "3.5亿"},
    {"era square", "㍻3年", "平成3年"},
    {"clause punctuation kept", "增长15，20家。一、二；三：四",
     "增长15，20家。一、二；三：四"},
    {"clause comma kept between full-width digits", "１５，２０", "15，20"},
    {"fullwidth yen sign kept for CNY", "￥１００", "￥100"},
    {"yen sign kept", "¥100", "¥100"},
    {"ideographic space", "５　亿", "5 亿"},
    {"nul bytes pass through", "a\0１\0"s,
     "a\0"
     "1\0"s},
    {"traditional scale words", "億萬兩", "亿万两"},
    {"traditional currency names",
     "港幣 新臺幣 日圓 韓圓 歐元 英鎊 盧布 澳門元 泰銖",
     "港币 新台币 日圆 韩圆 欧元 英镑 卢布 澳门元 泰铢"},
    {"traditional financial numerals", "貳陸叄", "贰陆叁"},
    {"mixed traditional and full-width",
     "公司營收達１２．５億元，約佔總額３０％。",
     "公司营收达12.5亿元，约占总额30%。"},
    {"traditional dates", "上週五，農曆三月５號", "上周五，农历三月5号"},
    {"ambiguous characters are not folded", "乾坤著名覆盖於", "乾坤著名覆盖於"},
    {"can as a word", "參與投資、參股", "参与投资、参股"},
    {"can before a scale word", "參萬元", "叁万元"},
    {"can between capitals", "壹佰參拾元", "壹佰叁拾元"},
    {"can after a capital at the end", "貳拾參", "贰拾叁"},
    {"can after a scale word is a word", "1萬參與者", "1万参与者"},
    {"can at the very start and end", "參", "参"},
    {"half-width katakana composes", "ｶﾞ", "ガ"},
};

TEST(TextNormalizerTest, NormalizesText) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  for (const NormalizeCase& c : kNormalizeCases) {
    const Status status = normalizer.Normalize(c.original, false, &out);
    ASSERT_TRUE(status.ok()) << c.name << ": " << status.message();
    EXPECT_EQ(out.text(), c.normalized) << c.name;
    EXPECT_EQ(out.ToOriginal(0, out.text().size()),
              (Span{0, c.original.size()}))
        << c.name;
  }
}

struct SpanCase {
  const char* name;
  std::string original;
  std::size_t begin, end;  // in the normalized text
  Span expected;           // in the original
};

const SpanCase kSpanCases[] = {
    // "增长１７％" -> "增长17%": 增长 bytes 0-6, then three 3-byte characters.
    {"figure and percent", "增长１７％", 6, 9, {6, 15}},
    {"figure alone", "增长１７％", 6, 8, {6, 12}},
    {"one digit", "增长１７％", 7, 8, {9, 12}},
    {"unchanged prefix", "增长１７％", 0, 6, {0, 6}},
    {"span starting in prefix", "增长１７％", 3, 7, {3, 9}},
    // "㍻3年" -> "平成3年": 平成 (bytes 0-6) both come from ㍻ (bytes 0-3).
    {"begin inside an edit rounds down", "㍻3年", 3, 6, {0, 3}},
    {"end inside an edit rounds up", "㍻3年", 0, 3, {0, 3}},
    {"span leaving an edit", "㍻3年", 3, 7, {0, 4}},
    {"after the edit is shifted", "㍻3年", 6, 10, {3, 7}},
    {"inside a code point widens", "增长", 1, 2, {0, 3}},
    {"separate edits stay separate", "１５　２０", 3, 5, {9, 15}},
    {"kept comma between edits", "１５，２０", 0, 2, {0, 6}},
    {"after kept comma", "１５，２０", 5, 7, {9, 15}},
    {"empty span at the start", "１２", 0, 0, {0, 0}},
    {"empty span at the end", "１２", 2, 2, {6, 6}},
    {"empty span inside an edit", "㍻", 3, 3, {0, 0}},
    {"empty text", "", 0, 0, {0, 0}},
    {"end past the text is clamped", "１２", 1, 99, {3, 6}},
    {"begin after end is empty", "１２", 2, 1, {3, 3}},
    {"span over a nul", "a\0１"s, 1, 3, {1, 5}},
};

TEST(TextNormalizerTest, MapsSpansBackToTheOriginal) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  for (const SpanCase& c : kSpanCases) {
    ASSERT_TRUE(normalizer.Normalize(c.original, false, &out).ok()) << c.name;
    EXPECT_EQ(out.ToOriginal(c.begin, c.end), c.expected) << c.name;
  }
}

TEST(TextNormalizerTest, RejectsInvalidUtf8WithTheFirstBadOffset) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  ASSERT_TRUE(normalizer.Normalize("１２", false, &out).ok());
  const struct {
    std::string original;
    std::size_t first_bad;
  } cases[] = {
      {"ab\x80"
       "cd",
       2},
      {"营收\xE4\xB8", 6},
      {"\xC0\x80", 0},
      {"１２\xED\xA0\x80", 6},
  };
  for (const auto& c : cases) {
    const Status status = normalizer.Normalize(c.original, false, &out);
    EXPECT_EQ(status.code(), StatusCode::kInvalidUtf8) << c.original;
    EXPECT_EQ(status.message(),
              "invalid UTF-8 at byte " + std::to_string(c.first_bad));
    EXPECT_EQ(out.text(), "");  // no stale text from the previous call
  }
}

TEST(TextNormalizerTest, ReplacesEachBadByteWithReplacementCharacter) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  const std::string kFffd = "\xEF\xBF\xBD";
  const struct {
    const char* name;
    std::string original;
    std::string normalized;
  } cases[] = {
      {"stray continuation",
       "ab\x80"
       "cd",
       "ab" + kFffd + "cd"},
      {"truncated sequence is two bad bytes",
       "\xE4\xB8"
       "１",
       kFffd + kFffd + "1"},
      {"bad byte between full-width digits", "１\xFF２", "1" + kFffd + "2"},
      {"surrogate is three bad bytes", "\xED\xA0\x80", kFffd + kFffd + kFffd},
      {"traditional after a bad byte", "\x80億", kFffd + "亿"},
      {"only bad bytes", "\xFE\xFF", kFffd + kFffd},
  };
  for (const auto& c : cases) {
    ASSERT_TRUE(normalizer.Normalize(c.original, true, &out).ok()) << c.name;
    EXPECT_EQ(out.text(), c.normalized) << c.name;
    EXPECT_EQ(FindInvalidUtf8(out.text()), out.text().size()) << c.name;
  }
}

TEST(TextNormalizerTest, MapsReplacementCharactersToTheirBadByte) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  // "ab\x80cd" -> "ab" U+FFFD "cd"
  ASSERT_TRUE(normalizer
                  .Normalize("ab\x80"
                             "cd",
                             true, &out)
                  .ok());
  EXPECT_EQ(out.ToOriginal(2, 5), (Span{2, 3}));
  EXPECT_EQ(out.ToOriginal(3, 4), (Span{2, 3}));  // inside U+FFFD
  EXPECT_EQ(out.ToOriginal(5, 7), (Span{3, 5}));
  // "\xE4\xB8１" -> U+FFFD U+FFFD "1"
  ASSERT_TRUE(normalizer
                  .Normalize("\xE4\xB8"
                             "１",
                             true, &out)
                  .ok());
  EXPECT_EQ(out.ToOriginal(0, 3), (Span{0, 1}));
  EXPECT_EQ(out.ToOriginal(3, 6), (Span{1, 2}));
  EXPECT_EQ(out.ToOriginal(6, 7), (Span{2, 5}));
  // "１\xFF２" -> "1" U+FFFD "2"
  ASSERT_TRUE(normalizer.Normalize("１\xFF２", true, &out).ok());
  EXPECT_EQ(out.ToOriginal(0, 1), (Span{0, 3}));
  EXPECT_EQ(out.ToOriginal(4, 5), (Span{4, 7}));
  EXPECT_EQ(out.ToOriginal(0, 5), (Span{0, 7}));
}

// Every span of each text maps inside the original, onto code point boundaries
// (a bad byte being a code point of its own), in order, and monotonically.
TEST(TextNormalizerTest, EverySpanMapsOntoOriginalBoundaries) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  const std::string samples[] = {
      "",
      "a",
      "增长１７％，达３．５億元",
      "㍻３年　上週",
      "ｶﾞ e\xCC\x81 ￥１",
      "a\0１\0"s,
      "\x80１\xE4\xB8㍻\xFF",
      "１５　２０\xC0",
      "\u200B３\u200D０\uFEFF",  // dropped characters around edits
      "\u00AD\u2060",            // nothing but dropped characters
      "a\u200Db\xFF\u200Ec",
  };
  for (const std::string& original : samples) {
    ASSERT_TRUE(normalizer.Normalize(original, true, &out).ok()) << original;
    const std::vector<bool> boundary = OriginalBoundaries(original);
    const std::size_t size = out.text().size();
    for (std::size_t begin = 0; begin <= size + 1; ++begin) {
      Span previous{0, 0};
      for (std::size_t end = begin; end <= size + 1; ++end) {
        const Span span = out.ToOriginal(begin, end);
        ASSERT_LE(span.begin, span.end)
            << original << " " << begin << " " << end;
        ASSERT_LE(span.end, original.size()) << original << " " << begin;
        EXPECT_TRUE(boundary[span.begin]) << original << " " << begin;
        EXPECT_TRUE(boundary[span.end]) << original << " " << end;
        if (begin < end && begin < size) {
          EXPECT_LT(span.begin, span.end) << original << " " << begin;
        }
        if (end > begin) {
          // Growing the end never moves the begin and never shrinks the end.
          EXPECT_EQ(span.begin, previous.begin) << original << " " << end;
          EXPECT_GE(span.end, previous.end) << original << " " << end;
        }
        previous = span;
      }
    }
  }
}

// Invisible format characters are dropped wherever they stand; a span maps
// back over one it holds inside and leaves out one at its ends. Characters that
// look alike but are not format characters stay.
TEST(TextNormalizerTest, DropsInvisibleFormatCharacters) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  const std::string dropped[] = {
      "\u00AD", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A",
      "\u202E", "\u2060", "\u2064", "\u2066", "\u2069", "\uFEFF",
  };
  for (const std::string& c : dropped) {
    SCOPED_TRACE(EscapeForMessage(c));
    // 投资 is bytes 0-6, 3 byte 6, c from byte 7, then 00亿元 (8 bytes).
    const std::string inside = "投资3" + c + "00亿元";
    ASSERT_TRUE(normalizer.Normalize(inside, false, &out).ok());
    EXPECT_EQ(out.text(), "投资300亿元");
    EXPECT_EQ(out.ToOriginal(6, 15), (Span{6, inside.size()}));  // 300亿元
    EXPECT_EQ(out.ToOriginal(6, 7), (Span{6, 7}));               // 3
    EXPECT_EQ(out.ToOriginal(7, 15), (Span{7 + c.size(), inside.size()}));
    const std::string around = c + "３" + c + "％" + c;
    ASSERT_TRUE(normalizer.Normalize(around, false, &out).ok());
    EXPECT_EQ(out.text(), "3%");
    EXPECT_EQ(out.ToOriginal(0, 2), (Span{c.size(), 2 * c.size() + 6}));
    EXPECT_EQ(out.ToOriginal(1, 2), (Span{2 * c.size() + 3, 2 * c.size() + 6}));
    ASSERT_TRUE(normalizer.Normalize(c + c, false, &out).ok());
    EXPECT_EQ(out.text(), "");
  }
  // Not format characters: kept (U+200A and U+3000 are spaces NFKC folds).
  const struct {
    std::string original, normalized;
  } kept[] = {
      {"3\u200A00", "3 00"},
      {"3\u3000"
       "00",
       "3 00"},
      {"3\u2065"
       "00",
       "3\u2065"
       "00"},  // unassigned, between the ranges
      {"3\u2028"
       "00",
       "3\u2028"
       "00"},  // LINE SEPARATOR
      {"3\u00AC"
       "00",
       "3\u00AC"
       "00"},  // ¬, next to the soft hyphen
      {"3\uFEFE", "3\uFEFE"},
      {"3"s + '\0' + "00", "3"s + '\0' + "00"},  // controls end numbers instead
      {"3\uFFFD"
       "00",
       "3\uFFFD"
       "00"},
  };
  for (const auto& c : kept) {
    ASSERT_TRUE(normalizer.Normalize(c.original, false, &out).ok());
    EXPECT_EQ(out.text(), c.normalized) << EscapeForMessage(c.original);
  }
}

TEST(TextNormalizerTest, ReusesTheOutputAcrossCalls) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  ASSERT_TRUE(normalizer.Normalize("㍻１２３４５６７８９", false, &out).ok());
  ASSERT_TRUE(normalizer.Normalize("增长17%", false, &out).ok());
  EXPECT_EQ(out.text(), "增长17%");
  // No change is left over from the first text: every span is the identity.
  for (std::size_t i = 0; i <= out.text().size(); ++i) {
    if (IsCodePointBoundary(out.text(), i)) {
      EXPECT_EQ(out.ToOriginal(i, i), (Span{i, i}));
    }
  }
  EXPECT_EQ(out.ToOriginal(6, 8), (Span{6, 8}));
}

TEST(TextNormalizerTest, SharedNormalizerGivesTheSameResultInEachThread) {
  const TextNormalizer normalizer = MakeNormalizer();
  const std::string original = "營收達１２．５億元，約佔３０％";
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::string& result : results) {
    threads.emplace_back([&normalizer, &original, &result] {
      NormalizedText out;
      for (int i = 0; i < 50; ++i) {
        if (!normalizer.Normalize(original, false, &out).ok()) return;
      }
      result = std::string(out.text());
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) {
    EXPECT_EQ(result, "营收达12.5亿元，约占30%");
  }
}

#if defined(__unix__)
TEST(TextNormalizerTest, RefusesTextLongerThanIcuCanIndex) {
  // A reserved, never-touched mapping gives a real range of that size without
  // using memory; the size check comes before any byte is read.
  const std::size_t size =
      static_cast<std::size_t>(std::numeric_limits<int32_t>::max()) + 1;
  void* memory = mmap(nullptr, size, PROT_READ,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) GTEST_SKIP() << "cannot reserve address space";
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  const Status status = normalizer.Normalize(
      std::string_view(static_cast<const char*>(memory), size), true, &out);
  EXPECT_EQ(status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.text(), "");
  munmap(memory, size);
}
#endif

TEST(TraditionalChineseTest, FoldsTableEntries) {
  const struct {
    char32_t traditional, simplified;
  } cases[] = {
      {U'億', U'亿'}, {U'萬', U'万'}, {U'兩', U'两'}, {U'點', U'点'},
      {U'圓', U'圆'}, {U'幣', U'币'}, {U'歐', U'欧'}, {U'鎊', U'镑'},
      {U'韓', U'韩'}, {U'個', U'个'}, {U'餘', U'余'}, {U'佔', U'占'},
      {U'併', U'并'}, {U'後', U'后'}, {U'畝', U'亩'}, {U'週', U'周'},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SimplifiedForm(c.traditional), c.simplified);
    // Folding is idempotent.
    EXPECT_EQ(SimplifiedForm(c.simplified), c.simplified);
  }
}

TEST(TraditionalChineseTest, LeavesOtherCharactersAlone) {
  for (const char32_t c : {U'a', U'0', U'元', U'兆', U'年', U'乾', U'著', U'於',
                           U'參', U'\uFFFD', U'\U0001F600'}) {
    EXPECT_EQ(SimplifiedForm(c), c);
  }
}

TEST(TraditionalChineseTest, FoldKeepsSizeAndBoundaries) {
  std::string text = "a億\xF0\x9F\x98\x80萬é兩";
  const std::size_t size = text.size();
  FoldTraditionalChinese(&text);
  EXPECT_EQ(text, "a亿\xF0\x9F\x98\x80万é两");
  EXPECT_EQ(text.size(), size);
}

// MayFold is what lets simplified text skip the fold pass: it must hold for
// every character the fold changes, alone or in the context that decides 參.
TEST(TraditionalChineseTest, MayFoldHoldsForEveryCharacterTheFoldChanges) {
  int folded = 0;
  for (char32_t c = 0x3400; c <= 0x9FFF; ++c) {
    // Every code point of U+3400..U+9FFF is three bytes of UTF-8.
    std::string text = {static_cast<char>(0xE0 | (c >> 12)),
                        static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                        static_cast<char>(0x80 | (c & 0x3F))};
    std::string with_context = "壹" + text + "万";  // 參 next to numerals
    const std::string before = text, before_context = with_context;
    FoldTraditionalChinese(&text);
    FoldTraditionalChinese(&with_context);
    if (text != before || with_context.substr(3, text.size()) !=
                              before_context.substr(3, text.size())) {
      EXPECT_TRUE(MayFold(c)) << std::hex << static_cast<std::uint32_t>(c);
      ++folded;
    }
  }
  EXPECT_GT(folded, 100);
  EXPECT_FALSE(MayFold(U'元'));
  EXPECT_FALSE(MayFold(U'a'));
}

// Normalize copies text made only of these code points without asking ICU
// (InertLength in text_normalizer.cc). That is right only if NFKC leaves every
// string of them alone: each is normalized on its own and has a boundary before
// it (a starter that never composes with what precedes it).
TEST(TextNormalizerTest, CodePointsCopiedWithoutIcuAreNfkcInert) {
  UErrorCode code = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(code);
  ASSERT_TRUE(U_SUCCESS(code));
  const std::pair<UChar32, UChar32> kFastPath[] = {
      {0x0000, 0x007F}, {0x4E00, 0x9FFF}, {0x3001, 0x3002}, {0x3008, 0x3011},
      {0x2014, 0x2014}, {0x2018, 0x2019}, {0x201C, 0x201D}};
  for (const auto& [first, last] : kFastPath) {
    for (UChar32 c = first; c <= last; ++c) {
      const icu::UnicodeString alone(c);
      EXPECT_TRUE(nfkc->isNormalized(alone, code)) << std::hex << c;
      EXPECT_TRUE(nfkc->hasBoundaryBefore(c)) << std::hex << c;
    }
  }
  EXPECT_TRUE(U_SUCCESS(code));
  // Near misses that must still go through ICU: U+3000, （, ０, …, and 兀
  // (U+F9DF, a compatibility ideograph).
  for (const UChar32 c : {0x3000, 0xFF08, 0xFF10, 0x2026, 0xF9DF}) {
    EXPECT_FALSE(nfkc->isNormalized(icu::UnicodeString(c), code))
        << std::hex << c;
  }
}

TEST(TextNormalizerTest, InertTextIsCopiedAndNearMissesAreStillNormalized) {
  const TextNormalizer normalizer = MakeNormalizer();
  NormalizedText out;
  const std::string inert =
      "项目总投资300亿元，“十四五”期间《规划》提出：增长5%"
      "。A—B‘C’、【注】￥8；";
  ASSERT_TRUE(normalizer.Normalize(inert, false, &out).ok());
  EXPECT_EQ(out.text(), inert);
  // Traditional characters on the same fast path are still folded.
  ASSERT_TRUE(normalizer.Normalize("營收達3.5億元，參萬元", false, &out).ok());
  EXPECT_EQ(out.text(), "营收达3.5亿元，叁万元");
  // A code point outside the fast path goes to ICU, with the one before it:
  // full-width digits, brackets and the ideographic space fold, a combining
  // accent composes with the ASCII letter before it.
  const struct {
    std::string original, normalized;
  } kCases[] = {
      {"增长１７％。", "增长17%。"},
      {"（2020年）", "(2020年)"},
      {"投资\u3000300亿元", "投资 300亿元"},
      {"cafe\u0301 3亿元", "caf\u00e9 3亿元"},
  };
  for (const auto& c : kCases) {
    ASSERT_TRUE(normalizer.Normalize(c.original, false, &out).ok());
    EXPECT_EQ(out.text(), c.normalized) << c.original;
  }
}

}  // namespace
}  // namespace factx::internal
