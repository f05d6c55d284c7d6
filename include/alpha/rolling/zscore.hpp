/// @file
/// alpha::rolling::zscore: standard score of the newest input within its window.
///
/// Customization points: none (concrete accumulator modelling alpha::StreamingAccumulator).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/variance.hpp"
#include "alpha/rolling/window_params.hpp"

#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Rolling z-score (x_t - mean) / std, mean and std (divisor n - ddof, default sample) over the
/// valid values of the window ending at t, x_t included: pandas
/// `(x - x.rolling(w).mean()) / x.rolling(w).std(ddof)`.
///
/// - NaN rule: NaN when x_t is NaN, when the window holds fewer than max(min_periods, ddof + 1)
///   valid values (min_periods default: window), or when std = 0 (all valid values equal).
/// - Warm-up: lookback() = max(min_periods, ddof + 1) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update, O(w) memory; batch bit-equal to streaming.
/// - Precision: as rolling::variance.
/// @test tests/rolling/zscore_test.cpp (long-double two-pass reference with NaNs, laws)
class zscore : public ::alpha::detail::window_stat<zscore, ::alpha::detail::power_sums<2>,
                                                   window_ddof_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P& p) {
    return variance::statistic_min(p);
  }
  static const char* name() noexcept { return "rolling::zscore"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<2>& s, const P& p) noexcept {
    const double x = s.newest;
    if (is_nan(x) || s.constant()) return nan;
    const double sd = std::sqrt(variance::compute(s, p));
    if (!(sd > 0.0)) return nan;
    // (x - mean) from deviations about the origin, avoiding the large-magnitude mean.
    const double dev = (x - s.origin) - s.s[0].value() / static_cast<double>(s.count);
    return dev / sd;
  }
  /// Fast batch kernel (used by rolling::run): block two-scan, see the class comment.
  static void fast_batch(const window_ddof_params& p, std::span<const double> in,
                         std::span<double> out) {
    block_batch<2>(p, p.ddof, in, {}, out, ::alpha::detail::block::fin_zscore{});
  }
  /// @endcond
};

}  // namespace rolling
ALPHA_END_NAMESPACE
