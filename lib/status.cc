#include "factx/status.h"

#include "text/utf8.h"

namespace factx {

Status::Status(StatusCode code, std::string message)
    : code_(code), message_(internal::EscapeForMessage(message)) {}

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "InvalidArgument";
    case StatusCode::kInvalidUtf8:
      return "InvalidUtf8";
    case StatusCode::kRuleSyntax:
      return "RuleSyntax";
    case StatusCode::kResourceExhausted:
      return "ResourceExhausted";
    case StatusCode::kInternal:
      return "Internal";
  }
  return "Unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(StatusCodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

}  // namespace factx
