#include "text/document.h"

#include <algorithm>
#include <array>
#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/char_class.h"

namespace factx::internal {
namespace {

constexpr unsigned Bit(Unit unit) { return 1u << static_cast<unsigned>(unit); }

constexpr unsigned kPhraseEnd = Bit(Unit::kPhrase);
constexpr unsigned kClauseEnd = kPhraseEnd | Bit(Unit::kClause);
constexpr unsigned kSentenceEnd = kClauseEnd | Bit(Unit::kSentence);
constexpr unsigned kLineBreak = kSentenceEnd | Bit(Unit::kParagraph);
constexpr unsigned kFullStop = kPhraseEnd | Bit(Unit::kSentence);

// The bytes an end may start with: the C0 controls but tab, VT and FF, ASCII
// punctuation and DEL, and the lead bytes of C1 controls (C2), 。 (E3) and of
// ，；！？ U+FFFD (EF). No continuation byte is one, so Build reads the text
// byte by byte, not code point by code point: each test then waits for no
// earlier one (stepping by the length of each code point made every step
// wait for the load before it, about 10 cycles a code point).
constexpr unsigned char kEndStartBytes[] = {'\n', '\r', '!',  '?',  ';', ',',
                                            '.',  0x7F, 0xC2, 0xE3, 0xEF};
constexpr bool IsBlankControl(unsigned char c) {
  return c >= '\t' && c <= '\r';
}

constexpr std::array<bool, 256> kMayStartEnd = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = !IsBlankControl(c);
  for (const unsigned char c : kEndStartBytes) table[c] = true;
  return table;
}();

// The offset of the first byte at or after `pos` that may start an end, or
// `size`. With SSE2 (every x86-64), sixteen bytes a step.
std::size_t NextMayStartEnd(const unsigned char* bytes, std::size_t pos,
                            std::size_t size) {
#if defined(__SSE2__)
  const __m128i below_space = _mm_set1_epi8(0x20);
  const __m128i below_zero = _mm_set1_epi8(-1);
  const __m128i below_tab = _mm_set1_epi8('\t' - 1);
  const __m128i past_cr = _mm_set1_epi8('\r' + 1);
  for (; pos + 16 <= size; pos += 16) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
    // Signed bytes: 0x00-0x1F are the non-negative ones below 0x20.
    const __m128i control = _mm_and_si128(_mm_cmpgt_epi8(x, below_zero),
                                          _mm_cmplt_epi8(x, below_space));
    const __m128i blank =
        _mm_and_si128(_mm_cmpgt_epi8(x, below_tab), _mm_cmplt_epi8(x, past_cr));
    __m128i hit = _mm_andnot_si128(blank, control);
    for (const unsigned char c : kEndStartBytes) {
      hit = _mm_or_si128(
          hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c))));
    }
    if (const int mask = _mm_movemask_epi8(hit)) {
      return pos + static_cast<std::size_t>(
                       __builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  while (pos < size && !kMayStartEnd[bytes[pos]]) ++pos;
  return pos;
}

// True when the full stop at text[pos] ends a sentence (document.h).
bool EndsSentence(std::string_view text, std::size_t pos) {
  if (pos + 1 < text.size() && !IsBlank(text[pos + 1])) return false;
  if (pos >= 2 && IsBlank(text[pos - 1])) {  // tokenized: "tactic . the"
    std::size_t letters = 0;
    for (std::size_t i = pos - 1; i > 0 && IsAsciiLetter(text[i - 1]); --i)
      ++letters;
    if (letters >= 5) return true;
  }
  // An abbreviation: a capitalized word of up to four letters before (U.S.,
  // Nov., Corp.) but the months whose full names are as short ("a rate cut to
  // June. The Fed"), or a lower-case word after (Inc. for).
  std::size_t word = pos;
  while (word > 0 && pos - word <= 4 && IsAsciiLetter(text[word - 1])) --word;
  const std::string_view before = text.substr(word, pos - word);
  if (!before.empty() && before.size() <= 4 && IsAsciiUpper(before.front()) &&
      before != "May" && before != "June" && before != "July") {
    return false;
  }
  return !(pos + 2 < text.size() && IsAsciiLower(text[pos + 2]));
}

// The units that the character at text[pos] ends (Bit flags), and its length.
unsigned UnitsEndedAt(std::string_view text, std::size_t pos,
                      std::size_t* length) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  *length = 1;
  switch (c) {
    case '\n':
    case '\r':
      return kLineBreak;
    case '!':
    case '?':
      return kSentenceEnd;
    case ';':
      return kClauseEnd;
    case ',':
      return pos > 0 && IsAsciiDigit(text[pos - 1]) && pos + 1 < text.size() &&
                     IsAsciiDigit(text[pos + 1])
                 ? 0
                 : kPhraseEnd;
    case '.':
      return EndsSentence(text, pos) ? kFullStop : 0;
    default:
      break;
  }
  if (const std::size_t break_length = TextBreakLength(text, pos)) {
    *length = break_length;
    return kSentenceEnd;
  }
  const std::string_view wide = text.substr(pos, 3);
  unsigned units = 0;
  if (wide == "。" || wide == "！" || wide == "？") {
    units = kSentenceEnd;
  } else if (wide == "；") {
    units = kClauseEnd;
  } else if (wide == "，") {
    units = kPhraseEnd;
  }
  if (units != 0) *length = 3;
  return units;
}

}  // namespace

void Document::Build(std::string_view text) {
  text_ = text;
  for (std::vector<Boundary>& ends : ends_) ends.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t pos = 0;;) {
    pos = NextMayStartEnd(bytes, pos, size);
    if (pos == size) break;
    std::size_t length = 1;
    const unsigned units = UnitsEndedAt(text, pos, &length);
    for (std::size_t unit = 0; unit < ends_.size(); ++unit) {
      if (units & (1u << unit)) ends_[unit].push_back({pos, pos + length});
    }
    pos += length;
  }
}

std::size_t Document::FirstEndFrom(Unit unit, std::size_t pos) const {
  const std::vector<Boundary>& list = ends(unit);
  return static_cast<std::size_t>(
      std::lower_bound(
          list.begin(), list.end(), pos,
          [](const Boundary& end, std::size_t p) { return end.begin < p; }) -
      list.begin());
}

std::size_t Document::Begin(Unit unit, std::size_t pos) const {
  const std::vector<Boundary>& list = ends(unit);
  auto it = std::upper_bound(
      list.begin(), list.end(), pos,
      [](std::size_t p, const Boundary& end) { return p < end.end; });
  return it == list.begin() ? 0 : std::prev(it)->end;
}

std::size_t Document::End(Unit unit, std::size_t pos) const {
  const std::size_t index = FirstEndFrom(unit, pos);
  return index < ends(unit).size() ? ends(unit)[index].begin : text_.size();
}

}  // namespace factx::internal
