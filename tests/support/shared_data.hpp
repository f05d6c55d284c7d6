// Locating ../shared/data and ../shared/reference for the real-data tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace alpha_test {

/// The shared folder: $ALPHA_SHARED_DIR if set, else the path configured by CMake.
inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("ALPHA_SHARED_DIR"); env != nullptr && *env != '\0') return env;
  return ALPHA_SHARED_DIR_DEFAULT;
}

/// Path of a file under the shared folder (e.g. "data/ttrc_ohlcv.csv"); empty if absent.
inline std::filesystem::path shared_file(const std::string& relative) {
  const auto p = shared_dir() / relative;
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec) ? p : std::filesystem::path{};
}

/// Path of a file under tests/data.
inline std::filesystem::path test_data(const std::string& name) {
  return std::filesystem::path(ALPHA_SOURCE_DIR) / "tests" / "data" / name;
}

}  // namespace alpha_test

/// Declares `var` as the path of a shared file, or skips the test when the file is absent.
#define ALPHA_REQUIRE_SHARED_FILE(var, relative)                         \
  const std::filesystem::path var = ::alpha_test::shared_file(relative); \
  if (var.empty()) GTEST_SKIP() << "shared file absent: " << (relative)
