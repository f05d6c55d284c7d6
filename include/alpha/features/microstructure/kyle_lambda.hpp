/// @file
/// alpha::features::kyle_lambda: rolling price-impact slope of price changes on signed dollar
/// volume (Kyle 1985, bar-based estimate).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/covariance.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Kyle's lambda (Kyle 1985; bar form as in Lopez de Prado, AFML section 19.3.1): the OLS slope
/// (with intercept) of dp_u = C_u - C_{u-1} on the signed dollar volume
/// x_u = s_u C_u V_u / unit over the last w bars, where s_u = sign(dp_u) is the bar's trade
/// sign from the bar return (tick rule on closes: +1, -1, or 0 for an unchanged close):
/// lambda = cov(x, dp) / var(x) (rolling::beta). The price move per `unit` of net signed order
/// flow; unit = 1e6 by default (price change per $1M).
///
/// - Params: window w >= 2 (20), dollar_volume_unit > 0 (1e6). Lookback: w.
/// - NaN when x is constant over the window (e.g. no price change at all).
/// - NaN rule: a bar with a NaN close or volume is skipped (state unchanged, output repeats);
///   the next change uses the last valid close.
/// - Complexity: O(1) amortised per bar, O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (two-pass OLS loop, laws)
class kyle_lambda {
 public:
  struct params {
    std::size_t window = 20;          ///< w >= 2 bars in the regression
    double dollar_volume_unit = 1e6;  ///< regressor unit (currency)
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"kyle_lambda"};

  explicit kyle_lambda(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        unit_(detail::ts::check_positive(p.dollar_volume_unit, "dollar_volume_unit")),
        beta_({.window = w_}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (is_nan(b.close) || is_nan(b.volume)) return;
    if (!is_nan(prev_)) {
      const double dp = b.close - prev_;
      const double sign = dp > 0.0 ? 1.0 : (dp < 0.0 ? -1.0 : 0.0);
      beta_.update(sign * (b.close * b.volume / unit_), dp);
    }
    prev_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return beta_.value(); }
  [[nodiscard]] bool ready() const noexcept { return beta_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    beta_.reset();
    prev_ = nan;
  }

 private:
  std::size_t w_;
  double unit_;
  rolling::beta beta_;
  double prev_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
