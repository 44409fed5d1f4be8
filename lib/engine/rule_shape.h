// What the rule engine must know of a rule before it compiles the rule's
// patterns: its capture groups, and the literal strings ("atoms") a text must
// hold for the rule to match there, which the prefilter looks for.
//
// Deriving a shape compiles the rule's loose pattern with RE2 and asks RE2's
// FilteredRE2 for its atoms: most of what building an engine used to cost. The
// built-in rules' shapes are derived when the library is built
// (builtin_rule_shapes.h), so an engine compiles a rule's programs only when a
// text first needs them; a user's custom rules are shaped when the engine is
// built.
#ifndef FACTX_LIB_ENGINE_RULE_SHAPE_H_
#define FACTX_LIB_ENGINE_RULE_SHAPE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"

namespace factx::internal {

struct RuleShape {
  // Capturing groups, numbered from 1, and the names of the named ones (as
  // RE2::CapturingGroupNames gives them).
  int group_count = 0;
  std::map<int, std::string> group_names;
  // What the rule needs, as clauses that must all hold: a clause holds when
  // the text contains any one of its atoms (lower case; ASCII letters match
  // either case; an atom marked kWordStartMark, rule_file.h, only where it
  // starts a word). No clause: the rule may match any text. This is a necessary
  // condition, never more: a text without an atom of some clause cannot hold a
  // match, so skipping the rule there changes nothing.
  std::vector<std::vector<std::string>> needs;
  // True when the rule has one pattern and its `fact` group, which cannot
  // match "", closes it: a non-empty match's fact then ends where the match
  // ends (rule_engine.h, CompiledRule::fact_ends_match).
  bool fact_ends_match = false;

  bool operator==(const RuleShape& other) const {
    return group_count == other.group_count &&
           group_names == other.group_names && needs == other.needs &&
           fact_ends_match == other.fact_ends_match;
  }
};

// A rule's loose pattern with each table it uses, and each fragment that
// declares its needs (rule_file.h), written as one placeholder character
// (TablePlaceholder), and the words each stands for: the table's keys, the
// fragment's needs. RE2's FilteredRE2 gives up on an alternation of more than
// a few words, and on a character class of more than a few characters (it then
// requires nothing of them), so a rule whose currency table has forty keys, or
// that reads a Chinese numeral, would need nothing there; a placeholder is one
// word to it, and stands for "one of its words" in the needs derived. A table
// that follows a `\b` stands for its keys marked kWordStartMark (those that
// start with a word character).
struct TablePlaceholders {
  std::string pattern;
  std::vector<std::vector<std::string>> keys;  // by placeholder number
};

// The placeholder for table number `index` of a needs pattern: a character of
// Unicode's supplementary private use area A (U+F0000 on), repeated, in RE2
// syntax. A
// loose pattern that itself names a character of that area is shaped without
// placeholders.
std::string TablePlaceholder(std::size_t index);

// True when `atom` holds a code point outside ASCII that may have case (or
// is no UTF-8): the prefilter's matcher folds ASCII only, so it cannot look
// for such an atom, and a clause that holds one counts as holding everywhere.
bool AtomNeedsUnicodeFolding(std::string_view atom);

// The shape of the rule whose loose pattern compiled to `loose_regex`, with
// its needs derived from `tables.pattern` (its loose pattern as well, when
// empty).
// FilteredRE2 states what a pattern needs as a tree of ANDs and ORs over atoms;
// its interface only answers whether a set of atoms allows the pattern, so the
// clauses are found by asking: the first is a smallest set of atoms without
// which the pattern is not allowed, the next one is found among the atoms left,
// and so on. The conjunction of clauses found so is implied by the tree, and
// equals it when the tree is an AND of ORs, as a pattern's concatenated parts
// give. A clause that another implies is left out.
RuleShape DeriveRuleShape(const re2::RE2& loose_regex,
                          const TablePlaceholders& tables = {});

// Rule shapes as data a C++ source can hold (make_builtin_rule_shapes.cc
// writes it): the strings they use (rule names, group names, atoms), each
// once, and a stream of numbers that refers to them. Per rule: its name, the
// group count, the number of named groups and for each its index and name,
// the number of clauses and for each its atom count and atoms, and whether
// its fact ends its match (0 or 1).
struct EncodedRuleShapes {
  std::vector<std::string> strings;
  std::vector<std::int32_t> code;
};
EncodedRuleShapes EncodeRuleShapes(const std::vector<std::string>& names,
                                   const std::vector<RuleShape>& shapes);
// The reverse; false when `code` is cut short or refers to a string past
// `strings` (a generated file cannot be, but nothing here trusts that).
bool DecodeRuleShapes(const std::string_view* strings, std::size_t string_count,
                      const std::int32_t* code, std::size_t code_size,
                      std::vector<std::string>* names,
                      std::vector<RuleShape>* shapes);

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_RULE_SHAPE_H_
