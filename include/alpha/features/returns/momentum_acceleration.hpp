/// @file
/// alpha::features::momentum_acceleration: short-horizon return minus long-horizon return.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/returns/return_kind.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Momentum acceleration (source design S1): a_t = r_t(s) - r_t(l), the return over the last s
/// bars minus the return over the last l bars, r_t(h) = x_t / x_{t-h} - 1 (or ln(x_t / x_{t-h})
/// with kind = log). Positive when the recent move outpaces the longer trend. Defaults s = 5,
/// l = 20 ("5d - 20d").
///
/// - Params: short_horizon s >= 1, long_horizon l > s, kind. Lookback: l.
/// - NaN rule: a NaN input is skipped (horizons count valid prices; output repeats).
/// - Complexity: O(1) per update, O(l) memory.
/// @test tests/features_ts/returns_vol_test.cpp (hand-worked series, laws)
class momentum_acceleration {
 public:
  struct params {
    std::size_t short_horizon = 5;           ///< s >= 1
    std::size_t long_horizon = 20;           ///< l > s
    return_kind kind = return_kind::simple;  ///< simple or log
  };
  static constexpr std::array<std::string_view, 1> output_names{"mom_accel"};

  explicit momentum_acceleration(const params& p) : r_(p.short_horizon, p.long_horizon, p.kind) {}

  /// Pushes the next price. O(1).
  void update(double x) noexcept { r_.push(x); }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    return r_.short_return() - r_.long_return();
  }
  [[nodiscard]] bool ready() const noexcept { return r_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return r_.long_horizon(); }
  void reset() noexcept { r_.clear(); }

 private:
  detail::ts::two_horizon_returns r_;
};

}  // namespace features
ALPHA_END_NAMESPACE
