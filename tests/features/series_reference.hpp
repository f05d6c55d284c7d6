// Support of the one-series indicator tests: a reader for ../shared/reference/indicators CSVs
// (TA-Lib C 0.6.0-dev, R TTR 0.24.3, pandas 1.5.3 outputs; see ../shared/reference/README.md),
// comparison helpers and seeded random series.
#pragma once

#include "alpha/features/ta/run.hpp"

#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace alpha_test::series {

inline constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
using columns = std::map<std::string, std::vector<double>>;

/// Reads a reference CSV (header line, first column a date, "NaN" = undefined).
inline columns read_reference(const std::filesystem::path& path) {
  std::ifstream f(path);
  std::string line;
  std::getline(f, line);
  std::vector<std::string> names;
  {
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) names.push_back(cell);
  }
  columns cols;
  while (std::getline(f, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::string cell;
    for (std::size_t c = 0; std::getline(ss, cell, ','); ++c) {
      if (c == 0) continue;
      cols[names[c]].push_back(cell == "NaN" || cell == "NA" ? qnan
                                                             : std::strtod(cell.c_str(), nullptr));
    }
  }
  return cols;
}

/// `got` matches `want` where want is defined, from want's first defined row on (relative error
/// < tol, absolute for |want| < 1), and got is NaN before that row.
inline ::testing::AssertionResult matches(const std::vector<double>& got,
                                          const std::vector<double>& want, double tol,
                                          std::size_t from = 0) {
  if (got.size() != want.size())
    return ::testing::AssertionFailure() << "lengths " << got.size() << " vs " << want.size();
  std::size_t first = 0;
  while (first < want.size() && std::isnan(want[first])) ++first;
  if (first == want.size()) return ::testing::AssertionFailure() << "reference all NaN";
  for (std::size_t i = 0; i < first; ++i)
    if (!std::isnan(got[i]))
      return ::testing::AssertionFailure()
             << "defined at " << i << " before the reference's " << first << ": " << got[i];
  for (std::size_t i = std::max(first, from); i < want.size(); ++i) {
    if (std::isnan(want[i])) continue;
    const double err = std::abs(got[i] - want[i]) / std::max(1.0, std::abs(want[i]));
    if (!(err < tol))
      return ::testing::AssertionFailure() << "row " << i << ": " << got[i] << " vs " << want[i]
                                           << " (relative error " << err << ")";
  }
  return ::testing::AssertionSuccess();
}

/// Geometric random walk from 100 (seeded).
inline std::vector<double> random_prices(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0, 0.01);
  std::vector<double> x(n);
  double level = 100.0;
  for (auto& v : x) {
    level *= std::exp(z(gen));
    v = level;
  }
  return x;
}

/// Output k of indicator I run over `x`.
template <class I>
std::vector<double> run1(const typename I::params& p, const std::vector<double>& x,
                         std::size_t k = 0) {
  return ::alpha::features::run<I>(p, ::alpha::features::series_input::from(std::span(x)))[k];
}

inline const char* const datasets[] = {"ttrc", "sp500", "msft"};

}  // namespace alpha_test::series

/// Loads reference file `lib` ("talib", "ttr", "pandas") of dataset `name` into `var`, or skips.
#define ALPHA_LOAD_INDICATOR_REFERENCE(var, lib, name)                                 \
  const std::string var##_rel =                                                        \
      std::string("reference/indicators/indicators_") + (lib) + "_" + (name) + ".csv"; \
  ALPHA_REQUIRE_SHARED_FILE(var##_path, var##_rel);                                    \
  const ::alpha_test::series::columns var = ::alpha_test::series::read_reference(var##_path)
