// ParseLanguages (factx/extractor.h): BCP 47 tags to Language bits.
#include <string>

#include "factx/extractor.h"

namespace factx {
namespace {

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The Language bit of one tag, by its primary subtag; 0 for any other.
unsigned LanguageOfTag(std::string_view tag) {
  const std::size_t end = tag.find_first_of("-_");
  const std::string_view primary = tag.substr(0, end);
  std::string lower(primary);
  for (char& c : lower) c = AsciiLower(c);
  if (lower == "zh") return kChinese;
  if (lower == "en") return kEnglish;
  return 0;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

Result<unsigned> ParseLanguages(std::string_view tags) {
  unsigned languages = 0;
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = tags.find(',', begin);
    const std::string_view tag = TrimSpaces(tags.substr(
        begin, comma == std::string_view::npos ? comma : comma - begin));
    const unsigned language = LanguageOfTag(tag);
    if (language == 0) {
      return Status(
          StatusCode::kInvalidArgument,
          "unknown language tag \"" + std::string(tag) + "\" (known: zh, en)");
    }
    languages |= language;
    if (comma == std::string_view::npos) return languages;
    begin = comma + 1;
  }
}

}  // namespace factx
