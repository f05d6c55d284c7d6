/// @file
/// Keltner channels (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/true_range.hpp"
#include "alpha/rolling/ewm.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Keltner channels, StockCharts' (Raschke) convention (defaults EMA 20, ATR 10, multiplier 2):
/// middle = EMA_20(C) (rolling::ema: k = 2/(n+1), SMA seed, TA-Lib's EMA), upper/lower =
/// middle +/- multiplier * ATR_10 (features::atr: Wilder, TA-Lib's ATR). Not in TA-Lib; TTR's
/// `keltnerChannels` differs (EMA of the typical price, ATR over the same n with its own MA).
/// Outputs {upper, middle, lower}, all from the same bar.
/// Parameters: ema_period, atr_period >= 1, multiplier finite > 0 (config_error naming them).
/// Warm-up: lookback() = max(ema_period - 1, atr_period). NaN rule: a bar with a NaN high, low
/// or close is skipped (state unchanged, value() repeats). O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (naive EMA and ATR recursions; laws)
class keltner {
 public:
  struct params {
    std::size_t ema_period = 20;  ///< >= 1
    std::size_t atr_period = 10;  ///< >= 1
    double multiplier = 2.0;      ///< > 0
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 3> output_names{"upper", "middle", "lower"};

  explicit keltner(const params& p)
      : mid_({detail::checked_period("ema_period", p.ema_period)}),
        atr_({detail::checked_period("atr_period", p.atr_period)}),
        mult_(detail::checked_positive("multiplier", p.multiplier)),
        lookback_(std::max(p.ema_period - 1, p.atr_period)) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    mid_.update(b.close);
    atr_.update(b);
  }
  [[nodiscard]] std::array<double, 3> value() const noexcept {
    if (!ready()) return {nan, nan, nan};
    const double m = mid_.value(), w = mult_ * atr_.value();
    return {m + w, m, m - w};
  }
  [[nodiscard]] bool ready() const noexcept { return mid_.ready() && atr_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return lookback_; }
  void reset() noexcept {
    mid_.reset();
    atr_.reset();
  }

 private:
  ::alpha::rolling::ema mid_;
  atr atr_;
  double mult_;
  std::size_t lookback_;
};

}  // namespace features
ALPHA_END_NAMESPACE
