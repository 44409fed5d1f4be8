// jsonl_document.h: reads one input line of `factx --jsonl` (a JSON object with
// "id", "text" and "ref_date") with RapidJSON's SAX reader.
//
// Only what factx needs is kept: the id re-written as JSON (valid UTF-8
// whatever the input held), the text and the reference date as decoded strings.
// Nothing recurses and nesting is bounded, so a line of a million '[' is an
// error, not a crash, and the work is linear in the line.
//
//   factx_cli::JsonlDocument document;
//   factx::Status status = factx_cli::ReadJsonlDocument(
//       R"({"id": [7, "a"], "text": "\u6295\u8d44"})", &document);
//   document.id_json;   // [7, "a"]
//   *document.text;     // "投资"
#ifndef FACTX_EXAMPLES_JSONL_DOCUMENT_H_
#define FACTX_EXAMPLES_JSONL_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "factx/status.h"

namespace factx_cli {

// Arrays and objects nested deeper than this (the line's object is level 1)
// make the line an error.
inline constexpr std::size_t kMaxNestingDepth = 64;

// What one JSONL line says. When a name occurs twice, the last one wins (as in
// Python's json module).
struct JsonlDocument {
  // The "id" value as JSON, or "null" when absent: strings re-escaped (each
  // ill-formed byte as \ufffd), numbers as written, arrays and objects
  // re-written member by member.
  std::string id_json = "null";
  // "text" when it is a string: decoded, `\u0000` gives a NUL byte, unescaped
  // bytes are copied as they are (the extractor checks their UTF-8).
  std::optional<std::string> text;
  // What a member that must be a string held: nothing or null, a string, or
  // another JSON value.
  enum class Field { kAbsent, kString, kNotString };
  // "ref_date".
  Field ref_date_kind = Field::kAbsent;
  std::string ref_date;
  // "lang": language tags, "zh" or "en" (factx::ParseLanguages).
  Field lang_kind = Field::kAbsent;
  std::string lang;
};

// Reads `line` as exactly one JSON object, optionally surrounded by JSON
// whitespace. On error returns kInvalidArgument, "invalid JSON at byte N:
// what", and leaves in `*out` the id when it was read whole before the error
// (so that the error line can still name the document).
factx::Status ReadJsonlDocument(std::string_view line, JsonlDocument* out);

}  // namespace factx_cli

#endif  // FACTX_EXAMPLES_JSONL_DOCUMENT_H_
