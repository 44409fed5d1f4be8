#include "jsonl_document.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstdint>
#include <vector>

#include "factx/jsonl.h"

namespace factx_cli {
namespace {

// The SAX handler: follows the nesting, keeps the top-level members factx
// reads, and re-writes the id as it is read. Returning false stops the reader
// (kParseErrorTermination), with `refusal` saying why.
class DocumentHandler {
 public:
  explicit DocumentHandler(JsonlDocument* out) : out_(out) {}

  const char* refusal() const { return refusal_; }

  bool Null() { return Scalar(Member::kNull, "null"); }
  bool Bool(bool b) { return Scalar(Member::kOther, b ? "true" : "false"); }
  bool RawNumber(const char* digits, rapidjson::SizeType length, bool) {
    return Scalar(Member::kOther, std::string_view(digits, length));
  }
  bool String(const char* chars, rapidjson::SizeType length, bool) {
    const std::string_view value(chars, length);
    if (open_.empty()) return Refuse("not a JSON object");
    if (open_.size() == 1) {
      if (member_ == Member::kText) out_->text.emplace(value);
      if (member_ == Member::kRefDate) {
        out_->ref_date_kind = JsonlDocument::Field::kString;
        out_->ref_date.assign(value);
      }
      if (member_ == Member::kLang) {
        out_->lang_kind = JsonlDocument::Field::kString;
        out_->lang.assign(value);
      }
    }
    if (InId()) {
      BeforeIdValue();
      factx::AppendJsonString(value, &id_);
      EndIdValue();
    }
    return true;
  }
  bool StartObject() { return Open('{'); }
  bool Key(const char* chars, rapidjson::SizeType length, bool) {
    const std::string_view key(chars, length);
    if (open_.size() == 1) {
      member_ = key == "id"         ? Member::kId
                : key == "text"     ? Member::kText
                : key == "ref_date" ? Member::kRefDate
                : key == "lang"     ? Member::kLang
                                    : Member::kIgnored;
      if (member_ == Member::kId) id_.clear();
      if (member_ == Member::kText) out_->text.reset();
      if (member_ == Member::kRefDate) {
        out_->ref_date_kind = JsonlDocument::Field::kAbsent;
      }
      if (member_ == Member::kLang) {
        out_->lang_kind = JsonlDocument::Field::kAbsent;
      }
      return true;
    }
    if (InId()) {
      if (open_.back().count++ > 0) id_.append(", ");
      factx::AppendJsonString(key, &id_);
      id_.append(": ");
    }
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close('}'); }
  bool StartArray() { return Open('['); }
  bool EndArray(rapidjson::SizeType) { return Close(']'); }
  // Unused with kParseNumbersAsStringsFlag, but the reader's concept needs
  // them.
  bool Int(int) { return true; }
  bool Uint(unsigned) { return true; }
  bool Int64(std::int64_t) { return true; }
  bool Uint64(std::uint64_t) { return true; }
  bool Double(double) { return true; }

 private:
  enum class Member { kNull, kOther, kId, kText, kRefDate, kLang, kIgnored };

  struct Container {
    char close;
    std::size_t count = 0;
  };

  // True while the value being read is the top-level id or inside it.
  bool InId() const { return open_.size() >= 1 && member_ == Member::kId; }

  // Before a value inside the id: a comma between array elements.
  void BeforeIdValue() {
    if (open_.size() > 1 && open_.back().close == ']' &&
        open_.back().count++ > 0) {
      id_.append(", ");
    }
  }
  // After a whole value: the id is complete when it was the member itself.
  void EndIdValue() {
    if (open_.size() == 1) out_->id_json = id_;
  }

  bool Scalar(Member kind, std::string_view json) {
    if (open_.empty()) return Refuse("not a JSON object");
    if (open_.size() == 1 && member_ == Member::kRefDate) {
      out_->ref_date_kind = kind == Member::kNull
                                ? JsonlDocument::Field::kAbsent
                                : JsonlDocument::Field::kNotString;
    }
    if (open_.size() == 1 && member_ == Member::kLang) {
      out_->lang_kind = kind == Member::kNull
                            ? JsonlDocument::Field::kAbsent
                            : JsonlDocument::Field::kNotString;
    }
    if (InId()) {
      BeforeIdValue();
      id_.append(json);
      EndIdValue();
    }
    return true;
  }

  bool Open(char open) {
    if (open_.empty() && open != '{') return Refuse("not a JSON object");
    if (open_.size() == kMaxNestingDepth) {
      return Refuse("nesting deeper than 64 levels");
    }
    if (open_.size() == 1 && member_ == Member::kRefDate) {
      out_->ref_date_kind = JsonlDocument::Field::kNotString;
    }
    if (open_.size() == 1 && member_ == Member::kLang) {
      out_->lang_kind = JsonlDocument::Field::kNotString;
    }
    if (InId()) {
      BeforeIdValue();
      id_.push_back(open);
    }
    open_.push_back({open == '{' ? '}' : ']'});
    return true;
  }

  bool Close(char close) {
    open_.pop_back();
    if (InId()) {
      id_.push_back(close);
      EndIdValue();
    }
    return true;
  }

  bool Refuse(const char* why) {
    refusal_ = why;
    return false;
  }

  JsonlDocument* out_;
  std::vector<Container> open_;
  Member member_ = Member::kIgnored;
  std::string id_;
  const char* refusal_ = nullptr;
};

}  // namespace

factx::Status ReadJsonlDocument(std::string_view line, JsonlDocument* out) {
  *out = JsonlDocument();
  DocumentHandler handler(out);
  rapidjson::MemoryStream bytes(line.data(), line.size());
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(bytes, handler);
  if (result) return factx::Status();
  const char* what = result.Code() == rapidjson::kParseErrorTermination &&
                             handler.refusal() != nullptr
                         ? handler.refusal()
                         : rapidjson::GetParseError_En(result.Code());
  return factx::Status(
      factx::StatusCode::kInvalidArgument,
      "invalid JSON at byte " + std::to_string(result.Offset()) + ": " + what);
}

}  // namespace factx_cli
