/// @file
/// Expanding (cumulative) versions of the moment accumulators: every input since construction or
/// reset is in the window (pandas `expanding(min_periods)`).
///
/// Design: one type per statistic (expanding_sum, expanding_mean, expanding_variance,
/// expanding_std_dev, expanding_covariance, expanding_correlation, expanding_beta,
/// expanding_skewness, expanding_kurtosis), sharing the formulas of the windowed types and taking
/// rolling::expanding_params {min_periods (default 1), ddof (default 1)}. They have no batch
/// kernel: rolling::run replays the streaming interface, so batch == streaming trivially.
///
/// Common rules:
/// - NaN rule: NaN inputs are skipped for ever (they never leave); the output is NaN until
///   max(min_periods, statistic minimum) valid values have been seen.
/// - Warm-up: lookback() = max(min_periods, statistic minimum) - 1 (statistic minimum: 1 for sum
///   and mean, ddof + 1 for variance/std/covariance, 2 for correlation/beta, 3 skewness,
///   4 kurtosis).
/// - Precision: compensated sums of powers of deviations from the first valid value (no rebuild
///   is possible without a window); adequate while the series does not drift many standard
///   deviations away from its first value relative to its spread.
/// - Complexity: O(1) per update, O(1) memory.
///
/// Customization points: none (concrete accumulators).
#pragma once

#include "alpha/config.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/covariance.hpp"
#include "alpha/rolling/moments.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"
#include "alpha/rolling/window_params.hpp"

#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

namespace detail {
/// Expanding accumulator reusing the statistic of windowed type W over sums S.
template <class W, class S>
class expanding_of
    : public ::alpha::detail::expanding_stat<expanding_of<W, S>, S, expanding_params> {
  using base = ::alpha::detail::expanding_stat<expanding_of<W, S>, S, expanding_params>;

 public:
  using base::base;
  /// @cond
  static std::size_t statistic_min(const expanding_params& p) {
    if constexpr (requires { W::statistic_min(p); })
      return W::statistic_min(p);
    else
      return 1;
  }
  static double compute(const S& s, const expanding_params& p) noexcept { return W::compute(s, p); }
  /// @endcond
};
}  // namespace detail

/// Expanding sum of the valid values (pandas `expanding().sum()`). See the file comment.
/// @test tests/rolling/expanding_test.cpp (long-double reference with NaNs, hand case, laws)
using expanding_sum = detail::expanding_of<sum, ::alpha::detail::power_sums<1>>;
/// Expanding mean (pandas `expanding().mean()`). See the file comment.
/// @test tests/rolling/expanding_test.cpp
using expanding_mean = detail::expanding_of<mean, ::alpha::detail::power_sums<1>>;
/// Expanding variance, divisor n - ddof (pandas `expanding().var(ddof)`).
/// @test tests/rolling/expanding_test.cpp
using expanding_variance = detail::expanding_of<variance, ::alpha::detail::power_sums<2>>;
/// Expanding standard deviation, divisor n - ddof (pandas `expanding().std(ddof)`).
/// @test tests/rolling/expanding_test.cpp
using expanding_std_dev = detail::expanding_of<std_dev, ::alpha::detail::power_sums<2>>;
/// Expanding covariance of (x, y), pairwise-complete, divisor n - ddof.
/// @test tests/rolling/expanding_test.cpp
using expanding_covariance = detail::expanding_of<covariance, ::alpha::detail::pair_sums>;
/// Expanding Pearson correlation of (x, y), pairwise-complete.
/// @test tests/rolling/expanding_test.cpp
using expanding_correlation = detail::expanding_of<correlation, ::alpha::detail::pair_sums>;
/// Expanding beta of y on x, pairwise-complete.
/// @test tests/rolling/expanding_test.cpp
using expanding_beta = detail::expanding_of<beta, ::alpha::detail::pair_sums>;
/// Expanding bias-corrected skewness G1 (pandas `expanding().skew()`).
/// @test tests/rolling/expanding_test.cpp
using expanding_skewness = detail::expanding_of<skewness, ::alpha::detail::power_sums<3>>;
/// Expanding bias-corrected excess kurtosis G2 (pandas `expanding().kurt()`).
/// @test tests/rolling/expanding_test.cpp
using expanding_kurtosis = detail::expanding_of<kurtosis, ::alpha::detail::power_sums<4>>;

}  // namespace rolling
ALPHA_END_NAMESPACE
