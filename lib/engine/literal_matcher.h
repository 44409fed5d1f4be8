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
// occurrences reported; memory is states x byte classes x 4 bytes.
#ifndef FACTX_LIB_ENGINE_LITERAL_MATCHER_H_
#define FACTX_LIB_ENGINE_LITERAL_MATCHER_H_

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
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const unsigned char byte = static_cast<unsigned char>(text[i]);
      state = next_[state * class_count_ + byte_class_[byte]];
      for (std::uint32_t s = has_output_[state] ? state : output_link_[state];
           s != 0; s = output_link_[s]) {
        on_match(output_[s], i + 1);
      }
    }
  }

 private:
  std::vector<std::size_t> key_lengths_;
  // Byte -> class; bytes in no key (after ASCII case folding) share class 0.
  std::array<std::uint8_t, 256> byte_class_{};
  std::uint32_t class_count_ = 1;
  // next_[state * class_count_ + class]: the state after reading a byte of
  // that class. State 0 is the root.
  std::vector<std::uint32_t> next_;
  // The key that ends at a state, if has_output_; output_link_ is the nearest
  // proper suffix state that ends a key (0: none).
  std::vector<std::int32_t> output_;
  std::vector<bool> has_output_;
  std::vector<std::uint32_t> output_link_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_LITERAL_MATCHER_H_
