// The rule files under lib/rules/, compiled into the library by
// cmake/EmbedRules.cmake, and their shapes (rule_shape.h), derived when the
// library is built by make_builtin_rule_shapes.cc.
#ifndef FACTX_LIB_ENGINE_BUILTIN_RULES_H_
#define FACTX_LIB_ENGINE_BUILTIN_RULES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_file.h"
#include "engine/rule_shape.h"
#include "factx/extractor.h"
#include "factx/status.h"

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

// Appends every built-in rule to *rules, folder by folder in the order of
// kBuiltinRuleFolders. kInternal when a file lies in no such folder.
Status LoadBuiltinRules(RuleSet* rules);

// The shapes of the rules LoadBuiltinRules loads, in its order, each with its
// rule's name; false if the generated data is damaged (it cannot be).
bool BuiltinRuleShapes(std::vector<std::string>* names,
                       std::vector<RuleShape>* shapes);

}  // namespace factx::internal

#endif  // FACTX_LIB_ENGINE_BUILTIN_RULES_H_
