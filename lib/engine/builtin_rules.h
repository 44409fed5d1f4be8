// The rule files under lib/rules/, compiled into the library by
// cmake/EmbedRules.cmake.
#ifndef FACTX_LIB_ENGINE_BUILTIN_RULES_H_
#define FACTX_LIB_ENGINE_BUILTIN_RULES_H_

#include <cstddef>
#include <string_view>

#include "factx/extractor.h"

namespace factx::internal {

struct BuiltinRuleFile {
  std::string_view path;  // relative to lib/rules/, e.g. "zh/money.rules"
  std::string_view text;
};

struct BuiltinRuleFileList {
  const BuiltinRuleFile* files;
  std::size_t count;
  const BuiltinRuleFile* begin() const { return files; }
  const BuiltinRuleFile* end() const { return files + count; }
};

// Every built-in rule file, as the build found them under lib/rules/. The
// order they load in is not this list's but kBuiltinRuleFolders'.
BuiltinRuleFileList BuiltinRuleFiles();

// The folders of lib/rules/ in the order they load, each with the languages
// of its rules; within a folder, files load in name order. common/ holds the
// fragments and tables that every language shares, so it comes first; then
// en/ and zh/, whose rules may use it and extend its tables. The order also
// breaks the last ties between overlapping matches (rule ids), so it is kept
// as it was when the languages became an option. A file in a folder not
// listed here is an error of Extractor::Create (kInternal).
struct BuiltinRuleFolder {
  std::string_view name;
  unsigned languages;  // factx::Language bits
};
inline constexpr BuiltinRuleFolder kBuiltinRuleFolders[] = {
    {"common", kAllLanguages},
    {"en", kEnglish},
    {"zh", kChinese},
};

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_BUILTIN_RULES_H_
