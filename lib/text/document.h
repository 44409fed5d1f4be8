// The layout of one normalized text: where its phrases, clauses, sentences and
// paragraphs end, found in one pass when a call starts. The rule engine, the
// money builder, the date parser and tense reader, and the investment typer
// read it instead of each looking for punctuation its own way.
//
//   营收增长12%，净利润下降3%；公司称。\n下一段
//   phrase ends      ，  ；  。  \n
//   clause ends          ；  。  \n
//   sentence ends            。  \n
//   paragraph ends               \n
//
//   internal::Document document;       // kept in the call's scratch
//   document.Build(normalized);        // once per Extract call
//   document.Begin(Unit::kClause, 40)  // where the clause holding byte 40
//                                      // starts, O(log n)
#ifndef FACTX_LIB_TEXT_DOCUMENT_H_
#define FACTX_LIB_TEXT_DOCUMENT_H_

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace factx::internal {

// The units a text is cut into. Their ends:
//
// - kPhrase: every end below, and a comma (`,` unless between two ASCII
//   digits, as in 1,000; `，`). The investment typer's clause, the window of
//   the tense reader.
// - kClause: `; ； ! ！ ? ？ 。`, line breaks (`\n`, `\r`) and text breaks
//   (controls, U+FFFD: char_class.h TextBreakLength). No rule match crosses
//   one.
// - kSentence: the clause ends but `;` and `；` (which separate the items of
//   one report), and a full stop that ends a sentence (below). A full stop
//   ends no clause: "Rs. 5 crore" is one amount.
// - kParagraph: line breaks.
//
// A full stop `.` ends a sentence when a blank or the end of the text follows
// it, unless it is an abbreviation's: after a capitalized word of up to four
// letters ("U.S. ", "Nov. 14", "Acme Corp. A year"; but "cut to June. The"
// ends one: May, June, July are whole names), or before a lower-case
// word ("Gamma Inc. for $300 million"). Tokenized text puts a blank before
// every full stop and lower-cases the next sentence: there, a word of five
// letters or more before " ." ends a sentence ("a delaying tactic . the $
// 20,000 tax"), where company abbreviations are shorter ("odwalla inc . for",
// "kabel b . v . for", "corp").
enum class Unit : unsigned char { kPhrase, kClause, kSentence, kParagraph };

// The bytes [begin, end) of the character that ends a unit.
struct Boundary {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Owns its lists of ends; views the text it was built from, which must stay
// alive and unchanged while the document is read. Not thread-safe while Build
// runs; const methods may be called from any number of threads. Build reuses
// the lists' capacity, so a document kept between calls allocates nothing
// once it has seen a text as broken up as the current one.
class Document {
 public:
  Document() = default;  // the document of an empty text
  explicit Document(std::string_view text) { Build(text); }

  // Finds every end in `text` (valid UTF-8), forgetting the previous text.
  void Build(std::string_view text);

  std::string_view text() const { return text_; }

  // The ends of `unit`, in text order.
  const std::vector<Boundary>& ends(Unit unit) const {
    return ends_[static_cast<std::size_t>(unit)];
  }

  // The index in ends(unit) of the first end that starts at or after `pos`;
  // ends(unit).size() when none does.
  std::size_t FirstEndFrom(Unit unit, std::size_t pos) const;

  // Where the unit holding `pos` starts: just after the last end of `unit`
  // that finishes at or before `pos`, else 0.
  std::size_t Begin(Unit unit, std::size_t pos) const;

  // Where the unit holding `pos` ends: the start of the first end of `unit`
  // at or after `pos`, else text().size().
  std::size_t End(Unit unit, std::size_t pos) const;

 private:
  std::string_view text_;
  std::array<std::vector<Boundary>, 4> ends_;
};

// Views a document, which must outlive it and not be rebuilt meanwhile; one
// cursor per reader (it moves, so it is not for sharing between threads).
// Reads the ends of one unit in text order, for a reader that walks the text
// forward: each call costs amortized O(1).
class EndCursor {
 public:
  EndCursor(const Document& document, Unit unit, std::size_t pos)
      : ends_(document.ends(unit)), next_(document.FirstEndFrom(unit, pos)) {}

  // The first end that starts at or after `pos`, or nullptr; `pos` must not
  // decrease from one call to the next.
  const Boundary* Next(std::size_t pos) {
    while (next_ < ends_.size() && ends_[next_].begin < pos) ++next_;
    return next_ < ends_.size() ? &ends_[next_] : nullptr;
  }

  // True when an end starts at `pos` (same contract as Next).
  bool At(std::size_t pos) {
    const Boundary* end = Next(pos);
    return end != nullptr && end->begin == pos;
  }

 private:
  const std::vector<Boundary>& ends_;
  std::size_t next_;
};

}  // namespace factx::internal

#endif  // FACTX_LIB_TEXT_DOCUMENT_H_
