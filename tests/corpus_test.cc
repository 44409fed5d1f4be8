// The project's own regression corpus: tests/corpus/<kind>.jsonl, news-style
// sentences the project wrote itself, in the gold format of the JSONL contract
// (docs/corpus.md).
//
// For the fact types a document checks ("types", by default the kind its file
// is named after), every gold fact must be found with its exact text and value
// fields, and no other fact of those types may appear. A gold fact marked
// "known_miss" is reported but not required. The test prints precision and
// recall per type, counting known misses honestly.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "factx/extractor.h"
#include "json_lines.h"

namespace factx {
namespace {

using factx_cli::JsonKind;
using factx_cli::JsonObject;
using factx_cli::JsonValue;

// One predicted fact flattened to the fields the gold format uses.
struct Predicted {
  std::string type, text;
  std::map<std::string, std::string> fields;  // value, min, max, currency, ...
};

std::string Str(const Decimal& d) { return d.ToString(); }

void AddMoneyFields(const Money& m, std::map<std::string, std::string>* f) {
  if (m.upper) {
    (*f)["min"] = Str(m.amount);
    (*f)["max"] = Str(*m.upper);
  }
  (*f)["value"] = Str(m.amount);
  (*f)["currency"] = std::string(m.currency_code());
  (*f)["qualifier"] = std::string(QualifierName(m.qualifier));
}

std::vector<Predicted> Predict(const Extractor& extractor,
                               std::string_view text,
                               const ExtractOptions& options) {
  Extraction facts;
  Status status = extractor.Extract(text, options, &facts);
  EXPECT_TRUE(status.ok()) << status.ToString();
  std::vector<Predicted> out;
  for (const Money& m : facts.money) {
    Predicted p{"money", std::string(m.span.Slice(text)), {}};
    AddMoneyFields(m, &p.fields);
    out.push_back(p);
  }
  for (const Percentage& x : facts.percentages) {
    Predicted p{"percent", std::string(x.span.Slice(text)), {}};
    if (x.upper) {
      p.fields["min"] = Str(x.value);
      p.fields["max"] = Str(*x.upper);
    }
    p.fields["value"] = Str(x.value);
    p.fields["unit"] = std::string(PercentUnitName(x.unit));
    p.fields["qualifier"] = std::string(QualifierName(x.qualifier));
    out.push_back(p);
  }
  for (const DateExpr& d : facts.dates) {
    Predicted p{"date", std::string(d.span.Slice(text)), {}};
    if (d.resolved) {
      p.fields["value"] = d.begin.ToIso8601();
      p.fields["end_value"] = d.end ? d.end->ToIso8601() : d.begin.ToIso8601();
    }
    if (d.part != MonthPart::kNone)
      p.fields["part"] = std::string(MonthPartName(d.part));
    p.fields["relative"] = d.relative ? "true" : "false";
    out.push_back(p);
  }
  for (const Investment& i : facts.investments) {
    Predicted p{"investment", std::string(i.span.Slice(text)), {}};
    AddMoneyFields(i.money, &p.fields);
    p.fields["kind"] = std::string(InvestmentKindName(i.kind));
    p.fields["trigger"] = std::string(i.trigger.Slice(text));
    out.push_back(p);
  }
  return out;
}

bool NumbersEqual(const std::string& gold, const std::string& predicted) {
  if (gold == predicted) return true;
  char* end = nullptr;
  const double a = std::strtod(gold.c_str(), &end);
  if (end == gold.c_str() || predicted.empty()) return false;
  const double b = std::strtod(predicted.c_str(), nullptr);
  return std::fabs(a - b) <=
         1e-9 * std::max(std::fabs(a), std::fabs(b)) + 1e-12;
}

// The gold field as text: a string's content, a number's or bool's JSON text.
std::string GoldText(const JsonValue& v) {
  return v.kind == JsonKind::kString ? v.string : std::string(v.raw);
}

// Empty when `p` agrees with every checked field of `gold`; else what differs.
std::string Disagreement(const JsonObject& gold, const Predicted& p) {
  static const std::set<std::string> kNumeric = {"value", "min", "max"};
  static const std::set<std::string> kChecked = {
      "value",     "min",      "max",  "currency", "qualifier", "unit",
      "end_value", "relative", "kind", "trigger",  "part"};
  const std::string type = gold.Find("type")->string;
  std::string diff;
  for (const auto& [key, value] : gold.members) {
    if (!kChecked.count(key)) continue;
    // Dates compare ISO strings, not numbers ("2020" is a year).
    std::string expected = GoldText(value);
    if (value.kind == JsonKind::kNull) expected = "";
    auto found = p.fields.find(key);
    std::string actual = found == p.fields.end() ? "" : found->second;
    const bool same = (kNumeric.count(key) && type != "date")
                          ? NumbersEqual(expected, actual)
                          : expected == actual;
    if (!same)
      diff += " " + key + ": want " + expected + " got " + actual + ";";
  }
  if (type == "date" && !gold.Find("end_value") && gold.Find("value")) {
    // A single point: the prediction must not be a range.
    if (p.fields.count("end_value") &&
        p.fields.at("end_value") != p.fields.at("value")) {
      diff += " end_value: want none got " + p.fields.at("end_value") + ";";
    }
  }
  if (type == "date" && !gold.Find("relative") && p.fields.count("relative") &&
      p.fields.at("relative") == "true") {
    diff += " relative: want false got true;";
  }
  return diff;
}

struct Tally {
  int gold = 0, predicted = 0, correct = 0, known_misses = 0;
};

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  if (DIR* dir = opendir(FACTX_CORPUS_DIR)) {
    while (dirent* entry = readdir(dir)) {
      std::string name = entry->d_name;
      if (name.size() > 6 && name.substr(name.size() - 6) == ".jsonl")
        files.push_back(name);
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CorpusTest, EveryGoldFactIsFoundExactlyAndNothingElse) {
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  std::map<std::string, Tally> tallies;
  const std::vector<std::string> files = CorpusFiles();
  ASSERT_FALSE(files.empty()) << "no corpus files in " << FACTX_CORPUS_DIR;
  for (const std::string& file : files) {
    const std::string kind = file.substr(0, file.size() - 6);
    std::ifstream in(std::string(FACTX_CORPUS_DIR) + "/" + file);
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty()) continue;
      const std::string where = file + ":" + std::to_string(line_number);
      JsonObject doc;
      ASSERT_TRUE(factx_cli::ParseJsonObject(line, &doc).ok()) << where;
      const JsonValue* text_value = doc.Find("text");
      ASSERT_TRUE(text_value && text_value->kind == JsonKind::kString) << where;
      const std::string& text = text_value->string;
      ExtractOptions options;
      if (const JsonValue* ref = doc.Find("ref_date");
          ref && ref->kind == JsonKind::kString) {
        Result<CivilDate> date = CivilDate::Parse(ref->string);
        ASSERT_TRUE(date.ok()) << where;
        options.reference_date = *date;
      }
      std::set<std::string> types = {kind};
      if (const JsonValue* t = doc.Find("types")) {
        std::vector<JsonValue> names;
        ASSERT_TRUE(factx_cli::ParseJsonArray(t->raw, &names).ok()) << where;
        types.clear();
        for (const JsonValue& n : names) types.insert(n.string);
      }
      std::vector<Predicted> predicted = Predict(*extractor, text, options);
      std::vector<bool> used(predicted.size(), false);
      std::vector<JsonValue> gold_facts;
      if (const JsonValue* facts = doc.Find("facts")) {
        ASSERT_TRUE(factx_cli::ParseJsonArray(facts->raw, &gold_facts).ok())
            << where;
      }
      for (const JsonValue& gold_value : gold_facts) {
        JsonObject gold;
        ASSERT_TRUE(factx_cli::ParseJsonObject(gold_value.raw, &gold).ok())
            << where;
        const std::string type = gold.Find("type")->string;
        if (!types.count(type)) continue;
        Tally& tally = tallies[type];
        ++tally.gold;
        const std::string gold_text = gold.Find("text")->string;
        const JsonValue* known = gold.Find("known_miss");
        const bool known_miss = known && known->raw == "true";
        std::string why = "not found";
        bool matched = false;
        for (std::size_t i = 0; i < predicted.size() && !matched; ++i) {
          if (used[i] || predicted[i].type != type ||
              predicted[i].text != gold_text)
            continue;
          std::string diff = Disagreement(gold, predicted[i]);
          used[i] = true;
          if (diff.empty()) {
            matched = true;
            ++tally.correct;
          } else {
            why = "wrong value:" + diff;
            break;
          }
        }
        if (known_miss) {
          ++tally.known_misses;
        } else {
          EXPECT_TRUE(matched) << where << " " << type << " \"" << gold_text
                               << "\": " << why << "\n  in: " << text;
        }
      }
      for (std::size_t i = 0; i < predicted.size(); ++i) {
        if (!types.count(predicted[i].type)) continue;
        ++tallies[predicted[i].type].predicted;
        if (used[i]) continue;
        // An extra fact over a known-miss gold span is part of that known miss.
        bool excused = false;
        for (const JsonValue& gold_value : gold_facts) {
          JsonObject gold;
          if (!factx_cli::ParseJsonObject(gold_value.raw, &gold).ok()) continue;
          const JsonValue* known = gold.Find("known_miss");
          if (known && known->raw == "true" &&
              text.find(predicted[i].text) != std::string::npos &&
              gold.Find("text")->string.find(predicted[i].text) !=
                  std::string::npos) {
            excused = true;
          }
        }
        if (!excused) {
          ADD_FAILURE() << where << " unexpected " << predicted[i].type << " \""
                        << predicted[i].text << "\"\n  in: " << text;
        }
      }
    }
  }
  for (const auto& [type, t] : tallies) {
    const double precision =
        t.predicted ? double(t.correct) / t.predicted : 1.0;
    const double recall = t.gold ? double(t.correct) / t.gold : 1.0;
    std::printf(
        "corpus %-10s gold %4d predicted %4d correct %4d known misses %3d  "
        "P %.3f R %.3f\n",
        type.c_str(), t.gold, t.predicted, t.correct, t.known_misses, precision,
        recall);
  }
}

}  // namespace
}  // namespace factx
