// Turns a money rule's match into a Money value (amount, range, currency,
// qualifier). The capture names it reads are documented in money_builder.cc and
// docs/rules.md.
#ifndef FACTX_LIB_FACTS_MONEY_BUILDER_H_
#define FACTX_LIB_FACTS_MONEY_BUILDER_H_

#include <string_view>

#include "engine/rule_match.h"
#include "factx/facts.h"

namespace factx::internal {

// Fills everything but `span` and `rule`. False when the match is not a valid
// amount (the number does not parse, the currency is unknown where one is
// required): the match is dropped.
bool BuildMoney(const RuleMatch& match, const RuleTables& tables, Money* money);

// True for a capture name BuildMoney reads (listed beside the code that reads
// it, in money_builder.cc), without its "__" suffix: the money part of the rule
// schema (rule_schema.h).
bool IsMoneyCaptureName(std::string_view name);

}  // namespace factx::internal

#endif  // FACTX_LIB_FACTS_MONEY_BUILDER_H_
