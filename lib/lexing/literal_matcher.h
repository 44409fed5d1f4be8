// Finds every occurrence of a fixed set of byte strings in one left-to-right
// pass over a text (Aho-Corasick, as a full transition table over byte
// classes), ASCII letters matched without regard to case. The rule engine's
// prefilter runs it over the atoms the rules need (rule_shape.h).
//
//   LiteralMatcher matcher({"亿元", "percent", "%"});
//   matcher.FindAll("Up 5 Percent, 3亿元", [](int key, std::size_t end) {
//     // (1, 12), (0, 21): key index and the byte offset just past it
//   });
//
// Immutable once built; thread-safe. Time is linear in the text plus the
// occurrences reported; memory is states x byte classes x 2 bytes (4 bytes
// past 65,536 states), plus 8 KB when keys start with three-byte code points.
#ifndef FACTX_LIB_LEXING_LITERAL_MATCHER_H_
#define FACTX_LIB_LEXING_LITERAL_MATCHER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factx::internal {

class LiteralMatcher {
 public:
  // `keys` must be distinct and not empty; ASCII letters in them match either
  // case.
  explicit LiteralMatcher(const std::vector<std::string>& keys);

  std::size_t key_count() const { return key_lengths_.size(); }
  std::size_t key_length(int key) const { return key_lengths_[key]; }

  // Calls on_match(int key, std::size_t end) for every occurrence of every key
  // in `text`, in order of `end` (the offset just past the occurrence); keys
  // ending at the same offset come longest first. Overlapping occurrences are
  // all reported.
  template <typename OnMatch>
  void FindAll(std::string_view text, OnMatch&& on_match) const {
    if (wide_next_.empty()) {
      Run(narrow_next_.data(), text, on_match);
    } else {
      Run(wide_next_.data(), text, on_match);
    }
  }

 private:
  template <typename State, typename OnMatch>
  void Run(const State* next, std::string_view text, OnMatch& on_match) const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    // Locals: the callback's stores could alias the members, which would then
    // be read again for every byte.
    const std::uint32_t class_count = class_count_;
    const std::uint32_t* first_output = first_output_.data();
    const bool skips_code_points = !three_byte_starts_.empty();
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < size; ++i) {
      if (state == 0) {
        // Most code points of prose start no key and leave the root where it
        // is: a byte that starts none, or a three-byte code point (Han text)
        // none starts with although its lead byte is shared with keys.
        for (;;) {
          const unsigned char lead = bytes[i];
          if (!starts_key_[lead]) {
            if (++i == size) return;
            continue;
          }
          if (!skips_code_points || (lead & 0xF0) != 0xE0 || size - i < 3 ||
              !SkipsThreeByteCodePoint(bytes + i)) {
            break;
          }
          i += 3;
          if (i == size) return;
        }
      }
      state = next[state * class_count + byte_class_[bytes[i]]];
      for (std::uint32_t s = first_output[state]; s != 0; s = output_link_[s]) {
        on_match(output_[s], i + 1);
      }
    }
  }

  // True when bytes[0..2] are a well-formed three-byte code point that starts
  // no key: read from the root, they lead back to it and end no key.
  bool SkipsThreeByteCodePoint(const unsigned char* bytes) const {
    if ((bytes[1] & 0xC0) != 0x80 || (bytes[2] & 0xC0) != 0x80) return false;
    const std::uint64_t word =
        three_byte_starts_[(bytes[0] & 0x0F) << 6 | (bytes[1] & 0x3F)];
    return (word >> (bytes[2] & 0x3F) & 1) == 0;
  }

  // Fills three_byte_starts_ unless a key makes skipping code points wrong.
  void FindThreeByteStarts(const std::vector<std::string>& keys);

  // Builds the automaton into *next, given how many states its trie has
  // (fewer than State's largest value, which marks a missing edge).
  template <typename State>
  void Build(const std::vector<std::string>& keys, std::uint32_t state_count,
             std::vector<State>* next);

  std::vector<std::size_t> key_lengths_;
  // Byte -> class; bytes in no key (after ASCII case folding) share class 0.
  std::array<std::uint8_t, 256> byte_class_{};
  std::uint32_t class_count_ = 1;
  // True for the bytes that leave the root state (start some key).
  std::array<bool, 256> starts_key_{};
  // One bit per code point U+0800..U+FFFF (three UTF-8 bytes), indexed by the
  // low 4 bits of the lead byte and the low 6 of the next, then bit by the low
  // 6 of the last: set when some key starts with it. Empty (no skipping) when
  // no key starts with such a code point, or when a key starts with a
  // continuation byte or with a lead byte E0-EF and no whole code point, so
  // that a code point could end or begin a key in its middle.
  std::vector<std::uint64_t> three_byte_starts_;
  // next[state * class_count_ + class]: the state after reading a byte of
  // that class. State 0 is the root. narrow_next_ when every state fits in 16
  // bits (half the memory for the cache to hold), else wide_next_.
  std::vector<std::uint16_t> narrow_next_;
  std::vector<std::uint32_t> wide_next_;
  // The key that ends at a state (-1: none); output_link_ is the nearest
  // proper suffix state that ends a key (0: none), and first_output_ the
  // state itself if it ends a key, else its output_link_: one small array
  // read tells whether a byte ends any key.
  std::vector<std::int32_t> output_;
  std::vector<std::uint32_t> output_link_;
  std::vector<std::uint32_t> first_output_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_LEXING_LITERAL_MATCHER_H_
