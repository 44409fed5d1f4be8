// The C API of factx/factx.h over the C++ API of factx/extractor.h.
//
// A result keeps the C++ `Extraction` and, per fact, an entry in text order
// with the strings the accessors hand out (decimal values, ISO dates) written
// into one buffer, so that a reused result stops allocating once warm. Every
// function is noexcept: nothing may unwind into C.
#include <algorithm>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factx/extractor.h"
#include "factx/facts.h"
#include "factx/factx.h"
#include "factx/jsonl.h"
#include "factx/status.h"
#include "factx/version.h"

// The C values are the C++ ones, so conversions are casts.
static_assert(FACTX_OK == static_cast<int>(factx::StatusCode::kOk));
static_assert(FACTX_INVALID_ARGUMENT ==
              static_cast<int>(factx::StatusCode::kInvalidArgument));
static_assert(FACTX_INVALID_UTF8 ==
              static_cast<int>(factx::StatusCode::kInvalidUtf8));
static_assert(FACTX_RULE_SYNTAX ==
              static_cast<int>(factx::StatusCode::kRuleSyntax));
static_assert(FACTX_RESOURCE_EXHAUSTED ==
              static_cast<int>(factx::StatusCode::kResourceExhausted));
static_assert(FACTX_INTERNAL == static_cast<int>(factx::StatusCode::kInternal));
static_assert(static_cast<unsigned>(FACTX_KIND_MONEY) == factx::kMoney);
static_assert(static_cast<unsigned>(FACTX_KIND_PERCENTAGE) ==
              factx::kPercentage);
static_assert(static_cast<unsigned>(FACTX_KIND_DATE) == factx::kDate);
static_assert(static_cast<unsigned>(FACTX_KIND_INVESTMENT) ==
              factx::kInvestment);
static_assert(static_cast<unsigned>(FACTX_ALL_KINDS) == factx::kAllFacts);
static_assert(FACTX_QUALIFIER_EXACT ==
              static_cast<int>(factx::Qualifier::kExact));
static_assert(FACTX_QUALIFIER_RANGE ==
              static_cast<int>(factx::Qualifier::kRange));
static_assert(FACTX_PERCENT_UNIT_POINT ==
              static_cast<int>(factx::PercentUnit::kPercentagePoint));
static_assert(FACTX_INVESTMENT_TOTAL ==
              static_cast<int>(factx::InvestmentKind::kTotalInvestment));
static_assert(FACTX_INVESTMENT_RND ==
              static_cast<int>(factx::InvestmentKind::kRndSpending));
static_assert(FACTX_INVESTMENT_ACQUISITION ==
              static_cast<int>(factx::InvestmentKind::kAcquisition));

struct factx_extractor {
  factx::Extractor extractor;
  // NUL-terminated copies, for factx_extractor_rule_name.
  std::vector<std::string> rule_names;
};

namespace {

constexpr std::size_t kNoString = std::numeric_limits<std::size_t>::max();

// One fact of a result, in text order.
struct FactEntry {
  factx_kind kind = FACTX_KIND_NONE;
  std::size_t begin = 0;    // span begin, the sort key
  std::uint32_t index = 0;  // in the Extraction list of its kind
  // Offsets into factx_result::strings, or kNoString.
  std::size_t value = kNoString;
  std::size_t upper = kNoString;
  std::size_t date_begin = kNoString;
  std::size_t date_end = kNoString;
};

}  // namespace

struct factx_result {
  factx::Extraction extraction;
  std::vector<FactEntry> facts;
  // NUL-separated strings; entries hold offsets, since appending may move it.
  std::string strings;
  // The last factx_result_json, kept for the caller.
  mutable std::string json;

  void Clear() {
    extraction.Clear();
    facts.clear();
    strings.clear();
  }
};

namespace {

// Writes `code` and `message` into *error (if any), cutting the message on a
// code point boundary, and returns `code`.
factx_status Report(factx_error* error, factx_status code,
                    std::string_view message) {
  if (error == nullptr) return code;
  error->code = code;
  std::size_t size = message.size();
  if (size >= FACTX_ERROR_MESSAGE_SIZE) {
    size = FACTX_ERROR_MESSAGE_SIZE - 1;
    // Step back off UTF-8 continuation bytes (10xxxxxx) to a lead byte.
    while (size > 0 &&
           (static_cast<unsigned char>(message[size]) & 0xC0) == 0x80) {
      --size;
    }
  }
  std::memcpy(error->message, message.data(), size);
  error->message[size] = '\0';
  return code;
}

factx_status Report(factx_error* error, const factx::Status& status) {
  return Report(error, static_cast<factx_status>(status.code()),
                status.message());
}

factx_status WrapExtractor(factx::Result<factx::Extractor> built,
                           factx_extractor** out, factx_error* error) {
  if (!built.ok()) return Report(error, built.status());
  auto* handle =
      new (std::nothrow) factx_extractor{std::move(built).value(), {}};
  if (handle == nullptr) {
    return Report(error, FACTX_INTERNAL, "out of memory");
  }
  const std::size_t count = handle->extractor.rule_count();
  handle->rule_names.reserve(count);
  for (std::size_t id = 0; id < count; ++id) {
    handle->rule_names.emplace_back(
        handle->extractor.rule_name(static_cast<factx::RuleId>(id)));
  }
  *out = handle;
  return Report(error, FACTX_OK, "");
}

std::size_t AddString(std::string_view text, std::string* strings) {
  const std::size_t offset = strings->size();
  strings->append(text);
  strings->push_back('\0');
  return offset;
}

std::size_t AddDecimal(const factx::Decimal& value, std::string* strings) {
  return AddString(value.ToString(), strings);
}

// Lists the facts of result->extraction in text order, with their strings.
void IndexFacts(factx_result* result) {
  const factx::Extraction& facts = result->extraction;
  std::vector<FactEntry>& entries = result->facts;
  std::string& strings = result->strings;
  entries.clear();
  strings.clear();
  for (std::size_t i = 0; i < facts.money.size(); ++i) {
    const factx::Money& money = facts.money[i];
    FactEntry entry{FACTX_KIND_MONEY, money.span.begin,
                    static_cast<std::uint32_t>(i)};
    entry.value = AddDecimal(money.amount, &strings);
    if (money.upper) entry.upper = AddDecimal(*money.upper, &strings);
    entries.push_back(entry);
  }
  for (std::size_t i = 0; i < facts.investments.size(); ++i) {
    const factx::Investment& investment = facts.investments[i];
    FactEntry entry{FACTX_KIND_INVESTMENT, investment.span.begin,
                    static_cast<std::uint32_t>(i)};
    entry.value = AddDecimal(investment.money.amount, &strings);
    if (investment.money.upper) {
      entry.upper = AddDecimal(*investment.money.upper, &strings);
    }
    entries.push_back(entry);
  }
  for (std::size_t i = 0; i < facts.percentages.size(); ++i) {
    const factx::Percentage& percentage = facts.percentages[i];
    FactEntry entry{FACTX_KIND_PERCENTAGE, percentage.span.begin,
                    static_cast<std::uint32_t>(i)};
    entry.value = AddDecimal(percentage.value, &strings);
    if (percentage.upper) entry.upper = AddDecimal(*percentage.upper, &strings);
    entries.push_back(entry);
  }
  for (std::size_t i = 0; i < facts.dates.size(); ++i) {
    const factx::DateExpr& date = facts.dates[i];
    FactEntry entry{FACTX_KIND_DATE, date.span.begin,
                    static_cast<std::uint32_t>(i)};
    entry.date_begin = AddString(date.begin.ToIso8601(), &strings);
    if (date.end) entry.date_end = AddString(date.end->ToIso8601(), &strings);
    entries.push_back(entry);
  }
  // Stable: equal begins keep the order money, investment, percentage, date,
  // the order of the JSONL contract (factx/jsonl.h).
  std::stable_sort(
      entries.begin(), entries.end(),
      [](const FactEntry& a, const FactEntry& b) { return a.begin < b.begin; });
}

const FactEntry* EntryAt(const factx_result* result, std::size_t i) {
  if (result == nullptr || i >= result->facts.size()) return nullptr;
  return &result->facts[i];
}

const char* StringAt(const factx_result* result, std::size_t offset) {
  return offset == kNoString ? nullptr : result->strings.c_str() + offset;
}

// The money of a money or investment fact; nullptr otherwise.
const factx::Money* MoneyAt(const factx_result* result, std::size_t i) {
  const FactEntry* entry = EntryAt(result, i);
  if (entry == nullptr) return nullptr;
  if (entry->kind == FACTX_KIND_MONEY) {
    return &result->extraction.money[entry->index];
  }
  if (entry->kind == FACTX_KIND_INVESTMENT) {
    return &result->extraction.investments[entry->index].money;
  }
  return nullptr;
}

const factx::Percentage* PercentageAt(const factx_result* result,
                                      std::size_t i) {
  const FactEntry* entry = EntryAt(result, i);
  if (entry == nullptr || entry->kind != FACTX_KIND_PERCENTAGE) return nullptr;
  return &result->extraction.percentages[entry->index];
}

const factx::DateExpr* DateAt(const factx_result* result, std::size_t i) {
  const FactEntry* entry = EntryAt(result, i);
  if (entry == nullptr || entry->kind != FACTX_KIND_DATE) return nullptr;
  return &result->extraction.dates[entry->index];
}

const factx::Investment* InvestmentAt(const factx_result* result,
                                      std::size_t i) {
  const FactEntry* entry = EntryAt(result, i);
  if (entry == nullptr || entry->kind != FACTX_KIND_INVESTMENT) return nullptr;
  return &result->extraction.investments[entry->index];
}

factx_span ToC(const factx::Span& span) { return {span.begin, span.end}; }

}  // namespace

extern "C" {

const char* factx_status_name(int status) noexcept {
  switch (status) {
    case FACTX_OK:
      return "OK";
    case FACTX_INVALID_ARGUMENT:
      return "InvalidArgument";
    case FACTX_INVALID_UTF8:
      return "InvalidUtf8";
    case FACTX_RULE_SYNTAX:
      return "RuleSyntax";
    case FACTX_RESOURCE_EXHAUSTED:
      return "ResourceExhausted";
    case FACTX_INTERNAL:
      return "Internal";
  }
  return "Unknown";
}

const char* factx_version(void) noexcept { return FACTX_VERSION_STRING; }

factx_status factx_extractor_create(const char* const* extra_rules,
                                    size_t extra_rule_count,
                                    factx_extractor** out,
                                    factx_error* error) noexcept {
  if (out == nullptr) {
    return Report(error, FACTX_INVALID_ARGUMENT,
                  "factx_extractor_create: out must not be NULL");
  }
  *out = nullptr;
  if (extra_rules == nullptr && extra_rule_count != 0) {
    return Report(error, FACTX_INVALID_ARGUMENT,
                  "factx_extractor_create: extra_rules is NULL but "
                  "extra_rule_count is not 0");
  }
  factx::ExtractorOptions options;
  for (std::size_t i = 0; i < extra_rule_count; ++i) {
    if (extra_rules[i] == nullptr) {
      return Report(error, FACTX_INVALID_ARGUMENT,
                    "factx_extractor_create: extra_rules[" + std::to_string(i) +
                        "] is NULL");
    }
    options.extra_rules.emplace_back(extra_rules[i]);
  }
  return WrapExtractor(factx::Extractor::Create(options), out, error);
}

factx_status factx_extractor_create_from_rules(const char* rule_text,
                                               factx_extractor** out,
                                               factx_error* error) noexcept {
  if (out == nullptr) {
    return Report(error, FACTX_INVALID_ARGUMENT,
                  "factx_extractor_create_from_rules: out must not be NULL");
  }
  *out = nullptr;
  if (rule_text == nullptr) {
    return Report(error, FACTX_INVALID_ARGUMENT,
                  "factx_extractor_create_from_rules: rule_text is NULL");
  }
  return WrapExtractor(factx::Extractor::FromRules(rule_text), out, error);
}

void factx_extractor_destroy(factx_extractor* extractor) noexcept {
  delete extractor;
}

size_t factx_extractor_rule_count(const factx_extractor* extractor) noexcept {
  return extractor == nullptr ? 0 : extractor->rule_names.size();
}

const char* factx_extractor_rule_name(const factx_extractor* extractor,
                                      uint32_t rule) noexcept {
  if (extractor == nullptr || rule >= extractor->rule_names.size()) return "";
  return extractor->rule_names[rule].c_str();
}

factx_result* factx_result_create(void) noexcept {
  return new (std::nothrow) factx_result();
}

void factx_result_destroy(factx_result* result) noexcept { delete result; }

factx_status factx_extract(const factx_extractor* extractor, const char* text,
                           size_t size, const factx_extract_options* options,
                           factx_result* result, factx_error* error) noexcept {
  if (result != nullptr) result->Clear();
  if (extractor == nullptr || result == nullptr) {
    return Report(error, FACTX_INVALID_ARGUMENT,
                  "factx_extract: extractor and result must not be NULL");
  }
  if (text == nullptr && size != 0) {
    return Report(
        error, FACTX_INVALID_ARGUMENT,
        "factx_extract: text is NULL but size is " + std::to_string(size));
  }
  factx::ExtractOptions cpp_options;
  if (options != nullptr) {
    if ((options->kinds & ~static_cast<unsigned>(FACTX_ALL_KINDS)) != 0) {
      return Report(error, FACTX_INVALID_ARGUMENT,
                    "factx_extract: unknown bits in kinds: " +
                        std::to_string(options->kinds));
    }
    if (options->kinds != 0) cpp_options.kinds = options->kinds;
    if (options->reference_date != nullptr) {
      factx::Result<factx::CivilDate> date =
          factx::CivilDate::Parse(options->reference_date);
      if (!date.ok()) return Report(error, date.status());
      cpp_options.reference_date = *date;
    }
    if (options->date_policy < FACTX_DATE_POLICY_NEWS ||
        options->date_policy > FACTX_DATE_POLICY_FUTURE) {
      return Report(error, FACTX_INVALID_ARGUMENT,
                    "factx_extract: unknown date_policy " +
                        std::to_string(options->date_policy));
    }
    cpp_options.date_policy =
        static_cast<factx::DatePolicy>(options->date_policy);
    cpp_options.replace_invalid_utf8 = options->replace_invalid_utf8 != 0;
    if (options->max_input_bytes != 0) {
      cpp_options.max_input_bytes = options->max_input_bytes;
    }
    if (options->max_facts != 0) cpp_options.max_facts = options->max_facts;
    if (options->languages != nullptr) {
      factx::Result<unsigned> languages =
          factx::ParseLanguages(options->languages);
      if (!languages.ok()) return Report(error, languages.status());
      cpp_options.languages = *languages;
    }
  }
  const factx::Status status = extractor->extractor.Extract(
      std::string_view(text == nullptr ? "" : text, size), cpp_options,
      &result->extraction);
  if (status.ok() || status.code() == factx::StatusCode::kResourceExhausted) {
    IndexFacts(result);
  } else {
    result->Clear();
  }
  return Report(error, status);
}

const char* factx_result_json(const factx_extractor* extractor,
                              const factx_result* result, const char* text,
                              size_t size) noexcept {
  if (extractor == nullptr || result == nullptr ||
      (text == nullptr && size != 0)) {
    return nullptr;
  }
  result->json.clear();
  factx::AppendFactsJson(std::string_view(text == nullptr ? "" : text, size),
                         extractor->extractor, result->extraction,
                         &result->json);
  return result->json.c_str();
}

size_t factx_result_count(const factx_result* result) noexcept {
  return result == nullptr ? 0 : result->facts.size();
}

factx_kind factx_fact_kind(const factx_result* result, size_t i) noexcept {
  const FactEntry* entry = EntryAt(result, i);
  return entry == nullptr ? FACTX_KIND_NONE : entry->kind;
}

factx_span factx_fact_span(const factx_result* result, size_t i) noexcept {
  if (const factx::Investment* investment = InvestmentAt(result, i)) {
    return ToC(investment->span);
  }
  if (const factx::Money* money = MoneyAt(result, i)) return ToC(money->span);
  if (const factx::Percentage* percentage = PercentageAt(result, i)) {
    return ToC(percentage->span);
  }
  if (const factx::DateExpr* date = DateAt(result, i)) return ToC(date->span);
  return {0, 0};
}

uint32_t factx_fact_rule(const factx_result* result, size_t i) noexcept {
  if (const factx::Investment* investment = InvestmentAt(result, i)) {
    return investment->rule;
  }
  if (const factx::Money* money = MoneyAt(result, i)) return money->rule;
  if (const factx::Percentage* percentage = PercentageAt(result, i)) {
    return percentage->rule;
  }
  if (const factx::DateExpr* date = DateAt(result, i)) return date->rule;
  return 0;
}

const char* factx_fact_value(const factx_result* result, size_t i) noexcept {
  const FactEntry* entry = EntryAt(result, i);
  return entry == nullptr ? nullptr : StringAt(result, entry->value);
}

double factx_fact_value_double(const factx_result* result, size_t i) noexcept {
  if (const factx::Money* money = MoneyAt(result, i)) {
    return money->amount.ToDouble();
  }
  if (const factx::Percentage* percentage = PercentageAt(result, i)) {
    return percentage->value.ToDouble();
  }
  return std::numeric_limits<double>::quiet_NaN();
}

const char* factx_fact_upper(const factx_result* result, size_t i) noexcept {
  const FactEntry* entry = EntryAt(result, i);
  return entry == nullptr ? nullptr : StringAt(result, entry->upper);
}

double factx_fact_upper_double(const factx_result* result, size_t i) noexcept {
  if (const factx::Money* money = MoneyAt(result, i)) {
    if (money->upper) return money->upper->ToDouble();
  } else if (const factx::Percentage* percentage = PercentageAt(result, i)) {
    if (percentage->upper) return percentage->upper->ToDouble();
  }
  return std::numeric_limits<double>::quiet_NaN();
}

const char* factx_fact_currency(const factx_result* result, size_t i) noexcept {
  const factx::Money* money = MoneyAt(result, i);
  return money == nullptr ? nullptr : money->currency;
}

factx_qualifier factx_fact_qualifier(const factx_result* result,
                                     size_t i) noexcept {
  if (const factx::Money* money = MoneyAt(result, i)) {
    return static_cast<factx_qualifier>(money->qualifier);
  }
  if (const factx::Percentage* percentage = PercentageAt(result, i)) {
    return static_cast<factx_qualifier>(percentage->qualifier);
  }
  return FACTX_QUALIFIER_NONE;
}

factx_percent_unit factx_fact_unit(const factx_result* result,
                                   size_t i) noexcept {
  const factx::Percentage* percentage = PercentageAt(result, i);
  return percentage == nullptr
             ? FACTX_PERCENT_UNIT_NONE
             : static_cast<factx_percent_unit>(percentage->unit);
}

const char* factx_fact_date_begin(const factx_result* result,
                                  size_t i) noexcept {
  const FactEntry* entry = EntryAt(result, i);
  return entry == nullptr ? nullptr : StringAt(result, entry->date_begin);
}

const char* factx_fact_date_end(const factx_result* result, size_t i) noexcept {
  const FactEntry* entry = EntryAt(result, i);
  return entry == nullptr ? nullptr : StringAt(result, entry->date_end);
}

int factx_fact_date_relative(const factx_result* result, size_t i) noexcept {
  const factx::DateExpr* date = DateAt(result, i);
  return date != nullptr && date->relative ? 1 : 0;
}

int factx_fact_date_resolved(const factx_result* result, size_t i) noexcept {
  const factx::DateExpr* date = DateAt(result, i);
  return date != nullptr && date->resolved ? 1 : 0;
}

int factx_fact_date_fiscal(const factx_result* result, size_t i) noexcept {
  const factx::DateExpr* date = DateAt(result, i);
  return date != nullptr && date->fiscal ? 1 : 0;
}

const char* factx_fact_date_part(const factx_result* result,
                                 size_t i) noexcept {
  const factx::DateExpr* date = DateAt(result, i);
  if (date == nullptr || date->part == factx::MonthPart::kNone) return nullptr;
  return factx::MonthPartName(date->part).data();  // a string literal
}

factx_investment_kind factx_fact_investment_kind(const factx_result* result,
                                                 size_t i) noexcept {
  const factx::Investment* investment = InvestmentAt(result, i);
  return investment == nullptr
             ? FACTX_INVESTMENT_NONE
             : static_cast<factx_investment_kind>(investment->kind);
}

factx_span factx_fact_trigger(const factx_result* result, size_t i) noexcept {
  const factx::Investment* investment = InvestmentAt(result, i);
  return investment == nullptr ? factx_span{0, 0} : ToC(investment->trigger);
}

factx_span factx_fact_investor(const factx_result* result, size_t i) noexcept {
  const factx::Investment* investment = InvestmentAt(result, i);
  return investment == nullptr || !investment->investor
             ? factx_span{0, 0}
             : ToC(*investment->investor);
}

factx_span factx_fact_target(const factx_result* result, size_t i) noexcept {
  const factx::Investment* investment = InvestmentAt(result, i);
  return investment == nullptr || !investment->target
             ? factx_span{0, 0}
             : ToC(*investment->target);
}

const char* factx_kind_name(int kind) noexcept {
  switch (kind) {
    case FACTX_KIND_MONEY:
      return "money";
    case FACTX_KIND_PERCENTAGE:
      return "percentage";
    case FACTX_KIND_DATE:
      return "date";
    case FACTX_KIND_INVESTMENT:
      return "investment";
  }
  return "";
}

const char* factx_qualifier_name(int qualifier) noexcept {
  switch (qualifier) {
    case FACTX_QUALIFIER_EXACT:
      return "exact";
    case FACTX_QUALIFIER_APPROX:
      return "approx";
    case FACTX_QUALIFIER_OVER:
      return "over";
    case FACTX_QUALIFIER_UNDER:
      return "under";
    case FACTX_QUALIFIER_RANGE:
      return "range";
  }
  return "";
}

const char* factx_percent_unit_name(int unit) noexcept {
  switch (unit) {
    case FACTX_PERCENT_UNIT_PERCENT:
      return "%";
    case FACTX_PERCENT_UNIT_POINT:
      return "pp";
  }
  return "";
}

const char* factx_investment_kind_name(int kind) noexcept {
  switch (kind) {
    case FACTX_INVESTMENT_TOTAL:
      return "total_investment";
    case FACTX_INVESTMENT_INVESTMENT:
      return "investment";
    case FACTX_INVESTMENT_FINANCING:
      return "financing";
    case FACTX_INVESTMENT_FUND:
      return "fund";
    case FACTX_INVESTMENT_CREDIT_LINE:
      return "credit_line";
    case FACTX_INVESTMENT_RND:
      return "rnd_spending";
    case FACTX_INVESTMENT_ACQUISITION:
      return "acquisition";
  }
  return "";
}

}  // extern "C"
