// Tests of the `factx` command-line tool: its JSON reader and writer
// (examples/json_lines.h) directly, and the binary itself as a separate process
// (exit status, stdout, stderr).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factx/version.h"
#include "gtest/gtest.h"
#include "json_lines.h"

#ifndef FACTX_CLI_PATH
#error "FACTX_CLI_PATH must name the factx binary (see tests/CMakeLists.txt)"
#endif

namespace factx_cli {
namespace {

// ---------------------------------------------------------------------------------------
// The JSON reader and writer.

TEST(JsonLinesTest, DecodesStringEscapes) {
  const struct {
    std::string_view json;
    std::string_view decoded;
  } kCases[] = {
      {R"("投资")", "投资"},
      {R"("a\"b\\c\/d")", "a\"b\\c/d"},
      {R"("\b\f\n\r\t")", "\b\f\n\r\t"},
      {R"("\u6295\u8D44")", "投资"},
      {R"("\u00e9")", "\xC3\xA9"},
      {R"("\ud83d\ude80")",
       "\xF0\x9F\x9A\x80"},  // U+1F680 from a surrogate pair
      {R"("\uDBFF\uDFFF")",
       "\xF4\x8F\xBF\xBF"},  // U+10FFFF, the last code point
      {R"("x\u0000y")", std::string_view("x\0y", 3)},
      {R"("")", ""},
  };
  for (const auto& c : kCases) {
    const std::string json = "{\"s\": " + std::string(c.json) + "}";
    JsonObject object;
    ASSERT_TRUE(ParseJsonObject(json, &object).ok()) << json;
    const JsonValue* value = object.Find("s");
    ASSERT_NE(value, nullptr) << json;
    EXPECT_EQ(value->kind, JsonKind::kString) << json;
    EXPECT_EQ(value->string, c.decoded) << json;
    EXPECT_EQ(value->raw, c.json) << json;
  }
}

TEST(JsonLinesTest, RejectsMalformedObjects) {
  const std::string_view kMalformed[] = {
      "",
      "   ",
      "[]",
      "\"text\"",
      "{",
      "{\"a\" 1}",
      "{\"a\": 1,}",
      "{\"a\": 1} x",
      "{\"a\": 1}{}",
      "{a: 1}",
      "{'a': 1}",
      "{\"a\": 01}",
      "{\"a\": .5}",
      "{\"a\": 1.}",
      "{\"a\": 1e}",
      "{\"a\": +1}",
      "{\"a\": NaN}",
      "{\"a\": tru}",
      "{\"a\": nul}",
      "{\"a\": \"x}",
      "{\"a\": \"tab\there\"}",  // an unescaped control character
      "{\"a\": \"\\x41\"}",
      "{\"a\": \"\\u12G4\"}",
      "{\"a\": \"\\u12\"}",
      "{\"a\": \"\\uD800\"}",         // a high surrogate alone
      "{\"a\": \"\\uD800x\"}",        // ... followed by a plain character
      "{\"a\": \"\\uD800\\u0041\"}",  // ... followed by a non-surrogate escape
      "{\"a\": \"\\uDC00\"}",         // a low surrogate alone
      "{\"a\": [1, 2}",
      "{\"a\": [1 2]}",
      "{\"a\": {\"b\"}}",
      "{\"a\": {\"b\": 1,}}",
      "{\"a\": [}",
      "{\"a\": ]}",
  };
  for (const std::string_view text : kMalformed) {
    JsonObject object;
    const factx::Status status = ParseJsonObject(text, &object);
    EXPECT_FALSE(status.ok()) << text;
    EXPECT_EQ(status.code(), factx::StatusCode::kInvalidArgument) << text;
    EXPECT_NE(status.message().find("invalid JSON at byte"), std::string::npos)
        << status.message();
  }
}

TEST(JsonLinesTest, NamesTheByteOfTheError) {
  JsonObject object;
  const factx::Status status =
      ParseJsonObject(R"({"a": "ok", "b": "\uD800"})", &object);
  EXPECT_EQ(status.message(),
            "invalid JSON at byte 18: lone surrogate escape (a high surrogate "
            "without a low "
            "one)");
}

TEST(JsonLinesTest, ChecksNestedValuesWithoutDecodingThem) {
  const std::string json =
      R"( {"id": 7, "meta": {"tags": ["a", {"b": [true, false, null]}], "n": -1.5e+3},)"
      R"( "empty": {}, "list": [], "text": "x"}  )";
  JsonObject object;
  ASSERT_TRUE(ParseJsonObject(json, &object).ok());
  ASSERT_EQ(object.members.size(), 5u);
  EXPECT_EQ(object.Find("id")->kind, JsonKind::kNumber);
  EXPECT_EQ(object.Find("id")->raw, "7");
  EXPECT_EQ(object.Find("meta")->kind, JsonKind::kObject);
  EXPECT_EQ(object.Find("meta")->raw,
            R"({"tags": ["a", {"b": [true, false, null]}], "n": -1.5e+3})");
  EXPECT_EQ(object.Find("empty")->raw, "{}");
  EXPECT_EQ(object.Find("list")->kind, JsonKind::kArray);
  EXPECT_EQ(object.Find("text")->string, "x");
  EXPECT_EQ(object.Find("missing"), nullptr);

  // One level further down.
  JsonObject meta;
  ASSERT_TRUE(ParseJsonObject(object.Find("meta")->raw, &meta).ok());
  std::vector<JsonValue> tags;
  ASSERT_TRUE(ParseJsonArray(meta.Find("tags")->raw, &tags).ok());
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].string, "a");
  EXPECT_EQ(tags[1].kind, JsonKind::kObject);
}

TEST(JsonLinesTest, SurvivesDeepNestingWithoutRecursion) {
  const std::size_t kDepth = 200000;
  const std::string nested =
      std::string(kDepth, '[') + std::string(kDepth, ']');
  JsonObject object;
  EXPECT_TRUE(ParseJsonObject("{\"deep\": " + nested + "}", &object).ok());
  // Unbalanced: one bracket short.
  EXPECT_FALSE(
      ParseJsonObject("{\"deep\": " + nested.substr(1) + "]}", &object).ok());
  EXPECT_FALSE(
      ParseJsonObject("{\"deep\": " + std::string(kDepth, '['), &object).ok());
}

TEST(JsonLinesTest, KeepsMembersReadBeforeAnError) {
  JsonObject object;
  EXPECT_FALSE(
      ParseJsonObject(R"({"id": "doc-9", "text": "unterminated)", &object)
          .ok());
  ASSERT_NE(object.Find("id"), nullptr);
  EXPECT_EQ(object.Find("id")->string, "doc-9");
  EXPECT_EQ(object.Find("text"), nullptr);
}

TEST(JsonLinesTest, LastDuplicateMemberWins) {
  JsonObject object;
  ASSERT_TRUE(
      ParseJsonObject(R"({"text": "first", "text": "second"})", &object).ok());
  EXPECT_EQ(object.Find("text")->string, "second");
}

TEST(JsonLinesTest, RecognizesJsonNumbers) {
  for (const std::string_view number :
       {"0", "-0", "30000000000", "3.75", "-0.005", "1e9", "2.5E-3", "1e+2"}) {
    EXPECT_TRUE(IsJsonNumber(number)) << number;
  }
  for (const std::string_view not_number :
       {"", "-", "01", ".5", "5.", "+1", "1e", "NaN", "inf", "1 ", " 1",
        "1,000", "\"1\"", "[1]", "0x10"}) {
    EXPECT_FALSE(IsJsonNumber(not_number)) << not_number;
  }
}

TEST(JsonLinesTest, EscapesStringsForOutput) {
  const struct {
    std::string_view text;
    std::string_view json;
  } kCases[] = {
      {"300亿元", "\"300亿元\""},
      {"say \"hi\" \\ bye", R"("say \"hi\" \\ bye")"},
      {"a\nb\tc\rd\be\ff", R"("a\nb\tc\rd\be\ff")"},
      {std::string_view("\x01\x1F\0", 3), R"("\u0001\u001f\u0000")"},
      {"\x7F/", "\"\x7F/\""},
      {"\xF0\x9F\x9A\x80", "\"\xF0\x9F\x9A\x80\""},
      // Ill-formed UTF-8: each bad byte becomes U+FFFD.
      {"a\xFFz", R"("a\ufffdz")"},
      {"\xE6\x8A", R"("\ufffd\ufffd")"},            // a truncated 投
      {"\xC0\xAF", R"("\ufffd\ufffd")"},            // an overlong '/'
      {"\xED\xA0\x80", R"("\ufffd\ufffd\ufffd")"},  // an encoded surrogate
      {"\xF4\x90\x80\x80", R"("\ufffd\ufffd\ufffd\ufffd")"},  // above U+10FFFF
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendJsonString(c.text, &out);
    EXPECT_EQ(out, c.json);
  }
}

TEST(JsonLinesTest, WrittenStringsReadBack) {
  const std::string_view kTexts[] = {
      "", "投资300亿元", "line\nbreak \"quoted\" back\\slash",
      std::string_view("\0\x1F", 2), "\xF0\x9F\x9A\x80 emoji"};
  for (const std::string_view text : kTexts) {
    std::string json = "[";
    AppendJsonString(text, &json);
    json += "]";
    std::vector<JsonValue> values;
    ASSERT_TRUE(ParseJsonArray(json, &values).ok()) << json;
    ASSERT_EQ(values.size(), 1u);
    EXPECT_EQ(values[0].string, text);
  }
}

// ---------------------------------------------------------------------------------------
// The binary.

// A file under the test's temporary directory, removed when it goes out of
// scope.
class TempFile {
 public:
  explicit TempFile(std::string_view contents) {
    static int counter = 0;
    path_ = ::testing::TempDir() + "factx_cli_test_" +
            std::to_string(getpid()) + "_" + std::to_string(counter++);
    std::ofstream file(path_, std::ios::binary);
    file.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

struct RunResult {
  int exit_status = -1;
  std::string out;
  std::string err;
};

// Runs `factx ARGS < STDIN_PATH` through the shell. `args` is inserted as
// written.
RunResult RunFactx(const std::string& args,
                   const std::string& stdin_path = "/dev/null") {
  const TempFile err_file("");
  const std::string command = std::string("'") + FACTX_CLI_PATH + "' " + args +
                              " < '" + stdin_path + "' 2> '" + err_file.path() +
                              "'";
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    result.out.append(buffer, read);
  }
  const int status = pclose(pipe);
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  result.err = ReadFile(err_file.path());
  return result;
}

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::optional<long long> AsInteger(const JsonValue* value) {
  if (value == nullptr || value->kind != JsonKind::kNumber) return std::nullopt;
  long long result = 0;
  const char* end = value->raw.data() + value->raw.size();
  const auto [ptr, error] = std::from_chars(value->raw.data(), end, result);
  if (error != std::errc() || ptr != end) return std::nullopt;
  return result;
}

// The code points [start, end) of well-formed UTF-8 `text`, or nullopt past its
// end.
std::optional<std::string> CodePointSlice(std::string_view text,
                                          long long start, long long end) {
  std::vector<std::size_t>
      boundaries;  // byte offset of each code point, then the size
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      boundaries.push_back(i);
  }
  boundaries.push_back(text.size());
  if (start < 0 || end < start ||
      static_cast<std::size_t>(end) >= boundaries.size()) {
    return std::nullopt;
  }
  return std::string(
      text.substr(boundaries[start], boundaries[end] - boundaries[start]));
}

// The facts of one output line, each parsed.
std::vector<JsonObject> FactsOf(const JsonObject& document) {
  std::vector<JsonObject> facts;
  const JsonValue* list = document.Find("facts");
  if (list == nullptr || list->kind != JsonKind::kArray) {
    ADD_FAILURE() << "no facts array";
    return facts;
  }
  std::vector<JsonValue> items;
  EXPECT_TRUE(ParseJsonArray(list->raw, &items).ok());
  for (const JsonValue& item : items) {
    JsonObject fact;
    EXPECT_TRUE(ParseJsonObject(item.raw, &fact).ok()) << item.raw;
    facts.push_back(std::move(fact));
  }
  return facts;
}

std::string StringField(const JsonObject& object, std::string_view key) {
  const JsonValue* value = object.Find(key);
  return value != nullptr && value->kind == JsonKind::kString ? value->string
                                                              : "";
}

std::string RawField(const JsonObject& object, std::string_view key) {
  const JsonValue* value = object.Find(key);
  return value != nullptr ? std::string(value->raw) : "";
}

int TypeOrder(const std::string& type) {
  if (type == "money") return 0;
  if (type == "investment") return 1;
  if (type == "percent") return 2;
  if (type == "date") return 3;
  return -1;
}

// Checks the contract one fact meets whatever the library finds: a known type,
// a rule, and offsets that slice `text` to the fact's `text` both in code
// points and in bytes.
void CheckFact(const JsonObject& fact, std::string_view text) {
  const std::string type = StringField(fact, "type");
  EXPECT_NE(TypeOrder(type), -1) << type;
  EXPECT_FALSE(StringField(fact, "rule").empty());
  const std::optional<long long> start = AsInteger(fact.Find("start"));
  const std::optional<long long> end = AsInteger(fact.Find("end"));
  const std::optional<long long> byte_start =
      AsInteger(fact.Find("byte_start"));
  const std::optional<long long> byte_end = AsInteger(fact.Find("byte_end"));
  ASSERT_TRUE(start && end && byte_start && byte_end) << RawField(fact, "text");
  const std::string fact_text = StringField(fact, "text");
  EXPECT_FALSE(fact_text.empty());
  EXPECT_EQ(CodePointSlice(text, *start, *end), fact_text);
  ASSERT_LE(*byte_start, *byte_end);
  ASSERT_LE(*byte_end, static_cast<long long>(text.size()));
  EXPECT_EQ(text.substr(*byte_start, *byte_end - *byte_start), fact_text);
  if (type == "money" || type == "investment") {
    // value is the exact amount as a number; amount the same digits as a
    // string.
    EXPECT_TRUE(IsJsonNumber(RawField(fact, "value")))
        << RawField(fact, "value");
    EXPECT_EQ(RawField(fact, "value"), StringField(fact, "amount"));
    EXPECT_NE(fact.Find("currency"), nullptr);
    EXPECT_FALSE(StringField(fact, "qualifier").empty());
  }
  if (type == "investment") {
    EXPECT_FALSE(StringField(fact, "kind").empty());
    EXPECT_NE(text.find(StringField(fact, "trigger")), std::string_view::npos);
  }
  if (type == "percent") {
    EXPECT_TRUE(IsJsonNumber(RawField(fact, "value")));
    const std::string unit = StringField(fact, "unit");
    EXPECT_TRUE(unit == "%" || unit == "pp") << unit;
  }
  if (type == "date") {
    EXPECT_NE(fact.Find("relative"), nullptr);
  }
}

// Checks every fact of an output line (`CheckFact`) and their order: by
// byte_start, then money, investment, percent, date. Returns the facts.
std::vector<JsonObject> CheckFacts(const JsonObject& document,
                                   std::string_view text) {
  std::vector<JsonObject> facts = FactsOf(document);
  std::pair<long long, int> previous = {-1, -1};
  for (const JsonObject& fact : facts) {
    SCOPED_TRACE(RawField(fact, "text"));
    CheckFact(fact, text);
    const std::pair<long long, int> order = {
        AsInteger(fact.Find("byte_start")).value_or(-1),
        TypeOrder(StringField(fact, "type"))};
    EXPECT_GE(order, previous);
    previous = order;
  }
  return facts;
}

bool HasFact(const std::vector<JsonObject>& facts, std::string_view type,
             std::string_view key, std::string_view raw_value) {
  for (const JsonObject& fact : facts) {
    if (StringField(fact, "type") == type && RawField(fact, key) == raw_value)
      return true;
  }
  return false;
}

// One line of JSONL input and what its output line must be.
struct JsonlCase {
  std::string input;
  std::string id_json;  // the id in the output, as JSON
  // For a document that is processed: its text (decoded); empty for an error
  // line.
  std::string text;
  // For an error line: a part of the error message.
  std::string error;
};

std::vector<JsonlCase> MixedJsonlCases() {
  return {
      {R"({"id": "zh-invest", "lang": "zh", "ref_date": "2020-05-06", "text": "记者获悉，该区重点项目总投资300亿元，同比增长12.5%，今年1月至4月已完成投资近80亿元。"})",
       R"("zh-invest")",
       "记者获悉，该区重点项目总投资300亿元，同比增长12.5%"
       "，今年1月至4月已完成投资近80亿元。",
       ""},
      {R"({"id": "en-raise", "lang": "en", "ref_date": "2019-11-20", "text": "Shares rose 4.5% after the startup raised $12 million in new funding."})",
       R"("en-raise")",
       "Shares rose 4.5% after the startup raised $12 million in new funding.",
       ""},
      // ref_date null: the command line's --ref-date applies.
      {R"({"id": "null-ref", "ref_date": null, "text": "今年全市生产总值增长6.1%，比去年同期回落0.4个百分点。"})",
       R"("null-ref")", "今年全市生产总值增长6.1%，比去年同期回落0.4个百分点。",
       ""},
      {R"({"id": "broken", "text": "投资300亿元)", R"("broken")", "",
       "invalid JSON"},
      {"this is not json", "null", "", "invalid JSON"},
      {R"({"id": "no-text", "lang": "zh"})", R"("no-text")", "",
       "missing string field"},
      {R"({"id": "number-text", "text": 300})", R"("number-text")", "",
       "missing string field"},
      {R"({"id": "lone", "text": "abc\uD800 投资300亿元"})", R"("lone")", "",
       "lone surrogate"},
      // A surrogate pair: one code point, four bytes, before the figure.
      {R"({"id": "emoji", "text": "\ud83d\ude80 公司完成2亿元融资"})",
       R"("emoji")", "\xF0\x9F\x9A\x80 公司完成2亿元融资", ""},
      {"{\"id\": \"bad-utf8\", \"text\": \"投资\xFF"
       "300亿元\"}",
       R"("bad-utf8")", "", "InvalidUtf8"},
      {"", "null", "", "empty line"},
      {"  \t ", "null", "", "empty line"},
      {"{\"id\": \"crlf\", \"text\": \"利润增长5%\"}\r", R"("crlf")",
       "利润增长5%", ""},
      {R"({"id": "bad-ref", "ref_date": "2020-02-30", "text": "利润增长5%"})",
       R"("bad-ref")", "", "invalid ref_date"},
      {R"({"id": "number-ref", "ref_date": 20200506, "text": "利润增长5%"})",
       R"("number-ref")", "", "invalid ref_date"},
      {R"({"id": 42, "text": "费率下调0.5%", "extra": {"nested": [1, {"a": "b"}]}})",
       "42", "费率下调0.5%", ""},
      {R"({"text": "没有编号的文档，募资1.5亿元"})", "null",
       "没有编号的文档，募资1.5亿元", ""},
      {R"({"id": "escapes", "text": "第一行\n\"引号\"\t募资1.5亿元\\完成"})",
       R"("escapes")", "第一行\n\"引号\"\t募资1.5亿元\\完成", ""},
  };
}

std::string JoinLines(const std::vector<JsonlCase>& cases) {
  std::string input;
  for (const JsonlCase& c : cases) input += c.input + "\n";
  return input;
}

TEST(CliTest, AnswersEveryJsonlLineInOrder) {
  const std::vector<JsonlCase> cases = MixedJsonlCases();
  const TempFile input(JoinLines(cases));
  const RunResult run =
      RunFactx("--jsonl --ref-date 2020-05-06 " + Quoted(input.path()));
  EXPECT_EQ(run.exit_status, 2) << run.err;
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_EQ(lines.size(), cases.size()) << run.out;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("input line " + std::to_string(i + 1) + ": " + cases[i].input);
    JsonObject document;
    ASSERT_TRUE(ParseJsonObject(lines[i], &document).ok()) << lines[i];
    EXPECT_EQ(RawField(document, "id"), cases[i].id_json);
    if (cases[i].error.empty()) {
      EXPECT_EQ(document.Find("error"), nullptr) << lines[i];
      CheckFacts(document, cases[i].text);
    } else {
      EXPECT_EQ(document.Find("facts"), nullptr);
      EXPECT_NE(StringField(document, "error").find(cases[i].error),
                std::string::npos)
          << lines[i];
    }
  }
}

TEST(CliTest, ReadsJsonlFromStandardInput) {
  const TempFile input(R"({"id": "a", "text": "增长5%"})"
                       "\n"
                       R"({"id": "b", "text": "下降3%"})"
                       "\n");
  const RunResult run = RunFactx("--jsonl", input.path());
  EXPECT_EQ(run.exit_status, 0) << run.err;
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  JsonObject document;
  ASSERT_TRUE(ParseJsonObject(lines[1], &document).ok());
  EXPECT_EQ(StringField(document, "id"), "b");
  EXPECT_EQ(run.err, "");
}

TEST(CliTest, EmptyJsonlInputGivesNoOutput) {
  const TempFile input("");
  const RunResult run = RunFactx("--jsonl " + Quoted(input.path()));
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.out, "");
}

// The facts the library must find in plain sentences. These checks need a
// working extractor; the contract checks above hold even with empty fact lists.
TEST(CliTest, FindsFactsInClearSentences) {
  const std::vector<JsonlCase> cases = MixedJsonlCases();
  const TempFile input(cases[0].input + "\n" + cases[1].input + "\n" +
                       cases[2].input + "\n" + cases[8].input + "\n");
  const RunResult run =
      RunFactx("--jsonl --ref-date 2020-05-06 " + Quoted(input.path()));
  EXPECT_EQ(run.exit_status, 0) << run.err;
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_EQ(lines.size(), 4u);
  std::vector<std::vector<JsonObject>> facts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    JsonObject document;
    ASSERT_TRUE(ParseJsonObject(lines[i], &document).ok()) << lines[i];
    facts.push_back(CheckFacts(document, cases[i == 3 ? 8 : i].text));
  }
  // 总投资300亿元: money and investment, exact digits.
  EXPECT_TRUE(HasFact(facts[0], "money", "value", "30000000000")) << lines[0];
  EXPECT_TRUE(HasFact(facts[0], "money", "currency", "\"CNY\"")) << lines[0];
  EXPECT_TRUE(HasFact(facts[0], "investment", "kind", "\"total_investment\""))
      << lines[0];
  EXPECT_TRUE(HasFact(facts[0], "percent", "value", "12.5")) << lines[0];
  EXPECT_TRUE(HasFact(facts[0], "date", "end_value", "\"2020-04\""))
      << lines[0];
  EXPECT_TRUE(HasFact(facts[1], "money", "value", "12000000")) << lines[1];
  EXPECT_TRUE(HasFact(facts[1], "percent", "value", "4.5")) << lines[1];
  // 0.4个百分点 is in percentage points; 今年 resolves with the default
  // reference date.
  EXPECT_TRUE(HasFact(facts[2], "percent", "unit", "\"pp\"")) << lines[2];
  EXPECT_TRUE(HasFact(facts[2], "date", "value", "\"2020\"")) << lines[2];
  // After the emoji: code point and byte offsets differ by 3.
  EXPECT_TRUE(HasFact(facts[3], "money", "value", "200000000")) << lines[3];
  EXPECT_TRUE(HasFact(facts[3], "money", "start", "6")) << lines[3];
  EXPECT_TRUE(HasFact(facts[3], "money", "byte_start", "17")) << lines[3];
}

TEST(CliTest, LeavesOutTheValueOfUnresolvedDates) {
  const TempFile input(R"({"id": "d", "text": "今年上半年全市投资增长8%"})"
                       "\n");
  const RunResult run = RunFactx("--jsonl " + Quoted(input.path()));
  EXPECT_EQ(run.exit_status, 0) << run.err;
  JsonObject document;
  ASSERT_TRUE(ParseJsonObject(run.out, &document).ok()) << run.out;
  const std::vector<JsonObject> facts =
      CheckFacts(document, "今年上半年全市投资增长8%");
  bool relative_date = false;
  for (const JsonObject& fact : facts) {
    if (StringField(fact, "type") != "date" ||
        RawField(fact, "relative") != "true")
      continue;
    relative_date = true;
    EXPECT_EQ(fact.Find("value"), nullptr) << RawField(fact, "text");
    EXPECT_EQ(fact.Find("end_value"), nullptr) << RawField(fact, "text");
  }
  EXPECT_TRUE(relative_date) << run.out;
}

TEST(CliTest, KindsSelectsFactTypes) {
  const std::string text = "该项目总投资300亿元，同比增长12.5%，今年1月至4月";
  const TempFile input(
      "{\"id\": \"k\", \"ref_date\": \"2020-05-06\", \"text\": \"" + text +
      "\"}\n");
  const struct {
    std::string kinds;
    std::vector<std::string> allowed;
  } kCases[] = {
      {"percent", {"percent"}},
      {"money,date", {"money", "date"}},
      {"investment", {"investment"}},
  };
  for (const auto& c : kCases) {
    const RunResult run =
        RunFactx("--jsonl --kinds " + c.kinds + " " + Quoted(input.path()));
    EXPECT_EQ(run.exit_status, 0) << run.err;
    JsonObject document;
    ASSERT_TRUE(ParseJsonObject(run.out, &document).ok()) << run.out;
    const std::vector<JsonObject> facts = CheckFacts(document, text);
    EXPECT_FALSE(facts.empty()) << c.kinds;
    for (const JsonObject& fact : facts) {
      const std::string type = StringField(fact, "type");
      EXPECT_NE(std::find(c.allowed.begin(), c.allowed.end(), type),
                c.allowed.end())
          << c.kinds << ": " << type;
    }
  }
}

// --date-policy places a weekday alone: on Monday 2020-01-06, "closed Friday"
// is the last Friday by default and the next with future; a part of a month
// carries its part.
TEST(CliTest, DatePolicyPlacesDatesWithoutAYear) {
  const TempFile input(
      "{\"id\": 1, \"ref_date\": \"2020-01-06\", \"text\": \"Shares "
      "closed Friday.\"}\n{\"id\": 2, \"ref_date\": \"2019-05-06\", "
      "\"text\": \"2019年9月下旬\"}\n");
  const RunResult news = RunFactx("--jsonl " + Quoted(input.path()));
  EXPECT_NE(news.out.find("\"value\": \"2020-01-03\""), std::string::npos)
      << news.out;
  EXPECT_NE(news.out.find("\"value\": \"2019-09-21\", \"end_value\": "
                          "\"2019-09-30\""),
            std::string::npos)
      << news.out;
  EXPECT_NE(news.out.find("\"part\": \"late\""), std::string::npos) << news.out;
  const RunResult future =
      RunFactx("--jsonl --date-policy future " + Quoted(input.path()));
  EXPECT_NE(future.out.find("\"value\": \"2020-01-10\""), std::string::npos)
      << future.out;
}

TEST(CliTest, UsageErrorsExitOneWithoutOutput) {
  const std::string_view kBadArguments[] = {
      "--kinds bogus",
      "--kinds money,",
      "--kinds ''",
      "--kinds",
      "--ref-date 2020-13-01",
      "--ref-date 2021-02-29",
      "--ref-date 20200506",
      "--ref-date",
      "--date-policy soon",
      "--date-policy",
      "--frobnicate",
      "-x",
      "--json --jsonl",
      "--help=yes",
      "--jsonl=1",
  };
  for (const std::string_view arguments : kBadArguments) {
    const RunResult run = RunFactx(std::string(arguments));
    EXPECT_EQ(run.exit_status, 1) << arguments;
    EXPECT_EQ(run.out, "") << arguments;
    EXPECT_NE(run.err.find("factx: "), std::string::npos) << arguments;
  }
}

TEST(CliTest, AcceptsOptionValuesBothWays) {
  for (const std::string_view arguments :
       {"--ref-date 2020-02-29 --kinds money",
        "--ref-date=2020-02-29 --kinds=money,percent", "--jsonl --jsonl"}) {
    const RunResult run = RunFactx(std::string(arguments));
    EXPECT_EQ(run.exit_status, 0) << arguments << ": " << run.err;
  }
}

TEST(CliTest, PrintsVersionAndHelp) {
  const RunResult version = RunFactx("--version");
  EXPECT_EQ(version.exit_status, 0);
  EXPECT_EQ(version.out, std::string("factx ") + FACTX_VERSION_STRING + "\n");

  const RunResult help = RunFactx("--help");
  EXPECT_EQ(help.exit_status, 0);
  for (const std::string_view documented :
       {"--jsonl", "--json", "--ref-date", "--kinds", "empty line",
        "Exit status"}) {
    EXPECT_NE(help.out.find(documented), std::string::npos) << documented;
  }
  EXPECT_EQ(RunFactx("-h").out, help.out);
}

TEST(CliTest, WholeFileJsonIsOneDocument) {
  const std::string text =
      "第一段：公司完成5亿元融资。\n第二段：营收增长20%。\n";
  const TempFile file(text);
  const RunResult run =
      RunFactx("--json --ref-date 2020-05-06 " + Quoted(file.path()) + " -",
               file.path());
  EXPECT_EQ(run.exit_status, 0) << run.err;
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_EQ(lines.size(), 2u)
      << run.out;  // the file, then the same text from stdin
  JsonObject document;
  ASSERT_TRUE(ParseJsonObject(lines[0], &document).ok()) << lines[0];
  EXPECT_EQ(StringField(document, "id"), file.path());
  const std::vector<JsonObject> facts = CheckFacts(document, text);
  EXPECT_TRUE(HasFact(facts, "money", "value", "500000000")) << lines[0];
  ASSERT_TRUE(ParseJsonObject(lines[1], &document).ok()) << lines[1];
  EXPECT_EQ(StringField(document, "id"), "<stdin>");
}

TEST(CliTest, BadFilesFailButOthersAreStillRead) {
  const TempFile bad(
      "增长\xFF"
      "5%\n");
  const TempFile good("公司完成5亿元融资。\n");
  const std::string missing = good.path() + ".missing";
  const RunResult table = RunFactx(Quoted(bad.path()) + " " + Quoted(missing) +
                                   " " + Quoted(good.path()));
  EXPECT_EQ(table.exit_status, 2);
  EXPECT_NE(table.err.find(bad.path() + ": InvalidUtf8"), std::string::npos)
      << table.err;
  EXPECT_NE(table.err.find(missing + ": cannot open"), std::string::npos)
      << table.err;
  EXPECT_NE(table.out.find(good.path() + ":"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("5亿元"), std::string::npos) << table.out;

  // --json answers each file, with an error object for the bad ones.
  const RunResult json = RunFactx("--json " + Quoted(bad.path()) + " " +
                                  Quoted(missing) + " " + Quoted(good.path()));
  EXPECT_EQ(json.exit_status, 2);
  const std::vector<std::string> lines = SplitLines(json.out);
  ASSERT_EQ(lines.size(), 3u) << json.out;
  JsonObject document;
  ASSERT_TRUE(ParseJsonObject(lines[0], &document).ok());
  EXPECT_NE(StringField(document, "error").find("InvalidUtf8"),
            std::string::npos);
  ASSERT_TRUE(ParseJsonObject(lines[1], &document).ok());
  EXPECT_NE(StringField(document, "error").find("cannot open"),
            std::string::npos);
  ASSERT_TRUE(ParseJsonObject(lines[2], &document).ok());
  EXPECT_NE(document.Find("facts"), nullptr);
}

TEST(CliTest, TablePrintsOneRowPerFact) {
  const TempFile file("该区项目总投资300亿元，同比增长35.7%。");
  const RunResult run =
      RunFactx("--ref-date 2020-05-06 " + Quoted(file.path()));
  EXPECT_EQ(run.exit_status, 0) << run.err;
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_GE(lines.size(), 2u) << run.out;
  EXPECT_EQ(lines[0].rfind(file.path() + ": ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("AT", 0), 0u) << lines[1];
  EXPECT_NE(run.out.find("30000000000 CNY"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("35.7%"), std::string::npos) << run.out;
}

// --threads: the same bytes as one thread, line for line, whatever the mix of
// documents, errors and blank lines, over several batches' worth of lines.
TEST(CliTest, ThreadsGiveTheSameOutputInTheSameOrder) {
  const std::string_view kLines[] = {
      R"({"id": 1, "ref_date": "2021-03-08", "text": "今年1月至2月投资增长12.5%，总投资超过450亿元。"})",
      R"({"id": "b", "text": "The company raised $45 million in a Series B round."})",
      R"(not json at all)",
      "",
      R"({"id": 3})",
      R"({"id": 4, "text": "会议强调，要持续优化营商环境。"})",
      R"({"id": 5, "ref_date": "2020-02-30", "text": "增长5%"})",
      R"({"id": 6, "text": "同比下降3.2个百分点，约合3000万美元"})",
  };
  std::string input;
  constexpr int kRepeats = 700;  // 5600 lines: more than one batch of 4096
  for (int r = 0; r < kRepeats; ++r) {
    for (const std::string_view line : kLines) {
      input.append(line).append("\n");
    }
  }
  const TempFile file(input);
  const RunResult one = RunFactx("--jsonl --threads 1 " + Quoted(file.path()));
  EXPECT_EQ(one.exit_status, 2) << one.err;
  ASSERT_EQ(SplitLines(one.out).size(), kRepeats * std::size(kLines));
  for (const char* threads : {"2", "3", "8"}) {
    const RunResult many = RunFactx(std::string("--jsonl --threads=") +
                                    threads + " " + Quoted(file.path()));
    EXPECT_EQ(many.exit_status, 2) << threads;
    EXPECT_TRUE(many.out == one.out) << "--threads " << threads;
  }
}

TEST(CliTest, ThreadsMustBeACountFromOneTo256) {
  for (const std::string_view arguments :
       {"--jsonl --threads 0", "--jsonl --threads 257", "--jsonl --threads -1",
        "--jsonl --threads two", "--jsonl --threads ''", "--jsonl --threads"}) {
    const RunResult run = RunFactx(std::string(arguments));
    EXPECT_EQ(run.exit_status, 1) << arguments;
    EXPECT_EQ(run.out, "") << arguments;
  }
  EXPECT_EQ(RunFactx("--jsonl --threads 256").exit_status, 0);
}

}  // namespace
}  // namespace factx_cli
