// Turns a money rule's match into a Money value (amount, range, currency,
// qualifier). The capture names it reads are documented in money_builder.cc and
// docs/rules.md.
#ifndef FACTX_LIB_FACTS_MONEY_BUILDER_H_
#define FACTX_LIB_FACTS_MONEY_BUILDER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/rule_match.h"
#include "factx/facts.h"
#include "text/byte_buckets.h"

namespace factx::internal {

// The keys of one table filed by their last byte, so that the key ending last
// in a text is found in one backward pass, reading at each byte only the keys
// that end with it. Keeps copies of the keys. Immutable; thread-safe.
class LastKeyFinder {
 public:
  // The keys of `table`; none when it is null.
  explicit LastKeyFinder(const RuleTable* table);

  // The key that ends last in `text`: where it ends, and its value (of keys
  // ending there, the first in the table's order); end 0 when none occurs.
  std::pair<std::size_t, std::string_view> Find(std::string_view text) const;

 private:
  struct Key {
    std::string key;
    std::string value;
  };
  std::vector<Key> keys_;  // by last byte, then in the table's order
  // keys_[first_[b], first_[b + 1]) end with byte b.
  ByteBuckets first_{};
};

// The tables of one rule set that BuildMoney reads, found and hashed once,
// with the ones it searches text for indexed. Views the rule set's strings:
// build it next to the engine that owns the rules. Immutable; thread-safe.
class MoneyTables {
 public:
  explicit MoneyTables(const RuleTables& tables);

  // A table's keys and their values.
  using KeyIndex = std::unordered_map<std::string_view, std::string_view>;
  // The table that money_builder.cc numbers `index`; empty when the rule set
  // has none of that name.
  const KeyIndex& table(std::size_t index) const {
    return tables_by_index_[index];
  }
  // currency_zh_bare_follows and currency_zh_bare_mainland.
  const LastKeyFinder& bare_follows() const { return bare_follows_; }
  const LastKeyFinder& bare_mainland() const { return bare_mainland_; }

 private:
  std::vector<KeyIndex> tables_by_index_;
  LastKeyFinder bare_follows_;
  LastKeyFinder bare_mainland_;
};

// Fills everything but `span` and `rule`. False when the match is not a valid
// amount (the number does not parse, the currency is unknown where one is
// required): the match is dropped.
bool BuildMoney(const RuleMatch& match, const MoneyTables& tables,
                Money* money);

// True for a capture name BuildMoney reads (listed beside the code that reads
// it, in money_builder.cc), without its "__" suffix: the money part of the rule
// schema (rule_schema.h).
bool IsMoneyCaptureName(std::string_view name);

}  // namespace factx::internal

#endif  // FACTX_LIB_FACTS_MONEY_BUILDER_H_
