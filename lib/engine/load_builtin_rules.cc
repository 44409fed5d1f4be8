#include <algorithm>
#include <string>
#include <vector>

#include "engine/builtin_rules.h"

namespace factx::internal {
namespace {

// The built-in rule files of lib/rules/FOLDER/, in name order.
std::vector<BuiltinRuleFile> BuiltinRuleFilesIn(std::string_view folder) {
  std::vector<BuiltinRuleFile> files;
  for (const BuiltinRuleFile& file : BuiltinRuleFiles()) {
    if (file.path.size() > folder.size() &&
        file.path.substr(0, folder.size()) == folder &&
        file.path[folder.size()] == '/') {
      files.push_back(file);
    }
  }
  std::sort(files.begin(), files.end(),
            [](const BuiltinRuleFile& a, const BuiltinRuleFile& b) {
              return a.path < b.path;
            });
  return files;
}

}  // namespace

Status LoadBuiltinRules(RuleSet* rules) {
  std::size_t loaded = 0;
  for (const BuiltinRuleFolder& folder : kBuiltinRuleFolders) {
    for (const BuiltinRuleFile& file : BuiltinRuleFilesIn(folder.name)) {
      Status status =
          ParseRuleText(file.text, "builtin:" + std::string(file.path), rules,
                        folder.languages);
      if (!status.ok()) return status;
      ++loaded;
    }
  }
  if (loaded != BuiltinRuleFiles().count) {
    return Status(StatusCode::kInternal,
                  "a built-in rule file lies in no folder of "
                  "kBuiltinRuleFolders (lib/engine/builtin_rules.h)");
  }
  return Status();
}

}  // namespace factx::internal
