// The batch driver's input checks (a window longer than the series, mismatched lengths), and the
// fast block kernels rolling::run uses for the moment accumulators.
#include "alpha/rolling/batch.hpp"

#include "alpha/rolling/covariance.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"
#include "alpha/rolling/zscore.hpp"

#include "rolling/reference.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

TEST(RollingBatch, WindowLongerThanSeriesIsAConfigError) {
  const std::vector<double> x{1, 2, 3};
  try {
    (void)alpha::rolling::run<alpha::rolling::mean>({.window = 5}, x);
    FAIL() << "no error";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "window");
    EXPECT_NE(std::string(e.what()).find("window 5 is longer than the series (3 values)"),
              std::string::npos)
        << e.what();
  }
  // A window equal to the length is fine: one defined output, the mean of 1, 2, 3.
  const auto out = alpha::rolling::run<alpha::rolling::mean>({.window = 3}, x);
  EXPECT_EQ(out[2], 2.0);
}

TEST(RollingBatch, PairInputsMustHaveEqualLengths) {
  const std::vector<double> x{1, 2, 3}, y{1, 2};
  std::vector<double> out(3);
  EXPECT_THROW(
      alpha::rolling::run<alpha::rolling::correlation>({.window = 2}, x, y, std::span<double>(out)),
      alpha::shape_error);
}

// ---- The fast block kernels behind rolling::run (sum/mean/variance/std/zscore/cov/corr/beta)
// against independent long-double two-pass references, on series built to exercise every path:
// NaN runs (count channel), constant stretches (exact zero through the exact fallback), level
// jumps of 1e6 (anchor far from the window: fallback), 1e9 + tiny noise, several block sizes.

namespace {
namespace ar = alpha::rolling;

// Random walk, then: NaN runs, constant stretches, a 1e6 level jump and back.
std::vector<double> hard_series(std::size_t n, std::uint64_t seed) {
  auto x = alpha_test::noisy_series(n, seed, 0.05);
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 331 < 40) x[i] = 7.25;                                 // constant stretch
    if (i % 997 >= 500 && i % 997 < 520) x[i] = alpha_test::qnan;  // NaN run
    if (i % 1499 >= 700 && i % 1499 < 900 && !std::isnan(x[i])) x[i] += 1e6;
  }
  return x;
}
}  // namespace

TEST(RollingFastBatch, MatchesLongDoubleTwoPassOnHardSeries) {
  const std::size_t n = 4000;
  for (std::size_t w : {1u, 2u, 3u, 7u, 8u, 9u, 20u, 64u}) {
    const auto x = hard_series(n, 10 + w);
    auto y = alpha_test::noisy_series(n, 77 + w, 0.05);
    for (std::size_t i = 0; i < n; ++i) y[i] += std::isnan(x[i]) ? 0.0 : 0.6 * x[i];
    const std::size_t mp = std::max<std::size_t>(2, (w + 1) / 2);
    SCOPED_TRACE(testing::Message() << "w=" << w);
    using alpha_test::close_all;
    using alpha_test::naive_rolling;
    const std::size_t mp1 = std::min(mp, w);
    EXPECT_TRUE(close_all(ar::run<ar::mean>({.window = w, .min_periods = mp1}, x),
                          naive_rolling(x, w, mp1, alpha_test::naive_mean), 1e-13, 1.0));
    if (w < 2) continue;
    const auto var_ref = naive_rolling(x, w, mp, alpha_test::naive_var(1));
    const auto var = ar::run<ar::variance>({.window = w, .min_periods = mp}, x);
    EXPECT_TRUE(close_all(var, var_ref, 1e-10));
    // Constant windows give exactly 0 (as streaming), z-score NaN.
    const auto z = ar::run<ar::zscore>({.window = w, .min_periods = mp}, x);
    for (std::size_t t = w; t < n; ++t) {
      bool constant = true, any = false;  // every valid value is the plateau 7.25
      for (std::size_t j = t + 1 - w; j <= t; ++j) {
        if (std::isnan(x[j])) continue;
        constant = constant && x[j] == 7.25;
        any = true;
      }
      if (any && constant && !std::isnan(var[t])) {
        EXPECT_EQ(var[t], 0.0) << "t=" << t;
        EXPECT_TRUE(std::isnan(z[t])) << "t=" << t;
      }
    }
    // z-score and correlation against the two-pass reference (absolute, their scale is 1).
    const auto z_ref = naive_rolling(x, w, mp, [&](std::span<const double> win) {
      const double xt = win.back();
      const auto v = alpha_test::valid_of(win);
      const long double m2 = alpha_test::ld_central(v, 2);
      if (std::isnan(xt) || m2 == 0) return alpha_test::qnan;
      return static_cast<double>((xt - alpha_test::ld_mean(v)) /
                                 std::sqrt(m2 / static_cast<long double>(v.size() - 1)));
    });
    EXPECT_TRUE(close_all(z, z_ref, 1e-10, 1.0));
    std::vector<double> corr(n);
    ar::run<ar::correlation>({.window = w, .min_periods = mp}, x, y, corr);
    const auto corr_ref = alpha_test::naive_rolling_pair(
        x, y, w, mp, [](const alpha_test::ld_vec& a, const alpha_test::ld_vec& b) {
          const long double sxx = alpha_test::ld_cross(a, a), syy = alpha_test::ld_cross(b, b);
          if (sxx == 0 || syy == 0) return alpha_test::qnan;
          return static_cast<double>(alpha_test::ld_cross(a, b) / std::sqrt(sxx * syy));
        });
    EXPECT_TRUE(close_all(corr, corr_ref, 1e-10, 1.0));
    // And within the documented tolerance of streaming (scale: see fast_batch_tolerance).
    ar::variance s({.window = w, .min_periods = mp});
    for (std::size_t t = 0; t < n; ++t) {
      s.update(x[t]);
      const double v = s.value();
      ASSERT_EQ(std::isnan(v), std::isnan(var[t])) << "t=" << t;
      if (!std::isnan(v)) {
        EXPECT_LE(std::abs(v - var[t]), ar::fast_batch_tolerance(w) * std::abs(v)) << "t=" << t;
      }
    }
  }
}

TEST(RollingFastBatch, StableOnLargeOffsetAndNoLookAheadThroughFallbacks) {
  // 1e9 + N(0, 1e-3): full relative precision (two-pass reference in long double).
  std::vector<double> x(5000);
  std::mt19937_64 gen(5);
  std::normal_distribution<double> noise(0.0, 1e-3);
  for (auto& v : x) v = 1e9 + noise(gen);
  for (std::size_t w : {20u, 250u}) {
    const auto got = ar::run<ar::std_dev>({.window = w}, x);
    const auto ref = alpha_test::naive_rolling(x, w, w, [](std::span<const double> win) {
      const auto v = alpha_test::valid_of(win);
      return static_cast<double>(std::sqrt(alpha_test::ld_central(v, 2) / (v.size() - 1)));
    });
    EXPECT_TRUE(alpha_test::close_all(got, ref, 1e-11)) << "w=" << w;
  }
  // A level jump placed later in the same block must not change earlier outputs (the exact
  // fallback starts at the first flagged output, never before).
  const std::size_t w = 50;
  auto base = alpha_test::noisy_series(1000, 9, 0.0);
  const auto before = ar::run<ar::variance>({.window = w}, base);
  for (std::size_t jump : {520u, 549u, 575u}) {
    auto changed = base;
    for (std::size_t i = jump; i < changed.size(); ++i) changed[i] = 1e7 + 1e-3 * base[i];
    const auto after = ar::run<ar::variance>({.window = w}, changed);
    for (std::size_t t = 0; t < jump; ++t)
      ASSERT_EQ(std::memcmp(&after[t], &before[t], sizeof(double)), 0)
          << "jump " << jump << " t " << t;
  }
}
