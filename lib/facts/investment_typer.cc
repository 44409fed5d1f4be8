// How an amount is tied to a trigger (docs/investment.md has the examples).
//
// Text is cut into sentences at 。！？；!?; line breaks and ". ", and sentences
// into clauses at ， and at a comma that is not between digits. Only sentences
// holding money are read. Each clause is read once, left to right, as words of
// the investment tables (leftmost-longest across all tables) and amounts. For
// each amount, in this order:
//  1. List: the amount before it in the clause was tied, and between them
//     stand only a joiner (、 和 及 and or) and a short label (二期), no
//     trigger or blocker: same trigger. 总投资分别为12亿元和8亿元 -> both
//     总投资.
//  2. Head: the last trigger or blocker since the previous amount ends at most
//     kDirectGap bytes before the amount. A blocker there (营收5亿元) means no
//     investment; a trigger (总投资约50亿元, 拟投资5亿元, raised $50 million)
//     ties it.
//  3. Trigger after: a trigger after the amount, past filler words (的 专项
//     新一轮 of in a), at most kForwardGap bytes of other text (kAttributiveGap
//     after 的), and further listed amounts: 5亿元的投资, 完成3亿元B轮融资,
//     a $1 billion fund. A blocker on the way ends the search.
//  4. Trigger before, farther: the last trigger of the clause, at most
//     kFarWords words before the amount (a Han character or an ASCII token
//     each), with no blocker after it and no amount tied to it yet:
//     研发投入同比增长20%至5亿元, "sold its cement business to a private equity
//     firm for $780 million".
//  5. Continuation: the clause names no trigger or blocker before the amount
//     and opens with a continuation word (其中, 首期, 规模, including), a
//     joiner and a short label, or the amount itself; it takes the trigger that
//     the previous clauses of the sentence left open:
//     设立产业基金，规模100亿元.
//     A clause that opens with a deal-value word right before the amount
//     ("valued at", "worth") takes an open acquisition trigger even though
//     the word blocks elsewhere: "the acquisition of Delta, valued at
//     £1.1bn" is the deal's price, "a startup, valued at $4 billion" none.
// A clause leaves its last trigger open when no blocker follows it; a clause
// with neither words nor amounts passes on what it received.
#include "facts/investment_typer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "text/char_class.h"
#include "text/document.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// Gap limits in bytes of normalized text: a Han character is 3 bytes, so 12
// bytes are four characters, or two short English words.
constexpr std::size_t kDirectGap = 12;
// Rule 4 counts words, not bytes: a Han character and an ASCII token (a run
// of non-space characters) are one word each. Fifteen Han characters were the
// old 45-byte limit; fifteen English words reach "sold its stake in the port
// operator to a consortium of investors for", which bytes cut at eight.
constexpr std::size_t kFarWords = 15;
constexpr std::size_t kForwardGap = 12;
// ... or after an attributive word (的): 20亿元的新能源汽车产业基金.
constexpr std::size_t kAttributiveGap = 30;
// A list item's label: 、研发中心建设项目1.8亿元 (inside a clause), 和二期 /
// and (opening one).
constexpr std::size_t kListLabel = 30;
constexpr std::size_t kOpeningJoinerLabel = 12;
constexpr std::size_t kContinuationPrefix = 36;
// The search for a trigger after an amount reads at most this many bytes and
// skips at most kMaxListedAhead further amounts, which keeps the whole pass
// linear.
constexpr std::size_t kLookaheadBytes = 160;
constexpr int kMaxListedAhead = 4;
// Longest investor and target spans.
constexpr std::size_t kMaxInvestor = 45;
constexpr std::size_t kMaxTarget = 60;
constexpr int kMaxInvestorWords = 5;

// What a table word does. The order is the tie-break between keys of equal
// length.
enum Role : unsigned char {
  kNeutral,
  kBlocker,
  kRound,
  kTrigger,
  kTriggerAfter,
  kFiller,
  kJoiner,
  kContinuation,
  kInvestorAdverb,
  kInvestorSuffix,
  kTargetVerb,
  kTargetSuffix,
  kNameStop,
  kSizeWord,
  kYieldsTo,
  kPerShare,
  kDealValue,
  kChangeTo,
  kEarlierLevel,
  kRoleCount,
};

constexpr std::string_view kTableNames[kRoleCount] = {
    "investment_neutral",         "investment_blocker",
    "investment_round",           "investment_trigger",
    "investment_trigger_after",   "investment_filler",
    "investment_list_joiner",     "investment_continuation",
    "investment_investor_adverb", "investment_investor_suffix",
    "investment_target_verb",     "investment_target_suffix",
    "investment_name_stop",       "investment_size",
    "investment_yields_to",       "investment_per_share",
    "investment_deal_value",      "investment_change_to",
    "investment_earlier_level",
};

constexpr unsigned Bit(Role role) { return 1u << role; }
constexpr unsigned kTriggerRoles =
    Bit(kRound) | Bit(kTrigger) | Bit(kTriggerAfter);
// The words the clause reader tokenizes.
constexpr unsigned kClauseRoles = Bit(kNeutral) | Bit(kBlocker) | kTriggerRoles;
// The tables whose values are investment kinds (ParseInvestmentKind). The
// values of kFiller's are "filler" or "attributive"; the other tables' values
// are labels the code does not read.
constexpr unsigned kKindRoles = kTriggerRoles | Bit(kYieldsTo);

unsigned char ToLower(unsigned char c) {
  return IsAsciiUpper(c) ? c + ('a' - 'A') : c;
}

// A word of one of the tables, found in the text.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  Role role = kNeutral;
  InvestmentKind kind = InvestmentKind::kInvestment;  // of a trigger
  bool attributive = false;  // a filler (的) that allows kAttributiveGap
};

// A trigger as found: one table word, or a round label joined with the trigger
// after it.
struct Trigger {
  std::size_t begin = 0;
  std::size_t end = 0;
  InvestmentKind kind = InvestmentKind::kInvestment;
  bool after_only = false;  // ties only an amount before it
};

}  // namespace

// The words of the investment tables, indexed twice: by their first code point
// (ASCII letters folded to lower case) for Match, and by their last byte for
// LongestSuffix. Immutable after construction.
//
// Match keeps the meaning of reading each table on its own: for every table
// of `roles` its longest key at the position (between keys differing only in
// ASCII case, the one the sorted table lists first among keys starting with a
// lower-case letter, then among those starting with an upper-case one); then
// the longest of those, the lower role on equal lengths. A trigger of unknown
// kind found so is no word, and it hides the shorter keys of its table. The
// keys of a first code point are kept longest first, then by role, then in
// that table order, so the first key that matches (skipping hidden tables)
// is the answer.
class InvestmentLexicon {
 public:
  explicit InvestmentLexicon(const RuleTables& tables) {
    struct Pending {
      std::uint64_t first;  // FirstCodePoint of the key
      std::uint32_t rank;   // order between keys differing only in case
      Key key;
    };
    std::vector<Pending> pending;
    for (int role = 0; role < kRoleCount; ++role) {
      const RuleTable* table = tables.Find(kTableNames[role]);
      if (table == nullptr) continue;
      const bool holds_kinds = (Bit(static_cast<Role>(role)) & kKindRoles) != 0;
      const std::uint32_t table_size =
          static_cast<std::uint32_t>(table->entries.size());
      std::uint32_t index = 0;
      for (const auto& [key, value] : table->entries) {
        ++index;
        if (key.empty()) continue;  // matches nowhere
        Key entry;
        entry.offset = static_cast<std::uint32_t>(folded_.size());
        entry.size = static_cast<std::uint32_t>(key.size());
        entry.role = static_cast<Role>(role);
        entry.word_start = IsAsciiAlnum(key.front());
        entry.word_end = IsAsciiAlnum(key.back());
        if (holds_kinds) {
          entry.usable = ParseInvestmentKind(value, &entry.kind);
        }
        entry.attributive = role == kFiller && value == "attributive";
        for (const char c : key)
          folded_.push_back(static_cast<char>(ToLower(c)));
        entry.head = Head(std::string_view(folded_).substr(entry.offset));
        entry.head_mask = HeadMask(entry.size);
        const std::uint32_t rank =
            (IsAsciiUpper(key.front()) ? table_size : 0) + index;
        pending.push_back({FirstCodePoint(key, 0), rank, entry});
      }
    }

    // By first code point.
    std::sort(pending.begin(), pending.end(),
              [](const Pending& a, const Pending& b) {
                if (a.first != b.first) return a.first < b.first;
                if (a.key.size != b.key.size) return a.key.size > b.key.size;
                if (a.key.role != b.key.role) return a.key.role < b.key.role;
                return a.rank < b.rank;
              });
    std::size_t groups = 0;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      if (i == 0 || pending[i].first != pending[i - 1].first) ++groups;
    }
    std::size_t capacity = 16;
    while (capacity < 2 * groups) capacity *= 2;
    wide_groups_.assign(capacity, Slot());
    wide_shift_ = 64;
    for (std::size_t c = capacity; c > 1; c /= 2) --wide_shift_;
    by_first_.reserve(pending.size());
    for (std::size_t i = 0; i < pending.size();) {
      const std::uint64_t first = pending[i].first;
      Range range;
      range.begin = static_cast<std::uint32_t>(by_first_.size());
      for (; i < pending.size() && pending[i].first == first; ++i) {
        by_first_.push_back(pending[i].key);
        range.roles |= Bit(pending[i].key.role);
      }
      range.end = static_cast<std::uint32_t>(by_first_.size());
      const unsigned char lead = static_cast<unsigned char>(first);
      lead_roles_[lead] |= range.roles;
      if ((first >> 32) == 1) {
        narrow_groups_[lead] = range;
      } else {
        Slot* slot = &wide_groups_[WideHash(first)];
        while (slot->first != 0) {
          slot = slot + 1 == wide_groups_.data() + wide_groups_.size()
                     ? wide_groups_.data()
                     : slot + 1;
        }
        slot->first = first;
        slot->range = range;
      }
    }

    // By last byte.
    by_last_ = by_first_;
    std::sort(by_last_.begin(), by_last_.end(),
              [this](const Key& a, const Key& b) {
                const unsigned char a_last = LastByte(a), b_last = LastByte(b);
                if (a_last != b_last) return a_last < b_last;
                if (a.role != b.role) return a.role < b.role;
                return a.size > b.size;
              });
    for (std::size_t i = 0; i < by_last_.size();) {
      const unsigned char last = LastByte(by_last_[i]);
      Range& range = last_byte_groups_[last];
      range.begin = static_cast<std::uint32_t>(i);
      for (; i < by_last_.size() && LastByte(by_last_[i]) == last; ++i)
        range.roles |= Bit(by_last_[i].role);
      range.end = static_cast<std::uint32_t>(i);
    }
  }

  // The longest word at text[pos, limit) among the tables of `roles`; false
  // when none. Requires pos < text.size().
  bool Match(std::string_view text, std::size_t pos, std::size_t limit,
             unsigned roles, Word* word) const {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if ((lead_roles_[ToLower(lead)] & roles) == 0) return false;
    const Range* range = KeysStartingAt(text, pos);
    if (range == nullptr || (range->roles & roles) == 0) return false;
    const std::size_t room = limit - pos;
    const std::uint32_t head = Head(text.substr(pos));
    unsigned hidden = 0;  // tables whose longest key here is no word
    for (std::uint32_t i = range->begin; i < range->end; ++i) {
      const Key& key = by_first_[i];
      const unsigned bit = Bit(key.role);
      if ((roles & bit) == 0 || (hidden & bit) != 0 || key.size > room)
        continue;
      if ((head & key.head_mask) != key.head || !KeyMatchesAt(text, pos, key))
        continue;
      if (!key.usable) {
        hidden |= bit;
        continue;
      }
      *word = Word{pos, pos + key.size, key.role, key.kind, key.attributive};
      return true;
    }
    return false;
  }

  // The longest key of table `role` that text[begin, end) ends with; 0 when
  // none.
  std::size_t LongestSuffix(std::string_view text, std::size_t begin,
                            std::size_t end, Role role) const {
    const std::size_t room = end - begin;
    if (room == 0 || end == 0) return 0;
    const Range& range =
        last_byte_groups_[ToLower(static_cast<unsigned char>(text[end - 1]))];
    if ((range.roles & Bit(role)) == 0) return 0;
    for (std::uint32_t i = range.begin; i < range.end; ++i) {
      const Key& key = by_last_[i];
      if (key.role != role || key.size > room) continue;
      if (KeyMatchesAt(text, end - key.size, key)) return key.size;
    }
    return 0;
  }

 private:
  struct Key {
    std::uint32_t offset = 0;  // of its bytes in folded_
    std::uint32_t size = 0;
    Role role = kNeutral;
    // False for a trigger of unknown kind (a typo in a custom rule): no word.
    bool usable = true;
    bool attributive = false;
    bool word_start = false;  // begins with an ASCII letter or digit
    bool word_end = false;    // ends with one
    InvestmentKind kind = InvestmentKind::kInvestment;
    // Its first bytes (Head) and the mask of those a key this long fills: one
    // comparison rejects most keys that start with the text's code point.
    std::uint32_t head = 0;
    std::uint32_t head_mask = 0;
  };
  // Keys [begin, end) of by_first_ or by_last_, and the roles among them.
  struct Range {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    unsigned roles = 0;
  };
  struct Slot {
    std::uint64_t first = 0;  // 0: empty
    Range range;
  };

  // The first code point of text[pos...] as a table key: its bytes (at most
  // CodePointLength of the lead, fewer at the end of `text`) in the low bits
  // and their count above bit 32. A one-byte code point is folded to lower
  // case; longer ones are compared byte for byte, as the sorted tables were.
  static std::uint64_t FirstCodePoint(std::string_view text, std::size_t pos) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    const std::size_t length =
        std::min(Utf8SequenceLength(lead), text.size() - pos);
    if (length == 1) return (std::uint64_t{1} << 32) | ToLower(lead);
    std::uint64_t first = std::uint64_t{length} << 32;
    for (std::size_t i = 0; i < length; ++i) {
      first |= std::uint64_t{static_cast<unsigned char>(text[pos + i])}
               << (8 * i);
    }
    return first;
  }

  std::size_t WideHash(std::uint64_t first) const {
    return static_cast<std::size_t>((first * 0x9E3779B97F4A7C15ull) >>
                                    wide_shift_);
  }

  // The keys whose first code point is the one at text[pos], or nullptr.
  const Range* KeysStartingAt(std::string_view text, std::size_t pos) const {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (Utf8SequenceLength(lead) == 1) return &narrow_groups_[ToLower(lead)];
    const std::uint64_t first = FirstCodePoint(text, pos);
    // A code point cut short by the end of the text, down to its lead byte.
    if ((first >> 32) == 1) return &narrow_groups_[lead];
    const Slot* slot = &wide_groups_[WideHash(first)];
    const Slot* const slots_end = wide_groups_.data() + wide_groups_.size();
    while (slot->first != first) {
      if (slot->first == 0) return nullptr;
      slot = slot + 1 == slots_end ? wide_groups_.data() : slot + 1;
    }
    return &slot->range;
  }

  // The first four bytes of `text` (fewer at its end, the rest zero) with
  // ASCII folded to lower case, the first in the low bits.
  static std::uint32_t Head(std::string_view text) {
    std::uint32_t head = 0;
    const std::size_t size = std::min<std::size_t>(text.size(), 4);
    for (std::size_t i = 0; i < size; ++i)
      head |= std::uint32_t{ToLower(text[i])} << (8 * i);
    return head;
  }

  // The bits of Head that a key of `size` bytes fills.
  static std::uint32_t HeadMask(std::size_t size) {
    return size >= 4 ? ~std::uint32_t{0} : (std::uint32_t{1} << (8 * size)) - 1;
  }

  unsigned char LastByte(const Key& key) const {
    return static_cast<unsigned char>(folded_[key.offset + key.size - 1]);
  }

  // True when `key` is at text[pos], ignoring ASCII case, and a key that begins
  // or ends with an ASCII letter or digit stands at a word boundary there.
  bool KeyMatchesAt(std::string_view text, std::size_t pos,
                    const Key& key) const {
    if (key.size > text.size() - pos) return false;
    const char* folded = folded_.data() + key.offset;
    for (std::size_t i = 0; i < key.size; ++i) {
      if (ToLower(text[pos + i]) != static_cast<unsigned char>(folded[i]))
        return false;
    }
    const std::size_t end = pos + key.size;
    if (key.word_start && pos > 0 && IsAsciiAlnum(text[pos - 1])) return false;
    if (key.word_end && end < text.size() && IsAsciiAlnum(text[end]))
      return false;
    return true;
  }

  std::string folded_;  // the bytes of all keys, ASCII folded to lower case
  // Keys grouped by first code point, each group longest first, then by role,
  // then in table order (see the class comment).
  std::vector<Key> by_first_;
  // The groups of one-byte first code points, by that byte (lower case).
  Range narrow_groups_[256];
  // The groups of longer first code points: open addressing by WideHash,
  // linear probing, power-of-two size, at most half full.
  std::vector<Slot> wide_groups_;
  int wide_shift_ = 64;
  // The roles of the keys whose first byte (lower case) is the index: most
  // positions are rejected here with one load.
  unsigned lead_roles_[256] = {};
  // Keys grouped by last byte (lower case), then by role, longest first.
  std::vector<Key> by_last_;
  Range last_byte_groups_[256];
};

namespace {

// The state of the clause being read.
struct Clause {
  std::size_t begin = 0;
  // The last trigger or blocker since the previous amount (or the clause
  // start).
  bool has_head = false;
  bool head_is_blocker = false;
  std::size_t head_end = 0;
  Trigger head;
  // The last trigger of the clause (or the one it took over from the previous
  // clause).
  bool has_active = false;
  Trigger active;
  bool active_blocked = false;  // a blocker came after it
  bool active_used = false;     // an amount is tied to it already
  // The previous amount of the clause, and the trigger it was tied to.
  bool has_previous = false;
  bool previous_tied = false;
  std::size_t previous_end = 0;
  Trigger previous_trigger;
  bool saw_keyword = false;  // a trigger or blocker
  bool saw_amount = false;

  // Takes over the previous clause's open trigger, already tied to an amount
  // here.
  void TakeOpenTrigger(const Trigger& open) {
    has_active = true;
    active = open;
    active_blocked = false;
    active_used = true;
  }
};

class Typer {
 public:
  Typer(const Document& document, const std::vector<Money>& money,
        const InvestmentLexicon& lexicon, std::vector<Investment>* out)
      : document_(document),
        text_(document.text()),
        money_(money),
        lexicon_(lexicon),
        out_(out) {}

  void Run() {
    // A sentence here ends at a clause or a sentence end (document.h): the
    // items of a report that ; separates are read apart.
    EndCursor clause_ends(document_, Unit::kClause, 0);
    EndCursor sentence_ends(document_, Unit::kSentence, 0);
    const Boundary no_end{text_.size(), text_.size()};
    std::size_t pos = 0;
    std::size_t next = 0;  // the first amount not read yet
    while (next < money_.size() && pos < text_.size()) {
      // Find the end of the sentence at `pos`, stepping over amounts (a money
      // span may hold a full stop, as in "Rs. 5 crore").
      std::size_t end = pos;
      std::size_t after = next;
      Boundary stop = no_end;
      while (true) {
        const Boundary* clause_end = clause_ends.Next(end);
        const Boundary* sentence_end = sentence_ends.Next(end);
        stop = no_end;
        if (clause_end != nullptr) stop = *clause_end;
        if (sentence_end != nullptr && sentence_end->begin < stop.begin)
          stop = *sentence_end;
        if (after < money_.size() && money_[after].span.begin <= stop.begin) {
          end = std::max(end, money_[after].span.end);
          ++after;
          continue;
        }
        break;
      }
      if (after > next) ReadSentence(pos, stop.begin, next, after);
      next = after;
      pos = stop.end;
    }
  }

 private:
  // Reads text_[begin, end), which holds money_[first, last).
  void ReadSentence(std::size_t begin, std::size_t end, std::size_t first,
                    std::size_t last) {
    sentence_end_ = end;
    last_amount_ = last;
    consumed_trigger_ = std::string_view::npos;
    std::optional<Trigger> open;  // what the previous clauses left open
    Clause clause;
    clause.begin = begin;
    // Within the sentence, the phrase ends outside amounts are commas: the
    // typer's clauses.
    EndCursor phrase_ends(document_, Unit::kPhrase, begin);
    std::size_t pos = begin;
    std::size_t next = first;
    while (pos < end) {
      if (next < last && pos >= money_[next].span.begin) {
        OnAmount(next, open, &clause);
        pos = std::max(pos, money_[next].span.end);
        ++next;
        continue;
      }
      const unsigned char c = static_cast<unsigned char>(text_[pos]);
      if (const Boundary* comma = phrase_ends.Next(pos);
          comma != nullptr && comma->begin == pos) {
        if (clause.has_active && !clause.active_blocked) {
          open = clause.active;
        } else if (clause.saw_keyword || clause.saw_amount) {
          open.reset();
        }
        pos = comma->end;
        clause = Clause();
        clause.begin = pos;
        continue;
      }
      if (IsBlank(c)) {
        ++pos;
        continue;
      }
      const std::size_t limit = next < last ? money_[next].span.begin : end;
      Word word;
      if (lexicon_.Match(text_, pos, limit, kClauseRoles, &word)) {
        pos = OnWord(word, limit, &clause);
        continue;
      }
      pos = SkipToken(pos, limit);
    }
  }

  // Past the code point at `pos`, or past the whole ASCII word that starts
  // there (no key starts inside a word).
  std::size_t SkipToken(std::size_t pos, std::size_t limit) const {
    if (!IsAsciiAlnum(text_[pos])) {
      return pos + Utf8SequenceLength(static_cast<unsigned char>(text_[pos]));
    }
    ++pos;
    while (pos < limit && IsAsciiAlnum(text_[pos])) ++pos;
    return pos;
  }

  std::size_t SkipSpaces(std::size_t pos, std::size_t limit) const {
    while (pos < limit && IsBlank(text_[pos])) ++pos;
    return pos;
  }

  // A trigger word as a Trigger; a round label takes in the trigger right after
  // it (B轮 + 融资 -> B轮融资, Series B + funding -> Series B funding).
  Trigger ReadTrigger(const Word& word, std::size_t limit) const {
    Trigger trigger{word.begin, word.end, word.kind,
                    word.role == kTriggerAfter};
    if (word.role != kRound) return trigger;
    const std::size_t pos = SkipSpaces(word.end, limit);
    Word next;
    if (pos < limit && lexicon_.Match(text_, pos, limit, kClauseRoles, &next) &&
        (next.role == kTrigger || next.role == kTriggerAfter)) {
      trigger.end = next.end;
    }
    return trigger;
  }

  // Reads a word of the clause; returns where reading goes on.
  std::size_t OnWord(const Word& word, std::size_t limit, Clause* clause) {
    if (word.role == kNeutral) return word.end;
    clause->saw_keyword = true;
    clause->has_head = true;
    if (word.role == kBlocker) {
      clause->head_is_blocker = true;
      clause->head_end = word.end;
      if (clause->has_active) clause->active_blocked = true;
      return word.end;
    }
    const Trigger trigger = ReadTrigger(word, limit);
    clause->head_is_blocker = false;
    clause->head_end = trigger.end;
    clause->head = trigger;
    // A trigger that ties only an amount before it does not hide an open
    // trigger before it: "buy the 40% stake it does not own for $1.3 billion".
    if (trigger.after_only && clause->has_active && !clause->active_blocked &&
        !clause->active.after_only && !clause->active_used) {
      return trigger.end;
    }
    clause->has_active = true;
    clause->active = trigger;
    clause->active_blocked = false;
    // A trigger that an amount before it already took (5亿元的投资) is used.
    clause->active_used = trigger.begin == consumed_trigger_;
    return trigger.end;
  }

  void OnAmount(std::size_t index, const std::optional<Trigger>& open,
                Clause* clause) {
    const Money& amount = money_[index];
    Trigger tie;
    bool tied = false;
    bool uses_active = false;
    if (IsPricePerShare(amount.span.end)) {
      // bid $48 a share, or $1.9 billion: the trigger waits for the total.
    } else if (IsChangeBeforeLevel(index)) {
      // cut its capital budget by $200 million to $2.3 billion: the trigger
      // waits for the level.
    } else if (open && open->kind == InvestmentKind::kAcquisition &&
               !clause->saw_amount &&
               OpensWithDealValue(clause->begin, amount.span.begin)) {
      tie = *open;
      tied = true;
      clause->TakeOpenTrigger(*open);
    } else if (clause->has_previous && clause->previous_tied &&
               !clause->has_head &&
               (IsListJoin(clause->previous_end, amount.span.begin) ||
                IsEarlierLevel(clause->previous_end, amount.span.begin))) {
      tie = clause->previous_trigger;
      tied = true;
    } else {
      bool blocked = false;
      if (clause->has_head &&
          amount.span.begin - clause->head_end <= kDirectGap) {
        if (clause->head_is_blocker) {
          blocked = true;
        } else if (!clause->head.after_only) {
          // 出资设立规模50亿元的产业基金: after a size word, a fund word
          // after the amount says whose size it is.
          Trigger fund;
          if (lexicon_.LongestSuffix(text_, clause->head_end, amount.span.begin,
                                     kSizeWord) > 0 &&
              FindTriggerAfter(index, &fund) &&
              fund.kind == InvestmentKind::kFund) {
            tie = fund;
            tied = true;
            consumed_trigger_ = fund.begin;
          } else if (Trigger after; YieldsTo(clause->head, index, &after)) {
            tie = after;
            tied = true;
            consumed_trigger_ = after.begin;
          } else {
            tie = clause->head;
            tied = uses_active = true;
          }
        }
      }
      if (!tied && !blocked) {
        if (FindTriggerAfter(index, &tie)) {
          tied = true;
          consumed_trigger_ = tie.begin;
        } else if (clause->has_active && !clause->active_blocked &&
                   !clause->active_used && !clause->active.after_only &&
                   WordsBetween(clause->active.end, amount.span.begin) <=
                       kFarWords) {
          tie = clause->active;
          tied = uses_active = true;
        } else if (open && !clause->saw_keyword && !clause->saw_amount &&
                   OpensContinuation(clause->begin, amount.span.begin)) {
          tie = *open;
          tied = true;
          clause->TakeOpenTrigger(*open);
        }
      }
    }
    if (uses_active) clause->active_used = true;
    if (tied) Emit(amount, tie, *clause);
    clause->has_previous = true;
    clause->previous_tied = tied;
    clause->previous_end = amount.span.end;
    clause->previous_trigger = tie;
    clause->has_head = false;
    clause->saw_amount = true;
  }

  // True when a per-share word follows the amount ("$48 a share"): a price
  // per unit, not the total that an investment is.
  bool IsPricePerShare(std::size_t amount_end) const {
    const std::size_t pos = SkipSpaces(amount_end, sentence_end_);
    Word word;
    return pos < sentence_end_ &&
           lexicon_.Match(text_, pos, sentence_end_, Bit(kPerShare), &word);
  }

  // True when money_[index] is a change followed by the level it leads to: a
  // word of investment_change_to, then right away the next amount ("by $200
  // million to $2.3 billion").
  bool IsChangeBeforeLevel(std::size_t index) const {
    if (index + 1 >= last_amount_) return false;
    const std::size_t pos = SkipSpaces(money_[index].span.end, sentence_end_);
    Word word;
    return pos < sentence_end_ &&
           lexicon_.Match(text_, pos, sentence_end_, Bit(kChangeTo), &word) &&
           SkipSpaces(word.end, sentence_end_) == money_[index + 1].span.begin;
  }

  // True when `head`, a general verb (出资, sold), yields to a trigger of the
  // kind its table value names right after money_[index]: in 出资2亿元收购
  // the purchase decides, in "sold $200 million of convertible notes" the
  // notes do. The trigger after is put in *after.
  bool YieldsTo(const Trigger& head, std::size_t index, Trigger* after) const {
    Word word;
    if (!lexicon_.Match(text_, head.begin, head.end, Bit(kYieldsTo), &word) ||
        word.end != head.end) {
      return false;
    }
    return FindTriggerAfter(index, after) && after->kind == word.kind;
  }

  // True when text_[from, to) is a list joiner and a short label: 、二期 / and.
  bool IsListJoin(std::size_t from, std::size_t to) const {
    const std::size_t pos = SkipSpaces(from, to);
    Word joiner;
    if (pos >= to || !lexicon_.Match(text_, pos, to, Bit(kJoiner), &joiner))
      return false;
    return to - joiner.end <= kListLabel;
  }

  // True when text_[from, to) is a short label and a word of
  // investment_earlier_level right before the amount at `to`: the same figure
  // at an earlier time ("to $13.2 billion in the second quarter from $6.9
  // billion a year earlier").
  bool IsEarlierLevel(std::size_t from, std::size_t to) const {
    std::size_t end = to;
    while (end > from && IsBlank(text_[end - 1])) --end;
    std::size_t begin = end;
    while (begin > from && IsAsciiLetter(text_[begin - 1])) --begin;
    if (begin == end || begin - from > kListLabel) return false;
    Word word;
    return lexicon_.Match(text_, begin, end, Bit(kEarlierLevel), &word) &&
           word.end == end;
  }

  // The words of text_[from, to): each Han (non-ASCII) character, and each
  // run of ASCII characters other than spaces, counts one.
  std::size_t WordsBetween(std::size_t from, std::size_t to) const {
    std::size_t words = 0;
    std::size_t pos = from;
    while (pos < to) {
      const unsigned char c = static_cast<unsigned char>(text_[pos]);
      if (IsBlank(c)) {
        ++pos;
      } else if (c >= 0x80) {
        ++words;
        pos += Utf8SequenceLength(c);
      } else {
        ++words;
        ++pos;
        while (pos < to && !IsBlank(text_[pos]) &&
               static_cast<unsigned char>(text_[pos]) < 0x80)
          ++pos;
      }
    }
    return words;
  }

  // True when text_[begin, end), before a clause's first amount, is a
  // deal-value word ("valued at", "worth") and spaces.
  bool OpensWithDealValue(std::size_t begin, std::size_t end) const {
    const std::size_t pos = SkipSpaces(begin, end);
    Word word;
    return pos < end &&
           lexicon_.Match(text_, pos, end, Bit(kDealValue), &word) &&
           SkipSpaces(word.end, end) == end;
  }

  // True when text_[begin, end) before a clause's first amount is empty, opens
  // with a continuation word ("其中一期", "规模", "including"), or is a joiner
  // and a short label
  // ("和二期", "and").
  bool OpensContinuation(std::size_t begin, std::size_t end) const {
    const std::size_t pos = SkipSpaces(begin, end);
    if (pos >= end) return true;
    if (end - begin > kContinuationPrefix) return false;
    Word word;
    if (!lexicon_.Match(text_, pos, end, Bit(kContinuation) | Bit(kJoiner),
                        &word)) {
      return false;
    }
    return word.role == kContinuation || end - word.end <= kOpeningJoinerLabel;
  }

  // Looks for a trigger right after money_[index] (see the file comment, step
  // 3).
  bool FindTriggerAfter(std::size_t index, Trigger* trigger) const {
    const std::size_t start = money_[index].span.end;
    const std::size_t stop = std::min(sentence_end_, start + kLookaheadBytes);
    std::size_t pos = start;
    std::size_t next = index + 1;
    std::size_t other = 0;
    EndCursor phrase_ends(document_, Unit::kPhrase, start);
    int listed = 0;
    bool after_joiner = false;
    std::size_t gap_limit = kForwardGap;
    // Past kForwardGap, only a capitalized trigger ends a name of capitalized
    // words: the $3 billion Example Growth Fund, but not "$8 billion in its
    // North Carolina battery plant".
    bool in_name = false;
    while (pos < stop) {
      if (next < last_amount_ && pos >= money_[next].span.begin) {
        if (!after_joiner || ++listed > kMaxListedAhead) return false;
        pos = std::max(pos, money_[next].span.end);
        ++next;
        after_joiner = false;
        continue;
      }
      if (phrase_ends.At(pos)) return false;
      if (IsBlank(text_[pos])) {
        ++pos;
        continue;
      }
      const std::size_t limit =
          next < last_amount_ ? money_[next].span.begin : sentence_end_;
      Word word;
      if (lexicon_.Match(text_, pos, limit,
                         kClauseRoles | Bit(kFiller) | Bit(kJoiner), &word)) {
        switch (word.role) {
          case kRound:
          case kTrigger:
          case kTriggerAfter:
            // A joiner leads to a further amount of a list; one followed by a
            // trigger starts a new predicate, which is not about this amount:
            // "a $350m deal and raised $1bn", "5亿元及配套投资".
            if (after_joiner) return false;
            if (other > gap_limit && !IsAsciiUpper(text_[word.begin]))
              return false;
            *trigger = ReadTrigger(word, limit);
            return true;
          case kBlocker:
            return false;
          case kFiller:
            if (word.attributive) gap_limit = kAttributiveGap;
            pos = word.end;
            continue;
          case kJoiner:
            after_joiner = true;
            pos = word.end;
            continue;
          default:  // a neutral word counts as other text
            other += word.end - word.begin;
            pos = word.end;
            break;
        }
      } else {
        // A capitalized word starts a name that the trigger ends: the $3
        // billion Example Growth Fund.
        if (IsAsciiUpper(text_[pos])) in_name = true;
        const std::size_t skipped = SkipToken(pos, limit);
        other += skipped - pos;
        pos = skipped;
      }
      if (other > (in_name ? std::max(gap_limit, kAttributiveGap) : gap_limit))
        return false;
    }
    return false;
  }

  void Emit(const Money& amount, const Trigger& trigger, const Clause& clause) {
    Investment investment;
    investment.span = amount.span;
    investment.trigger = Span{trigger.begin, trigger.end};
    investment.kind = trigger.kind;
    investment.money = amount;
    investment.rule = amount.rule;
    // Investor and target only for a trigger of this clause before the amount:
    // the plain shape "X公司拟投资5亿元建设Y项目". An acquisition names them
    // only with a buying verb (a seller is no investor):
    // X公司拟以5亿元收购Y公司 (the verb after the amount), "Acme agreed to buy
    // Beta Corp for $4.2 billion" (the verb before it, the target right after
    // the verb).
    const bool acquisition = trigger.kind == InvestmentKind::kAcquisition;
    if (trigger.begin >= clause.begin && trigger.end <= amount.span.begin) {
      if (!acquisition) {
        investment.investor = FindInvestor(clause.begin, trigger.begin);
        investment.target = FindTarget(amount.span.end);
      } else if (IsTargetVerb(trigger)) {
        investment.investor = FindInvestor(clause.begin, trigger.begin);
        investment.target = ReadTargetName(trigger.end, amount.span.begin);
      }
    } else if (acquisition && trigger.begin >= amount.span.end) {
      investment.target = FindTarget(amount.span.end);
      if (investment.target)
        investment.investor = FindInvestor(clause.begin, amount.span.begin);
    }
    out_->push_back(investment);
  }

  // The clause's subject before the trigger, when it plainly names an
  // organisation.
  std::optional<Span> FindInvestor(std::size_t begin, std::size_t end) const {
    // Strip leading and trailing adverbs (近日, 拟, 将, plans to, will).
    bool stripped = true;
    while (stripped) {
      stripped = false;
      begin = SkipSpaces(begin, end);
      while (end > begin && IsBlank(text_[end - 1])) --end;
      Word word;
      if (begin < end &&
          lexicon_.Match(text_, begin, end, Bit(kInvestorAdverb), &word)) {
        begin = word.end;
        stripped = true;
      }
      const std::size_t suffix =
          lexicon_.LongestSuffix(text_, begin, end, kInvestorAdverb);
      if (suffix > 0 && end - suffix >= begin) {
        end -= suffix;
        stripped = true;
      }
    }
    if (begin >= end || end - begin > kMaxInvestor) return std::nullopt;
    // No digits (dates, amounts) and no trigger or blocker inside.
    for (std::size_t pos = begin; pos < end;) {
      if (IsAsciiDigit(text_[pos])) return std::nullopt;
      Word word;
      if (lexicon_.Match(text_, pos, end, kClauseRoles, &word)) {
        if (word.role == kTrigger || word.role == kRound ||
            word.role == kBlocker) {
          return std::nullopt;
        }
        pos = word.end;
        continue;
      }
      pos = SkipToken(pos, end);
    }
    if (!IsAsciiLetter(text_[begin])) {
      // Chinese: it must end with an organisation suffix (公司, 集团, 政府).
      if (lexicon_.LongestSuffix(text_, begin, end, kInvestorSuffix) == 0)
        return std::nullopt;
      return Span{begin, end};
    }
    // English: a short run of capitalized words ("Acme Corp", "SoftBank").
    int words = 0;
    for (std::size_t pos = begin; pos < end;) {
      pos = SkipSpaces(pos, end);
      if (pos >= end) break;
      const unsigned char c = static_cast<unsigned char>(text_[pos]);
      if (!IsAsciiUpper(c) && c != '&') return std::nullopt;
      if (++words > kMaxInvestorWords) return std::nullopt;
      while (pos < end && !IsBlank(text_[pos])) ++pos;
    }
    if (!IsPlainName(begin, end)) return std::nullopt;
    return Span{begin, end};
  }

  // False when an English name run holds a word that is no name (a month, "On",
  // "Series B", a trigger or a blocker).
  bool IsPlainName(std::size_t begin, std::size_t end) const {
    for (std::size_t pos = begin; pos < end;) {
      Word word;
      if (lexicon_.Match(text_, pos, end, kClauseRoles | Bit(kNameStop),
                         &word)) {
        if (word.role != kNeutral && word.role != kTriggerAfter) return false;
        pos = word.end;
        continue;
      }
      pos = SkipToken(pos, end);
    }
    return true;
  }

  // The project or company after a verb that follows the amount: 建设Y项目, in
  // Acme.
  std::optional<Span> FindTarget(std::size_t amount_end) const {
    const std::size_t stop = std::min(sentence_end_, amount_end + kMaxTarget);
    std::size_t pos = SkipSpaces(amount_end, stop);
    Word verb;
    if (pos >= stop ||
        !lexicon_.Match(text_, pos, stop, Bit(kTargetVerb), &verb)) {
      return std::nullopt;
    }
    // 用于建设 / 用于收购: the last of the verbs in a row.
    pos = SkipSpaces(verb.end, stop);
    while (pos < stop &&
           lexicon_.Match(text_, pos, stop, Bit(kTargetVerb), &verb)) {
      pos = SkipSpaces(verb.end, stop);
    }
    return ReadTargetName(pos, stop);
  }

  // True when the trigger is a buying verb of investment_target_verb (收购,
  // buy, acquire).
  bool IsTargetVerb(const Trigger& trigger) const {
    Word verb;
    return lexicon_.Match(text_, trigger.begin, trigger.end, Bit(kTargetVerb),
                          &verb) &&
           verb.end == trigger.end;
  }

  // The target name that starts at `begin` (after spaces), ending before
  // `stop`: in English the run of capitalized words, in Chinese the text up
  // to the first target suffix and the suffixes right after it.
  std::optional<Span> ReadTargetName(std::size_t begin,
                                     std::size_t stop) const {
    stop = std::min(stop, begin + kMaxTarget);
    begin = SkipSpaces(begin, stop);
    std::size_t pos = begin;
    if (begin >= stop) return std::nullopt;
    if (IsAsciiLetter(text_[begin])) {
      // English: the run of capitalized words.
      std::size_t end = begin;
      while (pos < stop && IsAsciiUpper(text_[pos])) {
        while (pos < stop && (IsAsciiAlnum(text_[pos]) || text_[pos] == '&' ||
                              text_[pos] == '-')) {
          ++pos;
        }
        end = pos;
        if (pos + 1 < stop && text_[pos] == ' ') ++pos;
      }
      if (end == begin || !IsPlainName(begin, end)) return std::nullopt;
      return Span{begin, end};
    }
    // Chinese: up to the first target suffix (项目, 基地, 公司), with suffixes
    // right after it.
    std::size_t end = 0;
    EndCursor phrase_ends(document_, Unit::kPhrase, begin);
    for (pos = begin; pos < stop;) {
      if (phrase_ends.At(pos)) break;
      Word suffix;
      if (lexicon_.Match(text_, pos, stop, Bit(kTargetSuffix), &suffix)) {
        end = suffix.end;
        pos = suffix.end;
        continue;
      }
      if (end != 0) break;
      pos += Utf8SequenceLength(static_cast<unsigned char>(text_[pos]));
    }
    if (end <= begin) return std::nullopt;
    return Span{begin, end};
  }

  const Document& document_;
  std::string_view text_;
  const std::vector<Money>& money_;
  const InvestmentLexicon& lexicon_;
  std::vector<Investment>* out_;
  // Of the sentence being read.
  std::size_t sentence_end_ = 0;
  std::size_t last_amount_ = 0;
  std::size_t consumed_trigger_ = std::string_view::npos;
};

}  // namespace

bool ParseInvestmentKind(std::string_view name, InvestmentKind* kind) {
  constexpr InvestmentKind kKinds[] = {
      InvestmentKind::kTotalInvestment, InvestmentKind::kInvestment,
      InvestmentKind::kFinancing,       InvestmentKind::kFund,
      InvestmentKind::kCreditLine,      InvestmentKind::kRndSpending,
      InvestmentKind::kAcquisition,
  };
  for (InvestmentKind candidate : kKinds) {
    if (InvestmentKindName(candidate) == name) {
      *kind = candidate;
      return true;
    }
  }
  return false;
}

InvestmentTyper::InvestmentTyper(const RuleTables& tables) {
  if (tables.Find(kTableNames[kTrigger]) != nullptr)
    lexicon_ = std::make_shared<const InvestmentLexicon>(tables);
}

void InvestmentTyper::Find(const Document& document,
                           const std::vector<Money>& money,
                           std::vector<Investment>* out) const {
  if (money.empty() || lexicon_ == nullptr) return;
  Typer(document, money, *lexicon_, out).Run();
}

void FindInvestments(std::string_view text, const std::vector<Money>& money,
                     const RuleTables& tables, std::vector<Investment>* out) {
  if (money.empty()) return;
  InvestmentTyper(tables).Find(Document(text), money, out);
}

bool FindInvestmentTable(std::string_view name, InvestmentTableValues* values) {
  for (int role = 0; role < kRoleCount; ++role) {
    if (kTableNames[role] != name) continue;
    const unsigned bit = Bit(static_cast<Role>(role));
    *values = (bit & kKindRoles) != 0 ? InvestmentTableValues::kKinds
              : role == kFiller       ? InvestmentTableValues::kFiller
                                      : InvestmentTableValues::kLabels;
    return true;
  }
  return false;
}

}  // namespace factx::internal
