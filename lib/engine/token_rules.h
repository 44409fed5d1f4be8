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
//    number class);
//  - {@TABLE} is a word token of the table;
//  - literal text is read as the lexer reads text: 多, a word of a table,
//    stands for that word's token, 几 for the character;
//  - the rest is RE2's syntax, over tokens: `.` is one token or one character
//    of gap text.
// For its needs, its shape and the rule schema, a tokens pattern reads as the
// pattern it stands for in text ({#NAME} as {NAME}): RuleSpec::pattern.
#ifndef FACTX_LIB_ENGINE_TOKEN_RULES_H_
#define FACTX_LIB_ENGINE_TOKEN_RULES_H_

#include <string>
#include <vector>

#include "engine/rule_file.h"
#include "factx/status.h"
#include "lexing/lexer.h"

namespace factx::internal {

// The tables the patterns of `rules` name ({@TABLE}), with their words: what
// the engine's lexer indexes.
std::vector<LexiconTable> LexiconTables(const RuleSet& rules);

// The number classes the tokens patterns of `rules` read ({#NAME}), each
// once, in order of first use. kRuleSyntax when there are more than
// kMaxNumberClasses, or when a class is no fragment or one that reads a table.
Result<std::vector<std::string>> NumberClassesOf(const RuleSet& rules);

// The pattern over token strings that `spec`'s tokens pattern stands for,
// with `lexer` the engine's and `number_classes` NumberClassesOf's. Each
// {#NAME} of a fragment with a loose form is a capture of its own, a strict
// part, numbered as in the loose pattern, so that both patterns have the same
// groups. kRuleSyntax names the rule and what is wrong: a number in literal
// text (write {#NAME}), a word of several characters under a quantifier
// (group it), a character class with a numeral or a word in it that is not a
// plain list of characters, a fragment other than {#NAME}.
Result<std::string> TranslateTokenPattern(
    const RuleSpec& spec, const RuleSet& rules, const Lexer& lexer,
    const std::vector<std::string>& number_classes);

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_TOKEN_RULES_H_
