#include "engine/rule_file.h"

#include <cctype>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "text/char_class.h"

namespace factx::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits "word rest" into the first word and the trimmed rest.
std::pair<std::string_view, std::string_view> SplitWord(std::string_view s) {
  s = Trim(s);
  std::size_t end = 0;
  while (end < s.size() && !IsSpace(s[end])) ++end;
  return {s.substr(0, end), Trim(s.substr(end))};
}

bool IsIdentifierStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
         c == '-';
}
bool IsIdentifier(std::string_view s) {
  if (s.empty() || !IsIdentifierStart(s[0])) return false;
  for (char c : s) {
    if (!IsIdentifierChar(c)) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view source, RuleSet* rules, unsigned languages)
      : source_(source), rules_(rules), languages_(languages) {}

  Status Parse(std::string_view text) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t newline = text.find('\n', pos);
      if (newline == std::string_view::npos) newline = text.size();
      ++line_;
      Status status = ParseLine(text.substr(pos, newline - pos));
      if (!status.ok()) return status;
      pos = newline + 1;
    }
    return FinishBlock();
  }

 private:
  enum class Block { kNone, kTable, kRule };

  Status Error(std::string_view what) const { return ErrorAt(line_, what); }

  Status ErrorAt(int line, std::string_view what) const {
    std::string message(source_);
    message += ":" + std::to_string(line) + ": ";
    if (block_ == Block::kRule) message += "rule " + rule_.name + ": ";
    if (block_ == Block::kTable) message += "table " + table_name_ + ": ";
    message += what;
    return Status(StatusCode::kRuleSyntax, std::move(message));
  }

  Status ParseLine(std::string_view raw) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') return Status();
    const bool indented = IsSpace(raw[0]);
    if (indented) {
      if (block_ == Block::kTable) return TableEntry(line);
      if (block_ == Block::kRule) return RuleAttribute(line);
      return Error("indented line outside a table or rule");
    }
    Status status = FinishBlock();
    if (!status.ok()) return status;
    auto [keyword, rest] = SplitWord(line);
    if (keyword == "define") return Define(rest);
    if (keyword == "loose") return Loose(rest);
    if (keyword == "needs") return Needs(rest);
    if (keyword == "tokens") return Tokens(rest);
    if (keyword == "table") return StartTable(rest);
    if (keyword == "rule") return StartRule(rest);
    return Error(
        "expected define, loose, needs, tokens, table or rule, found \"" +
        std::string(keyword) + "\"");
  }

  Status Define(std::string_view rest) {
    auto [name, pattern] = SplitWord(rest);
    if (!IsIdentifier(name)) return Error("define needs a NAME and a PATTERN");
    if (pattern.empty())
      return Error("define " + std::string(name) + " has no pattern");
    std::string expanded, loose, needs, tokens;
    Status status =
        ExpandFragments(pattern, &expanded, &loose, &needs, &tokens);
    if (!status.ok()) return status;
    rules_->token_fragments[std::string(name)] = std::move(tokens);
    rules_->fragments[std::string(name)] = std::move(expanded);
    rules_->loose_fragments[std::string(name)] = std::move(loose);
    rules_->needs_fragments[std::string(name)] = std::move(needs);
    rules_->fragment_needs.erase(std::string(name));
    return Status();
  }

  // `loose NAME PATTERN`: what NAME stands for in loose patterns (and so in
  // every fragment and rule that uses NAME from here on).
  Status Loose(std::string_view rest) {
    std::string_view name;
    std::string loose, unused, needs, unused_tokens;
    Status status = OtherForm("loose", rest, &name, &unused, &loose, &needs,
                              &unused_tokens);
    if (!status.ok()) return status;
    // In a capture of its own (a strict part), which the engine checks
    // against the fragment to learn whether the rule's own pattern matches
    // where the loose one did; numbered per rule by NumberStrictParts.
    rules_->loose_fragments[std::string(name)] =
        std::string(kStrictPartPrefix) + std::string(name) + "_#>" + loose +
        ")";
    if (rules_->fragment_needs.find(name) == rules_->fragment_needs.end())
      rules_->needs_fragments[std::string(name)] = std::move(needs);
    return Status();
  }

  // `tokens NAME PATTERN`: what NAME stands for in tokens patterns (and so in
  // every fragment and rule that uses NAME from here on), where the lexer's
  // cuts make part of the pattern over text needless or wrong: a \b beside
  // a table word inside a group that mixes words and gap letters.
  Status Tokens(std::string_view rest) {
    std::string_view name;
    std::string unused, unused_loose, unused_needs, tokens;
    Status status = OtherForm("tokens", rest, &name, &unused, &unused_loose,
                              &unused_needs, &tokens);
    if (!status.ok()) return status;
    rules_->token_fragments[std::string(name)] = std::move(tokens);
    return Status();
  }

  // `KEYWORD NAME PATTERN`, another form of the fragment NAME: its NAME, and
  // PATTERN expanded as ExpandFragments does.
  Status OtherForm(std::string_view keyword, std::string_view rest,
                   std::string_view* name, std::string* expanded,
                   std::string* loose, std::string* needs,
                   std::string* tokens) {
    std::string_view pattern;
    std::tie(*name, pattern) = SplitWord(rest);
    if (!IsIdentifier(*name) || pattern.empty())
      return Error(std::string(keyword) + " needs a NAME and a PATTERN");
    if (rules_->fragments.find(*name) == rules_->fragments.end())
      return Error(std::string(keyword) + " form for " + std::string(*name) +
                   ", which no define has made");
    return ExpandFragments(pattern, expanded, loose, needs, tokens);
  }

  // `needs NAME WORD...`: every match of NAME, and of its loose form, holds
  // one of the words (every fragment and rule that uses NAME from here on).
  Status Needs(std::string_view rest) {
    auto [name, words] = SplitWord(rest);
    if (!IsIdentifier(name) || words.empty())
      return Error("needs needs a NAME and WORDs");
    if (rules_->fragments.find(name) == rules_->fragments.end())
      return Error("needs for " + std::string(name) +
                   ", which no define has made");
    std::vector<std::string>& list = rules_->fragment_needs[std::string(name)];
    list.clear();
    while (!words.empty()) {
      auto [word, more] = SplitWord(words);
      // \bWORD: every match holds WORD where it starts a word (kWordStartMark).
      if (word.substr(0, 2) == "\\b") {
        word.remove_prefix(2);
        if (word.empty() || !IsAsciiWordChar(word.front())) {
          return Error("needs " + std::string(name) +
                       ": \\b must open a word that starts with an ASCII "
                       "letter, digit or _");
        }
        list.push_back(kWordStartMark + std::string(word));
      } else {
        list.emplace_back(word);
      }
      words = more;
    }
    rules_->needs_fragments[std::string(name)] =
        "{@!" + std::string(name) + "}";
    return Status();
  }

  Status StartTable(std::string_view rest) {
    auto [name, extra] = SplitWord(rest);
    if (!IsIdentifier(name) || !extra.empty())
      return Error("table needs one NAME");
    block_ = Block::kTable;
    table_name_ = std::string(name);
    RuleTable& table = rules_->tables[table_name_];  // empty, still a table
    if (table.line == 0) {
      table.source = std::string(source_);
      table.line = line_;
    }
    return Status();
  }

  Status TableEntry(std::string_view line) {
    // The value is the last word; the key is everything before it (it may hold
    // spaces).
    std::size_t split = line.size();
    while (split > 0 && !IsSpace(line[split - 1])) --split;
    std::string_view key = Trim(line.substr(0, split));
    std::string_view value = line.substr(split);
    if (key.empty()) {  // one word: a set member with no value
      key = value;
      value = {};
    }
    RuleTable& table = rules_->tables[table_name_];
    table.entries[std::string(key)] = std::string(value);
    table.lines.push_back(
        {std::string(key), std::string(value), std::string(source_), line_});
    return Status();
  }

  Status StartRule(std::string_view rest) {
    auto [name, extra] = SplitWord(rest);
    if (!IsIdentifier(name) || !extra.empty())
      return Error("rule needs one NAME");
    for (const RuleSpec& existing : rules_->rules) {
      if (existing.name == name) {
        return Error("rule " + std::string(name) + " is already defined in " +
                     existing.source + ":" + std::to_string(existing.line));
      }
    }
    block_ = Block::kRule;
    rule_ = RuleSpec();
    rule_.name = std::string(name);
    rule_.source = std::string(source_);
    rule_.line = line_;
    rule_.languages = languages_;
    has_kind_ = false;
    return Status();
  }

  Status RuleAttribute(std::string_view line) {
    auto [attribute, value] = SplitWord(line);
    if (attribute == "kind") {
      if (value == "money") {
        rule_.kind = RuleKind::kMoney;
      } else if (value == "percent") {
        rule_.kind = RuleKind::kPercent;
      } else if (value == "date") {
        rule_.kind = RuleKind::kDate;
      } else if (value == "block") {
        rule_.kind = RuleKind::kBlock;
      } else {
        return Error("kind must be money, percent, date or block, not \"" +
                     std::string(value) + "\"");
      }
      has_kind_ = true;
      return Status();
    }
    if (attribute == "priority") {
      int priority = 0;
      bool negative = !value.empty() && value[0] == '-';
      std::string_view digits = negative ? value.substr(1) : value;
      if (digits.empty() || digits.size() > 6)
        return Error("priority must be an integer");
      for (char c : digits) {
        if (c < '0' || c > '9') return Error("priority must be an integer");
        priority = priority * 10 + (c - '0');
      }
      rule_.priority = negative ? -priority : priority;
      return Status();
    }
    if (attribute == "language") {
      // BCP 47 tags, as ExtractOptions::languages reads them.
      Result<unsigned> languages = ParseLanguages(value);
      if (!languages.ok()) return Error(languages.status().message());
      rule_.languages = *languages;
      return Status();
    }
    if (attribute == "tokens") {
      if (value.empty()) return Error("empty tokens pattern");
      if (!rule_.pattern.empty() && rule_.token_pattern.empty())
        return Error("a rule has pattern lines or tokens lines, not both");
      // Over text, {#NAME} (a number of class NAME) is the fragment NAME;
      // over tokens, a fragment is its tokens form.
      return ExpandFragments(value, &rule_.pattern, &rule_.loose_pattern,
                             &rule_.needs_pattern, &rule_.token_pattern);
    }
    if (attribute == "pattern") {
      if (value.empty()) return Error("empty pattern");
      if (!rule_.token_pattern.empty())
        return Error("a rule has pattern lines or tokens lines, not both");
      // Several pattern lines concatenate, so a long pattern can be written in
      // parts.
      std::string over_tokens;  // a rule over text has none
      return ExpandFragments(value, &rule_.pattern, &rule_.loose_pattern,
                             &rule_.needs_pattern, &over_tokens);
    }
    if (attribute == "guard") {
      GuardSpec guard;
      auto [name, args] = SplitWord(value);
      if (name.empty()) return Error("guard needs a name");
      guard.name = std::string(name);
      while (!args.empty()) {
        auto [arg, more] = SplitWord(args);
        guard.args.emplace_back(arg);
        args = more;
      }
      guard.line = line_;
      rule_.guards.push_back(std::move(guard));
      return Status();
    }
    if (attribute == "example" || attribute == "counter") {
      RuleExample example;
      example.line = line_;
      std::string_view input = value;
      std::size_t arrow = value.find(" => ");
      if (arrow != std::string_view::npos) {
        if (attribute == "counter") return Error("a counter has no => part");
        input = Trim(value.substr(0, arrow));
        std::string_view expected = Trim(value.substr(arrow + 4));
        std::size_t equals = expected.find(" = ");
        if (equals != std::string_view::npos) {
          example.description = std::string(Trim(expected.substr(equals + 3)));
          expected = Trim(expected.substr(0, equals));
        }
        example.span = std::string(expected);
        if (example.span.empty())
          return Error("example has an empty span after =>");
      }
      if (input.empty())
        return Error(std::string(attribute) + " needs an input text");
      example.input = std::string(input);
      (attribute == "example" ? rule_.examples : rule_.counters)
          .push_back(std::move(example));
      return Status();
    }
    return Error("unknown attribute \"" + std::string(attribute) + "\"");
  }

  Status FinishBlock() {
    if (block_ == Block::kRule) {
      // Reported at the rule's own line: the block ended wherever the next one
      // began.
      if (!has_kind_)
        return ErrorAt(rule_.line, "no kind (money, percent, date or block)");
      if (rule_.pattern.empty())
        return ErrorAt(rule_.line, "no pattern (or tokens)");
      if (rule_.pattern.find(kStrictPartPrefix) != std::string::npos) {
        return ErrorAt(rule_.line,
                       "captures named strict__... are the engine's own");
      }
      NumberStrictParts(&rule_.loose_pattern);
      NumberStrictParts(&rule_.needs_pattern);
      rules_->rules.push_back(std::move(rule_));
      rule_ = RuleSpec();
    }
    block_ = Block::kNone;
    return Status();
  }

  // Replaces each {NAME} with (?:fragment) in *out, with (?:its loose form)
  // in *loose_out, with (?:its needs form) in *needs_out and with (?:its
  // tokens form) in *tokens_out (RuleSet's maps). {#NAME}, a number of class
  // NAME, is the fragment NAME in all but the tokens form, which keeps it.
  // {@table} stays for the engine, which expands it once every file has been
  // read, so later files can extend a table that earlier rules use. RE2's own
  // braces ({3}, {1,3}) start with a digit and are left alone.
  Status ExpandFragments(std::string_view pattern, std::string* out,
                         std::string* loose_out, std::string* needs_out,
                         std::string* tokens_out) {
    std::size_t i = 0;
    while (i < pattern.size()) {
      char c = pattern[i];
      if (c == '\\' && i + 1 < pattern.size()) {
        // An escape, with the braces of \x{2212}, \p{Han} and \P{Greek}, which
        // are RE2's and name no fragment.
        std::size_t length = 2;
        if (i + 2 < pattern.size() && pattern[i + 2] == '{' &&
            (pattern[i + 1] == 'x' || pattern[i + 1] == 'p' ||
             pattern[i + 1] == 'P')) {
          const std::size_t close = pattern.find('}', i);
          if (close != std::string_view::npos) length = close + 1 - i;
        }
        out->append(pattern.substr(i, length));
        loose_out->append(pattern.substr(i, length));
        needs_out->append(pattern.substr(i, length));
        tokens_out->append(pattern.substr(i, length));
        i += length;
        continue;
      }
      const bool number_class = pattern.compare(i, 2, "{#") == 0;
      const std::size_t name_at = number_class ? i + 2 : i + 1;
      if (c == '{' && name_at < pattern.size() &&
          IsIdentifierStart(pattern[name_at])) {
        std::size_t close = pattern.find('}', i);
        if (close == std::string_view::npos)
          return Error("unclosed { in pattern");
        std::string_view name = pattern.substr(name_at, close - name_at);
        auto fragment = rules_->fragments.find(name);
        if (!IsIdentifier(name) || fragment == rules_->fragments.end()) {
          return Error("unknown fragment {" + std::string(name) + "}");
        }
        if (number_class) {
          tokens_out->append(pattern.substr(i, close + 1 - i));
        } else {
          tokens_out->append("(?:")
              .append(rules_->token_fragments.find(name)->second)
              .append(")");
        }
        out->append("(?:").append(fragment->second).append(")");
        loose_out->append("(?:")
            .append(rules_->loose_fragments.find(name)->second)
            .append(")");
        needs_out->append("(?:")
            .append(rules_->needs_fragments.find(name)->second)
            .append(")");
        i = close + 1;
        continue;
      }
      out->push_back(c);
      loose_out->push_back(c);
      needs_out->push_back(c);
      tokens_out->push_back(c);
      ++i;
    }
    return Status();
  }

  std::string_view source_;
  RuleSet* rules_;
  int line_ = 0;
  Block block_ = Block::kNone;
  std::string table_name_;
  RuleSpec rule_;
  bool has_kind_ = false;
  unsigned languages_;
};

}  // namespace

void NumberStrictParts(std::string* pattern) {
  int count = 0;
  for (std::size_t at = pattern->find(kStrictPartPrefix);
       at != std::string::npos; at = pattern->find(kStrictPartPrefix, at + 1)) {
    const std::size_t close = pattern->find('>', at);
    if (close == std::string::npos || (*pattern)[close - 1] != '#') continue;
    pattern->replace(close - 1, 1, std::to_string(++count));
  }
}

Status ParseRuleText(std::string_view text, std::string_view source,
                     RuleSet* rules, unsigned languages) {
  return Parser(source, rules, languages).Parse(text);
}

}  // namespace factx::internal
