// The rule files under lib/rules/, compiled into the library by
// cmake/EmbedRules.cmake.
#ifndef FACTX_LIB_BUILTIN_RULES_H_
#define FACTX_LIB_BUILTIN_RULES_H_

#include <cstddef>
#include <string_view>

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

// Every built-in rule file, in load order (common/ first).
BuiltinRuleFileList BuiltinRuleFiles();

}  // namespace factx::internal

#endif  // FACTX_LIB_BUILTIN_RULES_H_
