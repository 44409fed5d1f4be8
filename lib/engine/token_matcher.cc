#include "engine/token_matcher.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "engine/token_dfa.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

constexpr char32_t kKelvinSign = 0x212A;  // folds with k, as RE2's (?i) has it
constexpr char32_t kLongS = 0x017F;       // folds with s

// The caseless blocks besides kCaselessBlocks that the token strings use: the
// private use areas of the symbols, and U+FFFD.
constexpr std::pair<char32_t, char32_t> kSymbolBlocks[] = {
    {kNumberSymbolBase, kBmpSymbolsEnd - 1},
    {0xFFFD, 0xFFFD},
    {0xF0000, 0x10FFFF}};

// True when the characters first..last, all outside ASCII, have no case, so
// that (?i) reads them as themselves.
bool IsCaseless(char32_t first, char32_t last) {
  const auto block_of = [](char32_t c) -> const std::pair<char32_t, char32_t>* {
    for (const auto& block : kCaselessBlocks) {
      if (block.first <= c && c <= block.second) return &block;
    }
    for (const auto& block : kSymbolBlocks) {
      if (block.first <= c && c <= block.second) return &block;
    }
    return nullptr;
  };
  while (first <= last) {
    const auto* block = block_of(first);
    if (block == nullptr) return false;
    if (block->second >= last) return true;
    first = block->second + 1;
  }
  return true;
}

// The code point of well-formed UTF-8 at text[at], its length in *length.
char32_t DecodeAt(std::string_view text, std::size_t at, std::size_t* length) {
  return DecodeWellFormedUtf8(
      reinterpret_cast<const unsigned char*>(text.data()), at, length);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Parses a pattern into a tree and writes the tree as a program.
class TokenMatcher::Compiler {
 public:
  explicit Compiler(std::string_view pattern) : pattern_(pattern) {}

  std::unique_ptr<TokenMatcher> Compile() {
    std::unique_ptr<TokenMatcher> matcher(new TokenMatcher());
    matcher_ = matcher.get();
    nodes_.reserve(2 * pattern_.size() + 2);
    const int root = ParseAlternation();
    if (!ok_ || at_ != pattern_.size()) return nullptr;
    Emit(Instruction{Op::kSave, 0, 0});
    Write(root);
    Emit(Instruction{Op::kSave, 1, 0});
    Emit(Instruction{Op::kMatch, 0, 0});
    if (!ok_) return nullptr;
    matcher->group_count_ = groups_;
    matcher->FindFirstBits();
    matcher->FindStarts();
    matcher->dfa_ = std::make_unique<TokenDfa>(matcher.get());
    return matcher;
  }

 private:
  enum class Kind {
    kEmpty,
    kClass,
    kConcat,
    kAlternation,
    kRepeat,
    kCapture,
    kAssert
  };
  // A node of the tree. Its ranges (kClass: sorted, merged) are
  // TokenMatcher::ranges_[first, first + count); its children (kConcat,
  // kAlternation; one for kRepeat and kCapture) children_[first, ...).
  struct Node {
    Kind kind = Kind::kEmpty;
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    int min = 0, max = 0;     // kRepeat; max -1: no bound
    bool greedy = true;       // kRepeat
    std::uint32_t value = 0;  // kCapture: group; kAssert: Assertion
  };

  // Limits, as RE2 has them: a repetition count past 1000 is an error there.
  static constexpr int kMaxRepeat = 1000;
  static constexpr std::size_t kMaxInstructions = 1 << 16;

  int Add(Node node) {
    nodes_.push_back(node);
    return static_cast<int>(nodes_.size()) - 1;
  }
  // A node of `kind` whose children are pending_[mark, end), which it takes;
  // the child itself when there is one.
  int AddParent(Kind kind, std::size_t mark) {
    const std::size_t count = pending_.size() - mark;
    if (count == 1) {
      const int only = pending_[mark];
      pending_.resize(mark);
      return only;
    }
    Node node;
    node.kind = count == 0 ? Kind::kEmpty : kind;
    node.first = static_cast<std::uint32_t>(children_.size());
    node.count = static_cast<std::uint32_t>(count);
    children_.insert(children_.end(), pending_.begin() + mark, pending_.end());
    pending_.resize(mark);
    return Add(node);
  }
  // A node of `kind` over one child.
  int AddOver(Kind kind, int child) {
    Node node;
    node.kind = kind;
    node.first = static_cast<std::uint32_t>(children_.size());
    node.count = 1;
    children_.push_back(child);
    return Add(node);
  }
  int Fail() {
    ok_ = false;
    return Add(Node{});
  }
  bool AtEnd() const { return at_ >= pattern_.size(); }
  char Peek() const { return AtEnd() ? '\0' : pattern_[at_]; }

  int ParseAlternation() {
    const std::size_t mark = pending_.size();
    const int first = ParseConcatenation();
    pending_.push_back(first);
    while (ok_ && Peek() == '|') {
      ++at_;
      const int branch = ParseConcatenation();
      pending_.push_back(branch);
    }
    return AddParent(Kind::kAlternation, mark);
  }

  int ParseConcatenation() {
    const std::size_t mark = pending_.size();
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      const int item = ParseRepetition(ParseAtom());
      pending_.push_back(item);
    }
    return AddParent(Kind::kConcat, mark);
  }

  // The quantifiers after `atom`, each applied to what the last gave.
  int ParseRepetition(int atom) {
    while (ok_ && !AtEnd()) {
      int min = 0, max = 0;
      const char c = Peek();
      std::size_t end = 0;
      if (c == '*') {
        min = 0, max = -1, end = at_ + 1;
      } else if (c == '+') {
        min = 1, max = -1, end = at_ + 1;
      } else if (c == '?') {
        min = 0, max = 1, end = at_ + 1;
      } else if (c != '{' || !ReadCount(&min, &max, &end)) {
        break;
      }
      at_ = end;
      if (min > kMaxRepeat || max > kMaxRepeat) return Fail();
      // RE2 reads the captures of a repeated part that can be empty its own
      // way ((a*)* ends on an empty turn): such a pattern keeps RE2.
      if (max != 0 && max != 1 && CanBeEmpty(atom)) return Fail();
      atom = AddOver(Kind::kRepeat, atom);
      Node& node = nodes_[atom];
      node.min = min;
      node.max = max;
      if (Peek() == '?') {
        node.greedy = false;
        ++at_;
      }
    }
    return atom;
  }

  // True when node `n` can match without reading.
  bool CanBeEmpty(int n) const {
    const Node& node = nodes_[n];
    // Its children, for the kinds that have them (a class's `first` is into
    // the ranges).
    const auto children = [&] { return children_.data() + node.first; };
    switch (node.kind) {
      case Kind::kEmpty:
      case Kind::kAssert:
        return true;
      case Kind::kClass:
        return false;
      case Kind::kConcat:
        return std::all_of(children(), children() + node.count,
                           [&](int child) { return CanBeEmpty(child); });
      case Kind::kAlternation:
        return std::any_of(children(), children() + node.count,
                           [&](int child) { return CanBeEmpty(child); });
      case Kind::kRepeat:
        return node.min == 0 || CanBeEmpty(children()[0]);
      case Kind::kCapture:
        return CanBeEmpty(children()[0]);
    }
    return true;
  }

  // {n}, {n,} or {n,m} at at_; RE2 reads any other `{` as itself.
  bool ReadCount(int* min, int* max, std::size_t* end) const {
    std::size_t i = at_ + 1;
    auto number = [&](int* value) {
      const std::size_t from = i;
      long n = 0;
      while (i < pattern_.size() && IsAsciiDigit(pattern_[i])) {
        n = std::min<long>(n * 10 + (pattern_[i] - '0'), kMaxRepeat + 1);
        ++i;
      }
      *value = static_cast<int>(n);
      return i > from;
    };
    if (!number(min)) return false;
    *max = *min;
    if (i < pattern_.size() && pattern_[i] == ',') {
      ++i;
      if (!number(max)) *max = -1;
    }
    if (i >= pattern_.size() || pattern_[i] != '}') return false;
    *end = i + 1;
    return true;
  }

  int ParseAtom() {
    const char c = Peek();
    std::size_t count_end = 0;
    int min = 0, max = 0;
    switch (c) {
      case '(':
        return ParseGroup();
      case '[':
        return ParseClass();
      case '.':
      case '*':
      case '+':
      case '?':
        return Fail();
      case '^':
        ++at_;
        return Assert(kBeginText);
      case '$':
        ++at_;
        return Assert(kEndText);
      case '\\':
        return ParseEscape();
      case '{':
        if (ReadCount(&min, &max, &count_end)) return Fail();
        break;
      default:
        break;
    }
    std::size_t length = 1;
    const char32_t literal = DecodeAt(pattern_, at_, &length);
    at_ += length;
    return Literal(literal);
  }

  int Assert(Assertion assertion) {
    Node node;
    node.kind = Kind::kAssert;
    node.value = assertion;
    return Add(node);
  }

  int Literal(char32_t c) {
    class_.assign(1, Range{c, c});
    return Class(&class_);
  }

  // A class of `ranges`, folded when (?i) is on.
  // (*ranges is the caller's scratch, sorted here.)
  int Class(std::vector<Range>* ranges) {
    if (fold_ && !Fold(ranges)) return Fail();
    std::sort(ranges->begin(), ranges->end(),
              [](const Range& a, const Range& b) { return a.first < b.first; });
    std::vector<Range>& pool = matcher_->ranges_;
    Node node;
    node.kind = Kind::kClass;
    node.first = static_cast<std::uint32_t>(pool.size());
    for (const Range& range : *ranges) {
      if (pool.size() > node.first && range.first <= pool.back().last + 1) {
        pool.back().last = std::max(pool.back().last, range.last);
      } else {
        pool.push_back(range);
      }
    }
    node.count = static_cast<std::uint32_t>(pool.size()) - node.first;
    return Add(node);
  }

  // Adds the other case of each ASCII letter (and the Kelvin sign and long s,
  // which RE2 folds with k and s); false for a character with case outside
  // ASCII, which this does not fold.
  static bool Fold(std::vector<Range>* ranges) {
    const std::size_t count = ranges->size();
    for (std::size_t r = 0; r < count; ++r) {
      const Range range = (*ranges)[r];
      for (char32_t c = range.first; c <= range.last && c < 0x80; ++c) {
        if (!IsAsciiLetter(c)) continue;
        const char32_t lower = c | 0x20, upper = c & ~char32_t{0x20};
        ranges->push_back({lower, lower});
        ranges->push_back({upper, upper});
        if (lower == 'k') ranges->push_back({kKelvinSign, kKelvinSign});
        if (lower == 's') ranges->push_back({kLongS, kLongS});
      }
      if (range.last >= 0x80 &&
          !IsCaseless(std::max<char32_t>(range.first, 0x80), range.last)) {
        return false;
      }
    }
    return true;
  }

  int ParseGroup() {
    ++at_;  // (
    const bool saved_fold = fold_;
    bool capture = true;
    std::string_view name;
    if (Peek() == '?') {
      ++at_;
      if (pattern_.compare(at_, 2, "P<") == 0) {
        const std::size_t close = pattern_.find('>', at_);
        if (close == std::string_view::npos) return Fail();
        name = pattern_.substr(at_ + 2, close - at_ - 2);
        at_ = close + 1;
      } else {
        capture = false;
        // Flags: only `i`, and only for the group.
        while (!AtEnd() && Peek() == 'i') {
          fold_ = true;
          ++at_;
        }
        if (Peek() != ':') return Fail();
        ++at_;
      }
    }
    const std::uint32_t group = capture ? ++groups_ : 0;
    if (!name.empty()) {
      matcher_->group_names_.emplace(static_cast<int>(group), name);
    }
    const int inner = ParseAlternation();
    fold_ = saved_fold;
    if (!ok_ || Peek() != ')') return Fail();
    ++at_;
    if (!capture) return inner;
    const int node = AddOver(Kind::kCapture, inner);
    nodes_[node].value = group;
    return node;
  }

  // One item of a class or an escape outside one: what it reads as ranges
  // (empty for an assertion, set in *assertion). False for what this does not
  // read.
  bool ReadEscape(std::vector<Range>* ranges, int* assertion) {
    ++at_;  // the backslash
    if (AtEnd()) return false;
    const char c = pattern_[at_++];
    switch (c) {
      case 'd':
        ranges->push_back({'0', '9'});
        return true;
      case 's':
        for (const char32_t space : {'\t', '\n', '\f', '\r', ' '}) {
          ranges->push_back({space, space});
        }
        return true;
      case 'w':
        ranges->insert(ranges->end(),
                       {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
        return true;
      case 'b':
        *assertion = kWordBoundary;
        return true;
      case 'B':
        *assertion = kNotWordBoundary;
        return true;
      case 'A':
        *assertion = kBeginText;
        return true;
      case 'z':
        *assertion = kEndText;
        return true;
      case 'a':
        ranges->push_back({7, 7});
        return true;
      case 'f':
        ranges->push_back({'\f', '\f'});
        return true;
      case 'n':
        ranges->push_back({'\n', '\n'});
        return true;
      case 'r':
        ranges->push_back({'\r', '\r'});
        return true;
      case 't':
        ranges->push_back({'\t', '\t'});
        return true;
      case 'v':
        ranges->push_back({'\v', '\v'});
        return true;
      case 'x': {
        std::size_t from = at_, to = at_ + 2;
        if (Peek() == '{') {
          from = at_ + 1;
          to = pattern_.find('}', from);
          if (to == std::string_view::npos) return false;
          at_ = to + 1;
        } else {
          at_ = to;
        }
        if (to > pattern_.size() || to == from) return false;
        char32_t value = 0;
        for (std::size_t k = from; k < to; ++k) {
          const int digit = HexValue(pattern_[k]);
          if (digit < 0 || value > 0x10FFFF) return false;
          value = value * 16 + static_cast<char32_t>(digit);
        }
        if (value > 0x10FFFF) return false;
        ranges->push_back({value, value});
        return true;
      }
      default:
        break;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      std::size_t length = 1;
      const char32_t escaped = DecodeAt(pattern_, at_ - 1, &length);
      at_ += length - 1;
      ranges->push_back({escaped, escaped});
      return true;
    }
    if (IsAsciiLetter(c) || IsAsciiDigit(c)) return false;
    ranges->push_back({static_cast<char32_t>(c), static_cast<char32_t>(c)});
    return true;
  }

  int ParseEscape() {
    class_.clear();
    int assertion = -1;
    if (!ReadEscape(&class_, &assertion)) return Fail();
    if (assertion >= 0) return Assert(static_cast<Assertion>(assertion));
    return Class(&class_);
  }

  int ParseClass() {
    ++at_;  // [
    if (Peek() == '^') return Fail();
    std::vector<Range>& ranges = class_;
    ranges.clear();
    bool first_item = true;
    while (ok_) {
      if (AtEnd()) return Fail();
      if (Peek() == ']' && !first_item) {
        ++at_;
        break;
      }
      first_item = false;
      if (Peek() == '[' && pattern_.compare(at_, 2, "[:") == 0) return Fail();
      // One item, maybe the first of a range.
      auto item = [&](char32_t* c) {
        if (Peek() == '\\') {
          std::vector<Range>& read = escape_;
          read.clear();
          int assertion = -1;
          if (!ReadEscape(&read, &assertion) || assertion >= 0) return -1;
          if (read.size() != 1 || read[0].first != read[0].last) {
            ranges.insert(ranges.end(), read.begin(), read.end());
            return 0;  // a class of its own (\d), no range
          }
          *c = read[0].first;
          return 1;
        }
        std::size_t length = 1;
        *c = DecodeAt(pattern_, at_, &length);
        at_ += length;
        return 1;
      };
      char32_t first = 0;
      const int read = item(&first);
      if (read < 0) return Fail();
      if (read == 0) continue;
      char32_t last = first;
      if (Peek() == '-' && at_ + 1 < pattern_.size() &&
          pattern_[at_ + 1] != ']') {
        ++at_;
        if (item(&last) != 1 || last < first) return Fail();
      }
      ranges.push_back({first, last});
    }
    return Class(&ranges);
  }

  // The program.

  // Always written, so that a split written before can be patched; a program
  // past the limit is dropped.
  void Emit(Instruction instruction) {
    if (matcher_->program_.size() >= kMaxInstructions) ok_ = false;
    matcher_->program_.push_back(instruction);
  }
  std::uint32_t Here() const {
    return static_cast<std::uint32_t>(matcher_->program_.size());
  }

  void Write(int index) {
    if (!ok_) return;
    const Node& node = nodes_[index];
    switch (node.kind) {
      case Kind::kEmpty:
        return;
      case Kind::kClass:
        Emit(Instruction{Op::kClass, node.first, node.first + node.count});
        return;
      case Kind::kConcat:
        for (std::uint32_t c = 0; c < node.count; ++c) {
          Write(children_[node.first + c]);
        }
        return;
      case Kind::kAlternation: {
        // split(b1, next); b1; jump end; next: split(b2, ...) ... bn; end.
        // The jumps to the end are chained through their arg until it is
        // known.
        std::uint32_t jumps = kNoJump;
        for (std::uint32_t b = 0; b + 1 < node.count; ++b) {
          const std::uint32_t split = Here();
          Emit(Instruction{Op::kSplit, split + 1, 0});
          Write(children_[node.first + b]);
          const std::uint32_t jump = Here();
          Emit(Instruction{Op::kJump, jumps, 0});
          jumps = jump;
          Patch(split).arg2 = Here();
        }
        Write(children_[node.first + node.count - 1]);
        while (jumps != kNoJump) {
          const std::uint32_t next = Patch(jumps).arg;
          Patch(jumps).arg = Here();
          jumps = next;
        }
        return;
      }
      case Kind::kCapture:
        Emit(Instruction{Op::kSave, 2 * node.value, 0});
        Write(children_[node.first]);
        Emit(Instruction{Op::kSave, 2 * node.value + 1, 0});
        return;
      case Kind::kAssert:
        Emit(Instruction{Op::kAssert, node.value, 0});
        return;
      case Kind::kRepeat:
        WriteRepeat(node);
        return;
    }
  }

  Instruction& Patch(std::uint32_t at) { return matcher_->program_[at]; }

  // A split that tries `body` first when greedy, the way out first when lazy;
  // the way out is patched later.
  std::uint32_t Split(bool greedy, std::uint32_t body) {
    const std::uint32_t split = Here();
    Emit(greedy ? Instruction{Op::kSplit, body, 0}
                : Instruction{Op::kSplit, 0, body});
    return split;
  }
  void PatchOut(std::uint32_t split, bool greedy, std::uint32_t out) {
    if (greedy) {
      Patch(split).arg2 = out;
    } else {
      Patch(split).arg = out;
    }
  }

  void WriteRepeat(const Node& node) {
    const int child = children_[node.first];
    for (int i = 0; i < node.min; ++i) Write(child);
    if (node.max < 0) {
      // child*: loop: split(body, out); body; jump loop; out.
      const std::uint32_t loop = Split(node.greedy, Here() + 1);
      Write(child);
      Emit(Instruction{Op::kJump, loop, 0});
      PatchOut(loop, node.greedy, Here());
      return;
    }
    // (child(child(...)?)?)?: each optional copy may end the repetition.
    // Each copy starts with its split, and all copies are as long.
    const std::uint32_t first_split = Here();
    for (int i = node.min; i < node.max; ++i) {
      Split(node.greedy, Here() + 1);
      Write(child);
    }
    const std::uint32_t end = Here();
    const auto copies = static_cast<std::uint32_t>(node.max - node.min);
    for (std::uint32_t i = 0; i < copies && ok_; ++i) {
      PatchOut(first_split + i * ((end - first_split) / copies), node.greedy,
               end);
    }
  }

  std::string_view pattern_;
  std::size_t at_ = 0;
  bool ok_ = true;
  bool fold_ = false;
  std::uint32_t groups_ = 0;
  static constexpr std::uint32_t kNoJump = ~std::uint32_t{0};
  std::vector<Node> nodes_;
  std::vector<int> children_;
  std::vector<int> pending_;  // children of the nodes being parsed
  // Scratch: the ranges of the class being read, and of an escape in it.
  std::vector<Range> class_;
  std::vector<Range> escape_;
  TokenMatcher* matcher_ = nullptr;
};

void MarkRead(const TokenMatcher* matcher, UnreadCharacters* unread) {
  if (matcher == nullptr) {
    unread->MarkAllRead();
    return;
  }
  for (const TokenMatcher::Range& range : matcher->ranges_) {
    if (range.first <= char32_t{kUnreadRun} &&
        char32_t{kUnreadRun} <= range.last) {
      unread->MarkAllRead();
      return;
    }
    if (range.last >= kFirstUnreadable)
      unread->MarkRead(range.first, range.last);
  }
}

std::unique_ptr<TokenMatcher> TokenMatcher::Compile(std::string_view pattern) {
  // The compiler reads code points as well-formed UTF-8.
  if (FindInvalidUtf8(pattern) != pattern.size()) return nullptr;
  return Compiler(pattern).Compile();
}

bool TokenMatcher::InClass(const Instruction& instruction, char32_t c) const {
  return InRanges(ranges_.data() + instruction.arg,
                  ranges_.data() + instruction.arg2, c);
}

std::uint64_t TokenMatcher::BitOf(char32_t c) {
  return std::uint64_t{2} << ((c * 0x9E3779B1u) >> 26) % 63;
}

void TokenMatcher::FindFirstBits() {
  constexpr std::uint64_t kAll = ~std::uint64_t{0} & ~kEndBit;
  first_bits_.assign(program_.size(), 0);
  // A class's own bits, once; then the rest to a fixed point (a loop's
  // split reads its own bits), which only grows them.
  for (std::size_t pc = 0; pc < program_.size(); ++pc) {
    const Instruction& instruction = program_[pc];
    if (instruction.op == Op::kMatch) first_bits_[pc] = kEndBit;
    if (instruction.op != Op::kClass) continue;
    std::uint64_t bits = 0;
    for (std::uint32_t r = instruction.arg; r < instruction.arg2; ++r) {
      if (ranges_[r].last - ranges_[r].first >= 64) {
        bits = kAll;
        break;
      }
      for (char32_t c = ranges_[r].first; c <= ranges_[r].last; ++c) {
        bits |= BitOf(c);
      }
    }
    first_bits_[pc] = bits;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t pc = program_.size(); pc-- > 0;) {
      const Instruction& instruction = program_[pc];
      std::uint64_t bits = 0;
      switch (instruction.op) {
        case Op::kClass:
        case Op::kMatch:
          continue;
        case Op::kSplit:
          bits = first_bits_[instruction.arg] | first_bits_[instruction.arg2];
          break;
        case Op::kJump:
          bits = first_bits_[instruction.arg];
          break;
        case Op::kSave:
        case Op::kAssert:
          bits = first_bits_[pc + 1];
          break;
      }
      if (bits != first_bits_[pc]) {
        first_bits_[pc] = bits;
        changed = true;
      }
    }
  }
}

bool TokenMatcher::Match(std::string_view text, std::size_t begin,
                         std::size_t end, TokenMatchScratch* scratch,
                         std::vector<std::int32_t>* offsets) const {
  const std::size_t positions = end - begin + 1;
  // The span's code points, read once, by offset from `begin`.
  scratch->codes.resize(positions);
  scratch->bits.resize(positions);
  for (std::size_t at = begin; at < end;) {
    std::size_t length = 1;
    const char32_t c = DecodeAt(text, at, &length);
    scratch->codes[at - begin] = c;
    scratch->bits[at - begin] = BitOf(c);
    at += length;
  }
  scratch->bits[end - begin] = kEndBit;
  // First without the memory of where it has been, which most matches do not
  // need (a few dozen steps); a match that takes more steps than that is
  // read again with it, which keeps the time linear. Both find the same way:
  // the memory only spares ways tried before, which failed.
  const std::size_t budget = kStepsWithoutMemory + 4 * positions;
  switch (Walk(text, begin, end, scratch, offsets, budget)) {
    case WalkResult::kMatch:
      return true;
    case WalkResult::kNoMatch:
      return false;
    case WalkResult::kTooLong:
      break;
  }
  scratch->visited.assign((program_.size() * positions + 63) / 64, 0);
  return Walk(text, begin, end, scratch, offsets, 0) == WalkResult::kMatch;
}

TokenMatcher::WalkResult TokenMatcher::Walk(std::string_view text,
                                            std::size_t begin, std::size_t end,
                                            TokenMatchScratch* scratch,
                                            std::vector<std::int32_t>* offsets,
                                            std::size_t budget) const {
  const std::size_t positions = end - begin + 1;
  const bool memory = budget == 0;
  std::vector<std::int32_t>& slots = scratch->slots;
  slots.assign(2 * (static_cast<std::size_t>(group_count_) + 1), -1);
  std::vector<TokenMatchScratch::Job>& jobs = scratch->jobs;
  jobs.clear();
  if ((first_bits_[0] & scratch->bits[0]) != 0) {
    jobs.push_back({0, static_cast<std::int32_t>(begin), false});
  }
  while (!jobs.empty()) {
    const TokenMatchScratch::Job job = jobs.back();
    jobs.pop_back();
    if (job.restore) {
      slots[job.instruction] = job.position;
      continue;
    }
    std::uint32_t pc = job.instruction;
    std::size_t pos = static_cast<std::size_t>(job.position);
    for (;;) {
      if (memory) {
        const std::size_t bit = pc * positions + (pos - begin);
        std::uint64_t& word = scratch->visited[bit / 64];
        const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
        if ((word & mask) != 0) break;
        word |= mask;
      } else if (--budget == 0) {
        return WalkResult::kTooLong;
      }
      const Instruction& instruction = program_[pc];
      bool go_on = true;
      switch (instruction.op) {
        case Op::kClass: {
          const char32_t c = scratch->codes[pos - begin];
          go_on = pos < end && InClass(instruction, c);
          pos += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
          ++pc;
          break;
        }
        case Op::kSplit: {
          // A branch that cannot start with the code point here is dropped.
          const std::uint64_t here = scratch->bits[pos - begin];
          const bool first = (first_bits_[instruction.arg] & here) != 0;
          const bool second = (first_bits_[instruction.arg2] & here) != 0;
          if (first && second) {
            jobs.push_back(
                {instruction.arg2, static_cast<std::int32_t>(pos), false});
          }
          go_on = first || second;
          pc = first ? instruction.arg : instruction.arg2;
          break;
        }
        case Op::kJump:
          pc = instruction.arg;
          break;
        case Op::kSave:
          jobs.push_back({instruction.arg, slots[instruction.arg], true});
          slots[instruction.arg] = static_cast<std::int32_t>(pos);
          ++pc;
          break;
        case Op::kAssert: {
          const bool word_before =
              pos > 0 &&
              IsAsciiWordChar(static_cast<unsigned char>(text[pos - 1]));
          const bool word_after =
              pos < text.size() &&
              IsAsciiWordChar(static_cast<unsigned char>(text[pos]));
          switch (instruction.arg) {
            case kBeginText:
              go_on = pos == 0;
              break;
            case kEndText:
              go_on = pos == text.size();
              break;
            case kWordBoundary:
              go_on = word_before != word_after;
              break;
            default:
              go_on = word_before == word_after;
              break;
          }
          ++pc;
          break;
        }
        case Op::kMatch:
          // The first way, in priority order, to match the span whole.
          if (pos == end) {
            if (offsets != nullptr) offsets->assign(slots.begin(), slots.end());
            return WalkResult::kMatch;
          }
          go_on = false;
          break;
      }
      if (!go_on) break;
    }
  }
  return WalkResult::kNoMatch;
}

std::vector<TokenMatcher::Range> TokenMatcher::Merged(
    const std::vector<Range>& sorted) {
  std::vector<Range> merged;
  for (const Range& range : sorted) {
    if (!merged.empty() && range.first <= merged.back().last + 1) {
      merged.back().last = std::max(merged.back().last, range.last);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

void TokenMatcher::CodePointSet::Add(Range range) {
  char32_t c = range.first;
  if (c < kSymbolsBegin) {
    others.push_back(
        Range{c, std::min<char32_t>(range.last, kSymbolsBegin - 1)});
    c = kSymbolsBegin;
  }
  for (; c <= range.last && c < kSymbolsEnd; ++c) {
    const char32_t bit = c - kSymbolsBegin;
    symbols[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  if (c <= range.last) others.push_back(Range{c, range.last});
}

void TokenMatcher::CodePointSet::Finish() {
  std::sort(others.begin(), others.end(),
            [](const Range& a, const Range& b) { return a.first < b.first; });
  others = Merged(others);
}

void TokenMatcher::Reach(std::uint32_t from, std::vector<bool>* seen,
                         std::vector<std::uint32_t>* classes,
                         bool* matches) const {
  std::vector<std::uint32_t> stack = {from};
  while (!stack.empty()) {
    const std::uint32_t pc = stack.back();
    stack.pop_back();
    if ((*seen)[pc]) continue;
    (*seen)[pc] = true;
    const Instruction& instruction = program_[pc];
    switch (instruction.op) {
      case Op::kClass:
        classes->push_back(pc);
        break;
      case Op::kSplit:
        stack.push_back(instruction.arg2);
        stack.push_back(instruction.arg);
        break;
      case Op::kJump:
        stack.push_back(instruction.arg);
        break;
      case Op::kSave:
      case Op::kAssert:
        stack.push_back(pc + 1);
        break;
      case Op::kMatch:
        *matches = true;
        break;
    }
  }
}

void TokenMatcher::FindStarts() {
  // The classes that instruction 0 reaches without reading, and whether it
  // reaches the match; assertions are taken to hold (a start they refuse is
  // tried, and fails).
  std::vector<bool> seen(program_.size(), false);
  std::vector<std::uint32_t> first;
  Reach(0, &seen, &first, &starts_empty_);
  std::vector<Range> starts;
  for (const std::uint32_t pc : first) {
    starts.insert(starts.end(), ranges_.begin() + program_[pc].arg,
                  ranges_.begin() + program_[pc].arg2);
  }
  // The classes that can read the code point after the first, and whether a
  // match can end after one.
  std::vector<bool> seen_second(program_.size(), false);
  std::vector<std::uint32_t> second;
  for (const std::uint32_t pc : first) {
    Reach(pc + 1, &seen_second, &second, &ends_after_first_);
  }
  for (const std::uint32_t pc : second) {
    for (std::uint32_t r = program_[pc].arg; r < program_[pc].arg2; ++r) {
      seconds_.Add(ranges_[r]);
    }
  }
  seconds_.Finish();
  // UTF-8's lead bytes grow with the code points they begin.
  const auto lead_of = [](char32_t c) {
    std::string utf8;
    AppendUtf8(c, &utf8);
    return static_cast<unsigned char>(utf8[0]);
  };
  // The bytes not marked below are skipped one at a time: no continuation
  // byte is marked, so the scan stops where one that stepped over whole code
  // points would, and no step waits for the load before it to know its length.
  std::fill(std::begin(start_bytes_), std::end(start_bytes_), kSkipByte);
  bool ascii = false;
  for (const Range& range : starts) {
    for (unsigned lead = lead_of(range.first); lead <= lead_of(range.last);
         ++lead) {
      start_bytes_[lead] = lead < 0x80 ? kStartByte : kStartLead;
    }
    ascii = ascii || range.first < 0x80;
    if (range.last >= 0x80) {
      starts_.Add(Range{std::max<char32_t>(range.first, 0x80), range.last});
    }
  }
  starts_.Finish();
  starts_with_symbol_ = !starts_empty_ && !ascii && starts_.others.empty();
}

std::size_t TokenMatcher::FindStart(std::string_view text,
                                    std::size_t from) const {
  if (starts_empty_) return from;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = from; at < text.size();) {
    const std::uint8_t kind = start_bytes_[bytes[at]];
    if (kind == kStartByte) return at;
    if (kind == kStartLead) {
      std::size_t length = 1;
      const char32_t c = DecodeWellFormedUtf8(bytes, at, &length);
      if (starts_.Contains(c)) {
        return at;
      }
      at += length;
    } else {
      ++at;
    }
  }
  return std::string_view::npos;
}

TokenMatcher::TokenMatcher() = default;
TokenMatcher::~TokenMatcher() = default;

TokenMatcher::SearchResult TokenMatcher::Search(
    std::string_view text, std::size_t from, bool anchored,
    const std::vector<TokenSymbol>* tokens, std::size_t* begin,
    std::size_t* end) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const bool among_tokens =
      !anchored && starts_with_symbol_ && tokens != nullptr;
  auto token = among_tokens
                   ? std::lower_bound(tokens->begin(), tokens->end(), from,
                                      [](const TokenSymbol& t, std::size_t at) {
                                        return t.offset < at;
                                      })
                   : std::vector<TokenSymbol>::const_iterator();
  // The next place a match can start at, from `at` on; among the tokens,
  // from the token after the last start.
  auto next_start = [&](std::size_t at) {
    if (!among_tokens) {
      at = FindStart(text, at);
      while (at < text.size() && !ends_after_first_ && !starts_empty_ &&
             !CanFollowStart(text, at + Utf8SequenceLength(bytes[at]))) {
        at = FindStart(text, at + Utf8SequenceLength(bytes[at]));
      }
      return at;
    }
    for (; token != tokens->end(); ++token) {
      if (IsSymbolStart(token->code) &&
          (ends_after_first_ ||
           CanFollowStart(text, token->offset + kBmpSymbolLength))) {
        return static_cast<std::size_t>((token++)->offset);
      }
    }
    return std::string_view::npos;
  };
  const std::size_t budget = kSearchRereads * (text.size() - from) + 64;
  std::size_t steps = 0;
  for (std::size_t start = anchored ? from : next_start(from);
       start != std::string_view::npos;) {
    switch (dfa_->LongestFrom(text, start, end, &steps)) {
      case TokenDfa::Result::kMatch:
        *begin = start;
        return SearchResult::kMatch;
      case TokenDfa::Result::kGaveUp:
        return SearchResult::kGaveUp;
      case TokenDfa::Result::kNoMatch:
        break;
    }
    if (anchored || start == text.size()) break;
    if (steps > budget) return SearchResult::kGaveUp;
    start = next_start(among_tokens ? start
                                    : start + Utf8SequenceLength(bytes[start]));
  }
  return SearchResult::kNoMatch;
}

}  // namespace factx::internal
