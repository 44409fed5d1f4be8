// UTF-8 validation per RFC 3629, with a word-at-a-time fast path over ASCII
// runs.
#include "text/utf8.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace factx::internal {
namespace {

bool InRange(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

// Length (1..4) of the well-formed sequence at the start of `bytes`, or 0 when
// it is ill-formed. The second-byte ranges are those of RFC 3629 section 4: E0
// and F0 exclude overlongs, ED excludes the surrogates D800-DFFF, F4 stops at
// U+10FFFF; C0, C1 and F5-FF never start one.
std::size_t WellFormedLength(const unsigned char* bytes, std::size_t size) {
  const unsigned char lead = bytes[0];
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (InRange(lead, 0xC2, 0xDF)) {
    length = 2;
  } else if (InRange(lead, 0xE0, 0xEF)) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (InRange(lead, 0xF0, 0xF4)) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return 0;  // a continuation byte, C0/C1 (always overlong) or F5-FF (beyond
               // U+10FFFF)
  }
  if (size < length || !InRange(bytes[1], second_low, second_high)) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!InRange(bytes[i], 0x80, 0xBF)) return 0;
  }
  return length;
}

}  // namespace

std::size_t AsciiPrefixLength(std::string_view text) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const std::size_t size = text.size();
  std::size_t pos = 0;
  while (pos + 8 <= size) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    if ((word & kHighBits) != 0) break;
    pos += 8;
  }
  while (pos < size && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

std::size_t FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t pos = 0;
  while (pos < size) {
    if (bytes[pos] < 0x80) {
      pos += AsciiPrefixLength(text.substr(pos));
      continue;
    }
    const std::size_t length = WellFormedLength(bytes + pos, size - pos);
    if (length == 0) return pos;
    pos += length;
  }
  return size;
}

Status ValidateUtf8(std::string_view text) {
  const std::size_t bad = FindInvalidUtf8(text);
  if (bad == text.size()) return Status();
  return Status(StatusCode::kInvalidUtf8,
                "invalid UTF-8 at byte " + std::to_string(bad));
}

std::string EscapeForMessage(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = bytes[pos];
    const std::size_t length = WellFormedLength(bytes + pos, text.size() - pos);
    if (length == 0 || byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
      ++pos;
      continue;
    }
    out.append(text, pos, length);
    pos += length;
  }
  return out;
}

char32_t DecodeUtf8(std::string_view text, std::size_t pos,
                    std::size_t* length) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t sequence_length =
      pos < text.size() ? WellFormedLength(bytes + pos, text.size() - pos) : 0;
  if (sequence_length == 0) {
    // Precondition violated; still advance by one byte so that callers' loops
    // end.
    *length = 1;
    return U'\uFFFD';
  }
  *length = sequence_length;
  const unsigned char lead = bytes[pos];
  switch (sequence_length) {
    case 1:
      return lead;
    case 2:
      return (char32_t{lead & 0x1Fu} << 6) | (bytes[pos + 1] & 0x3Fu);
    case 3:
      return (char32_t{lead & 0x0Fu} << 12) |
             (char32_t{bytes[pos + 1] & 0x3Fu} << 6) | (bytes[pos + 2] & 0x3Fu);
    default:
      return (char32_t{lead & 0x07u} << 18) |
             (char32_t{bytes[pos + 1] & 0x3Fu} << 12) |
             (char32_t{bytes[pos + 2] & 0x3Fu} << 6) | (bytes[pos + 3] & 0x3Fu);
  }
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace factx::internal
