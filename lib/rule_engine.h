// Compiles a RuleSet and runs it over normalized text.
//
// An RE2::Set over every rule's prefilter pattern (rule_file.h: the pattern
// with looser stand-ins for the biggest fragments) picks, clause by clause, the
// rules that can match; only those run their own RE2 for positions and
// captures, and their guards filter the matches. Both RE2 and the Set run in
// time linear in the text.
#ifndef FACTX_LIB_RULE_ENGINE_H_
#define FACTX_LIB_RULE_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "factx/status.h"
#include "guards.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "rule_file.h"
#include "rule_match.h"

namespace factx::internal {

// One compiled rule. Immutable; thread-safe.
class CompiledRule {
 public:
  // `capture_regex`, the rule's loose pattern (rule_file.h), is null when it
  // is the rule's own pattern.
  CompiledRule(const RuleSpec* spec, std::unique_ptr<re2::RE2> regex,
               std::unique_ptr<re2::RE2> capture_regex,
               std::vector<Guard> guards);
  ~CompiledRule();
  CompiledRule(CompiledRule&&) noexcept;

  const RuleSpec& spec() const { return *spec_; }
  const re2::RE2& regex() const { return *regex_; }
  // Reads the captures of a match `regex` found, anchored at both its ends;
  // null when `regex` does that itself.
  const re2::RE2* capture_regex() const { return capture_regex_.get(); }
  const std::vector<Guard>& guards() const { return guards_; }
  int group_count() const { return group_count_; }
  // The group named `fact`, which narrows a match's fact to part of it; 0 if
  // none.
  int fact_group() const { return fact_group_; }
  // Group numbers (1-based) whose base name (before any "__") is `name`, in
  // order.
  const std::vector<int>* GroupsNamed(std::string_view name) const;

 private:
  const RuleSpec* spec_;
  std::unique_ptr<re2::RE2> regex_;
  std::unique_ptr<re2::RE2> capture_regex_;
  std::vector<Guard> guards_;
  int group_count_ = 0;
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
  std::vector<int> set_hits;
  std::vector<re2::StringPiece> match_groups;
};

// The whole rule set, compiled. Immutable once built; thread-safe.
class RuleEngine {
 public:
  // Compiles every rule. kRuleSyntax names the source, line and rule of a
  // pattern that RE2 rejects (with RE2's message) and of a bad guard.
  static Result<std::unique_ptr<RuleEngine>> Build(RuleSet rules);
  ~RuleEngine();

  const RuleSet& rules() const { return rules_; }
  std::size_t size() const { return compiled_.size(); }
  const CompiledRule& rule(std::size_t id) const { return compiled_[id]; }
  RuleTables tables() const { return RuleTables(&rules_); }

  // Matches never cross a segment end. Text is matched segment by segment, so
  // that what a call keeps (candidates and their captures) is bounded by a
  // segment, whatever the size of the text: 16 KiB of whole clauses, or the
  // first 16 KiB of a longer clause (which prose never has), cut after a comma
  // or space where the window's second half has one.
  static constexpr std::size_t kSegmentBytes = 16 * 1024;

  // True when some rule may match somewhere in `text`: one prefilter pass.
  // Text without a figure stops here.
  bool MayMatch(std::string_view text) const;

  // The end of the segment of `text` that starts at `begin` (< text.size()).
  static std::size_t SegmentEnd(std::string_view text, std::size_t begin);

  // Appends to scratch->candidates every guarded match in text[begin, end) (a
  // segment, or several) of the rules whose kind bit (1 << RuleKind) is in
  // `kind_mask`. Clauses (split at 。！？；!?; and line breaks) are matched one
  // at a time; matches never cross them.
  void FindCandidates(std::string_view text, std::size_t begin, std::size_t end,
                      unsigned kind_mask, RuleScratch* scratch) const;

  // The same over all of `text`, segment by segment, after MayMatch.
  void FindCandidates(std::string_view text, unsigned kind_mask,
                      RuleScratch* scratch) const;

  // A view of a candidate's captures.
  RuleMatch MatchOf(std::string_view text, const Candidate& candidate,
                    const RuleScratch& scratch) const;

 private:
  RuleEngine() = default;
  void MatchClause(std::string_view text, std::size_t begin, std::size_t end,
                   unsigned kind_mask, RuleScratch* scratch) const;
  void MatchRule(std::uint32_t id, std::string_view text, std::size_t begin,
                 std::size_t end, RuleScratch* scratch) const;

  RuleSet rules_;
  std::vector<CompiledRule> compiled_;
  std::unique_ptr<RE2::Set> prefilter_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_RULE_ENGINE_H_
