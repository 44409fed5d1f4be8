// Compiles a RuleSet and runs it over normalized text.
//
// A prefilter picks, clause by clause, the rules that can match: RE2's
// FilteredRE2 derives from each rule's loose pattern (rule_file.h: the pattern
// with looser stand-ins for the biggest fragments) the literal strings
// ("atoms") a match must contain, and one Aho-Corasick pass (LiteralMatcher)
// finds which atoms a text holds. Only the rules those atoms allow run their
// RE2s for positions and captures, and their guards filter the matches. Every
// step runs in time linear in the text.
#ifndef FACTX_LIB_ENGINE_RULE_ENGINE_H_
#define FACTX_LIB_ENGINE_RULE_ENGINE_H_

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
#include "engine/literal_matcher.h"
#include "engine/rule_file.h"
#include "engine/rule_match.h"
#include "factx/status.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"

namespace factx::internal {

// One compiled rule. Thread-safe; its own regex is compiled on first use, once.
class CompiledRule {
 public:
  // `loose_regex` is the rule's loose pattern (rule_file.h), owned by the
  // engine's prefilter; `own_pattern` is the rule's own pattern, empty when
  // the loose one is the same. The loose pattern has the own one's captures
  // (RuleEngine::Verify).
  CompiledRule(const RuleSpec* spec, const re2::RE2* loose_regex,
               std::string own_pattern, std::vector<Guard> guards);
  ~CompiledRule();
  CompiledRule(const CompiledRule&) = delete;
  CompiledRule& operator=(const CompiledRule&) = delete;

  const RuleSpec& spec() const { return *spec_; }
  // The rule's own pattern, compiled by the first call: most rules are never
  // asked to confirm a match in a short text, and the own programs of the
  // rules that embed the numeral grammar took half of building an engine.
  const re2::RE2& regex() const;
  // The rule's loose pattern, which matches wherever `regex` does (and maybe
  // more): it searches and reads captures, and `regex` takes its match where
  // the loose one found one; null when it is `regex` itself.
  const re2::RE2* capture_regex() const {
    return own_pattern_.empty() ? nullptr : loose_regex_;
  }
  const std::vector<Guard>& guards() const { return guards_; }
  // The names of the rule's captures by group number, read from the loose
  // pattern (the own one has the same), so the own one is not compiled.
  const std::map<int, std::string>& capture_names() const {
    return loose_regex_->CapturingGroupNames();
  }
  int group_count() const { return group_count_; }
  // The group named `fact`, which narrows a match's fact to part of it; 0 if
  // none.
  int fact_group() const { return fact_group_; }
  // True when a non-empty match's fact is known to be non-empty and to end
  // where the match ends (the `fact` group, which cannot match "", closes the
  // rule's only pattern), so the guards that read the text after the fact
  // can run before the captures are read.
  bool fact_ends_match() const { return fact_ends_match_; }
  // Group numbers (1-based) whose base name (before any "__") is `name`, in
  // order.
  const std::vector<int>* GroupsNamed(std::string_view name) const;

 private:
  const RuleSpec* spec_;
  const re2::RE2* loose_regex_;
  std::string own_pattern_;
  mutable std::once_flag own_regex_once_;
  mutable std::unique_ptr<re2::RE2> own_regex_;
  std::vector<Guard> guards_;
  int group_count_ = 0;
  int fact_group_ = 0;
  bool fact_ends_match_ = false;
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
  // The prefilter's atoms found in the current segment, as (atom, end offset)
  // in order of end; the atoms of one clause; the rules they allow.
  std::vector<std::pair<int, std::size_t>> atom_hits;
  std::vector<int> clause_atoms;
  std::vector<int> potential_rules;
};

// The whole rule set, compiled. Immutable once built; thread-safe.
class RuleEngine {
 public:
  // Compiles every rule. kRuleSyntax names the source, line and rule of a
  // pattern that RE2 rejects (with RE2's message) and of a bad guard. The
  // first `verified_rules` rules were verified when the library was built (the
  // built-in ones, which capture_forms_test builds with every check), so their
  // own patterns wait for their first use; the others are verified here.
  static Result<std::unique_ptr<RuleEngine>> Build(
      RuleSet rules, std::size_t verified_rules = 0);
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
  // The atoms found in text[begin, end), in scratch->atom_hits.
  void FindAtoms(std::string_view text, std::size_t begin, std::size_t end,
                 RuleScratch* scratch) const;
  // The rules that the atoms in scratch->clause_atoms (sorted, distinct)
  // allow, in scratch->potential_rules, in rule order.
  void PotentialRules(RuleScratch* scratch) const;
  void MatchClause(std::string_view text, std::size_t begin, std::size_t end,
                   unsigned kind_mask, unsigned language_mask,
                   RuleScratch* scratch) const;
  // True when rule `id` runs for these masks (FindCandidates).
  bool Selected(int id, unsigned kind_mask, unsigned language_mask) const;
  void MatchRule(std::uint32_t id, std::string_view text, std::size_t begin,
                 std::size_t end, RuleScratch* scratch) const;

  RuleSet rules_;
  // Owns every rule's loose RE2; declared before compiled_, which points into
  // it.
  std::unique_ptr<re2::FilteredRE2> prefilter_;
  std::unique_ptr<LiteralMatcher> atoms_;
  // Atoms the matcher cannot look for byte by byte (they hold a non-ASCII
  // letter, which RE2 folds by Unicode case): counted as present in every
  // clause, which can only let more rules run.
  std::vector<int> always_present_atoms_;
  // The rules that run where no atom is found (those FilteredRE2 cannot
  // filter, and those the always-present atoms allow).
  std::vector<int> rules_without_atoms_;
  // The rules each atom allows by itself (with the always-present atoms), by
  // atom: one such atom in a text answers MayMatch without FilteredRE2.
  std::vector<std::vector<int>> rules_of_atom_;
  std::deque<CompiledRule> compiled_;  // a deque: rules do not move
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_RULE_ENGINE_H_
