#include "engine/token_rules.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <set>
#include <string_view>
#include <utility>

#include "lexing/token_text.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace factx::internal {
namespace {

std::string Where(const RuleSpec& spec) {
  return spec.source + ":" + std::to_string(spec.line) + ": rule " + spec.name +
         ": ";
}

// "\x{HEX}" for code point `c`, as RE2 reads it.
std::string Escape(char32_t c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (; c != 0; c >>= 4) hex.insert(hex.begin(), kHex[c & 0xF]);
  return "\\x{" + (hex.empty() ? std::string("0") : hex) + "}";
}

// A class of the code points base + i for each i in `members` (sorted),
// written as ranges.
std::string ClassOf(char32_t base, const std::vector<std::uint32_t>& members) {
  std::string out = "[";
  for (std::size_t i = 0; i < members.size();) {
    std::size_t j = i;
    while (j + 1 < members.size() && members[j + 1] == members[j] + 1) ++j;
    out += Escape(base + members[i]);
    if (j > i) out += "-" + Escape(base + members[j]);
    i = j + 1;
  }
  return out + "]";
}

bool IsMeta(char c) {
  return std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos;
}

bool IsQuantifier(std::string_view pattern, std::size_t at) {
  if (at >= pattern.size()) return false;
  const char c = pattern[at];
  return c == '?' || c == '*' || c == '+' ||
         (c == '{' && at + 1 < pattern.size() && pattern[at + 1] >= '0' &&
          pattern[at + 1] <= '9');
}

// Translates one tokens pattern (the state of one call); `classes` holds the
// classes of tables and number classes worked out by earlier calls.
class Translator {
 public:
  Translator(const RuleSpec& spec, const RuleSet& rules, const Lexer& lexer,
             TokenPatternTranslator::Classes* classes)
      : spec_(spec), rules_(rules), lexer_(lexer), classes_(*classes) {}

  Result<TokenPattern> Run() {
    const std::string_view pattern = spec_.token_pattern;
    std::size_t i = 0;
    while (i < pattern.size()) {
      const char c = pattern[i];
      if (!IsMeta(c)) {
        std::size_t length = 1;
        DecodeUtf8(pattern, i, &length);
        run_.append(pattern.substr(i, length));
        i += length;
        continue;
      }
      Status status = FlushRun(IsQuantifier(pattern, i));
      if (!status.ok()) return status;
      if (c == '\\' && i + 1 < pattern.size() && IsMeta(pattern[i + 1])) {
        // An escaped character is literal text: \$ is the word $.
        run_.push_back(pattern[i + 1]);
        i += 2;
        continue;
      }
      if (pattern.compare(i, 2, "\\b") == 0) {
        // Next to a table word it goes: the lexer reads a word that starts
        // or ends with a letter only where a run of letters does, and over
        // the token string the word is a symbol, no word character, around
        // which \b would not hold.
        // After a table's word, \b held over text only where that word ends
        // with a word character (美分\b: only before a letter or digit), so
        // the table's class keeps only such words.
        if (after_word_) {
          status = KeepWordsThatEndWords();
          if (!status.ok()) return status;
        } else if (!WordFollows(pattern, i + 2)) {
          out_.append("\\b");
        }
        i += 2;
        continue;
      }
      // A group closes on a word when it has no `|` and its last part is one.
      const bool closes_word =
          c == ')' && after_word_ && !bars_.empty() && !bars_.back();
      if (c == '(') {
        bars_.push_back(false);
        folds_.push_back(Folding());
      }
      if (c == '|' && !bars_.empty()) bars_.back() = true;
      if (c == ')' && !bars_.empty()) {
        bars_.pop_back();
        folds_.pop_back();
      }
      after_word_ = closes_word && !IsQuantifier(pattern, i + 1);
      if (c == '\\') {
        // An escape, with the braces of \x{...}, \p{...}, \P{...}.
        std::size_t length = 2;
        if (i + 2 < pattern.size() && pattern[i + 2] == '{' &&
            std::string_view("xpP").find(pattern[i + 1]) !=
                std::string_view::npos) {
          const std::size_t close = pattern.find('}', i);
          if (close != std::string_view::npos) length = close + 1 - i;
        }
        out_.append(pattern.substr(i, length));
        i += length;
      } else if (c == '(' && pattern.compare(i, 2, "(?") == 0) {
        // A group opener (?:, (?i:, (?P<name>: its letters are no text.
        const std::size_t close = pattern.compare(i, 4, "(?P<") == 0
                                      ? pattern.find('>', i)
                                      : pattern.find_first_of(":)", i);
        if (close == std::string_view::npos) return Error("unclosed group");
        const std::string_view opener = pattern.substr(i, close + 1 - i);
        if (opener[2] != 'P') {
          // Flags: (?i: folds case in the group, (?i) in the rest of the
          // group it stands in.
          const std::size_t minus = opener.find('-');
          const std::size_t fold = opener.find('i');
          const bool on = fold < minus;
          const bool off = minus < fold && fold != std::string_view::npos;
          if (opener.back() == ')') {  // no group of its own
            bars_.pop_back();
            folds_.pop_back();
          }
          if ((on || off) && !folds_.empty()) folds_.back() = on;
          if ((on || off) && folds_.empty()) folds_all_ = on;
        }
        out_.append(opener);
        i = close + 1;
      } else if (c == '[') {
        const std::size_t close = ClassEnd(pattern, i);
        if (close == std::string_view::npos) return Error("unclosed [");
        status = TranslateClass(pattern.substr(i, close + 1 - i));
        if (!status.ok()) return status;
        i = close + 1;
        if (IsQuantifier(pattern, i)) after_word_ = false;
      } else if (c == '{' && i + 1 < pattern.size() &&
                 (pattern[i + 1] == '@' || pattern[i + 1] == '#')) {
        const std::size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) return Error("unclosed {");
        const std::string name(pattern.substr(i + 2, close - i - 2));
        const bool table = pattern[i + 1] == '@';
        status = table ? AppendTable(name) : AppendNumber(name);
        if (!status.ok()) return status;
        i = close + 1;
        after_word_ = table && !IsQuantifier(pattern, i);
      } else if (c == '{' && !IsQuantifier(pattern, i)) {
        return Error(
            "a tokens pattern reads numbers as {#NAME} and no other "
            "fragment");
      } else if (c == '{') {
        const std::size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) return Error("unclosed {");
        out_.append(pattern.substr(i, close + 1 - i));
        i = close + 1;
      } else {
        out_.push_back(c);
        ++i;
      }
    }
    Status status = FlushRun(false);
    if (!status.ok()) return status;
    NumberStrictParts(&out_);
    return TokenPattern{std::move(out_), std::move(checks_)};
  }

 private:
  Status Error(const std::string& what) const {
    return Status(StatusCode::kRuleSyntax, Where(spec_) + what);
  }

  // The index of the `]` that closes the class opening at pattern[open].
  static std::size_t ClassEnd(std::string_view pattern, std::size_t open) {
    std::size_t i = open + 1;
    if (i < pattern.size() && pattern[i] == '^') ++i;
    if (i < pattern.size() && pattern[i] == ']') ++i;  // []a] holds ]
    for (; i < pattern.size(); ++i) {
      if (pattern[i] == '\\') {
        ++i;
      } else if (pattern[i] == ']') {
        return i;
      }
    }
    return std::string_view::npos;
  }

  // Literal text read as the lexer reads text.
  Status FlushRun(bool quantified) {
    if (run_.empty()) return Status();
    tokens_.clear();
    lexer_.Lex(run_, 0, run_.size(), &scratch_, &tokens_);
    after_word_ = !quantified && !tokens_.empty() &&
                  tokens_.back().kind == TokenKind::kWord &&
                  tokens_.back().end == run_.size();
    std::size_t at = 0;
    for (const Token& token : tokens_) {
      if (token.kind == TokenKind::kNumber) {
        return Error("the number " +
                     run_.substr(token.begin, token.end - token.begin) +
                     " in literal text: write {#NAME}");
      }
      AppendLiteral(std::string_view(run_).substr(at, token.begin - at));
      if (quantified && token.end == run_.size() &&
          CountCodePoints(std::string_view(run_).substr(
              token.begin, token.end - token.begin)) > 1) {
        return Error("the word " +
                     run_.substr(token.begin, token.end - token.begin) +
                     " under a quantifier: group it, (?:WORD)");
      }
      Result<std::string> symbols = WordSymbols(token, run_);
      if (!symbols.ok()) return symbols.status();
      out_ += *symbols;
      at = token.end;
    }
    AppendLiteral(std::string_view(run_).substr(at));
    run_.clear();
    return Status();
  }

  // Text that is no token, its metacharacters escaped.
  void AppendLiteral(std::string_view text) {
    for (const char c : text) {
      if (IsMeta(c)) out_.push_back('\\');
      out_.push_back(c);
    }
  }

  // A class of literal characters stays a class, unless one is a word: then
  // it becomes an alternation of them (a plain list only).
  Status TranslateClass(std::string_view cls) {
    const std::string_view inside = cls.substr(1, cls.size() - 2);
    const bool plain = inside.find_first_of("^-\\[") == std::string_view::npos;
    std::vector<std::string> members;
    bool has_token = false;
    std::size_t words = 0;
    for (std::size_t i = 0; i < inside.size();) {
      std::size_t length = 1;
      DecodeUtf8(inside, i, &length);
      const std::string member(inside.substr(i, length));
      i += length;
      tokens_.clear();
      lexer_.Lex(member, 0, member.size(), &scratch_, &tokens_);
      if (!tokens_.empty() && tokens_[0].kind == TokenKind::kNumber) {
        return Error("the numeral " + member + " in a class: write {#NAME}");
      }
      if (tokens_.empty()) {
        members.push_back(member);
      } else {
        has_token = true;
        ++words;
        Result<std::string> symbols = WordSymbols(tokens_[0], member);
        if (!symbols.ok()) return symbols.status();
        members.push_back(std::move(*symbols));
      }
    }
    if (!has_token) {
      out_.append(cls);
      return Status();
    }
    if (!plain) {
      return Error("the class " + std::string(cls) +
                   " holds a word: write the characters as a plain list");
    }
    out_ += "(?:";
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (m > 0) out_ += '|';
      out_ += members[m];
    }
    out_ += ")";
    after_word_ = words == members.size();  // [kK]\b: k is a word
    return Status();
  }

  // True inside (?i:...), where words are read in any case.
  bool Folding() const { return folds_.empty() ? folds_all_ : folds_.back(); }

  // The symbols of `word`, a word token of `text`, as read here: all of its
  // spellings when folding case, else the one it has. The symbol of text
  // spelled as no table spells it stands for every such spelling: exact for a
  // word of one letter (K, where a table spells k), an error outside
  // (?i:...) for a longer one (Usd, where a table spells USD).
  Result<std::string> WordSymbols(const Token& word, std::string_view text) {
    const std::size_t spellings = lexer_.Spellings(word.word).size();
    if (Folding() && spellings > 0) {
      std::vector<std::uint32_t> symbols(spellings + 1);
      std::iota(symbols.begin(), symbols.end(),
                lexer_.WordSymbol(word.word, 0));
      return ClassOf(WordSymbolBase(lexer_), symbols);
    }
    const std::string_view spelled =
        text.substr(word.begin, word.end - word.begin);
    if (spellings > 0 && word.spelling == 0 &&
        std::count_if(spelled.begin(), spelled.end(), [](char c) {
          return IsAsciiLetter(static_cast<unsigned char>(c));
        }) > 1) {
      return Error("the word " + std::string(spelled) +
                   " is spelled as no table spells it: write it in (?i:...)");
    }
    return Escape(WordSymbolBase(lexer_) + lexer_.WordSymbol(word));
  }

  // {@TABLE}: a word of the table, spelled as the table spells it (in any
  // case inside (?i:...)).
  Status AppendTable(const std::string& name) {
    const bool folding = Folding();
    auto& known_tables = folding ? classes_.folded_tables : classes_.tables;
    auto known = known_tables.find(name);
    if (known == known_tables.end()) {
      known =
          known_tables.emplace(name, TableClass(name, folding, false)).first;
    }
    if (known->second.empty()) {
      return Error("unknown or empty table {@" + name + "}");
    }
    last_table_ = {name, folding, out_.size(),
                   out_.size() + known->second.size()};
    out_ += known->second;
    return Status();
  }

  // The class of table `name`'s words (all their spellings when `folding`,
  // else those the table spells), only those that end with an ASCII word
  // character when `word_ends`; "" when it holds none.
  std::string TableClass(const std::string& name, bool folding,
                         bool word_ends) const {
    const int table = lexer_.TableIndex(name);
    const auto spelled = rules_.tables.find(name);
    std::vector<std::uint32_t> symbols;
    for (std::uint32_t w = 0; table >= 0 && w < lexer_.word_count(); ++w) {
      const auto word = static_cast<std::uint16_t>(w);
      const std::vector<std::uint16_t>& tables = lexer_.TablesOf(word);
      if (!std::binary_search(tables.begin(), tables.end(), table)) continue;
      if (word_ends && !IsAsciiWordChar(static_cast<unsigned char>(
                           lexer_.Word(word).back()))) {
        continue;
      }
      const std::vector<std::string>& spellings = lexer_.Spellings(word);
      if (spellings.empty() || folding) {
        for (std::size_t s = 0; s <= spellings.size(); ++s) {
          symbols.push_back(
              lexer_.WordSymbol(word, static_cast<std::uint8_t>(s)));
        }
        continue;
      }
      for (std::size_t s = 0; s < spellings.size(); ++s) {
        if (spelled->second.entries.count(spellings[s]) > 0) {
          symbols.push_back(
              lexer_.WordSymbol(word, static_cast<std::uint8_t>(s + 1)));
        }
      }
    }
    return symbols.empty()
               ? std::string()
               : "(?:" + ClassOf(WordSymbolBase(lexer_), symbols) + ")";
  }

  // For a \b after a word: when that word was a table's, and only group
  // closers followed it, its class keeps the words that end with a word
  // character. (After a literal word the lexer's cut says as much.)
  Status KeepWordsThatEndWords() {
    if (last_table_.name.empty() ||
        out_.find_first_not_of(')', last_table_.end) != std::string::npos) {
      return Status();
    }
    const std::string kept =
        TableClass(last_table_.name, last_table_.folding, true);
    if (kept.empty()) {
      return Error("no word of {@" + last_table_.name +
                   "} ends with a word character, as the \\b after it asks");
    }
    out_.replace(last_table_.at, last_table_.end - last_table_.at, kept);
    last_table_.name.clear();
    return Status();
  }

  Status AppendNumber(const std::string& name) {
    const auto fragment = rules_.fragments.find(name);
    const auto loose = rules_.loose_fragments.find(name);
    if (fragment == rules_.fragments.end() ||
        loose == rules_.loose_fragments.end()) {
      return Error("unknown number class {#" + name + "}");
    }
    if (fragment->second.find("{@") != std::string::npos) {
      return Error("the number class {#" + name + "} reads a table");
    }
    // The forms whose bits its text may hold; digits alone, in the counts
    // of digits its text may hold (and as a stand-in form, of any count).
    auto known = classes_.numbers.find(name);
    if (known == classes_.numbers.end()) {
      const std::uint32_t bits = NumberFormBitsOf(fragment->second);
      const std::uint32_t counts = DigitCountsOf(fragment->second);
      std::vector<std::uint32_t> forms;
      for (std::uint32_t form = 1; form < kNumberForms; ++form) {
        if ((form & ~bits) != 0) continue;
        forms.push_back(form);
        for (std::uint32_t digits = 1;
             form == kFormDigit && digits < kDigitCounts; ++digits) {
          if ((counts >> digits & 1) != 0) {
            forms.push_back(NumberSymbolOffset(form, digits));
          }
        }
      }
      std::sort(forms.begin(), forms.end());
      known =
          classes_.numbers
              .emplace(name, forms.empty() ? std::string()
                                           : ClassOf(kNumberSymbolBase, forms))
              .first;
    }
    if (known->second.empty()) {
      return Error("the number class {#" + name + "} holds no numeral");
    }
    // As its loose form in the loose pattern: a strict part when it opens
    // with one, and then no other inside.
    const std::string& form = loose->second;
    const bool strict_part =
        form.compare(0, kStrictPartPrefix.size(), kStrictPartPrefix) == 0;
    if (form.find(kStrictPartPrefix, strict_part ? 1 : 0) !=
        std::string::npos) {
      return Error("{#" + name +
                   "} is a fragment whose loose form holds other fragments' "
                   "loose forms");
    }
    out_ += strict_part ? std::string(kStrictPartPrefix) + name + "_#>"
                        : std::string(kNumberCheckPrefix) + name + "_" +
                              std::to_string(checks_.size() + 1) + ">";
    out_ += known->second + ")";
    checks_.push_back(name);
    return Status();
  }

  // True when the text at `at` opens with a table word: {@TABLE} or literal
  // text the lexer reads as a word from its first character, after group
  // openers whose groups hold no alternation.
  bool WordFollows(std::string_view pattern, std::size_t at) {
    while (pattern.compare(at, 2, "(?") == 0) {
      const std::size_t close = pattern.compare(at, 4, "(?P<") == 0
                                    ? pattern.find('>', at)
                                    : pattern.find_first_of(":)", at);
      if (close == std::string_view::npos || HasBar(pattern, at)) return false;
      at = close + 1;
    }
    if (pattern.compare(at, 2, "{@") == 0) return true;
    std::size_t end = at;
    while (end < pattern.size() && !IsMeta(pattern[end])) ++end;
    if (end == at) return false;
    const std::string text(pattern.substr(at, end - at));
    tokens_.clear();
    lexer_.Lex(text, 0, text.size(), &scratch_, &tokens_);
    return !tokens_.empty() && tokens_[0].begin == 0 &&
           tokens_[0].kind == TokenKind::kWord;
  }

  // True when the group opening at pattern[open] has a `|` of its own.
  static bool HasBar(std::string_view pattern, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < pattern.size(); ++i) {
      const char c = pattern[i];
      if (c == '\\') {
        ++i;
      } else if (c == '[') {
        i = ClassEnd(pattern, i);
        if (i == std::string_view::npos) return false;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth == 0) return false;
      } else if (c == '|' && depth == 1) {
        return true;
      }
    }
    return false;
  }

  const RuleSpec& spec_;
  const RuleSet& rules_;
  const Lexer& lexer_;
  TokenPatternTranslator::Classes& classes_;
  // True when what was translated last is a table word (or a group without
  // alternation that ends with one), which no \b may follow over tokens.
  bool after_word_ = false;
  // The table whose class was last appended, and where out_ holds it.
  struct LastTable {
    std::string name;
    bool folding = false;
    std::size_t at = 0;
    std::size_t end = 0;
  } last_table_;
  std::vector<bool> bars_;   // per open group: whether it has a `|` yet
  std::vector<bool> folds_;  // per open group: whether it folds case
  bool folds_all_ = false;   // (?i) outside any group
  std::string out_;
  std::vector<std::string> checks_;  // TokenPattern::number_checks
  std::string run_;                  // literal text not yet translated
  std::vector<Token> tokens_;
  LexScratch scratch_;
};

// The names that `pattern` refers to as `{` + sigil + NAME + `}` ("{@TABLE}",
// "{#NAME}"), in order.
std::vector<std::string> NamesReferenced(const std::string& pattern,
                                         std::string_view sigil) {
  std::vector<std::string> names;
  const std::string open = "{" + std::string(sigil);
  for (std::size_t at = pattern.find(open); at != std::string::npos;
       at = pattern.find(open, at + open.size())) {
    const std::size_t close = pattern.find('}', at);
    if (close == std::string::npos) break;
    names.push_back(pattern.substr(at + open.size(), close - at - open.size()));
  }
  return names;
}

}  // namespace

std::vector<LexiconTable> LexiconTables(const RuleSet& rules) {
  std::set<std::string> names;
  for (const RuleSpec& spec : rules.rules) {
    for (std::string& name : NamesReferenced(spec.pattern, "@")) {
      names.insert(std::move(name));
    }
  }
  std::vector<LexiconTable> tables;
  for (const std::string& name : names) {
    const auto table = rules.tables.find(name);
    if (table == rules.tables.end()) continue;
    LexiconTable& lexicon = tables.emplace_back();
    lexicon.name = name;
    for (const auto& entry : table->second.entries) {
      lexicon.words.push_back(entry.first);
    }
  }
  return tables;
}

namespace {

// Reads a pattern (RE2 syntax, expanded) for the lengths of the strings of
// ASCII digits alone it matches, as a bitset: bit n for n digits, bit 9 for
// nine or more. A construct it does not know stands for every length.
class DigitCountReader {
 public:
  static constexpr std::uint32_t kAll = (1u << kDigitCounts) - 1;

  explicit DigitCountReader(std::string_view pattern) : pattern_(pattern) {}

  std::uint32_t Read() {
    const std::uint32_t counts = Alternation();
    return failed_ || at_ != pattern_.size() ? kAll & ~1u : counts & ~1u;
  }

 private:
  static std::uint32_t Sum(std::uint32_t a, std::uint32_t b) {
    std::uint32_t sum = 0;
    for (std::uint32_t i = 0; i < kDigitCounts; ++i) {
      if ((a >> i & 1) == 0) continue;
      for (std::uint32_t j = 0; j < kDigitCounts; ++j) {
        if ((b >> j & 1) != 0) sum |= 1u << std::min(i + j, kDigitCounts - 1);
      }
    }
    return sum;
  }

  // `counts` repeated min..max times (max < 0: no bound).
  static std::uint32_t Repeat(std::uint32_t counts, int min, int max) {
    std::uint32_t power = 1;  // zero times: the empty string
    for (int k = 0; k < min && k < static_cast<int>(kDigitCounts); ++k) {
      power = Sum(power, counts);
    }
    std::uint32_t all = power;
    const int extra = max < 0 ? static_cast<int>(kDigitCounts) : max - min;
    for (int k = 0; k < extra && k < static_cast<int>(kDigitCounts); ++k) {
      power = Sum(power, counts);
      all |= power;
    }
    return all;
  }

  bool At(char c) const { return at_ < pattern_.size() && pattern_[at_] == c; }

  std::uint32_t Alternation() {
    std::uint32_t counts = Sequence();
    while (At('|')) {
      ++at_;
      counts |= Sequence();
    }
    return counts;
  }

  std::uint32_t Sequence() {
    std::uint32_t counts = 1;
    while (at_ < pattern_.size() && !At('|') && !At(')') && !failed_) {
      counts = Sum(counts, Repeated(Atom()));
    }
    return counts;
  }

  std::uint32_t Repeated(std::uint32_t counts) {
    for (;;) {
      int min = 0, max = 0;
      if (At('?')) {
        max = 1;
        ++at_;
      } else if (At('*')) {
        max = -1;
        ++at_;
      } else if (At('+')) {
        min = 1;
        max = -1;
        ++at_;
      } else if (At('{') && at_ + 1 < pattern_.size() &&
                 std::isdigit(static_cast<unsigned char>(pattern_[at_ + 1]))) {
        ++at_;
        min = Number();
        max = min;
        if (At(',')) {
          ++at_;
          max = At('}') ? -1 : Number();
        }
        if (!At('}')) {
          failed_ = true;
          return counts;
        }
        ++at_;
      } else {
        return counts;
      }
      if (At('?')) ++at_;  // lazy: the same strings
      counts = Repeat(counts, min, max);
    }
  }

  int Number() {
    int n = 0;
    while (at_ < pattern_.size() &&
           std::isdigit(static_cast<unsigned char>(pattern_[at_]))) {
      n = std::min(n * 10 + (pattern_[at_] - '0'), 1000);
      ++at_;
    }
    return n;
  }

  std::uint32_t Atom() {
    const char c = pattern_[at_];
    if (c == '(') {
      ++at_;
      if (At('?')) {
        const std::size_t close = pattern_.find_first_of(":)>", at_);
        if (close == std::string_view::npos) {
          failed_ = true;
          return kAll;
        }
        at_ = close + 1;
        if (pattern_[close] == ')') return 1;  // flags alone: (?i)
      }
      const std::uint32_t counts = Alternation();
      if (!At(')')) {
        failed_ = true;
        return kAll;
      }
      ++at_;
      return counts;
    }
    if (c == '[') return Class();
    if (c == '\\') {
      if (at_ + 1 >= pattern_.size()) {
        failed_ = true;
        return kAll;
      }
      const char next = pattern_[at_ + 1];
      at_ += 2;
      if (next == 'b' || next == 'B' || next == 'A' || next == 'z') return 1;
      if (next == 'x' || next == 'p' || next == 'P' ||
          std::isalpha(static_cast<unsigned char>(next))) {
        if (At('{')) {
          const std::size_t close = pattern_.find('}', at_);
          at_ = close == std::string_view::npos ? pattern_.size() : close + 1;
        }
        return 1u << 1;  // may be a digit
      }
      return std::isdigit(static_cast<unsigned char>(next)) ? 1u << 1 : 0;
    }
    if (c == '^' || c == '$') {
      ++at_;
      return 1;
    }
    if (c == '{') {  // a {#NAME} or other braces it does not read
      failed_ = true;
      return kAll;
    }
    std::size_t length = 1;
    DecodeUtf8(pattern_, at_, &length);
    at_ += length;
    return c == '.' || std::isdigit(static_cast<unsigned char>(c)) ? 1u << 1
                                                                   : 0;
  }

  // A character class: one digit if it may hold one.
  std::uint32_t Class() {
    ++at_;
    bool negated = false;
    if (At('^')) {
      negated = true;
      ++at_;
    }
    bool digit = negated;
    bool first = true;
    while (at_ < pattern_.size() && (first || !At(']'))) {
      first = false;
      const char c = pattern_[at_];
      if (c == '\\') {
        digit = true;  // an escape in a class: may be a digit (conservative)
        at_ += 2;
        continue;
      }
      if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
      // A range whose ends straddle the digits holds them.
      if (at_ + 2 < pattern_.size() && pattern_[at_ + 1] == '-' &&
          pattern_[at_ + 2] != ']' && static_cast<unsigned char>(c) < '0' &&
          static_cast<unsigned char>(pattern_[at_ + 2]) > '9') {
        digit = true;
      }
      std::size_t length = 1;
      DecodeUtf8(pattern_, at_, &length);
      at_ += length;
    }
    if (!At(']')) {
      failed_ = true;
      return kAll;
    }
    ++at_;
    return digit ? 1u << 1 : 0;
  }

  std::string_view pattern_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

}  // namespace

std::uint32_t DigitCountsOf(std::string_view pattern) {
  return DigitCountReader(pattern).Read();
}

std::uint32_t NumberFormBitsOf(std::string_view pattern) {
  constexpr std::uint32_t kAll = kNumberForms - 1;
  std::uint32_t bits = 0;
  // The bits of the code points first..last.
  auto add_range = [&bits](char32_t first, char32_t last) {
    for (char32_t c = first; c <= last && bits != kAll; ++c) {
      bits |= NumberFormOf(c);
    }
  };
  // The character an escape at pattern[i] names (its length in *length), or
  // -1 for one that names a set of them (\d, \x{...}, \p{...}) or a place
  // (\b).
  auto escape = [&pattern](std::size_t i, std::size_t* length) -> long {
    *length = 2;
    if (i + 1 >= pattern.size()) return -1;
    const char next = pattern[i + 1];
    if (next == 'x' || next == 'p' || next == 'P') {
      const std::size_t close = pattern.find('}', i);
      if (i + 2 < pattern.size() && pattern[i + 2] == '{' &&
          close != std::string_view::npos) {
        *length = close + 1 - i;
      }
      return -1;
    }
    if (std::isalnum(static_cast<unsigned char>(next))) return -1;
    return next;
  };
  for (std::size_t i = 0; i < pattern.size() && bits != kAll;) {
    const char c = pattern[i];
    std::size_t length = 1;
    if (c == '\\') {
      const long named = escape(i, &length);
      const char next = i + 1 < pattern.size() ? pattern[i + 1] : 0;
      if (named >= 0) {
        bits |= NumberFormOf(static_cast<char32_t>(named));
      } else if (next != 'b' && next != 'B' && next != 'A' && next != 'z') {
        bits = kAll;  // a set of characters this does not read
      }
      i += length;
    } else if (c == '(' && pattern.compare(i, 2, "(?") == 0) {
      // A group opener: (?:, (?i:, (?P<name>.
      const std::size_t close = pattern.compare(i, 4, "(?P<") == 0
                                    ? pattern.find('>', i)
                                    : pattern.find_first_of(":)", i);
      i = close == std::string_view::npos ? pattern.size() : close + 1;
    } else if (c == '{') {
      // A repetition count.
      const std::size_t close = pattern.find('}', i);
      i = close == std::string_view::npos ? pattern.size() : close + 1;
    } else if (c == '.') {
      bits = kAll;
      ++i;
    } else if (c == '[') {
      ++i;
      if (i < pattern.size() && pattern[i] == '^') bits = kAll;
      bool first = true;
      while (i < pattern.size() && (pattern[i] != ']' || first)) {
        first = false;
        char32_t from;
        if (pattern[i] == '\\') {
          const long named = escape(i, &length);
          if (named < 0) bits = kAll;
          from = named < 0 ? 0 : static_cast<char32_t>(named);
        } else {
          from = DecodeUtf8(pattern, i, &length);
        }
        i += length;
        char32_t to = from;
        if (i + 1 < pattern.size() && pattern[i] == '-' &&
            pattern[i + 1] != ']') {
          to = DecodeUtf8(pattern, i + 1, &length);
          i += 1 + length;
        }
        add_range(from, to);
      }
      ++i;  // the ]
    } else if (std::string_view("^$|?*+()").find(c) != std::string_view::npos) {
      ++i;
    } else {
      bits |= NumberFormOf(DecodeUtf8(pattern, i, &length));
      i += length;
    }
  }
  return bits;
}

Result<TokenPattern> TokenPatternTranslator::Translate(const RuleSpec& spec) {
  return Translator(spec, rules_, lexer_, &classes_).Run();
}

}  // namespace factx::internal
