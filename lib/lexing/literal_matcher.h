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
// past 65,536 states).
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
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < size; ++i) {
      if (state == 0) {
        // Most bytes of prose start no key and leave the root where it is.
        while (!starts_key_[bytes[i]]) {
          if (++i == size) return;
        }
      }
      state = next[state * class_count_ + byte_class_[bytes[i]]];
      for (std::uint32_t s = first_output_[state]; s != 0;
           s = output_link_[s]) {
        on_match(output_[s], i + 1);
      }
    }
  }

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
