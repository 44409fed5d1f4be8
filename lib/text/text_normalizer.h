// Normalization with a map back to the original bytes.
//
// Rules match a normalized copy of the text: NFKC (full-width digits, ％ and
// ．fold to ASCII, ㍻ -> 平成), except that CJK clause punctuation (，。、；：)
// stays as it is, so 增长15，20家 never reads as 15,20; ￥ stays ￥ (CNY),
// instead of folding into ¥ (which Japanese text uses for yen); traditional
// numerals, scale words and currency names are folded to simplified (億 -> 亿,
// 萬 -> 万, 兩 -> 两, 點 -> 点, 圓 -> 圆, 幣 -> 币, 歐 -> 欧, 鎊 -> 镑, 韓 ->
// 韩, 個 -> 个, ...); invisible format characters (U+200B..U+200F, U+2060,
// U+FEFF, U+00AD, bidi controls) are dropped, so 3<U+200D>00亿元 reads as
// 300亿元.
//
//   TextNormalizer normalizer = *TextNormalizer::Create();
//   NormalizedText out;
//   normalizer.Normalize("增长１７％", /*replace_invalid_utf8=*/false, &out);
//   out.text();                 // "增长17%"
//   out.ToOriginal(6, 9);       // {6, 15}: "１７％" in the original
#ifndef FACTX_LIB_TEXT_TEXT_NORMALIZER_H_
#define FACTX_LIB_TEXT_TEXT_NORMALIZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "factx/facts.h"
#include "factx/status.h"

namespace factx::internal {

// A normalized text and its offset map. Reusable: Normalize() overwrites it,
// keeping capacity. Not thread-safe.
class NormalizedText {
 public:
  // The normalized text: well-formed UTF-8.
  std::string_view text() const { return text_; }

  // Maps the byte span [begin, end) of text() to the original text: begin
  // rounds down to the start of the edit that contains it, end rounds up to the
  // end of the edit that contains end-1, so the result always covers whole
  // original code points. Identity where nothing changed. An empty span maps to
  // an empty span; end is clamped to text().size() and begin to end; a position
  // inside a code point of text() widens to the whole code point.
  Span ToOriginal(std::size_t begin, std::size_t end) const;

 private:
  friend class TextNormalizer;
  // One changed stretch: normalized [dest_begin, dest_end) came from original
  // [source_begin, source_end). Sorted, non-overlapping; unchanged text lies
  // between. A dropped character is a change with dest_begin == dest_end: a
  // span that ends before it or begins after it leaves it out, one that holds
  // it on both sides covers it.
  struct Change {
    std::size_t dest_begin, dest_end, source_begin, source_end;
  };
  std::string text_;
  std::vector<Change> changes_;
};

// Normalizes text as described above. Immutable once built; safe to share
// between threads.
class TextNormalizer {
 public:
  // kInternal when ICU's normalization data cannot be loaded.
  static Result<TextNormalizer> Create();

  // Normalizes `original` into *out. Ill-formed UTF-8 is kInvalidUtf8 (naming
  // the first bad byte offset), unless `replace_invalid_utf8`: then each bad
  // byte reads as U+FFFD. That is, every byte that does not belong to a
  // well-formed sequence becomes one U+FFFD in text() (a truncated E4 B8 gives
  // two), which maps back to exactly that byte. Text longer than INT32_MAX
  // bytes (ICU's limit) is kResourceExhausted; an ICU failure is kInternal. On
  // any error *out is left empty.
  Status Normalize(std::string_view original, bool replace_invalid_utf8,
                   NormalizedText* out) const;

  class Impl;

 private:
  explicit TextNormalizer(std::shared_ptr<const Impl> impl)
      : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_TEXT_TEXT_NORMALIZER_H_
