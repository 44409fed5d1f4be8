#include "dates/date_tense.h"

#include <algorithm>
#include <array>

#include "text/char_class.h"

namespace factx::internal {
namespace {

// How far from the date a cue is looked for, on each side: about 40 Chinese
// characters or 20 English words, within the clause.
constexpr std::size_t kTenseLookaround = 120;

// English words of at least this many letters that end in -ed read as past
// tense (closed, reported, freed), unless date_en_not_tense lists them.
constexpr std::size_t kMinPastSuffixWord = 4;

// Cue words found in the window, so that an -ed word inside one (expected to)
// is not read as well.
constexpr std::size_t kMaxTableHits = 32;

// `word` at text[i], ASCII letters compared in lower case; a word that begins
// or ends with a letter must not touch another letter there (will, not
// goodwill).
bool WordAt(std::string_view text, std::size_t i, std::string_view word) {
  if (word.empty() || i + word.size() > text.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (ToAsciiLower(text[i + k]) != word[k]) return false;
  }
  if (IsAsciiLetter(word.front()) && i > 0 && IsAsciiLetter(text[i - 1]))
    return false;
  const std::size_t after = i + word.size();
  return !(IsAsciiLetter(word.back()) && after < text.size() &&
           IsAsciiLetter(text[after]));
}

// True when a word of `not_tense` covers [i, i + size): 了 in 了解, 将 in 将近.
bool InsideNonCue(std::string_view text, std::size_t i, std::size_t size,
                  const RuleTable* not_tense) {
  if (not_tense == nullptr) return false;
  for (const auto& entry : not_tense->entries) {
    const std::string_view word = entry.first;
    if (word.size() < size) continue;
    const std::size_t first =
        i + size > word.size() ? i + size - word.size() : 0;
    for (std::size_t start = first; start <= i; ++start) {
      if (WordAt(text, start, word)) return true;
    }
  }
  return false;
}

// True when the word before text[i] (past spaces) is a key of `leads`: held
// after `be` (will be held, is to be held) is a participle, not past tense.
bool AfterWordOf(std::string_view text, std::size_t i, const RuleTable* leads) {
  if (leads == nullptr) return false;
  std::size_t end = i;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && IsAsciiLetter(text[begin - 1])) --begin;
  if (begin == end || end == i) return false;
  for (const auto& entry : leads->entries) {
    if (entry.first.size() == end - begin && WordAt(text, begin, entry.first))
      return true;
  }
  return false;
}

struct Cue {
  std::size_t distance = 0;
  Tense tense = Tense::kNone;
};

struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class CueSearch {
 public:
  // The window: the phrase around the date (document.h), at most
  // kTenseLookaround bytes on each side.
  CueSearch(const Document& document, std::size_t begin, std::size_t end)
      : text_(document.text()),
        begin_(begin),
        end_(end),
        window_begin_(
            std::max(document.Begin(Unit::kPhrase, begin),
                     begin > kTenseLookaround ? begin - kTenseLookaround : 0)),
        window_end_(std::min(document.End(Unit::kPhrase, end),
                             std::min(text_.size(), end + kTenseLookaround))) {}

  // Every occurrence of a key of `cues` in the window (value past or future)
  // that no word of `not_tense` holds.
  void FindTableCues(const RuleTable* cues, const RuleTable* not_tense,
                     const RuleTable* participle_leads) {
    if (cues == nullptr) return;
    for (const auto& entry : cues->entries) {
      const std::string_view word = entry.first;
      const std::string_view value = entry.second;
      const Tense tense = value == "past"     ? Tense::kPast
                          : value == "future" ? Tense::kFuture
                                              : Tense::kNone;
      if (tense == Tense::kNone || word.empty()) continue;
      ForEachPosition([&](std::size_t i) {
        if (!WordAt(text_, i, word) ||
            InsideNonCue(text_, i, word.size(), not_tense)) {
          return;
        }
        if (tense == Tense::kPast && AfterWordOf(text_, i, participle_leads))
          return;
        if (hit_count_ < kMaxTableHits)
          hits_[hit_count_++] = {i, i + word.size()};
        Offer(i, i + word.size(), tense);
      });
    }
  }

  // English words ending in -ed that no table cue covers, as past tense.
  void FindPastSuffixWords(const RuleTable* not_tense,
                           const RuleTable* participle_leads) {
    std::size_t i = window_begin_;
    while (i < window_end_) {
      if (!IsAsciiLetter(text_[i]) || (i >= begin_ && i < end_)) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < window_end_ && IsAsciiLetter(text_[j])) ++j;
      if (j - i >= kMinPastSuffixWord && ToAsciiLower(text_[j - 2]) == 'e' &&
          ToAsciiLower(text_[j - 1]) == 'd' && !Covered(i, j) &&
          !InsideNonCue(text_, i, j - i, not_tense) &&
          !AfterWordOf(text_, i, participle_leads) &&
          (j <= begin_ || i >= end_)) {
        Offer(i, j, Tense::kPast);
      }
      i = j;
    }
  }

  Tense nearest() const { return best_.tense; }

 private:
  // Calls visit(i) for each byte of the window outside the date.
  template <typename Visit>
  void ForEachPosition(Visit visit) const {
    for (std::size_t i = window_begin_; i < begin_; ++i) visit(i);
    for (std::size_t i = end_; i < window_end_; ++i) visit(i);
  }

  bool Covered(std::size_t begin, std::size_t end) const {
    for (std::size_t k = 0; k < hit_count_; ++k) {
      if (hits_[k].begin < end && begin < hits_[k].end) return true;
    }
    return false;
  }

  // A cue at [begin, end): kept when nearer the date than the best so far (on
  // a tie, the earlier found).
  void Offer(std::size_t begin, std::size_t end, Tense tense) {
    if (begin < begin_ && end > begin_) return;  // runs into the date
    const std::size_t distance = end <= begin_ ? begin_ - end : begin - end_;
    if (best_.tense == Tense::kNone || distance < best_.distance)
      best_ = {distance, tense};
  }

  std::string_view text_;
  std::size_t begin_, end_;
  std::size_t window_begin_, window_end_;
  Cue best_;
  std::array<Hit, kMaxTableHits> hits_{};
  std::size_t hit_count_ = 0;
};

}  // namespace

Tense ReadTense(const Document& document, std::size_t begin, std::size_t end,
                const RuleTables& tables) {
  CueSearch search(document, begin, end);
  const RuleTable* en_not_tense = tables.Find("date_en_not_tense");
  const RuleTable* zh_not_tense = tables.Find("date_zh_not_tense");
  const RuleTable* participle_leads = tables.Find("date_en_participle_lead");
  search.FindTableCues(tables.Find("date_en_tense"), en_not_tense,
                       participle_leads);
  search.FindTableCues(tables.Find("date_zh_tense"), zh_not_tense, nullptr);
  search.FindPastSuffixWords(en_not_tense, participle_leads);
  return search.nearest();
}

}  // namespace factx::internal
