# Options. Tests, examples and installation default to ON only when alpha is the top-level
# project, so that add_subdirectory / FetchContent consumers build nothing of ours.
include_guard(GLOBAL)

option(ALPHA_BUILD_TESTS "Build alpha's tests" ${PROJECT_IS_TOP_LEVEL})
option(ALPHA_BUILD_EXAMPLES "Build alpha's examples" ${PROJECT_IS_TOP_LEVEL})
option(ALPHA_BUILD_BENCH "Build alpha's benchmarks (needs Google Benchmark)" OFF)
option(ALPHA_INSTALL "Generate alpha's install rules" ${PROJECT_IS_TOP_LEVEL})
option(ALPHA_WITH_TBB "Link TBB (used by the parallel sweep and panel kernels)" ON)
option(ALPHA_WERROR "Treat warnings as errors in alpha's own tests and examples" OFF)
option(ALPHA_TEST_PCH "Use a precompiled header for the test executables" ON)
option(ALPHA_PACKAGE_TESTS "Add the packaging tests (install + find_package consumers)" ON)
option(ALPHA_HEADER_CHECKS
  "Compile-time checks with the tests: every public header alone, and the compile-fail tests" ON)
set(ALPHA_SANITIZE "" CACHE STRING "Sanitizers for alpha's own targets, e.g. address,undefined")
