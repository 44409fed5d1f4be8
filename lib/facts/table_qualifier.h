// The qualifier words of rule tables (`约  approx`, `not less than  over`).
#ifndef FACTX_LIB_FACTS_TABLE_QUALIFIER_H_
#define FACTX_LIB_FACTS_TABLE_QUALIFIER_H_

#include <optional>
#include <string_view>

#include "factx/facts.h"

namespace factx::internal {

// Reads a qualifier as a table's value writes it: "exact", "approx", "over" or
// "under", the names QualifierName gives (a range is the builders' to find,
// not a table's to say); nullopt for anything else.
inline std::optional<Qualifier> ParseTableQualifier(std::string_view name) {
  for (const Qualifier qualifier : {Qualifier::kExact, Qualifier::kApprox,
                                    Qualifier::kOver, Qualifier::kUnder}) {
    if (QualifierName(qualifier) == name) return qualifier;
  }
  return std::nullopt;
}

}  // namespace factx::internal

#endif  // FACTX_LIB_FACTS_TABLE_QUALIFIER_H_
