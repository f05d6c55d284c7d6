/// @file
/// Williams' %R (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/minmax.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Williams' %R (TA-Lib WILLR; default period 14): %R_t = -100 (HH_n - C_t) / (HH_n - LL_n) in
/// [-100, 0], HH_n / LL_n over the last n bars including t; 0 when HH_n == LL_n (TA-Lib).
/// TTR `WPR` differs in scale and sign: WPR = (HH - C)/(HH - LL) in [0, 1] = -%R / 100.
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n - 1.
/// NaN rule: a bar with a NaN high, low or close is skipped (state unchanged, value() repeats).
/// Complexity: O(1) amortised per bar (monotonic deques), O(n) memory.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `willr14`, TTR `wpr14` rescaled; laws)
class williams_r {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"willr"};

  explicit williams_r(const params& p)
      : hh_({.window = detail::checked_period("period", p.period)}), ll_({.window = p.period}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    hh_.update(b.high);
    ll_.update(b.low);
    if (!hh_.ready()) return;
    const double hi = hh_.value();
    const double diff = (hi - ll_.value()) / (-100.0);
    value_ = diff != 0.0 ? (hi - b.close) / diff : 0.0;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return hh_.lookback(); }
  void reset() noexcept {
    hh_.reset();
    ll_.reset();
    value_ = nan;
  }

 private:
  ::alpha::rolling::max hh_;
  ::alpha::rolling::min ll_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
