// The rule schema: which capture names each kind of rule may use, which tables
// the code reads, and the values each such table may hold (docs/rules.md,
// "Schema"). Checked once when an extractor is built, so that a misspelt
// capture (`yaer`), investment kind (`rnd_spendng`), qualifier (`aprox`) or
// currency code (`USDOL`) is a kRuleSyntax error rather than a rule that
// silently never fires, a fact dropped or a code cut to three letters.
#ifndef FACTX_LIB_RULE_SCHEMA_H_
#define FACTX_LIB_RULE_SCHEMA_H_

#include "engine/rule_engine.h"
#include "factx/status.h"

namespace factx::internal {

// kRuleSyntax, naming the source and line, the rule or table, and the bad
// word, for the first of:
// - a capture name (before any `__` suffix) that the builder of the rule's kind
//   does not read (`fact` is read for every kind; a block rule reads no other);
// - a table value outside the closed set of its table (currency codes: three
//   ASCII capitals; qualifiers: approx, over, under, exact; investment kinds;
//   percent signs; date offsets: integers; ...);
// - a table that the code does not read and no rule or guard uses.
// Tables the code does not know and that a rule uses hold free values.
Status CheckRuleSchema(const RuleEngine& engine);

}  // namespace factx::internal

#endif  // FACTX_LIB_RULE_SCHEMA_H_
