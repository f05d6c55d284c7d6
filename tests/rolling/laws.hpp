// Generic laws of rolling accumulators (STYLE practice 7): a typed GoogleTest suite that every
// accumulator joins with one line.
//
// Usage, in a tests/<stage>/*_test.cpp:
//
//   template <> struct alpha_test::laws_traits<alpha::rolling::mean> {
//     static alpha::rolling::mean::params params() { return {.window = 20}; }
//   };
//   using MyTypes = ::testing::Types<alpha::rolling::mean, ...>;
//   INSTANTIATE_TYPED_TEST_SUITE_P(Moments, AccumulatorLaws, MyTypes);   // unique prefix per file
//
// laws_traits<A> (specialize in namespace alpha_test):
//   required:
//     static typename A::params params();
//   optional (detected with requires-expressions; defaults in brackets):
//     static constexpr double batch_tolerance;       // relative |batch - stream| bound [0:
//                                                    // bit-equal]
//     static constexpr double batch_tolerance_scale; // floor of the scale the tolerance is
//                                                    // relative to: |a - b| <= tol *
//                                                    // max(|a|, |b|, floor) [0]
//     static std::vector<double> input(std::size_t n, std::uint64_t seed);
//                                                    // first input [random walk around 100]
//     static std::vector<double> second_input(std::size_t n, std::uint64_t seed);
//                                                    // pair accumulators' y [0.6 x + noise]
//     static constexpr std::size_t length;           // series length [4 (lookback + 1) + 96]
//     static constexpr bool check_nan_policy;        // run the window NaN law [true]
//     static std::size_t window(const typename A::params&);
//                                                    // slots a NaN stays in the window
//                                                    // [params.window if it exists, else
//                                                    //  lookback() + 1]
//     static constexpr double nan_recovery_tolerance; // relative gap to the NaN-free output once
//                                                     // the NaN has left the window [1e-9]
//
// Laws (each a TYPED_TEST_P of AccumulatorLaws):
//   BatchEqualsStreaming  rolling::run<A> == update/value replay (bit-equal unless tolerance),
//                         with and without NaN inputs; mismatched lengths -> shape_error
//   NoLookAhead           changing inputs after t leaves outputs 0..t unchanged (batch, stream)
//   WarmUpLength          NaN-free input: exactly the first lookback() outputs are NaN, then
//                         finite; ready() agrees
//   ResetReplay           reset() then replay == first run == a fresh accumulator
//   NanPolicy             a window holding fewer than lookback() + 1 valid values never gives a
//                         non-NaN output; one NaN stops mattering once it has left the window
//   PanelEqualsSeries     rolling::run<A> on a panel == per-series run, at 1 thread and default
//                         (one-input accumulators; pair accumulators check run(x, y) lengths)
#pragma once

#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/timestamp.hpp"
#include "alpha/rolling/batch.hpp"
#include "alpha/rolling/concept.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace alpha_test {

/// Specialize per accumulator under test (see the file comment for the members).
template <class A>
struct laws_traits;

/// Inputs of one law run: x, and y for pair accumulators (empty otherwise).
struct law_inputs {
  std::vector<double> x;
  std::vector<double> y;
};

namespace laws_detail {

template <class A>
inline constexpr bool is_pair = ::alpha::PairAccumulator<A> && !::alpha::StreamingAccumulator<A>;

template <class A>
double batch_tolerance() {
  if constexpr (requires { laws_traits<A>::batch_tolerance; })
    return static_cast<double>(laws_traits<A>::batch_tolerance);
  else
    return 0.0;
}

template <class A>
double batch_tolerance_scale() {
  if constexpr (requires { laws_traits<A>::batch_tolerance_scale; })
    return static_cast<double>(laws_traits<A>::batch_tolerance_scale);
  else
    return 0.0;
}

template <class A>
double nan_recovery_tolerance() {
  if constexpr (requires { laws_traits<A>::nan_recovery_tolerance; })
    return static_cast<double>(laws_traits<A>::nan_recovery_tolerance);
  else
    return 1e-9;
}

template <class A>
bool check_nan_policy() {
  if constexpr (requires { laws_traits<A>::check_nan_policy; })
    return static_cast<bool>(laws_traits<A>::check_nan_policy);
  else
    return true;
}

template <class A>
std::size_t lookback_of(const typename A::params& p) {
  const A a(p);
  return a.lookback();
}

template <class A>
std::size_t window_of(const typename A::params& p) {
  if constexpr (requires { laws_traits<A>::window(p); })
    return static_cast<std::size_t>(laws_traits<A>::window(p));
  else if constexpr (requires { p.window; })
    return static_cast<std::size_t>(p.window);
  else
    return lookback_of<A>(p) + 1;
}

template <class A>
std::size_t length_of(const typename A::params& p) {
  if constexpr (requires { laws_traits<A>::length; })
    return static_cast<std::size_t>(laws_traits<A>::length);
  else
    return 4 * (std::max(lookback_of<A>(p), window_of<A>(p) - 1) + 1) + 96;
}

inline std::vector<double> random_walk(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> step(0.0, 1.0);
  std::vector<double> x(n);
  double level = 100.0;
  for (auto& v : x) {
    level += step(gen);
    v = level;
  }
  return x;
}

template <class A>
law_inputs make_inputs(std::size_t n, std::uint64_t seed) {
  law_inputs in;
  if constexpr (requires { laws_traits<A>::input(n, seed); })
    in.x = laws_traits<A>::input(n, seed);
  else
    in.x = random_walk(n, seed);
  if constexpr (is_pair<A>) {
    if constexpr (requires { laws_traits<A>::second_input(n, seed); }) {
      in.y = laws_traits<A>::second_input(n, seed);
    } else {
      std::mt19937_64 gen(seed ^ 0x9e3779b97f4a7c15ULL);
      std::normal_distribution<double> noise(0.0, 1.0);
      in.y.resize(n);
      for (std::size_t i = 0; i < n; ++i) in.y[i] = 0.6 * in.x[i] + noise(gen);
    }
  }
  return in;
}

/// Sets about `fraction` of the inputs (x, or x and y independently) to NaN, never the first.
inline void sprinkle_nans(law_inputs& in, double fraction, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::bernoulli_distribution coin(fraction);
  for (std::size_t i = 1; i < in.x.size(); ++i) {
    if (coin(gen)) in.x[i] = ::alpha::nan;
    if (!in.y.empty() && coin(gen)) in.y[i] = ::alpha::nan;
  }
}

template <class A>
void push(A& a, const law_inputs& in, std::size_t i) {
  if constexpr (is_pair<A>)
    a.update(in.x[i], in.y[i]);
  else
    a.update(in.x[i]);
}

template <class A>
std::vector<double> stream(A& a, const law_inputs& in) {
  std::vector<double> out(in.x.size());
  for (std::size_t i = 0; i < in.x.size(); ++i) {
    push(a, in, i);
    out[i] = a.value();
  }
  return out;
}

template <class A>
std::vector<double> stream(const typename A::params& p, const law_inputs& in) {
  A a(p);
  return stream(a, in);
}

template <class A>
std::vector<double> batch(const typename A::params& p, const law_inputs& in) {
  std::vector<double> out(in.x.size());
  if constexpr (is_pair<A>)
    ::alpha::rolling::run<A>(p, std::span<const double>(in.x), std::span<const double>(in.y),
                             std::span<double>(out));
  else
    ::alpha::rolling::run<A>(p, std::span<const double>(in.x), std::span<double>(out));
  return out;
}

/// Both NaN, or equal (within `tol` relative to max(|a|, |b|, scale) when tol > 0).
inline bool same(double a, double b, double tol, double scale = 0.0) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (tol <= 0.0) return a == b;
  return std::abs(a - b) <= tol * std::max({std::abs(a), std::abs(b), scale, 1e-300});
}

inline ::testing::AssertionResult all_same(const std::vector<double>& a,
                                           const std::vector<double>& b, double tol,
                                           std::size_t upto, double scale = 0.0) {
  if (a.size() != b.size())
    return ::testing::AssertionFailure() << "lengths " << a.size() << " vs " << b.size();
  for (std::size_t i = 0; i < std::min(upto, a.size()); ++i)
    if (!same(a[i], b[i], tol, scale))
      return ::testing::AssertionFailure()
             << "first difference at " << i << ": " << a[i] << " vs " << b[i] << " (diff "
             << a[i] - b[i] << ", tolerance " << tol << ")";
  return ::testing::AssertionSuccess();
}

}  // namespace laws_detail
}  // namespace alpha_test

// The suite lives in the global namespace so that INSTANTIATE_TYPED_TEST_SUITE_P(Prefix,
// AccumulatorLaws, Types) works unqualified from any test file.

/// The typed fixture: TypeParam is the accumulator.
template <class A>
class AccumulatorLaws : public ::testing::Test {};

TYPED_TEST_SUITE_P(AccumulatorLaws);

TYPED_TEST_P(AccumulatorLaws, BatchEqualsStreaming) {
  using A = TypeParam;
  namespace ld = ::alpha_test::laws_detail;
  using ::alpha_test::law_inputs;
  using ::alpha_test::laws_traits;
  const auto p = laws_traits<A>::params();
  const std::size_t n = ld::length_of<A>(p);
  for (std::uint64_t seed : {1ULL, 2ULL}) {
    for (double nan_fraction : {0.0, 0.1, 0.5}) {
      law_inputs in = ld::make_inputs<A>(n, seed);
      if (nan_fraction > 0.0) ld::sprinkle_nans(in, nan_fraction, seed + 100);
      EXPECT_TRUE(ld::all_same(ld::batch<A>(p, in), ld::stream<A>(p, in), ld::batch_tolerance<A>(),
                               n, ld::batch_tolerance_scale<A>()))
          << "seed " << seed << ", NaN fraction " << nan_fraction;
    }
  }
  // Mismatched lengths are a shape_error.
  const law_inputs in = ld::make_inputs<A>(8, 3);
  std::vector<double> out(7);
  if constexpr (ld::is_pair<A>) {
    EXPECT_THROW(::alpha::rolling::run<A>(p, std::span<const double>(in.x),
                                          std::span<const double>(in.y), std::span<double>(out)),
                 ::alpha::shape_error);
    const std::vector<double> y7(in.y.begin(), in.y.begin() + 7);
    std::vector<double> out8(8);
    EXPECT_THROW(::alpha::rolling::run<A>(p, std::span<const double>(in.x),
                                          std::span<const double>(y7), std::span<double>(out8)),
                 ::alpha::shape_error);
  } else {
    EXPECT_THROW(::alpha::rolling::run<A>(p, std::span<const double>(in.x), std::span<double>(out)),
                 ::alpha::shape_error);
  }
}

TYPED_TEST_P(AccumulatorLaws, NoLookAhead) {
  using A = TypeParam;
  namespace ld = ::alpha_test::laws_detail;
  using ::alpha_test::law_inputs;
  using ::alpha_test::laws_traits;
  const auto p = laws_traits<A>::params();
  const std::size_t n = ld::length_of<A>(p);
  law_inputs in = ld::make_inputs<A>(n, 11);
  ld::sprinkle_nans(in, 0.05, 12);
  const auto base_batch = ld::batch<A>(p, in);
  const auto base_stream = ld::stream<A>(p, in);
  const law_inputs other = ld::make_inputs<A>(n, 13);
  for (std::size_t t : {std::size_t{0}, ld::lookback_of<A>(p), n / 3, n / 2, n - 2}) {
    law_inputs changed = in;
    for (std::size_t i = t + 1; i < n; ++i) {
      changed.x[i] = (i % 7 == 0) ? ::alpha::nan : other.x[i] * 3.0 + 1.0;
      if (!changed.y.empty()) changed.y[i] = (i % 5 == 0) ? ::alpha::nan : -other.y[i];
    }
    EXPECT_TRUE(ld::all_same(ld::batch<A>(p, changed), base_batch, 0.0, t + 1))
        << "batch outputs up to t = " << t << " moved when later inputs changed";
    EXPECT_TRUE(ld::all_same(ld::stream<A>(p, changed), base_stream, 0.0, t + 1))
        << "streaming outputs up to t = " << t << " moved when later inputs changed";
  }
}

TYPED_TEST_P(AccumulatorLaws, WarmUpLength) {
  using A = TypeParam;
  namespace ld = ::alpha_test::laws_detail;
  using ::alpha_test::law_inputs;
  using ::alpha_test::laws_traits;
  const auto p = laws_traits<A>::params();
  const std::size_t n = ld::length_of<A>(p);
  const law_inputs in = ld::make_inputs<A>(n, 21);
  A a(p);
  const std::size_t lookback = a.lookback();
  ASSERT_LT(lookback, n);
  for (std::size_t i = 0; i < n; ++i) {
    ld::push(a, in, i);
    const double v = a.value();
    if (i < lookback) {
      EXPECT_TRUE(std::isnan(v)) << "output " << i << " = " << v << " inside the warm-up of "
                                 << lookback;
      EXPECT_FALSE(a.ready()) << "ready() at " << i << " < lookback " << lookback;
    } else {
      EXPECT_TRUE(std::isfinite(v))
          << "output " << i << " = " << v << " after the warm-up of " << lookback;
      EXPECT_TRUE(a.ready()) << "not ready() at " << i << " >= lookback " << lookback;
    }
    EXPECT_EQ(a.lookback(), lookback) << "lookback() changed while streaming";
  }
  const auto out = ld::batch<A>(p, in);
  for (std::size_t i = 0; i < n; ++i)
    EXPECT_EQ(std::isnan(out[i]), i < lookback) << "batch output " << i;
}

TYPED_TEST_P(AccumulatorLaws, ResetReplay) {
  using A = TypeParam;
  namespace ld = ::alpha_test::laws_detail;
  using ::alpha_test::law_inputs;
  using ::alpha_test::laws_traits;
  const auto p = laws_traits<A>::params();
  const std::size_t n = ld::length_of<A>(p);
  law_inputs in = ld::make_inputs<A>(n, 31);
  ld::sprinkle_nans(in, 0.1, 32);
  A a(p);
  const auto first = ld::stream(a, in);
  a.reset();
  EXPECT_FALSE(a.ready());
  EXPECT_TRUE(std::isnan(a.value()));
  const auto second = ld::stream(a, in);
  EXPECT_TRUE(ld::all_same(first, second, 0.0, n)) << "reset then replay differs";
  EXPECT_TRUE(ld::all_same(first, ld::stream<A>(p, in), 0.0, n)) << "fresh accumulator differs";
}

TYPED_TEST_P(AccumulatorLaws, NanPolicy) {
  using A = TypeParam;
  namespace ld = ::alpha_test::laws_detail;
  using ::alpha_test::law_inputs;
  using ::alpha_test::laws_traits;
  if (!ld::check_nan_policy<A>()) GTEST_SKIP() << "laws_traits opts out of the window NaN law";
  const auto p = laws_traits<A>::params();
  const std::size_t lookback = ld::lookback_of<A>(p);
  const std::size_t w = ld::window_of<A>(p);
  const std::size_t n = ld::length_of<A>(p) + 2 * w;

  // (a) With many NaNs: an output is non-NaN only if the last w slots hold enough valid values.
  law_inputs in = ld::make_inputs<A>(n, 41);
  ld::sprinkle_nans(in, 0.3, 42);
  const auto out = ld::batch<A>(p, in);
  for (std::size_t t = 0; t < n; ++t) {
    std::size_t valid = 0;
    for (std::size_t j = (t + 1 >= w ? t + 1 - w : 0); j <= t; ++j)
      if (!std::isnan(in.x[j]) && (in.y.empty() || !std::isnan(in.y[j]))) ++valid;
    if (valid < lookback + 1) {
      EXPECT_TRUE(std::isnan(out[t])) << "output " << t << " = " << out[t] << " from " << valid
                                      << " valid values < " << lookback + 1;
    }
  }

  // (b) One NaN at q: outputs once it has left the window are finite and match the NaN-free run.
  const law_inputs clean = ld::make_inputs<A>(n, 43);
  law_inputs holed = clean;
  const std::size_t q = lookback + w + 3;
  ASSERT_LT(q + w, n);
  holed.x[q] = ::alpha::nan;
  const auto ref = ld::batch<A>(p, clean);
  const auto got = ld::batch<A>(p, holed);
  const auto got_stream = ld::stream<A>(p, holed);
  for (std::size_t t = q + w; t < n; ++t) {
    EXPECT_TRUE(std::isfinite(got[t])) << "NaN at " << q << " still poisons output " << t;
    EXPECT_TRUE(ld::same(got[t], ref[t], ld::nan_recovery_tolerance<A>()))
        << "output " << t << ": " << got[t] << " vs NaN-free " << ref[t];
    EXPECT_TRUE(ld::same(got_stream[t], ref[t], ld::nan_recovery_tolerance<A>()))
        << "streaming output " << t << ": " << got_stream[t] << " vs NaN-free " << ref[t];
  }
  // (c) A whole window of NaN gives NaN.
  law_inputs blank = clean;
  for (std::size_t j = q; j < q + w; ++j) blank.x[j] = ::alpha::nan;
  EXPECT_TRUE(std::isnan(ld::batch<A>(p, blank)[q + w - 1])) << "all-NaN window gave a value";
}

TYPED_TEST_P(AccumulatorLaws, PanelEqualsSeries) {
  using A = TypeParam;
  namespace ld = ::alpha_test::laws_detail;
  using ::alpha_test::law_inputs;
  using ::alpha_test::laws_traits;
  const auto p = laws_traits<A>::params();
  const std::size_t n = ld::length_of<A>(p);
  if constexpr (ld::is_pair<A>) {
    if (n > 0) {
      GTEST_SKIP() << "no panel driver for pair accumulators (lengths are checked in "
                      "BatchEqualsStreaming)";
    }
  } else {
    constexpr std::size_t assets = 6;
    std::vector<::alpha::timestamp> times(n);
    for (std::size_t i = 0; i < n; ++i)
      times[i] = ::alpha::timestamp(static_cast<std::int64_t>(i) * 86'400'000'000LL);
    // Literal names: "A" + std::to_string(j) trips a g++ 12 -O3 -Wstringop-overflow false positive.
    std::vector<std::string> names{"A0", "A1", "A2", "A3", "A4", "A5"};
    ::alpha::panel<double> in(::alpha::time_index(std::move(times)),
                              ::alpha::asset_list(std::move(names)));
    for (std::size_t j = 0; j < assets; ++j) {
      law_inputs s = ld::make_inputs<A>(n, 50 + j);
      if (j % 2 == 1) ld::sprinkle_nans(s, 0.1, 60 + j);
      std::copy(s.x.begin(), s.x.end(), in.series(j).begin());
    }
    const ::alpha::panel<double> out_default = ::alpha::rolling::run<A>(p, in);
    ::alpha::panel<double> out_single;
    {
      const tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
      out_single = ::alpha::rolling::run<A>(p, in);
    }
    ASSERT_EQ(out_default.cols(), assets);
    ASSERT_EQ(out_default.rows(), n);
    for (std::size_t j = 0; j < assets; ++j) {
      const auto s = in.series(j);
      const std::vector<double> expected =
          ::alpha::rolling::run<A>(p, std::span<const double>(s.data(), s.size()));
      const auto d = out_default.series(j);
      const auto one = out_single.series(j);
      EXPECT_TRUE(ld::all_same(std::vector<double>(d.begin(), d.end()), expected, 0.0, n))
          << "asset " << j << " (default threads)";
      EXPECT_TRUE(ld::all_same(std::vector<double>(one.begin(), one.end()), expected, 0.0, n))
          << "asset " << j << " (1 thread)";
    }
  }
}

REGISTER_TYPED_TEST_SUITE_P(AccumulatorLaws, BatchEqualsStreaming, NoLookAhead, WarmUpLength,
                            ResetReplay, NanPolicy, PanelEqualsSeries);
