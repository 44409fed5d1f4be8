// A news-like benchmark corpus that the project writes itself: Chinese and
// English economic reports, dense in figures, generated from varied sentence
// templates, entities and numbers by a fixed pseudo-random sequence, so every
// run (and every machine) gets the same bytes.
//
//   std::vector<NewsDocument> corpus = GenerateNewsCorpus(256 << 10, 2020);
//   corpus[0].text;       // "青禾市重大项目加速落地…\n（2021年3月8日）\n…"
//   corpus[0].expected;   // {kMoney, "412.6亿元", "41260000000"}, ...
//
// Each document records the figures its generator wrote (`expected`), so a
// benchmark can check that factx finds them before it times anything.
#ifndef FACTX_BENCH_NEWS_CORPUS_H_
#define FACTX_BENCH_NEWS_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"

namespace factx::bench {

enum class ExpectedType { kMoney, kPercent, kDate, kInvestment };

// "money", "percent", "date", "investment".
std::string_view ExpectedTypeName(ExpectedType type);

// A figure the generator wrote: some fact of `type` must span `core` (the
// figure without any qualifier word around it) and, when `value` is not empty,
// have that value: the amount of a money or investment fact
// (Decimal::ToString()), the value of a percentage, or the ISO 8601 begin of a
// date.
struct ExpectedFact {
  ExpectedType type = ExpectedType::kMoney;
  std::string core;
  std::string value;
};

struct NewsDocument {
  std::string id;  // "zh-0001", "en-0002"
  std::string text;
  CivilDate reference_date;  // the dateline of the article
  std::vector<ExpectedFact> expected;
};

// Articles (about two Chinese ones for each English one) until their text adds
// up to at least `min_bytes`. No sentence occurs twice in one corpus.
std::vector<NewsDocument> GenerateNewsCorpus(std::size_t min_bytes,
                                             std::uint64_t seed);

// One article, the `index`-th of the stream that `seed` starts: the same
// document as GenerateNewsCorpus(..., seed)[index] when no sentence had to be
// redrawn for being a repeat. For bulk inputs (a 200 MB JSONL file) where
// holding every sentence to reject repeats would cost memory.
NewsDocument GenerateNewsDocument(std::uint64_t seed, std::size_t index);

// Economic prose without a single figure (no digits, no numerals, no dates),
// at least `min_bytes` long, half Chinese and half English by paragraphs.
std::string GenerateFigureFreeText(std::size_t min_bytes, std::uint64_t seed);

// The benchmarks' inputs cut from those texts: `text` cut at the first line
// end past every `bytes` bytes, into documents of about that size (the size
// of a corpus article for 2048); and the sentences of `corpus` (ending at 。,
// ". " or a line end) between 90 and 110 bytes long, in order.
std::vector<std::string> CutIntoDocuments(const std::string& text,
                                          std::size_t bytes);
std::vector<std::string> ShortSentences(
    const std::vector<NewsDocument>& corpus);

// Outcome of checking extracted facts against a document's expectations.
struct CorpusCheck {
  std::size_t expected = 0;
  std::size_t found = 0;
  std::vector<std::string> misses;  // "zh-0003 money 412.6亿元 = 41260000000"
};

// Extracts every document (with its reference date) and counts the expected
// facts found; adds to `*check`. A non-ok status counts as a miss of the
// document's every fact and is named in `misses`.
void CheckCorpus(const Extractor& extractor,
                 const std::vector<NewsDocument>& corpus, CorpusCheck* check);

}  // namespace factx::bench

#endif  // FACTX_BENCH_NEWS_CORPUS_H_
