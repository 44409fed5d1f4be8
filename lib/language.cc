// ParseLanguages (factx/extractor.h): BCP 47 tags to Language bits.
#include <string>

#include "factx/extractor.h"
#include "text/char_class.h"

namespace factx {
namespace {

// The Language bit of one tag, by its primary subtag; 0 for any other.
unsigned LanguageOfTag(std::string_view tag) {
  const std::size_t end = tag.find_first_of("-_");
  const std::string_view primary = tag.substr(0, end);
  std::string lower(primary);
  for (char& c : lower) c = internal::ToAsciiLower(c);
  if (lower == "zh") return kChinese;
  if (lower == "en") return kEnglish;
  return 0;
}

}  // namespace

Result<unsigned> ParseLanguages(std::string_view tags) {
  unsigned languages = 0;
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = tags.find(',', begin);
    const std::string_view tag = internal::TrimBlanks(tags.substr(
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
