#include "lexing/literal_matcher.h"

#include <algorithm>
#include <deque>
#include <limits>

namespace factx::internal {
namespace {

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
  // The trie's states, counted before its table is made, so that the table
  // is made once, in the narrow type when it fits (a wide table of the
  // lexer's thousand words took 6 MB while it was built): the root, and each
  // distinct prefix of the folded keys, which sorted keys share with their
  // neighbours.
  std::vector<std::string> folded;
  folded.reserve(keys.size());
  for (const std::string& key : keys) {
    std::string& f = folded.emplace_back(key);
    for (char& c : f)
      c = static_cast<char>(FoldAscii(static_cast<unsigned char>(c)));
  }
  std::sort(folded.begin(), folded.end());
  std::uint64_t state_count = 1;
  for (std::size_t k = 0; k < folded.size(); ++k) {
    std::size_t shared = 0;
    if (k > 0) {
      const std::string& previous = folded[k - 1];
      while (shared < previous.size() && shared < folded[k].size() &&
             previous[shared] == folded[k][shared]) {
        ++shared;
      }
    }
    state_count += folded[k].size() - shared;
  }
  FindThreeByteStarts(keys);
  if (state_count < std::numeric_limits<std::uint16_t>::max()) {
    Build(keys, static_cast<std::uint32_t>(state_count), &narrow_next_);
  } else {
    Build(keys, static_cast<std::uint32_t>(state_count), &wide_next_);
  }
}

void LiteralMatcher::FindThreeByteStarts(const std::vector<std::string>& keys) {
  std::vector<std::uint64_t> starts(16 * 64, 0);
  bool any = false;
  for (const std::string& key : keys) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(key.data());
    if ((bytes[0] & 0xC0) == 0x80) return;  // starts inside a code point
    if ((bytes[0] & 0xF0) != 0xE0) continue;
    if (key.size() < 3 || (bytes[1] & 0xC0) != 0x80 ||
        (bytes[2] & 0xC0) != 0x80) {
      return;  // a lead byte without its code point
    }
    starts[(bytes[0] & 0x0F) << 6 | (bytes[1] & 0x3F)] |= std::uint64_t{1}
                                                          << (bytes[2] & 0x3F);
    any = true;
  }
  if (any) three_byte_starts_ = std::move(starts);
}

template <typename State>
void LiteralMatcher::Build(const std::vector<std::string>& keys,
                           std::uint32_t state_count,
                           std::vector<State>* table) {
  constexpr State kNoState = std::numeric_limits<State>::max();
  std::vector<State>& next = *table;
  // The trie of the keys, with kNoState for a missing edge, and each state's
  // children in a list: the first by state, the next by child, with the class
  // of the edge to it.
  next.reserve(std::size_t{state_count} * class_count_);
  output_.reserve(state_count);
  output_link_.reserve(state_count);
  std::vector<std::uint32_t> first_child, next_sibling, edge_class;
  first_child.reserve(state_count);
  next_sibling.reserve(state_count);
  edge_class.reserve(state_count);
  auto add_state = [&](std::uint32_t cls) {
    next.resize(next.size() + class_count_, kNoState);
    output_.push_back(-1);
    output_link_.push_back(0);
    first_child.push_back(0);
    next_sibling.push_back(0);
    edge_class.push_back(cls);
    return static_cast<State>(output_.size() - 1);
  };
  add_state(0);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::uint32_t state = 0;
    for (const char c : keys[k]) {
      const std::uint32_t cls =
          byte_class_[FoldAscii(static_cast<unsigned char>(c))];
      if (next[state * class_count_ + cls] == kNoState) {
        const State child = add_state(cls);
        next[state * class_count_ + cls] = child;
        next_sibling[child] = first_child[state];
        first_child[state] = child;
      }
      state = next[state * class_count_ + cls];
    }
    if (state != 0 && output_[state] < 0) {
      output_[state] = static_cast<std::int32_t>(k);
    }
  }

  // Breadth first: each missing edge goes where the longest proper suffix's
  // edge goes, which turns the trie into the matching automaton. A state's
  // row is its suffix's (complete, being shallower) but for its own
  // children: copied whole, then the children put back.
  std::vector<std::uint32_t> failure(output_.size(), 0);
  std::deque<std::uint32_t> queue;
  for (std::uint32_t cls = 0; cls < class_count_; ++cls) {
    State& edge = next[cls];
    if (edge == kNoState) edge = 0;
  }
  for (std::uint32_t child = first_child[0]; child != 0;
       child = next_sibling[child]) {
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const std::uint32_t state = queue.front();
    queue.pop_front();
    const std::uint32_t fail = failure[state];
    output_link_[state] = output_[fail] >= 0 ? fail : output_link_[fail];
    State* row = next.data() + std::size_t{state} * class_count_;
    const State* fallback = next.data() + std::size_t{fail} * class_count_;
    std::copy(fallback, fallback + class_count_, row);
    for (std::uint32_t child = first_child[state]; child != 0;
         child = next_sibling[child]) {
      failure[child] = fallback[edge_class[child]];
      row[edge_class[child]] = static_cast<State>(child);
      queue.push_back(child);
    }
  }

  first_output_.resize(output_.size());
  for (std::uint32_t s = 0; s < output_.size(); ++s) {
    first_output_[s] = output_[s] >= 0 ? s : output_link_[s];
  }
  for (int byte = 0; byte < 256; ++byte) {
    starts_key_[byte] = next[byte_class_[byte]] != 0;
  }
}

}  // namespace factx::internal
