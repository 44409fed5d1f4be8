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
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "factx/extractor.h"
#include "factx/jsonl.h"

namespace factx {
namespace {

// One predicted fact flattened to the fields the gold format uses: the records
// of factx/jsonl.h, as the CLI writes them.
struct Predicted {
  std::string type, text;
  std::map<std::string, std::string> fields;  // value, min, max, currency, ...
};

std::vector<Predicted> Predict(const Extractor& extractor,
                               std::string_view text,
                               const ExtractOptions& options) {
  Extraction facts;
  Status status = extractor.Extract(text, options, &facts);
  EXPECT_TRUE(status.ok()) << status.ToString();
  std::vector<Predicted> out;
  for (const FactRecord& record : FactRecords(text, extractor, facts)) {
    Predicted p{std::string(record.type), std::string(record.text), {}};
    for (const FactField& field : record.fields) {
      p.fields[std::string(field.name)] = field.value;  // null reads ""
    }
    // A single date is a range from its value to itself.
    if (p.type == "date" && p.fields.count("value") &&
        !p.fields.count("end_value")) {
      p.fields["end_value"] = p.fields["value"];
    }
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

// Gold JSON is read with numbers kept as their digits.
using Json = rapidjson::Value;
constexpr unsigned kGoldFlags = rapidjson::kParseNumbersAsStringsFlag;

// The gold field as text: a string's content, a number's JSON text, "true" or
// "false"; "" for null.
std::string GoldText(const Json& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  return "";
}

std::string StringMember(const Json& object, const char* name) {
  return object.HasMember(name) ? GoldText(object[name]) : std::string();
}

// Empty when `p` agrees with every checked field of `gold`; else what differs.
std::string Disagreement(const Json& gold, const Predicted& p) {
  static const std::set<std::string> kNumeric = {"value", "min", "max"};
  static const std::set<std::string> kChecked = {
      "value",     "min",      "max",  "currency", "qualifier", "unit",
      "end_value", "relative", "kind", "trigger",  "part"};
  const std::string type = StringMember(gold, "type");
  std::string diff;
  for (const auto& member : gold.GetObject()) {
    const std::string key = member.name.GetString();
    if (!kChecked.count(key)) continue;
    // Dates compare ISO strings, not numbers ("2020" is a year).
    const std::string expected = GoldText(member.value);
    auto found = p.fields.find(key);
    std::string actual = found == p.fields.end() ? "" : found->second;
    const bool same = (kNumeric.count(key) && type != "date")
                          ? NumbersEqual(expected, actual)
                          : expected == actual;
    if (!same)
      diff += " " + key + ": want " + expected + " got " + actual + ";";
  }
  if (type == "date" && !gold.HasMember("end_value") &&
      gold.HasMember("value")) {
    // A single point: the prediction must not be a range.
    if (p.fields.count("end_value") &&
        p.fields.at("end_value") != p.fields.at("value")) {
      diff += " end_value: want none got " + p.fields.at("end_value") + ";";
    }
  }
  if (type == "date" && !gold.HasMember("relative") &&
      p.fields.count("relative") && p.fields.at("relative") == "true") {
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
      rapidjson::Document doc;
      doc.Parse<kGoldFlags>(line.data(), line.size());
      ASSERT_FALSE(doc.HasParseError()) << where;
      ASSERT_TRUE(doc.IsObject() && doc.HasMember("text") &&
                  doc["text"].IsString())
          << where;
      const std::string text = GoldText(doc["text"]);
      ExtractOptions options;
      if (doc.HasMember("ref_date") && doc["ref_date"].IsString()) {
        Result<CivilDate> date = CivilDate::Parse(GoldText(doc["ref_date"]));
        ASSERT_TRUE(date.ok()) << where;
        options.reference_date = *date;
      }
      std::set<std::string> types = {kind};
      if (doc.HasMember("types")) {
        types.clear();
        for (const Json& name : doc["types"].GetArray()) {
          types.insert(GoldText(name));
        }
      }
      std::vector<Predicted> predicted = Predict(*extractor, text, options);
      std::vector<bool> used(predicted.size(), false);
      static const Json kNoFacts(rapidjson::kArrayType);
      const Json& gold_facts = doc.HasMember("facts") ? doc["facts"] : kNoFacts;
      for (const Json& gold : gold_facts.GetArray()) {
        const std::string type = StringMember(gold, "type");
        if (!types.count(type)) continue;
        Tally& tally = tallies[type];
        ++tally.gold;
        const std::string gold_text = StringMember(gold, "text");
        const bool known_miss = StringMember(gold, "known_miss") == "true";
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
        for (const Json& gold : gold_facts.GetArray()) {
          if (StringMember(gold, "known_miss") == "true" &&
              text.find(predicted[i].text) != std::string::npos &&
              StringMember(gold, "text").find(predicted[i].text) !=
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
