// Decides which money amounts their clause presents as investments, and of what
// kind.
#ifndef FACTX_LIB_INVESTMENT_TYPER_H_
#define FACTX_LIB_INVESTMENT_TYPER_H_

#include <vector>

#include "factx/facts.h"
#include "rule_match.h"

namespace factx::internal {

// `money` holds the money facts of `text` in text order, with spans in `text`
// (normalized). Appends an Investment (spans also in `text`) for each amount
// presented as an investment.
void FindInvestments(std::string_view text, const std::vector<Money>& money,
                     const RuleTables& tables, std::vector<Investment>* out);

}  // namespace factx::internal

#endif  // FACTX_LIB_INVESTMENT_TYPER_H_
