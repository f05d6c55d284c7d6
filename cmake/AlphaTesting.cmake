# Helpers for alpha's own tests and examples.
include_guard(GLOBAL)

# Where the shared market data and reference outputs live (../shared next to the checkout).
# Tests read it at run time and skip cleanly when it is absent; ALPHA_SHARED_DIR in the
# environment overrides it.
set(ALPHA_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH
    "Folder holding data/ and reference/ for the real-data tests")

# alpha_apply_project_flags(<target>): warnings, sanitizers and common definitions.
function(alpha_apply_project_flags target)
  alpha_target_warnings(${target})
  target_compile_definitions(${target} PRIVATE
    ALPHA_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ALPHA_SHARED_DIR_DEFAULT="${ALPHA_SHARED_DIR}")
endfunction()

# One precompiled header shared by every test executable (REUSE_FROM): GoogleTest, Eigen/Core,
# fmt and the std headers every test uses. Cuts a test TU from ~8 s to ~1 s.
function(alpha_add_test_pch)
  add_library(alpha_test_pch STATIC "${PROJECT_SOURCE_DIR}/tests/support/pch.cpp")
  target_link_libraries(alpha_test_pch PUBLIC alpha::alpha GTest::gtest)
  alpha_apply_project_flags(alpha_test_pch)
  if(ALPHA_TEST_PCH)
    target_precompile_headers(alpha_test_pch PRIVATE
      <gtest/gtest.h> <Eigen/Core> <fmt/core.h> <fmt/format.h>
      <algorithm> <cmath> <cstdint> <filesystem> <fstream> <map> <memory> <optional> <random>
      <span> <sstream> <string> <string_view> <vector>)
  endif()
endfunction()

# alpha_add_stage_tests(<stage>): one GoogleTest executable test_<stage> from tests/<stage>/*_test.cpp.
function(alpha_add_stage_tests stage)
  file(GLOB _sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/${stage}/*_test.cpp")
  add_executable(test_${stage} ${_sources})
  target_link_libraries(test_${stage} PRIVATE alpha::alpha alpha_test_pch GTest::gtest_main)
  target_include_directories(test_${stage} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
  alpha_apply_project_flags(test_${stage})
  if(ALPHA_TEST_PCH)
    target_precompile_headers(test_${stage} REUSE_FROM alpha_test_pch)
  endif()
  gtest_discover_tests(test_${stage} DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${stage}" ENVIRONMENT "ALPHA_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# alpha_add_example(<name> [PASS_REGEX <regex>] [ARGS <args>...]): builds examples/<name>.cpp
# and registers a ctest that runs it and checks its key output line.
function(alpha_add_example name)
  cmake_parse_arguments(EX "" "PASS_REGEX" "ARGS" ${ARGN})
  add_executable(${name} "${PROJECT_SOURCE_DIR}/examples/${name}.cpp")
  target_link_libraries(${name} PRIVATE alpha::alpha)
  alpha_apply_project_flags(${name})
  add_test(NAME example.${name} COMMAND ${name} ${EX_ARGS})
  set_tests_properties(example.${name} PROPERTIES LABELS example)
  if(EX_PASS_REGEX)
    set_tests_properties(example.${name} PROPERTIES PASS_REGULAR_EXPRESSION "${EX_PASS_REGEX}")
  endif()
endfunction()
