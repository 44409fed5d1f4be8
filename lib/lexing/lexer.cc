#include "lexing/lexer.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "engine/literal_matcher.h"
#include "numbers/number_parser.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

// LexScratch::longest_word holds, per start, the byte length of the longest
// word there in its low bits and the word's class above them.
constexpr std::uint32_t kClassShift = 16;
constexpr std::uint32_t kLengthMask = (1u << kClassShift) - 1;

// A character a number run is made of: IsAsciiDigit, IsChineseNumeral, and
// 廿卅卌 (twenty, thirty, forty: 廿五 is 25).
bool IsNumeral(char32_t c) {
  return IsAsciiDigit(c) || IsChineseNumeral(c) || c == U'廿' || c == U'卅' ||
         c == U'卌';
}

bool IsLetterAt(std::string_view text, std::size_t pos) {
  return pos < text.size() &&
         IsAsciiLetter(static_cast<unsigned char>(text[pos]));
}

bool IsDigitAt(std::string_view text, std::size_t pos, std::size_t end) {
  return pos < end && IsAsciiDigit(static_cast<unsigned char>(text[pos]));
}

std::vector<std::string> AllTables(const RuleSet& rules) {
  std::vector<std::string> names;
  for (const auto& entry : rules.tables) names.push_back(entry.first);
  return names;
}

std::string AsciiLower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = ToAsciiLower(c);
  return lower;
}

}  // namespace

std::vector<std::string> TablesNamedByPatterns(const RuleSet& rules) {
  std::set<std::string> names;
  for (const RuleSpec& spec : rules.rules) {
    const std::string& pattern = spec.pattern;
    for (std::size_t at = pattern.find("{@"); at != std::string::npos;
         at = pattern.find("{@", at + 2)) {
      const std::size_t close = pattern.find('}', at);
      if (close == std::string::npos) break;
      const std::string name = pattern.substr(at + 2, close - at - 2);
      if (rules.tables.count(name) != 0) names.insert(name);
    }
  }
  return std::vector<std::string>(names.begin(), names.end());
}

Lexer::Lexer(const RuleSet& rules) : Lexer(rules, AllTables(rules)) {}

Lexer::Lexer(const RuleSet& rules, const std::vector<std::string>& tables) {
  std::map<std::string, std::vector<std::uint16_t>> tables_of_word;
  std::vector<std::string> sorted = tables;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (const std::string& name : sorted) {
    const auto found = rules.tables.find(name);
    if (found == rules.tables.end()) continue;
    const RuleTable& table = found->second;
    const auto index = static_cast<std::uint16_t>(table_names_.size());
    table_names_.push_back(name);
    for (const auto& entry : table.entries) {
      // A word longer than kLengthMask bytes, which no table has, is left out.
      if (entry.first.empty() || entry.first.size() > kLengthMask) continue;
      std::vector<std::uint16_t>& tables =
          tables_of_word[AsciiLower(entry.first)];
      // Tables are visited in order: an index is added at most once per word,
      // after the smaller ones.
      if (tables.empty() || tables.back() != index) tables.push_back(index);
    }
  }
  std::map<std::vector<std::uint16_t>, std::uint16_t> class_ids;
  std::vector<std::string> words;
  for (auto& [word, tables] : tables_of_word) {
    const auto [id, added] = class_ids.emplace(
        tables, static_cast<std::uint16_t>(class_tables_.size()));
    if (added) class_tables_.push_back(std::move(tables));
    class_of_word_.push_back(id->second);
    words.push_back(word);
  }
  words_ = std::make_unique<const LiteralMatcher>(words);
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

std::size_t Lexer::NumberLength(std::string_view text, std::size_t begin,
                                std::size_t pos, std::size_t end,
                                const std::vector<std::uint32_t>& longest,
                                std::optional<Decimal>* value) const {
  std::size_t run_end = pos;  // just past the last numeral read
  std::size_t i = pos;
  while (i < end) {
    std::size_t length = 0;
    const char32_t c = DecodeUtf8(text, i, &length);
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
        IsNumeral(DecodeUtf8(text, i + length, &next_length))) {
      i += length;
      continue;
    }
    break;
  }
  *value = ParseNumber(text.substr(pos, run_end - pos));
  if (value->has_value()) return run_end - pos;
  // A run that is not one number ends where a table word starts inside it and
  // ends past it, before the separator there if any (separators stand between
  // numerals only, so at most one), when what is left is one number.
  for (std::size_t j = pos + 1; j < run_end; ++j) {
    const std::size_t word_length = longest[j - begin] & kLengthMask;
    if (word_length == 0 || j + word_length <= run_end) continue;
    std::size_t cut = j;
    if (text[j - 1] == '.' || text[j - 1] == ',') {
      cut = j - 1;
    } else if (j - pos > 3 && text.compare(j - 3, 3, "点") == 0) {
      cut = j - 3;
    }
    std::optional<Decimal> prefix = ParseNumber(text.substr(pos, cut - pos));
    if (!prefix.has_value()) break;
    *value = prefix;
    return cut - pos;
  }
  return run_end - pos;
}

void Lexer::Lex(std::string_view text, std::size_t begin, std::size_t end,
                LexScratch* scratch, std::vector<Token>* tokens) const {
  std::vector<std::uint32_t>& longest = scratch->longest_word;
  longest.assign(end - begin, 0);
  words_->FindAll(text.substr(begin, end - begin), [&](int word,
                                                       std::size_t word_end) {
    const std::size_t from = begin + word_end - words_->key_length(word);
    const std::size_t to = begin + word_end;
    // Latin letters at an end of the word must be an end of a letter run.
    if ((IsLetterAt(text, from) && from > 0 && IsLetterAt(text, from - 1)) ||
        (IsLetterAt(text, to - 1) && IsLetterAt(text, to))) {
      return;
    }
    // The longest word per start, its class above its length.
    std::uint32_t& at = longest[from - begin];
    if ((at & kLengthMask) < to - from) {
      at = static_cast<std::uint32_t>(to - from) |
           static_cast<std::uint32_t>(class_of_word_[word]) << kClassShift;
    }
  });
  std::size_t i = begin;
  while (i < end) {
    std::size_t length = 0;
    const char32_t c = DecodeUtf8(text, i, &length);
    const std::uint32_t word = longest[i - begin];
    const std::size_t word_length = word & kLengthMask;
    Token token;
    token.begin = static_cast<std::uint32_t>(i);
    std::size_t number_length = 0;
    std::optional<Decimal> value;
    if (IsNumeral(c)) {
      number_length = NumberLength(text, begin, i, end, longest, &value);
    }
    if (word_length > number_length) {
      token.kind = TokenKind::kWord;
      token.word_class = static_cast<std::uint16_t>(word >> kClassShift);
      length = word_length;
    } else if (number_length > 0) {
      token.kind = TokenKind::kNumber;
      length = number_length;
      token.value = value;
    } else {
      token.kind = c == ' ' ? TokenKind::kSpace : TokenKind::kOther;
    }
    i += length;
    token.end = static_cast<std::uint32_t>(i);
    tokens->push_back(token);
  }
}

}  // namespace factx::internal
