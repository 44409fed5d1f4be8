// Questions the token design of the engine issue must answer first: does the
// lexer (lib/lexing/lexer.h), which reads the words of the tables the rules
// name in one leftmost-longest pass and numbers as whole runs of numerals, cut
// the text where the rules' captures begin and end today? For each match of the
// built-in rules over documents in bench/varied_corpus.py's format, each
// capture that holds a table alone (`(?P<cur>{@currency_zh})`,
// `(?P<qual>(?i:{@qualifier_prefix_en}))`) is counted as on or off the
// lexer's token boundaries, and each strict part (a Chinese number,
// rule_file.h) as one number token or not. Those off are listed by rule, with
// examples, and the lexer's own cost is timed.
//
//   python3 bench/varied_corpus.py build > /tmp/varied.docs
//   build/bench/token_boundaries /tmp/varied.docs
//
// A measuring tool, not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_rules.h"
#include "engine/rule_engine.h"
#include "engine/rule_file.h"
#include "engine/token_rules.h"
#include "lexing/lexer.h"
#include "text/document.h"
#include "text/text_normalizer.h"

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

int Run(const char* path) {
  RuleSet rules;
  if (!internal::LoadBuiltinRules(&rules).ok()) return 1;
  std::map<std::string, std::map<std::string, std::string>> table_captures;
  for (const internal::RuleSpec& spec : rules.rules) {
    table_captures[spec.name] = TableCaptures(spec.pattern);
  }
  const internal::Lexer lexer(internal::LexiconTables(rules));
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
  std::vector<internal::Token> tokens;
  internal::LexScratch lex_scratch;
  std::vector<int> token_at;
  std::vector<bool> inside;
  std::chrono::steady_clock::duration lex_time{};
  std::size_t lexed_bytes = 0;
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
    tokens.clear();
    const auto lex_start = std::chrono::steady_clock::now();
    lexer.Lex(text, 0, text.size(), &lex_scratch, &tokens);
    lex_time += std::chrono::steady_clock::now() - lex_start;
    lexed_bytes += text.size();
    // The token that starts at each offset, or -1; offsets strictly inside a
    // token, where the lexer cuts nothing. Gap text is cut at every code
    // point.
    token_at.assign(text.size() + 1, -1);
    inside.assign(text.size() + 1, false);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      token_at[tokens[t].begin] = static_cast<int>(t);
      for (std::size_t i = tokens[t].begin + 1; i < tokens[t].end; ++i) {
        inside[i] = true;
      }
    }
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
        const int first = token_at[from];
        const bool whole =
            number ? first >= 0 &&
                         tokens[first].kind == internal::TokenKind::kNumber &&
                         tokens[first].end == to
                   : !inside[from] && !inside[to];
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
  const double seconds = std::chrono::duration<double>(lex_time).count();
  std::printf(
      "%zu tables, %zu word classes; lexed %zu bytes at %.1f MB/s; table "
      "captures on token boundaries %ld, off %ld; Chinese numbers (strict "
      "parts) one number token %ld, not %ld\n",
      lexer.table_names().size(), lexer.word_class_count(), lexed_bytes,
      lexed_bytes / seconds / 1e6, on, off, numbers_on, numbers_off);
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
