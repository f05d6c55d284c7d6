/// @file
/// alpha::features::price_improvement: signed price improvement of the VWAP against the close.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/rolling_vwap.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Signed price improvement vs VWAP (source design S1): spi_t = s_t (C_t - VWAP_t) / VWAP_t,
/// with s_t = sign(C_t - C_{t-1}) the side that dominated the bar (tick rule on closes: +1 up,
/// -1 down, 0 unchanged) and VWAP_t as in vwap_deviation. Reading: on an up bar buyers dominated
/// and buying at the VWAP instead of the close saved (C - VWAP) / VWAP; on a down bar sellers
/// dominated and selling at the VWAP earned (VWAP - C) / VWAP more than at the close. Positive
/// values mean the dominant side's average fill beat the close (pressure built up during the
/// bar, a continuation sign); negative values mean the close retraced against the dominant side.
///
/// - Params: period p >= 1 (1), use_bar_vwap (true). Lookback: max(p - 1, 1) (the sign needs
///   the previous close).
/// - NaN rule: a bar with a NaN high, low, close or volume is skipped (the sign then uses the
///   last valid close; output repeats). NaN when the VWAP is NaN (zero volume).
/// - Complexity: O(1) amortised per bar, O(p) memory.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked bars, laws)
class price_improvement {
 public:
  struct params {
    std::size_t period = 1;    ///< p >= 1 bars in the VWAP
    bool use_bar_vwap = true;  ///< use bar::vwap when present
  };
  static constexpr input_fields inputs = input_fields::hlcv;
  static constexpr std::array<std::string_view, 1> output_names{"price_improvement"};

  explicit price_improvement(const params& p)
      : vwap_({.period = p.period, .use_bar_vwap = p.use_bar_vwap}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    vwap_.update(b);
    if (vwap_.ready() && !is_nan(prev_close_)) {
      const double v = vwap_.value();
      const double side = b.close > prev_close_ ? 1.0 : (b.close < prev_close_ ? -1.0 : 0.0);
      value_ = side * ((b.close - v) / v);
      has_output_ = true;
    }
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return has_output_; }
  [[nodiscard]] std::size_t lookback() const noexcept {
    return vwap_.lookback() > 1 ? vwap_.lookback() : 1;
  }
  void reset() noexcept {
    vwap_.reset();
    prev_close_ = value_ = nan;
    has_output_ = false;
  }

 private:
  rolling_vwap vwap_;
  double prev_close_ = nan;
  double value_ = nan;
  bool has_output_ = false;
};

}  // namespace features
ALPHA_END_NAMESPACE
