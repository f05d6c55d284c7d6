// Tests of rolling::covariance, correlation, beta and zscore: hand cases, long-double two-pass
// references with NaNs, parameter/shape errors, and the accumulator laws.
#include "alpha/rolling/covariance.hpp"

#include "alpha/rolling/batch.hpp"
#include "alpha/rolling/zscore.hpp"

#include "rolling/laws.hpp"
#include "rolling/reference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ar = alpha::rolling;

template <>
struct alpha_test::laws_traits<ar::covariance> {
  static ar::covariance::params params() { return {.window = 15}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(15);
};
template <>
struct alpha_test::laws_traits<ar::correlation> {
  static ar::correlation::params params() { return {.window = 20, .min_periods = 10}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(20);
  static constexpr double batch_tolerance_scale = 1.0;  // z-scores / correlations are O(1)
};
template <>
struct alpha_test::laws_traits<ar::beta> {
  static ar::beta::params params() { return {.window = 8}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(8);
};
template <>
struct alpha_test::laws_traits<ar::zscore> {
  static ar::zscore::params params() { return {.window = 10}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(10);
  static constexpr double batch_tolerance_scale = 1.0;  // z-scores / correlations are O(1)
};
using PairTypes = ::testing::Types<ar::covariance, ar::correlation, ar::beta, ar::zscore>;
INSTANTIATE_TYPED_TEST_SUITE_P(Covariance, AccumulatorLaws, PairTypes);

namespace {
std::vector<double> y_of(const std::vector<double>& x, std::uint64_t seed) {
  auto noise = alpha_test::noisy_series(x.size(), seed, 0.1, 0.0);
  std::vector<double> y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) y[i] = 0.5 * x[i] + noise[i];
  return y;
}
}  // namespace

TEST(RollingCovariance, HandComputed) {
  // window 3 over x = {1, 2, 4}, y = {2, 1, 5}: mx = 7/3, my = 8/3;
  // sum (x-mx)(y-my) = (-4/3)(-2/3) + (-1/3)(-5/3) + (5/3)(7/3) = (8 + 5 + 35)/9 = 16/3;
  // cov (ddof 1) = 8/3; var x = 7/3 (sum 14/3); var y: (4 + 25 + 49)/9 = 26/3 -> 13/3;
  // corr = (16/3) / sqrt(14/3 * 26/3) = 16 / sqrt(364); beta = (16/3)/(14/3) = 8/7.
  const std::vector<double> x{1, 2, 4}, y{2, 1, 5};
  std::vector<double> out(3);
  ar::run<ar::covariance>({.window = 3}, x, y, out);
  EXPECT_DOUBLE_EQ(out[2], 8.0 / 3.0);
  ar::run<ar::correlation>({.window = 3}, x, y, out);
  EXPECT_DOUBLE_EQ(out[2], 16.0 / std::sqrt(364.0));
  ar::run<ar::beta>({.window = 3}, x, y, out);
  EXPECT_DOUBLE_EQ(out[2], 8.0 / 7.0);
  // zscore of 4 in {1, 2, 4}: (4 - 7/3) / sqrt(7/3).
  EXPECT_DOUBLE_EQ(ar::run<ar::zscore>({.window = 3}, x)[2],
                   (4.0 - 7.0 / 3.0) / std::sqrt(7.0 / 3.0));
  // Constant x: correlation and beta undefined, covariance 0.
  const std::vector<double> cx{2, 2, 2};
  ar::run<ar::correlation>({.window = 3}, cx, y, out);
  EXPECT_TRUE(std::isnan(out[2]));
  ar::run<ar::beta>({.window = 3}, cx, y, out);
  EXPECT_TRUE(std::isnan(out[2]));
  ar::run<ar::covariance>({.window = 3}, cx, y, out);
  EXPECT_EQ(out[2], 0.0);
}

TEST(RollingCovariance, MatchesLongDoubleTwoPassWithNaNs) {
  for (std::size_t w : {2u, 5u, 30u}) {
    for (std::size_t mp : {std::size_t{2}, w}) {
      const auto x = alpha_test::noisy_series(3000, 200 + w, 0.1);
      const auto y = y_of(x, 300 + w);
      std::vector<double> got(x.size());
      using alpha_test::ld_vec;
      for (std::size_t ddof : {0u, 1u}) {
        ar::run<ar::covariance>({.window = w, .min_periods = mp, .ddof = ddof}, x, y, got);
        const auto ref = alpha_test::naive_rolling_pair(
            x, y, w, std::max(mp, ddof + 1), [ddof](const ld_vec& a, const ld_vec& b) {
              return static_cast<double>(alpha_test::ld_cross(a, b) /
                                         static_cast<long double>(a.size() - ddof));
            });
        // Covariances can be ~0: relative to the product of the series' spreads (~w).
        EXPECT_TRUE(alpha_test::close_all(got, ref, 1e-9, 1.0)) << "cov w=" << w << " mp=" << mp;
      }
      ar::run<ar::correlation>({.window = w, .min_periods = mp}, x, y, got);
      auto ref = alpha_test::naive_rolling_pair(x, y, w, mp, [](const ld_vec& a, const ld_vec& b) {
        return static_cast<double>(
            alpha_test::ld_cross(a, b) /
            std::sqrt(alpha_test::ld_central(a, 2) * alpha_test::ld_central(b, 2)));
      });
      EXPECT_TRUE(alpha_test::close_all(got, ref, 1e-9, 1.0)) << "corr w=" << w << " mp=" << mp;
      ar::run<ar::beta>({.window = w, .min_periods = mp}, x, y, got);
      ref = alpha_test::naive_rolling_pair(x, y, w, mp, [](const ld_vec& a, const ld_vec& b) {
        return static_cast<double>(alpha_test::ld_cross(a, b) / alpha_test::ld_central(a, 2));
      });
      EXPECT_TRUE(alpha_test::close_all(got, ref, 1e-9, 1.0)) << "beta w=" << w << " mp=" << mp;
    }
  }
}

TEST(RollingZscore, MatchesLongDoubleTwoPassWithNaNs) {
  for (std::size_t w : {3u, 20u}) {
    for (std::size_t mp : {std::size_t{2}, w}) {
      const auto x = alpha_test::noisy_series(3000, 400 + w, 0.1);
      const auto got = ar::run<ar::zscore>({.window = w, .min_periods = mp}, x);
      const auto ref =
          alpha_test::naive_rolling(x, w, mp, [](std::span<const double> win) -> double {
            if (std::isnan(win.back())) return alpha_test::qnan;
            const auto v = alpha_test::valid_of(win);
            const long double sd =
                std::sqrt(alpha_test::ld_central(v, 2) / static_cast<long double>(v.size() - 1));
            return static_cast<double>((win.back() - alpha_test::ld_mean(v)) / sd);
          });
      // z-scores cross zero: relative to max(|z|, 1).
      EXPECT_TRUE(alpha_test::close_all(got, ref, 1e-9, 1.0)) << "w=" << w << " mp=" << mp;
    }
  }
}

TEST(RollingCovariance, BadInput) {
  const std::vector<double> x{1, 2, 3}, y{1, 2};
  std::vector<double> out(3);
  EXPECT_THROW(ar::run<ar::correlation>({.window = 2}, x, y, out), alpha::shape_error);
  EXPECT_THROW(ar::beta::batch({.window = 2}, x, y, out), alpha::shape_error);
  try {
    ar::correlation c({.window = 1});
    FAIL() << "correlation over 1 value accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "window");
  }
  EXPECT_THROW(ar::covariance({.window = 4, .min_periods = 5}), alpha::config_error);
}
