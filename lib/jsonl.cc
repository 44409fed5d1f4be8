// The one place where facts become records of the JSONL contract
// (docs/jsonl.md): the fields of each fact type are listed here and only here.
#include "factx/jsonl.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "text/utf8.h"

namespace factx {
namespace {

// The contract's type names, in the order that breaks ties between facts that
// start at the same byte.
enum class RecordType { kMoney, kInvestment, kPercent, kDate };

std::string_view RecordTypeName(RecordType type) {
  switch (type) {
    case RecordType::kMoney:
      return "money";
    case RecordType::kInvestment:
      return "investment";
    case RecordType::kPercent:
      return "percent";
    case RecordType::kDate:
      return "date";
  }
  return "";
}

// Appends fields to one record.
class FieldWriter {
 public:
  explicit FieldWriter(std::vector<FactField>* fields) : fields_(fields) {}

  void String(std::string_view name, std::string_view value) {
    fields_->push_back({name, FactField::Kind::kString, std::string(value)});
  }
  void Number(std::string_view name, const Decimal& value) {
    fields_->push_back({name, FactField::Kind::kNumber, value.ToString()});
  }
  void Bool(std::string_view name, bool value) {
    fields_->push_back(
        {name, FactField::Kind::kBool, value ? "true" : "false"});
  }
  void Null(std::string_view name) {
    fields_->push_back({name, FactField::Kind::kNull, std::string()});
  }

 private:
  std::vector<FactField>* fields_;
};

// A span of `text` as a string field; spans come from the library, but clamp
// anyway so that a bad one cannot read past the text.
std::string_view SpanText(std::string_view text, Span span) {
  const std::size_t begin = std::min(span.begin, text.size());
  const std::size_t end = std::clamp(span.end, begin, text.size());
  return text.substr(begin, end - begin);
}

void AddQualifierAndRange(Qualifier qualifier, const Decimal& lower,
                          const std::optional<Decimal>& upper,
                          FieldWriter* out) {
  out->String("qualifier", QualifierName(qualifier));
  if (upper.has_value()) {
    out->Number("min", lower);
    out->Number("max", *upper);
  }
}

void AddMoneyFields(const Money& money, FieldWriter* out) {
  out->Number("value", money.amount);
  out->String("amount", money.amount.ToString());
  if (money.currency_code().empty()) {
    out->Null("currency");
  } else {
    out->String("currency", money.currency_code());
  }
  AddQualifierAndRange(money.qualifier, money.amount, money.upper, out);
}

void AddInvestmentFields(std::string_view text, const Investment& investment,
                         FieldWriter* out) {
  AddMoneyFields(investment.money, out);
  out->String("kind", InvestmentKindName(investment.kind));
  out->String("trigger", SpanText(text, investment.trigger));
  if (investment.investor.has_value()) {
    out->String("investor", SpanText(text, *investment.investor));
  }
  if (investment.target.has_value()) {
    out->String("target", SpanText(text, *investment.target));
  }
}

void AddPercentFields(const Percentage& percentage, FieldWriter* out) {
  out->Number("value", percentage.value);
  out->String("unit", PercentUnitName(percentage.unit));
  AddQualifierAndRange(percentage.qualifier, percentage.value, percentage.upper,
                       out);
}

void AddDateFields(const DateExpr& date, FieldWriter* out) {
  if (date.resolved) {
    out->String("value", date.begin.ToIso8601());
    if (date.end.has_value()) out->String("end_value", date.end->ToIso8601());
  }
  out->Bool("relative", date.relative);
  if (date.fiscal) out->Bool("fiscal", true);
  if (date.part != MonthPart::kNone)
    out->String("part", MonthPartName(date.part));
}

// Where a fact is: its list and index, for sorting before the fields are
// written.
struct FactRef {
  RecordType type;
  std::size_t index;
  Span span;
};

void AppendNumber(std::size_t value, std::string* out) {
  out->append(std::to_string(value));
}

void AppendKey(std::string_view key, std::string* out) {
  out->append(", ");
  AppendJsonString(key, out);
  out->append(": ");
}

}  // namespace

std::optional<unsigned> FactKindOfTypeName(std::string_view type) {
  static constexpr struct {
    std::string_view name;
    unsigned bits;
  } kTypeNames[] = {
      {"money", kMoney},
      {"percent", kPercentage},
      {"date", kDate},
      {"investment", kInvestment},
  };
  for (const auto& entry : kTypeNames) {
    if (entry.name == type) return entry.bits;
  }
  return std::nullopt;
}

std::vector<FactRecord> FactRecords(std::string_view text,
                                    const Extractor& extractor,
                                    const Extraction& facts) {
  std::vector<FactRef> refs;
  refs.reserve(facts.size());
  const auto add = [&](RecordType type, const auto& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      refs.push_back({type, i, list[i].span});
    }
  };
  add(RecordType::kMoney, facts.money);
  add(RecordType::kInvestment, facts.investments);
  add(RecordType::kPercent, facts.percentages);
  add(RecordType::kDate, facts.dates);
  std::stable_sort(refs.begin(), refs.end(),
                   [](const FactRef& a, const FactRef& b) {
                     if (a.span.begin != b.span.begin)
                       return a.span.begin < b.span.begin;
                     if (a.type != b.type) return a.type < b.type;
                     return a.span.end < b.span.end;
                   });

  std::vector<FactRecord> records(refs.size());
  std::size_t byte = 0;
  std::size_t code_point = 0;
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const FactRef& ref = refs[i];
    FactRecord& record = records[i];
    record.type = RecordTypeName(ref.type);
    record.span = ref.span;
    record.text = SpanText(text, ref.span);
    const std::size_t begin = record.text.data() - text.data();
    code_point += internal::CountCodePoints(text.substr(byte, begin - byte));
    byte = begin;
    record.start = code_point;
    record.end = code_point + internal::CountCodePoints(record.text);

    FieldWriter out(&record.fields);
    RuleId rule = 0;
    switch (ref.type) {
      case RecordType::kMoney:
        AddMoneyFields(facts.money[ref.index], &out);
        rule = facts.money[ref.index].rule;
        break;
      case RecordType::kInvestment:
        AddInvestmentFields(text, facts.investments[ref.index], &out);
        rule = facts.investments[ref.index].rule;
        break;
      case RecordType::kPercent:
        AddPercentFields(facts.percentages[ref.index], &out);
        rule = facts.percentages[ref.index].rule;
        break;
      case RecordType::kDate:
        AddDateFields(facts.dates[ref.index], &out);
        rule = facts.dates[ref.index].rule;
        break;
    }
    out.String("rule", extractor.rule_name(rule));
  }
  return records;
}

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  while (!text.empty()) {
    const std::size_t valid = internal::FindInvalidUtf8(text);
    for (const char byte : text.substr(0, valid)) {
      const unsigned char c = static_cast<unsigned char>(byte);
      if (c == '"' || c == '\\') {
        out->push_back('\\');
        out->push_back(byte);
      } else if (c >= 0x20) {
        out->push_back(byte);
      } else if (c == '\n') {
        out->append("\\n");
      } else if (c == '\r') {
        out->append("\\r");
      } else if (c == '\t') {
        out->append("\\t");
      } else if (c == '\b') {
        out->append("\\b");
      } else if (c == '\f') {
        out->append("\\f");
      } else {
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
      }
    }
    if (valid == text.size()) break;
    out->append("\\ufffd");  // one ill-formed byte
    text.remove_prefix(valid + 1);
  }
  out->push_back('"');
}

void AppendFactRecordJson(const FactRecord& record, std::string* out) {
  out->append("{\"type\": ");
  AppendJsonString(record.type, out);
  AppendKey("text", out);
  AppendJsonString(record.text, out);
  AppendKey("start", out);
  AppendNumber(record.start, out);
  AppendKey("end", out);
  AppendNumber(record.end, out);
  AppendKey("byte_start", out);
  AppendNumber(record.span.begin, out);
  AppendKey("byte_end", out);
  AppendNumber(record.span.end, out);
  for (const FactField& field : record.fields) {
    AppendKey(field.name, out);
    switch (field.kind) {
      case FactField::Kind::kString:
        AppendJsonString(field.value, out);
        break;
      case FactField::Kind::kNumber:
      case FactField::Kind::kBool:
        out->append(field.value);
        break;
      case FactField::Kind::kNull:
        out->append("null");
        break;
    }
  }
  out->push_back('}');
}

void AppendFactsJson(std::string_view text, const Extractor& extractor,
                     const Extraction& facts, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const FactRecord& record : FactRecords(text, extractor, facts)) {
    if (!first) out->append(", ");
    first = false;
    AppendFactRecordJson(record, out);
  }
  out->push_back(']');
}

void AppendFactsLine(std::string_view id_json, std::string_view text,
                     const Extractor& extractor, const Extraction& facts,
                     std::string* out) {
  out->append("{\"id\": ");
  out->append(id_json);
  out->append(", \"facts\": ");
  AppendFactsJson(text, extractor, facts, out);
  out->push_back('}');
}

void AppendErrorLine(std::string_view id_json, std::string_view message,
                     std::string* out) {
  out->append("{\"id\": ");
  out->append(id_json);
  out->append(", \"error\": ");
  AppendJsonString(message, out);
  out->push_back('}');
}

}  // namespace factx
