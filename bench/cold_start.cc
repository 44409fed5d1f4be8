// The figures a new user sees: one fresh process, text it has never seen.
//
//   python3 bench/varied_corpus.py build > /tmp/varied.docs
//   build/bench/cold_start /tmp/varied.docs [LANGUAGES]
//
// Times Extractor::Create, then a first (cold) pass over every document of the
// file, one Extract call each, then a second (warm) pass over the same
// documents; prints MB/s for each pass, the facts found, and resident memory
// (VmRSS after Create, VmHWM at the end, and VmHWM less VmRSS before Create:
// what factx added, the input aside) from /proc/self/status. The input is
// bench/varied_corpus.py's format: `REF_DATE<TAB>TEXT` records separated by NUL
// bytes. Run it as a fresh process each time: a second run in one process would
// be warm. LANGUAGES ("zh", "en", "zh,en"; default both) sets
// ExtractOptions::languages, to time one language's rules alone.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "factx/extractor.h"

namespace {

struct Document {
  std::optional<factx::CivilDate> reference_date;
  std::string_view text;
};

// "VmRSS:    1234 kB" -> 1234; 0 when /proc is not there.
long ResidentKilobytes(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(status, line)) {
    if (line.compare(0, prefix.size(), prefix) == 0)
      return std::stol(line.substr(prefix.size()));
  }
  return 0;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

std::vector<Document> SplitDocuments(std::string_view data) {
  std::vector<Document> documents;
  while (!data.empty()) {
    const std::size_t end = std::min(data.find('\0'), data.size());
    std::string_view record = data.substr(0, end);
    data.remove_prefix(std::min(end + 1, data.size()));
    const std::size_t tab = record.find('\t');
    if (tab == std::string_view::npos) continue;
    Document document;
    factx::Result<factx::CivilDate> date =
        factx::CivilDate::Parse(record.substr(0, tab));
    if (date.ok()) document.reference_date = *date;
    document.text = record.substr(tab + 1);
    documents.push_back(document);
  }
  return documents;
}

// One Extract call per document; returns the facts found, or -1 on an error.
long Pass(const factx::Extractor& extractor,
          const std::vector<Document>& documents, unsigned languages) {
  factx::Extraction facts;
  factx::ExtractOptions options;
  options.languages = languages;
  long count = 0;
  for (const Document& document : documents) {
    options.reference_date = document.reference_date;
    const factx::Status status =
        extractor.Extract(document.text, options, &facts);
    if (!status.ok()) {
      std::fprintf(stderr, "cold_start: %s\n", status.ToString().c_str());
      return -1;
    }
    count += static_cast<long>(facts.size());
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr,
                 "usage: cold_start DOCUMENTS (bench/varied_corpus.py) "
                 "[LANGUAGES]\n");
    return 2;
  }
  const factx::Result<unsigned> languages =
      factx::ParseLanguages(argc == 3 ? argv[2] : "zh,en");
  if (!languages.ok()) {
    std::fprintf(stderr, "cold_start: %s\n",
                 languages.status().ToString().c_str());
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cold_start: cannot read %s\n", argv[1]);
    return 2;
  }
  const std::string data((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  const std::vector<Document> documents = SplitDocuments(data);
  std::size_t bytes = 0;
  for (const Document& document : documents) bytes += document.text.size();
  const long rss_before = ResidentKilobytes("VmRSS");

  auto start = std::chrono::steady_clock::now();
  factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
  const double create_seconds = SecondsSince(start);
  if (!extractor.ok()) {
    std::fprintf(stderr, "cold_start: %s\n",
                 extractor.status().ToString().c_str());
    return 1;
  }
  const long rss_created = ResidentKilobytes("VmRSS");

  start = std::chrono::steady_clock::now();
  const long cold_facts = Pass(*extractor, documents, *languages);
  const double cold_seconds = SecondsSince(start);
  start = std::chrono::steady_clock::now();
  const long warm_facts = Pass(*extractor, documents, *languages);
  const double warm_seconds = SecondsSince(start);
  if (cold_facts < 0 || warm_facts != cold_facts) return 1;

  const double megabytes = static_cast<double>(bytes) / 1e6;
  std::printf("documents        %zu (%.2f MB), %ld facts\n", documents.size(),
              megabytes, cold_facts);
  std::printf("Create           %.1f ms, resident %+.1f MB after it\n",
              create_seconds * 1e3, (rss_created - rss_before) / 1024.0);
  std::printf("first pass       %.2f MB/s (%.2f s)\n", megabytes / cold_seconds,
              cold_seconds);
  std::printf("second pass      %.2f MB/s (%.2f s)\n", megabytes / warm_seconds,
              warm_seconds);
  const long peak = ResidentKilobytes("VmHWM");
  std::printf("peak resident    %.1f MB (whole process, input included)\n",
              peak / 1024.0);
  // What factx added to the process at its peak: the input, read before
  // Create, is held throughout, and a program that reads documents one at a
  // time would not hold it.
  std::printf("peak added       %.1f MB (peak minus resident before Create)\n",
              (peak - rss_before) / 1024.0);
  return 0;
}
