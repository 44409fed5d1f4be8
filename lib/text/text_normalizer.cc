// NFKC through ICU with an offset map, then the traditional -> simplified fold.
// Invisible format characters (kDroppedCharacters) are dropped first.
//
// Ill-formed UTF-8 (replace mode): the text is cut at each bad byte; every
// well-formed run is normalized on its own and each bad byte becomes U+FFFD,
// recorded as a change of one source byte. U+FFFD is a normalization boundary
// on both sides (a starter that neither decomposes nor composes), so
// normalizing run by run gives the same text as normalizing the repaired whole.
#include "text/text_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uniset.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "text/traditional_chinese.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// Characters that NFKC would fold but that carry meaning for the rules, so stay
// as written: the CJK clause punctuation, so that 增长15，20家 never reads as
// "15,20"; and ￥, which Chinese text uses for CNY, while NFKC would turn it
// into ¥, which Japanese text uses for yen.
constexpr UChar32 kKeptCharacters[] = {
    0xFF0C,  // ， FULLWIDTH COMMA (NFKC: ,)
    0x3002,  // 。 IDEOGRAPHIC FULL STOP (NFKC keeps it too)
    0x3001,  // 、 IDEOGRAPHIC COMMA (NFKC keeps it too)
    0xFF1B,  // ； FULLWIDTH SEMICOLON (NFKC: ;)
    0xFF1A,  // ： FULLWIDTH COLON (NFKC: :)
    0xFFE5,  // ￥ FULLWIDTH YEN SIGN (NFKC: ¥)
};

// Invisible format characters (default-ignorable, general category Cf) that
// carry no meaning for facts: they come with text pasted from web pages, word
// processors and bidirectional text. They are dropped, so that 3<U+200D>00亿元
// reads as 300亿元 and 投<U+200B>资 as 投资; each maps back to its own bytes.
// Control characters are not dropped: they end numbers (lib/engine/guards.h).
struct CodePointRange {
  char32_t first, last;
};
constexpr CodePointRange kDroppedCharacters[] = {
    {0x00AD, 0x00AD},  // SOFT HYPHEN
    {0x200B, 0x200F},  // ZERO WIDTH SPACE, NON-JOINER, JOINER; LRM, RLM
    {0x202A, 0x202E},  // bidi embeddings, overrides and their POP
    {0x2060, 0x2064},  // WORD JOINER, the invisible math operators
    {0x2066, 0x2069},  // bidi isolates and their POP
    {0xFEFF, 0xFEFF},  // ZERO WIDTH NO-BREAK SPACE (a byte order mark)
};

// Byte length of the dropped character at text[pos] of well-formed text, or 0.
// All of them are encoded with a lead byte C2, E2 or EF.
std::size_t DroppedCharacterLength(std::string_view text, std::size_t pos) {
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  if (lead != 0xC2 && lead != 0xE2 && lead != 0xEF) return 0;
  std::size_t length = 0;
  const char32_t c = DecodeUtf8(text, pos, &length);
  for (const CodePointRange& range : kDroppedCharacters) {
    if (c >= range.first && c <= range.last) return length;
  }
  return 0;
}

constexpr char kReplacementCharacter[] = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kReplacementLength = sizeof(kReplacementCharacter) - 1;

// ICU indexes strings with int32_t.
constexpr std::size_t kMaxInputBytes = std::numeric_limits<int32_t>::max();

Status IcuError(const char* what, UErrorCode code) {
  return Status(StatusCode::kInternal,
                std::string("ICU ") + what + " failed: " + u_errorName(code));
}

// The byte length of the code point at text[i] when it is well-formed UTF-8
// and one that the filtered NFKC leaves as it is whatever its neighbours
// ("inert"): ASCII, the CJK Unified Ideographs (U+4E00..U+9FFF: no
// decomposition, never composed), the CJK punctuation of Chinese news
// (、。〈〉《》「」『』【】 ’‘ “” —) and kKeptCharacters; 0 for anything else
// (full-width digits and brackets, U+3000, compatibility ideographs, combining
// marks, ill-formed bytes). A 3-byte sequence with continuation bytes that
// decodes into these ranges is neither overlong nor a surrogate, so inert text
// needs no separate validation. Sets *may_fold when the character may need the
// traditional-Chinese fold.
std::size_t InertLength(std::string_view text, std::size_t i, bool* may_fold) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char lead = bytes[i];
  if (lead < 0x80) return 1;
  if ((lead & 0xF0) != 0xE0 || i + 2 >= text.size()) return 0;  // not 3 bytes
  if ((bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80) return 0;
  const char32_t c = (static_cast<char32_t>(lead & 0x0F) << 12) |
                     (static_cast<char32_t>(bytes[i + 1] & 0x3F) << 6) |
                     static_cast<char32_t>(bytes[i + 2] & 0x3F);
  if (c >= 0x4E00 && c <= 0x9FFF) {
    if (MayFold(c)) *may_fold = true;
    return 3;
  }
  if (c == 0x3001 || c == 0x3002 || (c >= 0x3008 && c <= 0x3011)) return 3;
  if (c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D) {
    return 3;
  }
  if (c == 0xFF0C || c == 0xFF1A || c == 0xFF1B || c == 0xFFE5) return 3;
  return 0;
}

// The length of the longest prefix of `text` made of inert code points
// (InertLength). Text that is all inert, the bulk of Chinese news, needs no
// call into ICU.
std::size_t InertPrefixLength(std::string_view text, bool* may_fold) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      i += AsciiPrefixLength(text.substr(i));
      continue;
    }
    const std::size_t length = InertLength(text, i, may_fold);
    if (length == 0) break;
    i += length;
  }
  return i;
}

// Inert text between two code points that are not, up to which both go to ICU
// in one call rather than two: each call has a fixed cost.
constexpr std::size_t kInertBytesWorthACall = 64;

}  // namespace

// NFKC restricted to everything but kKeptCharacters. FilteredNormalizer2 keeps
// references to the set and to ICU's NFKC singleton, so both live here, at a
// stable address (shared_ptr).
class TextNormalizer::Impl {
 public:
  explicit Impl(const icu::Normalizer2& nfkc)
      : filter_(0, 0x10FFFF), nfkc_filtered_(nfkc, filter_) {
    for (const UChar32 kept : kKeptCharacters) filter_.remove(kept);
    // Frozen: spans quickly, and is safe to share between threads.
    filter_.freeze();
  }

  bool ok() const { return !filter_.isBogus(); }

  // Appends the normalized form of `run`, well-formed UTF-8 found at byte
  // `source_offset` of the original, without its dropped characters: the
  // pieces between them are normalized one by one, and each dropped character
  // is a change with nothing on the normalized side.
  Status AppendWellFormedRun(std::string_view run, std::size_t source_offset,
                             icu::Edits* edits, NormalizedText* out) const;

  // Appends the normalized form of `run`, well-formed UTF-8 found at byte
  // `source_offset` of the original, to out->text_, and its changes to
  // out->changes_. `edits` is scratch space. (A member of TextNormalizer, Impl
  // shares its friend access to NormalizedText.)
  Status AppendNormalizedRun(std::string_view run, std::size_t source_offset,
                             icu::Edits* edits, NormalizedText* out) const;

  // The same for a stretch of a run that starts and ends at normalization
  // boundaries, all of it through ICU.
  Status AppendIcuNormalized(std::string_view stretch,
                             std::size_t source_offset, icu::Edits* edits,
                             NormalizedText* out) const;

 private:
  icu::UnicodeSet filter_;
  icu::FilteredNormalizer2 nfkc_filtered_;
};

Result<TextNormalizer> TextNormalizer::Create() {
  UErrorCode code = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(code);
  if (U_FAILURE(code)) return IcuError("loading NFKC data", code);
  auto impl = std::make_shared<const Impl>(*nfkc);
  if (!impl->ok()) {
    return IcuError("building the NFKC filter", U_MEMORY_ALLOCATION_ERROR);
  }
  return TextNormalizer(std::move(impl));
}

Status TextNormalizer::Impl::AppendWellFormedRun(std::string_view run,
                                                 std::size_t source_offset,
                                                 icu::Edits* edits,
                                                 NormalizedText* out) const {
  std::size_t piece_begin = 0;
  std::size_t pos = 0;
  while (pos < run.size()) {
    if (static_cast<unsigned char>(run[pos]) < 0x80) {
      pos += AsciiPrefixLength(run.substr(pos));
      continue;
    }
    const std::size_t dropped = DroppedCharacterLength(run, pos);
    if (dropped == 0) {
      ++pos;  // continuation bytes (80..BF) are never C2, E2 or EF
      continue;
    }
    const Status status =
        AppendNormalizedRun(run.substr(piece_begin, pos - piece_begin),
                            source_offset + piece_begin, edits, out);
    if (!status.ok()) return status;
    const std::size_t dest = out->text_.size();
    out->changes_.push_back(
        {dest, dest, source_offset + pos, source_offset + pos + dropped});
    pos += dropped;
    piece_begin = pos;
  }
  return AppendNormalizedRun(run.substr(piece_begin),
                             source_offset + piece_begin, edits, out);
}

Status TextNormalizer::Impl::AppendNormalizedRun(std::string_view run,
                                                 std::size_t source_offset,
                                                 icu::Edits* edits,
                                                 NormalizedText* out) const {
  // Inert code points are copied; only the stretches around the others go to
  // ICU. Every inert code point has a normalization boundary before it
  // (text_normalizer_test proves it with ICU), so a stretch that starts at the
  // inert code point before the others (which they may compose with: e and
  // U+0301) and ends at an inert one normalizes as it does in the whole run.
  bool unused_may_fold = false;  // Normalize folds the whole text after
  std::size_t pos = 0;
  while (pos < run.size()) {
    const std::size_t other =
        pos + InertPrefixLength(run.substr(pos), &unused_may_fold);
    if (other == run.size()) {
      out->text_.append(run, pos);
      break;
    }
    std::size_t begin = other;
    if (begin > pos) {
      do {
        --begin;
      } while (!IsCodePointBoundary(run, begin));
    }
    out->text_.append(run, pos, begin - pos);
    // Up to the first inert code point that no other follows closely.
    std::size_t end = other;
    for (std::size_t i = other; i < run.size();) {
      const std::size_t inert = InertLength(run, i, &unused_may_fold);
      if (inert == 0) {
        i += Utf8SequenceLength(static_cast<unsigned char>(run[i]));
        end = i;
      } else if (i - end >= kInertBytesWorthACall) {
        break;
      } else {
        i += inert;
      }
    }
    const Status status = AppendIcuNormalized(
        run.substr(begin, end - begin), source_offset + begin, edits, out);
    if (!status.ok()) return status;
    pos = end;
  }
  return Status();
}

Status TextNormalizer::Impl::AppendIcuNormalized(std::string_view stretch,
                                                 std::size_t source_offset,
                                                 icu::Edits* edits,
                                                 NormalizedText* out) const {
  const icu::Normalizer2& normalizer = nfkc_filtered_;
  UErrorCode code = U_ZERO_ERROR;
  const icu::StringPiece piece(stretch.data(),
                               static_cast<int32_t>(stretch.size()));
  // Quick path: already-normalized text is copied, with no changes.
  if (normalizer.isNormalizedUTF8(piece, code)) {
    out->text_.append(stretch);
    return Status();
  }
  if (U_FAILURE(code)) return IcuError("quick check", code);
  const std::size_t dest_offset = out->text_.size();
  icu::StringByteSink<std::string> sink(&out->text_);
  normalizer.normalizeUTF8(0, piece, sink, edits, code);
  if (U_FAILURE(code)) return IcuError("normalization", code);
  // Fine changes, not coarse: coarse merges neighbours, so in １５　２０
  // (full-width digits around an ideographic space) a figure "15" would map
  // back to all of it.
  for (icu::Edits::Iterator it = edits->getFineChangesIterator();
       it.next(code);) {
    const std::size_t dest_begin = dest_offset + it.destinationIndex();
    const std::size_t source_begin = source_offset + it.sourceIndex();
    out->changes_.push_back({dest_begin, dest_begin + it.newLength(),
                             source_begin, source_begin + it.oldLength()});
  }
  if (U_FAILURE(code)) return IcuError("edit iteration", code);
  return Status();
}

Status TextNormalizer::Normalize(std::string_view original,
                                 bool replace_invalid_utf8,
                                 NormalizedText* out) const {
  out->text_.clear();
  out->changes_.clear();
  if (original.size() > kMaxInputBytes) {
    return Status(
        StatusCode::kResourceExhausted,
        "text of " + std::to_string(original.size()) +
            " bytes is longer than the 2147483647 bytes ICU can normalize");
  }
  // The common case in one pass: nothing to repair, nothing for ICU to do,
  // and for simplified Chinese and English nothing to fold.
  bool may_fold = false;
  if (InertPrefixLength(original, &may_fold) == original.size()) {
    out->text_.assign(original);
    if (may_fold) FoldTraditionalChinese(&out->text_);
    return Status();
  }
  const std::size_t first_bad = FindInvalidUtf8(original);
  if (first_bad != original.size() && !replace_invalid_utf8) {
    return Status(StatusCode::kInvalidUtf8,
                  "invalid UTF-8 at byte " + std::to_string(first_bad));
  }
  out->text_.reserve(original.size());

  icu::Edits edits;
  std::size_t run_begin = 0;
  std::size_t run_end = first_bad;
  while (true) {
    const Status status = impl_->AppendWellFormedRun(
        original.substr(run_begin, run_end - run_begin), run_begin, &edits,
        out);
    if (!status.ok()) {
      out->text_.clear();
      out->changes_.clear();
      return status;
    }
    if (run_end == original.size()) break;
    // The bad byte at run_end reads as U+FFFD.
    const std::size_t dest_begin = out->text_.size();
    out->text_.append(kReplacementCharacter, kReplacementLength);
    out->changes_.push_back(
        {dest_begin, dest_begin + kReplacementLength, run_end, run_end + 1});
    run_begin = run_end + 1;
    run_end = run_begin + FindInvalidUtf8(original.substr(run_begin));
  }
  FoldTraditionalChinese(&out->text_);
  return Status();
}

Span NormalizedText::ToOriginal(std::size_t begin, std::size_t end) const {
  const std::size_t size = text_.size();
  end = std::min(end, size);
  begin = std::min(begin, end);
  // Whole code points of text(): identity stretches then map onto whole
  // original ones.
  while (begin > 0 && !IsCodePointBoundary(text_, begin)) --begin;
  while (end < size && !IsCodePointBoundary(text_, end)) ++end;

  // The first change that ends after `pos`, i.e. contains it or lies after it.
  const auto first_ending_after = [this](std::size_t pos) {
    return std::partition_point(
        changes_.begin(), changes_.end(),
        [pos](const Change& c) { return c.dest_end <= pos; });
  };
  // Maps a position in an unchanged stretch: the shift of the change before it.
  const auto shift = [this](std::vector<Change>::const_iterator next,
                            std::size_t pos) {
    if (next == changes_.begin()) return pos;
    const Change& previous = *(next - 1);
    return pos - previous.dest_end + previous.source_end;
  };

  const auto begin_change = first_ending_after(begin);
  const std::size_t source_begin =
      (begin_change != changes_.end() && begin_change->dest_begin <= begin)
          ? begin_change->source_begin
          : shift(begin_change, begin);
  if (begin == end) return Span{source_begin, source_begin};

  const auto end_change = first_ending_after(end - 1);
  const std::size_t source_end =
      (end_change != changes_.end() && end_change->dest_begin <= end - 1)
          ? end_change->source_end
          : shift(end_change, end);
  return Span{source_begin, source_end};
}

}  // namespace factx::internal
