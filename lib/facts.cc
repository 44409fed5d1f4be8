#include "factx/facts.h"

#include <cstdio>

namespace factx {

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kOver:
      return "over";
    case Qualifier::kUnder:
      return "under";
    case Qualifier::kRange:
      return "range";
  }
  return "exact";
}

std::string_view PercentUnitName(PercentUnit unit) {
  return unit == PercentUnit::kPercentagePoint ? "pp" : "%";
}

std::string_view InvestmentKindName(InvestmentKind kind) {
  switch (kind) {
    case InvestmentKind::kTotalInvestment:
      return "total_investment";
    case InvestmentKind::kInvestment:
      return "investment";
    case InvestmentKind::kFinancing:
      return "financing";
    case InvestmentKind::kFund:
      return "fund";
    case InvestmentKind::kCreditLine:
      return "credit_line";
    case InvestmentKind::kRndSpending:
      return "rnd_spending";
    case InvestmentKind::kAcquisition:
      return "acquisition";
  }
  return "investment";
}

std::string_view MonthPartName(MonthPart part) {
  switch (part) {
    case MonthPart::kNone:
      break;
    case MonthPart::kEarly:
      return "early";
    case MonthPart::kMid:
      return "mid";
    case MonthPart::kLate:
      return "late";
  }
  return "";
}

std::string CalendarPoint::ToIso8601() const {
  char buffer[32];
  // Years are written with at least four digits; a negative or huge year never
  // comes out of the resolver, but formatting stays well-defined for any int.
  switch (grain) {
    case Grain::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", year);
      break;
    case Grain::kHalf:
      std::snprintf(buffer, sizeof buffer, "%04d-H%d", year, part);
      break;
    case Grain::kQuarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%d", year, part);
      break;
    case Grain::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
      break;
    case Grain::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buffer;
}

}  // namespace factx
