// Oscillators of one series: RSI, stochastic RSI, CMO, MACD, APO, PPO, ROC/ROCP/ROCR/MOM, TRIX,
// Coppock, KST, causal DPO.
#include "alpha/features/ta/cmo.hpp"
#include "alpha/features/ta/coppock.hpp"
#include "alpha/features/ta/dpo.hpp"
#include "alpha/features/ta/kst.hpp"
#include "alpha/features/ta/macd.hpp"
#include "alpha/features/ta/momentum.hpp"
#include "alpha/features/ta/price_oscillator.hpp"
#include "alpha/features/ta/rsi.hpp"
#include "alpha/features/ta/stoch_rsi.hpp"
#include "alpha/features/ta/trix.hpp"

#include "features/laws.hpp"
#include "features/series_reference.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace f = alpha::features;
using alpha_test::series::matches;
using alpha_test::series::qnan;
using alpha_test::series::run1;

#define ALPHA_SERIES_TRAITS(T, ...)                   \
  template <>                                         \
  struct alpha_test::indicator_traits<T> {            \
    static T::params params() { return __VA_ARGS__; } \
  }

ALPHA_SERIES_TRAITS(f::rsi, {.period = 14});
ALPHA_SERIES_TRAITS(f::cmo, {.period = 14});
ALPHA_SERIES_TRAITS(f::stoch_rsi, {.period = 14, .fastk_period = 5, .fastd_period = 3});
ALPHA_SERIES_TRAITS(f::macd, {.fast_period = 12, .slow_period = 26, .signal_period = 9});
ALPHA_SERIES_TRAITS(f::apo, {.fast_period = 5, .slow_period = 12, .ma = f::price_ma::sma});
ALPHA_SERIES_TRAITS(f::ppo, {.fast_period = 5, .slow_period = 12, .ma = f::price_ma::ema});
ALPHA_SERIES_TRAITS(f::roc, {.period = 10});
ALPHA_SERIES_TRAITS(f::rocp, {.period = 10});
ALPHA_SERIES_TRAITS(f::rocr, {.period = 10});
ALPHA_SERIES_TRAITS(f::mom, {.period = 10});
ALPHA_SERIES_TRAITS(f::trix, {.period = 10});
ALPHA_SERIES_TRAITS(f::coppock, {});
ALPHA_SERIES_TRAITS(f::kst, {});
ALPHA_SERIES_TRAITS(f::dpo, {.period = 20});

using OscillatorTypes =
    ::testing::Types<f::rsi, f::cmo, f::stoch_rsi, f::macd, f::apo, f::ppo, f::roc, f::rocp,
                     f::rocr, f::mom, f::trix, f::coppock, f::kst, f::dpo>;
INSTANTIATE_TYPED_TEST_SUITE_P(SeriesOscillators, IndicatorLaws, OscillatorTypes);

namespace {

using ldv = std::vector<long double>;
std::vector<double> to_d(const ldv& x) { return std::vector<double>(x.begin(), x.end()); }

std::vector<std::vector<double>> inputs() {
  std::vector<std::vector<double>> in{alpha_test::series::random_prices(700, 9)};
  if (const auto p = alpha_test::shared_file("reference/indicators/indicators_talib_ttrc.csv");
      !p.empty())
    in.push_back(alpha_test::series::read_reference(p).at("close"));
  return in;
}

/// Wilder gains/losses seeded with the mean of the first n: returns {U, D} per bar (NaN < n).
std::pair<ldv, ldv> naive_wilder(const std::vector<double>& x, std::size_t n) {
  ldv u(x.size(), qnan), d(x.size(), qnan);
  long double su = 0, sd = 0;
  for (std::size_t t = 1; t < x.size(); ++t) {
    const long double c = static_cast<long double>(x[t]) - x[t - 1];
    const long double g = c > 0 ? c : 0, l = c < 0 ? -c : 0;
    if (t <= n) {
      su += g;
      sd += l;
      if (t == n) {
        su /= n;
        sd /= n;
      }
    } else {
      su = (su * (n - 1) + g) / n;
      sd = (sd * (n - 1) + l) / n;
    }
    if (t >= n) {
      u[t] = su;
      d[t] = sd;
    }
  }
  return {u, d};
}
ldv naive_sma(const ldv& y, std::size_t n) {
  ldv out(y.size(), qnan);
  for (std::size_t t = n - 1; t < y.size(); ++t) {
    long double s = 0;
    for (std::size_t i = t + 1 - n; i <= t; ++i) s += y[i];
    out[t] = s / n;
  }
  return out;
}
ldv naive_ema(const ldv& y, std::size_t n) {
  ldv out(y.size(), qnan);
  std::size_t f0 = 0;
  while (f0 < y.size() && std::isnan(y[f0])) ++f0;
  if (f0 + n > y.size()) return out;
  long double e = 0;
  for (std::size_t i = f0; i < f0 + n; ++i) e += y[i];
  e /= n;
  out[f0 + n - 1] = e;
  for (std::size_t t = f0 + n; t < y.size(); ++t) out[t] = e += 2.0L / (n + 1) * (y[t] - e);
  return out;
}
ldv naive_roc(const std::vector<double>& x, std::size_t r) {
  ldv out(x.size(), qnan);
  for (std::size_t t = r; t < x.size(); ++t)
    out[t] = 100 * (static_cast<long double>(x[t]) / x[t - r] - 1);
  return out;
}

}  // namespace

TEST(SeriesOsc, AgainstTaLib) {
  for (const char* name : alpha_test::series::datasets) {
    ALPHA_LOAD_INDICATOR_REFERENCE(ref, "talib", name);
    const auto& x = ref.at("close");
    EXPECT_TRUE(matches(run1<f::rsi>({.period = 14}, x), ref.at("rsi14"), 1e-9)) << name;
    const auto m = f::run<f::macd>({}, f::series_input::from(std::span(x)));
    EXPECT_TRUE(matches(m[0], ref.at("macd"), 1e-9)) << name;
    EXPECT_TRUE(matches(m[1], ref.at("macd_signal"), 1e-9)) << name;
    EXPECT_TRUE(matches(m[2], ref.at("macd_hist"), 1e-9)) << name;
    EXPECT_TRUE(matches(run1<f::roc>({.period = 10}, x), ref.at("roc10_pct"), 1e-9)) << name;
    EXPECT_TRUE(matches(run1<f::mom>({.period = 10}, x), ref.at("mom10"), 1e-9)) << name;
  }
}

TEST(SeriesOsc, AgainstTtr) {
  for (const char* name : alpha_test::series::datasets) {
    ALPHA_LOAD_INDICATOR_REFERENCE(ref, "ttr", name);
    const auto& x = ref.at("close");
    EXPECT_TRUE(matches(run1<f::rsi>({.period = 14}, x), ref.at("rsi14"), 1e-9)) << name;
    EXPECT_TRUE(matches(run1<f::rocp>({.period = 10}, x), ref.at("roc10_discrete"), 1e-9)) << name;
    EXPECT_TRUE(matches(run1<f::mom>({.period = 10}, x), ref.at("mom10"), 1e-9)) << name;
    // TTR seeds MACD's fast EMA at bar 11 (TA-Lib at 25): compare from row 300 (CONVENTIONS.md).
    const auto m = f::run<f::macd>({}, f::series_input::from(std::span(x)));
    for (std::size_t t = 300; t < x.size(); ++t) {
      EXPECT_NEAR(m[0][t], ref.at("macd")[t], 1e-9 * std::max(1.0, std::abs(x[t]))) << t;
      EXPECT_NEAR(m[1][t], ref.at("macd_signal")[t], 1e-9 * std::max(1.0, std::abs(x[t]))) << t;
    }
  }
}

// Hand-computed: RSI(2) of 1, 2, 1, 3: gains 1, 0 -> U = 0.5, losses 0, 1 -> D = 0.5, RSI = 50
// at bar 2; bar 3: U = (0.5 + 2)/2 = 1.25, D = 0.25 -> RSI = 100 * 1.25/1.5 = 83.33...
TEST(SeriesOsc, HandComputed) {
  const std::vector<double> x{1, 2, 1, 3};
  const auto r = run1<f::rsi>({.period = 2}, x);
  EXPECT_DOUBLE_EQ(r[2], 50.0);
  EXPECT_NEAR(r[3], 100.0 * 1.25 / 1.5, 1e-12);
  EXPECT_NEAR(run1<f::cmo>({.period = 2}, x)[3], 100.0 * 1.0 / 1.5, 1e-12);
  EXPECT_DOUBLE_EQ(run1<f::rocr>({.period = 2}, x)[3], 1.5);
  EXPECT_DOUBLE_EQ(run1<f::rocp>({.period = 2}, x)[2], 0.0);
}

TEST(SeriesOsc, AgainstNaiveDefinitions) {
  for (const auto& x : inputs()) {
    const std::size_t N = x.size();
    const ldv xl(x.begin(), x.end());
    // CMO and the stochastic RSI from naive Wilder averages.
    const auto [u, d] = naive_wilder(x, 14);
    ldv c(N, qnan), r(N, qnan);
    for (std::size_t t = 14; t < N; ++t) {
      c[t] = 100 * (u[t] - d[t]) / (u[t] + d[t]);
      r[t] = 100 * u[t] / (u[t] + d[t]);
    }
    EXPECT_TRUE(matches(run1<f::cmo>({.period = 14}, x), to_d(c), 1e-10));
    ldv fk(N, qnan);
    for (std::size_t t = 18; t < N; ++t) {
      const auto [lo, hi] = std::minmax_element(r.begin() + static_cast<long>(t) - 4,
                                                r.begin() + static_cast<long>(t) + 1);
      fk[t] = 100 * (r[t] - *lo) / (*hi - *lo);
    }
    ldv fd = naive_sma(fk, 3);
    for (std::size_t t = 0; t < 20 && t < N; ++t) fk[t] = qnan;
    const auto s = f::run<f::stoch_rsi>({}, f::series_input::from(std::span(x)));
    EXPECT_TRUE(matches(s[0], to_d(fk), 1e-8));
    EXPECT_TRUE(matches(s[1], to_d(fd), 1e-8));
    // APO / PPO (SMA and EMA).
    const ldv f5 = naive_sma(xl, 5), s12 = naive_sma(xl, 12);
    const ldv fe = naive_ema(xl, 5), se = naive_ema(xl, 12);
    ldv apo(N, qnan), ppo(N, qnan);
    for (std::size_t t = 11; t < N; ++t) {
      apo[t] = f5[t] - s12[t];
      ppo[t] = 100 * (fe[t] - se[t]) / se[t];
    }
    EXPECT_TRUE(matches(run1<f::apo>({.fast_period = 5, .slow_period = 12}, x), to_d(apo), 1e-10));
    EXPECT_TRUE(
        matches(run1<f::ppo>({.fast_period = 5, .slow_period = 12, .ma = f::price_ma::ema}, x),
                to_d(ppo), 1e-10));
    // ROCR.
    ldv rr(N, qnan);
    for (std::size_t t = 7; t < N; ++t) rr[t] = xl[t] / xl[t - 7];
    EXPECT_TRUE(matches(run1<f::rocr>({.period = 7}, x), to_d(rr), 1e-14));
    // TRIX(10).
    const ldv e3 = naive_ema(naive_ema(naive_ema(xl, 10), 10), 10);
    ldv tr(N, qnan);
    for (std::size_t t = 28; t < N; ++t) tr[t] = 100 * (e3[t] / e3[t - 1] - 1);
    EXPECT_TRUE(matches(run1<f::trix>({.period = 10}, x), to_d(tr), 1e-8));
    // Coppock: WMA10 of ROC14 + ROC11.
    const ldv r14 = naive_roc(x, 14), r11 = naive_roc(x, 11);
    ldv cp(N, qnan);
    for (std::size_t t = 23; t < N; ++t) {
      long double s1 = 0;
      for (std::size_t i = 0; i < 10; ++i) s1 += (i + 1) * (r14[t - 9 + i] + r11[t - 9 + i]);
      cp[t] = s1 / 55;
    }
    EXPECT_TRUE(matches(run1<f::coppock>({}, x), to_d(cp), 1e-10));
    // KST.
    const std::size_t rp[4] = {10, 15, 20, 30}, sp[4] = {10, 10, 10, 15};
    ldv k(N, 0.0L);
    for (std::size_t i = 0; i < 4; ++i) {
      const ldv m = naive_sma(naive_roc(x, rp[i]), sp[i]);
      for (std::size_t t = 0; t < N; ++t) k[t] += (i + 1) * m[t];
    }
    const ldv ks = naive_sma(k, 9);
    for (std::size_t t = 0; t < 52; ++t) k[t] = qnan;
    const auto kv = f::run<f::kst>({}, f::series_input::from(std::span(x)));
    EXPECT_TRUE(matches(kv[0], to_d(k), 1e-10));
    EXPECT_TRUE(matches(kv[1], to_d(ks), 1e-10));
    // Causal DPO(20): x_t - SMA20 at t - 11.
    const ldv s20 = naive_sma(xl, 20);
    ldv dp(N, qnan);
    for (std::size_t t = 30; t < N; ++t) dp[t] = xl[t] - s20[t - 11];
    EXPECT_TRUE(matches(run1<f::dpo>({.period = 20}, x), to_d(dp), 1e-12));
  }
}

TEST(SeriesOsc, BadParams) {
  EXPECT_THROW(f::rsi({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::cmo({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::stoch_rsi({.period = 14, .fastk_period = 0}), alpha::config_error);
  EXPECT_THROW(f::macd({.fast_period = 0}), alpha::config_error);
  EXPECT_THROW(f::macd({.fast_period = 26, .slow_period = 12}), alpha::config_error);
  EXPECT_THROW(f::macd({.signal_period = 0}), alpha::config_error);
  EXPECT_THROW(f::apo({.fast_period = 0}), alpha::config_error);
  EXPECT_THROW(f::ppo({.fast_period = 12, .slow_period = 12}), alpha::config_error);
  EXPECT_THROW(f::roc({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::mom({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::trix({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::coppock({.long_roc = 0}), alpha::config_error);
  EXPECT_THROW(f::kst({.roc = {10, 0, 20, 30}}), alpha::config_error);
  EXPECT_THROW(f::dpo({.period = 0}), alpha::config_error);
  // The batch kernels validate too.
  const std::vector<double> x(50, 1.0);
  EXPECT_THROW((void)f::run<f::macd>({.fast_period = 0}, f::series_input::from(std::span(x))),
               alpha::config_error);
  EXPECT_THROW((void)f::run<f::rsi>({.period = 0}, f::series_input::from(std::span(x))),
               alpha::config_error);
}

TEST(SeriesOsc, FlatSeriesFollowsTaLib) {
  const std::vector<double> x(60, 5.0);
  EXPECT_EQ(run1<f::rsi>({.period = 14}, x)[30], 0.0);  // U + D = 0 -> 0 (TA-Lib)
  EXPECT_EQ(run1<f::cmo>({.period = 14}, x)[30], 0.0);
  EXPECT_EQ(run1<f::roc>({.period = 10}, x)[30], 0.0);
}
