/// @file
/// alpha::features::roll_spread: Roll's (1984) effective spread from the serial covariance of
/// price changes.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/covariance.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// What roll_spread reports when the serial covariance is >= 0 (Roll's model needs a negative
/// one; positive autocovariance, e.g. from momentum, leaves the spread undefined).
enum class roll_positive_covariance {
  zero,  ///< report 0 (the common choice in the literature, e.g. Goyenko-Holden-Trzcinka 2009)
  nan,   ///< report NaN (undefined)
};

/// Roll (1984, J. Finance 39) spread: S_t = 2 sqrt(-cov(dp_u, dp_{u-1})) over the last w pairs
/// of consecutive price changes dp_u = C_u - C_{u-1} (price units), or dp_u = ln(C_u / C_{u-1})
/// with `relative` (the spread as a fraction of the price). cov is the sample covariance
/// (divisor w - 1, pairwise rolling::covariance). When cov >= 0 the output is 0 or NaN
/// (`positive_covariance`, default zero).
///
/// - Params: window w >= 2 (20), relative (false), positive_covariance (zero).
/// - Lookback: w + 1 (the first pair (dp_2, dp_1) is at bar 2).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats; the next change uses
///   the last valid price).
/// - Complexity: O(1) amortised per update, O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked series, two-pass loop, laws)
class roll_spread {
 public:
  struct params {
    std::size_t window = 20;  ///< w >= 2 pairs of changes
    bool relative = false;    ///< log price changes: spread as a fraction of the price
    roll_positive_covariance positive_covariance = roll_positive_covariance::zero;
  };
  static constexpr std::array<std::string_view, 1> output_names{"roll_spread"};

  explicit roll_spread(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        relative_(p.relative),
        zero_(checked_policy(p.positive_covariance) == roll_positive_covariance::zero),
        cov_({.window = w_, .ddof = 1}) {}

  /// Pushes the next price. O(1) amortised.
  void update(double x) noexcept {
    if (is_nan(x)) return;
    if (!is_nan(prev_)) {
      const double dp = relative_ ? std::log(x / prev_) : x - prev_;
      if (!is_nan(prev_dp_)) cov_.update(dp, prev_dp_);
      prev_dp_ = dp;
    }
    prev_ = x;
  }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const double c = cov_.value();
    if (c < 0.0) return 2.0 * std::sqrt(-c);
    return zero_ && !is_nan(c) ? 0.0 : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return cov_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_ + 1; }
  void reset() noexcept {
    cov_.reset();
    prev_ = prev_dp_ = nan;
  }

 private:
  static roll_positive_covariance checked_policy(roll_positive_covariance p) {
    if (p != roll_positive_covariance::zero && p != roll_positive_covariance::nan)
      throw config_error("positive_covariance", "must be roll_positive_covariance::zero or ::nan");
    return p;
  }
  std::size_t w_;
  bool relative_, zero_;
  rolling::covariance cov_;
  double prev_ = nan, prev_dp_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
