#include "facts/fact_description.h"

namespace factx::internal {
namespace {

std::string Bounds(const Decimal& value, const std::optional<Decimal>& upper) {
  std::string out = value.ToString();
  if (upper) out += ".." + upper->ToString();
  return out;
}

}  // namespace

std::string Describe(const Money& money) {
  std::string out = Bounds(money.amount, money.upper);
  out += ' ';
  out += money.currency_code().empty() ? std::string_view("?")
                                       : money.currency_code();
  out += ' ';
  out += QualifierName(money.qualifier);
  return out;
}

std::string Describe(const Percentage& percentage) {
  std::string out = Bounds(percentage.value, percentage.upper);
  out += ' ';
  out += PercentUnitName(percentage.unit);
  out += ' ';
  out += QualifierName(percentage.qualifier);
  return out;
}

std::string Describe(const DateExpr& date) {
  std::string out;
  if (date.resolved) {
    out = date.begin.ToIso8601();
    if (date.end) out += ".." + date.end->ToIso8601();
  } else {
    out = "unresolved";
  }
  if (date.part != MonthPart::kNone) {
    out += ' ';
    out += MonthPartName(date.part);
  }
  if (date.relative) out += " relative";
  if (date.fiscal) out += " fiscal";
  return out;
}

std::string Describe(const Investment& investment) {
  return std::string(InvestmentKindName(investment.kind)) + " " +
         Describe(investment.money);
}

}  // namespace factx::internal
