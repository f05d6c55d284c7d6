// Test helpers of the order-statistics and exponential-smoothing tests (minmax, quantile, ewm):
// a reader for the reference CSVs of ../shared/reference/indicators, seeded random series with
// NaNs, and relative comparison with a report of the worst row.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace alpha_test::order_ewm {

/// Columns of a reference CSV (header line, comma-separated, "NaN" for undefined), by name.
/// The first column (date) is kept as NaN.
inline std::map<std::string, std::vector<double>> read_reference(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::string line;
  std::map<std::string, std::vector<double>> cols;
  if (!std::getline(in, line)) return cols;
  std::vector<std::string> names;
  {
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, ',')) names.push_back(f);
  }
  for (const auto& n : names) cols[n];
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::string f;
    std::size_t i = 0;
    while (std::getline(ss, f, ',') && i < names.size()) {
      const double v = (i == 0 || f.empty()) ? NAN : std::strtod(f.c_str(), nullptr);
      cols[names[i]].push_back(v);
      ++i;
    }
    for (; i < names.size(); ++i) cols[names[i]].push_back(NAN);
  }
  return cols;
}

/// A random walk around 100 with about `nan_fraction` NaN values; `ties` > 0 rounds the values
/// to multiples of `ties` (many equal values).
inline std::vector<double> series(std::size_t n, std::uint64_t seed, double nan_fraction,
                                  double ties = 0.0) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> step(0.0, 1.0);
  std::bernoulli_distribution hole(nan_fraction);
  std::vector<double> x(n);
  double level = 100.0;
  for (auto& v : x) {
    level += step(gen);
    v = ties > 0 ? std::round(level / ties) * ties : level;
    if (nan_fraction > 0 && hole(gen)) v = NAN;
  }
  return x;
}

/// Compares got[i] with want[i] for i >= from: both NaN, or |got - want| <= tol * max(|want|,
/// floor). Reports the first failure and the worst relative error.
inline ::testing::AssertionResult close_from(const std::vector<double>& got,
                                             const std::vector<double>& want, double tol,
                                             std::size_t from = 0, double floor = 1e-300) {
  if (got.size() != want.size())
    return ::testing::AssertionFailure() << "sizes " << got.size() << " vs " << want.size();
  double worst = 0;
  for (std::size_t i = from; i < got.size(); ++i) {
    const double a = got[i];
    const double b = want[i];
    if (std::isnan(a) || std::isnan(b)) {
      if (std::isnan(a) != std::isnan(b))
        return ::testing::AssertionFailure() << "row " << i << ": got " << a << ", want " << b;
      continue;
    }
    if (a == b) continue;
    const double rel = std::abs(a - b) / std::max(std::abs(b), floor);
    worst = std::max(worst, rel);
    if (!(rel <= tol))
      return ::testing::AssertionFailure() << "row " << i << ": got " << a << ", want " << b
                                           << " (relative error " << rel << " > " << tol << ")";
  }
  return ::testing::AssertionSuccess() << "worst relative error " << worst;
}

/// Index of the first non-NaN value (size() if none).
inline std::size_t first_defined(const std::vector<double>& v) {
  return static_cast<std::size_t>(
      std::find_if(v.begin(), v.end(), [](double x) { return !std::isnan(x); }) - v.begin());
}

/// Expects a call to throw alpha::config_error naming `parameter`.
#define ALPHA_EXPECT_CONFIG_ERROR(statement, param)                                \
  do {                                                                             \
    try {                                                                          \
      statement;                                                                   \
      ADD_FAILURE() << "no config_error from: " #statement;                        \
    } catch (const ::alpha::config_error& e) {                                     \
      EXPECT_EQ(e.parameter(), (param)) << e.what();                               \
      EXPECT_NE(std::string(e.what()).find(param), std::string::npos) << e.what(); \
    }                                                                              \
  } while (false)

}  // namespace alpha_test::order_ewm
