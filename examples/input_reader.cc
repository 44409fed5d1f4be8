#include "input_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace factx_cli {
namespace {

// Appends `part` to `*out`, which is known to stay within `max_bytes`: growth
// doubles, as std::string's does, but never past the bound, so that a line
// just under it costs the bound and not twice it.
void AppendBounded(std::string_view part, std::size_t max_bytes,
                   std::string* out) {
  const std::size_t needed = out->size() + part.size();
  if (needed > out->capacity()) {
    out->reserve(std::min(std::max(needed, 2 * out->capacity()), max_bytes));
  }
  out->append(part);
}

}  // namespace

InputReader::InputReader(std::FILE* file)
    : file_(file), buffer_(new char[kBufferBytes]) {}

bool InputReader::Fill() {
  if (error_ != 0) return false;
  begin_ = 0;
  end_ = std::fread(buffer_.get(), 1, kBufferBytes, file_);
  if (end_ == 0 && std::ferror(file_)) error_ = errno != 0 ? errno : EIO;
  return end_ > 0;
}

InputReader::Outcome InputReader::ReadLine(std::size_t max_bytes,
                                           std::string* out) {
  out->clear();
  bool too_long = false;
  bool any = false;
  while (begin_ < end_ || Fill()) {
    any = true;
    const std::string_view unread(buffer_.get() + begin_, end_ - begin_);
    const std::size_t newline = unread.find('\n');
    const std::string_view part = unread.substr(0, newline);
    if (!too_long && out->size() + part.size() > max_bytes) {
      too_long = true;
      out->clear();
      out->shrink_to_fit();
    }
    if (!too_long) AppendBounded(part, max_bytes, out);
    if (newline != std::string_view::npos) {
      begin_ += newline + 1;
      return too_long ? Outcome::kTooLong : Outcome::kOk;
    }
    begin_ = end_;
  }
  if (error_ != 0) return Outcome::kError;
  if (!any) return Outcome::kEnd;
  return too_long ? Outcome::kTooLong : Outcome::kOk;
}

InputReader::Outcome InputReader::ReadAll(std::size_t max_bytes,
                                          std::string* out) {
  out->clear();
  while (begin_ < end_ || Fill()) {
    if (out->size() + (end_ - begin_) > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return Outcome::kTooLong;
    }
    AppendBounded(std::string_view(buffer_.get() + begin_, end_ - begin_),
                  max_bytes, out);
    begin_ = end_;
  }
  return error_ != 0 ? Outcome::kError : Outcome::kOk;
}

}  // namespace factx_cli
