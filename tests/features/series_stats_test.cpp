// Bands and statistics of one series: Bollinger bands, STDDEV, VAR, linear regression family,
// historical volatility.
#include "alpha/features/ta/bbands.hpp"
#include "alpha/features/ta/historical_volatility.hpp"
#include "alpha/features/ta/linear_regression.hpp"
#include "alpha/features/ta/stddev.hpp"

#include "features/laws.hpp"
#include "features/series_reference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <numbers>
#include <vector>

namespace f = alpha::features;
using alpha_test::series::matches;
using alpha_test::series::qnan;
using alpha_test::series::run1;

template <>
struct alpha_test::indicator_traits<f::bbands> {
  static f::bbands::params params() { return {.period = 20, .nbdev_up = 2, .nbdev_dn = 2}; }
};
template <>
struct alpha_test::indicator_traits<f::stddev> {
  static f::stddev::params params() { return {.period = 20, .nbdev = 1}; }
};
template <>
struct alpha_test::indicator_traits<f::var> {
  static f::var::params params() { return {.period = 20}; }
};
template <>
struct alpha_test::indicator_traits<f::linear_regression> {
  static f::linear_regression::params params() { return {.period = 20}; }
};
template <>
struct alpha_test::indicator_traits<f::historical_volatility> {
  static f::historical_volatility::params params() { return {.period = 20}; }
};

using StatTypes =
    ::testing::Types<f::bbands, f::stddev, f::var, f::linear_regression, f::historical_volatility>;
INSTANTIATE_TYPED_TEST_SUITE_P(SeriesStats, IndicatorLaws, StatTypes);

TEST(SeriesStats, AgainstTaLibAndTtr) {
  for (const char* name : alpha_test::series::datasets) {
    {
      ALPHA_LOAD_INDICATOR_REFERENCE(ref, "talib", name);
      const auto& x = ref.at("close");
      const auto b = f::run<f::bbands>({.period = 20}, f::series_input::from(std::span(x)));
      EXPECT_TRUE(matches(b[0], ref.at("bb_up"), 1e-9)) << name;
      EXPECT_TRUE(matches(b[1], ref.at("bb_mavg"), 1e-9)) << name;
      EXPECT_TRUE(matches(b[2], ref.at("bb_dn"), 1e-9)) << name;
      // TA-Lib's running sum of squares is off by up to ~3.4e-9 absolute (CONVENTIONS.md), i.e.
      // ~1e-9 relative to small deviations: bound 1e-8 relative (scaled by max(1, |sd|)).
      EXPECT_TRUE(matches(run1<f::stddev>({.period = 20}, x), ref.at("sd20_pop"), 1e-8)) << name;
      EXPECT_TRUE(matches(run1<f::var>({.period = 20}, x), ref.at("var20_pop"), 1e-8)) << name;
      EXPECT_TRUE(
          matches(run1<f::linear_regression>({.period = 20}, x), ref.at("linreg_slope20"), 1e-9))
          << name;
    }
    {
      ALPHA_LOAD_INDICATOR_REFERENCE(ref, "ttr", name);
      const auto& x = ref.at("close");
      const auto b = f::run<f::bbands>({.period = 20}, f::series_input::from(std::span(x)));
      EXPECT_TRUE(matches(b[0], ref.at("bb_up"), 1e-9)) << name;
      EXPECT_TRUE(matches(b[1], ref.at("bb_mavg"), 1e-9)) << name;
      EXPECT_TRUE(matches(b[2], ref.at("bb_dn"), 1e-9)) << name;
      EXPECT_TRUE(matches(b[3], ref.at("bb_pctb"), 1e-9)) << name;
      EXPECT_TRUE(matches(run1<f::stddev>({.period = 20}, x), ref.at("sd20_pop"), 1e-9)) << name;
    }
  }
}

// Hand-computed: 1, 2, 3, 5 with n = 4: mean 2.75, population var = (3.0625 + 0.5625 + 0.0625
// + 5.0625)/4 = 2.1875; OLS on x = 0..3: slope = sum (x - 1.5)(y - 2.75) / 5 = 6.5/5 = 1.3,
// intercept = 2.75 - 1.3*1.5 = 0.8, forecast = 0.8 + 3.9 = 4.7, tsf = 0.8 + 5.2 = 6.0.
TEST(SeriesStats, HandComputed) {
  const std::vector<double> x{1, 2, 3, 5};
  EXPECT_NEAR(run1<f::var>({.period = 4}, x)[3], 2.1875, 1e-14);
  const auto l = f::run<f::linear_regression>({.period = 4}, f::series_input::from(std::span(x)));
  EXPECT_NEAR(l[0][3], 1.3, 1e-13);
  EXPECT_NEAR(l[1][3], 0.8, 1e-13);
  EXPECT_NEAR(l[2][3], std::atan(1.3) * 180 / std::numbers::pi, 1e-12);
  EXPECT_NEAR(l[3][3], 4.7, 1e-13);
  EXPECT_NEAR(l[4][3], 6.0, 1e-13);
}

TEST(SeriesStats, AgainstNaiveDefinitions) {
  const std::vector<double> x = alpha_test::series::random_prices(500, 17);
  const std::size_t N = x.size(), n = 20;
  const auto l = f::run<f::linear_regression>({.period = n}, f::series_input::from(std::span(x)));
  const auto b = f::run<f::bbands>({.period = n, .nbdev_up = 2.5, .nbdev_dn = 1.5},
                                   f::series_input::from(std::span(x)));
  const auto hv = run1<f::historical_volatility>({.period = n}, x);
  const auto hv0 =
      run1<f::historical_volatility>({.period = n, .periods_per_year = 52, .ddof = 0}, x);
  for (std::size_t t = n; t < N; ++t) {
    long double sy = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) sy += x[t + 1 - n + i];
    const long double xbar = (n - 1) / 2.0L, ybar = sy / n;
    long double sxx = 0, ss = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const long double y = x[t + 1 - n + i];
      sxy += (i - xbar) * (y - ybar);
      sxx += (i - xbar) * (i - xbar);
      ss += (y - ybar) * (y - ybar);
    }
    const long double m = sxy / sxx, c = ybar - m * xbar;
    EXPECT_NEAR(l[0][t], static_cast<double>(m), 1e-11) << t;
    EXPECT_NEAR(l[1][t], static_cast<double>(c), 1e-9) << t;
    EXPECT_NEAR(l[2][t], static_cast<double>(std::atan(m) * 180 / std::numbers::pi_v<long double>),
                1e-9)
        << t;
    EXPECT_NEAR(l[3][t], static_cast<double>(c + m * (n - 1)), 1e-9) << t;
    EXPECT_NEAR(l[4][t], static_cast<double>(c + m * n), 1e-9) << t;
    const long double sd = std::sqrt(ss / n);
    const long double up = ybar + 2.5L * sd, dn = ybar - 1.5L * sd;
    EXPECT_NEAR(b[0][t], static_cast<double>(up), 1e-10) << t;
    EXPECT_NEAR(b[2][t], static_cast<double>(dn), 1e-10) << t;
    EXPECT_NEAR(b[3][t], static_cast<double>((x[t] - dn) / (up - dn)), 1e-9) << t;
    EXPECT_NEAR(b[4][t], static_cast<double>((up - dn) / ybar), 1e-12) << t;
    // Historical volatility: the n log returns ending at t.
    long double sr = 0, srr = 0;
    for (std::size_t i = t + 1 - n; i <= t; ++i)
      sr += std::log(static_cast<long double>(x[i]) / x[i - 1]);
    const long double rbar = sr / n;
    for (std::size_t i = t + 1 - n; i <= t; ++i) {
      const long double r = std::log(static_cast<long double>(x[i]) / x[i - 1]) - rbar;
      srr += r * r;
    }
    EXPECT_NEAR(hv[t], static_cast<double>(std::sqrt(srr / (n - 1) * 252)), 1e-12) << t;
    EXPECT_NEAR(hv0[t], static_cast<double>(std::sqrt(srr / n * 52)), 1e-12) << t;
  }
  EXPECT_TRUE(std::isnan(hv[n - 1]));
}

TEST(SeriesStats, BadParams) {
  EXPECT_THROW(f::bbands({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::bbands({.period = 20, .nbdev_up = qnan}), alpha::config_error);
  EXPECT_THROW(f::bbands({.period = 20, .nbdev_up = 2, .nbdev_dn = INFINITY}), alpha::config_error);
  EXPECT_THROW(f::stddev({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::stddev({.period = 5, .nbdev = qnan}), alpha::config_error);
  EXPECT_THROW(f::var({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::linear_regression({.period = 1}), alpha::config_error);
  EXPECT_THROW(f::historical_volatility({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::historical_volatility({.period = 20, .periods_per_year = 0}),
               alpha::config_error);
  EXPECT_THROW(f::historical_volatility({.period = 20, .periods_per_year = 252, .ddof = 2}),
               alpha::config_error);
  const std::vector<double> x(50, 1.0);
  EXPECT_THROW((void)f::run<f::bbands>({.period = 0}, f::series_input::from(std::span(x))),
               alpha::config_error);
}
