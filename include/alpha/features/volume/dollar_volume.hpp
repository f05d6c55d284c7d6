/// @file
/// alpha::features::dollar_volume and alpha::features::average_daily_value: traded value per
/// bar and its rolling mean.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Dollar volume (traded value) of a bar: dv_t = P_t V_t with P_t = C_t (the usual proxy), or
/// the bar's own VWAP when `use_bar_vwap` and bar::vwap is given (then dv is the exact traded
/// value; features::run has no VWAP field and always uses the close).
///
/// - Params: use_bar_vwap (false). Lookback: 0.
/// - NaN rule: a bar with a NaN close or volume is skipped (output repeats the previous one).
/// - Complexity: O(1) per bar.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked bars, laws)
class dollar_volume {
 public:
  struct params {
    bool use_bar_vwap = false;  ///< price the volume at bar::vwap when present
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"dollar_volume"};

  explicit dollar_volume(const params& p) : use_vwap_(p.use_bar_vwap) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (is_nan(b.close) || is_nan(b.volume)) return;
    value_ = (use_vwap_ && !is_nan(b.vwap) ? b.vwap : b.close) * b.volume;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 0; }
  void reset() noexcept { value_ = nan; }

 private:
  bool use_vwap_;
  double value_ = nan;
};

/// Average daily value (ADV in currency): the mean of dollar_volume over the last w bars,
/// (1/w) sum C_u V_u (or bar::vwap x V with use_bar_vwap). The liquidity measure behind
/// participation caps and impact models.
///
/// - Params: window w >= 1 (20), use_bar_vwap (false). Lookback: w - 1.
/// - NaN rule: a bar with a NaN close or volume is skipped (state unchanged, output repeats).
/// - Complexity: O(1) amortised per bar (rolling::mean), O(w) memory.
/// @test tests/features_ts/volume_micro_test.cpp (naive loop, laws)
class average_daily_value {
 public:
  struct params {
    std::size_t window = 20;    ///< w >= 1 bars
    bool use_bar_vwap = false;  ///< price the volume at bar::vwap when present
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"adv"};

  explicit average_daily_value(const params& p)
      : mean_({.window = detail::ts::check_window(p.window, "window")}),
        use_vwap_(p.use_bar_vwap) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (is_nan(b.close) || is_nan(b.volume)) return;
    mean_.update((use_vwap_ && !is_nan(b.vwap) ? b.vwap : b.close) * b.volume);
  }
  [[nodiscard]] double value() const noexcept { return mean_.value(); }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return mean_.lookback(); }
  void reset() noexcept { mean_.reset(); }

 private:
  rolling::mean mean_;
  bool use_vwap_;
};

}  // namespace features
ALPHA_END_NAMESPACE
