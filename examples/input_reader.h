// input_reader.h: reads lines or whole files with a bound on how much is held.
//
// A line or file over the bound is refused while it is read: the reader keeps
// at most the bound plus one buffer, whatever the input (`head -c 1G
// /dev/zero` is one line of a gigabyte, and costs no more memory than a short
// one).
//
//   factx_cli::InputReader reader(stdin);
//   std::string line;
//   while (true) {
//     const factx_cli::InputReader::Outcome outcome =
//         reader.ReadLine(64 << 20, &line);
//     if (outcome == factx_cli::InputReader::Outcome::kEnd) break;
//     ...
//   }
#ifndef FACTX_EXAMPLES_INPUT_READER_H_
#define FACTX_EXAMPLES_INPUT_READER_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace factx_cli {

class InputReader {
 public:
  enum class Outcome {
    kOk,       // *out holds a line or the whole input
    kTooLong,  // over the bound: *out is empty, the line was skipped
    kEnd,      // nothing more to read
    kError,    // a read error (`error()` is its errno), e.g. a directory
  };

  // Reads from `file`, which must outlive the reader and is not closed by it.
  explicit InputReader(std::FILE* file);

  // The next line without its '\n' (the last line may lack one). A line of
  // more than `max_bytes` bytes is read to its end without being kept.
  Outcome ReadLine(std::size_t max_bytes, std::string* out);
  // The rest of the input; stops reading as soon as it exceeds `max_bytes`.
  Outcome ReadAll(std::size_t max_bytes, std::string* out);

  int error() const { return error_; }

 private:
  // Refills the buffer; false at the end of the input or on an error.
  bool Fill();

  static constexpr std::size_t kBufferBytes = std::size_t{64} << 10;
  std::FILE* file_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  int error_ = 0;
};

}  // namespace factx_cli

#endif  // FACTX_EXAMPLES_INPUT_READER_H_
