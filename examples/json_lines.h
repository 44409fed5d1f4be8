// json_lines.h: the little JSON the `factx` tool needs to read and write JSONL
// documents.
//
// Reading is strict RFC 8259 but shallow: `ParseJsonObject` decodes the members
// of one object, giving each value's kind, its exact JSON text and, for
// strings, the decoded UTF-8. Nested arrays and objects are fully checked but
// not decoded; parse their `raw` text again
// (`ParseJsonObject`, `ParseJsonArray`) to go one level down. Nothing recurses,
// so nesting depth cannot exhaust the stack, and every call is linear in the
// size of its input.
//
//   factx_cli::JsonObject doc;
//   factx::Status status = factx_cli::ParseJsonObject(R"({"id": "a", "text":
//   "\u6295\u8d44"})",
//                                                     &doc);
//   doc.Find("text")->string;   // "投资"
//
// Writing: `AppendJsonString` quotes and escapes UTF-8 for output (non-ASCII is
// written as is).
#ifndef FACTX_EXAMPLES_JSON_LINES_H_
#define FACTX_EXAMPLES_JSON_LINES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factx/status.h"

namespace factx_cli {

enum class JsonKind { kString, kNumber, kBool, kNull, kArray, kObject };

// One JSON value, decoded only as far as a string.
struct JsonValue {
  JsonKind kind = JsonKind::kNull;
  // The value's JSON text exactly as written in the input (with quotes, for a
  // string).
  std::string_view raw;
  // For kString: the decoded text, UTF-8. `\u0000` gives a NUL byte; a lone
  // surrogate escape
  // (`\uD800` not followed by a low surrogate) is an error, since UTF-8 cannot
  // hold it. Bytes that were not escaped are copied as they are: checking that
  // they are well-formed UTF-8 is left to the consumer (factx reports it with a
  // byte offset).
  std::string string;
};

// The members of one JSON object, in input order.
struct JsonObject {
  std::vector<std::pair<std::string, JsonValue>> members;

  // The value of the last member named `key` (as Python's json module does with
  // duplicate names), or nullptr.
  const JsonValue* Find(std::string_view key) const;
};

// Parses `text` as exactly one JSON object, optionally surrounded by JSON
// whitespace (space, tab, CR, LF). On error returns kInvalidArgument, "invalid
// JSON at byte N: what", and leaves in `*out` the members read before the error
// (so a caller can still echo an "id"). `raw` views point into `text`, which
// must outlive `*out`.
factx::Status ParseJsonObject(std::string_view text, JsonObject* out);

// Parses `text` as exactly one JSON array; the elements are decoded as by
// `ParseJsonObject`.
factx::Status ParseJsonArray(std::string_view text,
                             std::vector<JsonValue>* out);

// True when `text` is exactly one JSON number (`-0.5`, `3e8`; not `.5`, `01`,
// `+1`, `NaN`).
bool IsJsonNumber(std::string_view text);

// Appends `text` as a quoted JSON string: `"` `\` and control characters are
// escaped, other characters are copied as UTF-8. Each byte that is not part of
// well-formed UTF-8 is written as `\ufffd`, so the output is always valid JSON
// in valid UTF-8.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace factx_cli

#endif  // FACTX_EXAMPLES_JSON_LINES_H_
