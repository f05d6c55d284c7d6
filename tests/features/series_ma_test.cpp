// Moving averages of one series: SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, HMA, T3.
#include "alpha/features/ta/dema.hpp"
#include "alpha/features/ta/ema.hpp"
#include "alpha/features/ta/hma.hpp"
#include "alpha/features/ta/kama.hpp"
#include "alpha/features/ta/sma.hpp"
#include "alpha/features/ta/t3.hpp"
#include "alpha/features/ta/tema.hpp"
#include "alpha/features/ta/trima.hpp"
#include "alpha/features/ta/wma.hpp"

#include "features/laws.hpp"
#include "features/series_reference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <vector>

namespace f = alpha::features;
using alpha_test::series::matches;
using alpha_test::series::qnan;
using alpha_test::series::run1;

template <>
struct alpha_test::indicator_traits<f::sma> {
  static f::sma::params params() { return {.period = 20}; }
};
template <>
struct alpha_test::indicator_traits<f::ema> {
  static f::ema::params params() { return {.period = 20}; }
};

template <>
struct alpha_test::indicator_traits<f::wma> {
  static f::wma::params params() { return {.period = 10}; }
};
template <>
struct alpha_test::indicator_traits<f::dema> {
  static f::dema::params params() { return {.period = 10}; }
};
template <>
struct alpha_test::indicator_traits<f::tema> {
  static f::tema::params params() { return {.period = 10}; }
};
template <>
struct alpha_test::indicator_traits<f::trima> {
  static f::trima::params params() { return {.period = 10}; }
};
template <>
struct alpha_test::indicator_traits<f::kama> {
  static f::kama::params params() { return {.period = 10}; }
};
template <>
struct alpha_test::indicator_traits<f::hma> {
  static f::hma::params params() { return {.period = 16}; }
};
template <>
struct alpha_test::indicator_traits<f::t3> {
  static f::t3::params params() { return {.period = 5, .vfactor = 0.7}; }
};

using MovingAverageTypes =
    ::testing::Types<f::sma, f::ema, f::wma, f::dema, f::tema, f::trima, f::kama, f::hma, f::t3>;
INSTANTIATE_TYPED_TEST_SUITE_P(SeriesMovingAverages, IndicatorLaws, MovingAverageTypes);

TEST(SeriesMa, SmaEmaAgainstTaLibAndTtr) {
  for (const char* name : alpha_test::series::datasets) {
    for (const char* lib : {"talib", "ttr"}) {
      ALPHA_LOAD_INDICATOR_REFERENCE(ref, lib, name);
      const auto& close = ref.at("close");
      EXPECT_TRUE(matches(run1<f::sma>({.period = 20}, close), ref.at("sma20"), 1e-9))
          << lib << " " << name;
      EXPECT_TRUE(matches(run1<f::ema>({.period = 20}, close), ref.at("ema20"), 1e-9))
          << lib << " " << name;
    }
  }
}

namespace {

using ldv = std::vector<long double>;

ldv to_ld(const std::vector<double>& x) { return ldv(x.begin(), x.end()); }
std::vector<double> to_d(const ldv& x) { return std::vector<double>(x.begin(), x.end()); }

/// Weighted window sums: out_t = sum_i w_i y_{t-m+1+i} / sum w, from the first window whose
/// values are all defined (y may start with NaN).
ldv naive_weighted(const ldv& y, const std::vector<long double>& w) {
  const std::size_t m = w.size();
  ldv out(y.size(), qnan);
  long double total = 0;
  for (long double v : w) total += v;
  for (std::size_t t = m - 1; t < y.size(); ++t) {
    long double s = 0;
    bool ok = true;
    for (std::size_t i = 0; i < m; ++i) {
      const long double v = y[t + 1 - m + i];
      if (std::isnan(v)) ok = false;
      s += w[i] * v;
    }
    if (ok) out[t] = s / total;
  }
  return out;
}
std::vector<long double> linear_weights(std::size_t n) {
  std::vector<long double> w(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = static_cast<long double>(i + 1);
  return w;
}
/// TA-Lib-seeded EMA of y from its first defined value: SMA of the first n defined values.
ldv naive_ema(const ldv& y, std::size_t n) {
  ldv out(y.size(), qnan);
  std::size_t f = 0;
  while (f < y.size() && std::isnan(y[f])) ++f;
  if (f + n > y.size()) return out;
  long double e = 0;
  for (std::size_t i = f; i < f + n; ++i) e += y[i];
  e /= static_cast<long double>(n);
  out[f + n - 1] = e;
  const long double k = 2.0L / (static_cast<long double>(n) + 1);
  for (std::size_t t = f + n; t < y.size(); ++t) {
    e += k * (y[t] - e);
    out[t] = e;
  }
  return out;
}

}  // namespace

// Hand-computed: WMA(3) of 1, 2, 3, 4 = (2 + 2*3 + 3*4)/6 = 20/6 at bar 3; TRIMA(4) of
// 1, 2, 3, 4, 5 at bar 3 = (1 + 2*2 + 2*3 + 4)/6 = 2.5; DEMA(2) of 1, 2, 3: e1 = 1.5, 2.5
// (k = 2/3: 1.5 + (3 - 1.5) 2/3 = 2.5), e2 = mean(1.5, 2.5) = 2 -> 2*2.5 - 2 = 3 at bar 2.
TEST(SeriesMa, HandComputed) {
  const std::vector<double> x{1, 2, 3, 4, 5};
  EXPECT_NEAR(run1<f::wma>({.period = 3}, x)[3], 20.0 / 6.0, 1e-15);
  EXPECT_NEAR(run1<f::trima>({.period = 4}, x)[3], 2.5, 1e-15);
  EXPECT_NEAR(run1<f::dema>({.period = 2}, x)[2], 3.0, 1e-15);
}

TEST(SeriesMa, AgainstNaiveDefinitions) {
  std::vector<std::vector<double>> inputs{alpha_test::series::random_prices(600, 5)};
  if (const auto p = alpha_test::shared_file("reference/indicators/indicators_talib_ttrc.csv");
      !p.empty())
    inputs.push_back(alpha_test::series::read_reference(p).at("close"));
  for (const auto& x : inputs) {
    const ldv xl = to_ld(x);
    for (std::size_t n : {1u, 2u, 5u, 10u, 30u}) {
      EXPECT_TRUE(matches(run1<f::wma>({.period = n}, x),
                          to_d(naive_weighted(xl, linear_weights(n))), 1e-12))
          << "wma " << n;
      std::vector<long double> tw(n);
      for (std::size_t i = 0; i < n; ++i) tw[i] = static_cast<long double>(std::min(i + 1, n - i));
      EXPECT_TRUE(matches(run1<f::trima>({.period = n}, x), to_d(naive_weighted(xl, tw)), 1e-12))
          << "trima " << n;
      const ldv e1 = naive_ema(xl, n), e2 = naive_ema(e1, n), e3 = naive_ema(e2, n);
      ldv d(x.size()), t(x.size());
      for (std::size_t i = 0; i < x.size(); ++i) {
        d[i] = 2 * e1[i] - e2[i];
        t[i] = 3 * e1[i] - 3 * e2[i] + e3[i];
      }
      EXPECT_TRUE(matches(run1<f::dema>({.period = n}, x), to_d(d), 1e-12)) << "dema " << n;
      EXPECT_TRUE(matches(run1<f::tema>({.period = n}, x), to_d(t), 1e-12)) << "tema " << n;
      const ldv e4 = naive_ema(e3, n), e5 = naive_ema(e4, n), e6 = naive_ema(e5, n);
      const long double a = 0.7L;
      ldv t3v(x.size());
      for (std::size_t i = 0; i < x.size(); ++i)
        t3v[i] = -a * a * a * e6[i] + (3 * a * a + 3 * a * a * a) * e5[i] +
                 (-6 * a * a - 3 * a - 3 * a * a * a) * e4[i] +
                 (1 + 3 * a + a * a * a + 3 * a * a) * e3[i];
      EXPECT_TRUE(matches(run1<f::t3>({.period = n, .vfactor = 0.7}, x), to_d(t3v), 1e-12))
          << "t3 " << n;
      if (n >= 2) {
        // HMA
        const ldv half = naive_weighted(xl, linear_weights(n / 2));
        const ldv full = naive_weighted(xl, linear_weights(n));
        ldv diff(x.size());
        for (std::size_t i = 0; i < x.size(); ++i) diff[i] = 2 * half[i] - full[i];
        std::size_t s = 1;
        while ((s + 1) * (s + 1) <= n) ++s;
        EXPECT_TRUE(matches(run1<f::hma>({.period = n}, x),
                            to_d(naive_weighted(diff, linear_weights(s))), 1e-11))
            << "hma " << n;
        // KAMA: seed x_{n-1}, then the adaptive recursion from bar n.
        ldv k(x.size(), qnan);
        long double kv = xl[n - 1];
        const long double fastk = 2.0L / 3, slowk = 2.0L / 31;
        for (std::size_t i = n; i < x.size(); ++i) {
          long double vol = 0;
          for (std::size_t j = i + 1 - n; j <= i; ++j) vol += std::abs(xl[j] - xl[j - 1]);
          const long double change = std::abs(xl[i] - xl[i - n]);
          const long double er = vol == 0 ? 1 : change / vol;
          const long double sc = (er * (fastk - slowk) + slowk) * (er * (fastk - slowk) + slowk);
          kv += sc * (xl[i] - kv);
          k[i] = kv;
        }
        EXPECT_TRUE(matches(run1<f::kama>({.period = n}, x), to_d(k), 1e-11)) << "kama " << n;
      }
    }
  }
}

TEST(SeriesMa, BadParams) {
  EXPECT_THROW(f::sma({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::ema({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::wma({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::dema({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::tema({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::trima({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::kama({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::kama({.period = 10, .fast = 0}), alpha::config_error);
  EXPECT_THROW(f::hma({.period = 1}), alpha::config_error);
  EXPECT_THROW(f::t3({.period = 0}), alpha::config_error);
  EXPECT_THROW(f::t3({.period = 5, .vfactor = alpha_test::series::qnan}), alpha::config_error);
  EXPECT_THROW(f::t3({.period = 5, .vfactor = 1.5}), alpha::config_error);
  try {
    f::wma w({.period = 0});
    ADD_FAILURE();
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "period");
  }
}

TEST(SeriesMa, MismatchedOutputIsShapeError) {
  const std::vector<double> x(10, 1.0);
  std::vector<double> out(9);
  EXPECT_THROW(f::run<f::wma>({.period = 3}, f::series_input::from(std::span(x)),
                              std::array<std::span<double>, 1>{out}),
               alpha::shape_error);
}
