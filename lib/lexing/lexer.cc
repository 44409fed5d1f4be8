#include "lexing/lexer.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "lexing/literal_matcher.h"
#include "numbers/number_parser.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// LexScratch::longest_word holds, per start, the byte length of the longest
// word there in its low bits and the word's id above them. Words longer than
// kLengthMask bytes, and words past the kMaxWordSymbols-th, which no rule set
// has, are not indexed.
constexpr std::uint32_t kWordShift = 16;
constexpr std::uint32_t kLengthMask = (1u << kWordShift) - 1;
// Word symbols are private-use code points (lexing/token_text.h,
// WordSymbolBase): a word has one, and one more for each spelling, while
// there is room.
constexpr std::uint32_t kMaxWordSymbols = 0xFFFE;
constexpr std::size_t kMaxSpellings = 255;

bool HasAsciiLetter(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    return IsAsciiLetter(static_cast<unsigned char>(c));
  });
}

// The numerals of U+4E00..U+9FFF (IsChineseNumeral's and 廿卅卌), a bit each:
// one load tells whether a Chinese character is one.
constexpr char32_t kHanBase = 0x4E00;
constexpr std::size_t kHanWords = (0xA000 - kHanBase) / 64;
constexpr std::array<std::uint64_t, kHanWords> HanNumeralBits() {
  std::array<std::uint64_t, kHanWords> bits{};
  for (char32_t c = kHanBase; c < 0xA000; ++c) {
    if (IsChineseNumeral(c) || c == U'廿' || c == U'卅' || c == U'卌') {
      bits[(c - kHanBase) / 64] |= std::uint64_t{1} << ((c - kHanBase) % 64);
    }
  }
  return bits;
}
constexpr std::array<std::uint64_t, kHanWords> kHanNumeralBits =
    HanNumeralBits();

// A character a number run is made of: IsAsciiDigit, IsChineseNumeral, and
// 廿卅卌 (twenty, thirty, forty: 廿五 is 25). 〇 (U+3007) is the one outside
// U+4E00..U+9FFF.
bool IsNumeral(char32_t c) {
  if (c < 0x80) return IsAsciiDigit(c);
  if (c >= kHanBase && c < 0xA000) {
    return (kHanNumeralBits[(c - kHanBase) / 64] >> ((c - kHanBase) % 64) &
            1) != 0;
  }
  return c == U'〇';
}

bool IsLetterAt(std::string_view text, std::size_t pos) {
  return pos < text.size() &&
         IsAsciiLetter(static_cast<unsigned char>(text[pos]));
}

bool IsDigitAt(std::string_view text, std::size_t pos, std::size_t end) {
  return pos < end && IsAsciiDigit(static_cast<unsigned char>(text[pos]));
}

std::string AsciiLower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = ToAsciiLower(c);
  return lower;
}

// The form of the number token text[begin, end).
std::uint8_t FormOf(const unsigned char* bytes, std::size_t begin,
                    std::size_t end) {
  std::uint8_t form = 0;
  for (std::size_t i = begin; i < end;) {
    std::size_t length = 0;
    form |= NumberFormOf(DecodeWellFormedUtf8(bytes, i, &length));
    i += length;
  }
  return form;
}

}  // namespace

std::uint8_t NumberFormOf(char32_t c) {
  switch (c) {
    case '.':
      return kFormDot;
    case ',':
      return kFormComma;
    case U'点':
      return kFormChinesePoint;
    case U'十':
    case U'拾':
    case U'百':
    case U'佰':
    case U'千':
    case U'仟':
      return kFormSmallUnit;
    case U'万':
    case U'亿':
    case U'兆':
      return kFormBigScale;
    default:
      if (IsAsciiDigit(c)) return kFormDigit;
      return c >= 0x80 && IsNumeral(c) ? kFormChineseDigit : 0;
  }
}

Lexer::Lexer(const std::vector<LexiconTable>& tables) {
  std::vector<const LexiconTable*> sorted;
  for (const LexiconTable& table : tables) sorted.push_back(&table);
  std::sort(sorted.begin(), sorted.end(),
            [](const LexiconTable* a, const LexiconTable* b) {
              return a->name < b->name;
            });
  std::map<std::string, std::vector<std::uint16_t>> tables_of_word;
  std::map<std::string, std::set<std::string>> spellings_of_word;
  for (const LexiconTable* table : sorted) {
    const auto index = static_cast<std::uint16_t>(table_names_.size());
    table_names_.push_back(table->name);
    for (const std::string& word : table->words) {
      if (word.empty() || word.size() > kLengthMask) continue;
      const std::string lower = AsciiLower(word);
      if (HasAsciiLetter(word)) spellings_of_word[lower].insert(word);
      std::vector<std::uint16_t>& holders = tables_of_word[lower];
      // Tables are visited in order: an index is added at most once per word,
      // after the smaller ones.
      if (holders.empty() || holders.back() != index) holders.push_back(index);
    }
  }
  // Ids in order of (tables, word): the words of one set of tables are
  // consecutive, and a table's words are few runs of ids.
  std::vector<std::pair<const std::vector<std::uint16_t>*, const std::string*>>
      order;
  for (const auto& [word, holders] : tables_of_word) {
    order.emplace_back(&holders, &word);
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return *a.first != *b.first ? *a.first < *b.first : *a.second < *b.second;
  });
  if (order.size() > kMaxWordSymbols) order.resize(kMaxWordSymbols);
  for (const auto& [holders, word] : order) {
    if (class_tables_.empty() || class_tables_.back() != *holders) {
      class_tables_.push_back(*holders);
    }
    class_of_word_.push_back(
        static_cast<std::uint16_t>(class_tables_.size() - 1));
    words_.push_back(*word);
  }
  first_symbol_.push_back(0);
  for (const std::string& word : words_) {
    std::vector<std::string>& spellings = spellings_.emplace_back();
    const auto found = spellings_of_word.find(word);
    if (found != spellings_of_word.end() &&
        found->second.size() <= kMaxSpellings &&
        first_symbol_.back() + 1 + found->second.size() <= kMaxWordSymbols) {
      spellings.assign(found->second.begin(), found->second.end());
    }
    first_symbol_.push_back(first_symbol_.back() + 1 +
                            static_cast<std::uint32_t>(spellings.size()));
  }
  matcher_ = std::make_unique<const LiteralMatcher>(words_);
}

Lexer::~Lexer() = default;
Lexer::Lexer(Lexer&&) noexcept = default;
Lexer& Lexer::operator=(Lexer&&) noexcept = default;

int Lexer::TableIndex(std::string_view name) const {
  const auto found =
      std::lower_bound(table_names_.begin(), table_names_.end(), name);
  if (found == table_names_.end() || *found != name) return -1;
  return static_cast<int>(found - table_names_.begin());
}

std::size_t Lexer::NumberLength(
    std::string_view text, std::size_t begin, std::size_t pos, std::size_t end,
    const std::vector<std::uint32_t>& longest) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t run_end = pos;  // just past the last numeral read
  std::size_t i = pos;
  while (i < end) {
    std::size_t length = 0;
    const char32_t c = DecodeWellFormedUtf8(bytes, i, &length);
    if (IsNumeral(c)) {
      i += length;
      run_end = i;
      continue;
    }
    // A separator between two numerals: `.` and `,` between digits, 点
    // between any two.
    std::size_t next_length = 0;
    if ((c == '.' || c == ',') && IsDigitAt(text, i - 1, end) &&
        IsDigitAt(text, i + 1, end)) {
      i += 1;
      continue;
    }
    if (c == U'点' && run_end == i && i + length < end &&
        IsNumeral(DecodeWellFormedUtf8(bytes, i + length, &next_length))) {
      i += length;
      continue;
    }
    break;
  }
  // A table word that starts inside the run and ends past it ends the run
  // where it starts, before the separator there if any (separators stand
  // between numerals only, so at most one), when the run is no number and
  // what is left is one.
  for (std::size_t j = pos + 1; j < run_end; ++j) {
    const std::size_t word_length = longest[j - begin] & kLengthMask;
    if (word_length == 0 || j + word_length <= run_end) continue;
    if (ParseNumber(text.substr(pos, run_end - pos)).has_value()) break;
    std::size_t cut = j;
    if (text[j - 1] == '.' || text[j - 1] == ',') {
      cut = j - 1;
    } else if (j - pos > 3 && text.compare(j - 3, 3, "点") == 0) {
      cut = j - 3;
    }
    if (!ParseNumber(text.substr(pos, cut - pos)).has_value()) break;
    return cut - pos;
  }
  // A zero that ends a word (找零, 归零, 清零) before a number: a run that
  // starts with 零 or 〇 and is no number is that zero, when the rest is one
  // (找零20元 is 零 and 20).
  constexpr std::size_t kZeroBytes = 3;  // 零 and 〇 in UTF-8
  if (run_end - pos > kZeroBytes &&
      (text.compare(pos, kZeroBytes, "零") == 0 ||
       text.compare(pos, kZeroBytes, "〇") == 0) &&
      !ParseNumber(text.substr(pos, run_end - pos)).has_value() &&
      ParseNumber(text.substr(pos + kZeroBytes, run_end - pos - kZeroBytes))
          .has_value()) {
    return kZeroBytes;
  }
  // A scale character that begins 百分, 千分 or 万分 (per cent, per mille, per
  // myriad) after a number: a run that is no number and ends with 百, 千 or
  // 万 right before 分 is cut before it, when the rest is a number
  // (百分之七十百分位 is 七十, then 百 of 百分位).
  constexpr std::size_t kScaleBytes = 3;  // 百 千 万 分 in UTF-8
  if (run_end - pos > kScaleBytes && run_end + kScaleBytes <= end &&
      text.compare(run_end, kScaleBytes, "分") == 0 &&
      (text.compare(run_end - kScaleBytes, kScaleBytes, "百") == 0 ||
       text.compare(run_end - kScaleBytes, kScaleBytes, "千") == 0 ||
       text.compare(run_end - kScaleBytes, kScaleBytes, "万") == 0) &&
      !ParseNumber(text.substr(pos, run_end - pos)).has_value() &&
      ParseNumber(text.substr(pos, run_end - kScaleBytes - pos)).has_value()) {
    return run_end - kScaleBytes - pos;
  }
  // Digits next to Chinese numerals: a run that is no number and changes
  // from ASCII digits to Chinese numerals or back is cut where it first
  // changes, when what is before is a number (Q3两大 is 3 and 两; H1三千五百万
  // is 1 and 三千五百万; 九千五百九十二3 is 九千五百九十二 and 3).
  const bool digits_first = IsAsciiDigit(bytes[pos]);
  for (std::size_t j = pos; j < run_end;) {
    std::size_t length = 0;
    const char32_t c = DecodeWellFormedUtf8(bytes, j, &length);
    const bool ascii = c < 0x80;  // a digit or a separator between two
    if (ascii != digits_first && c != U'点') {
      std::size_t cut = j;
      if (cut - pos > 3 && text.compare(cut - 3, 3, "点") == 0) cut -= 3;
      if (!ParseNumber(text.substr(pos, run_end - pos)).has_value() &&
          ParseNumber(text.substr(pos, cut - pos)).has_value()) {
        return cut - pos;
      }
      break;
    }
    j += length;
  }
  return run_end - pos;
}

void Lexer::Lex(std::string_view text, std::size_t begin, std::size_t end,
                LexScratch* scratch, std::vector<Token>* tokens) const {
  std::vector<std::uint32_t>& longest = scratch->longest_word;
  longest.assign(end - begin, 0);
  matcher_->FindAll(text.substr(begin, end - begin), [&](int word,
                                                         std::size_t word_end) {
    const std::size_t from = begin + word_end - matcher_->key_length(word);
    const std::size_t to = begin + word_end;
    // Latin letters at an end of the word must be an end of a letter run.
    if ((IsLetterAt(text, from) && from > 0 && IsLetterAt(text, from - 1)) ||
        (IsLetterAt(text, to - 1) && IsLetterAt(text, to))) {
      return;
    }
    // The longest word per start, its id above its length.
    std::uint32_t& at = longest[from - begin];
    if ((at & kLengthMask) < to - from) {
      at = static_cast<std::uint32_t>(to - from) |
           static_cast<std::uint32_t>(word) << kWordShift;
    }
  });
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = begin;
  while (i < end) {
    std::size_t length = 0;
    const char32_t c = DecodeWellFormedUtf8(bytes, i, &length);
    const std::uint32_t word = longest[i - begin];
    const std::size_t word_length = word & kLengthMask;
    const std::size_t number_length =
        IsNumeral(c) ? NumberLength(text, begin, i, end, longest) : 0;
    if (word_length == 0 && number_length == 0) {
      i += length;  // gap
      continue;
    }
    Token& token = tokens->emplace_back();
    token.begin = static_cast<std::uint32_t>(i);
    if (word_length > number_length) {
      token.kind = TokenKind::kWord;
      token.word = static_cast<std::uint16_t>(word >> kWordShift);
      const std::vector<std::string>& spellings = spellings_[token.word];
      for (std::size_t s = 0; s < spellings.size(); ++s) {
        if (text.compare(i, word_length, spellings[s]) == 0) {
          token.spelling = static_cast<std::uint8_t>(s + 1);
          break;
        }
      }
      i += word_length;
    } else {
      token.kind = TokenKind::kNumber;
      token.form = FormOf(bytes, i, i + number_length);
      i += number_length;
    }
    token.end = static_cast<std::uint32_t>(i);
  }
}

}  // namespace factx::internal
