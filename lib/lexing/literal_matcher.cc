#include "lexing/literal_matcher.h"

#include <deque>
#include <limits>

namespace factx::internal {
namespace {

constexpr std::uint32_t kNoState = std::numeric_limits<std::uint32_t>::max();

unsigned char FoldAscii(unsigned char byte) {
  return byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte + 32)
                                    : byte;
}

}  // namespace

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) key_lengths_.push_back(key.size());
  // Byte classes: one per distinct (folded) byte of the keys; an upper-case
  // ASCII letter shares its lower-case letter's class.
  for (const std::string& key : keys) {
    for (const char c : key) {
      const unsigned char byte = FoldAscii(static_cast<unsigned char>(c));
      if (byte_class_[byte] == 0) {
        byte_class_[byte] = static_cast<std::uint8_t>(class_count_++);
      }
    }
  }
  for (unsigned char upper = 'A'; upper <= 'Z'; ++upper) {
    byte_class_[upper] = byte_class_[FoldAscii(upper)];
  }

  // The trie of the keys, with kNoState for a missing edge.
  std::vector<std::uint32_t> next;
  auto add_state = [&] {
    next.resize(next.size() + class_count_, kNoState);
    output_.push_back(-1);
    output_link_.push_back(0);
    return static_cast<std::uint32_t>(output_.size() - 1);
  };
  add_state();
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::uint32_t state = 0;
    for (const char c : keys[k]) {
      const std::uint32_t cls =
          byte_class_[FoldAscii(static_cast<unsigned char>(c))];
      if (next[state * class_count_ + cls] == kNoState) {
        const std::uint32_t child = add_state();
        next[state * class_count_ + cls] = child;
      }
      state = next[state * class_count_ + cls];
    }
    if (state != 0 && output_[state] < 0) {
      output_[state] = static_cast<std::int32_t>(k);
    }
  }
  const std::uint32_t state_count = static_cast<std::uint32_t>(output_.size());

  // Breadth first: each missing edge goes where the longest proper suffix's
  // edge goes, which turns the trie into the matching automaton.
  std::vector<std::uint32_t> failure(state_count, 0);
  std::deque<std::uint32_t> queue;
  for (std::uint32_t cls = 0; cls < class_count_; ++cls) {
    std::uint32_t& edge = next[cls];
    if (edge == kNoState) {
      edge = 0;
    } else {
      queue.push_back(edge);
    }
  }
  while (!queue.empty()) {
    const std::uint32_t state = queue.front();
    queue.pop_front();
    const std::uint32_t fail = failure[state];
    output_link_[state] = output_[fail] >= 0 ? fail : output_link_[fail];
    for (std::uint32_t cls = 0; cls < class_count_; ++cls) {
      std::uint32_t& edge = next[state * class_count_ + cls];
      const std::uint32_t fallback = next[fail * class_count_ + cls];
      if (edge == kNoState) {
        edge = fallback;
      } else {
        failure[edge] = fallback;
        queue.push_back(edge);
      }
    }
  }

  first_output_.resize(state_count);
  for (std::uint32_t s = 0; s < state_count; ++s) {
    first_output_[s] = output_[s] >= 0 ? s : output_link_[s];
  }
  for (int byte = 0; byte < 256; ++byte) {
    starts_key_[byte] = next[byte_class_[byte]] != 0;
  }
  if (state_count <=
      std::size_t{std::numeric_limits<std::uint16_t>::max()} + 1) {
    narrow_next_.assign(next.begin(), next.end());
  } else {
    wide_next_ = std::move(next);
  }
}

}  // namespace factx::internal
