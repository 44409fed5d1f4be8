// Where matching time goes, rule by rule, on the benchmark's news corpus
// (news_corpus.h, normalized as Extract would). For each built-in rule over
// text with a match: the size of its programs (RE2 instructions), how many
// matches it has, and the time to read their captures, the step RE2 does
// with its NFA unless a program has at most kBitStateLimit instructions;
// sorted by capture time, the costliest first. Then each rule over tokens:
// the size of the token matcher's program (token_matcher.h), which both
// finds its matches (its DFA runs over it) and reads their captures, or of
// RE2's program with groups where the matcher does not read the pattern;
// sorted by size. (Their matches are over token strings, which the engine keeps
// to itself: bench/warm_pass and callgrind time them.)
//
//   build-perf/bench/rule_profile            # 320 KB corpus, best of 5 runs
//   build-perf/bench/rule_profile --top 10
//
// docs/performance.md reads this table; it is a measuring tool, not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "news_corpus.h"
#include "text/text_normalizer.h"

namespace factx::bench {
namespace {

using internal::CompiledRule;
using internal::RuleEngine;

constexpr std::uint64_t kSeed = 2020;
constexpr std::size_t kCorpusBytes = 320 << 10;
constexpr int kRuns = 5;
// RE2 reads captures with its backtracker (BitState) only for programs of at
// most this many instructions; larger ones go to its NFA.
constexpr int kBitStateLimit = 512;

struct RuleCost {
  std::string name;
  int find_program = 0;
  int capture_program = 0;
  int groups = 0;
  std::size_t matches = 0;
  double capture_us = 0;  // all matches, best run
  const char* engine = "";
};

using Clock = std::chrono::steady_clock;

double MicrosSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start)
      .count();
}

std::unique_ptr<RuleEngine> BuiltInEngine() {
  internal::RuleSet rules;
  for (const internal::BuiltinRuleFile& file : internal::BuiltinRuleFiles()) {
    if (!internal::ParseRuleText(file.text, file.path, &rules).ok())
      return nullptr;
  }
  auto engine = RuleEngine::Build(std::move(rules));
  return engine.ok() ? std::move(engine).value() : nullptr;
}

// The corpus, normalized, one document after another.
std::string NormalizedCorpus() {
  auto normalizer = internal::TextNormalizer::Create();
  if (!normalizer.ok()) return {};
  std::string all;
  internal::NormalizedText normalized;
  for (const NewsDocument& doc : GenerateNewsCorpus(kCorpusBytes, kSeed)) {
    if (normalizer->Normalize(doc.text, false, &normalized).ok()) {
      all.append(normalized.text());
      all.push_back('\n');
    }
  }
  return all;
}

// A rule over tokens: its programs' sizes.
RuleCost ProfileTokenRule(const CompiledRule& rule) {
  RuleCost cost;
  cost.name = rule.spec().name;
  const internal::TokenProgram& program = rule.token_program();
  cost.find_program = program.matcher != nullptr
                          ? static_cast<int>(program.matcher->size())
                          : program.regex->ProgramSize();
  cost.capture_program = cost.find_program;
  cost.groups = rule.group_count();
  cost.engine = program.matcher != nullptr               ? "matcher"
                : cost.capture_program <= kBitStateLimit ? "BitState"
                                                         : "NFA";
  return cost;
}

RuleCost Profile(const CompiledRule& rule, std::string_view text) {
  RuleCost cost;
  cost.name = rule.spec().name;
  cost.find_program = rule.regex().ProgramSize();
  const re2::RE2& capture =
      rule.capture_regex() != nullptr ? *rule.capture_regex() : rule.regex();
  cost.capture_program = capture.ProgramSize();
  cost.groups = rule.group_count();
  // Where the rule matches (its DFA only), as the engine finds them.
  const re2::StringPiece whole(text.data(), text.size());
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  re2::StringPiece found;
  for (std::size_t pos = 0;
       pos < text.size() &&
       rule.regex().Match(whole, pos, text.size(), re2::RE2::UNANCHORED, &found,
                          1);) {
    const std::size_t begin = found.data() - text.data();
    spans.emplace_back(begin, begin + found.size());
    pos = std::max(begin + found.size(), begin + 1);
  }
  cost.matches = spans.size();
  std::vector<re2::StringPiece> groups(cost.groups + 1);
  cost.capture_us = 1e300;
  for (int run = 0; run < kRuns; ++run) {
    const Clock::time_point start = Clock::now();
    for (const auto& [begin, end] : spans) {
      capture.Match(whole, begin, end, re2::RE2::ANCHOR_BOTH, groups.data(),
                    cost.groups + 1);
    }
    cost.capture_us = std::min(cost.capture_us, MicrosSince(start));
  }
  return cost;
}

int Run(int top) {
  std::unique_ptr<RuleEngine> engine = BuiltInEngine();
  const std::string text = NormalizedCorpus();
  if (engine == nullptr || text.empty()) {
    std::fprintf(stderr, "rule_profile: cannot build the rules or corpus\n");
    return 1;
  }
  std::vector<RuleCost> costs, token_costs;
  for (std::size_t id = 0; id < engine->size(); ++id) {
    const CompiledRule& rule = engine->rule(id);
    if (rule.is_token_rule()) {
      token_costs.push_back(ProfileTokenRule(rule));
      continue;
    }
    RuleCost cost = Profile(rule, text);
    if (cost.matches > 0) costs.push_back(std::move(cost));
  }
  std::sort(costs.begin(), costs.end(), [](const auto& a, const auto& b) {
    return a.capture_us > b.capture_us;
  });
  std::sort(token_costs.begin(), token_costs.end(),
            [](const auto& a, const auto& b) {
              return a.capture_program > b.capture_program;
            });
  double total_us = 0;
  std::size_t total_matches = 0;
  for (const RuleCost& cost : costs) {
    total_us += cost.capture_us;
    total_matches += cost.matches;
  }
  std::printf(
      "%zu bytes of normalized news; %zu rules over text match %zu times; "
      "reading captures: %.1f ms\n\n",
      text.size(), costs.size(), total_matches, total_us / 1000);
  std::printf("%-28s %8s %8s %6s %8s %9s %9s\n", "rule", "find", "capture",
              "groups", "matches", "us/match", "engine");
  for (std::size_t i = 0; i < costs.size() && static_cast<int>(i) < top; ++i) {
    const RuleCost& cost = costs[i];
    std::printf("%-28s %8d %8d %6d %8zu %9.2f %9s\n", cost.name.c_str(),
                cost.find_program, cost.capture_program, cost.groups,
                cost.matches, cost.capture_us / cost.matches,
                cost.capture_program <= kBitStateLimit ? "BitState" : "NFA");
  }
  std::printf("\n%zu rules over tokens\n\n%-28s %8s %8s %6s %9s\n",
              token_costs.size(), "rule", "find", "capture", "groups",
              "engine");
  for (std::size_t i = 0; i < token_costs.size() && static_cast<int>(i) < top;
       ++i) {
    const RuleCost& cost = token_costs[i];
    std::printf("%-28s %8d %8d %6d %9s\n", cost.name.c_str(), cost.find_program,
                cost.capture_program, cost.groups, cost.engine);
  }
  return 0;
}

}  // namespace
}  // namespace factx::bench

int main(int argc, char** argv) {
  int top = 1 << 20;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--top") == 0 && i + 1 < argc) {
      top = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: rule_profile [--top N]\n");
      return 2;
    }
  }
  return factx::bench::Run(top);
}
