#include <iostream>
#include "factx/extractor.h"

int main() {
  factx::Result<factx::Extractor> extractor = factx::Extractor::Create();  // once
  factx::ExtractOptions options;
  options.reference_date = factx::CivilDate{2020, 5, 6};  // the article's date
  factx::Extraction facts;  // reuse per thread
  std::string_view text = "项目总投资超800亿元，今年1月至4月同比增长35.7%。";
  if (!extractor.ok() || !extractor->Extract(text, options, &facts).ok()) return 1;
  for (const factx::Money& m : facts.money)
    std::cout << m.span.Slice(text) << " = " << m.amount.ToString() << ' ' << m.currency_code() << '\n';
}
