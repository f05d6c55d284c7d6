// Helpers of the cross-sectional tests: small panels from row lists, random panels with NaNs
// and ties, and NaN-aware comparisons.
#pragma once

#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace alpha_test::xs {

/// Consecutive calendar days from 2020-01-01.
inline alpha::time_index days(std::size_t n) {
  std::vector<alpha::timestamp> t;
  const alpha::timestamp start = *alpha::timestamp::from_date(2020, 1, 1);
  for (std::size_t i = 0; i < n; ++i)
    t.push_back(start + std::chrono::duration_cast<alpha::timestamp::duration>(
                            std::chrono::days(static_cast<long>(i))));
  return alpha::time_index(std::move(t));
}

/// Assets "A0".."A{n-1}".
inline alpha::asset_list assets(std::size_t n) {
  std::vector<std::string> names;
  for (std::size_t j = 0; j < n; ++j) {
    std::string name(1, 'A');  // not "A" + to_string: g++ 12 -Wstringop-overflow false positive
    name += std::to_string(j);
    names.push_back(std::move(name));
  }
  return alpha::asset_list(std::move(names));
}

/// A panel from rows (dates) of values.
inline alpha::panel<double> from_rows(const std::vector<std::vector<double>>& rows) {
  const std::size_t T = rows.size(), N = rows.empty() ? 0 : rows[0].size();
  alpha::panel<double> p(days(T), assets(N));
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t j = 0; j < N; ++j) p(t, j) = rows[t][j];
  return p;
}

/// T x N standard normal values (seeded), a fraction `nan_rate` NaN, and with probability
/// `tie_rate` a value rounded to one decimal (creates ties).
inline alpha::panel<double> random_panel(std::size_t T, std::size_t N, std::uint64_t seed,
                                         double nan_rate = 0.1, double tie_rate = 0.2) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  alpha::panel<double> p(days(T), assets(N));
  for (std::size_t j = 0; j < N; ++j)
    for (std::size_t t = 0; t < T; ++t) {
      double v = g(rng);
      if (u(rng) < tie_rate) v = std::round(v * 10) / 10;
      if (u(rng) < nan_rate) v = std::nan("");
      p(t, j) = v;
    }
  return p;
}

/// Both NaN, or |a - b| <= tol * max(1, |b|).
inline ::testing::AssertionResult near(double a, double b, double tol) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (std::isnan(a) != std::isnan(b) || !(std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b))))
    return ::testing::AssertionFailure() << a << " vs expected " << b;
  return ::testing::AssertionSuccess();
}

/// Every cell of `got` near the row-list `expected`.
inline void expect_rows(const alpha::panel<double>& got,
                        const std::vector<std::vector<double>>& expected, double tol) {
  ASSERT_EQ(got.rows(), expected.size());
  for (std::size_t t = 0; t < got.rows(); ++t)
    for (std::size_t j = 0; j < got.cols(); ++j)
      EXPECT_TRUE(near(got(t, j), expected[t][j], tol)) << "at (" << t << ", " << j << ")";
}

/// Every cell of `got` near the same cell of `expected` (same shape).
inline void expect_panels(const alpha::panel<double>& got, const alpha::panel<double>& expected,
                          double tol) {
  ASSERT_EQ(got.rows(), expected.rows());
  ASSERT_EQ(got.cols(), expected.cols());
  std::size_t bad = 0;
  for (std::size_t t = 0; t < got.rows(); ++t)
    for (std::size_t j = 0; j < got.cols(); ++j)
      if (!near(got(t, j), expected(t, j), tol) && ++bad <= 5)
        ADD_FAILURE() << "at (" << t << ", " << j << "): " << got(t, j) << " vs expected "
                      << expected(t, j);
  EXPECT_EQ(bad, 0u);
}

}  // namespace alpha_test::xs
