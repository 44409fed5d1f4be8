// Helpers shared by the tests that run the whole library.
#ifndef FACTX_TESTS_TEST_SUPPORT_H_
#define FACTX_TESTS_TEST_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "factx/extractor.h"
#include "text/document.h"

namespace factx::test_support {

// Runs `engine` over `text` and returns "rule:matched" for each candidate, in
// the order found. Inline: tests of the engine alone use it without the rest.
inline std::vector<std::string> Candidates(const internal::RuleEngine& engine,
                                           std::string_view text) {
  internal::RuleScratch scratch;
  engine.FindCandidates(internal::Document(text), ~0u, &scratch);
  std::vector<std::string> out;
  for (const internal::Candidate& c : scratch.candidates) {
    out.push_back(std::string(engine.rule(c.rule).spec().name) + ":" +
                  std::string(text.substr(c.begin, c.end - c.begin)));
  }
  return out;
}

// The extractor with the built-in rules, built once per test program.
const Extractor& BuiltInExtractor();

// The facts of the given kinds (a FactKind mask) that the built-in extractor
// finds in `text`; a failed status fails the test.
Extraction BuiltInFacts(std::string_view text, unsigned kinds);

// The invariants every extraction keeps: every span of every fact is in bounds,
// not empty, on code point boundaries of `text`; each list is in text order; a
// range's lower bound is not above its upper bound.
void ExpectSaneFacts(std::string_view text, const Extraction& facts);

// Every prefix and suffix cut of each text (also inside a UTF-8 sequence) gives
// OK or kInvalidUtf8, and sane facts when OK: extraction always terminates and
// never misplaces a span.
void ExpectEveryCutEndsCleanly(const std::vector<std::string>& texts,
                               const ExtractOptions& options = {});

// Invisible format characters, which normalization drops
// (docs/normalization.md): a number with one inside reads as if it were not
// there.
std::vector<std::string> InvisibleFormatCharacters();

// Text breaks (lib/text/char_class.h) and ill-formed bytes that replace mode
// reads as U+FFFD: a number with one inside is not read at all.
std::vector<std::string> TextBreaks();

// True when `atom` (rule_shape.h) holds in `lower_text` (ASCII lower case) as
// the prefilter reads it: anywhere, or, marked kWordStartMark, where no
// letter comes before it (a run of letters starts: USD in 20USD, where the
// lexer reads a word, and \bUSD does not match, which the prefilter may let
// run). Slow; a check of the prefilter.
bool AtomHolds(std::string_view lower_text, std::string_view atom);

// Parses a rule text of a test into a RuleSet; a syntax error fails the test.
internal::RuleSet ParseTestRules(std::string_view text);

}  // namespace factx::test_support

#endif  // FACTX_TESTS_TEST_SUPPORT_H_
