// A lazy DFA over code points for a TokenMatcher's program: what finds where
// a rule over tokens matches in a token string (token_matcher.h, Search), in
// place of RE2's DFAs (a forward one over bytes for the end, a reverse one
// for the start, each compiled from the pattern on first use, each building
// its states anew on text it has not seen).
//
// It runs anchored, from one position: TokenMatcher::Search tries it at each
// code point a match can start with, in order, and the first that matches is
// the leftmost; the DFA reads on to the longest match from there, as RE2 with
// longest_match does. A run ends where no thread of the program is alive,
// which in a token string is a few symbols on.
//
// A state is the set of the program's instructions that wait to read a code
// point (the kernel), with what the empty-width assertions need of the text
// before it (a word character? the start of the text?). A transition on code
// point c takes the kernel's closure with c next (so `\b` and `$` are read
// there), tells whether a match ends before c, and steps over c. Transitions
// are made on first need and kept, keyed by (state, code point): no
// equivalence classes of code points to compute first, and a symbol the text
// never holds costs nothing.
//
// Thread-safe: reading a kept transition takes no lock (one atomic load of a
// 64-bit slot); making one takes a mutex. Its memory is bounded
// (kMaxStateBytes, kMaxTransitions): a DFA that would pass them gives up, for
// good, and its searches are left to RE2.
#ifndef FACTX_LIB_ENGINE_TOKEN_DFA_H_
#define FACTX_LIB_ENGINE_TOKEN_DFA_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace factx::internal {

class TokenMatcher;

class TokenDfa {
 public:
  // `matcher` outlives the DFA (it owns it).
  explicit TokenDfa(const TokenMatcher* matcher);
  ~TokenDfa();
  TokenDfa(const TokenDfa&) = delete;
  TokenDfa& operator=(const TokenDfa&) = delete;

  // Bounds on what the DFA keeps: the bytes of its states (their kernels
  // and their index; on the varied corpus, 117 states in 9.5 KB at most),
  // and transitions (8 bytes each, in a table at most twice as large, and the
  // tables it outgrew; 499 at most). RE2 allowed a program's DFAs about
  // 10 MB (kRuleMaxMem).
  static constexpr std::size_t kMaxStateBytes = 128 << 10;
  static constexpr std::size_t kMaxTransitions = 4096;

  enum class Result { kNoMatch, kMatch, kGaveUp };
  // The longest match of the program that starts at text[start], anchored
  // there (the text before `start` is context for ^ and \b): kMatch with its
  // end in *end. kGaveUp once the DFA's memory is full. Adds the code points
  // it read to *steps. `text` is well-formed UTF-8, `start` a code point
  // boundary.
  Result LongestFrom(std::string_view text, std::size_t start, std::size_t* end,
                     std::size_t* steps) const;

 private:
  // A kept transition: the code point (plus one; kEndOfText for the end of
  // the text), the state, the next state (0: none alive) and whether a
  // match ends before the code point, in one 64-bit word that is 0 when
  // the slot is empty.
  static constexpr std::uint64_t kEndOfText = 0x1FFFFF;
  static constexpr int kStateBits = 21;
  static std::uint64_t KeyOf(std::uint32_t state, std::uint64_t code) {
    return code << 43 | std::uint64_t{state} << 22;
  }
  static constexpr std::uint64_t kKeyMask = ~((std::uint64_t{1} << 22) - 1);

  struct Table {
    explicit Table(std::size_t size);
    std::size_t mask;
    std::unique_ptr<std::atomic<std::uint64_t>[]> slots;
  };

  // What a state's kernel needs of the text before it.
  enum Context : std::uint8_t {
    kAfterWordChar = 1,  // an ASCII word character, for \b \B
    kAtTextStart = 2,    // for ^
  };
  struct StateKey {
    std::vector<std::uint32_t> kernel;  // sorted
    std::uint8_t context;
    bool operator<(const StateKey& other) const {
      return context != other.context ? context < other.context
                                      : kernel < other.kernel;
    }
  };

  // The transition of `state` on `code`: next state << 1 | match. Makes it
  // when it is not kept yet; kGaveUpValue when the memory is full.
  std::uint64_t Transition(std::uint32_t state, std::uint64_t code) const;
  std::uint64_t MakeTransition(std::uint32_t state, std::uint64_t code) const;
  // The state of `key` (under mutex_), 0 for an empty kernel, kNoState when
  // there would be too many.
  std::uint32_t StateOf(StateKey key) const;
  // Keeps a transition (under mutex_); false when the table is full.
  bool Keep(std::uint64_t slot) const;

  static constexpr std::uint64_t kGaveUpValue = ~std::uint64_t{0};
  static constexpr std::uint32_t kNoState = ~std::uint32_t{0};

  const TokenMatcher* matcher_;
  // The context bits that the program's assertions read; others are not
  // part of a state.
  std::uint8_t context_mask_ = 0;
  // The start states by context (0: not made yet), read without the lock.
  mutable std::atomic<std::uint32_t> start_states_[4] = {};
  mutable std::atomic<Table*> table_{nullptr};
  mutable std::atomic<bool> gave_up_{false};

  // Under mutex_: the states (state i is states_[i - 1]), their index, the
  // tables made (the current one last; a reader may still be in an older
  // one), transitions kept, and scratch for closures.
  mutable std::mutex mutex_;
  mutable std::vector<const StateKey*> states_;
  mutable std::map<StateKey, std::uint32_t> state_ids_;
  mutable std::vector<std::unique_ptr<Table>> tables_;
  mutable std::size_t kept_ = 0;
  mutable std::size_t state_bytes_ = 0;
  mutable std::vector<std::uint32_t> stack_;
  mutable std::vector<std::uint32_t> seen_;  // by instruction: a mark
  mutable std::uint32_t mark_ = 0;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_TOKEN_DFA_H_
