#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

namespace factx::internal {
namespace {

using namespace std::string_literals;  // "a\0b"s keeps the NUL

struct Utf8Case {
  const char* name;
  std::string text;
  std::size_t first_bad;  // text.size() when well formed
};

const Utf8Case kWellFormed[] = {
    {"empty", "", 0},
    {"ascii", "revenue 17%", 11},
    {"nul is a character", "a\0b"s, 3},
    {"only nul", "\0"s, 1},
    {"two-byte lowest U+0080", "\xC2\x80", 2},
    {"two-byte highest U+07FF", "\xDF\xBF", 2},
    {"three-byte lowest U+0800", "\xE0\xA0\x80", 3},
    {"just below surrogates U+D7FF", "\xED\x9F\xBF", 3},
    {"just above surrogates U+E000", "\xEE\x80\x80", 3},
    {"three-byte highest U+FFFF", "\xEF\xBF\xBF", 3},
    {"four-byte lowest U+10000", "\xF0\x90\x80\x80", 4},
    {"highest code point U+10FFFF", "\xF4\x8F\xBF\xBF", 4},
    {"chinese and full-width", "净利润１７％", 18},
    {"long ascii run then chinese", "the company said on Monday 营收", 33},
    {"emoji between ascii", "a\xF0\x9F\x98\x80z", 6},
};

const Utf8Case kIllFormed[] = {
    {"stray continuation", "\x80", 0},
    {"stray continuation after ascii", "ab\xBF", 2},
    {"overlong nul C0 80", "\xC0\x80", 0},
    {"overlong C1 BF", "\xC1\xBF", 0},
    {"overlong three-byte E0 80 80", "\xE0\x80\x80", 0},
    {"overlong three-byte E0 9F BF", "\xE0\x9F\xBF", 0},
    {"overlong four-byte F0 80 80 80", "\xF0\x80\x80\x80", 0},
    {"overlong four-byte F0 8F BF BF", "\xF0\x8F\xBF\xBF", 0},
    {"high surrogate U+D800", "\xED\xA0\x80", 0},
    {"low surrogate U+DFFF", "\xED\xBF\xBF", 0},
    {"above U+10FFFF via F4 90", "\xF4\x90\x80\x80", 0},
    {"lead F5", "\xF5\x80\x80\x80", 0},
    {"byte FE", "x\xFE", 1},
    {"byte FF", "\xFF", 0},
    {"truncated two-byte at end", "\xC3", 0},
    {"truncated three-byte at end", "abc\xE4\xB8", 3},
    {"truncated four-byte at end", "\xF0\x9F\x98", 0},
    {"truncated three-byte before ascii",
     "\xE4\xB8"
     "a",
     0},
    {"lead followed by a lead", "\xC3\xC3\xA9", 0},
    {"bad byte after a character", "营\xE5", 3},
    {"second continuation missing", "\xE8\x90\x41", 0},
    {"bad byte at 7, inside the first word", "abcdefg\x80", 7},
    {"bad byte at 8, right after one word", "abcdefgh\x80", 8},
    {"bad byte after two words and a bit", "abcdefghijklmnopq\x80", 17},
    {"good then bad", "\xC2\x80\xC2", 2},
};

TEST(Utf8Test, FindsNoErrorInWellFormedText) {
  for (const Utf8Case& c : kWellFormed) {
    EXPECT_EQ(FindInvalidUtf8(c.text), c.first_bad) << c.name;
    EXPECT_EQ(c.first_bad, c.text.size()) << c.name << ": bad table entry";
    EXPECT_TRUE(ValidateUtf8(c.text).ok()) << c.name;
  }
}

TEST(Utf8Test, FindsFirstBadByteInIllFormedText) {
  for (const Utf8Case& c : kIllFormed) {
    EXPECT_EQ(FindInvalidUtf8(c.text), c.first_bad) << c.name;
  }
}

TEST(Utf8Test, ValidateNamesTheFirstBadByte) {
  for (const Utf8Case& c : kIllFormed) {
    const Status status = ValidateUtf8(c.text);
    EXPECT_EQ(status.code(), StatusCode::kInvalidUtf8) << c.name;
    EXPECT_EQ(status.message(),
              "invalid UTF-8 at byte " + std::to_string(c.first_bad))
        << c.name;
  }
}

TEST(Utf8Test, FindsBadByteAfterEveryAsciiPrefixLength) {
  // The ASCII fast path reads 8 bytes at a time; a bad byte at any offset is
  // found exactly, and so is a good multi-byte character after the run.
  for (std::size_t prefix = 0; prefix < 40; ++prefix) {
    const std::string ascii(prefix, 'x');
    EXPECT_EQ(FindInvalidUtf8(ascii + "\x80" + "yyyyyyyy"), prefix) << prefix;
    EXPECT_EQ(FindInvalidUtf8(ascii + "\xE4\xBA\xBF" + "yyyyyyyy"), prefix + 11)
        << prefix;
  }
}

TEST(Utf8Test, ChecksEveryTwoByteSequenceAgainstTheRfc) {
  // Lead and continuation bytes exhaustively: a two-byte prefix is ill-formed
  // at 0 exactly when RFC 3629 says so.
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      std::string text = {static_cast<char>(lead), static_cast<char>(second),
                          '\x80', '\x80'};
      const bool continuation = second >= 0x80 && second <= 0xBF;
      bool good;
      if (lead >= 0xC2 && lead <= 0xDF) {
        good = continuation;
      } else if (lead == 0xE0) {
        good = second >= 0xA0 && second <= 0xBF;
      } else if (lead == 0xED) {
        good = second >= 0x80 && second <= 0x9F;
      } else if (lead >= 0xE1 && lead <= 0xEF) {
        good = continuation;
      } else if (lead == 0xF0) {
        good = second >= 0x90 && second <= 0xBF;
      } else if (lead == 0xF4) {
        good = second >= 0x80 && second <= 0x8F;
      } else if (lead >= 0xF1 && lead <= 0xF3) {
        good = continuation;
      } else {
        good = false;  // continuation bytes, C0, C1, F5-FF
      }
      EXPECT_EQ(FindInvalidUtf8(text) != 0, good)
          << std::hex << lead << " " << second;
    }
  }
}

TEST(Utf8Test, DecodesCodePoints) {
  struct DecodeCase {
    std::string text;
    std::size_t pos;
    char32_t code_point;
    std::size_t length;
  };
  const DecodeCase cases[] = {
      {"a", 0, U'a', 1},
      {"\0"s, 0, U'\0', 1},
      {"\xC2\x80", 0, 0x80, 2},
      {"\xDF\xBF", 0, 0x7FF, 2},
      {"亿", 0, U'亿', 3},
      {"a万b", 1, U'万', 3},
      {"\xEF\xBF\xBF", 0, 0xFFFF, 3},
      {"\xF0\x9F\x98\x80", 0, 0x1F600, 4},
      {"\xF4\x8F\xBF\xBF", 0, 0x10FFFF, 4},
  };
  for (const DecodeCase& c : cases) {
    std::size_t length = 0;
    EXPECT_EQ(DecodeUtf8(c.text, c.pos, &length), c.code_point) << c.text;
    EXPECT_EQ(length, c.length) << c.text;
  }
}

TEST(Utf8Test, DecodeOfIllFormedInputStillAdvances) {
  // A precondition violation, but it must not loop forever or read past the
  // end: U+FFFD, one byte.
  for (const std::string& text : {"\x80"s, "\xE4\xB8"s, "\xED\xA0\x80"s}) {
    std::size_t length = 0;
    EXPECT_EQ(DecodeUtf8(text, 0, &length), U'\uFFFD');
    EXPECT_EQ(length, 1u);
  }
  std::size_t length = 0;
  EXPECT_EQ(DecodeUtf8("ab", 2, &length), U'\uFFFD');
  EXPECT_EQ(length, 1u);
}

// Every scan that steps over code points by their lead byte reads this one
// length; a continuation byte (ill-formed there) counts 1, so a scan moves on.
TEST(Utf8Test, SequenceLengthByLeadByte) {
  const std::pair<unsigned char, std::size_t> cases[] = {
      {0x00, 1}, {'a', 1},  {0x7F, 1}, {0x80, 1}, {0xBF, 1}, {0xC2, 2},
      {0xDF, 2}, {0xE0, 3}, {0xE4, 3}, {0xEF, 3}, {0xF0, 4}, {0xF4, 4},
  };
  for (const auto& [lead, length] : cases) {
    EXPECT_EQ(Utf8SequenceLength(lead), length) << static_cast<int>(lead);
  }
  for (const std::string code_point : {"a", "é", "元", "😀"}) {
    EXPECT_EQ(Utf8SequenceLength(static_cast<unsigned char>(code_point[0])),
              code_point.size());
  }
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("a\0b"s), 3u);
  EXPECT_EQ(CountCodePoints("增长17%"), 5u);
  EXPECT_EQ(CountCodePoints("a\xF0\x9F\x98\x80z"), 3u);
}

TEST(Utf8Test, TellsCodePointBoundaries) {
  const std::string_view text = "a亿";  // bytes: a, E4 BA BF
  EXPECT_TRUE(IsCodePointBoundary(text, 0));
  EXPECT_TRUE(IsCodePointBoundary(text, 1));
  EXPECT_FALSE(IsCodePointBoundary(text, 2));
  EXPECT_FALSE(IsCodePointBoundary(text, 3));
  EXPECT_TRUE(IsCodePointBoundary(text, 4));   // the end
  EXPECT_TRUE(IsCodePointBoundary(text, 99));  // past the end
}

TEST(Utf8Test, EscapesWhatAMessageMustNotHoldAsHex) {
  const struct {
    std::string text;
    std::string escaped;
  } cases[] = {
      {"", ""},
      {"2020-05-06", "2020-05-06"},
      {"净利润１７％ 😀", "净利润１７％ 😀"},
      {"\xFF\xFF\xFF\xFF-01-01", "\\xFF\\xFF\\xFF\\xFF-01-01"},
      {"\xC0\xAF", "\\xC0\\xAF"},           // overlong '/'
      {"a\xE4\xB8", "a\\xE4\\xB8"},         // truncated 中
      {"\xED\xA0\x80", "\\xED\\xA0\\x80"},  // a surrogate
      {"\xE4\xB8\xAD\x80", "中\\x80"},      // stray continuation
      {"a\0b"s, "a\\x00b"},                 // NUL
      {"line\nnext\tcol\x7F", "line\\x0Anext\\x09col\\x7F"},
      {"\xC2\x85", "\xC2\x85"},  // U+0085 is well formed and not C0: kept
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EscapeForMessage(c.text), c.escaped);
    EXPECT_EQ(FindInvalidUtf8(EscapeForMessage(c.text)),
              EscapeForMessage(c.text).size());
  }
}

TEST(Utf8Test, StatusMessagesAreEscaped) {
  const Status status(StatusCode::kInvalidArgument, "bad \"\xFF\x01\"");
  EXPECT_EQ(status.message(), "bad \"\\xFF\\x01\"");
  EXPECT_EQ(status.ToString(), "InvalidArgument: bad \"\\xFF\\x01\"");
}

}  // namespace
}  // namespace factx::internal
