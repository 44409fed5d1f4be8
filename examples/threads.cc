// One extractor shared by several threads, one Extraction per thread.
//
// An Extractor is immutable once built and `Extract` is const, so threads share
// one without locks; an Extraction holds a call's buffers, so each thread owns
// one and reuses it for every document it handles. Build the extractor once: it
// compiles every rule.
#include <cstddef>
#include <iostream>
#include <string_view>
#include <thread>
#include <vector>

#include "factx/extractor.h"

int main() {
  factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << '\n';
    return 1;
  }
  const std::vector<std::string_view> documents = {
      "该基地项目总投资120亿元，预计2023年投产。",
      "公司上半年营收同比增长18.5%，净利润约3.2亿元。",
      "这家初创企业完成5000万美元B轮融资。",
      "今年1月至4月，全市固定资产投资增长7.4%。",
      "The group plans to invest $2.5 billion in a new plant by 2025.",
      "央行下调存款准备金率0.5个百分点，释放长期资金约1万亿元。",
  };
  factx::ExtractOptions options;
  options.reference_date = factx::CivilDate{2020, 5, 6};

  const factx::Extractor& shared = *extractor;
  const std::size_t thread_count = 3;
  // Each thread writes only its own slots: no shared mutable state.
  std::vector<std::size_t> facts_per_document(documents.size(), 0);
  std::vector<factx::Status> thread_status(thread_count);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      // This thread's Extraction, reused for each of its documents.
      factx::Extraction facts;
      for (std::size_t d = t; d < documents.size(); d += thread_count) {
        thread_status[t] = shared.Extract(documents[d], options, &facts);
        if (!thread_status[t].ok()) return;
        facts_per_document[d] = facts.size();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (const factx::Status& status : thread_status) {
    if (!status.ok()) {
      std::cerr << status.ToString() << '\n';
      return 1;
    }
  }
  // The same answers as one thread alone.
  factx::Extraction facts;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (!shared.Extract(documents[d], options, &facts).ok() ||
        facts.size() != facts_per_document[d]) {
      std::cerr << "threads disagree on: " << documents[d] << '\n';
      return 1;
    }
    std::cout << facts_per_document[d] << " facts in " << documents[d] << '\n';
  }
  return 0;
}
