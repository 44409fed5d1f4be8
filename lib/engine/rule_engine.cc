#include "engine/rule_engine.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "engine/token_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// std::countr_zero of C++20; GCC and Clang, the compilers factx builds with.
int CountTrailingZeros(std::uint64_t word) { return __builtin_ctzll(word); }

// Memory for each rule's own program and DFAs (RE2's default is 8 MiB). The
// rules that embed the Chinese numeral grammar compile to some 22,000
// instructions; with 8 MiB their DFA cache fills and is flushed over and over,
// which made extraction five times slower (docs/performance.md). RE2 takes the
// memory only as it builds states, and small rules never come near it.
constexpr std::int64_t kRuleMaxMem = std::int64_t{16} << 20;
// After a match fails its guards, the rule is retried from the next code point
// at most this many times before skipping past the failed match, which keeps
// matching linear.
constexpr int kGuardRetries = 3;
// A rule with a loose pattern tries its own pattern at this many of the loose
// pattern's match starts before searching with its own pattern alone, which
// keeps matching linear (MatchRule).
constexpr int kOwnMatchAttempts = 3;

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);  // a library never writes to stderr
  options.set_longest_match(true);
  options.set_max_mem(kRuleMaxMem);
  return options;
}

// "SOURCE:LINE: rule NAME: ", the start of a message about a rule.
std::string Where(const RuleSpec& spec) {
  return spec.source + ":" + std::to_string(spec.line) + ": rule " + spec.name +
         ": ";
}

// True when `key` is one UTF-8 encoded code point.
bool IsOneCodePoint(std::string_view key) {
  if (key.empty() || FindInvalidUtf8(key) != key.size()) return false;
  std::size_t length = 0;
  DecodeUtf8(key, 0, &length);
  return length == key.size();
}

// The most characters of a class from which FilteredRE2 derives atoms (one
// each); from a bigger class it derives none.
constexpr std::ptrdiff_t kMaxAtomClassSize = 10;

// True when pattern[at] is preceded by an odd number of backslashes: it is
// escaped.
bool IsEscaped(const std::string& pattern, std::size_t at) {
  std::size_t backslashes = 0;
  while (backslashes < at && pattern[at - 1 - backslashes] == '\\')
    ++backslashes;
  return backslashes % 2 == 1;
}

// The start of the group opener that ends just before pattern[at] ("(",
// "(?:", "(?i:", "(?P<name>"), or npos if none does.
std::size_t GroupOpenerBefore(const std::string& pattern, std::size_t at) {
  if (at == 0) return std::string::npos;
  const char last = pattern[at - 1];
  std::size_t open = std::string::npos;
  if (last == '(') {
    open = at - 1;
  } else if (last == ':' || last == '>') {
    open = pattern.rfind(last == ':' ? "(?" : "(?P<", at - 1);
    if (open == std::string::npos) return open;
    const std::size_t inner = open + (last == ':' ? 2 : 4);
    const std::string_view between(pattern.data() + inner, at - 1 - inner);
    const bool opener =
        last == ':'
            ? between.find_first_not_of("imsU-") == std::string::npos
            : !between.empty() &&
                  std::all_of(between.begin(), between.end(),
                              [](char c) { return IsAsciiWordChar(c); });
    if (!opener) return std::string::npos;
  }
  if (open == std::string::npos || IsEscaped(pattern, open))
    return std::string::npos;
  return open;
}

// True when pattern[at] follows a `\b` directly: nothing but group openers
// lie between them. Each match of what starts at `at` that starts with a word
// character then starts a word.
bool FollowsWordBoundary(const std::string& pattern, std::size_t at) {
  for (std::size_t open;
       (open = GroupOpenerBefore(pattern, at)) != std::string::npos;) {
    at = open;
  }
  return at >= 2 && pattern.compare(at - 2, 2, "\\b") == 0 &&
         !IsEscaped(pattern, at - 2);
}

// Replaces each {@TABLE} of `pattern` (spec's pattern or loose pattern)
// with an alternation of the table's keys, longest first. RE2's parser joins
// keys of one character in a row into a class, and FilteredRE2 derives no atom
// from a class of more than kMaxAtomClassSize characters (a rule would then
// run on every clause): a table with more such keys has them written in
// classes of at most that many, each closed by an empty group, which keeps
// the parser from joining them. The language is the same. Given
// `placeholders`, `pattern` is the spec's needs pattern, and each {@TABLE} and
// {@!FRAGMENT} becomes the character that stands for it (rule_shape.h), its
// keys or needs added to *placeholders.
Status ExpandTables(const RuleSpec& spec, const std::string& pattern,
                    const RuleSet& rules, std::string* out,
                    TablePlaceholders* placeholders = nullptr) {
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out->append(pattern, i, 2);
      i += 2;
      continue;
    }
    if (placeholders != nullptr && pattern.compare(i, 3, "{@!") == 0) {
      // A fragment that declares its needs (rule_file.h), in a needs pattern.
      const std::size_t close = pattern.find('}', i);
      auto needs = rules.fragment_needs.find(pattern.substr(
          i + 3, close == std::string::npos ? 0 : close - i - 3));
      if (needs == rules.fragment_needs.end()) {
        return Status(
            StatusCode::kInternal,
            Where(spec) + "a needs pattern names no fragment's needs");
      }
      out->append(TablePlaceholder(placeholders->keys.size()));
      placeholders->keys.push_back(needs->second);
      i = close + 1;
      continue;
    }
    if (pattern.compare(i, 2, "{@") == 0) {
      std::size_t close = pattern.find('}', i);
      std::string name = close == std::string::npos
                             ? ""
                             : pattern.substr(i + 2, close - i - 2);
      auto table = rules.tables.find(name);
      if (table == rules.tables.end() || table->second.entries.empty()) {
        return Status(StatusCode::kRuleSyntax,
                      Where(spec) + "unknown or empty table {@" + name + "}");
      }
      if (placeholders != nullptr) {
        out->append(TablePlaceholder(placeholders->keys.size()));
        std::vector<std::string>& keys = placeholders->keys.emplace_back();
        // After a \b a key that starts with a word character starts a word;
        // over tokens one that starts with a letter does, wherever it stands
        // (the lexer reads it only where a run of letters starts).
        const bool after_boundary = FollowsWordBoundary(pattern, i);
        const bool over_tokens = !spec.token_pattern.empty();
        for (const auto& entry : table->second.entries) {
          const char first = entry.first.empty() ? '\0' : entry.first.front();
          const bool word_start = (after_boundary && IsAsciiWordChar(first)) ||
                                  (over_tokens && IsAsciiLetter(first));
          keys.push_back(word_start ? kWordStartMark + entry.first
                                    : entry.first);
        }
        i = close + 1;
        continue;
      }
      std::vector<std::string_view> keys;
      for (const auto& entry : table->second.entries)
        keys.push_back(entry.first);
      std::stable_sort(keys.begin(), keys.end(),
                       [](std::string_view a, std::string_view b) {
                         return a.size() > b.size();
                       });
      const bool apart = std::count_if(keys.begin(), keys.end(),
                                       IsOneCodePoint) > kMaxAtomClassSize;
      out->append("(?:");
      for (std::size_t k = 0; k < keys.size();) {
        if (k > 0) out->push_back('|');
        if (!apart || !IsOneCodePoint(keys[k])) {
          out->append(
              RE2::QuoteMeta(re2::StringPiece(keys[k].data(), keys[k].size())));
          ++k;
          continue;
        }
        // A class of at most kMaxAtomClassSize of the keys in a row, closed
        // by an empty group so that the parser does not join it to the next.
        out->push_back('[');
        for (std::ptrdiff_t n = 0; n < kMaxAtomClassSize && k < keys.size() &&
                                   IsOneCodePoint(keys[k]);
             ++n, ++k) {
          out->append(
              RE2::QuoteMeta(re2::StringPiece(keys[k].data(), keys[k].size())));
        }
        out->append("](?:)");
      }
      out->append(")");
      i = close + 1;
      continue;
    }
    out->push_back(pattern[i]);
    ++i;
  }
  return Status();
}

// Calls on_paren(i) for each "(" and ")" of `pattern` that opens or closes a
// group (neither escaped nor in a character class), in order, until it
// returns false. Returns false, with no call, for a pattern with a POSIX class
// or \Q...\E quoting, which it does not read.
template <typename OnParen>
bool ForEachGroupParen(std::string_view pattern, OnParen&& on_paren) {
  if (pattern.find("[:") != std::string_view::npos ||
      pattern.find("\\Q") != std::string_view::npos) {
    return false;
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;  // the braces of \x{...} and \p{...} hold no parentheses
    } else if (pattern[i] == '[') {
      // Up to the class's "]", which may be its first character ([]a], [^]a]).
      i += pattern.compare(i + 1, 1, "^") == 0 ? 2 : 1;
      if (pattern.compare(i, 1, "]") == 0) ++i;
      while (i < pattern.size() && pattern[i] != ']') {
        i += pattern[i] == '\\' ? 2 : 1;
      }
    } else if ((pattern[i] == '(' || pattern[i] == ')') && !on_paren(i)) {
      break;
    }
  }
  return true;
}

// The end of the group whose "(" is pattern[open]: the index past its ")", or
// npos (also for a pattern ForEachGroupParen does not read).
std::size_t GroupEnd(std::string_view pattern, std::size_t open) {
  int depth = 0;
  std::size_t end = std::string_view::npos;
  ForEachGroupParen(pattern, [&](std::size_t i) {
    if (i < open) return true;
    depth += pattern[i] == '(' ? 1 : -1;
    if (depth > 0) return true;
    end = i + 1;
    return false;
  });
  return end;
}

// True when `pattern`'s `fact` group closes the pattern and cannot match "":
// the fact of a non-empty match then ends where the match ends and is not
// empty (if the group takes no part, the fact is the match). A group holding
// an empty-width assertion (^ $ \b \B \A \z) counts as one that may match "".
bool FactGroupEndsEveryMatch(const std::string& pattern) {
  const std::size_t open = pattern.find("(?P<fact>");
  if (open == std::string::npos || GroupEnd(pattern, open) != pattern.size())
    return false;
  const std::string group = pattern.substr(open);
  for (const char* assertion : {"^", "$", "\\b", "\\B", "\\A", "\\z"}) {
    if (group.find(assertion) != std::string::npos) return false;
  }
  const RE2 fact(group, RuleOptions());
  return fact.ok() && !RE2::FullMatch("", fact);
}

// True for an atom that holds in nearly every clause of English: one ASCII
// letter (marked to start a word or not) or a space. For a rule of English
// alone, a clause of needs that holds one filters nothing on the text the rule
// is for, and finding it costs the automaton a report every few bytes; so the
// clause is left out (on text without figures: 13 % fewer instructions). A
// rule that reads Chinese keeps it: Chinese clauses seldom hold a Latin
// letter or a space, and the clause spares it most of them (the Latin units
// of block.measure.latin_unit: 4,642 runs on the varied corpus, 31,972
// without the clause).
bool TooCommonToFilter(std::string_view atom) {
  RemoveWordStartMark(&atom);
  return atom.size() == 1 &&
         (atom[0] == ' ' || (atom[0] >= 'a' && atom[0] <= 'z'));
}

// The two characters outside ASCII that RE2's case folding equates with ASCII
// letters (K: KELVIN SIGN, s: LATIN SMALL LETTER LONG S). NFKC turns both
// into ASCII, but rules may run over text that was not normalized: where
// either occurs, the clause's every rule runs.
constexpr std::string_view kFoldsToAscii[] = {"\u212A", "\u017F"};

std::size_t NextCodePoint(std::string_view text, std::size_t pos) {
  ++pos;
  while (pos < text.size() && !IsCodePointBoundary(text, pos)) ++pos;
  return pos;
}

// True when the repetition, if any, that starts at pattern[at] (after a
// group) may read the group more than once: *, +, {n,} and {n,m} with m > 1.
bool RepeatsMoreThanOnce(std::string_view pattern, std::size_t at) {
  if (at >= pattern.size()) return false;
  if (pattern[at] == '*' || pattern[at] == '+') return true;
  if (pattern[at] != '{') return false;
  const std::size_t close = pattern.find('}', at);
  if (close == std::string_view::npos) return false;
  const std::string_view bounds = pattern.substr(at + 1, close - at - 1);
  const std::size_t comma = bounds.find(',');
  const std::string_view most =
      comma == std::string_view::npos ? bounds : bounds.substr(comma + 1);
  return most.empty() || most.size() > 1 || most[0] > '1';
}

// True when no strict part of `pattern`, a loose pattern, lies in a group
// that may repeat: each is then captured once per match, all of what it read.
// Conservative: false for a pattern ForEachGroupParen does not read.
bool StrictPartsReadOnce(std::string_view pattern) {
  std::vector<bool> holds_strict_part;  // one per group open
  bool once = true;
  const bool read = ForEachGroupParen(pattern, [&](std::size_t i) {
    if (pattern[i] == '(') {
      holds_strict_part.push_back(
          pattern.compare(i, kStrictPartPrefix.size(), kStrictPartPrefix) == 0);
      return true;
    }
    if (holds_strict_part.empty()) {  // a ")" that closes nothing
      once = false;
      return false;
    }
    const bool strict = holds_strict_part.back();
    holds_strict_part.pop_back();
    if (strict && RepeatsMoreThanOnce(pattern, i + 1)) {
      once = false;
      return false;
    }
    if (strict && !holds_strict_part.empty()) holds_strict_part.back() = true;
    return true;
  });
  return read && once && holds_strict_part.empty();
}

// Finds `rule`'s leftmost-longest match in whole[pos, end) when it has a loose
// pattern, into groups[0]: true if there is one. The loose pattern searches
// (its DFA alone: no captures asked), and the rule's own pattern, anchored at
// the start of what the loose one found, takes its longest match there (a DFA
// again). The loose program is a fraction of the size, so its DFA costs far
// less to build on text never seen. That is the rule's own leftmost-longest
// match: the loose pattern matches wherever the rule's does, so no match of
// the rule starts before the loose one's start b, and none at b ends past the
// loose one's end e. When the rule's own pattern has no match at b, its
// leftmost match starts where the loose one matches next, after b: the next
// few such starts are tried so, and then the rule's own pattern searches by
// itself (its unanchored DFA, and the reverse one that finds where its match
// starts, cost far more to build than a few anchored tries).
//
// Most often the own pattern is not needed at all. When the rule's strict
// parts decide, the loose match's captures (groups[0, group_count)) are read
// first: if each strict part holds a match of its fragment, the own pattern
// matches all of [b, e), its longest match at b within e, and that is the
// match; *captured is then set. The own pattern, some 22,000 instructions
// for a rule that reads Chinese numerals, is compiled only for a text where
// a strict part fails (三五万: the loose numeral is no number).
bool FindOwnMatch(const CompiledRule& rule, const re2::StringPiece& whole,
                  std::size_t pos, std::size_t end, re2::StringPiece* groups,
                  int group_count, bool* captured, TokenMatchScratch* scratch) {
  const RE2& loose = rule.loose_regex();
  const std::string_view text(whole.data(), whole.size());
  *captured = false;
  // RE2 reads the captures of an unanchored match anchored at both its ends,
  // as ReadCaptures does.
  const int search_groups = rule.strict_parts_decide() ? group_count : 1;
  for (int attempt = 0; attempt < kOwnMatchAttempts; ++attempt) {
    if (!loose.Match(whole, pos, end, RE2::UNANCHORED, groups, search_groups)) {
      return false;  // nothing the rule could match either
    }
    const std::size_t found_begin =
        static_cast<std::size_t>(groups[0].data() - whole.data());
    const std::size_t found_end = found_begin + groups[0].size();
    if (rule.strict_parts_decide() &&
        rule.StrictPartsHold(whole, groups, scratch)) {
      *captured = true;
      return true;
    }
    if (rule.regex().Match(whole, found_begin, found_end, RE2::ANCHOR_START,
                           groups, 1)) {
      return true;
    }
    if (found_begin >= end) return false;
    pos = NextCodePoint(text, found_begin);
  }
  return rule.regex().Match(whole, pos, end, RE2::UNANCHORED, groups, 1);
}

// Reads the groups of `rule`'s match groups[0] into groups[0, group_count),
// anchored at both its ends, with the loose pattern (a smaller program for
// RE2's NFA than the rule's own, when it has one). False if it does not match
// it, which cannot happen for the rule's own match.
bool ReadCaptures(const CompiledRule& rule, const re2::StringPiece& whole,
                  re2::StringPiece* groups, int group_count) {
  if (group_count <= 1) return true;
  const std::size_t begin =
      static_cast<std::size_t>(groups[0].data() - whole.data());
  const std::size_t end = begin + groups[0].size();
  // The loose pattern matches everything the rule's does, and numbers the
  // groups the rule's shape names (its strict parts among them). A custom
  // loose form that is not looser loses the matches it does not cover.
  return rule.loose_regex().Match(whole, begin, end, RE2::ANCHOR_BOTH, groups,
                                  group_count);
}

// The form to read `number` (of form `form`, in `whole`) as, given the number
// classes of `program`: one whose classes (those whose form bits hold it) are
// classes the number's text is of, as many of them as one form can give; 0,
// the form of no class, when none can.
std::uint8_t StandInForm(const TokenProgram& program,
                         const re2::StringPiece& whole,
                         const re2::StringPiece& number, std::uint8_t form,
                         TokenMatchScratch* scratch) {
  // The classes its text is of, by check; a class whose form bits do not
  // hold its form cannot be one.
  std::uint64_t member = 0;
  const std::size_t checks =
      std::min<std::size_t>(program.number_checks.size(), 64);
  for (std::size_t c = 0; c < checks; ++c) {
    const StrictFragment& fragment = *program.number_checks[c].second;
    if ((form & ~fragment.form_bits()) == 0 &&
        fragment.MatchesAll(whole, number, scratch)) {
      member |= std::uint64_t{1} << c;
    }
  }
  std::uint8_t best = 0;
  int best_count = 0;
  for (unsigned stand_in = 1; stand_in < kNumberForms; ++stand_in) {
    int count = 0;
    bool only_its_classes = true;
    for (std::size_t c = 0; c < checks && only_its_classes; ++c) {
      if ((stand_in & ~program.number_checks[c].second->form_bits()) != 0) {
        continue;  // not in this class
      }
      only_its_classes = (member >> c & 1) != 0;
      ++count;
    }
    if (only_its_classes && count > best_count) {
      best = static_cast<std::uint8_t>(stand_in);
      best_count = count;
    }
  }
  return best;
}

}  // namespace

StrictFragment::StrictFragment(std::string pattern)
    : pattern_(std::move(pattern)), form_bits_(NumberFormBitsOf(pattern_)) {}

StrictFragment::~StrictFragment() = default;

bool StrictFragment::MatchesAll(const re2::StringPiece& whole,
                                const re2::StringPiece& part,
                                TokenMatchScratch* scratch) const {
  const auto begin = static_cast<std::size_t>(part.data() - whole.data());
  // The first uses read it with the matcher, which compiles in a fraction of
  // RE2's time; a fragment read often is worth RE2's DFA, which reads a few
  // characters for less than the matcher's backtracking.
  const std::uint32_t uses = uses_.load(std::memory_order_relaxed);
  if (uses < kUsesBeforeRe2) {
    std::call_once(matcher_once_,
                   [this] { matcher_ = TokenMatcher::Compile(pattern_); });
    if (matcher_ != nullptr && matcher_->CanRead(part.size())) {
      uses_.store(uses + 1, std::memory_order_relaxed);  // a lost count is fine
      return matcher_->Match(std::string_view(whole.data(), whole.size()),
                             begin, begin + part.size(), scratch, nullptr);
    }
  }
  std::call_once(regex_once_, [this] {
    regex_ = std::make_unique<RE2>(pattern_, RuleOptions());
  });
  return regex_->Match(whole, begin, begin + part.size(), RE2::ANCHOR_BOTH,
                       nullptr, 0);
}

CompiledRule::CompiledRule(const RuleSpec* spec, const RuleSet* rules,
                           RuleShape shape, std::unique_ptr<RE2> loose_regex,
                           std::vector<Guard> guards,
                           std::vector<StrictPart> strict_parts,
                           std::string token_pattern,
                           std::vector<const StrictFragment*> number_checks)
    : spec_(spec),
      rules_(rules),
      shape_(std::move(shape)),
      has_own_pattern_(spec->pattern != spec->loose_pattern),
      loose_regex_(std::move(loose_regex)),
      token_pattern_(std::move(token_pattern)),
      number_checks_(std::move(number_checks)),
      guards_(std::move(guards)),
      strict_parts_(std::move(strict_parts)) {
  for (const auto& [index, full_name] : shape_.group_names) {
    if (full_name == "fact") fact_group_ = index;
    std::string base = full_name.substr(0, full_name.find("__"));
    auto it =
        std::find_if(groups_by_name_.begin(), groups_by_name_.end(),
                     [&](const auto& entry) { return entry.first == base; });
    if (it == groups_by_name_.end()) {
      groups_by_name_.emplace_back(base, std::vector<int>{});
      it = groups_by_name_.end() - 1;
    }
    it->second.push_back(index);
  }
}

CompiledRule::~CompiledRule() = default;

std::unique_ptr<RE2> CompiledRule::Compile(const std::string& pattern) const {
  std::string expanded;
  // Cannot fail: every table the pattern names was found when the rule was
  // verified, and tables only grow. Should it, the rule matches nothing.
  if (!ExpandTables(*spec_, pattern, *rules_, &expanded).ok()) {
    expanded = "[^\\x00-\\x{10FFFF}]";
  }
  return std::make_unique<RE2>(expanded, RuleOptions());
}

const RE2& CompiledRule::loose_regex() const {
  std::call_once(loose_regex_once_, [this] {
    if (loose_regex_ == nullptr) loose_regex_ = Compile(spec_->loose_pattern);
  });
  return *loose_regex_;
}

const RE2& CompiledRule::regex() const {
  if (!has_own_pattern_) return loose_regex();
  std::call_once(own_regex_once_,
                 [this] { own_regex_ = Compile(spec_->pattern); });
  return *own_regex_;
}

const TokenMatcher* CompiledRule::token_matcher() const {
  std::call_once(token_matcher_once_, [this] {
    token_matcher_ = TokenMatcher::Compile(token_pattern_);
  });
  return token_matcher_.get();
}

const RE2& CompiledRule::token_capture_regex() const {
  std::call_once(token_capture_once_, [this] {
    token_capture_regex_ = std::make_unique<RE2>(token_pattern_, RuleOptions());
  });
  return *token_capture_regex_;
}

const TokenProgram& CompiledRule::token_program() const {
  std::call_once(token_program_once_, [this] {
    TokenProgram& program = token_program_;
    // With the matcher to read the captures, RE2 only finds where a match
    // is: its program needs no groups, and compiles in less time.
    program.matcher = token_matcher();
    program.rule_group = {0};
    if (program.matcher == nullptr) {
      program.regex = std::make_unique<RE2>(token_pattern_, RuleOptions());
      if (!program.regex->ok()) return;  // Verify reports it; nothing matches
    }
    // Its groups are the rule's in order, with number checks of its own
    // among them; the number classes' groups (strict parts and number checks)
    // are the {#NAME} in order.
    const int groups = program.matcher != nullptr
                           ? program.matcher->group_count()
                           : program.regex->NumberOfCapturingGroups();
    program.group_names = program.matcher != nullptr
                              ? program.matcher->group_names()
                              : program.regex->CapturingGroupNames();
    const std::map<int, std::string>& names = program.group_names;
    const std::string_view check_name =
        kNumberCheckPrefix.substr(std::string_view("(?P<").size());
    program.rule_group.assign(groups + 1, -1);
    program.rule_group[0] = 0;
    int rule_group = 0;
    std::size_t check = 0;
    for (int g = 1; g <= groups; ++g) {
      const auto name = names.find(g);
      const bool own_check =
          name != names.end() &&
          name->second.compare(0, check_name.size(), check_name) == 0;
      if (!own_check) program.rule_group[g] = ++rule_group;
      if ((own_check || (name != names.end() && IsStrictPart(name->second))) &&
          check < number_checks_.size()) {
        program.number_checks.emplace_back(g, number_checks_[check++]);
      }
    }
  });
  return token_program_;
}

bool CompiledRule::StrictPartsHold(const re2::StringPiece& whole,
                                   const re2::StringPiece* groups,
                                   TokenMatchScratch* scratch) const {
  for (const StrictPart& part : strict_parts_) {
    const re2::StringPiece& text = groups[part.group];
    if (text.data() == nullptr) continue;  // in a branch that did not match
    if (!part.fragment->MatchesAll(whole, text, scratch)) return false;
  }
  return true;
}

const std::vector<int>* CompiledRule::GroupsNamed(std::string_view name) const {
  for (const auto& entry : groups_by_name_) {
    if (entry.first == name) return &entry.second;
  }
  return nullptr;
}

RuleEngine::~RuleEngine() = default;

Result<std::unique_ptr<RuleEngine>> RuleEngine::Build(
    RuleSet rules, std::size_t verified_rules,
    const std::vector<RuleShape>* shapes) {
  std::unique_ptr<RuleEngine> engine(new RuleEngine());
  engine->rules_ = std::move(rules);
  const std::size_t shaped_rules = shapes != nullptr ? shapes->size() : 0;
  const bool has_token_rules = std::any_of(
      engine->rules_.rules.begin(), engine->rules_.rules.end(),
      [](const RuleSpec& spec) { return !spec.token_pattern.empty(); });
  std::unique_ptr<TokenPatternTranslator> translator;
  if (has_token_rules) {
    engine->lexer_ = std::make_unique<Lexer>(LexiconTables(engine->rules_));
    translator = std::make_unique<TokenPatternTranslator>(engine->rules_,
                                                          *engine->lexer_);
  }
  for (const RuleSpec& spec : engine->rules_.rules) {
    std::string token_pattern;
    std::vector<const StrictFragment*> number_checks;
    if (!spec.token_pattern.empty()) {
      Result<TokenPattern> translated = translator->Translate(spec);
      if (!translated.ok()) return translated.status();
      token_pattern = std::move(translated->pattern);
      // Each class is a fragment (Translate checked it).
      for (const std::string& name : translated->number_checks) {
        number_checks.push_back(
            &engine->strict_fragments_
                 .try_emplace(name, engine->rules_.fragments.find(name)->second)
                 .first->second);
      }
    }
    std::vector<Guard> guards(spec.guards.size());
    for (std::size_t g = 0; g < spec.guards.size(); ++g) {
      Status status =
          Guard::Compile(spec.guards[g], engine->rules_, &guards[g]);
      if (!status.ok()) {
        return Status(
            StatusCode::kRuleSyntax,
            spec.source + ":" + status.message() + " (rule " + spec.name + ")");
      }
    }
    const std::size_t rule_id = engine->compiled_.size();
    if (rule_id < shaped_rules) {
      engine->compiled_.emplace_back(
          &spec, &engine->rules_, (*shapes)[rule_id], nullptr,
          std::move(guards), engine->StrictPartsOf(spec, (*shapes)[rule_id]),
          std::move(token_pattern), std::move(number_checks));
      continue;
    }
    std::string loose_pattern;
    Status status =
        ExpandTables(spec, spec.loose_pattern, engine->rules_, &loose_pattern);
    if (!status.ok()) return status;
    auto loose_regex = std::make_unique<RE2>(loose_pattern, RuleOptions());
    if (!loose_regex->ok()) {
      const bool has_own_pattern = spec.pattern != spec.loose_pattern;
      return Status(
          StatusCode::kRuleSyntax,
          Where(spec) +
              (has_own_pattern ? "bad loose pattern: " : "bad pattern: ") +
              loose_regex->error());
    }
    TablePlaceholders tables;
    status = ExpandTables(spec, spec.needs_pattern, engine->rules_,
                          &tables.pattern, &tables);
    if (!status.ok()) return status;
    RuleShape shape = DeriveRuleShape(*loose_regex, tables);
    shape.fact_ends_match = spec.pattern == spec.loose_pattern &&
                            FactGroupEndsEveryMatch(loose_pattern);
    std::vector<StrictPart> strict_parts = engine->StrictPartsOf(spec, shape);
    engine->compiled_.emplace_back(
        &spec, &engine->rules_, std::move(shape), std::move(loose_regex),
        std::move(guards), std::move(strict_parts), std::move(token_pattern),
        std::move(number_checks));
    if (rule_id >= verified_rules) {
      status = engine->Verify(rule_id);
      if (!status.ok()) return status;
    }
  }
  engine->BuildPrefilter();
  return engine;
}

std::vector<StrictPart> RuleEngine::StrictPartsOf(const RuleSpec& spec,
                                                  const RuleShape& shape) {
  std::vector<StrictPart> parts;
  if (!spec.token_pattern.empty() || spec.pattern == spec.loose_pattern ||
      !StrictPartsReadOnce(spec.loose_pattern)) {
    return parts;
  }
  for (const auto& [group, name] : shape.group_names) {
    if (!IsStrictPart(name)) continue;
    // strict__NAME_N
    const std::size_t number = name.rfind('_');
    const std::size_t prefix = kStrictPartName.size();
    auto fragment =
        number > prefix
            ? rules_.fragments.find(name.substr(prefix, number - prefix))
            : rules_.fragments.end();
    if (fragment == rules_.fragments.end() ||
        fragment->second.find("{@") != std::string::npos) {
      return {};  // a fragment that reads a table: left to the own pattern
    }
    auto it =
        strict_fragments_.try_emplace(fragment->first, fragment->second).first;
    parts.push_back({group, &it->second});
  }
  return parts;
}

void RuleEngine::BuildPrefilter() {
  // Every atom, marked or not (kWordStartMark), and the clauses it satisfies.
  std::vector<std::string_view> atoms;
  std::vector<std::vector<std::uint32_t>> needs_of_atom;
  std::unordered_map<std::string_view, std::uint32_t> atom_ids;
  atom_ids.reserve(4096);  // the built-in rules have some 1,500 atoms
  // Each rule's clauses, as [first, end) of their numbers.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> needs_of_rule;
  std::uint32_t need_count = 0;
  for (std::size_t id = 0; id < compiled_.size(); ++id) {
    needs_of_rule.emplace_back(need_count, need_count);
    for (const std::vector<std::string>& clause : compiled_[id].shape().needs) {
      if (std::any_of(clause.begin(), clause.end(), AtomNeedsUnicodeFolding))
        continue;  // satisfied in every text, as far as the matcher can tell
      if ((compiled_[id].spec().languages & kChinese) == 0 &&
          std::any_of(clause.begin(), clause.end(), TooCommonToFilter)) {
        continue;  // satisfied in nearly every clause of the rule's language
      }
      const std::uint32_t need = need_count++;
      needs_of_rule.back().second = need_count;
      for (const std::string& atom : clause) {
        auto [it, added] = atom_ids.emplace(
            atom, static_cast<std::uint32_t>(needs_of_atom.size()));
        if (added) {
          atoms.push_back(atom);
          needs_of_atom.emplace_back();
        }
        needs_of_atom[it->second].push_back(need);
      }
    }
    if (needs_of_rule.back().first == needs_of_rule.back().second)
      rules_without_atoms_.push_back(static_cast<int>(id));
  }
  need_words_ = (need_count + 63) / 64;
  // Appends the words of a set of clauses, in ascending order, that are not
  // zero.
  auto append_bits = [](const std::vector<std::uint32_t>& needs,
                        std::vector<NeedBits>* out) {
    const std::size_t begin = out->size();
    for (const std::uint32_t need : needs) {
      const std::uint32_t word = need / 64;
      if (out->size() == begin || out->back().word != word) {
        out->push_back({word, 0});
      }
      out->back().bits |= std::uint64_t{1} << (need % 64);
    }
  };
  first_need_bits_.assign(need_words_, 0);
  rule_of_first_need_.assign(need_count, 0);
  rule_bits_begin_.push_back(0);
  for (std::uint32_t id = 0; id < needs_of_rule.size(); ++id) {
    const auto [first, end] = needs_of_rule[id];
    if (end > first) {
      first_need_bits_[first / 64] |= std::uint64_t{1} << (first % 64);
      rule_of_first_need_[first] = id;
    }
    std::vector<std::uint32_t> needs(end - first);
    std::iota(needs.begin(), needs.end(), first);
    append_bits(needs, &rule_bits_);
    rule_bits_begin_.push_back(static_cast<std::uint32_t>(rule_bits_.size()));
  }
  // The matcher looks for each atom's text once: a marked atom shares the key
  // of its text with the unmarked one, if any, and has a need list of its own.
  // The keys of marked atoms come first, so that FindAtoms tells them apart
  // from the others by their number alone.
  std::vector<std::string_view> key_texts;
  std::vector<std::uint32_t> key_of_atom(atoms.size());
  std::vector<bool> atom_marked(atoms.size());
  std::unordered_map<std::string_view, std::uint32_t> key_ids;
  key_ids.reserve(atoms.size());
  for (const bool marked : {true, false}) {
    for (std::size_t a = 0; a < atoms.size(); ++a) {
      std::string_view text = atoms[a];
      if (RemoveWordStartMark(&text) != marked) continue;
      atom_marked[a] = marked;
      const auto [key, added] =
          key_ids.emplace(text, static_cast<std::uint32_t>(key_texts.size()));
      if (added) key_texts.push_back(text);
      key_of_atom[a] = key->second;
    }
    if (marked) word_start_keys_ = static_cast<int>(key_texts.size());
  }
  std::map<std::vector<std::uint32_t>, std::uint32_t> list_ids;
  auto list_id = [&](std::vector<std::uint32_t> needs) {
    return list_ids
        .emplace(std::move(needs), static_cast<std::uint32_t>(list_ids.size()))
        .first->second;
  };
  // A key found only where it starts a word satisfies nothing elsewhere: the
  // empty list, which spares FindAtoms a test.
  const std::uint32_t empty = list_id({});
  need_list_of_key_.assign(key_texts.size(), empty);
  word_start_list_of_key_.assign(word_start_keys_, empty);
  for (std::size_t a = 0; a < atoms.size(); ++a) {
    (atom_marked[a] ? word_start_list_of_key_
                    : need_list_of_key_)[key_of_atom[a]] =
        list_id(std::move(needs_of_atom[a]));
  }
  std::vector<const std::vector<std::uint32_t>*> lists(list_ids.size());
  for (const auto& [needs, id] : list_ids) lists[id] = &needs;
  list_bits_begin_.push_back(0);
  for (const std::vector<std::uint32_t>* needs : lists) {
    append_bits(*needs, &list_bits_);  // an atom's were added rule by rule
    list_bits_begin_.push_back(static_cast<std::uint32_t>(list_bits_.size()));
  }
  // Keys past the atoms: the characters that fold to ASCII letters.
  std::vector<std::string> keys(key_texts.begin(), key_texts.end());
  for (const std::string_view folds : kFoldsToAscii) keys.emplace_back(folds);
  atoms_ = std::make_unique<LiteralMatcher>(keys);
}

Status RuleEngine::Verify(std::size_t id) const {
  const CompiledRule& rule = compiled_[id];
  if (rule.is_token_rule()) {
    // Its pattern over tokens has the loose pattern's groups, by which the
    // builders read its captures, and number checks of its own.
    // RE2 checks the pattern where the matcher reads it too: one RE2 refuses
    // (a repetition past 1000, a program past its memory) is no rule.
    const TokenProgram& program = rule.token_program();
    const RE2& regex =
        program.regex != nullptr ? *program.regex : rule.token_capture_regex();
    if (!regex.ok()) {
      return Status(
          StatusCode::kRuleSyntax,
          Where(rule.spec()) + "bad tokens pattern: " + regex.error());
    }
    std::map<int, std::string> token_names;
    for (const auto& [group, name] : program.group_names) {
      if (program.rule_group[group] > 0) {
        token_names[program.rule_group[group]] = name;
      }
    }
    const int rule_groups = static_cast<int>(
        std::count_if(program.rule_group.begin() + 1, program.rule_group.end(),
                      [](int g) { return g > 0; }));
    if (rule_groups != rule.group_count() ||
        token_names != rule.capture_names()) {
      return Status(StatusCode::kInternal,
                    Where(rule.spec()) +
                        "its tokens pattern and the pattern it stands for "
                        "have different groups");
    }
    return Status();
  }
  const RE2* loose_regex = rule.capture_regex();
  if (loose_regex == nullptr) return Status();  // compiled by Build
  const RE2& own_regex = rule.regex();
  if (!own_regex.ok()) {
    return Status(StatusCode::kRuleSyntax,
                  Where(rule.spec()) + "bad pattern: " + own_regex.error());
  }
  // The loose pattern's captures are the rule's and its strict parts.
  std::vector<std::string> loose_names, own_names;
  int strict_parts = 0;
  for (const auto& [group, name] : loose_regex->CapturingGroupNames()) {
    if (IsStrictPart(name)) {
      ++strict_parts;
    } else {
      loose_names.push_back(name);
    }
  }
  for (const auto& [group, name] : own_regex.CapturingGroupNames())
    own_names.push_back(name);
  if (loose_regex->NumberOfCapturingGroups() - strict_parts !=
          own_regex.NumberOfCapturingGroups() ||
      loose_names != own_names) {
    return Status(
        StatusCode::kRuleSyntax,
        Where(rule.spec()) + "loose forms must not add or remove captures");
  }
  return Status();
}

bool RuleEngine::MayMatch(std::string_view text, unsigned kind_mask,
                          unsigned language_mask, RuleScratch* scratch) const {
  if (compiled_.empty()) return false;
  // A rule that cannot match the text cannot match a clause of it: clause
  // ends are non-word characters, so \b reads the same, and MatchRule matches
  // within the whole text.
  PotentialRules(!FindAtoms(text, 0, text.size(), scratch), scratch);
  return std::any_of(
      scratch->potential_rules.begin(), scratch->potential_rules.end(),
      [&](int id) { return Selected(id, kind_mask, language_mask); });
}

bool RuleEngine::FindAtoms(std::string_view text, std::size_t begin,
                           std::size_t end, RuleScratch* scratch) const {
  std::vector<std::uint32_t>& lists = scratch->clause_need_lists;
  std::vector<std::uint32_t>& seen_in_pass = scratch->need_list_pass;
  lists.clear();
  const std::size_t list_count = list_bits_begin_.size() - 1;
  if (seen_in_pass.size() != list_count || ++scratch->pass == 0) {
    seen_in_pass.assign(list_count, 0);
    scratch->pass = 1;
  }
  const std::uint32_t pass = scratch->pass;
  const int folds_begin = static_cast<int>(need_list_of_key_.size());
  bool folds = false;
  atoms_->FindAll(
      text.substr(begin, end - begin), [&](int atom, std::size_t atom_end) {
        if (atom >= folds_begin) {
          folds = true;
          return;
        }
        std::uint32_t list = need_list_of_key_[atom];
        if (seen_in_pass[list] != pass) {
          seen_in_pass[list] = pass;
          lists.push_back(list);
        }
        if (atom >= word_start_keys_) return;
        list = word_start_list_of_key_[atom];
        const std::size_t start = begin + atom_end - atoms_->key_length(atom);
        if (seen_in_pass[list] != pass &&
            (start == 0 ||
             !IsAsciiLetter(static_cast<unsigned char>(text[start - 1])))) {
          seen_in_pass[list] = pass;
          lists.push_back(list);
        }
      });
  return !folds;
}

void RuleEngine::PotentialRules(bool all_rules, RuleScratch* scratch) const {
  const std::vector<std::uint32_t>& lists = scratch->clause_need_lists;
  std::vector<int>& rules = scratch->potential_rules;
  if (all_rules) {
    rules.resize(compiled_.size());
    for (std::size_t id = 0; id < rules.size(); ++id)
      rules[id] = static_cast<int>(id);
    return;
  }
  if (lists.empty()) {
    // Most clauses of prose: the answer is known.
    rules.assign(rules_without_atoms_.begin(), rules_without_atoms_.end());
    return;
  }
  // The clauses the lists satisfy, then the rules all of whose clauses are
  // among them, in rule order.
  std::vector<std::uint64_t>& satisfied = scratch->satisfied_needs;
  satisfied.assign(need_words_, 0);
  for (const std::uint32_t list : lists) {
    for (std::uint32_t i = list_bits_begin_[list];
         i < list_bits_begin_[list + 1]; ++i) {
      satisfied[list_bits_[i].word] |= list_bits_[i].bits;
    }
  }
  // A rule runs when its first clause is satisfied and all the others are.
  rules.clear();
  for (std::size_t w = 0; w < need_words_; ++w) {
    for (std::uint64_t firsts = satisfied[w] & first_need_bits_[w]; firsts != 0;
         firsts &= firsts - 1) {
      const std::uint32_t rule =
          rule_of_first_need_[w * 64 + CountTrailingZeros(firsts)];
      bool all = true;
      for (std::uint32_t i = rule_bits_begin_[rule];
           all && i < rule_bits_begin_[rule + 1]; ++i) {
        all = (satisfied[rule_bits_[i].word] & rule_bits_[i].bits) ==
              rule_bits_[i].bits;
      }
      if (all) rules.push_back(static_cast<int>(rule));
    }
  }
  const auto middle = static_cast<std::ptrdiff_t>(rules.size());
  rules.insert(rules.end(), rules_without_atoms_.begin(),
               rules_without_atoms_.end());
  std::inplace_merge(rules.begin(), rules.begin() + middle, rules.end());
}

std::size_t RuleEngine::SegmentEnd(const Document& document,
                                   std::size_t begin) {
  const std::string_view text = document.text();
  const std::size_t limit = begin + kSegmentBytes;
  if (limit >= text.size()) return text.size();
  // After the last clause end that starts in [begin, limit).
  const std::vector<Boundary>& ends = document.ends(Unit::kClause);
  const std::size_t after = document.FirstEndFrom(Unit::kClause, limit);
  if (after > 0 && ends[after - 1].begin >= begin) return ends[after - 1].end;
  // One clause longer than kSegmentBytes: no prose has one. Cut it after the
  // last comma or space of the window's second half, else at a code point.
  for (std::size_t i = limit; i > begin + kSegmentBytes / 2; --i) {
    const char c = text[i - 1];
    if (c == ' ' || c == ',' || c == '\t') return i;
    if (i >= 3 && (text.compare(i - 3, 3, "，") == 0 ||
                   text.compare(i - 3, 3, "、") == 0)) {
      return i;
    }
  }
  std::size_t cut = limit;
  while (cut > begin + 1 && !IsCodePointBoundary(text, cut)) --cut;
  return cut;
}

void RuleEngine::FindCandidates(const Document& document, unsigned kind_mask,
                                RuleScratch* scratch) const {
  if (!MayMatch(document.text(), kind_mask, kAllLanguages, scratch)) return;
  for (std::size_t begin = 0; begin < document.text().size();) {
    const std::size_t end = SegmentEnd(document, begin);
    FindCandidates(document, begin, end, kind_mask, kAllLanguages, scratch);
    begin = end;
  }
}

void RuleEngine::FindCandidates(const Document& document, std::size_t begin,
                                std::size_t end, unsigned kind_mask,
                                unsigned language_mask,
                                RuleScratch* scratch) const {
  if (compiled_.empty()) return;
  const std::string_view text = document.text();
  std::size_t clause_begin = begin;
  const std::vector<Boundary>& ends = document.ends(Unit::kClause);
  for (std::size_t i = document.FirstEndFrom(Unit::kClause, begin);
       i < ends.size() && ends[i].begin < end; ++i) {
    if (ends[i].begin > clause_begin) {
      MatchClause(text, clause_begin, ends[i].begin, kind_mask, language_mask,
                  scratch);
    }
    clause_begin = ends[i].end;
  }
  if (end > clause_begin) {
    MatchClause(text, clause_begin, end, kind_mask, language_mask, scratch);
  }
}

void RuleEngine::MatchClause(std::string_view text, std::size_t begin,
                             std::size_t end, unsigned kind_mask,
                             unsigned language_mask,
                             RuleScratch* scratch) const {
  // A token string left from an earlier text may have this one's address.
  scratch->token_text.Invalidate();
  PotentialRules(!FindAtoms(text, begin, end, scratch), scratch);
  for (const int id : scratch->potential_rules) {
    if (!Selected(id, kind_mask, language_mask)) continue;
    MatchRule(static_cast<std::uint32_t>(id), text, begin, end, scratch);
  }
}

void RuleEngine::MatchRule(std::uint32_t id, std::string_view text,
                           std::size_t begin, std::size_t end,
                           RuleScratch* scratch) const {
  const CompiledRule& rule = compiled_[id];
  const int group_count = rule.group_count() + 1;
  // RE2 writes every group it is asked for, and groups past 0 are read only
  // after all of them were asked for: the buffer is grown, never cleared.
  std::vector<re2::StringPiece>& groups = scratch->match_groups;
  if (groups.size() < static_cast<std::size_t>(group_count)) {
    groups.resize(group_count);
  }
  const re2::StringPiece whole(text.data(), text.size());
  // With a loose regex apart from the rule's own, FindOwnMatch finds the match
  // and the loose regex, anchored at both its ends, reads the captures: RE2's
  // NFA, which captures need, costs in proportion to the program. The
  // captures are read only for a match its guards may let through: without a
  // `fact` group the guards read the match alone, and when the fact ends
  // where the match does, the guards that read past its end can reject it
  // first. A rule whose matches its guards mostly reject (前三季 before 度,
  // 营收3亿 before 元) so spares the NFA. Reading them anchored gives what an
  // unanchored search with captures gives: RE2 reads those anchored on the
  // match too.
  // A rule over tokens reads every capture with its one search, over the
  // clause's token string: its program is small.
  const bool token_rule = rule.is_token_rule();
  const RE2* loose = token_rule ? nullptr : rule.capture_regex();
  const bool captures_first = rule.fact_group() > 0 && !rule.fact_ends_match();
  std::size_t pos = begin;
  int retries = 0;
  while (pos < end) {
    bool captured = token_rule;
    if (token_rule ? !FindTokenMatch(rule, text, begin, pos, end, group_count,
                                     groups.data(), scratch)
        : loose != nullptr
            ? !FindOwnMatch(rule, whole, pos, end, groups.data(), group_count,
                            &captured, &scratch->token_match)
            : !rule.regex().Match(whole, pos, end, RE2::UNANCHORED,
                                  groups.data(),
                                  captures_first ? group_count : 1)) {
      break;
    }
    if (captures_first && loose != nullptr && !captured &&
        !ReadCaptures(rule, whole, groups.data(), group_count)) {
      break;  // cannot happen: the rule matched this very text
    }
    bool have_captures = captures_first || captured;
    const std::size_t match_begin =
        static_cast<std::size_t>(groups[0].data() - text.data());
    const std::size_t match_end = match_begin + groups[0].size();
    bool allowed = true;
    if (rule.fact_ends_match() && match_end > match_begin) {
      // The fact is not empty and ends at match_end.
      allowed = !SplitsANumberAtEnd(text, match_end);
      for (std::size_t g = 0; allowed && g < rule.guards().size(); ++g) {
        allowed = !rule.guards()[g].looks_after() ||
                  rule.guards()[g].Allows(text, match_begin, match_end);
      }
      if (allowed && !token_rule &&
          !ReadCaptures(rule, whole, groups.data(), group_count)) {
        break;  // cannot happen: the rule matched this very text
      }
      have_captures = token_rule || allowed;
    }
    // A `fact` capture narrows the fact to part of the match: the rest is
    // context the rule requires but does not report (what lookaround would do,
    // which RE2 lacks).
    std::size_t fact_begin = match_begin, fact_end = match_end;
    if (have_captures && rule.fact_group() > 0 &&
        groups[rule.fact_group()].data() != nullptr) {
      const re2::StringPiece& fact = groups[rule.fact_group()];
      fact_begin = static_cast<std::size_t>(fact.data() - text.data());
      fact_end = fact_begin + fact.size();
    }
    if (allowed && fact_end == fact_begin) {  // empty matches carry no fact
      pos = NextCodePoint(text, match_begin);
      continue;
    }
    // The guard every rule has (a number is read whole), then the rule's own.
    allowed = allowed && !SplitsANumber(text, fact_begin, fact_end);
    for (std::size_t g = 0; allowed && g < rule.guards().size(); ++g) {
      allowed = rule.guards()[g].Allows(text, fact_begin, fact_end);
    }
    if (allowed && !have_captures &&
        !ReadCaptures(rule, whole, groups.data(), group_count)) {
      break;  // cannot happen: the rule matched this very text
    }
    if (allowed) {
      Candidate candidate;
      candidate.rule = id;
      candidate.begin = fact_begin;
      candidate.end = fact_end;
      candidate.groups = static_cast<std::uint32_t>(scratch->groups.size());
      scratch->groups.insert(scratch->groups.end(), groups.begin(),
                             groups.begin() + group_count);
      scratch->candidates.push_back(candidate);
      // Context after the fact may hold the next fact (一亿、两亿和三亿元):
      // resume there.
      pos = fact_end;
      retries = 0;
    } else if (retries < kGuardRetries) {
      ++retries;
      pos = NextCodePoint(text, match_begin);
    } else {
      retries = 0;
      pos = match_end;
    }
  }
}

const UnreadCharacters& RuleEngine::Unread() const {
  std::call_once(unread_once_, [this] {
    // The characters the rules over tokens read are those their matchers'
    // classes hold: every rule's matcher compiles on the first text.
    for (const CompiledRule& rule : compiled_) {
      if (rule.is_token_rule()) MarkRead(rule.token_matcher(), &unread_);
    }
  });
  return unread_;
}

bool RuleEngine::FindTokenMatch(const CompiledRule& rule, std::string_view text,
                                std::size_t begin, std::size_t pos,
                                std::size_t end, int group_count,
                                re2::StringPiece* groups,
                                RuleScratch* scratch) const {
  TokenText& tokens = scratch->token_text;
  if (!tokens.IsFor(text, begin, end)) {
    tokens.Build(*lexer_, Unread(), text, begin, end);
  }
  const TokenProgram& program = rule.token_program();
  const std::string& symbols = tokens.symbols();
  const int token_groups = static_cast<int>(program.rule_group.size());
  std::vector<re2::StringPiece>& found = scratch->token_groups;
  if (found.size() < static_cast<std::size_t>(token_groups)) {
    found.resize(token_groups);
  }
  const re2::StringPiece subject(symbols.data(), symbols.size());
  const re2::StringPiece whole(text.data(), text.size());
  // The text of token group g.
  auto text_of = [&](int g) {
    const auto from =
        static_cast<std::size_t>(found[g].data() - symbols.data());
    const std::size_t text_from = tokens.TextOffset(from);
    const std::size_t text_to = tokens.TextOffset(from + found[g].size());
    return re2::StringPiece(text.data() + text_from, text_to - text_from);
  };
  // The check that failed, if one did.
  auto wrong_number = [&] {
    return std::find_if(
        program.number_checks.begin(), program.number_checks.end(),
        [&](const std::pair<int, const StrictFragment*>& check) {
          return found[check.first].data() != nullptr &&
                 !check.second->MatchesAll(whole, text_of(check.first),
                                           &scratch->token_match);
        });
  };
  // The match from `at` on (anchored: starting there), into `found`.
  std::vector<std::int32_t>& offsets = scratch->token_offsets;
  auto search = [&](std::size_t at, bool anchored) {
    if (program.matcher == nullptr) {
      return program.regex->Match(
          subject, at, symbols.size(),
          anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, found.data(),
          token_groups);
    }
    // The matcher finds the match (its DFA, token_dfa.h) and reads its
    // captures. Where its DFA gives up, RE2's DFAs find the match.
    std::size_t begin = 0, end = 0;
    switch (program.matcher->Search(symbols, at, anchored,
                                    &tokens.token_symbols(), &begin, &end)) {
      case TokenMatcher::SearchResult::kNoMatch:
        return false;
      case TokenMatcher::SearchResult::kMatch:
        break;
      case TokenMatcher::SearchResult::kGaveUp:
        if (!rule.token_capture_regex().Match(
                subject, at, symbols.size(),
                anchored ? RE2::ANCHOR_START : RE2::UNANCHORED, found.data(),
                1)) {
          return false;
        }
        begin = static_cast<std::size_t>(found[0].data() - symbols.data());
        end = begin + found[0].size();
        break;
    }
    if (!program.matcher->CanRead(end - begin)) {
      // A match longer than the matcher reads (thousands of spaces in a
      // row): RE2 reads its groups, anchored at both its ends.
      return rule.token_capture_regex().Match(
          subject, begin, end, RE2::ANCHOR_BOTH, found.data(), token_groups);
    }
    if (!program.matcher->Match(symbols, begin, end, &scratch->token_match,
                                &offsets)) {
      return false;  // cannot happen: the pattern matched this span
    }
    for (int g = 0; g < token_groups; ++g) {
      found[g] = offsets[2 * g] < 0
                     ? re2::StringPiece()
                     : re2::StringPiece(symbols.data() + offsets[2 * g],
                                        offsets[2 * g + 1] - offsets[2 * g]);
    }
    return true;
  };
  std::vector<std::pair<std::uint32_t, std::uint16_t>>& unformed =
      scratch->unformed_numbers;
  std::size_t from = tokens.SymbolOffset(pos);
  bool matched = false;
  while (!matched && search(from, /*anchored=*/false)) {
    // A number of the wrong class (its form was right) is given a stand-in
    // form that puts it in the classes of the rule its text is of and no
    // other (StandInForm), and the rule tries again where the match started:
    // another branch may match there, as over text (5月32日 is 5月, 百分之十
    // is 十 of NUM_ZH after failing as 百). If none does, the number is put
    // back and the search goes on from the next symbol, where the number may
    // begin another match (8，9港元: not the grouped figure 8，9, then 9港元).
    const auto start =
        static_cast<std::size_t>(found[0].data() - symbols.data());
    unformed.clear();
    for (;;) {
      const auto wrong = wrong_number();
      if (wrong == program.number_checks.end()) {
        matched = true;
        break;
      }
      const auto at = static_cast<std::uint32_t>(found[wrong->first].data() -
                                                 symbols.data());
      const std::uint16_t symbol = tokens.NumberSymbolAt(at);
      unformed.emplace_back(at, symbol);
      tokens.SetNumberSymbolAt(
          at, StandInForm(program, whole, text_of(wrong->first),
                          static_cast<std::uint8_t>(symbol % kNumberForms),
                          &scratch->token_match));
      if (!search(start, /*anchored=*/true)) break;
    }
    // The symbols are the clause's, which other rules read.
    for (auto it = unformed.rbegin(); it != unformed.rend(); ++it) {
      tokens.SetNumberSymbolAt(it->first, it->second);
    }
    if (start >= symbols.size()) break;
    from = NextCodePoint(symbols, start);
  }
  if (!matched) return false;
  for (int g = 0; g < token_groups; ++g) {
    const int rule_group = program.rule_group[g];
    if (rule_group < 0 || rule_group >= group_count) continue;
    groups[rule_group] =
        found[g].data() == nullptr ? re2::StringPiece() : text_of(g);
  }
  return true;
}

RuleMatch RuleEngine::MatchOf(const Document& document,
                              const Candidate& candidate,
                              const RuleScratch& scratch) const {
  return RuleMatch(document, candidate.begin, candidate.end,
                   &compiled_[candidate.rule],
                   scratch.groups.data() + candidate.groups);
}

// RuleMatch and RuleTables live here: they read the compiled rule's group
// table.

std::string_view RuleMatch::Capture(std::string_view name) const {
  const std::vector<int>* groups = rule_->GroupsNamed(name);
  if (groups == nullptr) return {};
  for (int g : *groups) {
    if (!groups_[g].empty()) return groups_[g];
  }
  return {};
}

bool RuleMatch::Has(std::string_view name) const {
  const std::vector<int>* groups = rule_->GroupsNamed(name);
  if (groups == nullptr) return false;
  for (int g : *groups) {
    if (groups_[g].data() != nullptr) return true;
  }
  return false;
}

std::size_t RuleMatch::CaptureOffset(std::string_view name) const {
  const std::vector<int>* groups = rule_->GroupsNamed(name);
  if (groups != nullptr) {
    for (int g : *groups) {
      if (groups_[g].data() != nullptr) {
        return static_cast<std::size_t>(groups_[g].data() - text().data());
      }
    }
  }
  return begin_;
}

std::string_view RuleMatch::rule_name() const { return rule_->spec().name; }

std::optional<std::string_view> RuleTables::Lookup(std::string_view table,
                                                   std::string_view key) const {
  const RuleTable* found = Find(table);
  if (found == nullptr) return std::nullopt;
  auto entry = found->entries.find(key);
  if (entry == found->entries.end()) return std::nullopt;
  return std::string_view(entry->second);
}

const RuleTable* RuleTables::Find(std::string_view table) const {
  auto found = rules_->tables.find(table);
  return found == rules_->tables.end() ? nullptr : &found->second;
}

}  // namespace factx::internal
