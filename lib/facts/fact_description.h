// One-line descriptions of facts, used by the rule files' `example` lines and
// by tests:
//
//   money       "30000000 CNY under"   "300000000..500000000 CNY range"   "5 ?
//   exact" percentage  "35.7 % exact"         "2 pp exact" "5..8 % range" date
//   "2020-01..2020-04 relative"   "2017-09-12"   "unresolved relative"
//
// A date's description adds " relative" and " fiscal" when those flags are set,
// and reads "unresolved" in place of the value when no reference date could
// resolve it.
#ifndef FACTX_LIB_FACTS_FACT_DESCRIPTION_H_
#define FACTX_LIB_FACTS_FACT_DESCRIPTION_H_

#include <string>

#include "factx/facts.h"

namespace factx::internal {

std::string Describe(const Money& money);
std::string Describe(const Percentage& percentage);
std::string Describe(const DateExpr& date);
// "total_investment " + the money's description.
std::string Describe(const Investment& investment);

}  // namespace factx::internal

#endif  // FACTX_LIB_FACTS_FACT_DESCRIPTION_H_
