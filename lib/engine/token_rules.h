// Rules written over tokens: `tokens` lines instead of `pattern` lines
// (docs/rules.md, "Rules over tokens"). The engine matches them over a
// clause's token string (lexing/token_text.h), where each number and each word
// of the tables the rules read is one symbol, so a rule is a short RE2
// program that reads its captures with a backtracker or in one pass, and its
// numbers were read once, by the lexer.
//
//   tokens  {#NUM_ZH}(?:[余多几]|[多余]?{#SCALE_ZH_BIG})? ?{@measure_unit_zh}
//
// In a tokens pattern:
//  - {#NAME} is a number token whose whole text the fragment NAME matches (a
//    number class): a class of the number forms (lexing/lexer.h) such a text
//    may have, captured, and its text checked against NAME once a match is
//    found (a class under a repetition: its last number; the others by form
//    alone);
//  - {@TABLE} is a word token of the table, spelled as the table spells it
//    (USD, not usd), or in any case inside (?i:...), as over text;
//  - literal text is read as the lexer reads text: 多, a word of a table,
//    stands for that word's token, 几 for the character; so is an escaped
//    character (\$, the word $). A word with letters outside (?i:...) must
//    be spelled as a table spells it (one letter may be either case: [kK]);
//  - \b next to a table word is dropped (the lexer reads a word that starts
//    or ends with a letter only where a run of letters does): \b{@TABLE},
//    {@TABLE}\b, cent\b for a literal word, and through the parentheses of a
//    group without `|`; after {@TABLE} the table's class keeps only the words
//    that end with an ASCII word character, where \b could hold over text
//    (美分\b only before a letter or digit);
//  - the rest is RE2's syntax, over tokens: `.` is one token or one character
//    of gap text.
// For its needs, its shape and the rule schema, a tokens pattern reads as the
// pattern it stands for in text ({#NAME} as {NAME}): RuleSpec::pattern.
#ifndef FACTX_LIB_ENGINE_TOKEN_RULES_H_
#define FACTX_LIB_ENGINE_TOKEN_RULES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_file.h"
#include "factx/status.h"
#include "lexing/lexer.h"

namespace factx::internal {

// The tables the patterns of `rules` name ({@TABLE}), with their words: what
// the engine's lexer indexes.
std::vector<LexiconTable> LexiconTables(const RuleSet& rules);

// The group a {#NAME} becomes when NAME has no loose form, checked against
// NAME after a match; a {#NAME} of a fragment with a loose form is a strict
// part (kStrictPartPrefix), numbered as in the loose pattern, and checked the
// same way.
inline constexpr std::string_view kNumberCheckPrefix = "(?P<number__";

// The NumberForm bits that a text `pattern` (an expanded fragment) matches
// may hold: those of each character it names, literally, in a class, or as
// an escape; all of them where it reads any character (`.`, a negated class,
// \p{...}). A superset: [1-9][0-9]{2} gives kFormDigit.
std::uint32_t NumberFormBitsOf(std::string_view pattern);

// The counts of digits that a string of ASCII digits alone matching
// `pattern` (an expanded fragment) may have, as a bitset: bit n for n digits
// (1..8), bit 9 for nine or more; every count where the pattern holds a
// construct it does not read. A superset: (?:18|19|20|21)[0-9]{2} gives 4,
// [0-9]{1,3} 1 to 3, 十|[1-9] 1, [一二] none.
std::uint32_t DigitCountsOf(std::string_view pattern);

// A tokens pattern translated to symbols.
struct TokenPattern {
  std::string pattern;
  // The fragment of each number class it reads ({#NAME}), in order: the
  // groups the engine checks after a match, strict parts and kNumberCheckPrefix
  // groups, are these in this order.
  std::vector<std::string> number_checks;
};

// Translates tokens patterns to patterns over token strings, for a rule set
// and the engine's lexer (which hold them: both must outlive it). The class a
// table or a number class becomes is worked out once and shared by every
// pattern that reads it: building the engine's 51 built-in patterns took 36
// M instructions, two thirds of it working the same classes out again.
// Not thread-safe: one per engine being built.
class TokenPatternTranslator {
 public:
  TokenPatternTranslator(const RuleSet& rules, const Lexer& lexer)
      : rules_(rules), lexer_(lexer) {}

  // The pattern over token strings that `spec`'s tokens pattern stands for.
  // It has the groups of the loose pattern, in the same order, with a
  // kNumberCheckPrefix group added for each {#NAME} that is no strict part.
  // kRuleSyntax names the rule and what is wrong: a number in literal text
  // (write {#NAME}), a word of several characters under a quantifier (group
  // it), a character class with a numeral or a word in it that is not a plain
  // list of characters, a fragment other than {#NAME}, a class that is no
  // fragment or reads a table.
  Result<TokenPattern> Translate(const RuleSpec& spec);

  // What {@TABLE} and {#NAME} become, by name; empty for a table with no
  // word the lexer reads, or a class that holds no numeral.
  struct Classes {
    std::map<std::string, std::string, std::less<>> tables;
    std::map<std::string, std::string, std::less<>> folded_tables;  // (?i:)
    std::map<std::string, std::string, std::less<>> numbers;
  };

 private:
  const RuleSet& rules_;
  const Lexer& lexer_;
  Classes classes_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_TOKEN_RULES_H_
