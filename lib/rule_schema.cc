#include "rule_schema.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "dates/date_parse.h"
#include "facts/investment_typer.h"
#include "facts/money_builder.h"
#include "facts/percent_builder.h"
#include "facts/table_qualifier.h"
#include "factx/facts.h"

namespace factx::internal {
namespace {

// What a table's values may be.
enum class Values {
  kFree,            // labels the code does not read (investment_blocker, ...)
  kNone,            // a set of keys: no value at all
  kCurrency,        // an ISO 4217 code: three ASCII capitals
  kQualifier,       // approx, over, under, exact
  kInvestmentKind,  // facts.h InvestmentKindName: total_investment, ...
  kFiller,          // filler, or attributive (more may follow)
  kPercentSign,     // percent, permille, permyriad, pp, bp
  kNumber,          // a decimal number: 0.01, 1000000
  kInteger,         // an integer, maybe signed: 3, -1
  kDateUnit,        // decade, year, half, quarter, month, week, day
  kDateWindow,      // past, future, previous, next, front, first, last, nth
  kTense,           // past, future
};

struct TableSchema {
  std::string_view name;
  Values values;
};

// The tables the code reads, by name. Date tables are named date_zh_X and
// date_en_X for the X of kDateTables (date_parse.cc, date_tense.cc); the
// investment typer's tables are its own (FindInvestmentTable).
constexpr TableSchema kTables[] = {
    {"currency_symbol", Values::kCurrency},
    {"currency_zh", Values::kCurrency},
    {"currency_zh_colloquial", Values::kCurrency},
    {"currency_zh_hk_spoken", Values::kCurrency},
    {"currency_zh_counted_after_name", Values::kNone},
    {"currency_zh_implied", Values::kCurrency},
    {"currency_code", Values::kCurrency},
    {"currency_code_upper", Values::kCurrency},
    {"currency_en", Values::kCurrency},
    {"currency_in_chinese_text", Values::kCurrency},
    {"dollar_prefix", Values::kCurrency},
    {"money_minor_currency", Values::kCurrency},
    {"money_minor_spoken", Values::kCurrency},
    {"currency_generic", Values::kNone},
    {"currency_zh_bare", Values::kNone},
    {"currency_zh_bare_follows", Values::kCurrency},
    {"currency_zh_bare_mainland", Values::kNone},
    {"money_minor_unit", Values::kNumber},
    {"money_scale", Values::kNumber},
    {"qualifier_prefix_zh", Values::kQualifier},
    {"qualifier_suffix_zh", Values::kQualifier},
    {"qualifier_infix_zh", Values::kQualifier},
    {"qualifier_round_zh", Values::kQualifier},
    {"qualifier_prefix_en", Values::kQualifier},
    {"qualifier_suffix_en", Values::kQualifier},
    {"percent_qualifier_prefix", Values::kQualifier},
    {"percent_share_qualifier", Values::kQualifier},
    {"percent_sign", Values::kPercentSign},
};

constexpr TableSchema kDateTables[] = {
    {"year_offset", Values::kInteger},
    {"year_far", Values::kInteger},
    {"year_anaphora", Values::kInteger},
    {"era", Values::kInteger},
    {"month_name", Values::kInteger},
    {"month_offset", Values::kInteger},
    {"month_anaphora", Values::kInteger},
    {"year_edge", Values::kInteger},
    {"month_direction", Values::kInteger},
    {"number_word", Values::kInteger},
    {"quarter_offset", Values::kInteger},
    {"half", Values::kInteger},
    {"half_offset", Values::kInteger},
    {"season", Values::kInteger},
    {"ten_days", Values::kInteger},
    {"day_offset", Values::kInteger},
    {"day_anaphora", Values::kInteger},
    {"week_offset", Values::kInteger},
    {"weekday", Values::kInteger},
    {"weekday_ordinal", Values::kInteger},
    {"century_offset", Values::kInteger},
    {"lunar_day", Values::kInteger},
    {"lunar_month", Values::kInteger},
    {"same_period", Values::kInteger},
    {"prior_year", Values::kInteger},
    {"five_year_plan", Values::kInteger},
    {"unit", Values::kDateUnit},
    {"unit_short", Values::kDateUnit},
    {"window", Values::kDateWindow},
    {"tense", Values::kTense},
    {"not_tense", Values::kNone},
    {"participle_lead", Values::kNone},
};

constexpr std::string_view kDatePrefixes[] = {"date_zh_", "date_en_"};

// The values of a table the code reads; false for a table it does not read.
bool FindTable(std::string_view name, Values* values) {
  for (const TableSchema& table : kTables) {
    if (table.name == name) {
      *values = table.values;
      return true;
    }
  }
  for (std::string_view prefix : kDatePrefixes) {
    if (name.substr(0, prefix.size()) != prefix) continue;
    for (const TableSchema& table : kDateTables) {
      if (table.name == name.substr(prefix.size())) {
        *values = table.values;
        return true;
      }
    }
  }
  InvestmentTableValues investment;
  if (FindInvestmentTable(name, &investment)) {
    switch (investment) {
      case InvestmentTableValues::kKinds:
        *values = Values::kInvestmentKind;
        break;
      case InvestmentTableValues::kFiller:
        *values = Values::kFiller;
        break;
      case InvestmentTableValues::kLabels:
        *values = Values::kFree;
        break;
    }
    return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// An integer of at most six digits, maybe negative (-1, 1991).
bool IsInteger(std::string_view value) {
  if (!value.empty() && value[0] == '-') value.remove_prefix(1);
  return value.size() <= 6 && IsDigits(value);
}

// Digits, maybe with one point between them (1000000, 0.01).
bool IsNumber(std::string_view value) {
  const std::size_t point = value.find('.');
  if (point == std::string_view::npos) return IsDigits(value);
  return IsDigits(value.substr(0, point)) && IsDigits(value.substr(point + 1));
}

bool OneOf(std::string_view value,
           std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), value) != words.end();
}

// "" when `value` fits, else what it should have been.
std::string_view Expected(Values values, std::string_view value) {
  switch (values) {
    case Values::kFree:
      return {};
    case Values::kNone:
      return value.empty() ? "" : "no value (a set of keys)";
    case Values::kCurrency:
      // Nothing: a currency without an ISO 4217 code (BTC), reported as
      // money of unknown currency.
      return value.empty() ||
                     (value.size() == 3 &&
                      std::all_of(value.begin(), value.end(),
                                  [](char c) { return c >= 'A' && c <= 'Z'; }))
                 ? ""
                 : "a currency code of three ASCII capitals (USD), or nothing";
    case Values::kQualifier:
      return ParseTableQualifier(value).has_value()
                 ? ""
                 : "a qualifier: approx, over, under or exact";
    case Values::kInvestmentKind: {
      InvestmentKind kind;
      return ParseInvestmentKind(value, &kind)
                 ? ""
                 : "an investment kind: total_investment, investment, "
                   "financing, fund, credit_line, rnd_spending or acquisition";
    }
    case Values::kFiller:
      return OneOf(value, {"filler", "attributive"}) ? ""
                                                     : "filler or attributive";
    case Values::kPercentSign:
      return OneOf(value, {"percent", "permille", "permyriad", "pp", "bp"})
                 ? ""
                 : "a sign: percent, permille, permyriad, pp or bp";
    case Values::kNumber:
      return IsNumber(value) ? "" : "a decimal number (0.01)";
    case Values::kInteger:
      return IsInteger(value) ? "" : "an integer (-1)";
    case Values::kDateUnit:
      return OneOf(value, {"decade", "year", "half", "quarter", "month", "week",
                           "day"})
                 ? ""
                 : "a unit: decade, year, half, quarter, month, week or day";
    case Values::kDateWindow:
      return OneOf(value, {"past", "future", "previous", "next", "front",
                           "first", "last", "nth"})
                 ? ""
                 : "a window: past, future, previous, next, front, first, "
                   "last or nth";
    case Values::kTense:
      return OneOf(value, {"past", "future"}) ? "" : "a tense: past or future";
  }
  return {};
}

bool ReadsCapture(RuleKind kind, std::string_view name) {
  if (name == "fact") return true;
  switch (kind) {
    case RuleKind::kMoney:
      return IsMoneyCaptureName(name);
    case RuleKind::kPercent:
      return IsPercentCaptureName(name);
    case RuleKind::kDate:
      return IsDateCaptureName(name);
    case RuleKind::kBlock:
      return false;
  }
  return false;
}

std::string_view KindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kMoney:
      return "money";
    case RuleKind::kPercent:
      return "percent";
    case RuleKind::kDate:
      return "date";
    case RuleKind::kBlock:
      return "block";
  }
  return "";
}

// Adds the names of the tables `pattern` uses ({@NAME}) to *used.
void AddTableReferences(std::string_view pattern,
                        std::set<std::string, std::less<>>* used) {
  for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '{' || pattern[i + 1] != '@') continue;
    const std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) return;
    used->emplace(pattern.substr(i + 2, close - i - 2));
    i = close;
  }
}

Status Error(const std::string& source, int line, std::string_view what) {
  return Status(StatusCode::kRuleSyntax,
                source + ":" + std::to_string(line) + ": " + std::string(what));
}

}  // namespace

Status CheckRuleSchema(const RuleEngine& engine) {
  std::set<std::string, std::less<>> used_tables;
  for (std::size_t id = 0; id < engine.size(); ++id) {
    const CompiledRule& rule = engine.rule(id);
    const RuleSpec& spec = rule.spec();
    for (const auto& [index, full_name] : rule.capture_names()) {
      if (IsStrictPart(full_name)) continue;  // the engine's (rule_file.h)
      const std::string_view name =
          std::string_view(full_name).substr(0, full_name.find("__"));
      if (!ReadsCapture(spec.kind, name)) {
        return Error(spec.source, spec.line,
                     "rule " + spec.name + ": capture \"" + full_name +
                         "\" is not read by " +
                         std::string(KindName(spec.kind)) +
                         " rules (docs/rules.md, \"Schema\")");
      }
    }
    AddTableReferences(spec.pattern, &used_tables);
    for (const GuardSpec& guard : spec.guards) {
      for (const std::string& arg : guard.args) {
        if (!arg.empty() && arg[0] == '@') used_tables.insert(arg.substr(1));
      }
    }
  }
  for (const auto& [name, table] : engine.rules().tables) {
    Values values = Values::kFree;
    if (!FindTable(name, &values)) {
      if (used_tables.count(name) == 0) {
        return Error(table.source, table.line,
                     "table " + name +
                         ": no rule or guard uses it and the code does not "
                         "read it (a misspelt name?)");
      }
      continue;
    }
    for (const RuleTable::Line& line : table.lines) {
      const std::string_view expected = Expected(values, line.value);
      if (!expected.empty()) {
        return Error(line.source, line.line,
                     "table " + name + ": value \"" + line.value + "\" of \"" +
                         line.key + "\" must be " + std::string(expected));
      }
    }
  }
  return Status();
}

}  // namespace factx::internal
