// The README's example: build an extractor once, then extract typed facts from
// a sentence.
#include <iostream>

#include "factx/extractor.h"

int main() {
  factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
  if (!extractor.ok()) return 1;
  factx::ExtractOptions options;
  options.reference_date = factx::CivilDate{2020, 5, 6};  // the article's date
  factx::Extraction facts;  // reuse it across calls: it keeps its buffers
  std::string_view text = "项目总投资超800亿元，今年1月至4月同比增长35.7%。";
  if (!extractor->Extract(text, options, &facts).ok()) return 1;

  for (const factx::Money& m : facts.money)
    std::cout << "money   " << m.span.Slice(text) << " = "
              << m.amount.ToString() << ' ' << m.currency_code() << ' '
              << factx::QualifierName(m.qualifier) << '\n';
  for (const factx::Investment& i : facts.investments)
    std::cout << "invest  " << i.span.Slice(text) << " kind "
              << factx::InvestmentKindName(i.kind) << '\n';
  for (const factx::Percentage& p : facts.percentages)
    std::cout << "percent " << p.span.Slice(text) << " = " << p.value.ToString()
              << '\n';
  for (const factx::DateExpr& d : facts.dates)
    std::cout << "date    " << d.span.Slice(text) << " = "
              << d.begin.ToIso8601() << ".."
              << (d.end ? *d.end : d.begin).ToIso8601() << '\n';
}
