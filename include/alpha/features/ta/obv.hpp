/// @file
/// On-balance volume (alpha::features).
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

/// On-balance volume (TA-Lib OBV, TTR `OBV`): OBV_0 = V_0; OBV_t = OBV_{t-1} + V_t if
/// C_t > C_{t-1}, - V_t if C_t < C_{t-1}, unchanged if equal.
/// Parameters: none. Warm-up: lookback() = 0. NaN rule: a bar with a NaN close or volume is
/// skipped (state unchanged, value() repeats; the next bar compares with the last complete
/// close). O(1) per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib and TTR `obv`; laws)
class obv {
 public:
  struct params {};
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"obv"};

  explicit obv(const params& = {}) noexcept {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    if (is_nan(obv_))
      obv_ = b.volume;
    else if (b.close > prev_close_)
      obv_ += b.volume;
    else if (b.close < prev_close_)
      obv_ -= b.volume;
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return obv_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(obv_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 0; }
  void reset() noexcept { obv_ = prev_close_ = nan; }

 private:
  double obv_ = nan;
  double prev_close_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
