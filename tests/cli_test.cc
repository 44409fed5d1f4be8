// Tests of the `factx` command-line tool: its JSONL line reader
// (examples/jsonl_document.h) and bounded input reader
// (examples/input_reader.h) directly, and the binary itself as a separate
// process (exit status, stdout, stderr). Output lines are read back with
// RapidJSON, a standard parser.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factx/version.h"
#include "gtest/gtest.h"
#include "input_reader.h"
#include "jsonl_document.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FACTX_HAS_ASAN_FEATURE 1
#endif
#endif
#ifndef FACTX_HAS_ASAN_FEATURE
#define FACTX_HAS_ASAN_FEATURE 0
#endif

#ifndef FACTX_CLI_PATH
#error "FACTX_CLI_PATH must name the factx binary (see tests/CMakeLists.txt)"
#endif

namespace factx_cli {
namespace {

// ---------------------------------------------------------------------------------------
// The JSONL line reader.

TEST(JsonlDocumentTest, ReadsTheMembersFactxUses) {
  const struct {
    std::string_view line;
    std::string_view id_json;
    std::optional<std::string> text;
    JsonlDocument::Field ref_date_kind;
  } kCases[] = {
      {R"({"id": "a", "text": "\u6295\u8D44", "ref_date": "2020-05-06"})",
       R"("a")", "投资", JsonlDocument::Field::kString},
      {R"({"text": "x\u0000y"})", "null", std::string("x\0y", 3),
       JsonlDocument::Field::kAbsent},
      {R"({"id": 7.50, "text": "t", "ref_date": null})", "7.50", "t",
       JsonlDocument::Field::kAbsent},
      {R"({"id": -1e3, "text": 5, "ref_date": 20200506})", "-1e3", std::nullopt,
       JsonlDocument::Field::kNotString},
      {R"({"id": [1, "a", {"b": [true, null], "c": {}}, []], "text": "t"})",
       R"([1, "a", {"b": [true, null], "c": {}}, []])", "t",
       JsonlDocument::Field::kAbsent},
      // The last of duplicate names wins; nested names of the same spelling
      // are not the document's.
      {R"({"id": 1, "id": 2, "text": "a", "text": "b",
           "meta": {"text": "c", "id": 3, "ref_date": 4}})",
       "2", "b", JsonlDocument::Field::kAbsent},
      {R"({"ref_date": ["2020-05-06"], "text": "t"})", "null", "t",
       JsonlDocument::Field::kNotString},
      // Bytes that were not escaped are kept in the text, for the extractor
      // to judge; in the id they are replaced, so that the output is UTF-8.
      {"{\"id\": [\"\xC0\xAF\"], \"text\": \"\xFF\"}", R"(["\ufffd\ufffd"])",
       "\xFF", JsonlDocument::Field::kAbsent},
      {"{\"id\": {\"\xFF\": 1}, \"text\": \"t\"}", R"({"\ufffd": 1})", "t",
       JsonlDocument::Field::kAbsent},
  };
  for (const auto& c : kCases) {
    JsonlDocument document;
    const factx::Status status = ReadJsonlDocument(c.line, &document);
    EXPECT_TRUE(status.ok()) << c.line << ": " << status.message();
    EXPECT_EQ(document.id_json, c.id_json) << c.line;
    EXPECT_EQ(document.text, c.text) << c.line;
    EXPECT_EQ(document.ref_date_kind, c.ref_date_kind) << c.line;
  }
}

TEST(JsonlDocumentTest, ReadsTheLanguage) {
  const struct {
    std::string_view line;
    JsonlDocument::Field lang_kind;
    std::string_view lang;
  } kCases[] = {
      {R"({"text": "t", "lang": "zh"})", JsonlDocument::Field::kString, "zh"},
      {R"({"text": "t"})", JsonlDocument::Field::kAbsent, ""},
      {R"({"text": "t", "lang": null})", JsonlDocument::Field::kAbsent, ""},
      {R"({"text": "t", "lang": 1})", JsonlDocument::Field::kNotString, ""},
      {R"({"text": "t", "lang": {"zh": 1}})", JsonlDocument::Field::kNotString,
       ""},
      {R"({"text": "t", "meta": {"lang": "en"}})",
       JsonlDocument::Field::kAbsent, ""},
  };
  for (const auto& c : kCases) {
    JsonlDocument document;
    ASSERT_TRUE(ReadJsonlDocument(c.line, &document).ok()) << c.line;
    EXPECT_EQ(document.lang_kind, c.lang_kind) << c.line;
    EXPECT_EQ(document.lang, c.lang) << c.line;
  }
}

TEST(JsonlDocumentTest, RejectsWhatIsNotOneJsonObject) {
  const std::string_view kMalformed[] = {
      "",
      "   ",
      "[]",
      "\"text\"",
      "5",
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
      "{\"a\": +1}",
      "{\"a\": NaN}",
      "{\"a\": tru}",
      "{\"a\": \"x}",
      "{\"a\": \"tab\there\"}",  // an unescaped control character
      "{\"a\": \"\\x41\"}",
      "{\"a\": \"\\u12G4\"}",
      "{\"a\": \"\\uD800\"}",         // a high surrogate alone
      "{\"a\": \"\\uD800\\u0041\"}",  // ... followed by a non-surrogate
      "{\"a\": [1, 2}",
      "{\"a\": {\"b\"}}",
  };
  for (const std::string_view line : kMalformed) {
    JsonlDocument document;
    const factx::Status status = ReadJsonlDocument(line, &document);
    EXPECT_EQ(status.code(), factx::StatusCode::kInvalidArgument) << line;
    EXPECT_EQ(status.message().rfind("invalid JSON at byte ", 0), 0u)
        << status.message();
  }
}

TEST(JsonlDocumentTest, KeepsTheIdReadBeforeAnError) {
  JsonlDocument document;
  const factx::Status status =
      ReadJsonlDocument(R"({"id": ["doc", 9], "text": "\uD800"})", &document);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(document.id_json, R"(["doc", 9])");
  EXPECT_EQ(document.text, std::nullopt);
  // An id cut short by the error is not echoed.
  EXPECT_FALSE(ReadJsonlDocument(R"({"id": [1, 2)", &document).ok());
  EXPECT_EQ(document.id_json, "null");
}

TEST(JsonlDocumentTest, BoundsNestingWithoutRecursion) {
  const auto nested = [](std::size_t depth) {
    return "{\"id\": " + std::string(depth, '[') + std::string(depth, ']') +
           ", \"text\": \"t\"}";
  };
  JsonlDocument document;
  // The document's object is level 1.
  EXPECT_TRUE(ReadJsonlDocument(nested(kMaxNestingDepth - 1), &document).ok());
  const factx::Status too_deep =
      ReadJsonlDocument(nested(kMaxNestingDepth), &document);
  EXPECT_FALSE(too_deep.ok());
  EXPECT_NE(too_deep.message().find("nesting deeper than 64 levels"),
            std::string::npos)
      << too_deep.message();
  // A million levels: an error, not a crash.
  EXPECT_FALSE(ReadJsonlDocument(nested(1000000), &document).ok());
  EXPECT_EQ(document.id_json, "null");
}

// ---------------------------------------------------------------------------------------
// The bounded input reader.

// A stream over `contents` (fmemopen), closed when it goes out of scope.
struct MemoryFile {
  explicit MemoryFile(std::string contents) : bytes(std::move(contents)) {
    file = fmemopen(bytes.data(), bytes.size(), "rb");
  }
  ~MemoryFile() { std::fclose(file); }
  std::string bytes;
  std::FILE* file = nullptr;
};

TEST(InputReaderTest, SkipsLinesOverTheBoundAndGoesOn) {
  MemoryFile input("short\n" + std::string(200000, 'x') + "\nnext\nlast");
  InputReader reader(input.file);
  std::string line;
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kOk);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kTooLong);
  EXPECT_EQ(line, "");
  EXPECT_LE(line.capacity(), 100u);  // never held
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kOk);
  EXPECT_EQ(line, "next");
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kOk);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kEnd);
}

TEST(InputReaderTest, ALineOfExactlyTheBoundIsKept) {
  MemoryFile input(std::string(100, 'x') + "\n" + std::string(101, 'y'));
  InputReader reader(input.file);
  std::string line;
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kOk);
  EXPECT_EQ(line.size(), 100u);
  EXPECT_EQ(reader.ReadLine(100, &line), InputReader::Outcome::kTooLong);
}

TEST(InputReaderTest, ReadAllStopsPastTheBound) {
  MemoryFile small("abc\ndef");
  std::string all;
  EXPECT_EQ(InputReader(small.file).ReadAll(7, &all),
            InputReader::Outcome::kOk);
  EXPECT_EQ(all, "abc\ndef");
  MemoryFile big(std::string(300000, 'z'));
  InputReader reader(big.file);
  EXPECT_EQ(reader.ReadAll(100000, &all), InputReader::Outcome::kTooLong);
  EXPECT_EQ(all, "");
  EXPECT_LT(std::ftell(big.file), 300000);  // stopped while reading
}

TEST(InputReaderTest, ADirectoryIsAReadError) {
  std::FILE* directory = std::fopen("/", "rb");
  ASSERT_NE(directory, nullptr);
  InputReader reader(directory);
  std::string all;
  EXPECT_EQ(reader.ReadAll(100, &all), InputReader::Outcome::kError);
  EXPECT_NE(reader.error(), 0);
  std::fclose(directory);
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

// Runs the shell command `command` (which runs factx), its stderr caught.
RunResult RunCommand(const std::string& command) {
  const TempFile err_file("");
  const std::string redirected =
      "{ " + command + "; } 2> '" + err_file.path() + "'";
  RunResult result;
  FILE* pipe = popen(redirected.c_str(), "r");
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

// Runs `factx ARGS < STDIN_PATH` through the shell. `args` is inserted as
// written.
RunResult RunFactx(const std::string& args,
                   const std::string& stdin_path = "/dev/null") {
  return RunCommand(std::string("'") + FACTX_CLI_PATH + "' " + args + " < '" +
                    stdin_path + "'");
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

// An output line read back with RapidJSON, or one object inside it.
class JsonObject {
 public:
  using Value = rapidjson::Value;

  // The member `key`, or nullptr.
  const Value* Find(std::string_view key) const {
    if (object_ == nullptr) return nullptr;
    const auto member = object_->FindMember(
        Value(key.data(), static_cast<rapidjson::SizeType>(key.size())));
    return member == object_->MemberEnd() ? nullptr : &member->value;
  }
  // The same document, at `object`.
  JsonObject At(const Value& object) const {
    JsonObject at = *this;
    at.object_ = &object;
    return at;
  }

 private:
  friend bool ParseJsonObject(std::string_view line, JsonObject* out);
  std::shared_ptr<rapidjson::Document> document_;
  const Value* object_ = nullptr;
};

// Parses one output line strictly (valid UTF-8 too); false unless it is a JSON
// object.
bool ParseJsonObject(std::string_view line, JsonObject* out) {
  auto document = std::make_shared<rapidjson::Document>();
  document->Parse<rapidjson::kParseValidateEncodingFlag |
                  rapidjson::kParseFullPrecisionFlag>(line.data(), line.size());
  if (document->HasParseError() || !document->IsObject()) return false;
  out->document_ = document;
  out->object_ = document.get();
  return true;
}

// A value as JSON text: strings quoted, numbers in their shortest exact form
// (30000000000, 12.5).
std::string RawJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<long long> AsInteger(const rapidjson::Value* value) {
  if (value == nullptr || !value->IsInt64()) return std::nullopt;
  return value->GetInt64();
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

// The facts of one output line.
std::vector<JsonObject> FactsOf(const JsonObject& document) {
  std::vector<JsonObject> facts;
  const rapidjson::Value* list = document.Find("facts");
  if (list == nullptr || !list->IsArray()) {
    ADD_FAILURE() << "no facts array";
    return facts;
  }
  for (const rapidjson::Value& item : list->GetArray()) {
    EXPECT_TRUE(item.IsObject());
    facts.push_back(document.At(item));
  }
  return facts;
}

std::string StringField(const JsonObject& object, std::string_view key) {
  const rapidjson::Value* value = object.Find(key);
  return value != nullptr && value->IsString()
             ? std::string(value->GetString(), value->GetStringLength())
             : "";
}

std::string RawField(const JsonObject& object, std::string_view key) {
  const rapidjson::Value* value = object.Find(key);
  return value != nullptr ? RawJson(*value) : "";
}

bool IsNumberField(const JsonObject& object, std::string_view key) {
  const rapidjson::Value* value = object.Find(key);
  return value != nullptr && value->IsNumber();
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
    EXPECT_TRUE(IsNumberField(fact, "value")) << RawField(fact, "value");
    EXPECT_EQ(RawField(fact, "value"), StringField(fact, "amount"));
    EXPECT_NE(fact.Find("currency"), nullptr);
    EXPECT_FALSE(StringField(fact, "qualifier").empty());
  }
  if (type == "investment") {
    EXPECT_FALSE(StringField(fact, "kind").empty());
    EXPECT_NE(text.find(StringField(fact, "trigger")), std::string_view::npos);
  }
  if (type == "percent") {
    EXPECT_TRUE(IsNumberField(fact, "value"));
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
       "surrogate"},
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
    ASSERT_TRUE(ParseJsonObject(lines[i], &document)) << lines[i];
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
  ASSERT_TRUE(ParseJsonObject(lines[1], &document));
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
    ASSERT_TRUE(ParseJsonObject(lines[i], &document)) << lines[i];
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
  ASSERT_TRUE(ParseJsonObject(run.out, &document)) << run.out;
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
    ASSERT_TRUE(ParseJsonObject(run.out, &document)) << run.out;
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

// The texts of a --json or --jsonl output line's facts, in order.
std::vector<std::string> FactTextsOf(const std::string& line,
                                     const std::string& text) {
  JsonObject document;
  EXPECT_TRUE(ParseJsonObject(line, &document)) << line;
  std::vector<std::string> texts;
  for (const JsonObject& fact : CheckFacts(document, text))
    texts.push_back(StringField(fact, "text"));
  return texts;
}

// --lang runs only the rules of the languages it names; a JSONL document's
// "lang" does too, and adds the other language when the text holds its
// script (FORMAT.md: a document may mix both), so that no fact is lost.
TEST(CliTest, LangSelectsWhoseRulesRun) {
  const std::string mixed = "同比增长三成，revenue rose 17 percent";
  const TempFile text_file(mixed);
  const struct {
    std::string arguments;
    std::vector<std::string> facts;
  } kFlagCases[] = {
      {"", {"三成", "17 percent"}},
      {"--lang zh", {"三成"}},
      {"--lang=en", {"17 percent"}},
      {"--lang en,zh", {"三成", "17 percent"}},
  };
  for (const auto& c : kFlagCases) {
    const RunResult run =
        RunFactx("--json " + c.arguments + " " + Quoted(text_file.path()));
    EXPECT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(FactTextsOf(run.out, mixed), c.facts) << c.arguments;
  }

  const struct {
    std::string line;
    std::string text;
    std::vector<std::string> facts;
    std::string error;
  } kDocumentCases[] = {
      {R"({"id": 1, "lang": "zh", "text": "同比增长三成"})",
       "同比增长三成",
       {"三成"},
       ""},
      {R"({"id": 2, "lang": "en", "text": "Revenue rose 17 percent"})",
       "Revenue rose 17 percent",
       {"17 percent"},
       ""},
      // Mixed text tagged with one language keeps the other's facts.
      {R"({"id": 3, "lang": "en", "text": "Hey, the cost is 100元!"})",
       "Hey, the cost is 100元!",
       {"100元"},
       ""},
      {R"({"id": 4, "lang": "zh-Hans", "text": ")" + mixed + R"("})",
       mixed,
       {"三成", "17 percent"},
       ""},
      {R"({"id": 5, "lang": null, "text": "同比增长三成"})",
       "同比增长三成",
       {"三成"},
       ""},
      {R"({"id": 6, "lang": "fr", "text": "x"})",
       "x",
       {},
       "invalid lang: unknown language tag \"fr\""},
      {R"({"id": 7, "lang": ["zh"], "text": "x"})",
       "x",
       {},
       "invalid lang: not a string or null"},
  };
  std::string input;
  for (const auto& c : kDocumentCases) input += c.line + "\n";
  const TempFile jsonl(input);
  const RunResult run = RunFactx("--jsonl " + Quoted(jsonl.path()));
  EXPECT_EQ(run.exit_status, 2) << run.err;  // the error lines
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_EQ(lines.size(), std::size(kDocumentCases)) << run.out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& c = kDocumentCases[i];
    if (c.error.empty()) {
      EXPECT_EQ(FactTextsOf(lines[i], c.text), c.facts) << c.line;
      continue;
    }
    JsonObject document;
    ASSERT_TRUE(ParseJsonObject(lines[i], &document)) << lines[i];
    EXPECT_NE(StringField(document, "error").find(c.error), std::string::npos)
        << lines[i];
  }
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
      "--lang fr",
      "--lang zh,",
      "--lang",
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
  ASSERT_TRUE(ParseJsonObject(lines[0], &document)) << lines[0];
  EXPECT_EQ(StringField(document, "id"), file.path());
  const std::vector<JsonObject> facts = CheckFacts(document, text);
  EXPECT_TRUE(HasFact(facts, "money", "value", "500000000")) << lines[0];
  ASSERT_TRUE(ParseJsonObject(lines[1], &document)) << lines[1];
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
  ASSERT_TRUE(ParseJsonObject(lines[0], &document));
  EXPECT_NE(StringField(document, "error").find("InvalidUtf8"),
            std::string::npos);
  ASSERT_TRUE(ParseJsonObject(lines[1], &document));
  EXPECT_NE(StringField(document, "error").find("cannot open"),
            std::string::npos);
  ASSERT_TRUE(ParseJsonObject(lines[2], &document));
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

// Every output line is UTF-8 JSON that a strict parser reads back, whatever id
// the input held: ids are re-written, not echoed byte for byte.
TEST(CliTest, OutputIsValidUtf8JsonWhateverTheId) {
  const std::string deep_id(1000000, '[');
  const TempFile input(
      "{\"id\": [\"\xC0\xAF\"], \"text\": \"ok 5%\"}\n"
      "{\"id\": {\"k\xFF\": [1, \"\xE6\x8A\"]}, \"text\": \"ok 5%\"}\n"
      "{\"id\": \"\xED\xA0\x80\", \"text\": \"ok 5%\"}\n"
      "{\"id\": " +
      deep_id + "}\n" + "{\"id\": " + deep_id + std::string(1000000, ']') +
      ", \"text\": \"ok\"}\n");
  const RunResult run = RunFactx("--jsonl " + Quoted(input.path()));
  EXPECT_EQ(run.exit_status, 2) << run.err;
  const std::vector<std::string> lines = SplitLines(run.out);
  ASSERT_EQ(lines.size(), 5u) << run.out.substr(0, 1000);
  const std::string_view kIds[] = {R"(["\ufffd\ufffd"])",
                                   R"({"k\ufffd": [1, "\ufffd\ufffd"]})",
                                   R"("\ufffd\ufffd\ufffd")", "null", "null"};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    JsonObject document;
    ASSERT_TRUE(ParseJsonObject(lines[i], &document)) << lines[i];
    EXPECT_EQ(
        lines[i].rfind(std::string("{\"id\": ") + std::string(kIds[i]), 0), 0u)
        << lines[i];
  }
  EXPECT_NE(lines[3].find("nesting deeper than 64 levels"), std::string::npos);
  EXPECT_NE(lines[4].find("nesting deeper than 64 levels"), std::string::npos);
}

// Peak resident memory of the children this process has waited for, in KiB.
long PeakChildMemoryKiB() {
  struct rusage usage {};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_maxrss;
}

// A line or file over max_input_bytes (64 MiB) is refused while it is read:
// the process never holds it, in any mode.
TEST(CliTest, InputOverTheLimitIsRefusedWithoutBeingHeld) {
  // The extractor itself takes some 40 MiB; the input may take the limit.
  constexpr long kBoundKiB = (64 + 90) * 1024;
  const std::string factx = std::string("'") + FACTX_CLI_PATH + "' ";
  const std::string zeros = "head -c 200000000 /dev/zero";
  const RunResult jsonl = RunCommand(
      "{ " + zeros + R"(; printf '\n{"id": 2, "text": "5%%"}\n'; } | )" +
      factx + "--jsonl");
  EXPECT_EQ(jsonl.exit_status, 2);
  const std::vector<std::string> lines = SplitLines(jsonl.out);
  ASSERT_EQ(lines.size(), 2u) << jsonl.out;
  EXPECT_EQ(lines[0],
            R"x({"id": null, "error": "ResourceExhausted: line exceeds )x"
            R"x(max_input_bytes (67108864)"})x");
  EXPECT_EQ(lines[1].rfind(R"({"id": 2, "facts": [{"type": "percent")", 0), 0u)
      << lines[1];
  for (const char* mode : {"--json", ""}) {
    const RunResult whole = RunCommand(zeros + " | " + factx + mode);
    EXPECT_EQ(whole.exit_status, 2) << mode;
    EXPECT_NE(
        whole.err.find("ResourceExhausted: input exceeds max_input_bytes"),
        std::string::npos)
        << mode << ": " << whole.err;
  }
  // Under AddressSanitizer (the nested `sanitizers` build) the shadow memory
  // makes resident size meaningless; the refusals above are still checked.
#if !defined(__SANITIZE_ADDRESS__) && !FACTX_HAS_ASAN_FEATURE
  EXPECT_LT(PeakChildMemoryKiB(), kBoundKiB);
#endif
}

TEST(CliTest, ADirectoryIsAReadError) {
  for (const char* mode : {"", "--json", "--jsonl"}) {
    const RunResult run = RunFactx(std::string(mode) + " /");
    EXPECT_EQ(run.exit_status, 2) << mode;
    EXPECT_NE(run.err.find("factx: /: read error: Is a directory"),
              std::string::npos)
        << mode << ": " << run.err;
    EXPECT_EQ(run.out.find("no facts"), std::string::npos) << run.out;
  }
}

// With SIGPIPE ignored, a closed output stops the tool at the first failed
// write instead of extracting the rest of the input: it reads only a little
// of a large file (the file offset it leaves behind shows how much).
TEST(CliTest, StopsAtTheFirstFailedWrite) {
  std::string input;
  while (input.size() < (std::size_t{16} << 20)) {
    input += R"({"id": 1, "text": "公司完成5亿元融资，同比增长12%。"})"
             "\n";
  }
  const TempFile file(input);
  const TempFile offset("");
  const TempFile script(
      "exec 3< " + Quoted(file.path()) + "; trap '' PIPE; '" + FACTX_CLI_PATH +
      "' --jsonl <&3 | head -c 1 > /dev/null; echo \"${PIPESTATUS[0]}\" > " +
      Quoted(offset.path()) + "; grep '^pos:' /proc/$$/fdinfo/3 >> " +
      Quoted(offset.path()) + "\n");
  ASSERT_EQ(std::system(("bash " + Quoted(script.path())).c_str()), 0);
  std::istringstream result(ReadFile(offset.path()));
  int exit_status = -1;
  std::string pos_label;
  long long position = -1;
  result >> exit_status >> pos_label >> position;
  EXPECT_EQ(exit_status, 2);
  EXPECT_EQ(pos_label, "pos:");
  EXPECT_GT(position, 0);
  EXPECT_LT(position, static_cast<long long>(input.size()) / 4);
}

}  // namespace
}  // namespace factx_cli
