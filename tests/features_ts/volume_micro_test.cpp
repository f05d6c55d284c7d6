// Volume/VWAP and bar microstructure features: hand-worked bars, naive long-double
// re-implementations (two-pass), bad parameters, and the laws suite.
#include "alpha/features/microstructure/amihud.hpp"
#include "alpha/features/microstructure/corwin_schultz.hpp"
#include "alpha/features/microstructure/kyle_lambda.hpp"
#include "alpha/features/microstructure/roll_spread.hpp"
#include "alpha/features/microstructure/vpin.hpp"
#include "alpha/features/ta/run.hpp"
#include "alpha/features/volume/dollar_volume.hpp"
#include "alpha/features/volume/price_improvement.hpp"
#include "alpha/features/volume/volume_return_correlation.hpp"
#include "alpha/features/volume/volume_zscore.hpp"
#include "alpha/features/volume/vwap_deviation.hpp"
#include "alpha/features/volume/vwap_momentum.hpp"

#include "features/laws.hpp"
#include "features_ts/ts_support.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace af = alpha::features;
using ts_test::close_rel;
using ld = long double;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

alpha::bar make_bar(double h, double l, double c, double v, double vwap = NaN) {
  alpha::bar b;
  b.open = c;
  b.high = h;
  b.low = l;
  b.close = c;
  b.volume = v;
  b.vwap = vwap;
  return b;
}

template <class I>
std::vector<double> stream(const typename I::params& p, const std::vector<alpha::bar>& bars) {
  I ind(p);
  std::vector<double> out;
  for (const auto& b : bars) {
    ind.update(b);
    out.push_back(ind.value());
  }
  return out;
}

std::vector<alpha::bar> bars_of(const alpha_test::ohlcv_data& d) {
  std::vector<alpha::bar> out;
  for (std::size_t i = 0; i < d.size(); ++i) out.push_back(d.at(i));
  return out;
}

}  // namespace

// ---------------------------------------------------------------- VWAP family

TEST(VwapDeviation, HandWorked) {
  // H 12, L 9, C 11: typical price 32/3, deviation (11 - 32/3) / (32/3) = 1/32.
  auto d = stream<af::vwap_deviation>({}, {make_bar(12, 9, 11, 100)});
  EXPECT_NEAR(d[0], 1.0 / 32, 1e-15);
  // With the bar's own VWAP 10: (11 - 10) / 10; ignored when use_bar_vwap is false.
  d = stream<af::vwap_deviation>({}, {make_bar(12, 9, 11, 100, 10)});
  EXPECT_NEAR(d[0], 0.1, 1e-15);
  d = stream<af::vwap_deviation>({.use_bar_vwap = false}, {make_bar(12, 9, 11, 100, 10)});
  EXPECT_NEAR(d[0], 1.0 / 32, 1e-15);
  // Period 2: VWAP = (10 * 100 + 13 * 300) / 400 = 12.25; close 13 -> 0.75 / 12.25.
  d = stream<af::vwap_deviation>({.period = 2},
                                 {make_bar(10, 10, 10, 100), make_bar(13, 13, 13, 300)});
  EXPECT_TRUE(std::isnan(d[0]));
  EXPECT_NEAR(d[1], 0.75 / 12.25, 1e-15);
}

TEST(VwapMomentum, HandWorked) {
  // Flat bars (H = L = C) make the typical price exact: 10, 11, 12; h = 2 -> 12 / 10 - 1.
  const auto m = stream<af::vwap_momentum>(
      {.horizon = 2}, {make_bar(10, 10, 10, 1), make_bar(11, 11, 11, 1), make_bar(12, 12, 12, 1)});
  EXPECT_TRUE(std::isnan(m[1]));
  EXPECT_NEAR(m[2], 0.2, 1e-15);
}

TEST(PriceImprovement, HandWorked) {
  // Bar 1 up (10 -> 11), deviation +1/32: +1/32. Bar 2 down (11 -> 9), H 11, L 8: typical
  // 28/3, deviation (9 - 28/3) / (28/3) = -1/28, side -1: +1/28. Bar 3 unchanged close: 0.
  const auto s = stream<af::price_improvement>({}, {make_bar(10, 10, 10, 5), make_bar(12, 9, 11, 5),
                                                    make_bar(11, 8, 9, 5), make_bar(10, 7, 9, 5)});
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_NEAR(s[1], 1.0 / 32, 1e-15);
  EXPECT_NEAR(s[2], 1.0 / 28, 1e-15);
  EXPECT_EQ(s[3], 0.0);
}

TEST(DollarVolume, HandWorkedAndAdv) {
  auto d = stream<af::dollar_volume>({}, {make_bar(11, 9, 10, 5, 9)});
  EXPECT_EQ(d[0], 50.0);
  d = stream<af::dollar_volume>({.use_bar_vwap = true}, {make_bar(11, 9, 10, 5, 9)});
  EXPECT_EQ(d[0], 45.0);
  // ADV, w = 3, against a naive mean of C V.
  const auto data = alpha_test::random_bars(100, 3);
  const auto adv = stream<af::average_daily_value>({.window = 3}, bars_of(data));
  for (std::size_t t = 2; t < data.size(); ++t) {
    ld s = 0;
    for (std::size_t u = t - 2; u <= t; ++u) s += ld(data.close[u]) * data.volume[u];
    EXPECT_TRUE(close_rel(adv[t], double(s / 3), 1e-12)) << t;
  }
}

// ---------------------------------------------------------------- volume statistics

TEST(VolumeZscoreAndCorrelation, TwoPassLongDouble) {
  const auto data = alpha_test::random_bars(200, 4);
  const auto bars = bars_of(data);
  const std::size_t w = 20;
  const auto z = af::run<af::volume_zscore>({.window = w}, af::series_input::from(data.volume))[0];
  const auto zl = af::run<af::volume_zscore>({.window = w, .log_volume = true},
                                             af::series_input::from(data.volume))[0];
  const auto c = stream<af::volume_return_correlation>({.window = w}, bars);
  std::vector<ld> v, lv, r{0};
  for (std::size_t t = 0; t < data.size(); ++t) {
    v.push_back(data.volume[t]);
    lv.push_back(std::log1p(ld(data.volume[t])));
    if (t > 0) r.push_back(ld(data.close[t]) / data.close[t - 1] - 1);
  }
  for (std::size_t t = 0; t < data.size(); ++t) {
    if (t + 1 < w) {
      EXPECT_TRUE(std::isnan(z[t]));
    } else {
      const auto win = ts_test::slice(v, t + 1 - w, t + 1);
      EXPECT_TRUE(close_rel(
          z[t], double((v[t] - ts_test::mean(win)) / std::sqrt(ts_test::var(win))), 1e-10));
      const auto lwin = ts_test::slice(lv, t + 1 - w, t + 1);
      EXPECT_TRUE(close_rel(
          zl[t], double((lv[t] - ts_test::mean(lwin)) / std::sqrt(ts_test::var(lwin))), 1e-10));
    }
    if (t < w) {
      EXPECT_TRUE(std::isnan(c[t]));
    } else {
      const auto rw = ts_test::slice(r, t + 1 - w, t + 1), vw = ts_test::slice(v, t + 1 - w, t + 1);
      const ld corr = ts_test::cov(rw, vw) / std::sqrt(ts_test::var(rw) * ts_test::var(vw));
      EXPECT_TRUE(close_rel(c[t], double(corr), 1e-9)) << t;
    }
  }
}

// ---------------------------------------------------------------- Amihud, Roll, Corwin-Schultz

TEST(Amihud, HandWorked) {
  // Closes 100, 110, 99 with volumes 1000, 2000, 1000; w = 2, scale 1:
  // (0.1 / (110 * 2000) + 0.1 / (99 * 1000)) / 2. A zero-volume bar between is skipped.
  const auto a = stream<af::amihud_illiquidity>(
      {.window = 2, .scale = 1}, {make_bar(100, 100, 100, 1000), make_bar(110, 110, 110, 2000),
                                  make_bar(120, 120, 120, 0), make_bar(99, 99, 99, 1000)});
  EXPECT_TRUE(std::isnan(a[1]));
  EXPECT_TRUE(std::isnan(a[2]));
  EXPECT_NEAR(a[3], (0.1 / (110.0 * 2000) + 0.1 / (99.0 * 1000)) / 2, 1e-18);
}

TEST(RollSpread, HandWorkedBounceAndTrend) {
  // Bid-ask bounce 10, 10.1, 10, 10.1, 10: changes .1, -.1, .1, -.1; the w = 3 pairs
  // (dp_t, dp_{t-1}) have deviations 0.1 (-2/3, 4/3, -2/3) and the negatives, so
  // cov = -0.01 (4 + 16 + 4) / 9 / 2 = -0.01 * 4 / 3 and S = 2 sqrt(0.04 / 3).
  const std::vector<double> bounce{10, 10.1, 10, 10.1, 10};
  af::roll_spread r({.window = 3});
  std::array<double, 5> out{};
  for (std::size_t i = 0; i < bounce.size(); ++i) {
    r.update(bounce[i]);
    out[i] = r.value();
  }
  EXPECT_TRUE(std::isnan(out[3]));
  EXPECT_NEAR(out[4], 2 * std::sqrt(0.04 / 3), 1e-12);
  // Trend 1, 2, 4, 8, 16: positive serial covariance -> 0 by default, NaN on request.
  af::roll_spread z({.window = 3});
  af::roll_spread n({.window = 3, .positive_covariance = af::roll_positive_covariance::nan});
  for (double x : {1.0, 2.0, 4.0, 8.0, 16.0}) {
    z.update(x);
    n.update(x);
  }
  EXPECT_EQ(z.value(), 0.0);
  EXPECT_TRUE(std::isnan(n.value()));
}

TEST(RollSpread, TwoPassOnWalk) {
  const auto x = alpha_test::random_bars(150, 9).close;
  const std::size_t w = 10;
  for (bool relative : {false, true}) {
    af::roll_spread r({.window = w,
                       .relative = relative,
                       .positive_covariance = af::roll_positive_covariance::nan});
    std::vector<ld> dp{0};
    for (std::size_t t = 0; t < x.size(); ++t) {
      r.update(x[t]);
      if (t > 0) dp.push_back(relative ? std::log(ld(x[t]) / x[t - 1]) : ld(x[t]) - ld(x[t - 1]));
      if (t < w + 1) {
        EXPECT_TRUE(std::isnan(r.value()));
        continue;
      }
      const ld c = ts_test::cov(ts_test::slice(dp, t + 1 - w, t + 1), ts_test::slice(dp, t - w, t));
      const double want = c < 0 ? double(2 * std::sqrt(-c)) : NaN;
      EXPECT_TRUE(close_rel(r.value(), want, 1e-8)) << t;
    }
  }
}

namespace {
// The paper's two-day formula, written out independently in long double.
ld cs_two_day(ld h0, ld l0, ld h1, ld l1) {
  const ld beta = std::pow(std::log(h0 / l0), 2) + std::pow(std::log(h1 / l1), 2);
  const ld gamma = std::pow(std::log(std::max(h0, h1) / std::min(l0, l1)), 2);
  const ld k = 3 - 2 * std::sqrt(ld(2));
  const ld alpha = (std::sqrt(2 * beta) - std::sqrt(beta)) / k - std::sqrt(gamma / k);
  return 2 * (std::exp(alpha) - 1) / (1 + std::exp(alpha));
}
}  // namespace

TEST(CorwinSchultz, HandWorkedTwoDay) {
  // Day 0: H 101, L 99, C 100; day 1: H 102, L 99.5 (no overnight gap to correct).
  const auto s = stream<af::corwin_schultz_spread>(
      {.window = 1}, {make_bar(101, 99, 100, 1), make_bar(102, 99.5, 101, 1)});
  EXPECT_TRUE(std::isnan(s[0]));
  const ld want = cs_two_day(101, 99, 102, 99.5);
  ASSERT_GT(want, 0);
  EXPECT_TRUE(close_rel(s[1], double(want), 1e-12));
  // Overnight gap up: day 1 low 101 > day 0 close 100 -> day 1's range shifted down by 1.
  const auto g = stream<af::corwin_schultz_spread>(
      {.window = 1}, {make_bar(101, 99, 100, 1), make_bar(103, 101, 102, 1)});
  const ld wg = std::max(cs_two_day(101, 99, 102, 100), ld(0));
  EXPECT_TRUE(close_rel(g[1], double(wg), 1e-12, 1e-300));
  // Without the correction the disjoint ranges give a negative estimate, floored at 0.
  const auto f = stream<af::corwin_schultz_spread>(
      {.window = 1, .adjust_overnight = false},
      {make_bar(101, 100, 100.5, 1), make_bar(111, 110, 110.5, 1)});
  ASSERT_LT(cs_two_day(101, 100, 111, 110), 0);
  EXPECT_EQ(f[1], 0.0);
}

TEST(CorwinSchultz, NaiveLoopOnMsft) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/msft_ohlcv_2000_2001.csv");
  const auto d = ts_test::load_ohlcv(path);
  alpha::features::series_input in;
  in.open = d.open;
  in.high = d.high;
  in.low = d.low;
  in.close = d.close;
  in.volume = d.volume;
  const std::size_t w = 21;
  const auto out = af::run<af::corwin_schultz_spread>({.window = w}, in)[0];
  std::vector<ld> est{0};
  for (std::size_t t = 1; t < d.size(); ++t) {
    ld h = d.high[t], l = d.low[t];
    const ld c0 = d.close[t - 1];
    if (l > c0) {
      h -= l - c0;
      l = c0;
    } else if (h < c0) {
      l += c0 - h;
      h = c0;
    }
    est.push_back(std::max(cs_two_day(d.high[t - 1], d.low[t - 1], h, l), ld(0)));
  }
  for (std::size_t t = w; t < d.size(); ++t)
    EXPECT_TRUE(
        close_rel(out[t], double(ts_test::mean(ts_test::slice(est, t + 1 - w, t + 1))), 1e-9, 1e-6))
        << t;
}

// ---------------------------------------------------------------- Kyle's lambda, VPIN

TEST(KyleLambda, TwoPassOls) {
  const auto data = alpha_test::random_bars(120, 12);
  const std::size_t w = 15;
  const auto k = stream<af::kyle_lambda>({.window = w}, bars_of(data));
  std::vector<ld> x{0}, y{0};
  for (std::size_t t = 1; t < data.size(); ++t) {
    const ld dp = ld(data.close[t]) - data.close[t - 1];
    const ld sgn = dp > 0 ? 1 : (dp < 0 ? -1 : 0);
    x.push_back(sgn * data.close[t] * data.volume[t] / 1e6L);
    y.push_back(dp);
  }
  for (std::size_t t = w; t < data.size(); ++t) {
    const auto xw = ts_test::slice(x, t + 1 - w, t + 1), yw = ts_test::slice(y, t + 1 - w, t + 1);
    EXPECT_TRUE(close_rel(k[t], double(ts_test::cov(xw, yw) / ts_test::var(xw)), 1e-9)) << t;
  }
  EXPECT_TRUE(std::isnan(k[w - 1]));
}

namespace {
// Naive VPIN: classify each bar, then pour its volume one bucket at a time (no closed form for
// whole buckets), keep every bucket's imbalance, average the last n.
std::vector<double> naive_vpin(const std::vector<alpha::bar>& bars, double vb, std::size_t n,
                               std::size_t sw) {
  std::vector<double> out(bars.size(), NaN), imb;
  std::vector<ld> dps;
  ld buy = 0, sell = 0, fill = 0;
  for (std::size_t t = 1; t < bars.size(); ++t) {
    const ld dp = ld(bars[t].close) - bars[t - 1].close;
    dps.push_back(dp);
    if (dps.size() >= sw) {
      const ld s = std::sqrt(ts_test::var(ts_test::slice(dps, dps.size() - sw, dps.size())));
      const ld f = s > 0 ? 0.5L * std::erfc(-(dp / s) / std::sqrt(ld(2))) : 0.5L;
      ld left = bars[t].volume;
      while (left > 0) {
        const ld q = std::min(left, ld(vb) - fill);
        buy += f * q;
        sell += (1 - f) * q;
        fill += q;
        left -= q;
        if (fill >= vb) {
          imb.push_back(double(std::abs(buy - sell)));
          buy = sell = fill = 0;
        }
      }
    }
    if (imb.size() >= n) {
      ld s = 0;
      for (std::size_t i = imb.size() - n; i < imb.size(); ++i) s += imb[i];
      out[t] = double(s / (ld(n) * vb));
    }
  }
  return out;
}
}  // namespace

TEST(Vpin, HandWorkedBuckets) {
  // Bucket 100, n = 2, sigma over 2 changes. Closes 10, 11, 10, 12; volumes -, -, 150, 150.
  // Bar 2: dp -1, sigma = sd(1, -1) = sqrt 2, f2 = Phi(-1/sqrt 2). Bar 3: dp 2,
  // sigma = sd(-1, 2) = sqrt 4.5, f3 = Phi(2 / sqrt 4.5).
  // Buckets: #1 = 100 of bar 2; #2 = 50 of bar 2 + 50 of bar 3; #3 = 100 of bar 3.
  const auto Phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
  const double f2 = Phi(-1 / std::sqrt(2.0)), f3 = Phi(2 / std::sqrt(4.5));
  const double imb2 = std::abs(2 * (50 * f2 + 50 * f3) - 100), imb3 = std::abs(2 * f3 - 1) * 100;
  const auto v = stream<af::vpin>({.bucket_volume = 100, .buckets = 2, .sigma_window = 2},
                                  {make_bar(10, 10, 10, 150), make_bar(11, 11, 11, 150),
                                   make_bar(10, 10, 10, 150), make_bar(12, 12, 12, 150)});
  EXPECT_TRUE(std::isnan(v[2]));  // one bucket only
  EXPECT_NEAR(v[3], (imb2 + imb3) / 200, 1e-14);
}

TEST(Vpin, NaiveReimplementation) {
  auto data = alpha_test::random_bars(400, 13);
  std::mt19937_64 gen(14);
  std::uniform_real_distribution<double> u(0.1, 3.5);  // bars of 0.1 .. 3.5 buckets
  for (auto& v : data.volume) v = 1000 * u(gen);
  const auto bars = bars_of(data);
  const auto got =
      stream<af::vpin>({.bucket_volume = 1000, .buckets = 20, .sigma_window = 30}, bars);
  const auto want = naive_vpin(bars, 1000, 20, 30);
  std::size_t finite = 0;
  for (std::size_t t = 0; t < bars.size(); ++t) {
    EXPECT_TRUE(close_rel(got[t], want[t], 1e-9)) << t;
    if (std::isfinite(got[t])) {
      ++finite;
      EXPECT_TRUE(got[t] >= 0 && got[t] <= 1);
    }
  }
  EXPECT_GT(finite, 300u);
}

// ---------------------------------------------------------------- bad parameters

TEST(VolumeMicrostructure, BadParameters) {
  EXPECT_THROW(af::vwap_deviation({.period = 0}), alpha::config_error);
  EXPECT_THROW(af::vwap_momentum({.horizon = 0}), alpha::config_error);
  EXPECT_THROW(af::volume_zscore({.window = 1}), alpha::config_error);
  EXPECT_THROW(af::volume_return_correlation({.window = 0}), alpha::config_error);
  EXPECT_THROW(af::average_daily_value({.window = 0}), alpha::config_error);
  EXPECT_THROW(af::amihud_illiquidity({.window = 5, .scale = NaN}), alpha::config_error);
  EXPECT_THROW(af::amihud_illiquidity({.window = 0}), alpha::config_error);
  EXPECT_THROW(af::roll_spread({.window = 1}), alpha::config_error);
  EXPECT_THROW(
      af::roll_spread(
          {.window = 5, .positive_covariance = static_cast<af::roll_positive_covariance>(9)}),
      alpha::config_error);
  EXPECT_THROW(af::corwin_schultz_spread({.window = 0}), alpha::config_error);
  EXPECT_THROW(af::kyle_lambda({.window = 5, .dollar_volume_unit = 0}), alpha::config_error);
  EXPECT_THROW(af::vpin({}), alpha::config_error);  // bucket_volume is required
  EXPECT_THROW(af::vpin({.bucket_volume = NaN}), alpha::config_error);
  EXPECT_THROW(af::vpin({.bucket_volume = 10, .buckets = 0}), alpha::config_error);
  EXPECT_THROW(af::vpin({.bucket_volume = 10, .sigma_window = 1}), alpha::config_error);
}

// ---------------------------------------------------------------- laws

namespace alpha_test {
#define TS_TRAITS(T, ...)                               \
  template <>                                           \
  struct indicator_traits<T> {                          \
    static T::params params() { return {__VA_ARGS__}; } \
  }
TS_TRAITS(af::vwap_deviation, .period = 3);
TS_TRAITS(af::vwap_momentum, .horizon = 5, .period = 2);
TS_TRAITS(af::price_improvement);
TS_TRAITS(af::volume_zscore, .window = 20);
TS_TRAITS(af::volume_return_correlation, .window = 20);
TS_TRAITS(af::dollar_volume);
TS_TRAITS(af::average_daily_value, .window = 20);
TS_TRAITS(af::amihud_illiquidity, .window = 20);
TS_TRAITS(af::roll_spread, .window = 20);
TS_TRAITS(af::corwin_schultz_spread, .window = 20);
TS_TRAITS(af::kyle_lambda, .window = 20);
#undef TS_TRAITS
// VPIN: lookback() is the shortest warm-up (one bar filling every bucket), so the law input
// gives each bar at least n buckets of volume (random sizes, so buckets still split bars).
template <>
struct indicator_traits<af::vpin> {
  static af::vpin::params params() {
    return {.bucket_volume = 1e5, .buckets = 10, .sigma_window = 10};
  }
  static ohlcv_data input(std::size_t n, std::uint64_t seed) {
    ohlcv_data d = random_bars(n, seed);
    std::mt19937_64 gen(seed + 7);
    std::uniform_real_distribution<double> u(1.0, 2.5);
    for (auto& v : d.volume) v = 1e6 * u(gen);
    return d;
  }
};
}  // namespace alpha_test

using VolumeMicroTypes =
    ::testing::Types<af::vwap_deviation, af::vwap_momentum, af::price_improvement,
                     af::volume_zscore, af::volume_return_correlation, af::dollar_volume,
                     af::average_daily_value, af::amihud_illiquidity, af::roll_spread,
                     af::corwin_schultz_spread, af::kyle_lambda, af::vpin>;
INSTANTIATE_TYPED_TEST_SUITE_P(VolumeMicro, IndicatorLaws, VolumeMicroTypes);
