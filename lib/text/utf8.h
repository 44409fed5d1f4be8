// UTF-8 validation and decoding (RFC 3629: no overlongs, no surrogates, at most
// U+10FFFF).
#ifndef FACTX_LIB_TEXT_UTF8_H_
#define FACTX_LIB_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "factx/status.h"

namespace factx::internal {

// Number of ASCII bytes at the start of `text`, read 8 at a time (the fast path
// of every scan over mostly-ASCII text).
std::size_t AsciiPrefixLength(std::string_view text);

// Byte offset of the first ill-formed byte of `text`, or text.size() when it is
// well formed.
std::size_t FindInvalidUtf8(std::string_view text);

// OK, or kInvalidUtf8 with the message "invalid UTF-8 at byte N".
Status ValidateUtf8(std::string_view text);

// `text` made fit to quote in a message: valid UTF-8 with no ASCII control
// characters. Each ill-formed byte, each C0 control character (NUL, tab, line
// feed included) and DEL is written as `\xNN` (upper-case hex); the rest is
// copied. "\xFF\xFF-01-01" (bytes FF FF) gives the ASCII text
// `\xFF\xFF-01-01`.
std::string EscapeForMessage(std::string_view text);

// The byte length of the well-formed UTF-8 sequence that starts with `lead`;
// 1 for a continuation byte, so that a scan of ill-formed text still moves.
constexpr std::size_t Utf8SequenceLength(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// The code point at bytes[i], the start of a well-formed UTF-8 sequence, and
// its byte length: the hot paths' decoder (no checks; DecodeUtf8 checks).
inline char32_t DecodeWellFormedUtf8(const unsigned char* bytes, std::size_t i,
                                     std::size_t* length) {
  const unsigned char lead = bytes[i];
  const auto next = [&](std::size_t k) {
    return static_cast<char32_t>(bytes[i + k] & 0x3F);
  };
  if (lead < 0x80) {
    *length = 1;
    return lead;
  }
  if (lead < 0xE0) {
    *length = 2;
    return (char32_t{lead & 0x1Fu} << 6) | next(1);
  }
  if (lead < 0xF0) {
    *length = 3;
    return (char32_t{lead & 0x0Fu} << 12) | (next(1) << 6) | next(2);
  }
  *length = 4;
  return (char32_t{lead & 0x07u} << 18) | (next(1) << 12) | (next(2) << 6) |
         next(3);
}

// Decodes the code point starting at text[pos] (which must be well-formed
// UTF-8) and returns it; sets *length to its byte length (1..4).
char32_t DecodeUtf8(std::string_view text, std::size_t pos,
                    std::size_t* length);

// True when `pos` is 0, text.size(), or the start of a code point (not a
// continuation byte).
inline bool IsCodePointBoundary(std::string_view text, std::size_t pos) {
  return pos == 0 || pos >= text.size() ||
         (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// Number of code points in well-formed `text`.
std::size_t CountCodePoints(std::string_view text);

}  // namespace factx::internal

#endif  // FACTX_LIB_TEXT_UTF8_H_
