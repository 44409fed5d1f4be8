#include "rule_engine.h"

#include <algorithm>
#include <utility>

#include "utf8.h"

namespace factx::internal {
namespace {

// Memory for the prefilter's DFA; past it RE2::Set reports an error and every
// rule of the clause is tried instead (slower, same result).
constexpr std::int64_t kPrefilterMaxMem = std::int64_t{64} << 20;
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

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);  // a library never writes to stderr
  options.set_longest_match(true);
  options.set_max_mem(kRuleMaxMem);
  return options;
}

// Replaces each {@TABLE} of `pattern` (spec's pattern or loose pattern)
// with an alternation of the table's keys, longest first.
Status ExpandTables(const RuleSpec& spec, const std::string& pattern,
                    const RuleSet& rules, std::string* out) {
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out->append(pattern, i, 2);
      i += 2;
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
                      spec.source + ":" + std::to_string(spec.line) +
                          ": rule " + spec.name +
                          ": unknown or empty table {@" + name + "}");
      }
      std::vector<std::string_view> keys;
      for (const auto& entry : table->second.entries)
        keys.push_back(entry.first);
      std::stable_sort(keys.begin(), keys.end(),
                       [](std::string_view a, std::string_view b) {
                         return a.size() > b.size();
                       });
      out->append("(?:");
      for (std::size_t k = 0; k < keys.size(); ++k) {
        if (k > 0) out->push_back('|');
        out->append(
            RE2::QuoteMeta(re2::StringPiece(keys[k].data(), keys[k].size())));
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

// Clause ends: 。！？；!?; line breaks, and text breaks (guards.h), which no
// match may cross.
bool IsClauseEnd(std::string_view text, std::size_t i, std::size_t* length) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  *length = 1;
  if (c == '\n' || c == '\r' || c == '!' || c == '?' || c == ';') return true;
  if (const std::size_t break_length = TextBreakLength(text, i)) {
    *length = break_length;
    return true;
  }
  if (c == 0xE3 && text.compare(i, 3, "。") == 0) {
    *length = 3;
    return true;
  }
  if (c == 0xEF && text.compare(i, 3, "；") == 0) {
    *length = 3;
    return true;
  }
  return false;
}

std::size_t NextCodePoint(std::string_view text, std::size_t pos) {
  ++pos;
  while (pos < text.size() && !IsCodePointBoundary(text, pos)) ++pos;
  return pos;
}

}  // namespace

CompiledRule::CompiledRule(const RuleSpec* spec, std::unique_ptr<RE2> regex,
                           std::unique_ptr<RE2> capture_regex,
                           std::vector<Guard> guards)
    : spec_(spec),
      regex_(std::move(regex)),
      capture_regex_(std::move(capture_regex)),
      guards_(std::move(guards)) {
  group_count_ = regex_->NumberOfCapturingGroups();
  auto fact = regex_->NamedCapturingGroups().find("fact");
  if (fact != regex_->NamedCapturingGroups().end()) fact_group_ = fact->second;
  for (const auto& [index, full_name] : regex_->CapturingGroupNames()) {
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
CompiledRule::CompiledRule(CompiledRule&&) noexcept = default;

const std::vector<int>* CompiledRule::GroupsNamed(std::string_view name) const {
  for (const auto& entry : groups_by_name_) {
    if (entry.first == name) return &entry.second;
  }
  return nullptr;
}

RuleEngine::~RuleEngine() = default;

Result<std::unique_ptr<RuleEngine>> RuleEngine::Build(RuleSet rules) {
  std::unique_ptr<RuleEngine> engine(new RuleEngine());
  engine->rules_ = std::move(rules);
  const RE2::Options options = RuleOptions();
  RE2::Options set_options = options;
  set_options.set_max_mem(kPrefilterMaxMem);
  engine->prefilter_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  engine->compiled_.reserve(engine->rules_.rules.size());
  for (const RuleSpec& spec : engine->rules_.rules) {
    auto where = [&spec](int line) {
      return spec.source + ":" + std::to_string(line) + ": rule " + spec.name +
             ": ";
    };
    std::string pattern, loose_pattern;
    Status status = ExpandTables(spec, spec.pattern, engine->rules_, &pattern);
    if (status.ok()) {
      status = ExpandTables(spec, spec.loose_pattern, engine->rules_,
                            &loose_pattern);
    }
    if (!status.ok()) return status;
    auto regex = std::make_unique<RE2>(pattern, options);
    if (!regex->ok()) {
      return Status(StatusCode::kRuleSyntax,
                    where(spec.line) + "bad pattern: " + regex->error());
    }
    std::vector<Guard> guards(spec.guards.size());
    for (std::size_t g = 0; g < spec.guards.size(); ++g) {
      status = Guard::Compile(spec.guards[g], engine->rules_, &guards[g]);
      if (!status.ok()) {
        return Status(
            StatusCode::kRuleSyntax,
            spec.source + ":" + status.message() + " (rule " + spec.name + ")");
      }
    }
    std::string error;
    if (engine->prefilter_->Add(loose_pattern, &error) < 0) {
      return Status(StatusCode::kRuleSyntax,
                    where(spec.line) + "bad loose pattern: " + error);
    }
    // Captures are read with the loose pattern, a far smaller program for
    // RE2's NFA, once the rule's own pattern has found where a match is.
    std::unique_ptr<RE2> capture_regex;
    if (loose_pattern != pattern) {
      capture_regex = std::make_unique<RE2>(loose_pattern, options);
      if (capture_regex->NumberOfCapturingGroups() !=
              regex->NumberOfCapturingGroups() ||
          capture_regex->CapturingGroupNames() !=
              regex->CapturingGroupNames()) {
        return Status(
            StatusCode::kRuleSyntax,
            where(spec.line) + "loose forms must not add or remove captures");
      }
    }
    engine->compiled_.emplace_back(&spec, std::move(regex),
                                   std::move(capture_regex), std::move(guards));
  }
  if (!engine->compiled_.empty() && !engine->prefilter_->Compile()) {
    return Status(StatusCode::kInternal,
                  "RE2::Set could not compile the rules (out of memory)");
  }
  return engine;
}

bool RuleEngine::MayMatch(std::string_view text) const {
  if (compiled_.empty()) return false;
  // One prefilter pass, which stops at the first place a rule could match and
  // makes no match list (RE2::Set allocates one only when asked which rules
  // matched). A rule that cannot match the text cannot match a clause of it:
  // clause ends are non-word characters, so \b reads the same, and MatchRule
  // matches within the whole text.
  RE2::Set::ErrorInfo error;
  return prefilter_->Match(re2::StringPiece(text.data(), text.size()), nullptr,
                           &error) ||
         error.kind != RE2::Set::kNoError;
}

std::size_t RuleEngine::SegmentEnd(std::string_view text, std::size_t begin) {
  const std::size_t limit = begin + kSegmentBytes;
  if (limit >= text.size()) return text.size();
  std::size_t last_clause_end = begin;
  for (std::size_t i = begin; i < limit;) {
    std::size_t length = 1;
    if (IsClauseEnd(text, i, &length)) last_clause_end = i + length;
    i += length;
  }
  if (last_clause_end > begin) return last_clause_end;
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

void RuleEngine::FindCandidates(std::string_view text, unsigned kind_mask,
                                RuleScratch* scratch) const {
  if (!MayMatch(text)) return;
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = SegmentEnd(text, begin);
    FindCandidates(text, begin, end, kind_mask, scratch);
    begin = end;
  }
}

void RuleEngine::FindCandidates(std::string_view text, std::size_t begin,
                                std::size_t end, unsigned kind_mask,
                                RuleScratch* scratch) const {
  if (compiled_.empty()) return;
  std::size_t clause_begin = begin;
  for (std::size_t i = begin; i < end;) {
    std::size_t length = 1;
    if (IsClauseEnd(text, i, &length)) {
      if (i > clause_begin)
        MatchClause(text, clause_begin, i, kind_mask, scratch);
      clause_begin = i + length;
    }
    i += length;
  }
  if (end > clause_begin) {
    MatchClause(text, clause_begin, end, kind_mask, scratch);
  }
}

void RuleEngine::MatchClause(std::string_view text, std::size_t begin,
                             std::size_t end, unsigned kind_mask,
                             RuleScratch* scratch) const {
  std::vector<int>& hits = scratch->set_hits;
  hits.clear();
  RE2::Set::ErrorInfo error;
  const re2::StringPiece clause(text.data() + begin, end - begin);
  if (!prefilter_->Match(clause, &hits, &error)) {
    if (error.kind == RE2::Set::kNoError)
      return;  // no rule can match this clause
    // The prefilter could not look (DFA out of memory): try every rule instead.
    hits.clear();
    for (std::size_t id = 0; id < compiled_.size(); ++id)
      hits.push_back(static_cast<int>(id));
  }
  std::sort(hits.begin(), hits.end());
  for (int id : hits) {
    const unsigned kind_bit =
        1u << static_cast<unsigned>(compiled_[id].spec().kind);
    if ((kind_mask & kind_bit) == 0) continue;
    MatchRule(static_cast<std::uint32_t>(id), text, begin, end, scratch);
  }
}

void RuleEngine::MatchRule(std::uint32_t id, std::string_view text,
                           std::size_t begin, std::size_t end,
                           RuleScratch* scratch) const {
  const CompiledRule& rule = compiled_[id];
  const int group_count = rule.group_count() + 1;
  std::vector<re2::StringPiece>& groups = scratch->match_groups;
  groups.assign(group_count, re2::StringPiece());
  const re2::StringPiece whole(text.data(), text.size());
  // With a capture regex, the rule's own finds where the match is (its DFA
  // alone: no captures asked), and the capture regex, anchored at both ends of
  // that match, reads the captures: RE2's NFA, which captures need, costs
  // in proportion to the program, and the loose one is a tenth of the size.
  const RE2* capture_regex = rule.capture_regex();
  std::size_t pos = begin;
  int retries = 0;
  while (pos < end) {
    if (!rule.regex().Match(whole, pos, end, RE2::UNANCHORED, groups.data(),
                            capture_regex != nullptr ? 1 : group_count)) {
      break;
    }
    if (capture_regex != nullptr && group_count > 1) {
      const std::size_t found_begin =
          static_cast<std::size_t>(groups[0].data() - text.data());
      const std::size_t found_end = found_begin + groups[0].size();
      // The loose pattern matches everything the rule's does; should it not
      // (a custom loose form that is not looser), the rule's own reads them.
      if (!capture_regex->Match(whole, found_begin, found_end, RE2::ANCHOR_BOTH,
                                groups.data(), group_count) &&
          !rule.regex().Match(whole, found_begin, found_end, RE2::ANCHOR_BOTH,
                              groups.data(), group_count)) {
        break;  // cannot happen: the rule matched this very text
      }
    }
    const std::size_t match_begin =
        static_cast<std::size_t>(groups[0].data() - text.data());
    const std::size_t match_end = match_begin + groups[0].size();
    // A `fact` capture narrows the fact to part of the match: the rest is
    // context the rule requires but does not report (what lookaround would do,
    // which RE2 lacks).
    std::size_t fact_begin = match_begin, fact_end = match_end;
    if (rule.fact_group() > 0 && groups[rule.fact_group()].data() != nullptr) {
      const re2::StringPiece& fact = groups[rule.fact_group()];
      fact_begin = static_cast<std::size_t>(fact.data() - text.data());
      fact_end = fact_begin + fact.size();
    }
    if (fact_end == fact_begin) {  // empty matches carry no fact
      pos = NextCodePoint(text, match_begin);
      continue;
    }
    // The guard every rule has (a number is read whole), then the rule's own.
    bool allowed = !SplitsANumber(text, fact_begin, fact_end);
    for (std::size_t g = 0; allowed && g < rule.guards().size(); ++g) {
      allowed = rule.guards()[g].Allows(text, fact_begin, fact_end);
    }
    if (allowed) {
      Candidate candidate;
      candidate.rule = id;
      candidate.begin = fact_begin;
      candidate.end = fact_end;
      candidate.groups = static_cast<std::uint32_t>(scratch->groups.size());
      for (int g = 0; g < group_count; ++g) {
        scratch->groups.emplace_back(groups[g].data(), groups[g].size());
      }
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

RuleMatch RuleEngine::MatchOf(std::string_view text, const Candidate& candidate,
                              const RuleScratch& scratch) const {
  return RuleMatch(text, candidate.begin, candidate.end,
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
        return static_cast<std::size_t>(groups_[g].data() - text_.data());
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
