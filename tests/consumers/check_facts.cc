// What every consumer project builds: extract the facts of a Chinese sentence
// through factx as the project found it (find_package, add_subdirectory or
// pkg-config) and check the amount. Exits 0 when it is right.
#include <cstdio>
#include <string_view>

#include "factx/extractor.h"
#include "factx/version.h"

int main() {
  factx::Result<factx::Extractor> extractor = factx::Extractor::Create();
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  const std::string_view text = "这个项目总投资300亿元。";
  factx::Extraction facts;
  if (factx::Status status = extractor->Extract(text, {}, &facts);
      !status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  for (const factx::Money& money : facts.money) {
    std::printf("factx %s: %.*s = %s %s\n", FACTX_VERSION_STRING,
                static_cast<int>(money.span.size()),
                text.data() + money.span.begin, money.amount.ToString().c_str(),
                money.currency);
  }
  const bool right = facts.money.size() == 1 &&
                     facts.money[0].amount == factx::Decimal{300, 8} &&
                     facts.money[0].currency_code() == "CNY" &&
                     facts.money[0].span.Slice(text) == "300亿元";
  if (!right)
    std::fprintf(stderr, "want one money fact: 300亿元 = 30000000000 CNY\n");
  return right ? 0 : 1;
}
