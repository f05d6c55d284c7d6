// Tests of rolling::variance and rolling::std_dev: hand cases, pandas std20 (ddof 1 and 0),
// long-double two-pass reference with NaNs, numerical stability on 1e9 + tiny noise, parameter
// validation, and the accumulator laws.
#include "alpha/rolling/variance.hpp"

#include "alpha/rolling/batch.hpp"

#include "rolling/laws.hpp"
#include "rolling/reference.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

namespace ar = alpha::rolling;

template <>
struct alpha_test::laws_traits<ar::variance> {
  static ar::variance::params params() { return {.window = 12}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(12);
};
template <>
struct alpha_test::laws_traits<ar::std_dev> {
  static ar::std_dev::params params() { return {.window = 9, .min_periods = 3, .ddof = 0}; }
  // rolling::run uses the fast block kernel: within the documented tolerance of streaming.
  static constexpr double batch_tolerance = ar::fast_batch_tolerance(9);
};
using VarianceTypes = ::testing::Types<ar::variance, ar::std_dev>;
INSTANTIATE_TYPED_TEST_SUITE_P(Variance, AccumulatorLaws, VarianceTypes);

TEST(RollingVariance, HandComputed) {
  // window 3 over {1, 2, 4}: mean 7/3, squared deviations 16/9 + 1/9 + 25/9 = 42/9 = 14/3;
  // sample variance 14/3 / 2 = 7/3, population 14/9.
  const std::vector<double> x{1, 2, 4};
  EXPECT_DOUBLE_EQ(ar::run<ar::variance>({.window = 3}, x)[2], 7.0 / 3.0);
  EXPECT_DOUBLE_EQ(ar::run<ar::variance>({.window = 3, .ddof = 0}, x)[2], 14.0 / 9.0);
  EXPECT_DOUBLE_EQ(ar::run<ar::std_dev>({.window = 3}, x)[2], std::sqrt(7.0 / 3.0));
  // min_periods 1 with ddof 1: one value has no sample variance -> lookback 1.
  ar::variance v({.window = 3, .min_periods = 1});
  EXPECT_EQ(v.lookback(), 1u);
  v.update(5.0);
  EXPECT_TRUE(std::isnan(v.value()));
  // Constant window: exactly zero, even after non-constant values left it.
  const std::vector<double> c{3.7, 1.1, 2.2, 2.2, 2.2, 2.2};
  const auto vc = ar::run<ar::variance>({.window = 3}, c);
  EXPECT_EQ(vc[4], 0.0);
  EXPECT_EQ(vc[5], 0.0);
}

TEST(RollingVariance, MatchesLongDoubleTwoPassWithNaNs) {
  for (std::size_t w : {2u, 3u, 10u, 50u}) {
    for (std::size_t ddof : {0u, 1u}) {
      for (std::size_t mp : {std::max<std::size_t>(1, ddof + 1), w / 2 + 1, w}) {
        const auto x = alpha_test::noisy_series(3000, 100 + w, 0.15);
        const auto ref =
            alpha_test::naive_rolling(x, w, std::max(mp, ddof + 1), alpha_test::naive_var(ddof));
        const auto got = ar::run<ar::variance>({.window = w, .min_periods = mp, .ddof = ddof}, x);
        EXPECT_TRUE(alpha_test::close_all(got, ref, 1e-9))
            << "w=" << w << " ddof=" << ddof << " mp=" << mp;
      }
    }
  }
}

TEST(RollingStdDev, MatchesPandasStd20) {
  for (const char* name : {"ttrc", "sp500", "msft"}) {
    SCOPED_TRACE(name);
    ALPHA_REQUIRE_SHARED_FILE(
        path, std::string("reference/indicators/indicators_pandas_") + name + ".csv");
    const auto table = alpha_test::read_reference_csv(path);
    const auto& close = table.at("close");
    EXPECT_TRUE(alpha_test::close_all(ar::run<ar::std_dev>({.window = 20}, close),
                                      table.at("rolling_std20_ddof1"), 1e-9));
    EXPECT_TRUE(alpha_test::close_all(ar::run<ar::std_dev>({.window = 20, .ddof = 0}, close),
                                      table.at("rolling_std20_ddof0"), 1e-9));
  }
}

// 1e9 + N(0, 1e-3): naive running sums of x and x^2 lose everything here (x^2 ~ 1e18 has an ulp of
// 128, while the window's sum of squared deviations is ~5e-5). We require the streaming variance
// of the final windows to match a long-double two-pass over the same doubles to 1e-10 relative.
TEST(RollingVariance, StableOnLargeOffsetAfterManyUpdates) {
#if defined(__SANITIZE_ADDRESS__)
  constexpr std::size_t n = 1'000'000;  // ASan/UBSan build at -O1: 10x fewer updates
#else
  constexpr std::size_t n = 10'000'000;
#endif
  constexpr std::size_t w = 50;
  std::mt19937_64 gen(2024);
  std::normal_distribution<double> noise(0.0, 1e-3);
  ar::variance v({.window = w});
  std::vector<double> tail(w + 200);
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    const double x = 1e9 + noise(gen);
    v.update(x);
    if (i >= n - tail.size()) tail[i - (n - tail.size())] = x;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double ref = static_cast<double>(
      alpha_test::ld_central(alpha_test::valid_of({tail.data() + tail.size() - w, w}), 2) /
      (w - 1));
  const double rel = std::abs(v.value() - ref) / ref;
  RecordProperty("relative_error", std::to_string(rel));
  RecordProperty("seconds", std::to_string(secs));
  std::printf("[ stability ] %zu updates, final relative error %.3g (%.3f s)\n", n, rel, secs);
  EXPECT_LT(rel, 1e-10);
  // Every one of the last 200 windows (on both sides of the every-w rebuild), via the batch
  // kernel over the tail (same operations as streaming, so the same precision).
  const auto out = ar::run<ar::variance>({.window = w}, tail);
  double worst = 0;
  for (std::size_t t = w - 1; t < tail.size(); ++t) {
    const double r = static_cast<double>(
        alpha_test::ld_central(alpha_test::valid_of({tail.data() + t + 1 - w, w}), 2) / (w - 1));
    worst = std::max(worst, std::abs(out[t] - r) / r);
  }
  EXPECT_LT(worst, 1e-10);
  // The naive sum-of-squares formula fails on this input (documents why the scheme matters).
  const double naive_double = [&] {
    double a = 0, b = 0;
    for (std::size_t t = tail.size() - w; t < tail.size(); ++t) {
      a += tail[t];
      b += tail[t] * tail[t];
    }
    return (b - a * a / static_cast<double>(w)) / static_cast<double>(w - 1);
  }();
  EXPECT_GT(std::abs(naive_double - ref) / ref, 1e-2) << "naive formula unexpectedly accurate";
}

TEST(RollingVariance, ParameterValidation) {
  try {
    ar::variance v({.window = 0});
    FAIL() << "window 0 accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "window");
  }
  try {
    ar::std_dev s({.window = 3, .ddof = 3});
    FAIL() << "ddof 3 with window 3 accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "ddof");
  }
  try {
    ar::std_dev s({.window = 3, .min_periods = 0});
    FAIL() << "min_periods 0 accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "min_periods");
    EXPECT_NE(std::string(e.what()).find("min_periods"), std::string::npos);
  }
}
