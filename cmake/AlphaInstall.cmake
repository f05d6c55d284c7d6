# Install rules: headers (FILE_SET), exported target alpha::alpha, package config + version
# file, and pkg-config file, all under share/ since the library is architecture-independent.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ALPHA_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/alpha" CACHE STRING
    "Where alphaConfig.cmake is installed")

install(TARGETS alpha EXPORT alphaTargets FILE_SET HEADERS)
install(EXPORT alphaTargets NAMESPACE alpha:: DESTINATION "${ALPHA_INSTALL_CMAKEDIR}")
# A build-tree export, so that a vendoring project can re-export alpha::alpha.
export(EXPORT alphaTargets NAMESPACE alpha:: FILE "${PROJECT_BINARY_DIR}/alphaTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/alphaConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/alphaConfig.cmake" INSTALL_DESTINATION "${ALPHA_INSTALL_CMAKEDIR}")
# 0.x: minor versions may break the API, so a request for 0.1 accepts 0.1.* only.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/alphaConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/alphaConfig.cmake" "${PROJECT_BINARY_DIR}/alphaConfigVersion.cmake"
  DESTINATION "${ALPHA_INSTALL_CMAKEDIR}")

set(ALPHA_PC_REQUIRES "eigen3 >= 3.4, fmt >= 9.1")
if(ALPHA_WITH_TBB)
  string(APPEND ALPHA_PC_REQUIRES ", tbb")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/alpha.pc.in" "${PROJECT_BINARY_DIR}/alpha.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/alpha.pc" DESTINATION "${CMAKE_INSTALL_DATADIR}/pkgconfig")
