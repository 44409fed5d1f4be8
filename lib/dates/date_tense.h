// Whether the clause around a date speaks of the past or of the future, for
// placing a date that states no year (or no week) the way a news reader does:
// in "Shares closed Friday", Friday is the last one; in "The company will
// report results Friday", the next one (docs/dates.md, "Where a date without a
// year lands").
//
//   公司股价周五收盘上涨        past    (收盘)
//   公司将于周五公布业绩        future  (将于)
//   The company said Friday    past    (said)
//   Results are due Friday     future  (due)
//
// The cue words are rule data: tables date_en_tense and date_zh_tense
// (lib/rules/en/date_tense.rules, lib/rules/zh/date_tense.rules), with the
// words that hold a cue but are none (了解, 为了, hundred) in date_*_not_tense,
// and the words after which a past form is a participle (be: will be held) in
// date_en_participle_lead.
// The cue nearest the date decides (in "said Friday it will report", said).
#ifndef FACTX_LIB_DATES_DATE_TENSE_H_
#define FACTX_LIB_DATES_DATE_TENSE_H_

#include <cstddef>
#include <string_view>

#include "engine/rule_match.h"
#include "text/document.h"

namespace factx::internal {

enum class Tense : unsigned char {
  kNone,    // no cue in the clause
  kPast,    // closed, said, 了, 已经, 收盘
  kFuture,  // will, is to, 将, 拟, 计划
};

// The tense of the phrase around the date at [begin, end) of `document`'s
// text: the cue nearest the date, looked for up to the phrase's ends (commas,
// clause and sentence ends: document.h) within a bounded distance on each
// side.
Tense ReadTense(const Document& document, std::size_t begin, std::size_t end,
                const RuleTables& tables);

}  // namespace factx::internal

#endif  // FACTX_LIB_DATES_DATE_TENSE_H_
