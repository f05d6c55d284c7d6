// Tests of rolling::skewness and rolling::kurtosis (bias-corrected G1, excess G2) and of the
// linear_regression family: hand cases, long-double two-pass references with NaNs, TA-Lib
// LINEARREG_SLOPE(20), and the accumulator laws.
#include "alpha/rolling/moments.hpp"

#include "alpha/rolling/batch.hpp"
#include "alpha/rolling/linear_regression.hpp"

#include "rolling/laws.hpp"
#include "rolling/reference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ar = alpha::rolling;

template <>
struct alpha_test::laws_traits<ar::skewness> {
  static ar::skewness::params params() { return {.window = 12}; }
};
template <>
struct alpha_test::laws_traits<ar::kurtosis> {
  static ar::kurtosis::params params() { return {.window = 16, .min_periods = 6}; }
};
template <ar::linreg_output O>
struct alpha_test::laws_traits<ar::linear_regression<O>> {
  static typename ar::linear_regression<O>::params params() { return {.window = 14}; }
};
using MomentTypes =
    ::testing::Types<ar::skewness, ar::kurtosis, ar::linreg_slope, ar::linreg_intercept,
                     ar::linreg_r_squared, ar::linreg_forecast>;
INSTANTIATE_TYPED_TEST_SUITE_P(Moments, AccumulatorLaws, MomentTypes);

TEST(RollingMoments, HandComputed) {
  // {1, 2, 4, 8}: mean 15/4, deviations -11/4, -7/4, 1/4, 17/4;
  // m2 = (121 + 49 + 1 + 289)/16/4 = 460/64; m3 = (-1331 - 343 + 1 + 4913)/64/4 = 3240/256;
  // G1 = sqrt(4*3)/2 * m3 / m2^1.5.
  const std::vector<double> x{1, 2, 4, 8};
  const double m2 = 460.0 / 64.0, m3 = 3240.0 / 256.0;
  const double m4 = (14641.0 + 2401.0 + 1.0 + 83521.0) / 256.0 / 4.0;
  EXPECT_NEAR(ar::run<ar::skewness>({.window = 4}, x)[3],
              std::sqrt(12.0) / 2.0 * m3 / std::pow(m2, 1.5), 1e-14);
  const double g2 = m4 / (m2 * m2) - 3.0;
  EXPECT_NEAR(ar::run<ar::kurtosis>({.window = 4}, x)[3], (5.0 * g2 + 6.0) * 3.0 / 2.0, 1e-13);
  // Symmetric window: skewness 0; constant window: NaN.
  EXPECT_NEAR(ar::run<ar::skewness>({.window = 3}, std::vector<double>{1, 2, 3})[2], 0.0, 1e-15);
  EXPECT_TRUE(std::isnan(ar::run<ar::skewness>({.window = 3}, std::vector<double>{5, 5, 5})[2]));
  EXPECT_THROW(ar::kurtosis({.window = 3}), alpha::config_error);  // needs 4 values
}

TEST(RollingMoments, MatchesLongDoubleTwoPassWithNaNs) {
  for (std::size_t w : {4u, 10u, 40u}) {
    for (std::size_t mp : {std::size_t{4}, w}) {
      const auto x = alpha_test::noisy_series(3000, 500 + w, 0.1);
      EXPECT_TRUE(alpha_test::close_all(ar::run<ar::skewness>({.window = w, .min_periods = mp}, x),
                                        alpha_test::naive_rolling(x, w, mp, alpha_test::naive_skew),
                                        1e-9, 1.0))
          << "skew w=" << w << " mp=" << mp;
      EXPECT_TRUE(alpha_test::close_all(ar::run<ar::kurtosis>({.window = w, .min_periods = mp}, x),
                                        alpha_test::naive_rolling(x, w, mp, alpha_test::naive_kurt),
                                        1e-9, 1.0))
          << "kurt w=" << w << " mp=" << mp;
    }
  }
}

namespace {
// Naive OLS of the valid values of each window on x = (w-1) - (t-j), the newest at w - 1.
std::vector<double> naive_linreg(const std::vector<double>& y, std::size_t w, std::size_t mp,
                                 ar::linreg_output what) {
  std::vector<double> out(y.size(), alpha_test::qnan);
  for (std::size_t t = 0; t < y.size(); ++t) {
    const std::size_t lo = t + 1 >= w ? t + 1 - w : 0;
    alpha_test::ld_vec xs, ys;
    for (std::size_t j = lo; j <= t; ++j)
      if (!std::isnan(y[j])) {
        xs.push_back(static_cast<long double>(w - 1) - static_cast<long double>(t - j));
        ys.push_back(y[j]);
      }
    if (xs.size() < std::max<std::size_t>(mp, 2)) continue;
    const long double sxy = alpha_test::ld_cross(xs, ys), sxx = alpha_test::ld_central(xs, 2);
    const long double syy = alpha_test::ld_central(ys, 2);
    const long double slope = sxy / sxx;
    const long double icpt = alpha_test::ld_mean(ys) - slope * alpha_test::ld_mean(xs);
    switch (what) {
      case ar::linreg_output::slope:
        out[t] = static_cast<double>(slope);
        break;
      case ar::linreg_output::intercept:
        out[t] = static_cast<double>(icpt);
        break;
      case ar::linreg_output::r_squared:
        out[t] = static_cast<double>(sxy * sxy / (sxx * syy));
        break;
      case ar::linreg_output::forecast:
        out[t] = static_cast<double>(icpt + slope * static_cast<long double>(w - 1));
        break;
    }
  }
  return out;
}
}  // namespace

TEST(RollingLinearRegression, HandComputed) {
  // y = {1, 2, 4} on x = {0, 1, 2}: slope = sum (x-1)(y-7/3) / 2 = (4/3 + 0 + 5/3)/2 = 3/2;
  // intercept = 7/3 - 3/2 = 5/6; forecast at x = 2: 5/6 + 3 = 23/6;
  // r^2 = (3)^2 / (2 * 14/3) = 27/28.
  const std::vector<double> y{1, 2, 4};
  EXPECT_DOUBLE_EQ(ar::run<ar::linreg_slope>({.window = 3}, y)[2], 1.5);
  EXPECT_DOUBLE_EQ(ar::run<ar::linreg_intercept>({.window = 3}, y)[2], 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(ar::run<ar::linreg_forecast>({.window = 3}, y)[2], 23.0 / 6.0);
  EXPECT_DOUBLE_EQ(ar::run<ar::linreg_r_squared>({.window = 3}, y)[2], 27.0 / 28.0);
  ar::linreg_slope acc({.window = 3});
  for (double v : y) acc.update(v);
  EXPECT_DOUBLE_EQ(acc.intercept(), 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(acc.forecast(), 23.0 / 6.0);
  EXPECT_DOUBLE_EQ(acc.r_squared(), 27.0 / 28.0);
  EXPECT_THROW(ar::linreg_slope({.window = 2'000'000}), alpha::config_error);
}

TEST(RollingLinearRegression, MatchesLongDoubleReferenceWithNaNs) {
  for (std::size_t w : {2u, 7u, 30u}) {
    for (std::size_t mp : {std::size_t{2}, w}) {
      const auto y = alpha_test::noisy_series(3000, 600 + w, 0.1);
      for (auto what : {ar::linreg_output::slope, ar::linreg_output::intercept,
                        ar::linreg_output::r_squared, ar::linreg_output::forecast}) {
        std::vector<double> got;
        const ar::window_params p{.window = w, .min_periods = mp};
        switch (what) {
          case ar::linreg_output::slope:
            got = ar::run<ar::linreg_slope>(p, y);
            break;
          case ar::linreg_output::intercept:
            got = ar::run<ar::linreg_intercept>(p, y);
            break;
          case ar::linreg_output::r_squared:
            got = ar::run<ar::linreg_r_squared>(p, y);
            break;
          case ar::linreg_output::forecast:
            got = ar::run<ar::linreg_forecast>(p, y);
            break;
        }
        // Slopes cross zero: relative to max(|ref|, 1) (unit-scale steps).
        EXPECT_TRUE(alpha_test::close_all(got, naive_linreg(y, w, mp, what), 1e-9, 1.0))
            << "w=" << w << " mp=" << mp << " output " << static_cast<int>(what);
      }
    }
  }
}

TEST(RollingLinearRegression, MatchesTaLibSlope20) {
  for (const char* name : {"ttrc", "sp500", "msft"}) {
    SCOPED_TRACE(name);
    ALPHA_REQUIRE_SHARED_FILE(
        path, std::string("reference/indicators/indicators_talib_") + name + ".csv");
    const auto table = alpha_test::read_reference_csv(path);
    const auto got = ar::run<ar::linreg_slope>({.window = 20}, table.at("close"));
    // Slopes cross zero: error relative to max(|ref|, 1e-3 * price level ~ 1e-2..1).
    EXPECT_TRUE(alpha_test::close_all(got, table.at("linreg_slope20"), 1e-9, 1e-2));
  }
}
