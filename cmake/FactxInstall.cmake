# Installs the library, its public headers, a CMake package (find_package(factx) gives
# factx::factx and finds factx's private dependencies again, since the library is static) and
# factx.pc for pkg-config.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(FACTX_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/factx")

install(TARGETS factx EXPORT factxTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/factx"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT factxTargets NAMESPACE factx:: DESTINATION "${FACTX_CMAKE_DIR}")
# The build tree is usable as a package too (CMAKE_PREFIX_PATH=<build dir>).
export(EXPORT factxTargets NAMESPACE factx::
       FILE "${PROJECT_BINARY_DIR}/factxTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/factxConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/factxConfig.cmake" INSTALL_DESTINATION "${FACTX_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/factxConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
configure_file("${PROJECT_SOURCE_DIR}/cmake/FactxDependencies.cmake"
  "${PROJECT_BINARY_DIR}/FactxDependencies.cmake" COPYONLY)
install(FILES "${PROJECT_BINARY_DIR}/factxConfig.cmake"
              "${PROJECT_BINARY_DIR}/factxConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/FactxDependencies.cmake"
        DESTINATION "${FACTX_CMAKE_DIR}")

# factx.pc names its prefix relative to its own directory (${pcfiledir}): CMAKE_INSTALL_PREFIX
# is fixed at configure time, but `cmake --install --prefix DIR` may put the files elsewhere.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(FACTX_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _factx_pc_up "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" _factx_pc_up "${_factx_pc_up}")
  set(FACTX_PC_PREFIX "\${pcfiledir}/${_factx_pc_up}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/factx.pc.in" "${PROJECT_BINARY_DIR}/factx.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/factx.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
