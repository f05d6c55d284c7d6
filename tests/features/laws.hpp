// Generic laws of technical indicators (STYLE practice 7): a typed GoogleTest suite that every
// indicator of alpha::features (SeriesIndicator or BarIndicator, one output or several) joins with
// one line.
//
// Usage, in a tests/features/*_test.cpp:
//
//   template <> struct alpha_test::indicator_traits<alpha::features::sma> {
//     static alpha::features::sma::params params() { return {.period = 20}; }
//   };
//   using MyTypes = ::testing::Types<alpha::features::sma, ...>;
//   INSTANTIATE_TYPED_TEST_SUITE_P(MovingAverages, IndicatorLaws, MyTypes);  // unique prefix
//
// indicator_traits<I> (specialize in namespace alpha_test):
//   required:
//     static typename I::params params();
//   optional (detected with requires-expressions; defaults in brackets):
//     static constexpr double tolerance;         // relative |batch - stream| bound [0: bit-equal]
//     static constexpr std::size_t length;       // bars per law run [4 (lookback + 1) + 96]
//     static alpha_test::ohlcv_data input(std::size_t n, std::uint64_t seed);
//                                                // the bars [alpha_test::random_bars: geometric
//                                                //  random walk around 100, consistent OHLCV]
//     static std::size_t output_lookback(const typename I::params&, std::size_t k);
//                                                // leading NaNs of output k on NaN-free input
//                                                // [lookback() for every output]
//     static constexpr bool nan_inputs;          // run the laws with NaN bars too [true]
//     static std::size_t nan_recovery(const typename I::params&);
//                                                // bars after a single NaN bar from which every
//                                                // output must be finite again [lookback() + 1]
//
// Laws (each a TYPED_TEST_P of IndicatorLaws):
//   BatchEqualsStreaming  features::run<I> == update/value replay (bit-equal unless tolerance),
//                         without and with NaN bars; output spans of the wrong length and input
//                         fields of mismatched lengths -> shape_error
//   NoLookAhead           changing bars after t leaves outputs 0..t unchanged (batch, stream)
//   WarmUpLength          NaN-free input: output k is NaN exactly at bars 0..output_lookback(k)-1,
//                         finite after; ready() iff bar >= lookback() = max_k output_lookback(k)
//   ResetReplay           reset() then replay == first run == a fresh indicator
//   NanRecovery           one NaN bar does not poison the outputs for ever: finite again from
//                         nan_recovery() bars after it
//
// For a SeriesIndicator the series is the bars' close; NaN bars set every field to NaN.
#pragma once

#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/run.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace alpha_test {

/// Specialize per indicator under test (see the file comment for the members).
template <class I>
struct indicator_traits;

/// Owned OHLCV columns of one law run (equal lengths).
struct ohlcv_data {
  std::vector<double> open, high, low, close, volume;

  [[nodiscard]] std::size_t size() const noexcept { return close.size(); }
  /// Spans over every column.
  [[nodiscard]] ::alpha::features::series_input view() const noexcept {
    return {open, high, low, close, volume, {}};
  }
  /// Bar i (time left default).
  [[nodiscard]] ::alpha::bar at(std::size_t i) const noexcept {
    ::alpha::bar b;
    b.open = open[i];
    b.high = high[i];
    b.low = low[i];
    b.close = close[i];
    b.volume = volume[i];
    return b;
  }
  /// Sets every field of bar i to NaN.
  void blank(std::size_t i) noexcept {
    open[i] = high[i] = low[i] = close[i] = volume[i] = ::alpha::nan;
  }
};

/// Consistent random bars: close a geometric random walk from 100 (1% daily sd), open = previous
/// close times a small gap, high >= max(open, close), low <= min(open, close), low > 0, volume a
/// positive lognormal. Deterministic in `seed`.
inline ohlcv_data random_bars(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  ohlcv_data d;
  d.open.resize(n);
  d.high.resize(n);
  d.low.resize(n);
  d.close.resize(n);
  d.volume.resize(n);
  double prev = 100.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double open = prev * std::exp(0.002 * z(gen));
    const double close = open * std::exp(0.01 * z(gen));
    const double hi = std::max(open, close) * std::exp(0.004 * std::abs(z(gen)));
    const double lo = std::min(open, close) * std::exp(-0.004 * std::abs(z(gen)));
    d.open[i] = open;
    d.high[i] = hi;
    d.low[i] = lo;
    d.close[i] = close;
    d.volume[i] = 1e6 * std::exp(0.5 * z(gen));
    prev = close;
  }
  return d;
}

namespace indicator_laws_detail {

template <class I>
inline constexpr std::size_t K = ::alpha::features::output_count<I>;

template <class I>
using outputs = std::array<std::vector<double>, K<I>>;

template <class I>
double tolerance() {
  if constexpr (requires { indicator_traits<I>::tolerance; })
    return static_cast<double>(indicator_traits<I>::tolerance);
  else
    return 0.0;
}

template <class I>
bool nan_inputs() {
  if constexpr (requires { indicator_traits<I>::nan_inputs; })
    return static_cast<bool>(indicator_traits<I>::nan_inputs);
  else
    return true;
}

template <class I>
std::size_t lookback_of(const typename I::params& p) {
  const I ind(p);
  return static_cast<std::size_t>(ind.lookback());
}

template <class I>
std::size_t output_lookback(const typename I::params& p, std::size_t k) {
  if constexpr (requires { indicator_traits<I>::output_lookback(p, k); })
    return static_cast<std::size_t>(indicator_traits<I>::output_lookback(p, k));
  else
    return lookback_of<I>(p);
}

template <class I>
std::size_t nan_recovery(const typename I::params& p) {
  if constexpr (requires { indicator_traits<I>::nan_recovery(p); })
    return static_cast<std::size_t>(indicator_traits<I>::nan_recovery(p));
  else
    return lookback_of<I>(p) + 1;
}

template <class I>
std::size_t length_of(const typename I::params& p) {
  if constexpr (requires { indicator_traits<I>::length; })
    return static_cast<std::size_t>(indicator_traits<I>::length);
  else
    return 4 * (lookback_of<I>(p) + 1) + 96;
}

template <class I>
ohlcv_data make_input(std::size_t n, std::uint64_t seed) {
  if constexpr (requires { indicator_traits<I>::input(n, seed); })
    return indicator_traits<I>::input(n, seed);
  else
    return random_bars(n, seed);
}

/// Blanks about `fraction` of the bars (never the first).
inline void sprinkle_nans(ohlcv_data& d, double fraction, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::bernoulli_distribution coin(fraction);
  for (std::size_t i = 1; i < d.size(); ++i)
    if (coin(gen)) d.blank(i);
}

template <class I>
void push(I& ind, const ohlcv_data& d, std::size_t i) {
  if constexpr (::alpha::features::BarIndicator<I>)
    ind.update(d.at(i));
  else
    ind.update(d.close[i]);
}

/// The current outputs as an array (one element for a one-output indicator).
template <class I>
std::array<double, K<I>> values(const I& ind) {
  if constexpr (K<I> == 1)
    return {static_cast<double>(ind.value())};
  else
    return ind.value();
}

template <class I>
outputs<I> stream(I& ind, const ohlcv_data& d) {
  outputs<I> out;
  for (auto& o : out) o.assign(d.size(), 0.0);
  for (std::size_t i = 0; i < d.size(); ++i) {
    push(ind, d, i);
    const auto v = values(ind);
    for (std::size_t k = 0; k < K<I>; ++k) out[k][i] = v[k];
  }
  return out;
}

template <class I>
outputs<I> stream(const typename I::params& p, const ohlcv_data& d) {
  I ind(p);
  return stream(ind, d);
}

template <class I>
outputs<I> batch(const typename I::params& p, const ohlcv_data& d) {
  return ::alpha::features::run<I>(p, d.view());
}

/// Both NaN, or equal (within relative `tol` when tol > 0).
inline bool same(double a, double b, double tol) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (tol <= 0.0) return a == b;
  return std::abs(a - b) <= tol * std::max({std::abs(a), std::abs(b), 1e-300});
}

template <class I>
::testing::AssertionResult all_same(const outputs<I>& a, const outputs<I>& b, double tol,
                                    std::size_t upto) {
  for (std::size_t k = 0; k < K<I>; ++k) {
    if (a[k].size() != b[k].size())
      return ::testing::AssertionFailure() << "output " << I::output_names[k] << ": lengths "
                                           << a[k].size() << " vs " << b[k].size();
    for (std::size_t i = 0; i < std::min(upto, a[k].size()); ++i)
      if (!same(a[k][i], b[k][i], tol))
        return ::testing::AssertionFailure()
               << "output " << I::output_names[k] << ": first difference at " << i << ": "
               << a[k][i] << " vs " << b[k][i] << " (diff " << a[k][i] - b[k][i] << ", tolerance "
               << tol << ")";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace indicator_laws_detail
}  // namespace alpha_test

// In the global namespace so that INSTANTIATE_TYPED_TEST_SUITE_P(Prefix, IndicatorLaws, Types)
// works unqualified from any test file.

/// The typed fixture: TypeParam is the indicator.
template <class I>
class IndicatorLaws : public ::testing::Test {};

TYPED_TEST_SUITE_P(IndicatorLaws);

TYPED_TEST_P(IndicatorLaws, BatchEqualsStreaming) {
  using I = TypeParam;
  namespace ld = ::alpha_test::indicator_laws_detail;
  using ::alpha_test::indicator_traits;
  using ::alpha_test::ohlcv_data;
  static_assert(::alpha::features::Indicator<I>);
  const auto p = indicator_traits<I>::params();
  const std::size_t n = ld::length_of<I>(p);
  for (std::uint64_t seed : {1ULL, 2ULL}) {
    for (double nan_fraction : {0.0, 0.1, 0.4}) {
      if (nan_fraction > 0.0 && !ld::nan_inputs<I>()) continue;
      ohlcv_data d = ld::make_input<I>(n, seed);
      if (nan_fraction > 0.0) ld::sprinkle_nans(d, nan_fraction, seed + 100);
      EXPECT_TRUE(ld::all_same<I>(ld::batch<I>(p, d), ld::stream<I>(p, d), ld::tolerance<I>(), n))
          << "seed " << seed << ", NaN fraction " << nan_fraction;
    }
  }
  // Shapes: an output span of the wrong length, and (for bar indicators) a short input field.
  // The input is long enough for the warm-up (a shorter one is a config_error, tested below).
  const ohlcv_data d = ld::make_input<I>(n, 3);
  {
    std::array<std::vector<double>, ld::K<I>> store;
    std::array<std::span<double>, ld::K<I>> spans;
    for (std::size_t k = 0; k < ld::K<I>; ++k) {
      store[k].assign(k + 1 == ld::K<I> ? n - 1 : n, 0.0);
      spans[k] = store[k];
    }
    EXPECT_THROW(::alpha::features::run<I>(p, d.view(), spans), ::alpha::shape_error);
  }
  if constexpr (::alpha::features::BarIndicator<I>) {
    const auto fields = I::inputs;
    using F = ::alpha::features::input_fields;
    for (F f : {F::open, F::high, F::low, F::close, F::volume}) {
      if (!::alpha::features::has(fields, f)) continue;
      ::alpha::features::series_input in = d.view();
      std::span<const double>* s = f == F::open    ? &in.open
                                   : f == F::high  ? &in.high
                                   : f == F::low   ? &in.low
                                   : f == F::close ? &in.close
                                                   : &in.volume;
      *s = s->first(n - 1);
      EXPECT_THROW((void)::alpha::features::run<I>(p, in), ::alpha::shape_error)
          << "short field " << static_cast<int>(f);
    }
  } else {
    ::alpha::features::series_input in;
    in.close = std::span<const double>(d.close);
    EXPECT_NO_THROW((void)::alpha::features::run<I>(p, in)) << "series indicators read close only";
  }
  // A series no longer than the warm-up gives no output at all: a config_error, not all NaN.
  const std::size_t warm_up = I(p).lookback();
  if (warm_up > 0) {
    const ohlcv_data short_input = ld::make_input<I>(warm_up, 4);
    EXPECT_THROW((void)::alpha::features::run<I>(p, short_input.view()), ::alpha::config_error)
        << "series of lookback() = " << warm_up << " bars";
  }
}

TYPED_TEST_P(IndicatorLaws, NoLookAhead) {
  using I = TypeParam;
  namespace ld = ::alpha_test::indicator_laws_detail;
  using ::alpha_test::indicator_traits;
  using ::alpha_test::ohlcv_data;
  const auto p = indicator_traits<I>::params();
  const std::size_t n = ld::length_of<I>(p);
  ohlcv_data d = ld::make_input<I>(n, 11);
  if (ld::nan_inputs<I>()) ld::sprinkle_nans(d, 0.03, 12);
  const auto base_batch = ld::batch<I>(p, d);
  const auto base_stream = ld::stream<I>(p, d);
  const ohlcv_data other = ld::make_input<I>(n, 13);
  for (std::size_t t : {std::size_t{0}, ld::lookback_of<I>(p), n / 3, n / 2, n - 2}) {
    ohlcv_data changed = d;
    for (std::size_t i = t + 1; i < n; ++i) {
      changed.open[i] = other.open[i] * 1.5;
      changed.high[i] = other.high[i] * 1.5;
      changed.low[i] = other.low[i] * 1.5;
      changed.close[i] = other.close[i] * 1.5;
      changed.volume[i] = other.volume[i] * 3.0;
      if (i % 7 == 0 && ld::nan_inputs<I>()) changed.blank(i);
    }
    EXPECT_TRUE(ld::all_same<I>(ld::batch<I>(p, changed), base_batch, 0.0, t + 1))
        << "batch outputs up to t = " << t << " moved when later bars changed";
    EXPECT_TRUE(ld::all_same<I>(ld::stream<I>(p, changed), base_stream, 0.0, t + 1))
        << "streaming outputs up to t = " << t << " moved when later bars changed";
  }
}

TYPED_TEST_P(IndicatorLaws, WarmUpLength) {
  using I = TypeParam;
  namespace ld = ::alpha_test::indicator_laws_detail;
  using ::alpha_test::indicator_traits;
  using ::alpha_test::ohlcv_data;
  const auto p = indicator_traits<I>::params();
  const std::size_t n = ld::length_of<I>(p);
  const ohlcv_data d = ld::make_input<I>(n, 21);
  I ind(p);
  const std::size_t lookback = ind.lookback();
  ASSERT_LT(lookback, n);
  std::size_t max_output_lookback = 0;
  for (std::size_t k = 0; k < ld::K<I>; ++k)
    max_output_lookback = std::max(max_output_lookback, ld::output_lookback<I>(p, k));
  EXPECT_EQ(max_output_lookback, lookback) << "lookback() must be the last output's warm-up";
  for (std::size_t i = 0; i < n; ++i) {
    ld::push(ind, d, i);
    const auto v = ld::values(ind);
    for (std::size_t k = 0; k < ld::K<I>; ++k) {
      const std::size_t lb = ld::output_lookback<I>(p, k);
      if (i < lb)
        EXPECT_TRUE(std::isnan(v[k])) << I::output_names[k] << " at " << i << " = " << v[k]
                                      << " inside the warm-up of " << lb;
      else
        EXPECT_TRUE(std::isfinite(v[k]))
            << I::output_names[k] << " at " << i << " = " << v[k] << " after the warm-up of " << lb;
    }
    EXPECT_EQ(ind.ready(), i >= lookback) << "ready() at bar " << i << ", lookback " << lookback;
    EXPECT_EQ(static_cast<std::size_t>(ind.lookback()), lookback) << "lookback() changed";
  }
  const auto out = ld::batch<I>(p, d);
  for (std::size_t k = 0; k < ld::K<I>; ++k)
    for (std::size_t i = 0; i < n; ++i)
      EXPECT_EQ(std::isnan(out[k][i]), i < ld::output_lookback<I>(p, k))
          << "batch " << I::output_names[k] << " at " << i;
}

TYPED_TEST_P(IndicatorLaws, ResetReplay) {
  using I = TypeParam;
  namespace ld = ::alpha_test::indicator_laws_detail;
  using ::alpha_test::indicator_traits;
  using ::alpha_test::ohlcv_data;
  const auto p = indicator_traits<I>::params();
  const std::size_t n = ld::length_of<I>(p);
  ohlcv_data d = ld::make_input<I>(n, 31);
  if (ld::nan_inputs<I>()) ld::sprinkle_nans(d, 0.1, 32);
  I ind(p);
  const auto first = ld::stream(ind, d);
  ind.reset();
  EXPECT_FALSE(ind.ready());
  for (double v : ld::values(ind)) EXPECT_TRUE(std::isnan(v)) << "value after reset";
  const auto second = ld::stream(ind, d);
  EXPECT_TRUE(ld::all_same<I>(first, second, 0.0, n)) << "reset then replay differs";
  EXPECT_TRUE(ld::all_same<I>(first, ld::stream<I>(p, d), 0.0, n)) << "fresh indicator differs";
}

TYPED_TEST_P(IndicatorLaws, NanRecovery) {
  using I = TypeParam;
  namespace ld = ::alpha_test::indicator_laws_detail;
  using ::alpha_test::indicator_traits;
  using ::alpha_test::ohlcv_data;
  if (!ld::nan_inputs<I>()) GTEST_SKIP() << "indicator_traits opts out of NaN inputs";
  const auto p = indicator_traits<I>::params();
  const std::size_t lookback = ld::lookback_of<I>(p);
  const std::size_t recovery = ld::nan_recovery<I>(p);
  const std::size_t q = lookback + 5;
  const std::size_t n = std::max(ld::length_of<I>(p), q + recovery + 20);
  ohlcv_data d = ld::make_input<I>(n, 41);
  d.blank(q);
  const auto got = ld::batch<I>(p, d);
  const auto got_stream = ld::stream<I>(p, d);
  for (std::size_t k = 0; k < ld::K<I>; ++k)
    for (std::size_t t = q + recovery; t < n; ++t) {
      EXPECT_TRUE(std::isfinite(got[k][t]))
          << I::output_names[k] << " at " << t << ": NaN bar at " << q << " still poisons it";
      EXPECT_TRUE(std::isfinite(got_stream[k][t]))
          << I::output_names[k] << " (streaming) at " << t << ": NaN bar at " << q;
    }
}

REGISTER_TYPED_TEST_SUITE_P(IndicatorLaws, BatchEqualsStreaming, NoLookAhead, WarmUpLength,
                            ResetReplay, NanRecovery);
