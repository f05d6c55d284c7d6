// Tests of rolling::quantile/median/percent_rank and their expanding forms: hand cases, a
// sort-each-window reference on random data with NaNs and ties, parameter validation, and the
// accumulator laws.
#include "alpha/rolling/quantile.hpp"

#include "alpha/rolling/batch.hpp"

#include "rolling/laws.hpp"
#include "rolling/order_ewm_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace ar = alpha::rolling;
namespace oe = alpha_test::order_ewm;

template <>
struct alpha_test::laws_traits<ar::quantile> {
  static ar::quantile::params params() { return {.window = 11, .q = 0.3, .min_periods = 4}; }
};
template <>
struct alpha_test::laws_traits<ar::median> {
  static ar::median::params params() { return {.window = 10}; }
};
template <>
struct alpha_test::laws_traits<ar::percent_rank> {
  static ar::percent_rank::params params() { return {.window = 8, .min_periods = 3}; }
};
// Expanding statistics never forget a value: the window NaN law does not apply
// (Quantile.ExpandingAgainstSorted covers their NaN rule).
template <>
struct alpha_test::laws_traits<ar::expanding_quantile> {
  static ar::expanding_quantile::params params() { return {.q = 0.9, .min_periods = 3}; }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::expanding_median> {
  static ar::expanding_median::params params() { return {}; }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::expanding_percent_rank> {
  static ar::expanding_percent_rank::params params() { return {.min_periods = 2}; }
  static constexpr bool check_nan_policy = false;
};
using QuantileTypes =
    ::testing::Types<ar::quantile, ar::median, ar::percent_rank, ar::expanding_quantile,
                     ar::expanding_median, ar::expanding_percent_rank>;
INSTANTIATE_TYPED_TEST_SUITE_P(Quantile, AccumulatorLaws, QuantileTypes);

namespace {

// The valid values of x[from..t], sorted.
std::vector<double> sorted_valid(const std::vector<double>& x, std::size_t from, std::size_t t) {
  std::vector<double> v;
  for (std::size_t j = from; j <= t; ++j)
    if (!std::isnan(x[j])) v.push_back(x[j]);
  std::sort(v.begin(), v.end());
  return v;
}

// numpy/pandas 'linear' (type 7) quantile of sorted values, in long double.
double type7(const std::vector<double>& v, double q) {
  const long double h = static_cast<long double>(q) * static_cast<long double>(v.size() - 1);
  const auto i = static_cast<std::size_t>(std::floor(h));
  if (i + 1 >= v.size()) return v.back();
  return static_cast<double>(v[i] + (h - static_cast<long double>(i)) *
                                        (static_cast<long double>(v[i + 1]) - v[i]));
}

double med(const std::vector<double>& v) {
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Average 1-based rank of `x` among `v` (which contains x), divided by |v|.
double pct_rank(const std::vector<double>& v, double x) {
  double sum = 0;
  std::size_t ties = 0;
  for (std::size_t r = 0; r < v.size(); ++r)
    if (v[r] == x) {
      sum += static_cast<double>(r + 1);
      ++ties;
    }
  return sum / static_cast<double>(ties) / static_cast<double>(v.size());
}

enum class stat_kind { quantile, median, rank };

// Sort-each-window reference; w = 0 means expanding.
std::vector<double> reference(const std::vector<double>& x, std::size_t w, std::size_t mp,
                              stat_kind s, double q = 0.5) {
  std::vector<double> out(x.size(), NAN);
  for (std::size_t t = 0; t < x.size(); ++t) {
    const std::size_t from = (w == 0 || t + 1 < w) ? 0 : t + 1 - w;
    const auto v = sorted_valid(x, from, t);
    if (v.size() < mp || v.empty()) continue;
    if (s == stat_kind::quantile) out[t] = type7(v, q);
    if (s == stat_kind::median) out[t] = med(v);
    if (s == stat_kind::rank) out[t] = std::isnan(x[t]) ? NAN : pct_rank(v, x[t]);
  }
  return out;
}

}  // namespace

TEST(Quantile, HandComputed) {
  // window 4 over {3, 1, 4, 1, 5, 9, 2, 6}, min_periods 4 (t >= 3):
  //   t3 {3,1,4,1} sorted 1 1 3 4: q=0.25 -> h = 0.75 -> 1 + 0.75 (1 - 1) = 1; median (1+3)/2 = 2;
  //      newest 1 ties ranks 1,2 -> 1.5/4 = 0.375; q=0.9 -> h = 2.7 -> 3 + 0.7 (4 - 3) = 3.7
  //   t4 {1,4,1,5} sorted 1 1 4 5: q=0.25 -> 1; median 2.5; newest 5 rank 4 -> 1; q=0.9 -> 4.7
  //   t5 {4,1,5,9} sorted 1 4 5 9: q=0.25 -> 1 + 0.75*3 = 3.25; median 4.5; rank 4/4 = 1;
  //      q=0.9 -> h = 2.7 -> 5 + 0.7*4 = 7.8
  //   t6 {1,5,9,2} sorted 1 2 5 9: q=0.25 -> 1.75; median 3.5; newest 2 rank 2 -> 0.5; q=0.9 -> 7.8
  //   t7 {5,9,2,6} sorted 2 5 6 9: q=0.25 -> 2 + 0.75*3 = 4.25; median 5.5; newest 6 rank 3 ->
  //      0.75; q=0.9 -> 6 + 0.7*3 = 8.1
  const std::vector<double> x{3, 1, 4, 1, 5, 9, 2, 6};
  const auto q25 = ar::run<ar::quantile>({.window = 4, .q = 0.25}, x);
  const auto q90 = ar::run<ar::quantile>({.window = 4, .q = 0.9}, x);
  const auto md = ar::run<ar::median>({.window = 4}, x);
  const auto rk = ar::run<ar::percent_rank>({.window = 4}, x);
  EXPECT_TRUE(oe::close_from(q25, {NAN, NAN, NAN, 1, 1, 3.25, 1.75, 4.25}, 1e-15));
  EXPECT_TRUE(oe::close_from(q90, {NAN, NAN, NAN, 3.7, 4.7, 7.8, 7.8, 8.1}, 1e-15));
  EXPECT_TRUE(oe::close_from(md, {NAN, NAN, NAN, 2, 2.5, 4.5, 3.5, 5.5}, 0));
  EXPECT_TRUE(oe::close_from(rk, {NAN, NAN, NAN, 0.375, 1, 1, 0.5, 0.75}, 0));
  // q = 0 and q = 1 are the window min and max.
  EXPECT_TRUE(oe::close_from(ar::run<ar::quantile>({.window = 4, .q = 0}, x),
                             {NAN, NAN, NAN, 1, 1, 1, 1, 2}, 0));
  EXPECT_TRUE(oe::close_from(ar::run<ar::quantile>({.window = 4, .q = 1}, x),
                             {NAN, NAN, NAN, 4, 5, 9, 9, 9}, 0));
}

TEST(Quantile, NaNRule) {
  // window 3, min_periods 2 over {NaN, 2, 6, NaN, NaN, 1}: t1 1 valid -> NaN; t2 {2,6} median 4;
  // t3 {2,6} 4; t4 {6} 1 valid -> NaN; t5 {1} -> NaN. percent_rank at t3 (newest NaN) is NaN.
  const std::vector<double> x{NAN, 2, 6, NAN, NAN, 1};
  EXPECT_TRUE(oe::close_from(ar::run<ar::median>({.window = 3, .min_periods = 2}, x),
                             {NAN, NAN, 4, 4, NAN, NAN}, 0));
  EXPECT_TRUE(oe::close_from(ar::run<ar::percent_rank>({.window = 3, .min_periods = 2}, x),
                             {NAN, NAN, 1, NAN, NAN, NAN}, 0));
}

TEST(Quantile, AgainstSortedWindowsWithNaNsAndTies) {
  for (std::size_t w : {1u, 2u, 5u, 20u, 101u}) {
    for (std::optional<std::size_t> mp :
         {std::optional<std::size_t>{}, std::optional<std::size_t>{1},
          std::optional<std::size_t>{(w + 1) / 2}}) {
      for (double ties : {0.0, 0.5}) {
        const auto x = oe::series(1500, 300 + w, 0.15, ties);
        const std::size_t m = mp.value_or(w);
        SCOPED_TRACE(testing::Message() << "w=" << w << " mp=" << m << " ties=" << ties);
        for (double q : {0.0, 0.1, 0.25, 0.5, 0.77, 0.95, 1.0}) {
          EXPECT_TRUE(
              oe::close_from(ar::run<ar::quantile>({.window = w, .q = q, .min_periods = mp}, x),
                             reference(x, w, m, stat_kind::quantile, q), 1e-14, 0, 1.0))
              << "q=" << q;
        }
        EXPECT_TRUE(oe::close_from(ar::run<ar::median>({.window = w, .min_periods = mp}, x),
                                   reference(x, w, m, stat_kind::median), 0));
        EXPECT_TRUE(oe::close_from(ar::run<ar::percent_rank>({.window = w, .min_periods = mp}, x),
                                   reference(x, w, m, stat_kind::rank), 0));
      }
    }
  }
}

TEST(Quantile, LargeWindowManyTies) {
  // Integer values 0..9 in a window of 700: every update erases one of ~70 equal keys.
  std::vector<double> x(6000);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = (i % 97 == 0) ? NAN : static_cast<double>((i * 7919) % 10);
  EXPECT_TRUE(oe::close_from(ar::run<ar::quantile>({.window = 700, .q = 0.33}, x),
                             reference(x, 700, 700, stat_kind::quantile, 0.33), 1e-15));
  EXPECT_TRUE(oe::close_from(ar::run<ar::percent_rank>({.window = 700, .min_periods = 10}, x),
                             reference(x, 700, 10, stat_kind::rank), 0));
}

TEST(Quantile, ExpandingAgainstSorted) {
  const auto x = oe::series(1200, 77, 0.2, 0.5);
  EXPECT_TRUE(oe::close_from(ar::run<ar::expanding_quantile>({.q = 0.8}, x),
                             reference(x, 0, 1, stat_kind::quantile, 0.8), 1e-14, 0, 1.0));
  EXPECT_TRUE(oe::close_from(ar::run<ar::expanding_median>({.min_periods = 10}, x),
                             reference(x, 0, 10, stat_kind::median), 0));
  EXPECT_TRUE(oe::close_from(ar::run<ar::expanding_percent_rank>({}, x),
                             reference(x, 0, 1, stat_kind::rank), 0));
}

TEST(Quantile, MedianMatchesQuantileHalf) {
  const auto x = oe::series(3000, 8, 0.05);
  EXPECT_TRUE(oe::close_from(ar::run<ar::median>({.window = 30}, x),
                             ar::run<ar::quantile>({.window = 30, .q = 0.5}, x), 1e-15));
}

TEST(Quantile, BadParameters) {
  ALPHA_EXPECT_CONFIG_ERROR(ar::quantile({.window = 0, .q = 0.5}), "window");
  ALPHA_EXPECT_CONFIG_ERROR(ar::quantile({.window = 5, .q = -0.01}), "q");
  ALPHA_EXPECT_CONFIG_ERROR(ar::quantile({.window = 5, .q = 1.01}), "q");
  ALPHA_EXPECT_CONFIG_ERROR(ar::quantile({.window = 5, .q = NAN}), "q");
  ALPHA_EXPECT_CONFIG_ERROR(ar::quantile({.window = 5, .q = 0.5, .min_periods = 0}), "min_periods");
  ALPHA_EXPECT_CONFIG_ERROR(ar::median({.window = 5, .min_periods = 9}), "min_periods");
  ALPHA_EXPECT_CONFIG_ERROR(ar::percent_rank({.window = 0}), "window");
  ALPHA_EXPECT_CONFIG_ERROR(ar::expanding_quantile({.q = 2}), "q");
  ALPHA_EXPECT_CONFIG_ERROR(ar::expanding_median({.min_periods = 0}), "min_periods");
}
