/// @file
/// Balance of power (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Balance of power (TA-Lib BOP): (C - O) / (H - L), 0 when H - L < 1e-8 (TA-Lib's
/// TA_IS_ZERO_OR_NEG). Unsmoothed, as TA-Lib (smooth it with a moving average if wanted).
/// Parameters: none. Warm-up: lookback() = 0. NaN rule: a bar with a NaN open, high, low or
/// close is skipped (value() repeats the previous output). O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (direct formula; laws)
class balance_of_power {
 public:
  struct params {};
  static constexpr input_fields inputs = input_fields::ohlc;
  static constexpr std::array<std::string_view, 1> output_names{"bop"};

  explicit balance_of_power(const params& = {}) noexcept {}
  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const double range = b.high - b.low;
    value_ = range < 0.00000001 ? 0.0 : (b.close - b.open) / range;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 0; }
  void reset() noexcept { value_ = nan; }

 private:
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
