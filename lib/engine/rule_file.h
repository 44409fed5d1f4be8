// The rule file format (docs/rules.md): parsed, fragments expanded, not yet
// compiled.
//
//   # A comment.
//   define NUM  [0-9]+(?:\.[0-9]+)?
//   table currency
//     美元  USD
//     元    CNY
//   rule money.zh.arabic
//     kind      money
//     priority  10
//     pattern   (?P<num>{NUM})(?P<cur>{@currency})
//     guard     not_after :digit
//     language  zh
//     example   投资300亿元 => 300亿元 = 30000000000 CNY exact
//     counter   面积3.6万亩
//
//   loose NUM  [0-9.]+
//   needs NUM  0 1 2 3 4 5 6 7 8 9
//
// `{NAME}` expands to `(?:fragment)`; `{@TABLE}` to an alternation of the
// table's keys, longest first, quoted. `loose NAME PATTERN` gives a fragment a
// looser stand-in, which must match everything the fragment matches, for the
// two places where that is safe and a smaller program is faster: the prefilter,
// and reading the captures of a match already found (rule_engine.h). `needs
// NAME WORD...` states that every match of NAME (and of its loose form) holds
// one of the words, which the prefilter then looks for where a rule uses NAME:
// RE2 derives nothing from a fragment as large as the numeral grammar
// (rule_shape.h). Fragments
// and tables are shared across all files of a rule set, so later files (and a
// user's custom rules) use and extend earlier ones.
#ifndef FACTX_LIB_ENGINE_RULE_FILE_H_
#define FACTX_LIB_ENGINE_RULE_FILE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"
#include "factx/status.h"

namespace factx::internal {

// What a rule's match becomes.
enum class RuleKind : unsigned char {
  kMoney,
  kPercent,
  kDate,
  // Claims its span so that no other rule's fact can overlap it (durations such
  // as 12个月, areas such as 3.6万亩), and reports nothing.
  kBlock,
};

// A guard: a check in C++ on the text around a match (RE2 has no lookaround).
struct GuardSpec {
  std::string name;               // e.g. "not_after", "not_before"
  std::vector<std::string> args;  // e.g. ":digit", "亩", "@measure_unit"
  int line = 0;
};

// `example INPUT => SPAN = DESCRIPTION`: run on the whole rule set with the
// reference date 2020-05-06, INPUT must give a fact from this rule whose text
// is SPAN and whose description (fact_description.h) is DESCRIPTION. SPAN and
// DESCRIPTION are optional.
struct RuleExample {
  std::string input;
  std::string span;  // empty: only that the rule finds something in INPUT
  std::string description;  // empty: not checked
  int line = 0;
};

// How a fragment's loose form opens in loose patterns: each use is a capture
// (a "strict part") named strict__NAME_N, N counting the rule's strict parts
// from 1. The engine reads these to tell whether the rule's own pattern
// matches the text the loose pattern matched (rule_engine.h); rules may not
// name captures so.
inline constexpr std::string_view kStrictPartName = "strict__";
inline constexpr std::string_view kStrictPartPrefix = "(?P<strict__";

// A needed word (`needs NAME \bWORD`, RuleSet::fragment_needs) or atom
// (rule_shape.h) that opens with this byte holds only where the rest of it
// starts a run of letters: the byte before it is no ASCII letter, or there is
// none. `one` then holds in "one million" but not in "money". That is where
// RE2's \b holds and a little more (after a digit or '_', as 5one), so the
// prefilter keeps every rule that may match; and it is where the lexer reads
// a table word that starts with a letter (lexing/lexer.h), which marks the
// keys of the tables a rule over tokens reads. The rest starts with an ASCII
// letter, digit or '_'.
inline constexpr char kWordStartMark = '\x01';

// True when `atom` opens with kWordStartMark, which it then drops.
inline bool RemoveWordStartMark(std::string_view* atom) {
  if (atom->empty() || atom->front() != kWordStartMark) return false;
  atom->remove_prefix(1);
  return true;
}

// Gives each strict part of `pattern` a name of its own, as RE2 wants: the
// fragments' loose forms (RuleSet::loose_fragments) open each with
// "(?P<strict__NAME_#>", and a rule's loose pattern has them numbered in
// order, "(?P<strict__NAME_1>", "(?P<strict__NAME_2>"...
void NumberStrictParts(std::string* pattern);

// True when `group_name` names a strict part.
inline bool IsStrictPart(std::string_view group_name) {
  return group_name.substr(0, kStrictPartName.size()) == kStrictPartName;
}

struct RuleSpec {
  std::string name;
  RuleKind kind = RuleKind::kBlock;
  int priority = 0;
  std::string pattern;  // fragments expanded ({@table} is left to the engine)
  // A rule written over tokens (`tokens` lines, engine/token_rules.h): its
  // pattern with each fragment in its tokens form (RuleSet::token_fragments);
  // `pattern` is then the one it stands for in text ({#NAME} read as {NAME}),
  // for its needs, shape and captures. Empty for a rule written over text.
  std::string token_pattern;
  // The same with each fragment's `loose` form, in a capture of its own (a
  // strict part: kStrictPartPrefix); rule_engine.h uses it for the prefilter
  // and for captures.
  std::string loose_pattern;
  // The loose pattern with each fragment that declares its needs written as
  // {@!NAME}, from which the rule's shape is derived (rule_shape.h).
  std::string needs_pattern;
  std::vector<GuardSpec> guards;
  std::vector<RuleExample> examples;
  // `counter INPUT`: INPUT gives no fact from this rule.
  std::vector<RuleExample> counters;
  // Language bits (factx/extractor.h): the call's ExtractOptions::languages
  // must share one for the rule to run. The folder's language for a built-in
  // rule, every language for a custom one, unless it says `language zh`.
  unsigned languages = kAllLanguages;
  std::string source;  // file name, for messages
  int line = 0;        // line of `rule NAME`
};

// A table: keys (words as they appear in normalized text) to values (an ISO
// code, a qualifier, an investment kind, ...). A key may hold spaces; the value
// is the last word of its line. Later entries for the same key replace earlier
// ones.
struct RuleTable {
  std::map<std::string, std::string, std::less<>> entries;
  // Where each line of the table was written, in order (a key written twice
  // has two), so that a check of the rule schema (rule_schema.h) can name the
  // line of a bad value.
  struct Line {
    std::string key;
    std::string value;
    std::string source;
    int line = 0;
  };
  std::vector<Line> lines;
  // Where the table was first opened (`table NAME`).
  std::string source;
  int line = 0;
};

struct RuleSet {
  std::vector<RuleSpec> rules;
  std::map<std::string, RuleTable, std::less<>> tables;
  std::map<std::string, std::string, std::less<>> fragments;  // expanded
  // Each fragment's loose form: its `loose` pattern if it has one (in a strict
  // part, not yet numbered: NumberStrictParts), else its own pattern with the
  // loose forms of the fragments it uses.
  std::map<std::string, std::string, std::less<>> loose_fragments;
  // Each fragment's form in needs patterns (RuleSpec::needs_pattern), and the
  // words of the fragments that declare `needs NAME WORD...`: every match of
  // the fragment, and of its loose form, holds one of them.
  std::map<std::string, std::string, std::less<>> needs_fragments;
  std::map<std::string, std::vector<std::string>, std::less<>> fragment_needs;
  // Each fragment's form in tokens patterns (RuleSpec::token_pattern): the
  // fragments it uses in their tokens forms, its number classes ({#NAME})
  // and tables ({@TABLE}) as written.
  std::map<std::string, std::string, std::less<>> token_fragments;
};

// Parses `text` (from `source`, a name for messages) and appends its rules,
// tables and fragments to *rules; its rules are of `languages` unless they say
// otherwise. kRuleSyntax names the source, line, rule and what is wrong.
// Patterns are not compiled here (see rule_engine.h).
Status ParseRuleText(std::string_view text, std::string_view source,
                     RuleSet* rules, unsigned languages = kAllLanguages);

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_RULE_FILE_H_
