// Writes the generated news corpus (news_corpus.h) to standard output, for
// tools that read files: the CLI's streaming and --threads checks, and the
// scaling recipe of docs/scaling.md.
//
//   make_news_corpus --bytes 200000000 --format jsonl > news.jsonl
//   make_news_corpus --bytes 300000 --format text     > news.txt
//
// jsonl: one {"id", "text", "ref_date"} object a line (the CLI's input);
// text: the articles, separated by a blank line. --bytes counts article text.
// Up to 16 MB the corpus has no repeated sentence; past that, articles are
// drawn independently (repeats possible), so memory stays flat.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "news_corpus.h"

namespace {

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", c);
          out->append(escape);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void Write(const factx::bench::NewsDocument& doc, bool jsonl) {
  std::string line;
  if (jsonl) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", doc.reference_date.year,
                  doc.reference_date.month, doc.reference_date.day);
    line.append("{\"id\": ");
    AppendJsonString(doc.id, &line);
    line.append(", \"text\": ");
    AppendJsonString(doc.text, &line);
    line.append(", \"ref_date\": \"").append(date).append("\"}\n");
  } else {
    line = doc.text + "\n";
  }
  std::fwrite(line.data(), 1, line.size(), stdout);
}

int Usage() {
  std::fprintf(stderr,
               "usage: make_news_corpus --bytes N [--format jsonl|text] "
               "[--seed S]\n");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t bytes = 0;
  std::uint64_t seed = 2020;
  bool jsonl = true;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (arg == "--bytes") {
      bytes = std::strtoull(value, nullptr, 10);
    } else if (arg == "--seed") {
      seed = std::strtoull(value, nullptr, 10);
    } else if (arg == "--format" && std::strcmp(value, "jsonl") == 0) {
      jsonl = true;
    } else if (arg == "--format" && std::strcmp(value, "text") == 0) {
      jsonl = false;
    } else {
      return Usage();
    }
  }
  if (bytes == 0) return Usage();
  constexpr std::size_t kDistinctLimit = std::size_t{16} << 20;
  if (bytes <= kDistinctLimit) {
    for (const auto& doc : factx::bench::GenerateNewsCorpus(bytes, seed)) {
      Write(doc, jsonl);
    }
  } else {
    std::size_t written = 0;
    for (std::size_t index = 0; written < bytes; ++index) {
      const factx::bench::NewsDocument doc =
          factx::bench::GenerateNewsDocument(seed, index);
      Write(doc, jsonl);
      written += doc.text.size();
    }
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}
