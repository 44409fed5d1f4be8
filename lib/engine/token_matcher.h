// A matcher of our own for patterns over token strings (token_rules.h): it
// finds a match and reads its captures where RE2 ran three engines (a
// forward DFA for the end, a reverse DFA for the start, then BitState or,
// past 512 instructions, its NFA for the captures), each compiled from the
// pattern and building its states anew in every process. Its program is over
// code points, so a class of symbols is one instruction, not a tree of UTF-8
// bytes, and a program of 1,300 RE2 instructions (date.zh.range) is a few
// hundred here.
//
// It reads the subset of RE2's syntax that translated patterns use:
// literals, escapes of one character (\x{...}, \n, \$ ...), \d \s \w, classes
// of them (not negated), groups (capturing, named, non-capturing, (?i:...)),
// alternation, the quantifiers ? * + {n} {n,} {n,m} and their lazy forms,
// and ^ $ \A \z \b \B. Anything else (`.`, \p, a negated class, (?i) on a
// letter outside ASCII, flags other than i) makes Compile fail, and the rule
// keeps RE2.
//
// Search finds where a match is, as RE2 with longest_match does: a lazy DFA
// over the program (token_dfa.h) runs from each code point where a match can
// start. Match then reads the span as RE2's BitState does, anchored at both
// ends: of the ways to match it whole, the first in priority order.
// token_matcher_test checks both against RE2 on every built-in pattern over
// the token strings of every example and counter.
//
// Linear time: Search gives up (for RE2) before it would read the text more
// than a few times over; Match is a backtracker that, past a few hundred
// steps, walks again visiting each (instruction, position) at most once,
// like RE2's BitState.
#ifndef FACTX_LIB_ENGINE_TOKEN_MATCHER_H_
#define FACTX_LIB_ENGINE_TOKEN_MATCHER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexing/token_text.h"
#include "text/utf8.h"

namespace factx::internal {

class TokenDfa;

// Scratch space for TokenMatcher::Match; reused across calls, one per thread.
struct TokenMatchScratch {
  std::vector<std::uint64_t> visited;
  struct Job {
    std::uint32_t instruction;  // or, for a capture to put back, its slot
    std::int32_t position;      // or the slot's old value
    bool restore;
  };
  std::vector<Job> jobs;
  std::vector<std::int32_t> slots;  // two per group: begin, end (-1: unset)
  // By offset in the span: the code point there and its BitOf.
  std::vector<char32_t> codes;
  std::vector<std::uint64_t> bits;
};

// Immutable once compiled; Match is thread-safe with one scratch per thread.
class TokenMatcher {
 public:
  // The matcher of `pattern`, or null when the pattern holds what it does not
  // read (above) or is not well formed.
  static std::unique_ptr<TokenMatcher> Compile(std::string_view pattern);
  ~TokenMatcher();
  TokenMatcher(const TokenMatcher&) = delete;
  TokenMatcher& operator=(const TokenMatcher&) = delete;

  // Capturing groups, as RE2 numbers them (0 not counted), and the names of
  // the named ones, as RE2::CapturingGroupNames gives them.
  int group_count() const { return group_count_; }
  const std::map<int, std::string>& group_names() const { return group_names_; }

  // True when Match can read a span of `bytes`: its memory of where it has
  // been, a bit per instruction and position, stays under kMaxVisitedBits
  // (as RE2 keeps BitState's). A longer span is for RE2's NFA.
  static constexpr std::size_t kMaxVisitedBits = std::size_t{1} << 18;
  bool CanRead(std::size_t bytes) const {
    return program_.size() * (bytes + 1) <= kMaxVisitedBits;
  }

  // Reads the match text[begin, end) that RE2 found (the leftmost-longest
  // from where it searched; text outside it is context for ^ $ \b): writes
  // the begin and end offsets of groups 0..group_count() into `offsets`, two
  // each, -1 for a group that took no part, as RE2 reads them: of the ways to
  // match the span whole, the first in priority order. `text` is well-formed
  // UTF-8 and the span on code point boundaries, one it CanRead. False when
  // the pattern does not match the span whole. `offsets` may be null: whether
  // it matches.
  bool Match(std::string_view text, std::size_t begin, std::size_t end,
             TokenMatchScratch* scratch,
             std::vector<std::int32_t>* offsets) const;

  // Finds the match RE2 finds in text[from, text.size()) with longest_match
  // (the text before `from` is context for ^ and \b): the leftmost, then the
  // longest from there; one that starts at `from` when `anchored`. Its span
  // goes to *begin and *end. `text` is well-formed UTF-8 and `from` a code
  // point boundary.
  //
  // The DFA (token_dfa.h) runs from each code point where a match can start
  // (FindStart), in order, to the longest match from there; the text between
  // is not read. kGaveUp, for RE2 to search instead, when the DFA's memory is
  // full or when the runs would read the text more than kSearchRereads times
  // over (starts in a long run of symbols that each could begin a match):
  // a search stays linear in the text.
  //
  // `tokens`, when not null, are the text's tokens' symbols
  // (TokenText::token_symbols), in order: a pattern that can start with
  // nothing else looks for its starts among them alone.
  enum class SearchResult { kNoMatch, kMatch, kGaveUp };
  static constexpr std::size_t kSearchRereads = 4;
  SearchResult Search(std::string_view text, std::size_t from, bool anchored,
                      const std::vector<TokenSymbol>* tokens,
                      std::size_t* begin, std::size_t* end) const;

  // Instructions, for measuring.
  std::size_t size() const { return program_.size(); }

 private:
  // The empty-width assertions (kAssert), as RE2 reads them without
  // multi-line mode.
  enum Assertion : std::uint32_t {
    kBeginText,        // ^ \A
    kEndText,          // $ \z
    kWordBoundary,     // \b, ASCII word characters
    kNotWordBoundary,  // \B
  };
  enum class Op : std::uint8_t {
    kClass,   // one code point in ranges_[arg, arg2)
    kSplit,   // go on at arg first, then at arg2
    kJump,    // go on at arg
    kSave,    // slot arg = position
    kAssert,  // the empty-width assertion arg (Assertion)
    kMatch,
  };
  struct Instruction {
    Op op;
    std::uint32_t arg = 0;
    std::uint32_t arg2 = 0;
  };
  struct Range {
    char32_t first;
    char32_t last;
  };
  class Compiler;
  friend class TokenDfa;
  friend void MarkRead(const TokenMatcher* matcher, UnreadCharacters* unread);

  // A code point's bit of first_bits_ (a hash: bits 1..63); bit 0 stands
  // for the end of the span.
  static constexpr std::uint64_t kEndBit = 1;
  static std::uint64_t BitOf(char32_t c);

  TokenMatcher();
  void FindFirstBits();
  void FindStarts();
  // Marks in *seen the instructions `from` reaches without reading, and adds
  // the classes among them to *classes; sets *matches if the match is one.
  // Assertions are taken to hold.
  void Reach(std::uint32_t from, std::vector<bool>* seen,
             std::vector<std::uint32_t>* classes, bool* matches) const;
  static std::vector<Range> Merged(const std::vector<Range>& sorted);
  // The first code point boundary of text[from, text.size()] where a match
  // can start: where the code point is one a match can start with, or
  // `from` for a pattern that can match empty; std::string_view::npos when
  // there is none. No match of the pattern starts before it, so a search can
  // begin there. `text` is well-formed UTF-8 and `from` a code point
  // boundary.
  std::size_t FindStart(std::string_view text, std::size_t from) const;
  // The backtracking of Match over the span, whose code points are in
  // *scratch: with the memory of where it has been when `budget` is 0 (the
  // bitmap cleared), else without, giving up after `budget` steps.
  enum class WalkResult { kMatch, kNoMatch, kTooLong };
  static constexpr std::size_t kStepsWithoutMemory = 256;
  WalkResult Walk(std::string_view text, std::size_t begin, std::size_t end,
                  TokenMatchScratch* scratch,
                  std::vector<std::int32_t>* offsets, std::size_t budget) const;
  bool InClass(const Instruction& instruction, char32_t c) const;

  std::vector<Instruction> program_;  // starts at 0
  std::vector<Range> ranges_;
  // For each instruction, the bits of the code points a way on from it can
  // read first, and kEndBit if it can match with no more: a split skips a
  // branch that cannot go on from the code point at hand.
  std::vector<std::uint64_t> first_bits_;
  static constexpr char32_t kSymbolsBegin = kNumberSymbolBase,
                            kSymbolsEnd = kBmpSymbolsEnd;
  // True when code point `c` is in the sorted ranges [begin, end).
  static bool InRanges(const Range* begin, const Range* end, char32_t c) {
    if (end - begin <= 8) {
      for (const Range* r = begin; r != end; ++r) {
        if (c < r->first) return false;
        if (c <= r->last) return true;
      }
      return false;
    }
    const Range* after = std::upper_bound(
        begin, end, c, [](char32_t v, const Range& r) { return v < r.first; });
    return after != begin && c <= (after - 1)->last;
  }
  // A set of code points as the search tests them: the symbols of the BMP by
  // a bitmap, others by sorted, merged ranges (after Finish).
  struct CodePointSet {
    std::vector<std::uint64_t> symbols =
        std::vector<std::uint64_t>((kSymbolsEnd - kSymbolsBegin + 63) / 64);
    std::vector<Range> others;

    void Add(Range range);
    void Finish();
    bool HasSymbol(char32_t c) const {
      const char32_t bit = c - kSymbolsBegin;
      return c >= kSymbolsBegin && c < kSymbolsEnd &&
             (symbols[bit >> 6] >> (bit & 63) & 1) != 0;
    }
    bool Contains(char32_t c) const {
      return c >= kSymbolsBegin && c < kSymbolsEnd
                 ? HasSymbol(c)
                 : InRanges(others.data(), others.data() + others.size(), c);
    }
  };
  // The code points past ASCII a match can start with (ASCII ones are in
  // start_bytes_). A match can be empty when `starts_empty_`, and start
  // anywhere.
  CodePointSet starts_;
  // By byte: kStartByte for an ASCII one a match starts with, kStartLead
  // for the lead byte of others that may, else kSkipByte.
  static constexpr std::uint8_t kStartByte = 0xFF, kStartLead = 0xFE,
                                kSkipByte = 0;
  std::uint8_t start_bytes_[256] = {};
  bool starts_empty_ = false;
  bool starts_with_symbol_ = false;  // and nothing else
  // The code points a match can read second (after any it starts with), as
  // the starts are kept; none is needed when `ends_after_first_`. A start
  // whose next code point is none of them begins no match.
  CodePointSet seconds_;
  bool ends_after_first_ = false;
  // True when text[at] (a code point boundary) is a code point a match can
  // read second.
  bool CanFollowStart(std::string_view text, std::size_t at) const {
    if (at >= text.size()) return false;
    std::size_t length = 1;
    return seconds_.Contains(DecodeWellFormedUtf8(
        reinterpret_cast<const unsigned char*>(text.data()), at, &length));
  }
  bool IsSymbolStart(char32_t c) const { return starts_.HasSymbol(c); }
  int group_count_ = 0;
  std::map<int, std::string> group_names_;
  std::unique_ptr<TokenDfa> dfa_;  // made by Compile
};

// Marks read, in *unread, every character a pattern over tokens reads: those
// of its matcher's classes; every character when it has no matcher (it may
// read `.`, a negated class, \S ...) or when one of them is kUnreadRun.
void MarkRead(const TokenMatcher* matcher, UnreadCharacters* unread);

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_TOKEN_MATCHER_H_
