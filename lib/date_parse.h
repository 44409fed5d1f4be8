// A date rule's match read into its parts, before the reference date and
// earlier dates of the document resolve it (date_resolver.h).
#ifndef FACTX_LIB_DATE_PARSE_H_
#define FACTX_LIB_DATE_PARSE_H_

#include "factx/facts.h"
#include "rule_match.h"

namespace factx::internal {

// What the text states about one date or period (filled in by the date rules'
// captures).
struct DateParse {
  // Being designed with the date rules.
  DateExpr literal;
};

// False when the match is not a valid date (month 13, day 32, a year out of
// range).
bool ParseDate(const RuleMatch& match, const RuleTables& tables,
               DateParse* date);

}  // namespace factx::internal

#endif  // FACTX_LIB_DATE_PARSE_H_
