# RapidJSON (Debian rapidjson-dev, header-only): the factx tool and the tests read JSON with
# it; the library does not. Targets link `factx_rapidjson`, which carries its include
# directory and one flag: RapidJSON 1.1.0 (Debian 12) grows its parse stack with
# `stackTop_ + size` while the stack is still a null pointer, which UBSan's pointer-overflow
# check reports (harmless, and fixed upstream after 1.1.0). That one check is off in the
# targets that include RapidJSON; the library is checked in full.
include_guard(GLOBAL)
find_path(FACTX_RAPIDJSON_INCLUDE_DIR rapidjson/reader.h REQUIRED)
add_library(factx_rapidjson INTERFACE)
target_include_directories(factx_rapidjson SYSTEM INTERFACE "${FACTX_RAPIDJSON_INCLUDE_DIR}")
target_compile_options(factx_rapidjson INTERFACE -fno-sanitize=pointer-overflow)
