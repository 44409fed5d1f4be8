// Files items into 256 buckets by one byte of each (the first byte of a word,
// say), so that a scan reads only the items a byte of the text can begin or
// end. Used by the tense cues and the money builder's currency names.
//
//   std::vector<Word> words = ...;
//   ByteBuckets buckets = FileByByte(&words, [](const Word& w) {
//     return static_cast<unsigned char>(w.text.front());
//   });
//   // words[buckets[b], buckets[b + 1]) are the words whose byte is b.
#ifndef FACTX_LIB_TEXT_BYTE_BUCKETS_H_
#define FACTX_LIB_TEXT_BYTE_BUCKETS_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace factx::internal {

// The start of each byte's bucket, and past the last one the item count.
using ByteBuckets = std::array<std::uint32_t, 257>;

// Sorts *items by the byte `byte_of` gives (unsigned char), keeping the order
// of items that share one, and returns where each byte's items begin.
template <typename Item, typename ByteOf>
ByteBuckets FileByByte(std::vector<Item>* items, ByteOf byte_of) {
  std::stable_sort(
      items->begin(), items->end(),
      [&](const Item& a, const Item& b) { return byte_of(a) < byte_of(b); });
  ByteBuckets buckets{};
  for (const Item& item : *items) ++buckets[byte_of(item) + 1];
  for (std::size_t b = 1; b < buckets.size(); ++b) buckets[b] += buckets[b - 1];
  return buckets;
}

}  // namespace factx::internal

#endif  // FACTX_LIB_TEXT_BYTE_BUCKETS_H_
