// factx_cli.cc: the `factx` command-line tool.
//
// Prints the facts of text files as a table (default) or JSON, and runs the
// JSONL contract of shared/eval/FORMAT.md (`--jsonl`): one output line per
// input line, streamed. It uses only the public API (include/factx/), as any
// other program would. See `kHelp` for the usage.
#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "factx/extractor.h"
#include "factx/facts.h"
#include "factx/jsonl.h"
#include "factx/status.h"
#include "factx/version.h"
#include "input_reader.h"
#include "jsonl_document.h"

namespace factx_cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitDocumentFailed = 2;

constexpr char kHelp[] = R"(Usage: factx [OPTIONS] [FILE...]

Finds money amounts, percentages, dates and investment amounts in Chinese and English text.
Reads each FILE in turn, or standard input when no FILE is given or for "-".

Output (one of):
  (default)   a table per file: offset (code points), type, text, value, rule, notes
  --json      one line per file: {"id": "FILE", "facts": [...]} or {"id": "FILE", "error": "..."}
  --jsonl     the input is JSONL, one document per line:
                {"id": ..., "text": "...", "ref_date": "YYYY-MM-DD" or null, "lang": "zh"}
              ("text" is required, the other fields are optional, unknown fields are
              ignored; "lang", "zh" or "en", runs that language's rules, and the
              other's too when the text holds its script: Han, or Latin letters), and the output has exactly one line per input line, in order:
                {"id": ..., "facts": [...]}   or   {"id": ..., "error": "..."}

Options:
  --ref-date YYYY-MM-DD  the date the text was written: resolves 今年, 去年同期, 上月, 一季度;
                         with --jsonl, the default for documents whose ref_date is absent or
                         null. Without it, relative dates are reported with no value.
  --date-policy POLICY   where a weekday, month-day or month without a year lands: news
                         (default: before the reference in a past-tense clause, after it
                         in a future one, else the nearest), nearest, past or future
  --kinds LIST           report only these kinds, comma-separated, from
                         money,percent,date,investment (default: all)
  --lang LIST            run only the rules of these languages, comma-separated language
                         tags from zh,en (default: both); with --jsonl, for documents
                         whose lang is absent or null. A text that mixes Chinese and
                         English needs both.
  --threads N            with --jsonl, extract N lines at a time in parallel (1..256,
                         default 1); the output keeps the input's order. Input is read in
                         batches of at most 4 MiB, so memory stays flat on any input size.
  -h, --help             print this help
  --version              print the version
  --                     end of options (for a FILE whose name begins with "-")

Facts in --json and --jsonl, sorted by byte_start (then money, investment, percent, date):
  all         type, text (the exact slice of the input), start, end (code point offsets, end
              exclusive), byte_start, byte_end (UTF-8 byte offsets), rule
  money       value (a JSON number with the exact digits), amount (the same as a string),
              currency (ISO 4217 code, or null), qualifier (exact|approx|over|under|range),
              min and max for a range (value is then min)
  percent     value (in percent units), unit ("%" or "pp"), qualifier, min and max
  date        value ("2020", "2020-H1", "2020-Q1", "2020-01", "2020-01-31"), end_value (the
              inclusive end of a range), relative, and fiscal (true for a fiscal year);
              value and end_value are left out when a relative date has no reference date
  investment  the money fields, plus kind (total_investment|investment|financing|fund|
              credit_line|rnd_spending|acquisition), trigger (the words that make it an
              investment), and investor and target when the sentence names them

--jsonl lines that fail give an error object, and processing goes on with the next line:
  a blank line                    {"id": null, "error": "empty line"} (it is not valid JSON)
  not one JSON object             {"id": null, "error": "invalid JSON at byte N: ..."}; the
                                  id is echoed when it was read before the error
  a lone surrogate escape \uD800  invalid JSON, as UTF-8 cannot hold it
  nesting deeper than 64 levels   invalid JSON, "...: nesting deeper than 64 levels"
  a line over 64 MiB              {"id": null, "error": "ResourceExhausted: line exceeds
                                  max_input_bytes ..."}; it is skipped as it is read
  no "text", or not a string      {"id": ..., "error": "missing string field \"text\""}
  a ref_date that is not a day    {"id": ..., "error": "invalid ref_date: ..."}
  a lang other than zh or en      {"id": ..., "error": "invalid lang: unknown language tag ..."}
  invalid UTF-8 in the text, or a library limit: the library's message, e.g.
                                  {"id": ..., "error": "InvalidUtf8: ..."}
The id is echoed as the same JSON value (a string, a number, an array, ...), re-written
so that the output is valid UTF-8 (an ill-formed byte becomes \ufffd), or null when absent.
An unreadable input (a directory, a read error) or a file over 64 MiB in table or --json
mode is an error of that FILE. The first failed write to the output stops factx (exit 2).

Exit status: 0 every document was processed; 1 usage error (nothing is read); 2 some
document failed (an unreadable file, invalid UTF-8, an error line in --jsonl).

Examples:
  factx --ref-date 2020-05-06 examples/sample_article.txt
  factx --kinds money,investment --json report.txt
  echo '{"id": "d1", "ref_date": "2020-05-06", "text": "该区推出300亿元专项信贷计划。"}' \
    | factx --jsonl
prints (on one line):
  {"id": "d1", "facts": [{"type": "money", "text": "300亿元", "start": 4, "end": 9,
   "byte_start": 12, "byte_end": 21, "value": 30000000000, "amount": "30000000000",
   "currency": "CNY", "qualifier": "exact", "rule": "..."}, {"type": "investment",
   "text": "300亿元", ..., "kind": "credit_line", "trigger": "信贷计划", "rule": "..."}]}
)";

enum class OutputMode { kTable, kJson, kJsonl };

struct CommandLine {
  OutputMode mode = OutputMode::kTable;
  // Holds --kinds, --lang and --ref-date (the default language and reference
  // date of a JSONL document).
  factx::ExtractOptions extract;
  // "-" is standard input.
  std::vector<std::string> inputs;
  // --threads: JSONL lines extracted in parallel.
  int threads = 1;
};

// What parsing the command line decided: run, or exit at once with `exit_code`.
struct ParsedCommandLine {
  CommandLine command_line;
  std::optional<int> exit_code;
};

int UsageError(const std::string& message) {
  std::fprintf(stderr, "factx: %s\nTry 'factx --help'.\n", message.c_str());
  return kExitUsage;
}

// Parses "money,percent": the `FactKind` bits, or nullopt naming the bad item
// in `*error`.
std::optional<unsigned> ParseKinds(std::string_view list, std::string* error) {
  unsigned kinds = 0;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    const std::optional<unsigned> kind = factx::FactKindOfTypeName(item);
    if (!kind.has_value()) {
      *error = "unknown kind '" + std::string(item) +
               "' in --kinds (use money, percent, date, investment)";
      return std::nullopt;
    }
    kinds |= *kind;
    if (comma == std::string_view::npos) return kinds;
    list.remove_prefix(comma + 1);
  }
}

ParsedCommandLine ParseCommandLine(int argc, char** argv) {
  ParsedCommandLine parsed;
  CommandLine& command_line = parsed.command_line;
  bool options_ended = false;
  bool mode_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      command_line.inputs.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    // --name=value or --name value.
    const std::size_t equals = arg.find('=');
    const std::string_view name = arg.substr(0, equals);
    std::optional<std::string_view> value;
    if (equals != std::string_view::npos) value = arg.substr(equals + 1);
    const bool takes_value = name == "--ref-date" || name == "--kinds" ||
                             name == "--threads" || name == "--date-policy" ||
                             name == "--lang";
    if (!takes_value && value.has_value()) {
      parsed.exit_code =
          UsageError("option '" + std::string(name) + "' takes no value");
      return parsed;
    }
    if (takes_value && !value.has_value()) {
      if (i + 1 == argc) {
        parsed.exit_code =
            UsageError("option '" + std::string(name) + "' needs a value");
        return parsed;
      }
      value = argv[++i];
    }

    if (name == "-h" || name == "--help") {
      std::fputs(kHelp, stdout);
      parsed.exit_code = kExitOk;
      return parsed;
    }
    if (name == "--version") {
      std::printf("factx %s\n", FACTX_VERSION_STRING);
      parsed.exit_code = kExitOk;
      return parsed;
    }
    if (name == "--json" || name == "--jsonl") {
      const OutputMode mode =
          name == "--json" ? OutputMode::kJson : OutputMode::kJsonl;
      if (mode_given && command_line.mode != mode) {
        parsed.exit_code = UsageError("--json and --jsonl exclude each other");
        return parsed;
      }
      mode_given = true;
      command_line.mode = mode;
    } else if (name == "--ref-date") {
      factx::Result<factx::CivilDate> date = factx::CivilDate::Parse(*value);
      if (!date.ok()) {
        parsed.exit_code =
            UsageError("invalid --ref-date '" + std::string(*value) +
                       "' (want a day as YYYY-MM-DD)");
        return parsed;
      }
      command_line.extract.reference_date = *date;
    } else if (name == "--kinds") {
      std::string error;
      const std::optional<unsigned> kinds = ParseKinds(*value, &error);
      if (!kinds.has_value()) {
        parsed.exit_code = UsageError(error);
        return parsed;
      }
      command_line.extract.kinds = *kinds;
    } else if (name == "--lang") {
      const factx::Result<unsigned> languages = factx::ParseLanguages(*value);
      if (!languages.ok()) {
        parsed.exit_code =
            UsageError("invalid --lang: " + languages.status().message());
        return parsed;
      }
      command_line.extract.languages = *languages;
    } else if (name == "--date-policy") {
      const std::string_view policy = *value;
      if (policy == "news") {
        command_line.extract.date_policy = factx::DatePolicy::kNews;
      } else if (policy == "nearest") {
        command_line.extract.date_policy = factx::DatePolicy::kNearest;
      } else if (policy == "past") {
        command_line.extract.date_policy = factx::DatePolicy::kPast;
      } else if (policy == "future") {
        command_line.extract.date_policy = factx::DatePolicy::kFuture;
      } else {
        parsed.exit_code =
            UsageError("invalid --date-policy '" + std::string(policy) +
                       "' (want news, nearest, past or future)");
        return parsed;
      }
    } else if (name == "--threads") {
      constexpr int kMaxThreads = 256;
      int threads = 0;
      const std::string_view digits = *value;
      const bool all_digits =
          !digits.empty() && digits.size() <= 3 &&
          std::all_of(digits.begin(), digits.end(),
                      [](char c) { return c >= '0' && c <= '9'; });
      if (all_digits) threads = std::stoi(std::string(digits));
      if (threads < 1 || threads > kMaxThreads) {
        parsed.exit_code = UsageError("invalid --threads '" +
                                      std::string(digits) + "' (want 1..256)");
        return parsed;
      }
      command_line.threads = threads;
    } else {
      parsed.exit_code =
          UsageError("unknown option '" + std::string(arg) + "'");
      return parsed;
    }
  }
  if (command_line.inputs.empty()) command_line.inputs.emplace_back("-");
  return parsed;
}

// The languages to run for a JSONL document whose "lang" reads `languages`.
// FORMAT.md makes "lang" a hint and lets a document mix both languages
// ("Hey, the cost is 100元!" is tagged "en"), so the other language's rules
// run too when its script shows: a Han character (U+4000..U+9FFF, lead bytes
// E4..E9) for Chinese, an ASCII letter for English. A text of one script
// alone runs one language's rules, which is where the time is saved.
unsigned DocumentLanguages(std::string_view text, unsigned languages) {
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0xE4 && byte <= 0xE9) languages |= factx::kChinese;
    if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') {
      languages |= factx::kEnglish;
    }
    if (languages == factx::kAllLanguages) break;
  }
  return languages;
}

// ---------------------------------------------------------------------------------------
// Table output.

// Terminal columns a code point takes: 2 for East Asian wide and fullwidth
// characters (CJK, Hangul, fullwidth forms, most emoji), 1 otherwise. An
// approximation of UAX #11 that is good enough to align columns of news text.
int ColumnWidth(char32_t c) {
  static constexpr struct {
    char32_t first;
    char32_t last;
  } kWideRanges[] = {
      {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
      {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
      {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
      {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
      {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
  };
  for (const auto& range : kWideRanges) {
    if (c >= range.first && c <= range.last) return 2;
  }
  return 1;
}

// Columns `utf8` takes on a terminal. Invalid bytes count as one column each.
std::size_t DisplayWidth(std::string_view utf8) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const unsigned char lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0xC0   ? 1
                               : lead < 0xE0 ? 2
                               : lead < 0xF0 ? 3
                                             : 4;
    if (i + length > utf8.size()) {
      width += utf8.size() - i;
      break;
    }
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    width += static_cast<std::size_t>(ColumnWidth(c));
    i += length;
  }
  return width;
}

// A fact's text on one table line: line breaks and tabs become spaces.
std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return line;
}

// The record's field `name`, or nullptr.
const factx::FactField* FindField(const factx::FactRecord& record,
                                  std::string_view name) {
  for (const factx::FactField& field : record.fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

// The fields the VALUE column shows; every other field is a note.
bool IsValueField(std::string_view name) {
  static constexpr std::string_view kValueFields[] = {
      "value", "amount", "min", "max", "end_value", "currency", "unit", "rule"};
  return std::find(std::begin(kValueFields), std::end(kValueFields), name) !=
         std::end(kValueFields);
}

// VALUE: "300000000..500000000 CNY", "35.7%", "2 pp", "2020-01..2020-04".
std::string ValueColumn(const factx::FactRecord& record) {
  const factx::FactField* value = FindField(record, "value");
  const factx::FactField* min = FindField(record, "min");
  const factx::FactField* max = FindField(record, "max");
  const factx::FactField* end_value = FindField(record, "end_value");
  if (value == nullptr) return "(needs --ref-date)";
  std::string column = min != nullptr && max != nullptr
                           ? min->value + ".." + max->value
                           : value->value;
  if (end_value != nullptr) column += ".." + end_value->value;
  if (const factx::FactField* currency = FindField(record, "currency")) {
    column += ' ';
    column += currency->kind == factx::FactField::Kind::kNull ? "(currency?)"
                                                              : currency->value;
  }
  if (const factx::FactField* unit = FindField(record, "unit")) {
    column += unit->value == "%" ? "%" : " " + unit->value;
  }
  return column;
}

// NOTES: the other fields, "over, total_investment, trigger 总投资, relative":
// a qualifier other than exact or range, true flags by name, other strings as
// "name text" (the kind's value alone).
std::string NotesColumn(const factx::FactRecord& record) {
  std::string notes;
  const auto add = [&](std::string_view note) {
    if (!notes.empty()) notes.append(", ");
    notes.append(note);
  };
  for (const factx::FactField& field : record.fields) {
    if (IsValueField(field.name)) continue;
    if (field.kind == factx::FactField::Kind::kBool) {
      if (field.value == "true") add(field.name);
    } else if (field.name == "qualifier") {
      if (field.value != "exact" && field.value != "range") add(field.value);
    } else if (field.name == "kind") {
      add(field.value);
    } else if (field.kind == factx::FactField::Kind::kString) {
      add(std::string(field.name) + " " + OneLine(field.value));
    }
  }
  return notes;
}

// Table columns: AT (code point offset), TYPE, TEXT, VALUE, RULE, NOTES.
using TableRow = std::vector<std::string>;

TableRow MakeTableRow(const factx::FactRecord& record) {
  const factx::FactField* rule = FindField(record, "rule");
  return {std::to_string(record.start),
          std::string(record.type),
          OneLine(record.text),
          ValueColumn(record),
          rule != nullptr ? rule->value : std::string(),
          NotesColumn(record)};
}

// Rows as columns padded to a common display width (the last column is not
// padded).
void AppendTable(const std::vector<TableRow>& rows, std::string* out) {
  std::vector<std::size_t> widths;
  for (const TableRow& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  for (const TableRow& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size())
        line.append(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out->append(line);
    out->push_back('\n');
  }
}

void AppendFactsTable(std::string_view name, std::string_view text,
                      const factx::Extractor& extractor,
                      const factx::Extraction& facts, std::string* out) {
  const std::vector<factx::FactRecord> located =
      factx::FactRecords(text, extractor, facts);
  out->append(name);
  out->append(": ");
  out->append(located.empty() ? "no facts"
                              : std::to_string(located.size()) +
                                    (located.size() == 1 ? " fact" : " facts"));
  out->push_back('\n');
  if (located.empty()) return;
  std::vector<TableRow> rows = {
      {"AT", "TYPE", "TEXT", "VALUE", "RULE", "NOTES"}};
  for (const factx::FactRecord& record : located) {
    rows.push_back(MakeTableRow(record));
  }
  AppendTable(rows, out);
}

// ---------------------------------------------------------------------------------------
// Driving.

// What one thread needs to answer JSONL lines: reused from line to line, so
// that steady state does not allocate.
struct LineWorker {
  factx::Extraction facts;
  JsonlDocument document;
};

class Runner {
 public:
  Runner(const CommandLine& command_line, factx::Extractor extractor)
      : command_line_(command_line),
        extractor_(std::move(extractor)),
        workers_(static_cast<std::size_t>(command_line.threads)) {}

  // Processes every input; returns the exit status. Stops at the first output
  // that cannot be written (a closed pipe with SIGPIPE ignored, a full disk).
  int Run() {
    bool first = true;
    for (const std::string& input : command_line_.inputs) {
      const bool is_stdin = input == "-";
      const std::string name = is_stdin ? "<stdin>" : input;
      std::FILE* file = is_stdin ? stdin : std::fopen(input.c_str(), "rb");
      if (file == nullptr) {
        Fail(name, std::string("cannot open: ") + std::strerror(errno));
      } else {
        InputReader reader(file);
        if (command_line_.mode == OutputMode::kJsonl) {
          RunJsonLines(name, &reader);
        } else {
          if (command_line_.mode == OutputMode::kTable && !first) Write("\n");
          RunWholeDocument(name, &reader);
        }
        if (!is_stdin) std::fclose(file);
      }
      first = false;
      if (write_failed_) break;
    }
    if (!write_failed_ && std::fflush(stdout) != 0) write_failed_ = true;
    if (write_failed_) {
      std::fputs("factx: error writing the output\n", stderr);
      return kExitDocumentFailed;
    }
    return any_failed_ ? kExitDocumentFailed : kExitOk;
  }

 private:
  void Write(std::string_view bytes) {
    if (write_failed_) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      write_failed_ = true;
    }
  }

  // Reports a whole input that could not be processed: on stderr, and in --json
  // also as an error object, so that each input still has its output line.
  void Fail(const std::string& name, const std::string& message) {
    any_failed_ = true;
    std::fprintf(stderr, "factx: %s: %s\n", name.c_str(), message.c_str());
    if (command_line_.mode == OutputMode::kJson) {
      std::string id_json;
      factx::AppendJsonString(name, &id_json);
      line_.clear();
      factx::AppendErrorLine(id_json, message, &line_);
      line_.push_back('\n');
      Write(line_);
    }
  }

  std::string ReadError(const InputReader& reader) const {
    return std::string("read error: ") + std::strerror(reader.error());
  }

  // The message for input over max_input_bytes, refused while it was read.
  std::string TooLong(std::string_view what) const {
    return "ResourceExhausted: " + std::string(what) +
           " exceeds max_input_bytes (" +
           std::to_string(command_line_.extract.max_input_bytes) + ")";
  }

  // Table or --json: the whole stream is one document.
  void RunWholeDocument(const std::string& name, InputReader* reader) {
    switch (reader->ReadAll(command_line_.extract.max_input_bytes, &text_)) {
      case InputReader::Outcome::kOk:
      case InputReader::Outcome::kEnd:
        break;
      case InputReader::Outcome::kTooLong:
        Fail(name, TooLong("input"));
        return;
      case InputReader::Outcome::kError:
        Fail(name, ReadError(*reader));
        return;
    }
    if (const factx::Status status =
            extractor_.Extract(text_, command_line_.extract, &facts_);
        !status.ok()) {
      Fail(name, status.ToString());
      return;
    }
    line_.clear();
    if (command_line_.mode == OutputMode::kJson) {
      std::string id_json;
      factx::AppendJsonString(name, &id_json);
      factx::AppendFactsLine(id_json, text_, extractor_, facts_, &line_);
      line_.push_back('\n');
    } else {
      AppendFactsTable(name, text_, extractor_, facts_, &line_);
    }
    Write(line_);
  }

  // --jsonl: one document per line, one output line per input line. Lines are
  // read in batches (at most kBatchBytes, or kBatchLines lines), answered by
  // --threads workers, and written in input order; only one batch is held at a
  // time, and a line over max_input_bytes is never held, so memory does not
  // grow with the input.
  void RunJsonLines(const std::string& name, InputReader* reader) {
    constexpr std::size_t kBatchBytes = std::size_t{4} << 20;
    const std::size_t batch_lines = command_line_.threads == 1 ? 1 : 4096;
    bool first_line = true;
    bool more = true;
    while (more && !write_failed_) {
      // Fill the batch, reusing the strings of the previous one.
      std::size_t bytes = 0;
      std::size_t count = 0;
      while (count < batch_lines && bytes < kBatchBytes) {
        if (count == batch_inputs_.size()) {
          batch_inputs_.emplace_back();
          batch_outputs_.emplace_back();
          batch_too_long_.push_back(0);
        }
        const InputReader::Outcome outcome = reader->ReadLine(
            command_line_.extract.max_input_bytes, &batch_inputs_[count]);
        if (outcome == InputReader::Outcome::kEnd) {
          more = false;
          break;
        }
        if (outcome == InputReader::Outcome::kError) {
          any_failed_ = true;
          std::fprintf(stderr, "factx: %s: %s\n", name.c_str(),
                       ReadError(*reader).c_str());
          more = false;
          break;
        }
        batch_too_long_[count] = outcome == InputReader::Outcome::kTooLong;
        bytes += batch_inputs_[count].size();
        ++count;
      }
      if (count == 0) break;
      // A byte order mark may open a file written on Windows.
      if (first_line && batch_inputs_[0].compare(0, 3, "\xEF\xBB\xBF") == 0) {
        batch_inputs_[0].erase(0, 3);
      }
      first_line = false;
      AnswerBatch(count);
      for (std::size_t i = 0; i < count; ++i) Write(batch_outputs_[i]);
    }
  }

  // Answers batch_inputs_[0, count) into batch_outputs_, each line ending in
  // '\n'. Worker t takes lines t, t + threads, ...: documents of a news feed
  // are of similar size, and the batch is large, so the split is even enough.
  void AnswerBatch(std::size_t count) {
    const std::size_t threads = std::min<std::size_t>(workers_.size(), count);
    std::vector<unsigned char> failed(threads, 0);
    auto work = [&](std::size_t t) {
      for (std::size_t i = t; i < count; i += threads) {
        std::string& out = batch_outputs_[i];
        out.clear();
        if (batch_too_long_[i]) {
          factx::AppendErrorLine("null", TooLong("line"), &out);
          failed[t] = 1;
        } else if (!ProcessJsonLine(batch_inputs_[i], &workers_[t], &out)) {
          failed[t] = 1;
        }
        out.push_back('\n');
      }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work, t);
    work(0);
    for (std::thread& helper : helpers) helper.join();
    for (unsigned char f : failed) {
      if (f) any_failed_ = true;
    }
  }

  // Writes the answer to one JSONL line into `*out` (no newline); false if it
  // is an error. Reads only const state besides `*worker`, so workers run it
  // at the same time.
  bool ProcessJsonLine(std::string_view line, LineWorker* worker,
                       std::string* out) const {
    if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      factx::AppendErrorLine("null", "empty line", out);
      return false;
    }
    JsonlDocument& document = worker->document;
    if (const factx::Status status = ReadJsonlDocument(line, &document);
        !status.ok()) {
      factx::AppendErrorLine(document.id_json, status.message(), out);
      return false;
    }
    if (!document.text.has_value()) {
      factx::AppendErrorLine(document.id_json, "missing string field \"text\"",
                             out);
      return false;
    }
    factx::ExtractOptions options = command_line_.extract;
    switch (document.ref_date_kind) {
      case JsonlDocument::Field::kAbsent:
        break;
      case JsonlDocument::Field::kNotString:
        factx::AppendErrorLine(document.id_json,
                               "invalid ref_date: not a string or null", out);
        return false;
      case JsonlDocument::Field::kString: {
        factx::Result<factx::CivilDate> date =
            factx::CivilDate::Parse(document.ref_date);
        if (!date.ok()) {
          std::string quoted;
          factx::AppendJsonString(document.ref_date, &quoted);
          factx::AppendErrorLine(
              document.id_json,
              "invalid ref_date: " + quoted + " is not a day as YYYY-MM-DD",
              out);
          return false;
        }
        options.reference_date = *date;
        break;
      }
    }
    switch (document.lang_kind) {
      case JsonlDocument::Field::kAbsent:
        break;
      case JsonlDocument::Field::kNotString:
        factx::AppendErrorLine(document.id_json,
                               "invalid lang: not a string or null", out);
        return false;
      case JsonlDocument::Field::kString: {
        const factx::Result<unsigned> languages =
            factx::ParseLanguages(document.lang);
        if (!languages.ok()) {
          factx::AppendErrorLine(
              document.id_json, "invalid lang: " + languages.status().message(),
              out);
          return false;
        }
        options.languages = DocumentLanguages(*document.text, *languages);
        break;
      }
    }
    if (const factx::Status status =
            extractor_.Extract(*document.text, options, &worker->facts);
        !status.ok()) {
      factx::AppendErrorLine(document.id_json, status.ToString(), out);
      return false;
    }
    factx::AppendFactsLine(document.id_json, *document.text, extractor_,
                           worker->facts, out);
    return true;
  }

  const CommandLine& command_line_;
  const factx::Extractor extractor_;
  bool any_failed_ = false;
  bool write_failed_ = false;
  // Reused between documents so that steady state does not allocate.
  factx::Extraction facts_;
  std::string text_;
  std::string line_;
  // --jsonl: one worker per thread, and the lines of the current batch.
  std::vector<LineWorker> workers_;
  std::vector<std::string> batch_inputs_;
  std::vector<unsigned char> batch_too_long_;
  std::vector<std::string> batch_outputs_;
};

int Main(int argc, char** argv) {
  const ParsedCommandLine parsed = ParseCommandLine(argc, argv);
  if (parsed.exit_code.has_value()) return *parsed.exit_code;
  factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
  if (!extractor.ok()) {
    std::fprintf(stderr, "factx: cannot build the extractor: %s\n",
                 extractor.status().ToString().c_str());
    return kExitDocumentFailed;
  }
  Runner runner(parsed.command_line, std::move(extractor).value());
  return runner.Run();
}

}  // namespace
}  // namespace factx_cli

int main(int argc, char** argv) { return factx_cli::Main(argc, argv); }
