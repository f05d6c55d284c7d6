/// @file
/// alpha::features::relative_strength: ratio of a short-horizon return to a long-horizon one.
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

/// Time-series relative strength (source design S1, "20d / 60d"): rs_t = r_t(s) / r_t(l), the
/// return over the last s bars divided by the return over the last l bars, with
/// r_t(h) = x_t / x_{t-h} - 1 (kind = simple, S1's pandas form) or ln(x_t / x_{t-h})
/// (kind = log: the share of the l-bar log move made in the last s bars, 1 when all of it).
/// Defaults s = 20, l = 60.
///
/// Why this form: the gross-return ratio (1 + r(s)) / (1 + r(l)) = x_{t-l} / x_{t-s} does not
/// depend on x_t at all, so it is not offered. The ratio of returns is unbounded when r(l) is
/// near 0: it is NaN when r(l) = 0 exactly, and users usually clip or rank it cross-sectionally.
///
/// - Params: short_horizon s >= 1, long_horizon l > s, kind. Lookback: l.
/// - NaN rule: a NaN input is skipped (horizons count valid prices; output repeats).
/// - Complexity: O(1) per update, O(l) memory.
/// @test tests/features_ts/returns_vol_test.cpp (hand-worked series, laws)
class relative_strength {
 public:
  struct params {
    std::size_t short_horizon = 20;          ///< s >= 1
    std::size_t long_horizon = 60;           ///< l > s
    return_kind kind = return_kind::simple;  ///< simple or log
  };
  static constexpr std::array<std::string_view, 1> output_names{"rel_strength"};

  explicit relative_strength(const params& p) : r_(p.short_horizon, p.long_horizon, p.kind) {}

  /// Pushes the next price. O(1).
  void update(double x) noexcept { r_.push(x); }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const double den = r_.long_return();
    return den != 0.0 ? r_.short_return() / den : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return r_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return r_.long_horizon(); }
  void reset() noexcept { r_.clear(); }

 private:
  detail::ts::two_horizon_returns r_;
};

}  // namespace features
ALPHA_END_NAMESPACE
