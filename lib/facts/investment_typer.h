// Decides which money amounts their clause presents as investments, and of what
// kind.
//
//   该项目总投资50亿元，建成后年产值可达100亿元。
//     -> 50亿元 is an Investment {kind kTotalInvestment, trigger 总投资};
//        100亿元 is output value (产值), not an investment.
//
// The words are data: the tables investment_trigger, investment_trigger_after,
// investment_round, investment_blocker, investment_neutral,
// investment_continuation, investment_list_joiner, investment_filler,
// investment_size, investment_yields_to, investment_per_share and the
// investor/target tables of lib/rules/{en,zh}/investment.rules. A rule set
// without investment_trigger types nothing. docs/investment.md describes the
// tying rules with examples.
#ifndef FACTX_LIB_FACTS_INVESTMENT_TYPER_H_
#define FACTX_LIB_FACTS_INVESTMENT_TYPER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "engine/rule_match.h"
#include "factx/facts.h"
#include "text/document.h"

namespace factx::internal {

class InvestmentLexicon;  // the index of the table words (investment_typer.cc)

// Thread-safety and ownership: an InvestmentTyper is immutable after
// construction, so any number of threads may call Find on one typer at once.
// It owns its index of the table words (copies of the keys, shared by the
// typer's copies, never written) and keeps no pointer into the RuleTables it
// was built from: the rule set may change or go away afterwards. Copying is
// cheap.
//
// It types money amounts as investments with the investment tables of one rule
// set. Build it once per rule set, not per text: building reads every table.
// Find then costs, at each position it reads, one lookup by the first code
// point and a comparison with each key that starts with it.
//
//   const InvestmentTyper typer(engine.tables());  // once
//   typer.Find(document, accepted_money, &out->investments);  // per text
class InvestmentTyper {
 public:
  // A typer that types nothing (as for a rule set without
  // investment_trigger).
  InvestmentTyper() = default;
  // Indexes the investment tables of `tables`. Never fails: a rule set without
  // investment_trigger gives a typer that types nothing, and a trigger whose
  // kind is unknown (a typo in a custom rule) triggers nothing.
  explicit InvestmentTyper(const RuleTables& tables);

  // `money` holds the accepted money facts of `document`'s text (normalized
  // text) in text order, without overlaps, with spans in that text. Appends to
  // *out, in text order, an Investment for each amount that its clause
  // presents as one; all its spans (span, trigger, investor, target) are in
  // the text, and its `rule` is the money fact's rule. Runs in time linear in
  // the text's size (and a binary search of the document per amount),
  // allocates nothing but the appended facts, and never fails.
  void Find(const Document& document, const std::vector<Money>& money,
            std::vector<Investment>* out) const;

 private:
  std::shared_ptr<const InvestmentLexicon> lexicon_;  // null: types nothing
};

// Same as InvestmentTyper(tables).Find on a Document of `text`; it builds the
// index and the document on every call, so callers that type many texts
// should keep a typer instead.
void FindInvestments(std::string_view text, const std::vector<Money>& money,
                     const RuleTables& tables, std::vector<Investment>* out);

// Reads a kind name of the tables ("total_investment", "investment",
// "financing", "fund", "credit_line", "rnd_spending", "acquisition"); false for
// anything else.
bool ParseInvestmentKind(std::string_view name, InvestmentKind* kind);

// What the values of a table the typer reads are (the rule schema checks them,
// rule_schema.h).
enum class InvestmentTableValues {
  kKinds,   // investment kinds, as ParseInvestmentKind reads them
  kFiller,  // "filler", or "attributive" (more text may follow: 的)
  kLabels,  // free labels the code does not read
};

// True when `name` is one of the typer's tables (investment_trigger,
// investment_filler, ...), and then sets *values; false for any other name.
bool FindInvestmentTable(std::string_view name, InvestmentTableValues* values);

}  // namespace factx::internal

#endif  // FACTX_LIB_FACTS_INVESTMENT_TYPER_H_
