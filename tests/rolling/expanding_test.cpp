// Tests of the expanding accumulators: hand cases, long-double two-pass references over the whole
// history with NaNs, and the accumulator laws (the window NaN law does not apply: opted out).
#include "alpha/rolling/expanding.hpp"

#include "alpha/rolling/batch.hpp"

#include "rolling/laws.hpp"
#include "rolling/reference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace ar = alpha::rolling;

namespace alpha_test {
template <class A>
struct expanding_laws {
  static typename A::params params() { return {.min_periods = 3}; }
  static constexpr bool check_nan_policy = false;  // nothing ever leaves an expanding window
  static constexpr std::size_t length = 300;
};
template <>
struct laws_traits<ar::expanding_sum> : expanding_laws<ar::expanding_sum> {};
template <>
struct laws_traits<ar::expanding_mean> : expanding_laws<ar::expanding_mean> {};
template <>
struct laws_traits<ar::expanding_variance> : expanding_laws<ar::expanding_variance> {};
template <>
struct laws_traits<ar::expanding_std_dev> : expanding_laws<ar::expanding_std_dev> {};
template <>
struct laws_traits<ar::expanding_covariance> : expanding_laws<ar::expanding_covariance> {};
template <>
struct laws_traits<ar::expanding_correlation> : expanding_laws<ar::expanding_correlation> {};
template <>
struct laws_traits<ar::expanding_beta> : expanding_laws<ar::expanding_beta> {};
template <>
struct laws_traits<ar::expanding_skewness> : expanding_laws<ar::expanding_skewness> {};
template <>
struct laws_traits<ar::expanding_kurtosis> : expanding_laws<ar::expanding_kurtosis> {};
}  // namespace alpha_test

using ExpandingTypes =
    ::testing::Types<ar::expanding_sum, ar::expanding_mean, ar::expanding_variance,
                     ar::expanding_std_dev, ar::expanding_covariance, ar::expanding_correlation,
                     ar::expanding_beta, ar::expanding_skewness, ar::expanding_kurtosis>;
INSTANTIATE_TYPED_TEST_SUITE_P(Expanding, AccumulatorLaws, ExpandingTypes);

TEST(Expanding, HandComputed) {
  // {1, NaN, 2, 4}: means 1, 1, 1.5, 7/3; sample variances NaN, NaN, 0.5, 7/3.
  const std::vector<double> x{1, alpha_test::qnan, 2, 4};
  const auto m = ar::run<ar::expanding_mean>({}, x);
  EXPECT_EQ(m[0], 1.0);
  EXPECT_EQ(m[1], 1.0);
  EXPECT_DOUBLE_EQ(m[2], 1.5);
  EXPECT_DOUBLE_EQ(m[3], 7.0 / 3.0);
  const auto v = ar::run<ar::expanding_variance>({}, x);
  EXPECT_TRUE(std::isnan(v[0]));
  EXPECT_TRUE(std::isnan(v[1]));
  EXPECT_DOUBLE_EQ(v[2], 0.5);
  EXPECT_DOUBLE_EQ(v[3], 7.0 / 3.0);
  ar::expanding_variance pop({.ddof = 0});
  EXPECT_EQ(pop.lookback(), 0u);
  EXPECT_THROW(ar::expanding_mean({.min_periods = 0}), alpha::config_error);
}

TEST(Expanding, MatchesLongDoubleTwoPassWithNaNs) {
  const std::size_t n = 1500;
  const auto x = alpha_test::noisy_series(n, 700, 0.1);
  const auto noise = alpha_test::noisy_series(n, 701, 0.1, 0.0);
  std::vector<double> y(n);
  for (std::size_t i = 0; i < n; ++i) y[i] = 0.3 * x[i] + noise[i];
  const std::size_t all = std::numeric_limits<std::size_t>::max() / 2;  // window = whole history
  using alpha_test::close_all;
  using alpha_test::naive_rolling;
  const ar::expanding_params p{.min_periods = 5};
  EXPECT_TRUE(close_all(ar::run<ar::expanding_sum>(p, x),
                        naive_rolling(x, all, 5, alpha_test::naive_sum), 1e-12));
  EXPECT_TRUE(close_all(ar::run<ar::expanding_mean>(p, x),
                        naive_rolling(x, all, 5, alpha_test::naive_mean), 1e-12));
  EXPECT_TRUE(close_all(ar::run<ar::expanding_variance>(p, x),
                        naive_rolling(x, all, 5, alpha_test::naive_var(1)), 1e-9));
  EXPECT_TRUE(close_all(ar::run<ar::expanding_skewness>(p, x),
                        naive_rolling(x, all, 5, alpha_test::naive_skew), 1e-9, 1.0));
  EXPECT_TRUE(close_all(ar::run<ar::expanding_kurtosis>(p, x),
                        naive_rolling(x, all, 5, alpha_test::naive_kurt), 1e-9, 1.0));
  using alpha_test::ld_vec;
  std::vector<double> got(n);
  ar::run<ar::expanding_correlation>(p, x, y, got);
  EXPECT_TRUE(close_all(got,
                        alpha_test::naive_rolling_pair(
                            x, y, all, 5,
                            [](const ld_vec& a, const ld_vec& b) {
                              return static_cast<double>(alpha_test::ld_cross(a, b) /
                                                         std::sqrt(alpha_test::ld_central(a, 2) *
                                                                   alpha_test::ld_central(b, 2)));
                            }),
                        1e-9, 1.0));
  ar::run<ar::expanding_covariance>({.min_periods = 5, .ddof = 0}, x, y, got);
  EXPECT_TRUE(close_all(got,
                        alpha_test::naive_rolling_pair(x, y, all, 5,
                                                       [](const ld_vec& a, const ld_vec& b) {
                                                         return static_cast<double>(
                                                             alpha_test::ld_cross(a, b) /
                                                             static_cast<long double>(a.size()));
                                                       }),
                        1e-9, 1.0));
}
