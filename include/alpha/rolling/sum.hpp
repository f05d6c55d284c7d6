/// @file
/// alpha::rolling::sum and alpha::rolling::mean: windowed sum and arithmetic mean.
///
/// Customization points: none (concrete accumulators modelling alpha::StreamingAccumulator).
#pragma once

#include "alpha/config.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/window_params.hpp"

#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Rolling sum of the valid values among the last `window` inputs (pandas `rolling().sum()`).
///
/// - Convention: plain sum; NaN inputs occupy a slot but are skipped.
/// - Output: NaN until the window holds >= min_periods valid values (default: window), so an
///   all-NaN window gives NaN (not 0, unlike pandas with min_periods=0, which we reject).
/// - Warm-up: lookback() = min_periods - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update (compensated add/remove, exact rebuild every w
///   updates), O(w) memory. Batch kernel: same operations, bit-equal to streaming.
/// @test tests/rolling/sum_test.cpp (pandas-style naive reference, laws suite)
class sum
    : public ::alpha::detail::window_stat<sum, ::alpha::detail::power_sums<1>, window_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P&) noexcept {
    return 1;
  }
  static const char* name() noexcept { return "rolling::sum"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<1>& s, const P&) noexcept {
    return s.sum();
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_params& p, std::span<const double> in,
                         std::span<double> out) {
    block_batch<1>(p, 0, in, {}, out, ::alpha::detail::block::fin_sum{});
  }
  /// @endcond
};

/// Rolling arithmetic mean of the valid values among the last `window` inputs (pandas
/// `rolling().mean()`, TA-Lib SMA when min_periods = window).
///
/// - Convention: sum of valid values / their count; NaN inputs occupy a slot but are skipped.
/// - Output: NaN until the window holds >= min_periods valid values (default: window).
/// - Warm-up: lookback() = min_periods - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update, O(w) memory; batch bit-equal to streaming.
/// - Precision: the mean is K + S/n with S a compensated sum of deviations from an origin K
///   refreshed every w updates: relative error ~1e-15 even on 1e9 + tiny noise.
/// @test tests/rolling/sum_test.cpp (pandas sma20 on ttrc/sp500/msft, laws suite)
class mean
    : public ::alpha::detail::window_stat<mean, ::alpha::detail::power_sums<1>, window_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P&) noexcept {
    return 1;
  }
  static const char* name() noexcept { return "rolling::mean"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<1>& s, const P&) noexcept {
    return s.mean();
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_params& p, std::span<const double> in,
                         std::span<double> out) {
    block_batch<1>(p, 0, in, {}, out, ::alpha::detail::block::fin_mean{});
  }
  /// @endcond
};

}  // namespace rolling
ALPHA_END_NAMESPACE
