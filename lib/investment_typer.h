// Decides which money amounts their clause presents as investments, and of what
// kind.
//
//   该项目总投资50亿元，建成后年产值可达100亿元。
//     -> 50亿元 is an Investment {kind kTotalInvestment, trigger 总投资};
//        100亿元 is output value (产值), not an investment.
//
// The words are data: the tables investment_trigger, investment_trigger_after,
// investment_round, investment_blocker, investment_neutral,
// investment_continuation, investment_list_joiner, investment_filler and the
// investor/target tables of lib/rules/{en,zh}/investment.rules. A rule set
// without investment_trigger types nothing. docs/investment.md describes the
// tying rules with examples.
#ifndef FACTX_LIB_INVESTMENT_TYPER_H_
#define FACTX_LIB_INVESTMENT_TYPER_H_

#include <string_view>
#include <vector>

#include "factx/facts.h"
#include "rule_match.h"

namespace factx::internal {

// `money` holds the accepted money facts of `text` (normalized text) in text
// order, without overlaps, with spans in `text`. Appends to *out, in text
// order, an Investment for each amount that its clause presents as one; all its
// spans (span, trigger, investor, target) are in `text`, and its `rule` is the
// money fact's rule. Runs in time linear in text.size(), allocates nothing but
// the appended facts, and never fails.
void FindInvestments(std::string_view text, const std::vector<Money>& money,
                     const RuleTables& tables, std::vector<Investment>* out);

// Reads a kind name of the tables ("total_investment", "investment",
// "financing", "fund", "credit_line", "rnd_spending"); false for anything else.
bool ParseInvestmentKind(std::string_view name, InvestmentKind* kind);

}  // namespace factx::internal

#endif  // FACTX_LIB_INVESTMENT_TYPER_H_
