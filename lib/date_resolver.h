// Resolves parsed dates against the reference date and the dates before them in
// the document.
#ifndef FACTX_LIB_DATE_RESOLVER_H_
#define FACTX_LIB_DATE_RESOLVER_H_

#include <optional>

#include "date_parse.h"
#include "factx/extractor.h"

namespace factx::internal {

// Stateful: feed the dates of one document in text order. Not thread-safe; one
// per call.
class DateResolver {
 public:
  explicit DateResolver(std::optional<CivilDate> reference)
      : reference_(reference) {}

  // Fills everything in *out but `span` and `rule`. False to drop the date.
  bool Resolve(const DateParse& date, DateExpr* out);

 private:
  std::optional<CivilDate> reference_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_DATE_RESOLVER_H_
