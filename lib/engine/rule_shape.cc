#include "engine/rule_shape.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <vector>

#include "engine/rule_file.h"
#include "re2/filtered_re2.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// How many more times a pattern's atoms are shrunk to a clause, each time in
// another order, after the disjoint clauses are found.
constexpr int kShrinkRounds = 8;

constexpr char32_t kFirstPlaceholder = 0xF0000;
constexpr char32_t kLastPlaceholder = 0xFFFFD;

// The first table placeholder in `atom`, as its table number, or -1.
int FirstPlaceholder(const std::string& atom) {
  for (std::size_t i = 0; i + 3 < atom.size(); ++i) {
    const auto byte = [&](std::size_t k) {
      return static_cast<unsigned char>(atom[i + k]);
    };
    if ((byte(0) & 0xF8) != 0xF0) continue;
    const char32_t c = (char32_t{byte(0) & 0x07u} << 18) |
                       (char32_t{byte(1) & 0x3Fu} << 12) |
                       (char32_t{byte(2) & 0x3Fu} << 6) | (byte(3) & 0x3Fu);
    if (c >= kFirstPlaceholder && c <= kLastPlaceholder)
      return static_cast<int>(c - kFirstPlaceholder);
  }
  return -1;
}

// True when `pattern` may itself match a character of the placeholders' area:
// it holds one in UTF-8, or an escape \x{...} of five or six digits.
bool MentionsPlaceholderArea(const std::string& pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (static_cast<unsigned char>(pattern[i]) == 0xF3) return true;
    if (pattern.compare(i, 2, "x{") != 0) continue;
    const std::size_t close = pattern.find('}', i);
    if (close != std::string::npos && close - i - 2 >= 5) return true;
  }
  return false;
}

// ASCII letters in lower case, as FilteredRE2 writes atoms.
std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// True when `c` has no case in Unicode, so that RE2's case folding and the
// prefilter's lower-casing leave it alone: the ranges rule atoms use
// (punctuation, signs, mathematical operators such as U+2212 MINUS SIGN, the
// Tamil and Thai scripts of the rupee and baht signs, CJK). Conservative:
// anything else counts as cased.
bool IsCaseless(char32_t c) {
  return c < 0x80 || (c >= 0xA0 && c <= 0xBF && c != 0xB5) || c == 0xD7 ||
         c == 0xF7 || (c >= 0x0B80 && c <= 0x0BFF) ||
         (c >= 0x0E00 && c <= 0x0E7F) || InCaselessBlock(c);
}

// True when, wherever `inner` holds, `outer` holds too: `outer` within it,
// and if `outer` is marked kWordStartMark, at the start of a marked `inner`.
bool HoldsWherever(std::string_view inner, std::string_view outer) {
  const bool inner_marked = RemoveWordStartMark(&inner);
  const bool outer_marked = RemoveWordStartMark(&outer);
  if (!outer_marked) return inner.find(outer) != std::string_view::npos;
  return inner_marked && inner.substr(0, outer.size()) == outer;
}

// Leaves out each clause that another clause kept implies: one whose every
// atom holds only where an atom of it holds (a clause of `percent`,
// `pct` implies one of `ct`, `er`, `nt`). What the rule needs is the same;
// the prefilter looks for fewer and longer atoms. A clause with an atom the
// prefilter cannot look for (AtomNeedsUnicodeFolding) counts as holding
// everywhere there, so it implies nothing.
void DropImpliedClauses(std::vector<std::vector<std::string>>* needs) {
  std::vector<bool> kept(needs->size(), true);
  for (std::size_t b = 0; b < needs->size(); ++b) {
    for (std::size_t a = 0; a < needs->size() && kept[b]; ++a) {
      const std::vector<std::string>& by = (*needs)[a];
      if (a == b || !kept[a] ||
          std::any_of(by.begin(), by.end(), AtomNeedsUnicodeFolding)) {
        continue;
      }
      kept[b] =
          !std::all_of(by.begin(), by.end(), [&](const std::string& atom) {
            return std::any_of((*needs)[b].begin(), (*needs)[b].end(),
                               [&](const std::string& implied) {
                                 return HoldsWherever(atom, implied);
                               });
          });
    }
  }
  std::size_t out = 0;
  for (std::size_t c = 0; c < needs->size(); ++c) {
    if (!kept[c]) continue;
    if (out != c) (*needs)[out] = std::move((*needs)[c]);
    ++out;
  }
  needs->resize(out);
}

// What `pattern` needs, as clauses (RuleShape::needs), found by asking
// FilteredRE2; `tables`, if given, says what its placeholders stand for.
std::vector<std::vector<std::string>> NeedsOf(const std::string& pattern,
                                              const re2::RE2::Options& options,
                                              const TablePlaceholders* tables) {
  std::vector<std::vector<std::string>> result;
  // Atoms of one byte too: "%" and "$" are all some rules have.
  re2::FilteredRE2 filter(/*min_atom_len=*/1);
  int id = 0;
  if (filter.Add(pattern, options, &id) != re2::RE2::NoError) {
    return result;  // the caller compiled the loose pattern: cannot happen
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<int> allowed;
  // True when a text holding exactly the atoms marked in `present` may match.
  auto allows = [&](const std::vector<bool>& present) {
    std::vector<int> ids;
    for (std::size_t a = 0; a < present.size(); ++a) {
      if (present[a]) ids.push_back(static_cast<int>(a));
    }
    filter.AllPotentials(ids, &allowed);
    return !allowed.empty();
  };

  // The smallest set of atoms within `clause`, found by dropping them in the
  // order of `order`, whose absence still rules the pattern out (`clause`
  // must rule it out).
  auto shrink = [&](std::vector<bool> clause, const std::vector<int>& order) {
    for (const int a : order) {
      if (!clause[a]) continue;
      clause[a] = false;
      std::vector<bool> without_clause(atoms.size());
      for (std::size_t b = 0; b < atoms.size(); ++b)
        without_clause[b] = !clause[b];
      if (allows(without_clause)) clause[a] = true;  // a is needed
    }
    return clause;
  };
  std::vector<std::vector<bool>> clauses;
  auto add = [&](const std::vector<bool>& clause) {
    if (std::find(clauses.begin(), clauses.end(), clause) == clauses.end())
      clauses.push_back(clause);
  };
  std::vector<int> order(atoms.size());
  std::iota(order.begin(), order.end(), 0);
  // Disjoint clauses first: atoms in no clause yet are "open"; a text holding
  // every atom except the open ones is what the next clause must rule out.
  std::vector<bool> open(atoms.size(), true);
  for (;;) {
    std::vector<bool> present(atoms.size());
    for (std::size_t a = 0; a < atoms.size(); ++a) present[a] = !open[a];
    if (std::find(open.begin(), open.end(), true) == open.end() ||
        allows(present)) {
      break;
    }
    const std::vector<bool> clause = shrink(open, order);
    // Empty only if the pattern matched no text that holds every atom.
    if (std::find(clause.begin(), clause.end(), true) == clause.end()) break;
    add(clause);
    for (std::size_t a = 0; a < atoms.size(); ++a)
      open[a] = open[a] && !clause[a];
  }
  // Then clauses that share atoms, as an alternation of sequences gives
  // ((a b)|(c d) needs a|c, a|d, b|c and b|d): shrinking all atoms in other
  // orders finds some of them.
  std::minstd_rand shuffler(atoms.size());
  for (int round = 0; round < kShrinkRounds && !clauses.empty(); ++round) {
    std::shuffle(order.begin(), order.end(), shuffler);
    add(shrink(std::vector<bool>(atoms.size(), true), order));
  }
  for (const std::vector<bool>& clause : clauses) {
    std::vector<std::string>& needs = result.emplace_back();
    for (std::size_t a = 0; a < atoms.size(); ++a) {
      if (!clause[a]) continue;
      // A text holding an atom with a table's placeholder holds one of the
      // table's keys where the placeholder stands.
      const int table = tables != nullptr ? FirstPlaceholder(atoms[a]) : -1;
      if (table < 0 || static_cast<std::size_t>(table) >= tables->keys.size()) {
        needs.push_back(atoms[a]);
      } else {
        for (const std::string& key : tables->keys[table])
          needs.push_back(AsciiLower(key));
      }
    }
    std::sort(needs.begin(), needs.end());
    needs.erase(std::unique(needs.begin(), needs.end()), needs.end());
  }
  return result;
}

}  // namespace

bool AtomNeedsUnicodeFolding(std::string_view atom) {
  if (FindInvalidUtf8(atom) != atom.size()) return true;
  for (std::size_t i = 0; i < atom.size();) {
    std::size_t length = 1;
    if (!IsCaseless(DecodeUtf8(atom, i, &length))) return true;
    i += length;
  }
  return false;
}

std::string TablePlaceholder(std::size_t index) {
  // Repeated, so that FilteredRE2 keeps it an atom of its own rather than
  // joining it to its neighbours: an atom that joined two placeholders could
  // stand for the words of only one of them.
  char placeholder[24];
  std::snprintf(placeholder, sizeof(placeholder), "(?:\\x{%X})+",
                static_cast<unsigned>(kFirstPlaceholder + index));
  return placeholder;
}

RuleShape DeriveRuleShape(const re2::RE2& loose_regex,
                          const TablePlaceholders& tables) {
  RuleShape shape;
  shape.group_count = loose_regex.NumberOfCapturingGroups();
  shape.group_names = loose_regex.CapturingGroupNames();
  shape.needs =
      NeedsOf(loose_regex.pattern(), loose_regex.options(), /*tables=*/nullptr);
  // With placeholders, the needs of tables and fragments too large for
  // FilteredRE2; without, those it sees across a table's edge (亿元 where a
  // number meets the currency 元). Both hold, so the rule needs all of them.
  if (!tables.pattern.empty() &&
      tables.keys.size() <= kLastPlaceholder - kFirstPlaceholder &&
      !MentionsPlaceholderArea(loose_regex.pattern())) {
    for (std::vector<std::string>& clause :
         NeedsOf(tables.pattern, loose_regex.options(), &tables)) {
      if (std::find(shape.needs.begin(), shape.needs.end(), clause) ==
          shape.needs.end()) {
        shape.needs.push_back(std::move(clause));
      }
    }
  }
  DropImpliedClauses(&shape.needs);
  return shape;
}

EncodedRuleShapes EncodeRuleShapes(const std::vector<std::string>& names,
                                   const std::vector<RuleShape>& shapes) {
  EncodedRuleShapes encoded;
  std::map<std::string, std::int32_t> ids;
  auto string_id = [&](const std::string& text) {
    auto [it, added] =
        ids.emplace(text, static_cast<std::int32_t>(encoded.strings.size()));
    if (added) encoded.strings.push_back(text);
    return it->second;
  };
  std::vector<std::int32_t>& code = encoded.code;
  for (std::size_t r = 0; r < shapes.size(); ++r) {
    const RuleShape& shape = shapes[r];
    code.push_back(string_id(names[r]));
    code.push_back(shape.group_count);
    code.push_back(static_cast<std::int32_t>(shape.group_names.size()));
    for (const auto& [index, name] : shape.group_names) {
      code.push_back(index);
      code.push_back(string_id(name));
    }
    code.push_back(static_cast<std::int32_t>(shape.needs.size()));
    for (const std::vector<std::string>& clause : shape.needs) {
      code.push_back(static_cast<std::int32_t>(clause.size()));
      for (const std::string& atom : clause) code.push_back(string_id(atom));
    }
    code.push_back(shape.fact_ends_match ? 1 : 0);
  }
  return encoded;
}

bool DecodeRuleShapes(const std::string_view* strings, std::size_t string_count,
                      const std::int32_t* code, std::size_t code_size,
                      std::vector<std::string>* names,
                      std::vector<RuleShape>* shapes) {
  std::size_t at = 0;
  bool ok = true;
  auto next = [&]() -> std::int32_t {
    if (at >= code_size || code[at] < 0) {
      ok = false;
      return 0;
    }
    return code[at++];
  };
  auto next_string = [&]() -> std::string {
    const std::int32_t id = next();
    if (static_cast<std::size_t>(id) >= string_count) {
      ok = false;
      return std::string();
    }
    return std::string(strings[id]);
  };
  while (ok && at < code_size) {
    names->push_back(next_string());
    RuleShape& shape = shapes->emplace_back();
    shape.group_count = next();
    for (std::int32_t n = next(); ok && n > 0; --n) {
      const std::int32_t index = next();
      shape.group_names.emplace(index, next_string());
    }
    for (std::int32_t n = next(); ok && n > 0; --n) {
      std::vector<std::string>& clause = shape.needs.emplace_back();
      for (std::int32_t atoms = next(); ok && atoms > 0; --atoms)
        clause.push_back(next_string());
    }
    shape.fact_ends_match = next() == 1;
  }
  return ok;
}

}  // namespace factx::internal
