// One rule's match in normalized text, as the fact builders see it.
#ifndef FACTX_LIB_ENGINE_RULE_MATCH_H_
#define FACTX_LIB_ENGINE_RULE_MATCH_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "engine/rule_file.h"
#include "text/document.h"

namespace factx::internal {

class CompiledRule;

// Read-only view of the tables of a rule set.
class RuleTables {
 public:
  explicit RuleTables(const RuleSet* rules) : rules_(rules) {}
  // The value of `key` in table `table`, or nullopt.
  std::optional<std::string_view> Lookup(std::string_view table,
                                         std::string_view key) const;
  // The whole table, or nullptr.
  const RuleTable* Find(std::string_view table) const;

 private:
  const RuleSet* rules_;
};

// A match of one rule: [begin, end) bytes of the normalized text, and its named
// captures. Capture names follow one convention: a suffix after a double
// underscore is ignored, so one pattern may capture `num__a` and `num__b` in
// two alternatives and the builder asks for `num`. A capture that did not
// participate reads as empty.
class RuleMatch {
 public:
  RuleMatch(const Document& document, std::size_t begin, std::size_t end,
            const CompiledRule* rule, const std::string_view* groups)
      : document_(&document),
        begin_(begin),
        end_(end),
        rule_(rule),
        groups_(groups) {}

  // The whole normalized text, and its clauses, sentences and paragraphs.
  const Document& document() const { return *document_; }
  std::string_view text() const { return document_->text(); }
  std::size_t begin() const { return begin_; }
  std::size_t end() const { return end_; }
  std::string_view matched() const {
    return text().substr(begin_, end_ - begin_);
  }
  // The first non-empty capture named `name` (or `name__anything`); empty if
  // none.
  std::string_view Capture(std::string_view name) const;
  // True when a capture named `name` (or `name__...`) participated, even if
  // empty.
  bool Has(std::string_view name) const;
  // Byte offset of a capture in text(); only meaningful when Has(name).
  std::size_t CaptureOffset(std::string_view name) const;
  std::string_view rule_name() const;

 private:
  const Document* document_;
  std::size_t begin_, end_;
  const CompiledRule* rule_;
  const std::string_view*
      groups_;  // group 1..n of the rule's pattern, [0] unused
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_RULE_MATCH_H_
