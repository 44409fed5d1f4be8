// Compiles a RuleSet and runs it over normalized text.
//
// A prefilter picks, clause by clause, the rules that can match: each rule's
// shape (rule_shape.h) states the literal strings ("atoms") a match must
// contain, and one Aho-Corasick pass (LiteralMatcher) finds which atoms a text
// holds. Only the rules those atoms allow run their RE2s for positions and
// captures, and their guards filter the matches. Every step runs in time
// linear in the text. A rule's RE2 programs are compiled when a text first
// needs them, so building an engine from shapes compiles no pattern.
#ifndef FACTX_LIB_ENGINE_RULE_ENGINE_H_
#define FACTX_LIB_ENGINE_RULE_ENGINE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/guards.h"
#include "engine/rule_file.h"
#include "engine/rule_match.h"
#include "engine/rule_shape.h"
#include "engine/token_matcher.h"
#include "factx/status.h"
#include "lexing/lexer.h"
#include "lexing/literal_matcher.h"
#include "lexing/token_text.h"
#include "re2/re2.h"

namespace factx::internal {

// A fragment that has a loose form, in its own (strict) form, compiled on
// first use, once. Thread-safe.
class StrictFragment {
 public:
  // `pattern` is the fragment, expanded (RuleSet::fragments).
  explicit StrictFragment(std::string pattern);
  ~StrictFragment();
  StrictFragment(const StrictFragment&) = delete;
  StrictFragment& operator=(const StrictFragment&) = delete;

  // True when all of `part`, which lies in `whole`, is a match of the
  // fragment, read with the text around it (as \b reads it). `scratch` is
  // the caller's (one per thread).
  bool MatchesAll(const re2::StringPiece& whole, const re2::StringPiece& part,
                  TokenMatchScratch* scratch) const;
  // The NumberForm bits its matches may hold (token_rules.h,
  // NumberFormBitsOf): as a number class, the forms it lets in are those
  // within these bits.
  std::uint32_t form_bits() const { return form_bits_; }

 private:
  std::string pattern_;
  std::uint32_t form_bits_;
  // Read by the matcher of token_matcher.h for its first kUsesBeforeRe2
  // uses, then by RE2; by RE2 alone when the matcher does not read the
  // pattern. The matcher compiles a fragment in a twentieth of RE2's time,
  // and RE2's DFA, once built, reads a number in about a third of the
  // matcher's instructions (a Chinese numeral fragment: ~1,300 a number
  // against ~400): most fragments are read too seldom to pay for RE2, and the
  // few read all the time switch after some thousands of numbers, on the
  // text they came from (docs/performance.md).
  static constexpr std::uint32_t kUsesBeforeRe2 = 8192;
  mutable std::atomic<std::uint32_t> uses_{0};
  mutable std::once_flag matcher_once_;
  mutable std::unique_ptr<TokenMatcher> matcher_;
  mutable std::once_flag regex_once_;
  mutable std::unique_ptr<re2::RE2> regex_;
};

// A capture of a rule's loose pattern that holds a fragment's loose form (a
// strict part: rule_file.h, kStrictPartPrefix), and the fragment.
struct StrictPart {
  int group = 0;
  const StrictFragment* fragment = nullptr;
};

// The program of a rule over tokens (token_rules.h), with what reads its
// groups.
struct TokenProgram {
  // Finds the matches and reads their captures (token_matcher.h; the
  // rule's, CompiledRule::token_matcher); null for a pattern it does not
  // read, which `regex` searches.
  const TokenMatcher* matcher = nullptr;
  // The pattern compiled by RE2 where there is no matcher, else null.
  std::unique_ptr<re2::RE2> regex;
  // Its named groups, by number.
  std::map<int, std::string> group_names;
  // For each of its groups (0 included), the rule's group it stands for; -1
  // for a number check of its own (kNumberCheckPrefix).
  std::vector<int> rule_group;
  // Its groups that hold a number class, with the fragment whose text each
  // number must be.
  std::vector<std::pair<int, const StrictFragment*>> number_checks;
};

// One rule of an engine. Thread-safe; each of its programs is compiled on
// first use, once.
class CompiledRule {
 public:
  // `rules` is the engine's rule set, whose tables the patterns are expanded
  // with when they compile. `loose_regex` is the rule's loose pattern
  // (rule_file.h), compiled, or null to compile it on first use.
  // `strict_parts` are the loose pattern's strict parts when each is read
  // once per match (none under a repetition), else empty.
  // `token_pattern` is the rule's tokens pattern translated to symbols
  // (token_rules.h), empty for a rule over text, and `number_checks` the
  // fragments of its number classes, in order (TokenPattern::number_checks).
  CompiledRule(const RuleSpec* spec, const RuleSet* rules, RuleShape shape,
               std::unique_ptr<re2::RE2> loose_regex, std::vector<Guard> guards,
               std::vector<StrictPart> strict_parts,
               std::string token_pattern = std::string(),
               std::vector<const StrictFragment*> number_checks = {});
  ~CompiledRule();
  CompiledRule(const CompiledRule&) = delete;
  CompiledRule& operator=(const CompiledRule&) = delete;

  const RuleSpec& spec() const { return *spec_; }
  // The rule's own pattern, compiled by the first call: most rules are never
  // asked to confirm a match in a short text, and the own programs of the
  // rules that embed the numeral grammar took half of building an engine.
  const re2::RE2& regex() const;
  // The rule's loose pattern, which matches wherever `regex` does (and maybe
  // more), compiled by the first call: it searches and reads captures, and
  // `regex` takes its match where the loose one found one.
  const re2::RE2& loose_regex() const;
  // The loose pattern when it differs from the rule's own; null when it is
  // `regex` itself.
  const re2::RE2* capture_regex() const {
    return has_own_pattern_ ? &loose_regex() : nullptr;
  }
  // True for a rule written over tokens, which matches with token_regex()
  // over a clause's token string and never compiles its loose or own pattern.
  bool is_token_rule() const { return !token_pattern_.empty(); }
  // The matcher of its pattern over token strings (token_matcher.h),
  // compiled by the first call; null when it does not read the pattern.
  const TokenMatcher* token_matcher() const;
  // The rule's pattern over token strings, compiled by the first call, and
  // how its groups map to the rule's.
  const TokenProgram& token_program() const;
  // The pattern over token strings with its groups, compiled by the first
  // call: RE2 finds the match where the token matcher's search gives up, and
  // reads the groups of a match too long for the matcher.
  const re2::RE2& token_capture_regex() const;
  const std::vector<Guard>& guards() const { return guards_; }
  // Its groups and what it needs present (rule_shape.h), known without
  // compiling.
  const RuleShape& shape() const { return shape_; }
  // The names of the rule's captures by group number.
  const std::map<int, std::string>& capture_names() const {
    return shape_.group_names;
  }
  int group_count() const { return shape_.group_count; }
  // The group named `fact`, which narrows a match's fact to part of it; 0 if
  // none.
  int fact_group() const { return fact_group_; }
  // True when a non-empty match's fact is known to be non-empty and to end
  // where the match ends (the `fact` group, which cannot match "", closes the
  // rule's only pattern), so the guards that read the text after the fact
  // can run before the captures are read.
  bool fact_ends_match() const { return shape_.fact_ends_match; }
  // Group numbers (1-based) whose base name (before any "__") is `name`, in
  // order.
  const std::vector<int>* GroupsNamed(std::string_view name) const;
  // True when a match of the loose pattern, with its captures read, tells
  // whether the rule's own pattern matches the same text: the rule has an own
  // pattern and each of its strict parts is read once per match.
  bool strict_parts_decide() const { return !strict_parts_.empty(); }
  // Given the captures of a loose match in `whole` (group 0..group_count()),
  // true when each strict part that took part holds a match of its fragment:
  // the own pattern then matches that text (the same path through it does).
  // False says nothing.
  bool StrictPartsHold(const re2::StringPiece& whole,
                       const re2::StringPiece* groups,
                       TokenMatchScratch* scratch) const;

 private:
  // Compiles `pattern` (the spec's own or loose one) with the tables expanded.
  std::unique_ptr<re2::RE2> Compile(const std::string& pattern) const;

  const RuleSpec* spec_;
  const RuleSet* rules_;
  RuleShape shape_;
  bool has_own_pattern_;
  mutable std::once_flag loose_regex_once_;
  mutable std::unique_ptr<re2::RE2> loose_regex_;
  mutable std::once_flag own_regex_once_;
  mutable std::unique_ptr<re2::RE2> own_regex_;
  std::string token_pattern_;
  std::vector<const StrictFragment*> number_checks_;
  mutable std::once_flag token_program_once_;
  mutable TokenProgram token_program_;
  mutable std::once_flag token_matcher_once_;
  mutable std::unique_ptr<TokenMatcher> token_matcher_;
  mutable std::once_flag token_capture_once_;
  mutable std::unique_ptr<re2::RE2> token_capture_regex_;
  std::vector<Guard> guards_;
  std::vector<StrictPart> strict_parts_;
  int fact_group_ = 0;
  std::vector<std::pair<std::string, std::vector<int>>> groups_by_name_;
};

// A match of a rule that passed its guards; offsets into the normalized text.
struct Candidate {
  std::uint32_t rule = 0;
  std::uint32_t groups =
      0;  // index of this match's group 0 in RuleScratch::groups
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Per-call buffers, reused across calls.
struct RuleScratch {
  std::vector<Candidate> candidates;
  std::vector<std::string_view>
      groups;  // group 0..n of each candidate, back to back
  std::vector<re2::StringPiece> match_groups;
  // What the prefilter's atoms found in one clause (or text) satisfy: their
  // need lists (RuleEngine::list_bits_), each once, in the order found; the
  // pass that last found each list, so that it is listed once without
  // sorting; the rules they allow.
  std::vector<std::uint32_t> clause_need_lists;
  std::vector<std::uint32_t> need_list_pass;
  std::uint32_t pass = 0;
  std::vector<int> potential_rules;
  // Which of the rules' clauses of needs (RuleShape::needs) the clause's
  // atoms satisfy, one bit each (RuleEngine::NeedBits).
  std::vector<std::uint64_t> satisfied_needs;
  // The token string of the clause that rules over tokens run on, built by
  // the first of them, and their captures in it.
  TokenText token_text;
  std::vector<re2::StringPiece> token_groups;
  TokenMatchScratch token_match;
  std::vector<std::int32_t> token_offsets;
  // Numbers a rule's search gave a stand-in form, with their own symbols
  // (NumberSymbolOffset), to put back when the search is done.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> unformed_numbers;
};

// The whole rule set, compiled. Immutable once built; thread-safe.
class RuleEngine {
 public:
  // Builds an engine for `rules`. kRuleSyntax names the source, line and rule
  // of a pattern that RE2 rejects (with RE2's message) and of a bad guard.
  // The first `verified_rules` rules were verified when the library was built
  // (the built-in ones, which capture_forms_test builds with every check), so
  // their own patterns wait for their first use; the others are verified here.
  // `shapes`, if given, are the shapes of the first shapes->size() rules
  // (derived when the library was built: builtin_rule_shapes.h), whose loose
  // patterns then also wait for their first use; the other rules' loose
  // patterns are compiled here to derive theirs.
  static Result<std::unique_ptr<RuleEngine>> Build(
      RuleSet rules, std::size_t verified_rules = 0,
      const std::vector<RuleShape>* shapes = nullptr);
  ~RuleEngine();

  const RuleSet& rules() const { return rules_; }
  std::size_t size() const { return compiled_.size(); }
  const CompiledRule& rule(std::size_t id) const { return compiled_[id]; }
  // Compiles rule `id`'s own pattern, if not yet, and checks it: RE2 accepts
  // it, and the loose pattern has the same captures.
  Status Verify(std::size_t id) const;
  RuleTables tables() const { return RuleTables(&rules_); }

  // Matches never cross a segment end. Text is matched segment by segment, so
  // that what a call keeps (candidates and their captures) is bounded by a
  // segment, whatever the size of the text: 16 KiB of whole clauses, or the
  // first 16 KiB of a longer clause (which prose never has), cut after a comma
  // or space where the window's second half has one.
  static constexpr std::size_t kSegmentBytes = 16 * 1024;

  // True when some rule of a kind in `kind_mask` and a language in
  // `language_mask` (see FindCandidates) may match somewhere in `text`: one
  // prefilter pass. Text without a figure stops here. `scratch` holds the
  // pass's atoms.
  bool MayMatch(std::string_view text, unsigned kind_mask,
                unsigned language_mask, RuleScratch* scratch) const;

  // The end of the segment of `document`'s text that starts at `begin`
  // (< text size).
  static std::size_t SegmentEnd(const Document& document, std::size_t begin);

  // Appends to scratch->candidates every guarded match in text[begin, end) (a
  // segment, or several) of `document`'s text, of the rules whose kind bit
  // (1 << RuleKind) is in `kind_mask` and which share a Language bit with
  // `language_mask`; the other rules do not run. The document's clauses are
  // matched one at a time; matches never cross them.
  void FindCandidates(const Document& document, std::size_t begin,
                      std::size_t end, unsigned kind_mask,
                      unsigned language_mask, RuleScratch* scratch) const;

  // The same over all of `document`'s text, segment by segment, after
  // MayMatch, for every language.
  void FindCandidates(const Document& document, unsigned kind_mask,
                      RuleScratch* scratch) const;

  // A view of a candidate's captures; `document` is the one the candidate was
  // found in.
  RuleMatch MatchOf(const Document& document, const Candidate& candidate,
                    const RuleScratch& scratch) const;

 private:
  RuleEngine() = default;
  // The need lists of the atoms that lie within text[begin, end), each once,
  // in scratch->clause_need_lists; false when one of the atoms is a character
  // that folds to an ASCII letter (kFoldsToAscii), where every rule must run.
  bool FindAtoms(std::string_view text, std::size_t begin, std::size_t end,
                 RuleScratch* scratch) const;
  // The rules that the need lists in scratch->clause_need_lists allow (every
  // rule when `all_rules`), in scratch->potential_rules, in rule order.
  void PotentialRules(bool all_rules, RuleScratch* scratch) const;
  void MatchClause(std::string_view text, std::size_t begin, std::size_t end,
                   unsigned kind_mask, unsigned language_mask,
                   RuleScratch* scratch) const;
  // True when rule `id` runs for these masks (FindCandidates).
  bool Selected(int id, unsigned kind_mask, unsigned language_mask) const {
    const RuleSpec& spec = compiled_[id].spec();
    return (kind_mask >> static_cast<unsigned>(spec.kind) & 1u) != 0 &&
           (spec.languages & language_mask) != 0;
  }
  void MatchRule(std::uint32_t id, std::string_view text, std::size_t begin,
                 std::size_t end, RuleScratch* scratch) const;
  // The leftmost match of `rule` (over tokens) that starts at or after `pos`
  // in the clause text[begin, end), over the clause's token string (built on
  // first use), whose numbers are of their classes; its groups, in the text,
  // in groups[0, group_count).
  // The gap characters no rule over tokens reads (lexing/token_text.h),
  // worked out on the first call from the rules' matchers (compiling them
  // all): a cost of the first text that rules over tokens run on, not of
  // building the engine.
  const UnreadCharacters& Unread() const;
  bool FindTokenMatch(const CompiledRule& rule, std::string_view text,
                      std::size_t begin, std::size_t pos, std::size_t end,
                      int group_count, re2::StringPiece* groups,
                      RuleScratch* scratch) const;
  // Builds the prefilter from the rules' shapes.
  void BuildPrefilter();
  // The strict parts of a rule with this spec and shape, if they decide
  // (CompiledRule::strict_parts_decide), with their fragments added to
  // strict_fragments_.
  std::vector<StrictPart> StrictPartsOf(const RuleSpec& spec,
                                        const RuleShape& shape);

  RuleSet rules_;
  // The text of every atom of every rule's needs, once (kWordStartMark
  // dropped), and then the characters that fold to ASCII letters
  // (kFoldsToAscii). Atoms the matcher cannot look for byte by byte (they hold
  // a non-ASCII letter, which RE2 folds by Unicode case) are left out, and a
  // clause of needs that holds one counts as satisfied in every text, which
  // can only let more rules run; so does a clause of a rule of English alone
  // that holds an atom English prose nearly always holds (one letter, a
  // space).
  std::unique_ptr<LiteralMatcher> atoms_;
  // The rules' clauses of needs that the prefilter checks are numbered
  // across all rules, a rule's in a row, and a set of them is a bitset of
  // need_words_ words, read as the words that are not zero. The clauses an
  // atom satisfies are its need list; atoms that satisfy the same clauses
  // (the digits, the Chinese numerals) share one. Need list L is
  // list_bits_[list_bits_begin_[L], list_bits_begin_[L + 1]); rule R's
  // clauses, all of which a clause of text must satisfy for R to run, are
  // rule_bits_[rule_bits_begin_[R], rule_bits_begin_[R + 1]) (none for a
  // rule that needs nothing).
  struct NeedBits {
    std::uint32_t word;
    std::uint64_t bits;
  };
  std::size_t need_words_ = 0;
  std::vector<NeedBits> list_bits_;
  std::vector<std::uint32_t> list_bits_begin_;
  std::vector<NeedBits> rule_bits_;
  std::vector<std::uint32_t> rule_bits_begin_;
  // The first clause of each rule that has some, as a bitset of need_words_
  // words, and the rule each is the first of.
  std::vector<std::uint64_t> first_need_bits_;
  std::vector<std::uint32_t> rule_of_first_need_;
  // The need list of each of the matcher's keys (an empty one if only a
  // marked atom has its text). An atom marked kWordStartMark (rule_file.h)
  // shares the key of its text with the unmarked atom, and has a need list of
  // its own, which the key satisfies only where it starts a word: the keys
  // below word_start_keys_ have one, in word_start_list_of_key_.
  std::vector<std::uint32_t> need_list_of_key_;
  int word_start_keys_ = 0;
  std::vector<std::uint32_t> word_start_list_of_key_;
  // The rules that run where no atom is found: those that need nothing.
  std::vector<int> rules_without_atoms_;
  std::deque<CompiledRule> compiled_;  // a deque: rules do not move
  // The fragments with a loose form that rules' strict parts hold, and the
  // number classes of rules over tokens, by name.
  std::map<std::string, StrictFragment, std::less<>> strict_fragments_;
  // For rules over tokens (token_rules.h), when the rule set has some: the
  // lexer of the tables the rules read, and the characters no rule reads,
  // worked out by the first Unread().
  std::unique_ptr<Lexer> lexer_;
  mutable std::once_flag unread_once_;
  mutable UnreadCharacters unread_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_RULE_ENGINE_H_
