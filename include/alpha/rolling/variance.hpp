/// @file
/// alpha::rolling::variance and alpha::rolling::std_dev: windowed variance and standard
/// deviation, sample (ddof = 1, default) or population (ddof = 0).
///
/// Customization points: none (concrete accumulators modelling alpha::StreamingAccumulator).
#pragma once

#include "alpha/config.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/window_params.hpp"

#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Rolling variance of the valid values among the last `window` inputs: sum (x - mean)^2 /
/// (n - ddof), n = number of valid values (pandas `rolling().var(ddof)`; ddof = 0 is TA-Lib VAR
/// and TTR runSD(sample = FALSE)^2).
///
/// - NaN rule: NaN inputs occupy a slot and are skipped; output NaN unless the window holds
///   >= max(min_periods, ddof + 1) valid values (min_periods default: window).
/// - Warm-up: lookback() = max(min_periods, ddof + 1) - 1 (w - 1 by default).
/// - Exact zero: when every valid value in the window is equal the output is exactly 0.
/// - Precision: sums of powers of deviations from an origin refreshed to the window mean every
///   w updates, compensated (two-sum) on add and remove: on 1e9 + N(0, 1e-3) noise the relative
///   error stays ~1e-12 after 10^7 updates (tests/rolling/variance_test.cpp measures it).
/// - Complexity: O(1) amortised per update (plus an O(w) rebuild every w updates), O(w) memory;
///   the batch kernel performs the same operations: bit-equal to streaming.
/// - Errors: config_error for window 0, min_periods 0 or > window, ddof >= window.
/// @test tests/rolling/variance_test.cpp (pandas std20 ddof 1/0, long-double two-pass, laws)
class variance : public ::alpha::detail::window_stat<variance, ::alpha::detail::power_sums<2>,
                                                     window_ddof_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P& p) {
    return ::alpha::detail::ddof_statistic_min(p);
  }
  static const char* name() noexcept { return "rolling::variance"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<2>& s, const P& p) noexcept {
    return s.central()[0] / static_cast<double>(s.count - p.ddof);
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_ddof_params& p, std::span<const double> in,
                         std::span<double> out) {
    block_batch<2>(p, p.ddof, in, {}, out, ::alpha::detail::block::fin_variance<false>{});
  }
  /// @endcond
};

/// Rolling standard deviation: sqrt of rolling::variance (same ddof, NaN rule, warm-up,
/// precision and complexity). pandas `rolling().std(ddof)`; ddof = 0 is TA-Lib STDDEV and the
/// Bollinger-band deviation.
/// @test tests/rolling/variance_test.cpp (pandas rolling_std20_ddof1/ddof0, laws)
class std_dev : public ::alpha::detail::window_stat<std_dev, ::alpha::detail::power_sums<2>,
                                                    window_ddof_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P& p) {
    return variance::statistic_min(p);
  }
  static const char* name() noexcept { return "rolling::std_dev"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<2>& s, const P& p) noexcept {
    return std::sqrt(variance::compute(s, p));
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see rolling::variance.
  static void fast_batch(const window_ddof_params& p, std::span<const double> in,
                         std::span<double> out) {
    block_batch<2>(p, p.ddof, in, {}, out, ::alpha::detail::block::fin_variance<true>{});
  }
  /// @endcond
};

}  // namespace rolling
ALPHA_END_NAMESPACE
