#include "dates/date_tense.h"

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>
#include <utility>

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

// The rank of an -ed word: read after every cue of the tables.
constexpr std::uint32_t kPastSuffixRank =
    std::numeric_limits<std::uint32_t>::max();

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
                  const std::vector<std::string>& not_tense) {
  for (const std::string& word : not_tense) {
    if (word.size() < size) continue;
    const std::size_t first =
        i + size > word.size() ? i + size - word.size() : 0;
    for (std::size_t start = first; start <= i; ++start) {
      if (WordAt(text, start, word)) return true;
    }
  }
  return false;
}

// True when the word before text[i] (past spaces) is one of `leads`: held
// after `be` (will be held, is to be held) is a participle, not past tense.
bool AfterWordOf(std::string_view text, std::size_t i,
                 const std::vector<std::string>& leads) {
  std::size_t end = i;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && IsAsciiLetter(text[begin - 1])) --begin;
  if (begin == end || end == i) return false;
  for (const std::string& lead : leads) {
    if (lead.size() == end - begin && WordAt(text, begin, lead)) return true;
  }
  return false;
}

// The keys of `table` in order; none without the table.
std::vector<std::string> KeysOf(const RuleTable* table) {
  std::vector<std::string> keys;
  if (table == nullptr) return keys;
  for (const auto& entry : table->entries) keys.push_back(entry.first);
  return keys;
}

// A cue found in the window. Of two at the same distance from the date, the
// first read wins: the lower rank, then the earlier one.
struct Found {
  std::size_t distance = 0;
  std::uint32_t rank = 0;
  std::size_t begin = 0;
  Tense tense = Tense::kNone;
};

struct Hit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t rank = 0;
};

// True when the tables' order reads `a` before `b`: by rank, then position.
bool ReadBefore(const Hit& a, const Hit& b) {
  return std::tie(a.rank, a.begin) < std::tie(b.rank, b.begin);
}

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

  // Every occurrence of a cue word in the window that no word of its
  // not_tense table holds.
  void FindTableCues(const TenseCues& cues) {
    ForEachPosition([&](std::size_t i) {
      // Inside a word no cue starts: those filed under a letter begin with
      // one, so they must not touch a letter before them (WordAt).
      if (IsAsciiLetter(text_[i]) && i > 0 && IsAsciiLetter(text_[i - 1]))
        return;
      const unsigned char first =
          static_cast<unsigned char>(ToAsciiLower(text_[i]));
      for (const TenseCues::Cue* cue = cues.begin(first);
           cue != cues.end(first); ++cue) {
        const std::string_view word = cue->word;
        if (!WordAt(text_, i, word) ||
            InsideNonCue(text_, i, word.size(), cues.not_tense(cue->english))) {
          continue;
        }
        if (cue->tense == Tense::kPast && cue->english &&
            AfterWordOf(text_, i, cues.participle_leads())) {
          continue;
        }
        Record({i, i + word.size(), cue->rank});
        Offer(i, i + word.size(), cue->rank, cue->tense);
      }
    });
  }

  // English words ending in -ed that no table cue covers, as past tense.
  void FindPastSuffixWords(const std::vector<std::string>& not_tense,
                           const std::vector<std::string>& participle_leads) {
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
        Offer(i, j, kPastSuffixRank, Tense::kPast);
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

  // Keeps the kMaxTableHits cue words that the tables' order reads first.
  void Record(const Hit& hit) {
    if (hit_count_ < kMaxTableHits) {
      hits_[hit_count_++] = hit;
      return;
    }
    Hit* last = std::max_element(hits_.begin(), hits_.end(), ReadBefore);
    if (ReadBefore(hit, *last)) *last = hit;
  }

  bool Covered(std::size_t begin, std::size_t end) const {
    for (std::size_t k = 0; k < hit_count_; ++k) {
      if (hits_[k].begin < end && begin < hits_[k].end) return true;
    }
    return false;
  }

  // A cue at [begin, end): kept when nearer the date than the best so far, or
  // as near and read first.
  void Offer(std::size_t begin, std::size_t end, std::uint32_t rank,
             Tense tense) {
    if (begin < begin_ && end > begin_) return;  // runs into the date
    const Found found{end <= begin_ ? begin_ - end : begin - end_, rank, begin,
                      tense};
    if (best_.tense == Tense::kNone ||
        std::tie(found.distance, found.rank, found.begin) <
            std::tie(best_.distance, best_.rank, best_.begin)) {
      best_ = found;
    }
  }

  std::string_view text_;
  std::size_t begin_, end_;
  std::size_t window_begin_, window_end_;
  Found best_;
  std::array<Hit, kMaxTableHits> hits_{};
  std::size_t hit_count_ = 0;
};

}  // namespace

TenseCues::TenseCues(const RuleTables& tables)
    : en_not_tense_(KeysOf(tables.Find("date_en_not_tense"))),
      zh_not_tense_(KeysOf(tables.Find("date_zh_not_tense"))),
      participle_leads_(KeysOf(tables.Find("date_en_participle_lead"))) {
  for (const bool english : {true, false}) {
    const RuleTable* table =
        tables.Find(english ? "date_en_tense" : "date_zh_tense");
    if (table == nullptr) continue;
    for (const auto& [word, value] : table->entries) {
      const Tense tense = value == "past"     ? Tense::kPast
                          : value == "future" ? Tense::kFuture
                                              : Tense::kNone;
      if (tense == Tense::kNone || word.empty()) continue;
      Cue cue;
      cue.word = word;
      cue.tense = tense;
      cue.rank = static_cast<std::uint32_t>(cues_.size());
      cue.english = english;
      cues_.push_back(std::move(cue));
    }
  }
  // By first byte; stable, so each byte's cues stay in rank order.
  first_ = FileByByte(&cues_, [](const Cue& cue) {
    return static_cast<unsigned char>(cue.word.front());
  });
}

Tense ReadTense(const Document& document, std::size_t begin, std::size_t end,
                const TenseCues& cues) {
  CueSearch search(document, begin, end);
  search.FindTableCues(cues);
  search.FindPastSuffixWords(cues.not_tense(/*english=*/true),
                             cues.participle_leads());
  return search.nearest();
}

}  // namespace factx::internal
