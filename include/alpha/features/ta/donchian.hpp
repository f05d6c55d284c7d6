/// @file
/// Donchian channels (alpha::features).
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

/// Donchian channels (TTR `DonchianChannel(include.lag = FALSE)`; default period 20): upper =
/// highest high, lower = lowest low of the last n bars including t, middle = (upper + lower)/2.
/// For a breakout rule compare C_t with the channel of t-1 (the channel at t contains H_t).
/// Outputs {upper, middle, lower}. Not in TA-Lib (its MAX/MIN of high/low give upper/lower).
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n - 1.
/// NaN rule: a bar with a NaN high or low is skipped (state unchanged, value() repeats).
/// Complexity: O(1) amortised per bar (monotonic deques), O(n) memory.
/// @test tests/features/bar_naive_test.cpp (naive window scans; laws)
class donchian {
 public:
  struct params {
    std::size_t period = 20;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::high | input_fields::low;
  static constexpr std::array<std::string_view, 3> output_names{"upper", "middle", "lower"};

  explicit donchian(const params& p)
      : hh_({.window = detail::checked_period("period", p.period)}), ll_({.window = p.period}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    hh_.update(b.high);
    ll_.update(b.low);
  }
  [[nodiscard]] std::array<double, 3> value() const noexcept {
    if (!ready()) return {nan, nan, nan};
    const double hi = hh_.value(), lo = ll_.value();
    return {hi, (hi + lo) / 2.0, lo};
  }
  [[nodiscard]] bool ready() const noexcept { return hh_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return hh_.lookback(); }
  void reset() noexcept {
    hh_.reset();
    ll_.reset();
  }

 private:
  ::alpha::rolling::max hh_;
  ::alpha::rolling::min ll_;
};

}  // namespace features
ALPHA_END_NAMESPACE
