# Finds factx's private dependencies. Used by the build and, installed beside
# factxConfig.cmake, by consumers of the static library, which must link them too.
#
#  - ICU: uc for the normalizer, data for the NFKC tables it loads (ICU::uc, ICU::data).
#  - RE2: through its CMake config when it has one (re2::re2); Debian 12 ships only re2.pc,
#    so fall back to pkg-config and alias the imported target to re2::re2.
if(CMAKE_VERSION VERSION_LESS 3.18)
  message(FATAL_ERROR "factx needs CMake 3.18 or newer")
endif()

find_package(ICU REQUIRED COMPONENTS uc data)

if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
  if(NOT re2_FOUND)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(FACTX_RE2 REQUIRED IMPORTED_TARGET re2)
    add_library(re2::re2 ALIAS PkgConfig::FACTX_RE2)
  endif()
endif()

find_package(Threads REQUIRED)
