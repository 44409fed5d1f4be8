// factx/jsonl.h: facts as the records of the JSONL contract (docs/jsonl.md),
// written in one place.
//
// `FactRecords` turns an `Extraction` into records: each fact's type, its text,
// its code point and byte offsets, and its type's fields by name, in the
// contract's order. Every writer of facts reads these records (the `factx`
// tool's JSON and table output, the C API's `factx_result_json`, the Python
// module, the tests), so a new fact type or field is added here and nowhere
// else.
//
//   std::string line;
//   factx::AppendFactsLine("\"doc-7\"", text, extractor, facts, &line);
//   // {"id": "doc-7", "facts": [{"type": "money", "text": "300亿元", ...}]}
#ifndef FACTX_JSONL_H_
#define FACTX_JSONL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"
#include "factx/facts.h"

namespace factx {

// One field of a record, with its JSON type.
struct FactField {
  enum class Kind : unsigned char {
    kString,  // `value` is the string's UTF-8 contents
    kNumber,  // `value` is the exact decimal digits ("80000000000", "35.7")
    kBool,    // `value` is "true" or "false"
    kNull,    // `value` is empty
  };
  std::string_view name;  // "value", "currency", ...: static storage
  Kind kind = Kind::kString;
  std::string value;
};

// One fact as the JSONL contract describes it.
struct FactRecord {
  std::string_view type;  // "money", "investment", "percent" or "date"
  Span span;              // byte_start, byte_end
  std::size_t start = 0;  // code point offsets of the span, end exclusive
  std::size_t end = 0;
  std::string_view text;  // the spanned bytes of the text
  // The type's fields in the contract's order, ending with "rule".
  std::vector<FactField> fields;
};

// The facts of `facts` as records, sorted by byte_start, then type (money,
// investment, percent, date), then byte_end. `text` is the text `facts` was
// extracted from, and `extractor` the one that extracted it (for rule names).
// Linear in the text plus the facts.
std::vector<FactRecord> FactRecords(std::string_view text,
                                    const Extractor& extractor,
                                    const Extraction& facts);

// The FactKind bit of a JSONL `type` name ("money", "percent", "date",
// "investment"); nullopt for any other name.
std::optional<unsigned> FactKindOfTypeName(std::string_view type);

// Appends `text` as a quoted JSON string: `"` `\` and control characters are
// escaped, other characters are copied as UTF-8, and each byte that is not
// part of well-formed UTF-8 is written as `\ufffd`, so the output is always
// valid JSON in valid UTF-8.
void AppendJsonString(std::string_view text, std::string* out);

// Appends one record as a JSON object: {"type": ..., "text": ..., "start": ...,
// "end": ..., "byte_start": ..., "byte_end": ..., then its fields}.
void AppendFactRecordJson(const FactRecord& record, std::string* out);

// Appends the records of `facts` as a JSON array: `[{"type": "money", ...},
// ...]`.
void AppendFactsJson(std::string_view text, const Extractor& extractor,
                     const Extraction& facts, std::string* out);

// Appends `{"id": <id_json>, "facts": [...]}` (no newline); `id_json` must
// already be JSON.
void AppendFactsLine(std::string_view id_json, std::string_view text,
                     const Extractor& extractor, const Extraction& facts,
                     std::string* out);

// Appends `{"id": <id_json>, "error": "<message>"}` (no newline).
void AppendErrorLine(std::string_view id_json, std::string_view message,
                     std::string* out);

}  // namespace factx

#endif  // FACTX_JSONL_H_
