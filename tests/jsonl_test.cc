// Tests of factx/jsonl.h: the records of each fact type and their JSON, which
// a standard parser (RapidJSON) reads back.
#include "factx/jsonl.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <string_view>

#include "factx/extractor.h"

namespace factx {
namespace {

TEST(JsonlTest, EscapesStringsForOutput) {
  const struct {
    std::string_view text;
    std::string_view json;
  } kCases[] = {
      {"投资", R"("投资")"},
      {"a\"b\\c", R"("a\"b\\c")"},
      {"\b\f\n\r\t", R"("\b\f\n\r\t")"},
      {std::string_view("x\0y\x1f", 4), R"("x\u0000y\u001f")"},
      {"\xF0\x9F\x9A\x80", "\"\xF0\x9F\x9A\x80\""},  // U+1F680 kept as is
      // Ill-formed bytes: each becomes U+FFFD.
      {"a\xC0\xAF", R"("a\ufffd\ufffd")"},
      {"\xED\xA0\x80", R"("\ufffd\ufffd\ufffd")"},  // an encoded surrogate
      {"\xE6\x8A", R"("\ufffd\ufffd")"},            // a truncated 投
      {"\xFF投", R"("\ufffd投")"},
      {"\xF4\x90\x80\x80", R"("\ufffd\ufffd\ufffd\ufffd")"},  // > U+10FFFF
      {"\x7F/", "\"\x7F/\""},
      {"", R"("")"},
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendJsonString(c.text, &out);
    EXPECT_EQ(out, c.json);
    rapidjson::Document read_back;
    read_back.Parse<rapidjson::kParseValidateEncodingFlag>(out.data(),
                                                           out.size());
    EXPECT_FALSE(read_back.HasParseError()) << out;
  }
}

// The records and the JSON line of one text.
struct Written {
  std::vector<FactRecord> records;
  rapidjson::Document line;
};

Written Write(std::string_view text) {
  static const Result<Extractor> extractor = Extractor::Create();
  EXPECT_TRUE(extractor.ok());
  ExtractOptions options;
  options.reference_date = CivilDate{2020, 5, 6};
  Extraction facts;
  EXPECT_TRUE(extractor->Extract(text, options, &facts).ok()) << text;
  Written written;
  written.records = FactRecords(text, *extractor, facts);
  std::string json;
  AppendFactsLine("\"d\"", text, *extractor, facts, &json);
  written.line.Parse<rapidjson::kParseValidateEncodingFlag |
                     rapidjson::kParseFullPrecisionFlag>(json.data(),
                                                         json.size());
  EXPECT_FALSE(written.line.HasParseError()) << json;
  return written;
}

std::string FieldText(const FactRecord& record, std::string_view name) {
  for (const FactField& field : record.fields) {
    if (field.name == name) return field.value;
  }
  return "(absent)";
}

TEST(JsonlTest, RecordsEachFactTypeWithItsFields) {
  const Written w = Write("项目总投资超800亿元，今年1月至4月同比增长3%至5%。");
  ASSERT_EQ(w.records.size(), 4u);
  // Sorted by byte_start; money before investment at the same place.
  EXPECT_EQ(w.records[0].type, "money");
  EXPECT_EQ(w.records[0].text, "超800亿元");
  EXPECT_EQ(FieldText(w.records[0], "value"), "80000000000");
  EXPECT_EQ(FieldText(w.records[0], "currency"), "CNY");
  EXPECT_EQ(FieldText(w.records[0], "qualifier"), "over");
  EXPECT_EQ(w.records[1].type, "investment");
  EXPECT_EQ(FieldText(w.records[1], "kind"), "total_investment");
  EXPECT_EQ(FieldText(w.records[1], "trigger"), "总投资");
  EXPECT_EQ(w.records[2].type, "date");
  EXPECT_EQ(FieldText(w.records[2], "value"), "2020-01");
  EXPECT_EQ(FieldText(w.records[2], "end_value"), "2020-04");
  EXPECT_EQ(FieldText(w.records[2], "relative"), "true");
  EXPECT_EQ(w.records[3].type, "percent");
  EXPECT_EQ(FieldText(w.records[3], "min"), "3");
  EXPECT_EQ(FieldText(w.records[3], "max"), "5");
  EXPECT_EQ(FieldText(w.records[3], "unit"), "%");
  // Near misses: a field another type has is absent.
  EXPECT_EQ(FieldText(w.records[0], "unit"), "(absent)");
  EXPECT_EQ(FieldText(w.records[2], "currency"), "(absent)");
  for (const FactRecord& record : w.records) {
    EXPECT_EQ(record.fields.back().name, "rule");
    EXPECT_FALSE(record.fields.back().value.empty());
  }
}

TEST(JsonlTest, CodePointOffsetsCountAstralCharactersOnce) {
  // U+1F680 is one code point of four bytes; １２ are full-width digits.
  const std::string text = "\xF0\x9F\x9A\x80 增长１２%";
  const Written w = Write(text);
  ASSERT_EQ(w.records.size(), 1u);
  EXPECT_EQ(w.records[0].text, "１２%");
  EXPECT_EQ(w.records[0].start, 4u);
  EXPECT_EQ(w.records[0].end, 7u);
  EXPECT_EQ(w.records[0].span.begin, 11u);
  const rapidjson::Value& fact = w.line["facts"][0];
  EXPECT_EQ(fact["start"].GetUint64(), 4u);
  EXPECT_EQ(fact["byte_start"].GetUint64(), 11u);
  EXPECT_EQ(fact["value"].GetDouble(), 12.0);
}

TEST(JsonlTest, LineHoldsTheFieldsOfTheRecords) {
  const Written w = Write("约3000万美元，北京2019年");
  const rapidjson::Value& facts = w.line["facts"];
  ASSERT_EQ(facts.Size(), w.records.size());
  for (rapidjson::SizeType i = 0; i < facts.Size(); ++i) {
    const FactRecord& record = w.records[i];
    EXPECT_EQ(facts[i]["type"].GetString(), record.type);
    EXPECT_EQ(facts[i]["text"].GetString(), record.text);
    for (const FactField& field : record.fields) {
      const std::string name(field.name);
      ASSERT_TRUE(facts[i].HasMember(name.c_str())) << name;
      const rapidjson::Value& value = facts[i][name.c_str()];
      switch (field.kind) {
        case FactField::Kind::kString:
          EXPECT_EQ(value.GetString(), field.value);
          break;
        case FactField::Kind::kNumber:
          EXPECT_TRUE(value.IsNumber()) << name;
          break;
        case FactField::Kind::kBool:
          EXPECT_EQ(value.GetBool(), field.value == "true");
          break;
        case FactField::Kind::kNull:
          EXPECT_TRUE(value.IsNull());
          break;
      }
    }
  }
  EXPECT_EQ(std::string(w.line["id"].GetString()), "d");
}

TEST(JsonlTest, ErrorLineEscapesTheMessage) {
  std::string out;
  AppendErrorLine("null", "bad \"x\" \xFF", &out);
  EXPECT_EQ(out, R"({"id": null, "error": "bad \"x\" \ufffd"})");
}

TEST(JsonlTest, FactKindOfTypeNameKnowsTheContractsTypes) {
  EXPECT_EQ(FactKindOfTypeName("money"), std::optional<unsigned>(kMoney));
  EXPECT_EQ(FactKindOfTypeName("percent"),
            std::optional<unsigned>(kPercentage));
  EXPECT_EQ(FactKindOfTypeName("date"), std::optional<unsigned>(kDate));
  EXPECT_EQ(FactKindOfTypeName("investment"),
            std::optional<unsigned>(kInvestment));
  // Near misses: the C++ names, other case, plurals, empty.
  for (const char* other : {"percentage", "Money", "dates", ""}) {
    EXPECT_EQ(FactKindOfTypeName(other), std::nullopt) << other;
  }
}

}  // namespace
}  // namespace factx
