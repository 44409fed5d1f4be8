// The instructions of one warm pass over a benchmark input, for callgrind:
// the wall clock of this shared machine moves by a third from run to run, an
// instruction count does not. The input is one of extract_benchmark's
// (news_corpus.h, same seed and size): `news` (the corpus, document by
// document), `short` (its sentences of 90-110 bytes) or `figure-free` (prose
// without figures, in documents of about 2 KB). Two passes warm every program
// and DFA state the input needs; the third runs in MeasuredPass, which
// callgrind counts alone:
//
//   valgrind --tool=callgrind --toggle-collect='*MeasuredPass*'
//   build/bench/warm_pass figure-free   # as one command
//
// It prints the input's size and facts; callgrind's total is the pass.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"
#include "news_corpus.h"

namespace factx::bench {
namespace {

constexpr std::uint64_t kSeed = 2020;  // extract_benchmark's
constexpr std::size_t kInputBytes = 320 << 10;

// Not inlined, so that callgrind can count it alone.
__attribute__((noinline)) std::size_t MeasuredPass(
    const Extractor& extractor, const std::vector<std::string>& inputs,
    Extraction* facts) {
  std::size_t found = 0;
  for (const std::string& input : inputs) {
    if (extractor.Extract(input, ExtractOptions(), facts).ok()) {
      found += facts->size();
    }
  }
  return found;
}

int Run(std::string_view which) {
  std::vector<std::string> inputs;
  if (which == "news" || which == "short") {
    const std::vector<NewsDocument> corpus =
        GenerateNewsCorpus(kInputBytes, kSeed);
    if (which == "short") {
      inputs = ShortSentences(corpus);
    } else {
      for (const NewsDocument& doc : corpus) inputs.push_back(doc.text);
    }
  } else if (which == "figure-free") {
    inputs = CutIntoDocuments(GenerateFigureFreeText(kInputBytes, kSeed), 2048);
  } else {
    std::fprintf(stderr, "usage: warm_pass news|short|figure-free\n");
    return 2;
  }
  Result<Extractor> extractor = Extractor::Create();
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  Extraction facts;
  for (int warm = 0; warm < 2; ++warm) {
    for (const std::string& input : inputs) {
      (void)extractor->Extract(input, ExtractOptions(), &facts);
    }
  }
  const std::size_t found = MeasuredPass(*extractor, inputs, &facts);
  std::size_t bytes = 0;
  for (const std::string& input : inputs) bytes += input.size();
  std::printf("%zu inputs, %zu bytes, %zu facts\n", inputs.size(), bytes,
              found);
  return 0;
}

}  // namespace
}  // namespace factx::bench

int main(int argc, char** argv) {
  return factx::bench::Run(argc == 2 ? argv[1] : "");
}
