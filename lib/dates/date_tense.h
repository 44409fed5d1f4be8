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

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_match.h"
#include "text/byte_buckets.h"
#include "text/document.h"

namespace factx::internal {

enum class Tense : unsigned char {
  kNone,    // no cue in the clause
  kPast,    // closed, said, 了, 已经, 收盘
  kFuture,  // will, is to, 将, 拟, 计划
};

// The tense tables of one rule set, indexed once: ReadTense then compares a
// byte of its window only with the cue words that start with it, where reading
// every table at every byte took most of the time spent on dates. Keeps copies
// of the words, no pointer into the tables. Immutable; thread-safe.
class TenseCues {
 public:
  explicit TenseCues(const RuleTables& tables);

  // A cue word of date_en_tense or date_zh_tense.
  struct Cue {
    std::string word;
    Tense tense = Tense::kNone;
    // The cue's place when the tables are read in order (English first, each
    // table in key order): of two cues at the same distance from a date, the
    // first read decides.
    std::uint32_t rank = 0;
    bool english = false;  // date_en_tense's (the participle test applies)
  };

  // The cues whose first byte is `byte`, in rank order. Cue words are lower
  // case and match text in either case: ask for a letter's lower case.
  const Cue* begin(unsigned char byte) const {
    return cues_.data() + first_[byte];
  }
  const Cue* end(unsigned char byte) const {
    return cues_.data() + first_[byte + 1];
  }
  // The words of date_en_not_tense or date_zh_not_tense (per `english`).
  const std::vector<std::string>& not_tense(bool english) const {
    return english ? en_not_tense_ : zh_not_tense_;
  }
  const std::vector<std::string>& participle_leads() const {
    return participle_leads_;
  }

 private:
  std::vector<Cue> cues_;  // by first byte, then rank
  // cues_[first_[b], first_[b + 1]) start with byte b.
  ByteBuckets first_{};
  std::vector<std::string> en_not_tense_;
  std::vector<std::string> zh_not_tense_;
  std::vector<std::string> participle_leads_;
};

// The tense of the phrase around the date at [begin, end) of `document`'s
// text: the cue nearest the date, looked for up to the phrase's ends (commas,
// clause and sentence ends: document.h) within a bounded distance on each
// side.
Tense ReadTense(const Document& document, std::size_t begin, std::size_t end,
                const TenseCues& cues);

}  // namespace factx::internal

#endif  // FACTX_LIB_DATES_DATE_TENSE_H_
