// Tests of rolling::min/max/argmin/argmax and expanding_min/max: reference TTR runMax/runMin(20)
// and TA-Lib MAX/MIN(20), naive window scans on random data with NaNs and ties, the batch kernel
// against streaming bit for bit, parameter validation, and the accumulator laws.
#include "alpha/rolling/minmax.hpp"

#include "alpha/rolling/batch.hpp"

#include "rolling/laws.hpp"
#include "rolling/order_ewm_support.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

namespace ar = alpha::rolling;
namespace oe = alpha_test::order_ewm;

template <>
struct alpha_test::laws_traits<ar::min> {
  static ar::min::params params() { return {.window = 10}; }
};
template <>
struct alpha_test::laws_traits<ar::max> {
  static ar::max::params params() { return {.window = 7, .min_periods = 3}; }
};
template <>
struct alpha_test::laws_traits<ar::argmin> {
  static ar::argmin::params params() { return {.window = 12, .min_periods = 5}; }
};
template <>
struct alpha_test::laws_traits<ar::argmax> {
  static ar::argmax::params params() { return {.window = 9}; }
};
// Expanding statistics never forget a value, so the window NaN law (a NaN stops mattering once
// it has left the window) does not apply; MinMax.ExpandingNaN checks their NaN rule instead.
template <>
struct alpha_test::laws_traits<ar::expanding_min> {
  static ar::expanding_min::params params() { return {.min_periods = 4}; }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::expanding_max> {
  static ar::expanding_max::params params() { return {}; }
  static constexpr bool check_nan_policy = false;
};
using MinMaxTypes = ::testing::Types<ar::min, ar::max, ar::argmin, ar::argmax, ar::expanding_min,
                                     ar::expanding_max>;
INSTANTIATE_TYPED_TEST_SUITE_P(MinMax, AccumulatorLaws, MinMaxTypes);

namespace {

enum class kind { min, max, argmin, argmax };

// Naive scan of the window [t-w+1, t]: NaN skipped, the most recent of equal extremes wins.
std::vector<double> naive(const std::vector<double>& x, std::size_t w, std::size_t mp, kind k) {
  std::vector<double> out(x.size(), NAN);
  for (std::size_t t = 0; t < x.size(); ++t) {
    std::size_t count = 0;
    std::size_t best = 0;
    bool any = false;
    for (std::size_t j = (t + 1 >= w ? t + 1 - w : 0); j <= t; ++j) {
      if (std::isnan(x[j])) continue;
      ++count;
      const bool lower = (k == kind::min || k == kind::argmin);
      if (!any || (lower ? x[j] <= x[best] : x[j] >= x[best])) best = j;
      any = true;
    }
    if (count < mp) continue;
    out[t] = (k == kind::min || k == kind::max) ? x[best] : static_cast<double>(t - best);
  }
  return out;
}

template <class A>
std::vector<double> stream(const typename A::params& p, const std::vector<double>& x) {
  A a(p);
  std::vector<double> out;
  for (double v : x) {
    a.update(v);
    out.push_back(a.value());
  }
  return out;
}

bool bit_equal(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST(MinMax, HandComputed) {
  // window 3, min_periods 2 over {3, 1, NaN, 2, 2, 5, NaN, NaN}:
  //   t0 {3}: 1 valid -> NaN; t1 {3,1}: min 1, max 3; t2 {3,1,N}: 1, 3;
  //   t3 {1,N,2}: 1, 2; t4 {N,2,2}: 2, 2 (argmin 0: the newest tie); t5 {2,2,5}: 2 (argmin 1), 5;
  //   t6 {2,5,N}: 2 (argmin 2), 5 (argmax 1); t7 {5,N,N}: 1 valid -> NaN
  const std::vector<double> x{3, 1, NAN, 2, 2, 5, NAN, NAN};
  const ar::window_params p{.window = 3, .min_periods = 2};
  const auto mn = ar::run<ar::min>(p, x);
  const auto mx = ar::run<ar::max>(p, x);
  const auto amn = ar::run<ar::argmin>(p, x);
  const auto amx = ar::run<ar::argmax>(p, x);
  const std::vector<double> want_min{NAN, 1, 1, 1, 2, 2, 2, NAN};
  const std::vector<double> want_max{NAN, 3, 3, 2, 2, 5, 5, NAN};
  const std::vector<double> want_amin{NAN, 0, 1, 2, 0, 1, 2, NAN};
  const std::vector<double> want_amax{NAN, 1, 2, 0, 0, 0, 1, NAN};
  EXPECT_TRUE(oe::close_from(mn, want_min, 0));
  EXPECT_TRUE(oe::close_from(mx, want_max, 0));
  EXPECT_TRUE(oe::close_from(amn, want_amin, 0));
  EXPECT_TRUE(oe::close_from(amx, want_amax, 0));
}

TEST(MinMax, AgainstNaiveWithNaNsAndTies) {
  for (std::size_t w : {1u, 2u, 3u, 7u, 20u, 64u}) {
    for (std::optional<std::size_t> mp :
         {std::optional<std::size_t>{}, std::optional<std::size_t>{1},
          std::optional<std::size_t>{(w + 1) / 2}}) {
      for (double ties : {0.0, 1.0}) {
        const auto x = oe::series(3000, 100 + w, 0.15, ties);
        const ar::window_params p{.window = w, .min_periods = mp};
        const std::size_t m = mp.value_or(w);
        SCOPED_TRACE(testing::Message() << "w=" << w << " mp=" << m << " ties=" << ties);
        EXPECT_TRUE(bit_equal(ar::run<ar::min>(p, x), naive(x, w, m, kind::min)));
        EXPECT_TRUE(bit_equal(ar::run<ar::max>(p, x), naive(x, w, m, kind::max)));
        EXPECT_TRUE(bit_equal(ar::run<ar::argmin>(p, x), naive(x, w, m, kind::argmin)));
        EXPECT_TRUE(bit_equal(ar::run<ar::argmax>(p, x), naive(x, w, m, kind::argmax)));
        EXPECT_TRUE(bit_equal(stream<ar::min>(p, x), naive(x, w, m, kind::min)));
        EXPECT_TRUE(bit_equal(stream<ar::max>(p, x), naive(x, w, m, kind::max)));
      }
    }
  }
}

TEST(MinMax, BatchKernelBitEqualOnSignedZerosInfinitiesAndNaNRuns) {
  // The min/max batch kernel replaces NaN by +-inf and must still pick the same (most recent) tie
  // as the deque: min{0.0, -0.0} is whichever came last, and a real infinity is not a NaN (for
  // argmin/argmax, whose kernel tracks bars, a NaN bar must never be reported).
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> x;
  for (int r = 0; r < 200; ++r) {
    x.push_back((r % 3 == 0) ? -0.0 : 0.0);
    x.push_back((r % 5 == 0) ? inf : -inf);
    if (r % 7 == 0)
      for (int k = 0; k < r % 11; ++k) x.push_back(NAN);
    x.push_back(static_cast<double>(r % 4));
  }
  for (std::size_t w : {1u, 2u, 3u, 5u, 8u, 13u}) {
    for (std::optional<std::size_t> mp :
         {std::optional<std::size_t>{}, std::optional<std::size_t>{1}}) {
      const ar::window_params p{.window = w, .min_periods = mp};
      EXPECT_TRUE(bit_equal(ar::run<ar::min>(p, x), stream<ar::min>(p, x))) << "w=" << w;
      EXPECT_TRUE(bit_equal(ar::run<ar::max>(p, x), stream<ar::max>(p, x))) << "w=" << w;
      EXPECT_TRUE(bit_equal(ar::run<ar::min>(p, x), naive(x, w, mp.value_or(w), kind::min)));
      // argmin/argmax batch kernel: NaN never wins, even against a real +-inf; newest tie wins.
      EXPECT_TRUE(bit_equal(ar::run<ar::argmin>(p, x), stream<ar::argmin>(p, x))) << "w=" << w;
      EXPECT_TRUE(bit_equal(ar::run<ar::argmax>(p, x), stream<ar::argmax>(p, x))) << "w=" << w;
      EXPECT_TRUE(bit_equal(ar::run<ar::argmin>(p, x), naive(x, w, mp.value_or(w), kind::argmin)));
      EXPECT_TRUE(bit_equal(ar::run<ar::argmax>(p, x), naive(x, w, mp.value_or(w), kind::argmax)));
    }
  }
}

TEST(MinMax, BatchEqualsStreamingOnLongSeries) {
  const auto x = oe::series(200'003, 9, 0.02);
  for (std::size_t w : {20u, 250u, 1000u}) {
    const ar::window_params p{.window = w};
    EXPECT_TRUE(bit_equal(ar::run<ar::min>(p, x), stream<ar::min>(p, x))) << "w=" << w;
    EXPECT_TRUE(bit_equal(ar::run<ar::max>(p, x), stream<ar::max>(p, x))) << "w=" << w;
    EXPECT_TRUE(bit_equal(ar::run<ar::argmin>(p, x), stream<ar::argmin>(p, x))) << "w=" << w;
    EXPECT_TRUE(bit_equal(ar::run<ar::argmax>(p, x), stream<ar::argmax>(p, x))) << "w=" << w;
  }
}

TEST(MinMax, MatchesTtrAndTaLibRunningMaxMin20) {
  for (const char* lib : {"ttr", "talib"}) {
    for (const char* name : {"ttrc", "sp500", "msft"}) {
      const std::string rel =
          std::string("reference/indicators/indicators_") + lib + "_" + name + ".csv";
      SCOPED_TRACE(rel);
      ALPHA_REQUIRE_SHARED_FILE(path, rel);
      const auto cols = oe::read_reference(path);
      const auto& close = cols.at("close");
      const auto mx = ar::run<ar::max>({.window = 20}, close);
      const auto mn = ar::run<ar::min>({.window = 20}, close);
      const auto& want_max = cols.at("runmax20");
      const auto& want_min = cols.at("runmin20");
      ASSERT_EQ(oe::first_defined(want_max), 19u);
      EXPECT_TRUE(oe::close_from(mx, want_max, 1e-9));  // NaN pattern included
      EXPECT_TRUE(oe::close_from(mn, want_min, 1e-9));
      EXPECT_TRUE(bit_equal(mx, stream<ar::max>({.window = 20}, close)));
    }
  }
}

TEST(MinMax, Expanding) {
  // min_periods 2 over {NaN, 4, 2, NaN, 2, 7}: t0, t1 < 2 valid -> NaN; then 2, 2, 2, 2 (min);
  // 4, 4, 4, 7 (max).
  const std::vector<double> x{NAN, 4, 2, NAN, 2, 7};
  EXPECT_TRUE(
      oe::close_from(ar::run<ar::expanding_min>({.min_periods = 2}, x), {NAN, NAN, 2, 2, 2, 2}, 0));
  EXPECT_TRUE(
      oe::close_from(ar::run<ar::expanding_max>({.min_periods = 2}, x), {NAN, NAN, 4, 4, 4, 7}, 0));
  const auto y = oe::series(2000, 5, 0.2);
  EXPECT_TRUE(
      oe::close_from(ar::run<ar::expanding_min>({}, y), naive(y, y.size(), 1, kind::min), 0));
  EXPECT_TRUE(oe::close_from(ar::run<ar::expanding_max>({.min_periods = 30}, y),
                             naive(y, y.size(), 30, kind::max), 0));
}

TEST(MinMax, ExpandingNaN) {
  // A NaN input is skipped: the output at a NaN bar repeats the previous one (once ready), and an
  // all-NaN prefix gives NaN.
  const std::vector<double> x{NAN, NAN, 3, NAN, 1, NAN};
  const auto mn = ar::run<ar::expanding_min>({}, x);
  EXPECT_TRUE(oe::close_from(mn, {NAN, NAN, 3, 3, 1, 1}, 0));
}

TEST(MinMax, BadParameters) {
  ALPHA_EXPECT_CONFIG_ERROR(ar::min({.window = 0}), "window");
  ALPHA_EXPECT_CONFIG_ERROR(ar::argmax({.window = 0}), "window");
  ALPHA_EXPECT_CONFIG_ERROR(ar::max({.window = 5, .min_periods = 0}), "min_periods");
  ALPHA_EXPECT_CONFIG_ERROR(ar::max({.window = 5, .min_periods = 6}), "min_periods");
  ALPHA_EXPECT_CONFIG_ERROR(ar::expanding_min({.min_periods = 0}), "min_periods");
  const std::vector<double> x{1, 2, 3};
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::run<ar::min>({.window = 0}, x), "window");
  std::vector<double> out(2);
  EXPECT_THROW(ar::min::batch({.window = 2}, x, out), alpha::shape_error);
}

TEST(MinMax, LookbackAndReady) {
  ar::max m({.window = 5});
  EXPECT_EQ(m.lookback(), 4u);
  ar::max m2({.window = 5, .min_periods = 2});
  EXPECT_EQ(m2.lookback(), 1u);
  m2.update(1);
  EXPECT_FALSE(m2.ready());
  m2.update(2);
  EXPECT_TRUE(m2.ready());
  EXPECT_EQ(m2.value(), 2);
}
