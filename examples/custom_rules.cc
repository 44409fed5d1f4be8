// Extending the built-in rules at run time with rule text of your own
// (docs/rules.md).
//
// Custom rule texts are read after the built-in files and share their tables:
// adding a key to a built-in table teaches every built-in rule that uses it.
// Here, a currency the built-in table `currency_zh` lacks (Mongolia's tögrög),
// and a pharmaceutical industry phrase for the investment typer's table
// `investment_trigger` (clinical trial spending is R&D).
#include <iostream>
#include <string>
#include <string_view>

#include "factx/extractor.h"

namespace {

constexpr std::string_view kCustomRules = R"(
# Chinese currency names: key, then the ISO 4217 code.
table currency_zh
  图格里克      MNT
  蒙古图格里克  MNT

# Words that present an amount as an investment, and its kind.
table investment_trigger
  临床试验费用  rnd_spending
)";

}  // namespace

int main() {
  factx::ExtractorOptions
      extractor_options;  // builtin_rules = true: extend, not replace
  extractor_options.extra_rules.emplace_back(kCustomRules);
  factx::Result<factx::Extractor> extractor =
      factx::Extractor::Create(extractor_options);
  if (!extractor.ok()) {
    // kRuleSyntax names the text ("custom-rules-1"), the line and what is
    // wrong.
    std::cerr << extractor.status().ToString() << '\n';
    return 1;
  }

  const std::string_view text =
      "该矿业公司获得5000万图格里克贷款；药企临床试验费用达2.6亿元。";
  factx::Extraction facts;
  if (factx::Status status = extractor->Extract(text, {}, &facts);
      !status.ok()) {
    std::cerr << status.ToString() << '\n';
    return 1;
  }
  for (const factx::Money& m : facts.money) {
    std::cout << "money       " << m.span.Slice(text) << " = "
              << m.amount.ToString() << ' ' << m.currency_code() << "  (rule "
              << extractor->rule_name(m.rule) << ")\n";
  }
  for (const factx::Investment& i : facts.investments) {
    std::cout << "investment  " << i.span.Slice(text) << " kind "
              << factx::InvestmentKindName(i.kind) << ", trigger "
              << i.trigger.Slice(text) << '\n';
  }
  return 0;
}
