// Returns and volatility features: hand-worked series, naive long-double re-implementations
// (two-pass), the msft OHLCV bars for the range estimators, bad parameters, and the laws suite.
#include "alpha/features/returns/momentum_acceleration.hpp"
#include "alpha/features/returns/period_return.hpp"
#include "alpha/features/returns/relative_strength.hpp"
#include "alpha/features/returns/sharpe_momentum.hpp"
#include "alpha/features/ta/run.hpp"
#include "alpha/features/volatility/range_volatility.hpp"
#include "alpha/features/volatility/vol_persistence.hpp"
#include "alpha/features/volatility/vol_ratio.hpp"
#include "alpha/features/volatility/yang_zhang.hpp"

#include "features/laws.hpp"
#include "features_ts/ts_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace af = alpha::features;
using ts_test::close_rel;
using ld = long double;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

template <class I>
std::vector<double> stream(const typename I::params& p, const std::vector<double>& x) {
  I ind(p);
  std::vector<double> out;
  for (double v : x) {
    ind.update(v);
    out.push_back(ind.value());
  }
  return out;
}

// A geometric random walk (the laws' bars), as closes.
std::vector<double> walk(std::size_t n, std::uint64_t seed) {
  return alpha_test::random_bars(n, seed).close;
}

}  // namespace

// ---------------------------------------------------------------- returns, hand-worked

TEST(PeriodReturn, HandWorked) {
  // 100 -> 110 is +10 %, 110 -> 99 is -10 %, 99 -> 99 is 0.
  const auto r = stream<af::period_return>({.horizon = 1}, {100, 110, 99, 99});
  EXPECT_TRUE(std::isnan(r[0]));
  EXPECT_NEAR(r[1], 0.1, 1e-15);
  EXPECT_NEAR(r[2], -0.1, 1e-15);
  EXPECT_EQ(r[3], 0.0);
  // Log, h = 2: ln(99 / 100) at bar 2, ln(99 / 110) at bar 3.
  const auto l =
      stream<af::period_return>({.horizon = 2, .kind = af::return_kind::log}, {100, 110, 99, 99});
  EXPECT_TRUE(std::isnan(l[1]));
  EXPECT_DOUBLE_EQ(l[2], std::log(0.99));
  EXPECT_DOUBLE_EQ(l[3], std::log(0.9));
  // A NaN price is skipped: the horizon counts valid prices, the output repeats.
  const auto s = stream<af::period_return>({.horizon = 1}, {100, NaN, 110, NaN});
  EXPECT_TRUE(std::isnan(s[1]));
  EXPECT_NEAR(s[2], 0.1, 1e-15);
  EXPECT_EQ(s[3], s[2]);
}

TEST(PeriodReturn, NaiveLoopOnWalk) {
  const auto x = walk(300, 5);
  for (std::size_t h : {1u, 5u, 20u, 60u}) {
    const auto r = stream<af::period_return>({.horizon = h}, x);
    const auto l = stream<af::period_return>({.horizon = h, .kind = af::return_kind::log}, x);
    for (std::size_t t = 0; t < x.size(); ++t) {
      if (t < h) {
        EXPECT_TRUE(std::isnan(r[t]) && std::isnan(l[t]));
        continue;
      }
      EXPECT_TRUE(close_rel(r[t], double(ld(x[t]) / ld(x[t - h]) - 1), 1e-13, 1e-2)) << h;
      EXPECT_TRUE(close_rel(l[t], double(std::log(ld(x[t]) / ld(x[t - h]))), 1e-13, 1e-2)) << h;
    }
  }
}

TEST(MomentumAcceleration, HandWorked) {
  // s = 1, l = 2 on 100, 110, 121: r1 = 0.1, r2 = 0.21 -> -0.11.
  const auto a =
      stream<af::momentum_acceleration>({.short_horizon = 1, .long_horizon = 2}, {100, 110, 121});
  EXPECT_TRUE(std::isnan(a[1]));
  EXPECT_NEAR(a[2], -0.11, 1e-15);
  // Defaults 5 / 20 against the definition on a walk.
  const auto x = walk(200, 6);
  const auto d = stream<af::momentum_acceleration>({}, x);
  for (std::size_t t = 20; t < x.size(); ++t)
    EXPECT_TRUE(close_rel(d[t], double(ld(x[t]) / x[t - 5] - ld(x[t]) / x[t - 20]), 1e-12, 1e-15));
}

TEST(RelativeStrength, HandWorkedAndZeroDenominator) {
  // s = 1, l = 2 on 100, 110, 121: 0.1 / 0.21.
  const auto a =
      stream<af::relative_strength>({.short_horizon = 1, .long_horizon = 2}, {100, 110, 121});
  EXPECT_NEAR(a[2], 0.1 / 0.21, 1e-15);
  // 100, 110, 100: the 2-bar return is 0 -> NaN (undefined ratio).
  const auto z =
      stream<af::relative_strength>({.short_horizon = 1, .long_horizon = 2}, {100, 110, 100});
  EXPECT_TRUE(std::isnan(z[2]));
  // Log form: the share of the 2-bar log move made in the last bar: ln(1.1) / ln(1.21) = 1/2.
  const auto s = stream<af::relative_strength>(
      {.short_horizon = 1, .long_horizon = 2, .kind = af::return_kind::log}, {100, 110, 121});
  EXPECT_NEAR(s[2], 0.5, 1e-15);
}

TEST(SharpeMomentum, TwoPassLongDouble) {
  const auto x = walk(200, 7);
  const std::size_t w = 20;
  const auto m = stream<af::sharpe_momentum>({.window = w}, x);
  std::vector<ld> r{0};  // r[t] = x_t / x_{t-1} - 1 (r[0] unused)
  for (std::size_t t = 1; t < x.size(); ++t) r.push_back(ld(x[t]) / x[t - 1] - 1);
  for (std::size_t t = 0; t < x.size(); ++t) {
    if (t < w) {
      EXPECT_TRUE(std::isnan(m[t]));
      continue;
    }
    const auto win = ts_test::slice(r, t + 1 - w, t + 1);
    EXPECT_TRUE(close_rel(m[t], double(ts_test::mean(win) / std::sqrt(ts_test::var(win))), 1e-10));
  }
  // Constant prices: zero sd -> NaN.
  const auto c = stream<af::sharpe_momentum>({.window = 3}, {5, 5, 5, 5, 5});
  EXPECT_TRUE(std::isnan(c[4]));
}

// ---------------------------------------------------------------- close-to-close volatility

TEST(VolRatioAndPersistence, TwoPassLongDouble) {
  const auto x = walk(150, 8);
  std::vector<ld> r{0};
  for (std::size_t t = 1; t < x.size(); ++t) r.push_back(std::log(ld(x[t]) / x[t - 1]));
  const auto sd = [&](std::size_t t, std::size_t n) {  // sd of the n log returns ending at t
    return std::sqrt(ts_test::var(ts_test::slice(r, t + 1 - n, t + 1)));
  };
  const auto vr = stream<af::vol_ratio>({}, x);
  const auto vp = stream<af::vol_persistence>({}, x);
  for (std::size_t t = 0; t < x.size(); ++t) {
    if (t < 20)
      EXPECT_TRUE(std::isnan(vr[t])) << t;
    else
      EXPECT_TRUE(close_rel(vr[t], double(sd(t, 5) / sd(t, 20)), 1e-10)) << t;
    // vp: mean of the annualised 5-return vol at t-4..t; first at t = 5 + 5 - 1 = 9.
    if (t < 9) {
      EXPECT_TRUE(std::isnan(vp[t])) << t;
    } else {
      ld s = 0;
      for (std::size_t j = t - 4; j <= t; ++j) s += sd(j, 5) * std::sqrt(ld(252));
      EXPECT_TRUE(close_rel(vp[t], double(s / 5), 1e-10)) << t;
    }
  }
}

// ---------------------------------------------------------------- range estimators

namespace {

enum class est { parkinson, gk, rs, yz };

// Naive reference: each estimator's textbook formula in long double over bars t-n+1..t
// (Yang-Zhang: o, c variances two-pass, k from the paper).
ld naive_range_var(const ts_test::ohlcv& d, std::size_t t, std::size_t n, est e) {
  const auto L = [](double a, double b) { return std::log(ld(a) / ld(b)); };
  const ld ln2 = std::log(ld(2));
  ld s = 0;
  std::vector<ld> o, c;
  for (std::size_t u = t + 1 - n; u <= t; ++u) {
    const ld hl = L(d.high[u], d.low[u]), co = L(d.close[u], d.open[u]);
    const ld rs = L(d.high[u], d.close[u]) * L(d.high[u], d.open[u]) +
                  L(d.low[u], d.close[u]) * L(d.low[u], d.open[u]);
    switch (e) {
      case est::parkinson:
        s += hl * hl / (4 * ln2);
        break;
      case est::gk:
        s += 0.5L * hl * hl - (2 * ln2 - 1) * co * co;
        break;
      case est::rs:
        s += rs;
        break;
      case est::yz:
        s += rs;
        o.push_back(L(d.open[u], d.close[u - 1]));
        c.push_back(co);
        break;
    }
  }
  if (e != est::yz) return s / n;
  const ld k = 0.34L / (1.34L + (ld(n) + 1) / (ld(n) - 1));
  return ts_test::var(o) + k * ts_test::var(c) + (1 - k) * s / n;
}

template <class I>
void check_on_msft(est e, std::size_t n, std::size_t first) {
  ALPHA_REQUIRE_SHARED_FILE(path, "data/msft_ohlcv_2000_2001.csv");
  const auto d = ts_test::load_ohlcv(path);
  ASSERT_GT(d.size(), 200u);
  alpha::features::series_input in;
  in.open = d.open;
  in.high = d.high;
  in.low = d.low;
  in.close = d.close;
  in.volume = d.volume;
  const auto out = af::run<I>({.window = n}, in)[0];
  for (std::size_t t = 0; t < d.size(); ++t) {
    if (t < first) {
      EXPECT_TRUE(std::isnan(out[t])) << t;
      continue;
    }
    const double want = double(std::sqrt(naive_range_var(d, t, n, e) * 252));
    EXPECT_TRUE(close_rel(out[t], want, 1e-11)) << I::output_names[0] << " at " << t;
  }
}

}  // namespace

TEST(RangeVolatility, MsftAgainstNaiveLongDouble) {
  check_on_msft<af::parkinson_volatility>(est::parkinson, 20, 19);
  check_on_msft<af::garman_klass_volatility>(est::gk, 20, 19);
  check_on_msft<af::rogers_satchell_volatility>(est::rs, 20, 19);
  check_on_msft<af::yang_zhang_volatility>(est::yz, 20, 20);
  check_on_msft<af::yang_zhang_volatility>(est::yz, 5, 5);
}

TEST(RangeVolatility, HandWorkedOneBar) {
  // Parkinson, n = 1, P = 1: sqrt(ln(1.1)^2 / (4 ln 2)) = ln(1.1) / (2 sqrt(ln 2)).
  af::parkinson_volatility p({.window = 1, .periods_per_year = 1});
  alpha::bar b;
  b.open = 104;
  b.high = 110;
  b.low = 100;
  b.close = 106;
  p.update(b);
  EXPECT_NEAR(p.value(), std::log(1.1) / (2 * std::sqrt(std::log(2.0))), 1e-15);
  // Rogers-Satchell of the same bar: ln(110/106) ln(110/104) + ln(100/106) ln(100/104).
  af::rogers_satchell_volatility r({.window = 1, .periods_per_year = 1});
  r.update(b);
  const double rs =
      std::log(110.0 / 106) * std::log(110.0 / 104) + std::log(100.0 / 106) * std::log(100.0 / 104);
  EXPECT_NEAR(r.value(), std::sqrt(rs), 1e-15);
  // Yang-Zhang's k for n = 20: 0.34 / (1.34 + 21 / 19).
  EXPECT_DOUBLE_EQ(af::yang_zhang_volatility({.window = 20}).k(), 0.34 / (1.34 + 21.0 / 19.0));
  // A bar with a non-positive low is skipped (output repeats).
  alpha::bar bad = b;
  bad.low = 0;
  p.update(bad);
  EXPECT_NEAR(p.value(), std::log(1.1) / (2 * std::sqrt(std::log(2.0))), 1e-15);
}

// ---------------------------------------------------------------- bad parameters

TEST(ReturnsVolatility, BadParameters) {
  EXPECT_THROW(af::period_return({.horizon = 0}), alpha::config_error);
  EXPECT_THROW(af::period_return({.horizon = 1, .kind = static_cast<af::return_kind>(7)}),
               alpha::config_error);
  EXPECT_THROW(af::momentum_acceleration({.short_horizon = 20, .long_horizon = 20}),
               alpha::config_error);
  EXPECT_THROW(af::momentum_acceleration({.short_horizon = 0}), alpha::config_error);
  EXPECT_THROW(af::relative_strength({.short_horizon = 60, .long_horizon = 20}),
               alpha::config_error);
  EXPECT_THROW(af::sharpe_momentum({.window = 1}), alpha::config_error);
  EXPECT_THROW(af::vol_ratio({.short_window = 20, .long_window = 5}), alpha::config_error);
  EXPECT_THROW(af::vol_persistence({.mean_window = 0}), alpha::config_error);
  EXPECT_THROW(af::vol_persistence({.periods_per_year = NaN}), alpha::config_error);
  EXPECT_THROW(af::parkinson_volatility({.window = 0}), alpha::config_error);
  EXPECT_THROW(af::garman_klass_volatility({.window = 5, .periods_per_year = -1}),
               alpha::config_error);
  EXPECT_THROW(af::yang_zhang_volatility({.window = 1}), alpha::config_error);
  EXPECT_THROW(af::yang_zhang_volatility({.window = 5, .periods_per_year = NaN}),
               alpha::config_error);
  try {
    af::period_return({.horizon = 0});
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "horizon");
  }
}

// ---------------------------------------------------------------- laws

namespace alpha_test {
template <>
struct indicator_traits<af::period_return> {
  static af::period_return::params params() { return {.horizon = 5}; }
};
template <>
struct indicator_traits<af::momentum_acceleration> {
  static af::momentum_acceleration::params params() { return {}; }
};
template <>
struct indicator_traits<af::relative_strength> {
  static af::relative_strength::params params() { return {}; }
};
template <>
struct indicator_traits<af::sharpe_momentum> {
  static af::sharpe_momentum::params params() { return {.window = 20}; }
};
template <>
struct indicator_traits<af::vol_ratio> {
  static af::vol_ratio::params params() { return {}; }
};
template <>
struct indicator_traits<af::vol_persistence> {
  static af::vol_persistence::params params() { return {}; }
};
template <>
struct indicator_traits<af::parkinson_volatility> {
  static af::parkinson_volatility::params params() { return {.window = 10}; }
};
template <>
struct indicator_traits<af::garman_klass_volatility> {
  static af::garman_klass_volatility::params params() { return {.window = 10}; }
};
template <>
struct indicator_traits<af::rogers_satchell_volatility> {
  static af::rogers_satchell_volatility::params params() { return {.window = 10}; }
};
template <>
struct indicator_traits<af::yang_zhang_volatility> {
  static af::yang_zhang_volatility::params params() { return {.window = 10}; }
};
}  // namespace alpha_test

using ReturnsVolTypes =
    ::testing::Types<af::period_return, af::momentum_acceleration, af::relative_strength,
                     af::sharpe_momentum, af::vol_ratio, af::vol_persistence,
                     af::parkinson_volatility, af::garman_klass_volatility,
                     af::rogers_satchell_volatility, af::yang_zhang_volatility>;
INSTANTIATE_TYPED_TEST_SUITE_P(ReturnsVol, IndicatorLaws, ReturnsVolTypes);
