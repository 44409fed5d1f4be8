// factx/status.h: errors as values.
//
// Every factx call that can fail returns a `Status` or a `Result<T>`; the
// library never throws and never logs. Callers check `ok()` and act only on the
// codes they can do something about:
//
//   factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
//   if (!extractor.ok()) {
//     std::fprintf(stderr, "factx: %s\n",
//     extractor.status().ToString().c_str()); return 1;
//   }
//   extractor->Extract(text, options, &facts);
#ifndef FACTX_STATUS_H_
#define FACTX_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace factx {

// The error vocabulary, kept small on purpose. Each code says what a caller can
// do.
enum class StatusCode : unsigned char {
  kOk = 0,
  // A caller's argument is wrong (a reference date of 2020-02-30, an unknown
  // kind name). Fix the call; retrying it unchanged gives the same answer.
  kInvalidArgument,
  // The text is not well-formed UTF-8; the message names the first bad byte
  // offset. Either clean the text or set
  // `ExtractOptions::replace_invalid_utf8`.
  kInvalidUtf8,
  // Rule text does not parse, a pattern does not compile, or a capture, table
  // or value word is outside the rule schema (docs/rules.md); the message
  // names the source, line, rule and the bad word or RE2's own message. Only
  // custom rules can cause it.
  kRuleSyntax,
  // A limit in `ExtractOptions` was reached (input size, number of facts).
  // Facts found before the limit are kept in the `Extraction`.
  kResourceExhausted,
  // A bug or an environment failure (ICU data missing, RE2 out of memory).
  // Report it.
  kInternal,
};

// Returns the code's name without the `k`, e.g. "InvalidUtf8".
std::string_view StatusCodeName(StatusCode code);

// A success or an error code with a human-readable message. Cheap to copy when
// ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  // The message is kept as valid UTF-8 on one line, whatever it quotes of the
  // caller's input: each ill-formed byte, C0 control character and DEL in it
  // is written as `\xNN`, so a reference date of bytes FF FF FF FF "-01-01"
  // reads `... "\xFF\xFF\xFF\xFF-01-01"`.
  Status(StatusCode code, std::string message);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK", or "InvalidUtf8: invalid UTF-8 at byte 17".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or the error that prevented it. Accessing the value of an
// error is a bug (checked by assert in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status)
      : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace factx

#endif  // FACTX_STATUS_H_
