/// @file
/// alpha::rolling::covariance, correlation and beta: windowed statistics of two aligned series.
///
/// Customization points: none (concrete accumulators modelling alpha::PairAccumulator:
/// `update(x, y)`, batch `rolling::run<A>(params, x, y, out)`).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/window_params.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Rolling covariance of (x, y): sum (x - mx)(y - my) / (n - ddof) over the valid pairs of the
/// window (pandas `x.rolling(w).cov(y, ddof)`).
///
/// - NaN rule: a pair counts only when both x and y are non-NaN (pairwise-complete; equals pandas
///   whenever the NaNs of x and y are aligned, pandas otherwise mixes per-series means); output NaN
///   unless the window holds >= max(min_periods, ddof + 1) valid pairs (default: window).
/// - Warm-up: lookback() = max(min_periods, ddof + 1) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update, O(w) memory; batch bit-equal to streaming.
/// - Precision: compensated sums of deviations from origins refreshed every w updates.
/// @test tests/rolling/covariance_test.cpp (long-double two-pass reference with NaNs, laws)
class covariance : public ::alpha::detail::window_stat<covariance, ::alpha::detail::pair_sums,
                                                       window_ddof_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P& p) {
    return ::alpha::detail::ddof_statistic_min(p);
  }
  static const char* name() noexcept { return "rolling::covariance"; }
  template <class P>
  static double compute(const ::alpha::detail::pair_sums& s, const P& p) noexcept {
    return s.central()[2] / static_cast<double>(s.count - p.ddof);
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_ddof_params& p, std::span<const double> x,
                         std::span<const double> y, std::span<double> out) {
    block_batch<5>(p, p.ddof, x, y, out, ::alpha::detail::block::fin_covariance{});
  }
  /// @endcond
};

/// Rolling Pearson correlation of (x, y) over the valid pairs of the window (pandas
/// `x.rolling(w).corr(y)`), clamped to [-1, 1].
///
/// - NaN rule: pairwise-complete as rolling::covariance; NaN with fewer than max(min_periods, 2)
///   valid pairs, and NaN when x or y is constant over the window (zero variance).
/// - Warm-up: lookback() = max(min_periods, 2) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update, O(w) memory; batch bit-equal to streaming.
/// @test tests/rolling/covariance_test.cpp (long-double two-pass reference with NaNs, laws)
class correlation
    : public ::alpha::detail::window_stat<correlation, ::alpha::detail::pair_sums, window_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P&) noexcept {
    return 2;
  }
  static const char* name() noexcept { return "rolling::correlation"; }
  template <class P>
  static double compute(const ::alpha::detail::pair_sums& s, const P&) noexcept {
    const auto c = s.central();
    if (!(c[0] > 0.0) || !(c[1] > 0.0)) return nan;
    return std::clamp(c[2] / std::sqrt(c[0] * c[1]), -1.0, 1.0);
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_params& p, std::span<const double> x,
                         std::span<const double> y, std::span<double> out) {
    block_batch<5>(p, 0, x, y, out, ::alpha::detail::block::fin_correlation{});
  }
  /// @endcond
};

/// Rolling beta of y on x (OLS slope with intercept): cov(x, y) / var(x) over the valid pairs of
/// the window (ddof cancels). update(x, y): x is the regressor (e.g. the benchmark), y the asset.
///
/// - NaN rule: pairwise-complete as rolling::covariance; NaN with fewer than max(min_periods, 2)
///   valid pairs, and NaN when x is constant over the window.
/// - Warm-up: lookback() = max(min_periods, 2) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update, O(w) memory; batch bit-equal to streaming.
/// @test tests/rolling/covariance_test.cpp (long-double two-pass reference with NaNs, laws)
class beta : public ::alpha::detail::window_stat<beta, ::alpha::detail::pair_sums, window_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P&) noexcept {
    return 2;
  }
  static const char* name() noexcept { return "rolling::beta"; }
  template <class P>
  static double compute(const ::alpha::detail::pair_sums& s, const P&) noexcept {
    const auto c = s.central();
    if (!(c[0] > 0.0)) return nan;
    return c[2] / c[0];
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_params& p, std::span<const double> x,
                         std::span<const double> y, std::span<double> out) {
    block_batch<5>(p, 0, x, y, out, ::alpha::detail::block::fin_beta{});
  }
  /// @endcond
};

}  // namespace rolling
ALPHA_END_NAMESPACE
