/// @file
/// Arms' ease of movement (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Ease of movement, TTR `EMV` convention (defaults n = 9, volume divisor 10000, SMA): with
/// M_t = (H_t + L_t)/2, box ratio B_t = (V_t / divisor) / (H_t - L_t),
/// emv_t = (M_t - M_{t-1}) / B_t (t >= 1; 0 when H == L, NaN when V == 0), and emv_ma = simple
/// mean of emv over the last n bars (rolling::mean: a NaN emv makes emv_ma NaN while it is in the
/// window). StockCharts uses a divisor of 1e8 and n = 14. Not in TA-Lib.
/// Outputs {emv, emv_ma}. Warm-up: emv 1, emv_ma n; lookback() = n.
/// Parameters: period n >= 1 (config_error "period"), volume_divisor finite > 0
/// (config_error "volume_divisor"). NaN rule: a bar with a NaN high, low or volume is skipped
/// (state unchanged, value() repeats). Complexity: O(1) amortised per bar.
/// @test tests/features/bar_naive_test.cpp (naive formula and window means; laws)
class ease_of_movement {
 public:
  struct params {
    std::size_t period = 9;           ///< n >= 1
    double volume_divisor = 10000.0;  ///< > 0
  };
  static constexpr input_fields inputs =
      input_fields::high | input_fields::low | input_fields::volume;
  static constexpr std::array<std::string_view, 2> output_names{"emv", "emv_ma"};

  explicit ease_of_movement(const params& p)
      : ma_({.window = detail::checked_period("period", p.period)}),
        divisor_(detail::checked_positive("volume_divisor", p.volume_divisor)) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const double mid = (b.high + b.low) / 2.0;
    if (!is_nan(prev_mid_)) {
      const double box = (b.volume / divisor_) / (b.high - b.low);
      emv_ = b.volume != 0.0 ? (mid - prev_mid_) / box : nan;
      ma_.update(emv_);
      started_ = true;
    }
    prev_mid_ = mid;
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept {
    return {started_ ? emv_ : nan, ma_.value()};
  }
  [[nodiscard]] bool ready() const noexcept { return ma_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return ma_.lookback() + 1; }
  void reset() noexcept {
    ma_.reset();
    prev_mid_ = emv_ = nan;
    started_ = false;
  }

 private:
  ::alpha::rolling::mean ma_;
  double divisor_;
  double prev_mid_ = nan;
  double emv_ = nan;
  bool started_ = false;
};

}  // namespace features
ALPHA_END_NAMESPACE
