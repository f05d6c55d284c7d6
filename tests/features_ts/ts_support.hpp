// Shared helpers of the tests/features_ts tests: a tiny OHLCV CSV loader for the shared data
// (avoids the CSV reader's compile cost), naive long-double statistics (two-pass), and a
// relative comparison.
#pragma once

#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ts_test {

struct ohlcv {
  std::vector<double> open, high, low, close, volume;
  [[nodiscard]] std::size_t size() const noexcept { return close.size(); }
};

/// Reads date,open,high,low,close,volume (extra columns ignored; header skipped).
inline ohlcv load_ohlcv(const std::filesystem::path& path) {
  ohlcv d;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string field;
    std::vector<double> v;
    std::getline(ss, field, ',');  // date
    while (std::getline(ss, field, ',')) v.push_back(std::stod(field));
    d.open.push_back(v.at(0));
    d.high.push_back(v.at(1));
    d.low.push_back(v.at(2));
    d.close.push_back(v.at(3));
    d.volume.push_back(v.back());
  }
  return d;
}

using ld = long double;

inline ld mean(const std::vector<ld>& x) {
  ld s = 0;
  for (ld v : x) s += v;
  return s / static_cast<ld>(x.size());
}
/// Two-pass sample variance (divisor n - 1).
inline ld var(const std::vector<ld>& x) {
  const ld m = mean(x);
  ld s = 0;
  for (ld v : x) s += (v - m) * (v - m);
  return s / static_cast<ld>(x.size() - 1);
}
/// Two-pass sample covariance.
inline ld cov(const std::vector<ld>& x, const std::vector<ld>& y) {
  const ld mx = mean(x), my = mean(y);
  ld s = 0;
  for (std::size_t i = 0; i < x.size(); ++i) s += (x[i] - mx) * (y[i] - my);
  return s / static_cast<ld>(x.size() - 1);
}
/// x[a, b) as a vector.
inline std::vector<ld> slice(const std::vector<ld>& x, std::size_t a, std::size_t b) {
  return std::vector<ld>(x.begin() + static_cast<std::ptrdiff_t>(a),
                         x.begin() + static_cast<std::ptrdiff_t>(b));
}

/// |a - b| <= tol max(|a|, |b|, floor), both NaN also passes.
inline ::testing::AssertionResult close_rel(double a, double b, double tol, double floor = 1e-300) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (std::abs(a - b) <= tol * std::max({std::abs(a), std::abs(b), floor}))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs " << b << " (diff " << a - b << ")";
}

}  // namespace ts_test
