// Turns a percent rule's match into a Percentage (value, range, unit,
// qualifier). The capture names it reads are documented in percent_builder.cc
// and docs/percent.md.
#ifndef FACTX_LIB_FACTS_PERCENT_BUILDER_H_
#define FACTX_LIB_FACTS_PERCENT_BUILDER_H_

#include <string_view>

#include "engine/rule_match.h"
#include "factx/facts.h"

namespace factx::internal {

// Fills everything but `span` and `rule`. False when the match is not a valid
// percentage (a figure that does not parse, a unit or qualifier word in no
// table, a range whose upper bound is not above its lower one, a vague 两三):
// the match is then dropped, and the other rules' matches on the same text
// compete without it.
bool BuildPercentage(const RuleMatch& match, const RuleTables& tables,
                     Percentage* percentage);

// True for a capture name BuildPercentage reads (listed beside the code that
// reads it, in percent_builder.cc), without its "__" suffix: the percent part
// of the rule schema (rule_schema.h).
bool IsPercentCaptureName(std::string_view name);

}  // namespace factx::internal

#endif  // FACTX_LIB_FACTS_PERCENT_BUILDER_H_
