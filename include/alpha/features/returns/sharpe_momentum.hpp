/// @file
/// alpha::features::sharpe_momentum: mean over standard deviation of the last w returns.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/returns/return_kind.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Sharpe-like (risk-adjusted) momentum: m_t = mean(r) / sd(r) over the last w one-bar returns
/// r_u = x_u / x_{u-1} - 1 (or ln(x_u / x_{u-1})), sd with divisor w - 1 (sample), no risk-free
/// rate, per bar: multiply by sqrt(252) for an annualised daily figure. Also known as the
/// information-ratio or t-stat form of momentum (t = m sqrt(w)).
///
/// - Params: window w >= 2 (20), kind (simple). Lookback: w (w returns need w + 1 prices).
/// - NaN when every return in the window is equal (sd = 0).
/// - NaN rule: a NaN input is skipped (the next return is taken against the last valid price;
///   output repeats).
/// - Complexity: O(1) amortised per update (rolling::variance sums), O(w) memory.
/// @test tests/features_ts/returns_vol_test.cpp (two-pass long-double loop, laws)
class sharpe_momentum {
 public:
  struct params {
    std::size_t window = 20;                 ///< w >= 2 returns
    return_kind kind = return_kind::simple;  ///< simple or log
  };
  static constexpr std::array<std::string_view, 1> output_names{"sharpe_mom"};

  explicit sharpe_momentum(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        kind_(detail::ts::check_kind(p.kind)),
        mean_({.window = w_}),
        var_({.window = w_, .ddof = 1}) {}

  /// Pushes the next price. O(1) amortised.
  void update(double x) noexcept {
    if (is_nan(x)) return;
    if (!is_nan(prev_)) {
      const double r = detail::ts::price_return(x, prev_, kind_);
      mean_.update(r);
      var_.update(r);
    }
    prev_ = x;
  }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const double sd = std::sqrt(var_.value());
    return sd > 0.0 ? mean_.value() / sd : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return var_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    mean_.reset();
    var_.reset();
    prev_ = nan;
  }

 private:
  std::size_t w_;
  return_kind kind_;
  rolling::mean mean_;
  rolling::variance var_;
  double prev_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
