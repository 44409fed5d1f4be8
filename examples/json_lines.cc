// json_lines.cc: a shallow, strict, non-recursive JSON reader and a JSON string
// writer.
#include "json_lines.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factx_cli {
namespace {

// Length of the well-formed UTF-8 sequence at the start of `text` (1 to 4), or
// 0 when the first byte does not begin one (stray continuation byte, overlong
// form, surrogate, a code point above U+10FFFF, or a truncated sequence).
// Follows the Unicode table of well-formed byte sequences (Unicode 15, table
// 3-7).
std::size_t WellFormedUtf8Length(std::string_view text) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // no overlong forms
    if (lead == 0xED) second_max = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // no overlong forms
    if (lead == 0xF4) second_max = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < second_min || byte(1) > second_max) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

void AppendUtf8(std::uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What `\c` stands for in a JSON string, for the escapes other than `\u`; 0 if
// `\c` is not a JSON escape.
char DecodeSimpleEscape(char c) {
  switch (c) {
    case '"':
    case '\\':
    case '/':
      return c;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return 0;
  }
}

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A cursor over one JSON text. Each method either consumes what it was asked to
// read and returns true, or records the first error (with its byte offset) and
// returns false.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  std::string_view Slice(std::size_t begin) const {
    return text_.substr(begin, pos_ - begin);
  }

  // kInvalidArgument describing the first error.
  factx::Status ErrorStatus() const {
    return factx::Status(
        factx::StatusCode::kInvalidArgument,
        "invalid JSON at byte " + std::to_string(error_pos_) + ": " + error_);
  }

  void SkipWhitespace() {
    while (!AtEnd()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }

  // Consumes `c` (after whitespace) or fails with "expected <what>".
  bool Expect(char c, const char* what) {
    SkipWhitespace();
    if (AtEnd() || text_[pos_] != c)
      return Fail(std::string("expected ") + what);
    ++pos_;
    return true;
  }

  // True (and consumes it) when the next non-whitespace character is `c`.
  bool Accept(char c) {
    SkipWhitespace();
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Reads one whole value after whitespace, decoding it if it is a string.
  bool ReadValue(JsonValue* value) {
    SkipWhitespace();
    if (AtEnd()) return Fail("expected a value");
    const std::size_t begin = pos_;
    const char c = text_[pos_];
    bool ok = false;
    value->string.clear();
    if (c == '"') {
      value->kind = JsonKind::kString;
      ok = ReadString(&value->string);
    } else {
      value->kind = c == '{'               ? JsonKind::kObject
                    : c == '['             ? JsonKind::kArray
                    : c == 't' || c == 'f' ? JsonKind::kBool
                    : c == 'n'             ? JsonKind::kNull
                                           : JsonKind::kNumber;
      ok = SkipValue();
    }
    value->raw = Slice(begin);
    return ok;
  }

  // Reads a string starting at its opening quote, appending the decoded UTF-8
  // to `*out`.
  bool ReadString(std::string* out) {
    if (AtEnd() || text_[pos_] != '"') return Fail("expected a string");
    ++pos_;
    while (true) {
      // Copy the run of plain bytes in one go.
      const std::size_t run_begin = pos_;
      while (!AtEnd() && text_[pos_] != '"' && text_[pos_] != '\\' &&
             static_cast<unsigned char>(text_[pos_]) >= 0x20) {
        ++pos_;
      }
      if (out != nullptr)
        out->append(text_.data() + run_begin, pos_ - run_begin);
      if (AtEnd()) return Fail("unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\')
        return Fail("control character in a string (must be escaped)");
      if (!ReadEscape(out)) return false;
    }
  }

  // Checks one value of any kind without decoding it. Nested arrays and objects
  // are followed with an explicit stack of the closing brackets still expected,
  // not by recursion.
  bool SkipValue() {
    std::vector<char> closers;
    while (true) {
      // A value is expected here.
      SkipWhitespace();
      if (AtEnd()) return Fail("expected a value");
      const char c = text_[pos_];
      if (c == '{' || c == '[') {
        ++pos_;
        const char closer = c == '{' ? '}' : ']';
        if (!Accept(closer)) {
          closers.push_back(closer);
          if (closer == '}' && !ReadMemberName(nullptr)) return false;
          continue;
        }
      } else if (!SkipScalar()) {
        return false;
      }
      // After a value: close finished containers, then go on with the next
      // element.
      while (true) {
        if (closers.empty()) return true;
        if (Accept(',')) {
          if (closers.back() == '}' && !ReadMemberName(nullptr)) return false;
          break;
        }
        if (!Accept(closers.back())) {
          return Fail(closers.back() == '}' ? "expected ',' or '}'"
                                            : "expected ',' or ']'");
        }
        closers.pop_back();
      }
    }
  }

  // Reads `"name" :` after whitespace; `name` may be nullptr to discard it.
  bool ReadMemberName(std::string* name) {
    SkipWhitespace();
    if (AtEnd() || text_[pos_] != '"') return Fail("expected a member name");
    return ReadString(name) && Expect(':', "':'");
  }

  bool Fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_pos_ = pos_;
    }
    return false;
  }

 private:
  // A string, number, true, false or null.
  bool SkipScalar() {
    const char c = text_[pos_];
    if (c == '"') return ReadString(nullptr);
    if (c == 't') return SkipWord("true");
    if (c == 'f') return SkipWord("false");
    if (c == 'n') return SkipWord("null");
    if (c == '-' || IsDigit(c)) return SkipNumber();
    return Fail("expected a value");
  }

  bool SkipWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word)
      return Fail("expected a value");
    pos_ += word.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool SkipNumber() {
    const auto skip_digits = [this] {
      const std::size_t begin = pos_;
      while (!AtEnd() && IsDigit(text_[pos_])) ++pos_;
      return pos_ > begin;
    };
    if (text_[pos_] == '-') ++pos_;
    if (AtEnd() || !IsDigit(text_[pos_])) return Fail("malformed number");
    if (text_[pos_] == '0') {
      ++pos_;
      if (!AtEnd() && IsDigit(text_[pos_])) {
        return Fail("malformed number (leading zero)");
      }
    } else {
      skip_digits();
    }
    if (!AtEnd() && text_[pos_] == '.') {
      ++pos_;
      if (!skip_digits()) return Fail("malformed number");
    }
    if (!AtEnd() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (!AtEnd() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!skip_digits()) return Fail("malformed number");
    }
    return true;
  }

  // Reads the 4 hex digits at `at` into `*value`, without moving or failing.
  bool HexAt(std::size_t at, std::uint32_t* value) const {
    if (at > text_.size() || text_.size() - at < 4) return false;
    std::uint32_t result = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      const int digit = HexDigitValue(text_[i]);
      if (digit < 0) return false;
      result = result * 16 + static_cast<std::uint32_t>(digit);
    }
    *value = result;
    return true;
  }

  // Reads the escape that starts with the backslash at pos_ and appends what it
  // stands for. Errors point at the backslash.
  bool ReadEscape(std::string* out) {
    if (text_.size() - pos_ < 2) return Fail("unterminated string");
    if (text_[pos_ + 1] != 'u') {
      const char decoded = DecodeSimpleEscape(text_[pos_ + 1]);
      if (decoded == 0) return Fail("invalid escape");
      if (out != nullptr) out->push_back(decoded);
      pos_ += 2;
      return true;
    }
    std::uint32_t code_point = 0;
    if (!HexAt(pos_ + 2, &code_point)) return Fail("malformed \\u escape");
    std::size_t escape_length = 6;
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
      return Fail("lone surrogate escape (a low surrogate without a high one)");
    }
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      // A high surrogate must be followed at once by an escaped low one.
      std::uint32_t low = 0;
      const bool escape_follows = text_.size() - pos_ >= 8 &&
                                  text_[pos_ + 6] == '\\' &&
                                  text_[pos_ + 7] == 'u';
      if (!escape_follows || !HexAt(pos_ + 8, &low) || low < 0xDC00 ||
          low > 0xDFFF) {
        return Fail(
            "lone surrogate escape (a high surrogate without a low one)");
      }
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
      escape_length = 12;
    }
    pos_ += escape_length;
    if (out != nullptr) AppendUtf8(code_point, out);
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
  std::size_t error_pos_ = 0;
};

}  // namespace

const JsonValue* JsonObject::Find(std::string_view key) const {
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  return nullptr;
}

factx::Status ParseJsonObject(std::string_view text, JsonObject* out) {
  out->members.clear();
  Reader reader(text);
  if (!reader.Expect('{', "a JSON object ('{')")) return reader.ErrorStatus();
  if (!reader.Accept('}')) {
    do {
      std::string name;
      JsonValue value;
      if (!reader.ReadMemberName(&name) || !reader.ReadValue(&value)) {
        return reader.ErrorStatus();
      }
      out->members.emplace_back(std::move(name), std::move(value));
    } while (reader.Accept(','));
    if (!reader.Expect('}', "',' or '}'")) return reader.ErrorStatus();
  }
  reader.SkipWhitespace();
  if (!reader.AtEnd()) {
    reader.Fail("unexpected characters after the object");
    return reader.ErrorStatus();
  }
  return factx::Status();
}

factx::Status ParseJsonArray(std::string_view text,
                             std::vector<JsonValue>* out) {
  out->clear();
  Reader reader(text);
  if (!reader.Expect('[', "a JSON array ('[')")) return reader.ErrorStatus();
  if (!reader.Accept(']')) {
    do {
      JsonValue value;
      if (!reader.ReadValue(&value)) return reader.ErrorStatus();
      out->push_back(std::move(value));
    } while (reader.Accept(','));
    if (!reader.Expect(']', "',' or ']'")) return reader.ErrorStatus();
  }
  reader.SkipWhitespace();
  if (!reader.AtEnd()) {
    reader.Fail("unexpected characters after the array");
    return reader.ErrorStatus();
  }
  return factx::Status();
}

bool IsJsonNumber(std::string_view text) {
  if (text.empty() || (text[0] != '-' && !IsDigit(text[0]))) return false;
  Reader reader(text);
  return reader.SkipValue() && reader.AtEnd();
}

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
      ++i;
    } else if (c < 0x20) {
      switch (c) {
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
      }
      ++i;
    } else if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      ++i;
    } else if (const std::size_t length = WellFormedUtf8Length(text.substr(i));
               length > 0) {
      out->append(text.data() + i, length);
      i += length;
    } else {
      out->append("\\ufffd");
      ++i;
    }
  }
  out->push_back('"');
}

}  // namespace factx_cli
