// Questions the token design of the engine issue must answer first: would a
// lexer that reads the words of every rule table in one leftmost-longest pass,
// and numbers as whole runs of numeral characters, cut the text where the
// rules' captures begin and end today? For each match of the built-in rules
// over documents in bench/varied_corpus.py's format, each capture that holds a
// table alone (`(?P<cur>{@currency_zh})`,
// `(?P<qual>(?i:{@qualifier_prefix_en}))`) is counted as on or off the lexer's
// token boundaries, and each strict part (a Chinese number, rule_file.h) as
// whole or not: a run of digits and Chinese numerals neither continues before
// it nor after it. Those off are listed by rule, with examples.
//
//   python3 bench/varied_corpus.py build > /tmp/varied.docs
//   build/bench/token_boundaries /tmp/varied.docs
//
// The lexer: at each position the longest word of any table the rules use
// (ASCII letters in any case), where a word that starts or ends with an ASCII
// letter must start or end a run of letters (`us` is no word in `thus`, `USD`
// is one in `5USD`); elsewhere one code point. A measuring tool, not a test.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/literal_matcher.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "text/char_class.h"
#include "text/document.h"
#include "text/text_normalizer.h"
#include "text/utf8.h"

namespace factx::bench {
namespace {

using internal::Candidate;
using internal::RuleEngine;
using internal::RuleScratch;
using internal::RuleSet;

constexpr std::size_t kExamplesPerCapture = 3;

// The table that capture NAME of `pattern` holds alone, by capture name.
std::map<std::string, std::string> TableCaptures(const std::string& pattern) {
  std::map<std::string, std::string> tables;
  for (std::size_t at = pattern.find("(?P<"); at != std::string::npos;
       at = pattern.find("(?P<", at + 1)) {
    const std::size_t name_end = pattern.find('>', at);
    std::size_t inner = name_end + 1;
    const bool folded = pattern.compare(inner, 4, "(?i:") == 0;
    if (folded) inner += 4;
    if (pattern.compare(inner, 2, "{@") != 0) continue;
    const std::size_t close = pattern.find('}', inner);
    const std::string closing = folded ? "))" : ")";
    if (pattern.compare(close + 1, closing.size(), closing) != 0) continue;
    tables[pattern.substr(at + 4, name_end - at - 4)] =
        pattern.substr(inner + 2, close - inner - 2);
  }
  return tables;
}

// Digits and the Chinese numerals, scales included (loose NUM_ZH's).
bool IsNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals =
      U"0123456789〇零一二两三四五六七八九十拾百佰千仟廿卅卌万亿兆壹贰叁肆伍陆"
      U"柒捌玖";
  return kNumerals.find(c) != std::u32string_view::npos;
}

// True when a run of numerals continues across `pos` (text[pos] is a code
// point boundary).
bool SplitsNumerals(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos >= text.size()) return false;
  std::size_t before = pos - 1;
  while (before > 0 &&
         (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80) {
    --before;
  }
  std::size_t length = 0;
  return IsNumeral(internal::DecodeUtf8(text, before, &length)) &&
         IsNumeral(internal::DecodeUtf8(text, pos, &length));
}

bool IsLetter(std::string_view text, std::size_t pos) {
  return pos < text.size() &&
         internal::IsAsciiLetter(static_cast<unsigned char>(text[pos]));
}

// Token boundaries of `text` under the lexer above: boundary[i] for offset i.
std::vector<bool> TokenBoundaries(std::string_view text,
                                  const internal::LiteralMatcher& words) {
  std::vector<std::size_t> longest(text.size(), 0);  // valid word at each start
  words.FindAll(text, [&](int word, std::size_t end) {
    const std::size_t start = end - words.key_length(word);
    if ((IsLetter(text, start) && start > 0 && IsLetter(text, start - 1)) ||
        (IsLetter(text, end - 1) && IsLetter(text, end))) {
      return;
    }
    longest[start] = std::max(longest[start], end - start);
  });
  std::vector<bool> boundary(text.size() + 1, false);
  boundary[0] = true;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = longest[i];
    if (length == 0) {
      length = 1;
      while (i + length < text.size() &&
             (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
        ++length;
      }
    }
    i += length;
    boundary[i] = true;
  }
  return boundary;
}

int Run(const char* path) {
  RuleSet rules;
  if (!internal::LoadBuiltinRules(&rules).ok()) return 1;
  std::map<std::string, std::map<std::string, std::string>> table_captures;
  std::set<std::string> words;
  for (const internal::RuleSpec& spec : rules.rules) {
    table_captures[spec.name] = TableCaptures(spec.pattern);
    for (std::size_t at = spec.pattern.find("{@"); at != std::string::npos;
         at = spec.pattern.find("{@", at + 1)) {
      const std::string table =
          spec.pattern.substr(at + 2, spec.pattern.find('}', at) - at - 2);
      for (const auto& entry : rules.tables.at(table).entries) {
        std::string word = entry.first;
        for (char& c : word) c = internal::ToAsciiLower(c);
        words.insert(word);
      }
    }
  }
  const internal::LiteralMatcher matcher(
      std::vector<std::string>(words.begin(), words.end()));
  Result<std::unique_ptr<RuleEngine>> engine =
      RuleEngine::Build(std::move(rules));
  Result<internal::TextNormalizer> normalizer =
      internal::TextNormalizer::Create();
  std::ifstream in(path, std::ios::binary);
  if (!engine.ok() || !normalizer.ok() || !in) {
    std::fprintf(stderr, "cannot build the engine or read %s\n", path);
    return 1;
  }
  std::stringstream data;
  data << in.rdbuf();
  const std::string corpus = data.str();

  long on = 0, off = 0, numbers_on = 0, numbers_off = 0;
  std::map<std::string, long> off_by_capture;
  std::map<std::string, std::vector<std::string>> examples;
  internal::NormalizedText normalized;
  internal::Document document;
  RuleScratch scratch;
  for (std::size_t begin = 0; begin < corpus.size();) {
    const std::size_t end = std::min(corpus.find('\0', begin), corpus.size());
    const std::string_view record(corpus.data() + begin, end - begin);
    begin = end + 1;
    const std::size_t tab = record.find('\t');
    if (tab == std::string_view::npos ||
        !normalizer->Normalize(record.substr(tab + 1), true, &normalized)
             .ok()) {
      continue;
    }
    const std::string_view text = normalized.text();
    document.Build(text);
    const std::vector<bool> boundary = TokenBoundaries(text, matcher);
    scratch.candidates.clear();
    scratch.groups.clear();
    (*engine)->FindCandidates(document, ~0u, &scratch);
    for (const Candidate& candidate : scratch.candidates) {
      const internal::CompiledRule& rule = (*engine)->rule(candidate.rule);
      const auto& tables = table_captures[rule.spec().name];
      for (const auto& [group, name] : rule.capture_names()) {
        const auto table = tables.find(name);
        const bool number = internal::IsStrictPart(name);
        const std::string_view capture =
            scratch.groups[candidate.groups + group];
        if ((table == tables.end() && !number) || capture.empty()) continue;
        const std::size_t from = capture.data() - text.data();
        const std::size_t to = from + capture.size();
        const bool whole =
            number ? !SplitsNumerals(text, from) && !SplitsNumerals(text, to)
                   : boundary[from] && boundary[to];
        long& count =
            number ? (whole ? numbers_on : numbers_off) : (whole ? on : off);
        ++count;
        if (whole) continue;
        const std::string key =
            rule.spec().name + " " + name +
            (number ? std::string() : " {@" + table->second + "}");
        ++off_by_capture[key];
        if (examples[key].size() < kExamplesPerCapture) {
          const std::string_view match =
              text.substr(candidate.begin, candidate.end - candidate.begin);
          examples[key].push_back("[" + std::string(capture) + "] in \"" +
                                  std::string(match) + "\"");
        }
      }
    }
  }
  std::printf(
      "%zu table words; table captures on token boundaries %ld, off %ld; "
      "Chinese numbers (strict parts) whole %ld, part of a longer run %ld\n",
      words.size(), on, off, numbers_on, numbers_off);
  for (const auto& [key, count] : off_by_capture) {
    std::printf("%7ld  %s\n", count, key.c_str());
    for (const std::string& example : examples[key]) {
      std::printf("           %s\n", example.c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace factx::bench

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: token_boundaries DOCS (varied_corpus.py)\n");
    return 2;
  }
  return factx::bench::Run(argv[1]);
}
