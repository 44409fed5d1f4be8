// How fast factx is, on text it writes itself (news_corpus.h). Before timing
// anything, main() checks that the corpus is what it claims to be (at least
// 200 KB of distinct sentences) and that factx finds the figures the generator
// wrote; a failed check exits 1 and times nothing.
//
//   build-perf/bench/extract_benchmark --benchmark_filter=NewsCorpus
//   build-perf/bench/extract_benchmark --check_inputs_only   # the checks alone
//
// docs/performance.md lists the targets, the figures reached and the profile.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factx/extractor.h"
#include "news_corpus.h"

namespace factx::bench {
namespace {

constexpr std::uint64_t kSeed = 2020;
constexpr std::size_t kCorpusBytes = 320 << 10;
constexpr std::size_t kFigureFreeBytes = 320 << 10;
// Each kind of expected fact must be found at least this often.
constexpr double kMinRecall = 0.95;

const Extractor& SharedExtractor() {
  static const Extractor* extractor = [] {
    Result<Extractor> built = Extractor::Create();
    if (!built.ok()) {
      std::fprintf(stderr, "Extractor::Create: %s\n",
                   built.status().ToString().c_str());
      std::abort();
    }
    return new Extractor(std::move(built).value());
  }();
  return *extractor;
}

const std::vector<NewsDocument>& NewsCorpus() {
  static const auto* corpus =
      new std::vector<NewsDocument>(GenerateNewsCorpus(kCorpusBytes, kSeed));
  return *corpus;
}

std::size_t TotalBytes(const std::vector<NewsDocument>& docs) {
  std::size_t bytes = 0;
  for (const NewsDocument& doc : docs) bytes += doc.text.size();
  return bytes;
}

// Figure-free prose cut at line ends into documents of about 2 KB, the size
// of a corpus article.
const std::vector<std::string>& FigureFreeDocuments() {
  static const auto* docs = new std::vector<std::string>(
      CutIntoDocuments(GenerateFigureFreeText(kFigureFreeBytes, kSeed), 2048));
  return *docs;
}

// Sentences of the corpus between 90 and 110 bytes long.
const std::vector<std::string>& ShortSentenceInputs() {
  static const auto* sentences =
      new std::vector<std::string>(ShortSentences(NewsCorpus()));
  return *sentences;
}

// --- Full extraction of all four fact types on the news corpus.

void BM_NewsCorpus(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  const std::vector<NewsDocument>& corpus = NewsCorpus();
  Extraction facts;
  std::size_t fact_count = 0;
  for (auto _ : state) {
    for (const NewsDocument& doc : corpus) {
      ExtractOptions options;
      options.reference_date = doc.reference_date;
      const Status status = extractor.Extract(doc.text, options, &facts);
      if (!status.ok()) state.SkipWithError(status.ToString().c_str());
      fact_count += facts.size();
    }
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * TotalBytes(corpus)));
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * corpus.size()));
  state.counters["facts/s"] = benchmark::Counter(
      static_cast<double>(fact_count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NewsCorpus)->Unit(benchmark::kMillisecond);

// --- Prose without a figure: the prefilter's speed.

void BM_FigureFreeText(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  const std::vector<std::string>& docs = FigureFreeDocuments();
  std::size_t bytes = 0;
  for (const std::string& doc : docs) bytes += doc.size();
  Extraction facts;
  const ExtractOptions options;
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      const Status status = extractor.Extract(doc, options, &facts);
      if (!status.ok()) state.SkipWithError(status.ToString().c_str());
    }
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_FigureFreeText)->Unit(benchmark::kMillisecond);

// --- One call per 100-byte sentence: the latency of a call.

void BM_ShortSentence(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  const std::vector<std::string>& sentences = ShortSentenceInputs();
  Extraction facts;
  ExtractOptions options;
  options.reference_date = CivilDate{2021, 3, 8};
  std::size_t next = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string& sentence = sentences[next];
    next = next + 1 == sentences.size() ? 0 : next + 1;
    bytes += sentence.size();
    benchmark::DoNotOptimize(extractor.Extract(sentence, options, &facts));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetLabel(std::to_string(sentences.size()) + " sentences");
}
BENCHMARK(BM_ShortSentence)->Unit(benchmark::kMicrosecond);

// --- Threads sharing one Extractor, each with its own Extraction. Real time:
// bytes/s is then the total throughput of all threads.

void BM_NewsCorpusThreads(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  const std::vector<NewsDocument>& corpus = NewsCorpus();
  Extraction facts;
  for (auto _ : state) {
    for (const NewsDocument& doc : corpus) {
      ExtractOptions options;
      options.reference_date = doc.reference_date;
      benchmark::DoNotOptimize(extractor.Extract(doc.text, options, &facts));
    }
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * TotalBytes(corpus)));
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_NewsCorpusThreads)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// --- Building an Extractor (compiling every rule).

void BM_BuildExtractor(benchmark::State& state) {
  for (auto _ : state) {
    Result<Extractor> extractor = Extractor::Create();
    if (!extractor.ok()) state.SkipWithError("Extractor::Create failed");
    benchmark::DoNotOptimize(extractor);
  }
}
BENCHMARK(BM_BuildExtractor)->Unit(benchmark::kMillisecond);

// --- Inputs made to be slow: time must grow linearly with size (compare the
// 1 MB and 10 MB runs of each).

struct Adversary {
  const char* name;
  std::string unit;  // repeated to the size wanted
};

std::string NewsAsOneLine() {
  // The news corpus as one clause: clause punctuation and line breaks dropped.
  std::string out;
  for (const NewsDocument& doc : NewsCorpus()) {
    for (std::size_t i = 0; i < doc.text.size(); ++i) {
      const std::string_view rest(doc.text.data() + i, doc.text.size() - i);
      if (rest.substr(0, 3) == "。" || rest.substr(0, 3) == "；" ||
          rest.substr(0, 3) == "！" || rest.substr(0, 3) == "？") {
        i += 2;
        continue;
      }
      const char c = doc.text[i];
      if (c == '\n' || c == '\r' || c == '!' || c == '?' || c == ';') continue;
      out.push_back(c);
    }
  }
  return out;
}

const std::vector<Adversary>& Adversaries() {
  static const auto* adversaries = new std::vector<Adversary>{
      {"digits", "1234567890"},
      {"chinese_numerals", "一二三四五"},
      {"yi", "亿"},
      {"comma_ones", "1,"},
      {"percent_signs", "%"},
      {"one_line", NewsAsOneLine()},
      {"currency_names_zh",
       "美元欧元日元英镑港元人民币澳元加元瑞士法郎韩元卢布"},
      {"currency_codes", "USD EUR GBP JPY CNY HKD $ € £ ￥ "},
      {"dense_money", "增长12.5%，投资3亿元，"},
      {"dollar_ones", "$1 "},
  };
  return *adversaries;
}

// `unit` repeated to at least `bytes`, cut at a whole unit.
const std::string& AdversarialInput(std::size_t which, std::size_t megabytes) {
  static auto* cache =
      new std::map<std::pair<std::size_t, std::size_t>, std::string>();
  std::string& input = (*cache)[{which, megabytes}];
  if (input.empty()) {
    const std::string& unit = Adversaries()[which].unit;
    const std::size_t bytes = megabytes << 20;
    input.reserve(bytes + unit.size());
    while (input.size() < bytes) input.append(unit);
  }
  return input;
}

void BM_Adversarial(benchmark::State& state) {
  const std::size_t which = static_cast<std::size_t>(state.range(0));
  const std::size_t megabytes = static_cast<std::size_t>(state.range(1));
  const std::string& input = AdversarialInput(which, megabytes);
  const Extractor& extractor = SharedExtractor();
  Extraction facts;
  ExtractOptions options;
  options.reference_date = CivilDate{2021, 3, 8};
  options.max_facts = std::size_t{1} << 30;
  for (auto _ : state) {
    const Status status = extractor.Extract(input, options, &facts);
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations() * input.size()));
  state.SetLabel(std::string(Adversaries()[which].name) + "/" +
                 std::to_string(megabytes) + "MB, " +
                 std::to_string(facts.size()) + " facts");
}
void AdversarialArguments(benchmark::internal::Benchmark* b) {
  for (std::size_t i = 0; i < Adversaries().size(); ++i) {
    b->Args({static_cast<std::int64_t>(i), 1});
    b->Args({static_cast<std::int64_t>(i), 10});
  }
}
BENCHMARK(BM_Adversarial)
    ->Apply(AdversarialArguments)
    ->ArgNames({"input", "MB"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// --- The checks that come before any timing.

bool CheckInputs() {
  const std::vector<NewsDocument>& corpus = NewsCorpus();
  const std::size_t bytes = TotalBytes(corpus);
  std::printf("news corpus: %zu documents, %zu bytes\n", corpus.size(), bytes);
  if (bytes < (200u << 10)) {
    std::printf("FAILED: the corpus must be at least 200 KB\n");
    return false;
  }
  bool ok = true;
  for (ExpectedType type : {ExpectedType::kMoney, ExpectedType::kPercent,
                            ExpectedType::kDate, ExpectedType::kInvestment}) {
    std::vector<NewsDocument> only = corpus;
    for (NewsDocument& doc : only) {
      std::vector<ExpectedFact> kept;
      for (ExpectedFact& fact : doc.expected) {
        if (fact.type == type) kept.push_back(std::move(fact));
      }
      doc.expected = std::move(kept);
    }
    CorpusCheck check;
    CheckCorpus(SharedExtractor(), only, &check);
    const double recall = check.expected == 0
                              ? 1.0
                              : static_cast<double>(check.found) /
                                    static_cast<double>(check.expected);
    std::printf("expected %-10s found %5zu of %5zu (%.1f%%)\n",
                std::string(ExpectedTypeName(type)).c_str(), check.found,
                check.expected, 100.0 * recall);
    if (recall < kMinRecall) {
      ok = false;
      for (std::size_t i = 0; i < check.misses.size() && i < 15; ++i) {
        std::printf("  missed: %s\n", check.misses[i].c_str());
      }
    }
  }
  // Figure-free text must give no facts at all.
  Extraction facts;
  std::size_t figure_free_facts = 0;
  for (const std::string& doc : FigureFreeDocuments()) {
    if (!SharedExtractor().Extract(doc, ExtractOptions(), &facts).ok()) {
      ok = false;
    }
    figure_free_facts += facts.size();
  }
  std::printf("figure-free text: %zu documents, %zu facts found\n",
              FigureFreeDocuments().size(), figure_free_facts);
  if (figure_free_facts != 0) ok = false;
  std::printf("short sentences: %zu of 90..110 bytes\n",
              ShortSentenceInputs().size());
  if (ShortSentenceInputs().size() < 100) ok = false;
  if (!ok) std::printf("FAILED: the inputs are not what the benchmarks need\n");
  return ok;
}

}  // namespace
}  // namespace factx::bench

// --check_inputs_only: run the checks and exit (ctest runs this).
int main(int argc, char** argv) {
  bool check_only = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--check_inputs_only") {
      check_only = true;
      for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
      --argc;
      break;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (!factx::bench::CheckInputs()) return 1;
  if (check_only) return 0;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
