/// @file
/// Elder's force index (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/ewm.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Elder's force index (default period 13): raw force F_t = (C_t - C_{t-1}) V_t (t >= 1),
/// smoothed by rolling::ema (k = 2/(n+1), seeded with the SMA of the first n forces: TA-Lib's EMA
/// convention; pandas-based libraries seed with F_1 and differ in the first bars). Period 1 gives
/// the raw force. Not in TA-Lib or TTR.
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n.
/// NaN rule: a bar with a NaN close or volume is skipped (state unchanged, value() repeats; the
/// next force uses the last complete close). O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (naive SMA-seeded recursion; laws)
class force_index {
 public:
  struct params {
    std::size_t period = 13;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"force"};

  explicit force_index(const params& p) : ema_({detail::checked_period("period", p.period)}) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    if (!is_nan(prev_close_)) ema_.update((b.close - prev_close_) * b.volume);
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return ema_.value(); }
  [[nodiscard]] bool ready() const noexcept { return ema_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return ema_.lookback() + 1; }
  void reset() noexcept {
    ema_.reset();
    prev_close_ = nan;
  }

 private:
  ::alpha::rolling::ema ema_;
  double prev_close_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
